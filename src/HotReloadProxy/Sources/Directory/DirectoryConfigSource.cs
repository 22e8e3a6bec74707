using System.Text.Json;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Reload;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Sources.Directory;

/// <summary>
/// A directory of fragment files (<c>--config-dir</c>) as one config source. Only the reload engine calls
/// <see cref="Check"/>, under its writer lock, so the per-file memory (last good fragments, when a file went
/// missing) has one writer; /status reads the immutable report published after each check.
/// </summary>
internal sealed class DirectoryConfigSource : IConfigFileSource, IComposedConfigSource, IStatusSection, IDisposable
{
    private readonly DirectorySourceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, long> _missingSince = new(StringComparer.Ordinal);
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private readonly ITimer _graceTimer;
    private IReadOnlyDictionary<string, Fragment> _lastGood = new Dictionary<string, Fragment>(StringComparer.Ordinal);
    private IReadOnlyList<FragmentReport> _files = [];
    private Action<ReloadReason>? _notify;

    public DirectoryConfigSource(DirectorySourceOptions options, TimeProvider time, ILogger<DirectoryConfigSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _logger = logger;
        Path = System.IO.Path.GetFullPath(options.Directory);
        _graceTimer = time.CreateTimer(_ => _notify?.Invoke(new ReloadReason(ReloadReasonKind.FileEvent, "delete grace elapsed")), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Path { get; }

    /// <summary>Each file's state after the last check, for /status.</summary>
    public IReadOnlyList<FragmentReport> Files => Volatile.Read(ref _files);

    /// <summary>Where the directory's trigger sends "check again" once a deleted file's grace has run out.</summary>
    public void OnRecheckNeeded(Action<ReloadReason> notify) => _notify = notify;

    public ConfigCheck Check(ConfigValidator validator, long maxBytes)
    {
        if (!System.IO.Directory.Exists(Path))
        {
            // The whole directory gone is a lost volume or a typo, never a request to drop every route.
            return new ConfigCheck
            {
                Reason = RejectionReason.Missing,
                Errors = [ConfigError.ForFile($"The config directory {Path} does not exist. The last good config keeps serving; restore the directory to apply changes.")],
            };
        }

        var reads = ReadAll(maxBytes);
        var pending = PendingDeletes(reads);
        var composition = FragmentComposer.Compose(Path, reads, _lastGood, pending, validator, _options.Strict);
        if (composition.Check.IsValid)
        {
            _lastGood = composition.InUse;
        }

        Volatile.Write(ref _files, composition.Files);
        LogFileStates(composition.Files);
        return composition.Check;
    }

    /// <summary>A directory has no single content; the engine reads it through <see cref="Check"/>.</summary>
    public ConfigFileRead Read(long maxBytes) => new ConfigFileRead.Unreadable($"{Path} is a config directory; it is read fragment by fragment.");

    public ConfigFileStamp Stamp()
    {
        // One stamp for the whole directory, listing every fragment's name, size and write time, so a poll sees
        // a rename or an older file moved over another as surely as an edit.
        var files = Fragments().Select(f => new FileInfo(f)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var newest = files.Count == 0 ? default : files.Max(f => f.LastWriteTimeUtc);
        var entries = string.Join('\n', files.Select(f => FormattableString.Invariant($"{f.Name}\t{f.Length}\t{f.LastWriteTimeUtc.Ticks}")));
        return new ConfigFileStamp(Path, System.IO.Directory.Exists(Path), IsDirectory: false, files.Sum(f => f.Length), newest, entries);
    }

    public void WriteStatus(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject("directory");
        writer.WriteString("path", Path);
        writer.WriteBoolean("strict", _options.Strict);
        writer.WriteNumber("deleteGraceMs", _options.DeleteGrace.TotalMilliseconds);
        writer.WriteStartArray("files");
        foreach (var file in Files)
        {
            writer.WriteStartObject();
            writer.WriteString("name", file.Name);
            writer.WriteString("sha256", file.Sha256);
            writer.WriteString("state", file.StateName);
            writer.WriteString("servingSha256", file.ServingSha256);
            writer.WriteStartArray("errors");
            foreach (var error in file.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("path", error.JsonPath);
                writer.WriteNumber("line", error.Position.Line);
                writer.WriteNumber("column", error.Position.Column);
                writer.WriteString("message", error.Message);
                writer.WriteString("formatted", error.Format(System.IO.Path.Combine(Path, file.Name)));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public void Dispose() => _graceTimer.Dispose();

    private List<string> Fragments()
    {
        try
        {
            return System.IO.Directory.EnumerateFiles(Path).Where(f => FragmentNames.IsFragment(System.IO.Path.GetFileName(f))).ToList();
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private List<FragmentRead> ReadAll(long maxBytes)
    {
        var reads = new List<FragmentRead>();
        foreach (var file in Fragments())
        {
            var name = System.IO.Path.GetFileName(file);
            var read = new PhysicalConfigFileSource(file).Read(maxBytes);
            if (read is ConfigFileRead.Missing)
            {
                continue;
            }

            if (read is not ConfigFileRead.Content content)
            {
                reads.Add(new FragmentRead(name, null, null, ConfigCheck.Run(read, new ConfigValidator(), maxBytes).Errors));
                continue;
            }

            var sha = ConfigCheck.HashOf(content.Bytes);
            var parsed = ConfigParser.Parse(content.Bytes);
            reads.Add(parsed.Succeeded
                ? new FragmentRead(name, sha, new Fragment(name, sha, parsed.Config, parsed.Positions), [])
                : new FragmentRead(name, sha, null, parsed.Errors));
        }

        return reads;
    }

    /// <summary>
    /// A file that had a last good fragment and is now gone keeps serving until it has stayed gone for the
    /// delete grace: an editor's or git's delete-and-recreate is over long before, a deliberate rm is not.
    /// </summary>
    private HashSet<string> PendingDeletes(List<FragmentRead> reads)
    {
        var present = reads.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in _missingSince.Keys.Where(present.Contains).ToList())
        {
            _missingSince.Remove(name);
        }

        var now = _time.GetTimestamp();
        var pending = new HashSet<string>(StringComparer.Ordinal);
        TimeSpan? nextDue = null;
        foreach (var name in _lastGood.Keys.Where(n => !present.Contains(n)))
        {
            if (!_missingSince.TryGetValue(name, out var since))
            {
                _missingSince[name] = since = now;
                SourcesLog.FragmentDeletePending(_logger, name, _options.DeleteGrace.TotalMilliseconds);
            }

            var left = _options.DeleteGrace - _time.GetElapsedTime(since, now);
            if (left > TimeSpan.Zero)
            {
                pending.Add(name);
                nextDue = nextDue is null || left < nextDue ? left : nextDue;
            }
            else
            {
                _missingSince.Remove(name);
                SourcesLog.FragmentRemoved(_logger, name);
            }
        }

        if (nextDue is { } due)
        {
            _graceTimer.Change(due, Timeout.InfiniteTimeSpan);
        }

        return pending;
    }

    private void LogFileStates(IReadOnlyList<FragmentReport> files)
    {
        foreach (var file in files.Where(f => f.State != FragmentState.Applied && f.Sha256 is not null))
        {
            // Once per file content and state: a poll or a duplicate event seeing the same broken file is not news.
            if (_warned.Add($"{file.Name}|{file.Sha256}|{file.State}"))
            {
                SourcesLog.FragmentNotApplied(_logger, file.Name, file.StateName, string.Join(" ", file.Errors.Select(e => e.Format(file.Name))));
            }
        }
    }
}

internal sealed record DirectorySourceOptions
{
    public static readonly TimeSpan DefaultDeleteGrace = TimeSpan.FromSeconds(2);

    public required string Directory { get; init; }

    /// <summary>All-or-nothing: any file not applied rejects the whole set.</summary>
    public bool Strict { get; init; }

    /// <summary>How long a deleted file must stay deleted before its routes and clusters are removed.</summary>
    public TimeSpan DeleteGrace { get; init; } = DefaultDeleteGrace;
}
