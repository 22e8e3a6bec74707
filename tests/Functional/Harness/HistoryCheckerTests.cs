using HotReload.Testing.Load;

namespace HotReload.Functional.Tests.Harness;

/// <summary>Hand-made histories with one known defect each, so the checker is seen to catch what it claims to.</summary>
public sealed class HistoryCheckerTests
{
    private static readonly HistoryExpectations Generations1To3 = new()
    {
        ValidGenerations = new HashSet<long> { 1, 2, 3 },
        RejectedVersions = new HashSet<string> { "broken" },
    };

    private static RequestRecord Ok(int client, long start, long end, long generation, string? version = null) =>
        new(client, 0, start, end, 200, generation, version ?? $"v{generation}", version ?? $"v{generation}");

    [Fact]
    [Requirement("HN-02")]
    public void A_correct_history_with_overlapping_requests_across_a_switch_is_clean()
    {
        // Client 1's request overlaps the first response of generation 2, so returning generation 1 is allowed.
        var history = new[]
        {
            Ok(0, 0, 10, 1), Ok(1, 5, 30, 1), Ok(0, 11, 20, 2), Ok(1, 31, 40, 2), Ok(0, 21, 50, 3), Ok(1, 41, 45, 2),
        };

        var report = HistoryChecker.Check(history, Generations1To3);

        Assert.True(report.IsClean, report.ToString());
        Assert.Equal([1L, 2, 3], report.GenerationsSeen);
    }

    [Fact]
    [Requirement("HN-02")]
    public void A_request_that_failed_or_answered_another_status_is_flagged_failed()
    {
        var history = new[]
        {
            Ok(0, 0, 10, 1),
            new RequestRecord(1, 0, 0, 10, 0, null, null, null, "HttpRequestException: connection reset"),
            new RequestRecord(2, 0, 0, 10, 502, 1, "v1", "v1"),
        };

        var report = HistoryChecker.Check(history, Generations1To3);

        Assert.Equal(2, report.Of(ViolationKind.Failed).Count());
        Assert.Equal(2, report.Violations.Count);
    }

    [Fact]
    [Requirement("HN-02")]
    public void A_generation_the_proxy_never_applied_is_flagged()
    {
        var report = HistoryChecker.Check([Ok(0, 0, 10, 1), Ok(0, 11, 20, 7)], Generations1To3);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(ViolationKind.UnknownGeneration, violation.Kind);
        Assert.Equal(7, violation.Request!.Generation);
    }

    [Fact]
    [Requirement("HN-02")]
    public void A_response_whose_header_and_content_come_from_different_configs_is_torn()
    {
        var torn = new RequestRecord(0, 0, 0, 10, 200, 2, "v2", "v1");

        var report = HistoryChecker.Check([torn], Generations1To3);

        Assert.Equal(ViolationKind.Torn, Assert.Single(report.Violations).Kind);
    }

    [Fact]
    [Requirement("HN-02")]
    public void One_generation_serving_two_contents_is_torn()
    {
        var report = HistoryChecker.Check([Ok(0, 0, 10, 2, "v2"), Ok(1, 11, 20, 2, "v2b")], Generations1To3);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(ViolationKind.Torn, violation.Kind);
        Assert.Equal(1, violation.Request!.Client);
    }

    [Fact]
    [Requirement("HN-02")]
    public void Content_from_a_file_that_must_be_rejected_is_flagged()
    {
        var report = HistoryChecker.Check([Ok(0, 0, 10, 3, "broken")], Generations1To3);

        Assert.Equal(ViolationKind.RejectedContent, Assert.Single(report.Violations).Kind);
    }

    [Fact]
    [Requirement("HN-02")]
    public void An_older_generation_after_a_newer_one_was_served_is_stale()
    {
        // Client 1 starts at 25, after client 0's generation-3 response ended at 20, yet gets generation 2.
        var history = new[] { Ok(0, 0, 10, 2), Ok(0, 11, 20, 3), Ok(1, 25, 30, 2) };

        var report = HistoryChecker.Check(history, Generations1To3);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(ViolationKind.Stale, violation.Kind);
        Assert.Equal(25, violation.Request!.StartTimestamp);
    }

    [Fact]
    [Requirement("HN-02")]
    public void A_request_that_started_exactly_when_a_newer_one_ended_may_still_be_older()
    {
        var history = new[] { Ok(0, 0, 20, 3), Ok(1, 20, 30, 2) };

        Assert.True(HistoryChecker.Check(history, Generations1To3).IsClean);
    }

    [Fact]
    [Requirement("HN-02")]
    public void After_the_file_is_quiet_only_the_last_valid_version_may_be_served()
    {
        var expectations = Generations1To3 with { FinalVersion = "v3", QuietSince = 100 };
        var history = new[] { Ok(0, 50, 60, 2), Ok(0, 100, 110, 3), Ok(1, 105, 120, 3) };
        Assert.True(HistoryChecker.Check(history, expectations).IsClean);

        var notConverged = new[] { Ok(0, 50, 60, 1), Ok(0, 100, 110, 2) };
        var report = HistoryChecker.Check(notConverged, expectations);

        Assert.Equal(ViolationKind.NotConverged, Assert.Single(report.Violations).Kind);
    }

    [Fact]
    [Requirement("HN-02")]
    public void Convergence_cannot_pass_without_a_request_after_the_file_was_quiet()
    {
        var expectations = Generations1To3 with { FinalVersion = "v3", QuietSince = 100 };

        var report = HistoryChecker.Check([Ok(0, 0, 10, 3)], expectations);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(ViolationKind.NotConverged, violation.Kind);
        Assert.Null(violation.Request);
    }

    [Fact]
    [Requirement("HN-02")]
    public void A_report_with_violations_throws_naming_each_kind()
    {
        var report = HistoryChecker.Check([Ok(0, 0, 10, 9)], Generations1To3);

        var thrown = Assert.Throws<HistoryViolationException>(report.ThrowIfViolated);
        Assert.Contains("1 UnknownGeneration", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("HN-02")]
    public void Staleness_is_found_in_a_large_shuffled_history()
    {
        var random = new Random(1234);
        var history = Enumerable.Range(0, 20_000)
            .Select(i => Ok(i % 16, i * 10L, i * 10L + 5 + random.Next(0, 30), 1 + i / 7_000))
            .Append(Ok(99, 199_990, 199_999, 1))
            .OrderBy(_ => random.Next())
            .ToList();

        var report = HistoryChecker.Check(history, Generations1To3);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(ViolationKind.Stale, violation.Kind);
        Assert.Equal(99, violation.Request!.Client);
    }
}
