namespace HotReload.Testing.Load;

/// <summary>
/// Checks a concurrent request history for what a hot reload must never do: fail a request, serve a
/// generation that was never valid or content that was rejected, mix two configs in one response, go back
/// to an older generation after a newer one was served, or not settle on the last valid content.
/// </summary>
public static class HistoryChecker
{
    /// <summary>Checks <paramref name="history"/> against <paramref name="expectations"/>.</summary>
    /// <param name="history">Every request recorded, e.g. by <see cref="LoadRecorder.StopAsync"/>.</param>
    /// <param name="expectations">What a correct history agrees with.</param>
    /// <returns>The verdict, with every violation found.</returns>
    public static HistoryReport Check(IReadOnlyList<RequestRecord> history, HistoryExpectations expectations)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(expectations);
        var violations = new List<HistoryViolation>();
        var answered = new List<RequestRecord>(history.Count);
        foreach (var record in history)
        {
            if (CheckOne(record, expectations, violations))
            {
                answered.Add(record);
            }
        }

        CheckOneContentPerGeneration(answered, violations);
        CheckMonotonic(answered, violations);
        CheckConverged(answered, expectations, violations);
        return new HistoryReport(history, violations);
    }

    /// <summary>Checks what one response says on its own; true when it answered and can be compared with others.</summary>
    private static bool CheckOne(RequestRecord record, HistoryExpectations expectations, List<HistoryViolation> violations)
    {
        if (!record.Completed)
        {
            violations.Add(new(ViolationKind.Failed, record, "the request did not complete"));
            return false;
        }

        if (record.Status != expectations.ExpectedStatus)
        {
            violations.Add(new(ViolationKind.Failed, record, $"status {record.Status}, expected {expectations.ExpectedStatus}"));
            return false;
        }

        if (record.Generation is not { } generation || !expectations.ValidGenerations.Contains(generation))
        {
            violations.Add(new(ViolationKind.UnknownGeneration, record,
                $"generation {record.Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} was never applied"));
            return false;
        }

        if (record.HeaderVersion is null || record.HeaderVersion != record.ContentVersion)
        {
            violations.Add(new(ViolationKind.Torn, record, $"header says version {record.HeaderVersion ?? "(none)"}, content says {record.ContentVersion ?? "(none)"}"));
        }

        foreach (var version in new[] { record.HeaderVersion, record.ContentVersion }.Distinct())
        {
            if (version is not null && expectations.RejectedVersions.Contains(version))
            {
                violations.Add(new(ViolationKind.RejectedContent, record, $"version {version} was only ever written in a file that must be rejected"));
            }
        }

        return true;
    }

    /// <summary>A generation is one immutable snapshot, so every response from it carries the same content.</summary>
    private static void CheckOneContentPerGeneration(List<RequestRecord> answered, List<HistoryViolation> violations)
    {
        foreach (var group in answered.GroupBy(r => r.Generation!.Value))
        {
            var first = group.MinBy(r => r.EndTimestamp)!;
            foreach (var record in group.Where(r => r.HeaderVersion != first.HeaderVersion))
            {
                violations.Add(new(ViolationKind.Torn, record,
                    $"generation {group.Key} served version {record.HeaderVersion ?? "(none)"} here and {first.HeaderVersion ?? "(none)"} to {first.Client} #{first.Sequence}"));
            }
        }
    }

    /// <summary>
    /// No request that started after some response of generation g had ended may return a generation below g.
    /// One sweep over ends and starts in time order: O(n log n).
    /// </summary>
    private static void CheckMonotonic(List<RequestRecord> answered, List<HistoryViolation> violations)
    {
        var byEnd = answered.OrderBy(r => r.EndTimestamp).ToList();
        var byStart = answered.OrderBy(r => r.StartTimestamp).ToList();
        var ended = 0;
        RequestRecord? newestServed = null;
        foreach (var record in byStart)
        {
            while (ended < byEnd.Count && byEnd[ended].EndTimestamp < record.StartTimestamp)
            {
                if (newestServed is null || byEnd[ended].Generation > newestServed.Generation)
                {
                    newestServed = byEnd[ended];
                }

                ended++;
            }

            if (newestServed is not null && record.Generation < newestServed.Generation)
            {
                violations.Add(new(ViolationKind.Stale, record,
                    $"returned generation {record.Generation} after generation {newestServed.Generation} had been served to client {newestServed.Client} #{newestServed.Sequence}"));
            }
        }
    }

    private static void CheckConverged(List<RequestRecord> answered, HistoryExpectations expectations, List<HistoryViolation> violations)
    {
        if (expectations.QuietSince is not { } quietSince || expectations.FinalVersion is not { } finalVersion)
        {
            return;
        }

        var afterQuiet = answered.Where(r => r.StartTimestamp >= quietSince).ToList();
        if (afterQuiet.Count == 0)
        {
            violations.Add(new(ViolationKind.NotConverged, null, "no request started after the file became quiet, so convergence was not observed"));
            return;
        }

        foreach (var record in afterQuiet.Where(r => r.HeaderVersion != finalVersion))
        {
            violations.Add(new(ViolationKind.NotConverged, record, $"served version {record.HeaderVersion ?? "(none)"} after the file was quiet; the last valid version is {finalVersion}"));
        }
    }
}
