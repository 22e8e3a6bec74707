using HotReload.Conformance.Checking;
using HotReload.Conformance.Reports;

namespace HotReload.Conformance.Tests;

[Requirement("CF-15")]
public sealed class ReportTests
{
    private static readonly RunResult Run = new()
    {
        Target = "sample",
        Description = "a target with one torn response",
        StartedAt = new DateTimeOffset(2026, 12, 2, 13, 0, 0, TimeSpan.Zero),
        Machine = "2 cores, test machine",
        Clients = 2,
        Scenarios =
        [
            new ScenarioResult
            {
                Key = "atomic-rename", RequirementId = "CF-01", Title = "valid change by atomic rename", Outcome = ScenarioOutcome.Violated, Requests = 40,
                Counts = new Dictionary<string, int> { [Rules.Torn] = 1 },
                Latency = new Latency(2, 12, 30, 30),
                FirstFindings = [new Finding(Rules.Torn, 123.4, 1, "client 1 #7: header says version 3, content says 2 <script>")],
                Timeline = new Timeline(500, 2,
                    [new Segment(0, 0, 500, 2, false, 20), new Segment(1, 0, 120, 2, false, 10), new Segment(1, 120, 130, 3, true, 1), new Segment(1, 130, 500, null, false, 9)],
                    [new TimelineMark(100, "atomic rename v3")]),
            },
        ],
    };

    [Fact]
    public void Markdown_has_a_row_per_scenario_with_counts_and_latency_and_lists_the_first_violations()
    {
        var markdown = MarkdownReport.Write(Run);

        Assert.Contains("| atomic-rename | CF-01 | FAIL | 40 | 0 | 0 | 1 | 0 | 0 |  | 12 / 30 / 30 |", markdown, StringComparison.Ordinal);
        Assert.Contains("`torn` at 123.4 ms: client 1 #7", markdown, StringComparison.Ordinal);
        Assert.Contains("not conformant", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_round_trips_the_run()
    {
        var back = JsonReport.Read(JsonReport.Write(Run));

        Assert.Equal(1, back.Scenarios[0].Count(Rules.Torn));
        Assert.Equal(4, back.Scenarios[0].Timeline!.Segments.Count);
        Assert.False(back.Conformant);
    }

    [Fact]
    public void Html_is_one_self_contained_page_with_a_timeline_per_scenario_and_the_first_violations_escaped()
    {
        var html = HtmlReport.Write(Run);

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("stroke=\"#000\"", html, StringComparison.Ordinal); // the violating segment is outlined
        Assert.Contains("fill=\"#d62828\"", html, StringComparison.Ordinal); // the failed segment is red
        Assert.Contains("atomic rename v3", html, StringComparison.Ordinal);
        Assert.Contains("content says 2 &lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }
}
