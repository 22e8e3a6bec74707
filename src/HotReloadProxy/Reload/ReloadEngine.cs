using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Configuration.Model;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Configuration.Validation;
using HotReloadProxy.Observability;
using HotReloadProxy.Snapshots;
using Microsoft.Extensions.Logging;

namespace HotReloadProxy.Reload;

/// <summary>
/// The single writer of the current snapshot. One attempt at a time: read, hash, same as current? no-op;
/// parse, validate, compile, swap one reference, publish. Anything wrong leaves the current snapshot
/// serving and says why, once per distinct condition.
/// </summary>
internal sealed class ReloadEngine
{
    private readonly IConfigFileSource _source;
    private readonly ConfigValidator _validator;
    private readonly SnapshotCompiler _compiler;
    private readonly SnapshotHolder _holder;
    private readonly ReloadNotifier _notifier;
    private readonly ReloadMetrics? _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ReloadEngineOptions _options;
    private readonly Lock _writer = new();
    private ReloadStatus? _status;
    private string? _lastRejectionKey;

    public ReloadEngine(IConfigFileSource source, ConfigValidator validator, SnapshotCompiler compiler, SnapshotHolder holder,
        ReloadNotifier notifier, ReloadMetrics? metrics, TimeProvider time, ILogger<ReloadEngine> logger, ReloadEngineOptions options)
    {
        _source = source;
        _validator = validator;
        _compiler = compiler;
        _holder = holder;
        _notifier = notifier;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _options = options;
    }

    public string SourcePath => _source.Path;

    /// <summary>The state after the last attempt; null until the initial load.</summary>
    public ReloadStatus? Status => Volatile.Read(ref _status);

    /// <summary>Loads generation 1, or throws <see cref="ConfigLoadException"/> with every error.</summary>
    public ConfigSnapshot LoadInitial()
    {
        try
        {
            return LoadInitialLocked();
        }
        finally
        {
            _notifier.RaisePending();
        }
    }

    private ConfigSnapshot LoadInitialLocked()
    {
        lock (_writer)
        {
            if (_holder.Current is { } loaded)
            {
                return loaded;
            }

            var started = _time.GetTimestamp();
            var check = ConfigCheck.Load(_source, _validator, _options.MaxConfigBytes);
            var usingDefault = check.Reason == RejectionReason.Missing && _options.FallBackToEmbeddedDefault;
            if (usingDefault)
            {
                check = ConfigCheck.Run(new ConfigFileRead.Content(EmbeddedDefaultConfig.Bytes), _validator, _options.MaxConfigBytes);
            }

            if (!check.IsValid)
            {
                throw new ConfigLoadException(_source.Path, check.Reason, check.Errors);
            }

            var now = _time.GetUtcNow();
            var snapshot = _compiler.Compile(check.Valid!, 1, check.Sha256!, now, _source.Path, previous: null);
            _holder.Swap(snapshot);
            if (usingDefault)
            {
                Log.DefaultConfigInUse(_logger, _source.Path);
            }

            Log.ConfigLoaded(_logger, 1, usingDefault ? "the embedded default" : _source.Path, ShortHash(snapshot.Sha256), snapshot.Config.Routes.Count, snapshot.Config.Clusters.Count);
            var outcome = new ReloadOutcome
            {
                Result = ReloadResult.Applied,
                ReloadReason = ReloadReason.Startup,
                At = now,
                Generation = 1,
                Sha256 = snapshot.Sha256,
                Duration = _time.GetElapsedTime(started),
            };
            Volatile.Write(ref _status, new ReloadStatus
            {
                Generation = 1,
                Sha256 = snapshot.Sha256,
                LoadedAt = now,
                Source = _source.Path,
                UsingEmbeddedDefault = usingDefault,
                Mode = _options.Mode,
                LastAttempt = outcome,
            });
            _notifier.Publish(outcome);
            return snapshot;
        }
    }

    /// <summary>
    /// One reload attempt. With <paramref name="allowDefer"/>, a file that looks mid-write (missing, empty,
    /// malformed) is not judged yet: the method returns null and the caller retries after the quiet window.
    /// </summary>
    public ReloadOutcome? Reload(ReloadReason reason, bool allowDefer = false)
    {
        ArgumentNullException.ThrowIfNull(reason);
        try
        {
            return ReloadLocked(reason, allowDefer);
        }
        finally
        {
            // Subscribers run here, after the writer lock is released, so none of them can hold up a swap.
            _notifier.RaisePending();
        }
    }

    private ReloadOutcome? ReloadLocked(ReloadReason reason, bool allowDefer)
    {
        lock (_writer)
        {
            var current = _holder.Current ?? throw new InvalidOperationException("LoadInitial must succeed before reloads.");
            var started = _time.GetTimestamp();
            Log.ReloadTriggered(_logger, reason.ToString());
            var check = ConfigCheck.Load(_source, _validator, _options.MaxConfigBytes);

            if (check.Sha256 is not null && check.Sha256 == current.Sha256)
            {
                _lastRejectionKey = null;
                Log.ReloadUnchanged(_logger, _source.Path, ShortHash(current.Sha256), current.Generation);
                return Finish(new ReloadOutcome
                {
                    Result = ReloadResult.Unchanged, ReloadReason = reason, At = _time.GetUtcNow(), Generation = current.Generation,
                    Sha256 = check.Sha256, Duration = _time.GetElapsedTime(started),
                }, current);
            }

            if (check.IsValid && check.Config!.Server != current.Config.Server)
            {
                check = RestartRequired(check.Config, current.Config, check.Sha256);
            }

            if (!check.IsValid)
            {
                if (allowDefer && check.MayBeWriteInProgress)
                {
                    return null;
                }

                return Reject(reason, check, current, started);
            }

            return Apply(reason, check, current, started);
        }
    }

    private ReloadOutcome Apply(ReloadReason reason, ConfigCheck check, ConfigSnapshot current, long started)
    {
        var now = _time.GetUtcNow();
        var next = _compiler.Compile(check.Valid!, current.Generation + 1, check.Sha256!, now, _source.Path, current);
        _holder.Swap(next);
        // The duration ends at the swap, when new requests start on the new config. The diff is for the log,
        // /status and subscribers only, so it is worked out after the swap: on a large config it would delay it.
        var swapped = _time.GetTimestamp();
        var duration = _time.GetElapsedTime(started, swapped);
        _lastRejectionKey = null;
        var diff = ConfigDiff.Compute(current.Config, next.Config);
        var outcome = new ReloadOutcome
        {
            Result = ReloadResult.Applied, ReloadReason = reason, At = now, Generation = next.Generation, Sha256 = next.Sha256,
            Diff = diff, Duration = duration, SwappedAtTimestamp = swapped,
        };
        Log.ReloadApplied(_logger, next.Generation, ShortHash(next.Sha256), diff.Summary, outcome.Duration.TotalMilliseconds);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogRouteDetails(diff);
        }

        return Finish(outcome, next);
    }

    private ReloadOutcome Reject(ReloadReason reason, ConfigCheck check, ConfigSnapshot current, long started)
    {
        var outcome = new ReloadOutcome
        {
            Result = ReloadResult.Rejected, ReloadReason = reason, At = _time.GetUtcNow(), Generation = current.Generation,
            Sha256 = check.Sha256, Reason = check.Reason, Errors = check.Errors, Duration = _time.GetElapsedTime(started),
        };

        // Warn once per distinct condition: the same broken bytes (or the same missing file) seen again by
        // a poll or a duplicate event is not news.
        var key = $"{check.Reason}|{check.Sha256}|{string.Join('|', check.Errors.Select(e => e.Message))}";
        var rejection = ReasonText(check.Reason);
        if (key != _lastRejectionKey)
        {
            _lastRejectionKey = key;
            Log.ReloadRejected(_logger, rejection, current.Generation, string.Join(" ", check.Errors.Select(e => e.Format(_source.Path))));
        }
        else
        {
            Log.ReloadRejectedAgain(_logger, rejection, current.Generation);
        }

        return Finish(outcome, current);
    }

    private ReloadOutcome Finish(ReloadOutcome outcome, ConfigSnapshot serving)
    {
        var previous = Volatile.Read(ref _status)!;
        Volatile.Write(ref _status, previous with
        {
            Generation = serving.Generation,
            Sha256 = serving.Sha256,
            LoadedAt = serving.LoadedAt,
            UsingEmbeddedDefault = previous.UsingEmbeddedDefault && outcome.Result != ReloadResult.Applied,
            LastAttempt = outcome,
            Counts = previous.Counts.Add(outcome.Result),
        });
        _metrics?.Record(outcome);
        _notifier.Publish(outcome);
        return outcome;
    }

    private static ConfigCheck RestartRequired(ProxyConfig candidate, ProxyConfig current, string? sha) => new()
    {
        Reason = RejectionReason.RestartRequired,
        Sha256 = sha,
        Errors =
        [
            ConfigError.ForFile(
                $"The \"server\" section changed (urls {current.Server?.Urls ?? "(default)"} -> {candidate.Server?.Urls ?? "(default)"}, " +
                $"adminUrls {current.Server?.AdminUrls ?? "(default)"} -> {candidate.Server?.AdminUrls ?? "(default)"}). Listener addresses apply only at startup: " +
                "restart the proxy to use them, or revert that section to keep reloading without a restart."),
        ],
    };

    private void LogRouteDetails(ConfigDiff diff)
    {
        foreach (var route in diff.RoutesAdded)
        {
            Log.RouteChanged(_logger, route.Id, "added", RouteDescription.Describe(route));
        }

        foreach (var route in diff.RoutesChanged)
        {
            Log.RouteChanged(_logger, route.Id, "changed", RouteDescription.Describe(route));
        }

        foreach (var id in diff.RoutesRemoved)
        {
            Log.RouteChanged(_logger, id, "removed", "-");
        }
    }

    private static string ReasonText(RejectionReason reason) => reason switch
    {
        RejectionReason.Missing => "file missing",
        RejectionReason.Empty => "file empty",
        RejectionReason.Syntax => "JSON syntax error",
        RejectionReason.Invalid => "invalid config",
        RejectionReason.TooLarge => "file too large",
        RejectionReason.IsDirectory => "path is a directory",
        RejectionReason.Unreadable => "file unreadable",
        RejectionReason.RestartRequired => "restart required",
        _ => reason.ToString(),
    };

    internal static string ShortHash(string sha256) => sha256.Length > 8 ? sha256[..8] : sha256;
}

/// <summary>The config served when no file exists and none was named.</summary>
internal static class EmbeddedDefaultConfig
{
    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(EmbeddedDefaultConfig).Assembly.GetManifestResourceStream("HotReloadProxy.default-proxy.json")
            ?? throw new InvalidOperationException("The embedded default config is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    public static byte[] Bytes => Content.Value;
}
