using HotReload.Conformance.Probing;
using HotReload.Testing.Files;

namespace HotReload.Conformance.Scenarios;

/// <summary>
/// The matrix. Each scenario runs under concurrent load from a fresh proxy; the bool it is given is "quick",
/// which lowers repetitions, never what is checked.
/// </summary>
internal static class ScenarioCatalog
{
    public static readonly IReadOnlyList<Scenario> All =
    [
        new("atomic-rename", "CF-01", "valid change by atomic rename", async (c, quick) =>
        {
            for (var i = 0; i < (quick ? 3 : 8); i++)
            {
                await c.ValidAsync(content => new FileEdit.AtomicReplace(content), "atomic rename");
            }
        }),
        new("in-place-rewrite", "CF-02", "valid change by in-place rewrite (truncate, write in chunks)", async (c, quick) =>
        {
            for (var i = 0; i < (quick ? 3 : 8); i++)
            {
                await c.ValidAsync(content => new FileEdit.InPlaceRewrite(content, Chunks: 3, GapMilliseconds: 5), "in-place rewrite");
            }
        }),
        new("burst", "CF-03", "burst of 50 writes, the last one wins", async (c, _) =>
        {
            long last = 0;
            long lastAt = 0;
            for (var i = 0; i < 50; i++)
            {
                lastAt = Clock.Now();
                last = await c.ValidAsync(content => new FileEdit.AtomicReplace(content), i == 0 ? "burst of 50" : "burst", awaitApplied: false, measure: false);
            }

            c.Writes.Add((last, lastAt));
            await c.AwaitServedAsync(last, lastAt);
        }),
        new("touch", "CF-04", "touch without change: no new generation, nothing changes", async (c, _) =>
        {
            await c.UnchangedAsync(new FileEdit.Touch(), "touch");
            await c.ValidAsync(content => new FileEdit.AtomicReplace(content), "atomic rename");
        }),
        new("broken-then-fixed", "CF-05", "broken file, then fixed", async (c, quick) =>
        {
            for (var i = 0; i < (quick ? 1 : 3); i++)
            {
                await c.RejectedAsync(content => new FileEdit.AtomicReplace(content), "broken");
                await c.ValidAsync(content => new FileEdit.AtomicReplace(content), "fixed");
            }
        }),
        new("empty-file", "CF-06", "empty file, then valid", async (c, _) =>
        {
            await c.RejectedAsync(_ => new FileEdit.Empty(), "empty", carriesVersion: false);
            await c.ValidAsync(content => new FileEdit.AtomicReplace(content), "valid again");
        }),
        new("delete-recreate", "CF-07", "file deleted, then recreated", async (c, quick) =>
        {
            for (var i = 0; i < (quick ? 1 : 2); i++)
            {
                await c.UnchangedAsync(new FileEdit.Delete(), "deleted");
                await c.ValidAsync(content => new FileEdit.AtomicReplace(content), "recreated");
            }
        }),
        new("rename-away-back", "CF-08", "file renamed away and back", async (c, _) =>
        {
            await c.UnchangedAsync(new FileEdit.RenameAwayAndBack(GapMilliseconds: 50), "renamed away and back");
            await c.ValidAsync(content => new FileEdit.AtomicReplace(content), "atomic rename");
        }),
        new("configmap-swap", "CF-09", "Kubernetes ConfigMap ..data symlink swap", async (c, quick) =>
        {
            for (var i = 0; i < (quick ? 2 : 5); i++)
            {
                await c.ValidAsync(content => new FileEdit.ConfigMapSwap(content), "..data swap");
            }
        })
        {
            Layout = ConfigLayout.ConfigMap,
        },
        new("stream", "CF-10", "streamed response in flight across a reload", (c, quick) =>
            ConnectionProbes.StreamAcrossReloadAsync(c, chunks: quick ? 15 : 30, delayMs: 40)),
        new("websocket", "CF-11", "WebSocket on an unchanged route across a reload", (c, quick) =>
            ConnectionProbes.WebSocketAcrossReloadAsync(c, messagesAfter: quick ? 3 : 10)),
        new("drain", "CF-12", "removed route's long-lived connection ends within the drain bound", (c, _) =>
            ConnectionProbes.RemovedRouteDrainAsync(c, streamMs: Math.Max(4000, (c.DrainBoundMs ?? 0) * 4)))
        {
            StartsWithDrainRoute = true,
        },
    ];

    /// <summary>The scenarios named in <paramref name="filter"/> (keys or requirement ids, comma-separated), or all.</summary>
    public static IReadOnlyList<Scenario> Select(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return All;
        }

        var wanted = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = wanted.Where(w => !All.Any(s => Matches(s, w))).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown scenario(s) {string.Join(", ", unknown)}; known: {string.Join(", ", All.Select(s => $"{s.Key} ({s.RequirementId})"))}.");
        }

        return All.Where(s => wanted.Any(w => Matches(s, w))).ToList();
    }

    private static bool Matches(Scenario scenario, string name) =>
        string.Equals(scenario.Key, name, StringComparison.OrdinalIgnoreCase) || string.Equals(scenario.RequirementId, name, StringComparison.OrdinalIgnoreCase);
}
