using System.Globalization;
using System.Text;
using HotReload.Conformance.Checking;

namespace HotReload.Conformance.Reports;

/// <summary>The run as a Markdown page: one row per scenario, then the first violations of each.</summary>
public static class MarkdownReport
{
    public static readonly IReadOnlyList<string> Columns = [Rules.Failed, Rules.Stale, Rules.Torn, Rules.RejectedGeneration, Rules.StaleAfterAck];

    public static string Write(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Reload conformance: {run.Target}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{run.Description}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {run.StartedAt:yyyy-MM-dd HH:mm} UTC on {run.Machine}; {run.Clients} concurrent clients{(run.Quick ? ", quick" : "")}. " +
            $"Verdict: **{(run.Conformant ? "conformant" : "not conformant")}** ({run.Scenarios.Count(s => s.Outcome == ScenarioOutcome.Passed)}/{run.Scenarios.Count} scenarios pass).");
        text.AppendLine();
        text.AppendLine("| scenario | requirement | result | requests | failed | stale | torn | rejected-generation | stale-after-ack | other | reload p50 / p99 / max ms |");
        text.AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var s in run.Scenarios)
        {
            var other = string.Join(", ", s.Counts.Where(c => !Columns.Contains(c.Key)).Select(c => $"{c.Value} {c.Key}"));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Key} | {s.RequirementId} | {Outcome(s)} | {s.Requests} | {s.Count(Rules.Failed)} | {s.Count(Rules.Stale)} | {s.Count(Rules.Torn)} | {s.Count(Rules.RejectedGeneration)} | {s.Count(Rules.StaleAfterAck)} | {other} | {LatencyText(s.Latency)} |");
        }

        foreach (var s in run.Scenarios.Where(s => s.FirstFindings.Count > 0 || s.Notes.Count > 0))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {s.RequirementId} {s.Key}: {s.Title}");
            text.AppendLine();
            foreach (var note in s.Notes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- note: {note.Replace("\n", " ", StringComparison.Ordinal)}");
            }

            foreach (var f in s.FirstFindings)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- `{f.Rule}` at {(f.AtMs is { } at ? $"{at:0.0} ms" : "-")}: {f.Detail}");
            }
        }

        return text.ToString();
    }

    public static string Outcome(ScenarioResult s) => s.Outcome switch
    {
        ScenarioOutcome.Passed => "pass",
        ScenarioOutcome.Violated => "FAIL",
        _ => "ERROR",
    };

    public static string LatencyText(Latency? latency) =>
        latency is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"{latency.P50Ms:0} / {latency.P99Ms:0} / {latency.MaxMs:0}");
}
