using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Sources.Directory;

/// <summary>The composed config (or why there is none), each file's state, and the fragments now in use (the next pass's last good).</summary>
internal sealed record Composition(ConfigCheck Check, IReadOnlyList<FragmentReport> Files, IReadOnlyDictionary<string, Fragment> InUse);

/// <summary>
/// Puts the fragments of a config directory together into one config. Pure: the same reads and last-good
/// fragments always give the same result.
/// <para>
/// Each file starts with its new content; a file whose content is broken, duplicates a route id or cluster
/// name of another file, fails validation against the clusters of the rest, or needs a cluster that only a
/// file not in use defines, falls back to its last good content, then to nothing. Falling back can take a
/// cluster away from another file, so the checks repeat until nothing changes (each step only moves a file
/// down, so this ends). In strict mode any file not applied rejects the whole set.
/// </para>
/// </summary>
internal static class FragmentComposer
{
    private enum Choice
    {
        New,
        LastGood,
        None,
    }

    public static Composition Compose(string directory, IReadOnlyList<FragmentRead> reads, IReadOnlyDictionary<string, Fragment> lastGood,
        IReadOnlySet<string> deletePending, ConfigValidator validator, bool strict)
    {
        ArgumentNullException.ThrowIfNull(reads);
        ArgumentNullException.ThrowIfNull(lastGood);
        ArgumentNullException.ThrowIfNull(deletePending);
        ArgumentNullException.ThrowIfNull(validator);
        var entries = new SortedDictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            entries[read.Name] = new Entry(directory, read, lastGood.GetValueOrDefault(read.Name));
        }

        foreach (var name in deletePending)
        {
            if (lastGood.TryGetValue(name, out var kept) && !entries.ContainsKey(name))
            {
                var entry = new Entry(directory, FragmentRead.Gone(name), kept);
                entry.Note("The file was deleted. Its last good routes and clusters keep serving until it has stayed deleted for the delete grace (--delete-grace); put it back to keep them.");
                entries[name] = entry;
            }
        }

        foreach (var entry in entries.Values)
        {
            entry.Start();
        }

        while (DemoteDuplicates(entries.Values) || DemoteInvalid(entries.Values, validator))
        {
        }

        return Finish(directory, entries.Values.ToList(), validator, strict);
    }

    private static bool DemoteDuplicates(IEnumerable<Entry> entries)
    {
        var inUse = entries.Where(e => e.Chosen is not null).ToList();
        foreach (var (kind, owners) in Owners(inUse, f => f.Config.Routes.Select(r => r.Id), "route id").Concat(Owners(inUse, f => f.Config.Clusters.Keys, "cluster")))
        {
            // The file that changed brings the duplicate; when both (or neither) changed, neither wins.
            var changed = owners.Where(o => o.entry.Choice == Choice.New && o.entry.IsChanged).ToList();
            var losers = changed.Count > 0 ? changed : owners;
            // Every message is written before any file falls back, while each owner's positions are still at hand.
            var where = owners.ToDictionary(o => o.entry, o => $"{o.entry.Read.Name} ({o.path} at {o.entry.Chosen!.Positions.Locate(o.path).Line}:{o.entry.Chosen.Positions.Locate(o.path).Column})");
            var failures = losers.Select(l => (l.entry, error: new ConfigError(l.path, l.entry.Chosen!.Positions.Locate(l.path),
                $"The {kind} '{l.name}' is defined in {l.entry.Read.Name} and also in {string.Join(", ", owners.Where(o => o.entry != l.entry).Select(o => where[o.entry]))}; names must be unique across the directory. Rename or remove one of them."))).ToList();
            foreach (var (entry, error) in failures)
            {
                entry.Fail([error], heldBack: false);
            }

            // Falling back changed what is in use: look for duplicates again from scratch.
            return true;
        }

        return false;
    }

    private static IEnumerable<(string Kind, List<(Entry entry, string path, string name)> Owners)> Owners(List<Entry> inUse, Func<Fragment, IEnumerable<string>> names, string kind)
    {
        var byName = new Dictionary<string, List<(Entry, string, string)>>(StringComparer.Ordinal);
        foreach (var entry in inUse)
        {
            var index = 0;
            foreach (var name in names(entry.Chosen!))
            {
                var path = kind == "cluster" ? JsonPaths.Cluster(name) : JsonPaths.Property(JsonPaths.Route(index), "id");
                index++;
                if (string.IsNullOrEmpty(name))
                {
                    continue;
                }

                if (!byName.TryGetValue(name, out var list))
                {
                    byName[name] = list = [];
                }

                if (list.All(o => o.Item1 != entry))
                {
                    list.Add((entry, path, name));
                }
            }
        }

        return byName.Values.Where(list => list.Count > 1).Select(list => (kind, list));
    }

    private static bool DemoteInvalid(IReadOnlyCollection<Entry> entries, ConfigValidator validator)
    {
        var clusters = AllClusters(entries);
        foreach (var entry in entries.Where(e => e.Chosen is not null))
        {
            var fragment = entry.Chosen!;
            var inContext = new ProxyConfig { Routes = fragment.Config.Routes, Clusters = clusters };
            var errors = validator.Validate(inContext, fragment.Positions).Errors.Where(e => Owns(fragment, e.JsonPath)).ToList();
            if (errors.Count == 0)
            {
                continue;
            }

            // A route naming a cluster that only a file not in use defines waits for that file: held back.
            var waitingFor = fragment.Config.Routes
                .Select((route, i) => (route, path: JsonPaths.Property(JsonPaths.Route(i), "cluster")))
                .Where(r => r.route.Cluster is not null && !clusters.ContainsKey(r.route.Cluster))
                .Select(r => (r.path, cluster: r.route.Cluster!, definedIn: entries.FirstOrDefault(e => e != entry && e.Defines(r.route.Cluster!))))
                .Where(r => r.definedIn is not null)
                .ToList();
            var heldBack = waitingFor.Count > 0 && errors.All(e => waitingFor.Any(w => w.path == e.JsonPath));
            if (heldBack)
            {
                errors = waitingFor.Select(w => new ConfigError(w.path, fragment.Positions.Locate(w.path),
                    $"Cluster '{w.cluster}' is defined only in {w.definedIn!.Read.Name}, which is not in use ({w.definedIn.Describe()}); this file is held back until that one applies. Fix {w.definedIn.Read.Name}, or define the cluster here.")).ToList();
            }

            entry.Fail(errors, heldBack);
            return true;
        }

        return false;
    }

    private static Composition Finish(string directory, List<Entry> entries, ConfigValidator validator, bool strict)
    {
        var reports = entries.Select(e => e.Report()).ToList();
        var errors = entries.Where(e => !e.Read.IsGone).SelectMany(e => e.Report().Errors).ToList();
        var failed = entries.Any(e => e.State != FragmentState.Applied && !e.Read.IsGone);
        var inUse = entries.Where(e => e.Chosen is not null).ToDictionary(e => e.Read.Name, e => e.Chosen!, StringComparer.Ordinal);
        if (strict && failed)
        {
            return new Composition(new ConfigCheck { Reason = RejectionReason.Invalid, Errors = errors }, reports, inUse);
        }

        var merged = new ProxyConfig
        {
            Routes = new ValueList<RouteConfig>(inUse.Values.SelectMany(f => f.Config.Routes)),
            Clusters = AllClusters(entries),
        };

        // Every fragment passed in the context of the others; what is left is a rule over the whole set (totals).
        var whole = validator.Validate(merged, SourceMap.Empty);
        if (whole.Valid is not { } valid)
        {
            var asDirectory = whole.Errors.Select(e => e with { File = directory }).ToList();
            return new Composition(new ConfigCheck { Reason = RejectionReason.Invalid, Errors = asDirectory }, reports, inUse);
        }

        // The same fragments in use give the same hash, on every instance and after every restart.
        var sha = ConfigCheck.HashOf(System.Text.Encoding.UTF8.GetBytes(string.Concat(inUse.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}\0{f.Value.Sha256}\n"))));
        return new Composition(new ConfigCheck { Reason = RejectionReason.None, Valid = valid, Sha256 = sha }, reports, inUse);
    }

    private static ValueMap<ClusterConfig> AllClusters(IEnumerable<Entry> entries) =>
        new(entries.Where(e => e.Chosen is not null).SelectMany(e => e.Chosen!.Config.Clusters), StringComparer.Ordinal);

    /// <summary>Errors about other files' clusters belong to those files' own checks.</summary>
    private static bool Owns(Fragment fragment, string path)
    {
        if (!path.StartsWith("clusters", StringComparison.Ordinal))
        {
            return true;
        }

        return fragment.Config.Clusters.Keys.Any(name => path == JsonPaths.Cluster(name) || path.StartsWith(JsonPaths.Cluster(name) + ".", StringComparison.Ordinal));
    }

    private sealed class Entry(string directory, FragmentRead read, Fragment? lastGood)
    {
        private readonly List<ConfigError> _errors = [];

        public FragmentRead Read { get; } = read;

        public Choice Choice { get; private set; } = Choice.None;

        public FragmentState State { get; private set; } = FragmentState.Applied;

        public bool IsChanged => lastGood is null || Read.Sha256 != lastGood.Sha256;

        public Fragment? Chosen => Choice switch
        {
            Choice.New => Read.Parsed,
            Choice.LastGood => lastGood,
            _ => null,
        };

        public void Note(string message) => _errors.Add(ConfigError.ForFile(message) with { File = Path.Combine(directory, Read.Name) });

        public void Start()
        {
            if (Read.IsGone)
            {
                Choice = Choice.LastGood;
                State = FragmentState.KeptLastGood;
                return;
            }

            if (Read.Parsed is { } parsed && parsed.Config.Server is not null)
            {
                Choice = Choice.New;
                Fail([new ConfigError("server", parsed.Positions.Locate("server"),
                    "A fragment in a config directory holds only \"routes\" and \"clusters\"; set listener addresses with --urls and --admin-urls.")], heldBack: false);
                return;
            }

            if (Read.Parsed is not null)
            {
                Choice = Choice.New;
                return;
            }

            Choice = Choice.New;
            Fail(Read.Errors, heldBack: false);
        }

        public void Fail(IEnumerable<ConfigError> errors, bool heldBack)
        {
            _errors.AddRange(errors.Select(e => e with { File = Path.Combine(directory, Read.Name) }));
            if (Choice == Choice.New && lastGood is not null && IsChanged)
            {
                Choice = Choice.LastGood;
                State = heldBack ? FragmentState.HeldBack : FragmentState.KeptLastGood;
            }
            else
            {
                Choice = Choice.None;
                State = heldBack ? FragmentState.HeldBack : FragmentState.Rejected;
            }
        }

        public bool Defines(string cluster) =>
            (Read.Parsed?.Config.Clusters.ContainsKey(cluster) ?? false) || (lastGood?.Config.Clusters.ContainsKey(cluster) ?? false);

        public string Describe() => Read.IsGone ? "deleted" : State switch
        {
            FragmentState.HeldBack => "held back",
            FragmentState.KeptLastGood => "its new content is rejected",
            _ => "rejected",
        };

        public FragmentReport Report() =>
            new(Read.Name, Read.Sha256, State, Chosen?.Sha256, _errors.ToList());
    }
}
