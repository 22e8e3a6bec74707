using System.Text.Json;
using System.Text;
using HotReload.Traceability.Requirements;

namespace HotReload.Traceability.Report;

/// <summary>coverage.json: the same content as coverage.md, for other tools (dashboards, PR comments).</summary>
public static class JsonReportWriter
{
    public static string Write(CoverageReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("hasResults", report.HasResults);
            WriteSummary(json, "summary", report.Summary);
            json.WriteNumber("tests", report.Tests.Count);
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("kind", finding.Kind.ToString());
                json.WriteString("subject", finding.Subject);
                json.WriteString("message", finding.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("areas");
            foreach (var area in report.Areas)
            {
                WriteArea(json, area);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteArea(Utf8JsonWriter json, AreaCoverage area)
    {
        json.WriteStartObject();
        json.WriteString("area", area.Area);
        WriteSummary(json, "summary", area.Summary);
        json.WriteStartArray("requirements");
        foreach (var coverage in area.Requirements)
        {
            json.WriteStartObject();
            json.WriteString("id", coverage.Requirement.Id);
            json.WriteString("level", RequirementLevelText.Of(coverage.Requirement.Level));
            json.WriteString("statement", coverage.Requirement.Statement);
            json.WriteString("status", OutcomeText.Status(coverage));
            json.WriteBoolean("covered", coverage.IsCovered);
            json.WriteStartArray("tests");
            foreach (var test in coverage.Tests)
            {
                json.WriteStartObject();
                json.WriteString("name", test.Method.FullName);
                json.WriteString("assembly", test.Method.Assembly);
                json.WriteString("outcome", OutcomeText.Of(test.Outcome));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, string name, CoverageSummary summary)
    {
        json.WriteStartObject(name);
        json.WriteNumber("covered", summary.Covered);
        json.WriteNumber("total", summary.Total);
        json.WriteNumber("percent", summary.Percent);
        json.WriteEndObject();
    }
}
