using HotReload.Conformance.Probing;
using HotReload.Conformance.Scenarios;
using HotReload.Testing.Load;

namespace HotReload.Conformance.Checking;

/// <summary>Merges each client's consecutive requests with the same version and verdict into one segment, so the page stays small.</summary>
internal static class TimelineBuilder
{
    public static Timeline Build(IReadOnlyList<RequestRecord> history, IReadOnlySet<RequestRecord> violated, IReadOnlyList<Mark> marks, long loadStart, long end, int clients)
    {
        double Ms(long t) => Math.Round(Clock.Milliseconds(t - loadStart), 1);
        var segments = new List<Segment>();
        foreach (var client in history.GroupBy(r => r.Client).OrderBy(g => g.Key))
        {
            Segment? open = null;
            foreach (var record in client.OrderBy(r => r.StartTimestamp))
            {
                long? version = record.Completed && record.Status == 200 ? record.Generation : null;
                var bad = violated.Contains(record);
                if (open is not null && open.Version == version && open.Violated == bad)
                {
                    open = open with { EndMs = Ms(record.EndTimestamp), Requests = open.Requests + 1 };
                    continue;
                }

                if (open is not null)
                {
                    segments.Add(open);
                }

                open = new Segment(client.Key, Ms(record.StartTimestamp), Ms(record.EndTimestamp), version, bad, 1);
            }

            if (open is not null)
            {
                segments.Add(open);
            }
        }

        return new Timeline(Ms(end), clients, segments, marks.Select(m => new TimelineMark(Ms(m.At), m.Label)).ToList());
    }
}
