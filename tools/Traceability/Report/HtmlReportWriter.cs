using System.Net;
using System.Text;
using HotReload.Traceability.Requirements;

namespace HotReload.Traceability.Report;

/// <summary>
/// coverage.html: one self-contained page (inline style, no script, no external link) so it opens
/// straight from a CI artifact. Every piece of text from the inputs is HTML-encoded.
/// </summary>
public static class HtmlReportWriter
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}
        table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}
        th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
        th{background:#f3f3f3}
        .passed{color:#1a7f37}.failed{color:#cf222e}.not-run{color:#9a6700}
        .covered{background:#eaf6ec}.no-test,.no-passing-test{background:#fdecea}
        """;

    public static string Write(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Requirement coverage</title>\n<style>\n")
            .Append(Style).Append("</style>\n</head>\n<body>\n<h1>Requirement coverage</h1>\n");
        html.Append("<p>").Append(E(OutcomeText.CoverageMeaning(report.HasResults))).Append("</p>\n");
        html.Append("<p>Overall: <strong>").Append(E(OutcomeText.Percent(report.Summary))).Append("</strong> of requirements covered, ")
            .Append(report.Tests.Count).Append(" tests.</p>\n");
        html.Append("<table>\n<tr><th>Area</th><th>Covered</th></tr>\n");
        foreach (var area in report.Areas)
        {
            html.Append("<tr><td><a href=\"#").Append(E(area.Area)).Append("\">").Append(E(area.Area)).Append("</a></td><td>")
                .Append(E(OutcomeText.Percent(area.Summary))).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Findings</h2>\n");
        if (report.Findings.Count == 0)
        {
            html.Append("<p>None.</p>\n");
        }
        else
        {
            html.Append("<ul>\n");
            foreach (var finding in report.Findings)
            {
                html.Append("<li>").Append(E(finding.Message)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        foreach (var area in report.Areas)
        {
            WriteArea(html, area);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteArea(StringBuilder html, AreaCoverage area)
    {
        html.Append("<h2 id=\"").Append(E(area.Area)).Append("\">").Append(E(area.Area)).Append(" (")
            .Append(E(OutcomeText.Percent(area.Summary))).Append(")</h2>\n");
        html.Append("<table>\n<tr><th>Id</th><th>Level</th><th>Statement</th><th>Status</th><th>Tests</th></tr>\n");
        foreach (var coverage in area.Requirements)
        {
            var status = OutcomeText.Status(coverage);
            html.Append("<tr class=\"").Append(status.Replace(' ', '-')).Append("\"><td>").Append(E(coverage.Requirement.Id))
                .Append("</td><td>").Append(RequirementLevelText.Of(coverage.Requirement.Level))
                .Append("</td><td>").Append(E(coverage.Requirement.Statement))
                .Append("</td><td>").Append(E(status)).Append("</td><td>");
            if (coverage.Tests.Count == 0)
            {
                html.Append("none");
            }

            foreach (var test in coverage.Tests)
            {
                var outcome = OutcomeText.Of(test.Outcome);
                html.Append("<div title=\"").Append(E(test.Method.FullName)).Append("\">").Append(E(test.Method.ShortName))
                    .Append(": <span class=\"").Append(outcome.Replace(' ', '-')).Append("\">").Append(outcome).Append("</span></div>");
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
