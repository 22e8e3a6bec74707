using System.Globalization;
using System.Net;
using System.Text;
using HotReload.Conformance.Checking;

namespace HotReload.Conformance.Reports;

/// <summary>
/// One self-contained page per run: the summary table, then per scenario an inline-SVG timeline (one lane per
/// client, colour by version served, red for failed requests, a dark outline where a rule was broken, dashed
/// lines at edits and acknowledgements) and the first violating requests. No script, no network.
/// </summary>
public static class HtmlReport
{
    private const int Width = 1200;
    private const int LaneHeight = 14;
    private const int Left = 60;
    private const int Top = 20;

    public static string Write(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Reload conformance: ").Append(E(run.Target)).Append("</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;font-size:13px}")
            .Append("th{background:#f3f3f3}.pass{color:#1a7f37;font-weight:bold}.fail{color:#cf222e;font-weight:bold}.n0{color:#aaa}")
            .Append("section{margin-top:28px}code{font-size:12px}li{font-size:13px;margin:2px 0}.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}")
            .Append("</style></head><body>");
        html.Append("<h1>Reload conformance: ").Append(E(run.Target)).Append("</h1><p>").Append(E(run.Description)).Append("</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Run {run.StartedAt:yyyy-MM-dd HH:mm} UTC on {E(run.Machine)}; {run.Clients} concurrent clients{(run.Quick ? ", quick" : "")}. Verdict: ")
            .Append(run.Conformant ? "<span class=\"pass\">conformant</span>" : "<span class=\"fail\">not conformant</span>").Append("</p>");
        Summary(html, run);
        html.Append("<p class=\"legend\">Timelines: one lane per client, time left to right.<span style=\"background:#8ecae6\"></span>versions (hue by version)")
            .Append("<span style=\"background:#d62828\"></span>failed request<span style=\"background:#fff;border:2px solid #000\"></span>broke a rule")
            .Append("<span style=\"background:#6a4c93\"></span>edit / acknowledgement (dashed)</p>");
        foreach (var scenario in run.Scenarios)
        {
            Scenario(html, scenario);
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Summary(StringBuilder html, RunResult run)
    {
        html.Append("<table><tr><th>scenario</th><th>requirement</th><th>result</th><th>requests</th>");
        foreach (var column in MarkdownReport.Columns)
        {
            html.Append("<th>").Append(column).Append("</th>");
        }

        html.Append("<th>other</th><th>reload p50 / p99 / max ms</th></tr>");
        foreach (var s in run.Scenarios)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{s.Key}\">{E(s.Key)}</a></td><td>{s.RequirementId}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"{(s.Outcome == ScenarioOutcome.Passed ? "pass" : "fail")}\">{MarkdownReport.Outcome(s)}</td><td>{s.Requests}</td>");
            foreach (var column in MarkdownReport.Columns)
            {
                var n = s.Count(column);
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"{(n == 0 ? "n0" : "fail")}\">{n}</td>");
            }

            html.Append("<td>").Append(E(string.Join(", ", s.Counts.Where(c => !MarkdownReport.Columns.Contains(c.Key)).Select(c => $"{c.Value} {c.Key}")))).Append("</td>")
                .Append("<td>").Append(MarkdownReport.LatencyText(s.Latency)).Append("</td></tr>");
        }

        html.Append("</table>");
    }

    private static void Scenario(StringBuilder html, ScenarioResult s)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"{s.Key}\"><h2>{s.RequirementId} {E(s.Key)}: {E(s.Title)} — ")
            .Append(s.Outcome == ScenarioOutcome.Passed ? "<span class=\"pass\">pass</span>" : $"<span class=\"fail\">{MarkdownReport.Outcome(s)}</span>").Append("</h2>");
        if (s.Timeline is { } timeline)
        {
            Svg(html, timeline);
        }

        if (s.Notes.Count > 0 || s.FirstFindings.Count > 0)
        {
            html.Append("<ul>");
            foreach (var note in s.Notes)
            {
                html.Append("<li>note: ").Append(E(note)).Append("</li>");
            }

            foreach (var f in s.FirstFindings)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><code>{f.Rule}</code> at {(f.AtMs is { } at ? $"{at:0.0} ms" : "-")}{(f.Client is { } c ? $", client {c}" : "")}: {E(f.Detail)}</li>");
            }

            html.Append("</ul>");
        }

        html.Append("</section>");
    }

    private static void Svg(StringBuilder html, Timeline timeline)
    {
        var lanes = Math.Max(1, timeline.Clients);
        var height = Top + (lanes * LaneHeight) + 30;
        var scale = (Width - Left - 10) / Math.Max(1.0, timeline.DurationMs);
        string X(double ms) => (Left + (ms * scale)).ToString("0.#", CultureInfo.InvariantCulture);
        string W(double from, double to) => Math.Max(0.8, (to - from) * scale).ToString("0.#", CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" style=\"border:1px solid #ddd;background:#fafafa\">");
        for (var lane = 0; lane < lanes; lane++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{Top + (lane * LaneHeight) + 10}\" font-size=\"10\">client {lane}</text>");
        }

        foreach (var segment in timeline.Segments)
        {
            var y = Top + (segment.Client * LaneHeight) + 1;
            var fill = segment.Version is { } v ? Colour(v) : "#d62828";
            var stroke = segment.Violated ? " stroke=\"#000\" stroke-width=\"1.5\"" : "";
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{X(segment.StartMs)}\" y=\"{y}\" width=\"{W(segment.StartMs, segment.EndMs)}\" height=\"{LaneHeight - 3}\" fill=\"{fill}\"{stroke}>")
                .Append(CultureInfo.InvariantCulture, $"<title>client {segment.Client}, {segment.Requests} request(s) {segment.StartMs:0.0}–{segment.EndMs:0.0} ms: {(segment.Version is { } ver ? $"version {ver}" : "failed")}{(segment.Violated ? ", broke a rule" : "")}</title></rect>");
        }

        var bottom = Top + (lanes * LaneHeight);
        var labelRow = 0;
        foreach (var mark in timeline.Marks)
        {
            var colour = mark.Label.StartsWith("ack", StringComparison.Ordinal) ? "#2a9d8f" : "#6a4c93";
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(mark.AtMs)}\" x2=\"{X(mark.AtMs)}\" y1=\"{Top - 4}\" y2=\"{bottom}\" stroke=\"{colour}\" stroke-dasharray=\"3,2\"><title>{mark.AtMs:0.0} ms: {E(mark.Label)}</title></line>");
            if (timeline.Marks.Count <= 20)
            {
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(mark.AtMs)}\" y=\"{bottom + 12 + (labelRow * 10)}\" font-size=\"9\" fill=\"{colour}\">{E(mark.Label)}</text>");
                labelRow = (labelRow + 1) % 2;
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"12\" font-size=\"10\">0 ms</text><text x=\"{Width - 80}\" y=\"12\" font-size=\"10\">{timeline.DurationMs:0} ms</text></svg>");
    }

    /// <summary>Neighbouring versions get clearly different hues; red is kept for failures.</summary>
    private static string Colour(long version)
    {
        var hue = (int)((90 + (version * 47)) % 300) + 30;
        return string.Create(CultureInfo.InvariantCulture, $"hsl({hue},55%,62%)");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
