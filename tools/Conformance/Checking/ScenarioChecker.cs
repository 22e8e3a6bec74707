using HotReload.Conformance.Probing;
using HotReload.Conformance.Scenarios;
using HotReload.Testing.Load;

namespace HotReload.Conformance.Checking;

/// <summary>
/// Turns a scenario's history into a verdict: the harness's <see cref="HistoryChecker"/> for failed, stale,
/// torn and rejected-generation responses, plus stale-after-acknowledgement, latency and the scenario's own findings.
/// </summary>
internal static class ScenarioChecker
{
    private const int ShownPerRule = 5;

    public static ScenarioResult Check(Scenario scenario, ScenarioContext context, IReadOnlyList<RequestRecord> history, long loadStart, long quietSince, double durationMs)
    {
        var findings = new List<(Finding Finding, RequestRecord? Request)>();
        double? Ms(long? at) => at is { } t ? Math.Round(Clock.Milliseconds(t - loadStart), 1) : null;

        // A version written only in a rejected file still passes the generation check, so that serving it is
        // reported as rejected-generation rather than as an unknown one.
        var known = context.ValidVersions.Concat(context.RejectedVersions.Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture))).ToHashSet();
        var report = HistoryChecker.Check(history, new HistoryExpectations
        {
            ValidGenerations = known,
            RejectedVersions = context.RejectedVersions,
            FinalVersion = context.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            QuietSince = quietSince,
        });
        foreach (var violation in report.Violations)
        {
            findings.Add((new Finding(RuleOf(violation.Kind), Ms(violation.Request?.StartTimestamp), violation.Request?.Client, Describe(violation)), violation.Request));
        }

        foreach (var stale in StaleAfterAck(history, context.Acks))
        {
            findings.Add((new Finding(Rules.StaleAfterAck, Ms(stale.Request.StartTimestamp), stale.Request.Client, stale.Detail), stale.Request));
        }

        foreach (var (rule, at, detail) in context.Findings)
        {
            findings.Add((new Finding(rule, Ms(at), null, detail), null));
        }

        var counts = findings.GroupBy(f => f.Finding.Rule).ToDictionary(g => g.Key, g => g.Count());
        var first = findings.GroupBy(f => f.Finding.Rule)
            .SelectMany(g => g.OrderBy(f => f.Finding.AtMs ?? double.MaxValue).Take(ShownPerRule))
            .Select(f => f.Finding).OrderBy(f => f.AtMs ?? double.MaxValue).ToList();
        var violated = findings.Where(f => f.Request is not null).Select(f => f.Request!).ToHashSet();
        return new ScenarioResult
        {
            Key = scenario.Key,
            RequirementId = scenario.RequirementId,
            Title = scenario.Title,
            Outcome = findings.Count == 0 ? ScenarioOutcome.Passed : ScenarioOutcome.Violated,
            Requests = history.Count,
            Counts = counts,
            Latency = Latency.Of(Latencies(history, context.Writes)),
            FirstFindings = first,
            Notes = context.Notes,
            DurationMs = Math.Round(durationMs),
            Timeline = TimelineBuilder.Build(history, violated, context.Marks, loadStart, Clock.Now(), context.Clients),
        };
    }

    /// <summary>A request that started after the proxy acknowledged version v must not return an older one.</summary>
    internal static IEnumerable<(RequestRecord Request, string Detail)> StaleAfterAck(IReadOnlyList<RequestRecord> history, IReadOnlyList<(long Version, long At)> acks)
    {
        if (acks.Count == 0)
        {
            yield break;
        }

        var ordered = acks.OrderBy(a => a.At).ToList();
        foreach (var record in history.Where(r => r.Completed && r.Generation is not null).OrderBy(r => r.StartTimestamp))
        {
            // The newest acknowledgement before this request started (versions only grow, so it is the highest).
            var index = ordered.FindLastIndex(a => a.At < record.StartTimestamp);
            if (index >= 0 && record.Generation < ordered[index].Version)
            {
                yield return (record, $"started {Clock.Milliseconds(record.StartTimestamp - ordered[index].At):0.0} ms after version {ordered[index].Version} was acknowledged, returned version {record.Generation}");
            }
        }
    }

    private static List<double> Latencies(IReadOnlyList<RequestRecord> history, IReadOnlyList<(long Version, long WrittenAt)> writes)
    {
        var served = history.Where(r => r.Completed && r.Status == 200 && r.Generation is not null && r.HeaderVersion == r.ContentVersion)
            .OrderBy(r => r.EndTimestamp).ToList();
        var samples = new List<double>();
        foreach (var (version, writtenAt) in writes)
        {
            var firstNew = served.FirstOrDefault(r => r.Generation >= version && r.EndTimestamp > writtenAt);
            if (firstNew is not null)
            {
                samples.Add(Math.Round(Clock.Milliseconds(firstNew.EndTimestamp - writtenAt), 2));
            }
        }

        return samples;
    }

    private static string RuleOf(ViolationKind kind) => kind switch
    {
        ViolationKind.Failed => Rules.Failed,
        ViolationKind.Stale => Rules.Stale,
        ViolationKind.Torn => Rules.Torn,
        ViolationKind.RejectedContent => Rules.RejectedGeneration,
        ViolationKind.UnknownGeneration => Rules.UnknownGeneration,
        ViolationKind.NotConverged => Rules.NotConverged,
        _ => kind.ToString(),
    };

    private static string Describe(HistoryViolation violation)
    {
        var request = violation.Request;
        if (request is null)
        {
            return violation.Detail;
        }

        var error = request.Error is null ? "" : $" ({request.Error})";
        return $"client {request.Client} #{request.Sequence}: {violation.Detail}{error}";
    }
}
