using System.Text;
using HotReload.Traceability.Requirements;

namespace HotReload.Traceability.Report;

/// <summary>coverage.md: the summary, the check's findings, then each area's requirements and tests.</summary>
public static class MarkdownReportWriter
{
    public static string Write(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# Requirement coverage\n\n");
        md.Append(OutcomeText.CoverageMeaning(report.HasResults)).Append("\n\n");
        md.Append("Overall: ").Append(OutcomeText.Percent(report.Summary)).Append(" of requirements covered, ")
            .Append(report.Tests.Count).Append(" tests.\n\n");
        md.Append("| Area | Covered |\n| --- | --- |\n");
        foreach (var area in report.Areas)
        {
            md.Append("| ").Append(Markdown.Cell(area.Area)).Append(" | ").Append(OutcomeText.Percent(area.Summary)).Append(" |\n");
        }

        md.Append("\n## Findings\n\n");
        if (report.Findings.Count == 0)
        {
            md.Append("None.\n");
        }

        foreach (var finding in report.Findings)
        {
            md.Append("- ").Append(Markdown.Cell(finding.Message)).Append('\n');
        }

        foreach (var area in report.Areas)
        {
            md.Append("\n## ").Append(area.Area).Append(" (").Append(OutcomeText.Percent(area.Summary)).Append(")\n\n");
            md.Append("| Id | Level | Statement | Status | Tests |\n| --- | --- | --- | --- | --- |\n");
            foreach (var coverage in area.Requirements)
            {
                var tests = coverage.Tests.Count == 0
                    ? "none"
                    : string.Join("<br>", coverage.Tests.Select(t => $"{Markdown.Code(t.Method.ShortName)}: {OutcomeText.Of(t.Outcome)}"));
                md.Append("| ").Append(coverage.Requirement.Id)
                    .Append(" | ").Append(RequirementLevelText.Of(coverage.Requirement.Level))
                    .Append(" | ").Append(Markdown.Cell(coverage.Requirement.Statement))
                    .Append(" | ").Append(OutcomeText.Status(coverage))
                    .Append(" | ").Append(tests).Append(" |\n");
            }
        }

        return md.ToString();
    }
}
