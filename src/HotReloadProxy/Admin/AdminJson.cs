using System.Text.Json;
using HotReloadProxy.Configuration.Diff;
using HotReloadProxy.Draining;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Admin;

/// <summary>The JSON shapes of /status and /reload. Written by hand: small, stable, no reflection.</summary>
internal static class AdminJson
{
    public static void WriteStatus(Utf8JsonWriter writer, ReloadStatus status, DrainBound? drain = null, Sources.IStatusSection? sourceSection = null)
    {
        writer.WriteStartObject();
        writer.WriteNumber("generation", status.Generation);
        writer.WriteString("sha256", status.Sha256);
        writer.WriteString("loadedAt", status.LoadedAt);
        writer.WriteString("source", status.Source);
        writer.WriteBoolean("usingEmbeddedDefault", status.UsingEmbeddedDefault);
        writer.WriteString("mode", status.Mode);
        if (status.LastAttempt is { } last)
        {
            writer.WritePropertyName("lastAttempt");
            WriteOutcome(writer, last, status.Source);
        }

        writer.WriteStartObject("counts");
        writer.WriteNumber("applied", status.Counts.Applied);
        writer.WriteNumber("unchanged", status.Counts.Unchanged);
        writer.WriteNumber("rejected", status.Counts.Rejected);
        writer.WriteEndObject();
        if (drain is not null)
        {
            WriteDrain(writer, drain);
        }

        sourceSection?.WriteStatus(writer);
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>"drain": { "boundMs", "leasedToOlderGenerations", "olderGenerations": [{ "generation", "requests" }], "endedByBound" }</c>:
    /// the requests still running on replaced snapshots, and how many the bound has ended.
    /// </summary>
    private static void WriteDrain(Utf8JsonWriter writer, DrainBound drain)
    {
        writer.WriteStartObject("drain");
        if (drain.Bound is { } bound)
        {
            writer.WriteNumber("boundMs", Math.Round(bound.TotalMilliseconds, 3));
        }
        else
        {
            writer.WriteNull("boundMs");
        }

        var older = drain.LeasedToOlderGenerations();
        writer.WriteNumber("leasedToOlderGenerations", older.Sum(g => (long)g.Requests));
        writer.WriteStartArray("olderGenerations");
        foreach (var (generation, requests) in older)
        {
            writer.WriteStartObject();
            writer.WriteNumber("generation", generation);
            writer.WriteNumber("requests", requests);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("endedByBound", drain.EndedByBound);
        writer.WriteEndObject();
    }

    public static void WriteOutcome(Utf8JsonWriter writer, ReloadOutcome outcome, string source)
    {
        writer.WriteStartObject();
        writer.WriteString("at", outcome.At);
        writer.WriteString("trigger", outcome.ReloadReason.Name);
        if (outcome.ReloadReason.Detail is { } detail)
        {
            writer.WriteString("triggerDetail", detail);
        }

        writer.WriteString("outcome", outcome.ResultName);
        writer.WriteNumber("generation", outcome.Generation);
        if (outcome.Sha256 is { } sha)
        {
            writer.WriteString("sha256", sha);
        }

        if (outcome.Reason != RejectionReason.None)
        {
            writer.WriteString("reason", outcome.Reason.ToString());
        }

        writer.WriteNumber("durationMs", Math.Round(outcome.Duration.TotalMilliseconds, 3));
        writer.WriteStartArray("errors");
        foreach (var error in outcome.Errors)
        {
            writer.WriteStartObject();
            writer.WriteString("path", error.JsonPath);
            writer.WriteNumber("line", error.Position.Line);
            writer.WriteNumber("column", error.Position.Column);
            writer.WriteString("message", error.Message);
            writer.WriteString("formatted", error.Format(source));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (outcome.Diff is { } diff)
        {
            WriteDiff(writer, diff);
        }

        writer.WriteEndObject();
    }

    private static void WriteDiff(Utf8JsonWriter writer, ConfigDiff diff)
    {
        writer.WriteStartObject("diff");
        writer.WriteString("summary", diff.Summary);
        writer.WriteStartObject("routes");
        WriteNames(writer, "added", diff.RoutesAdded.Select(r => r.Id));
        WriteNames(writer, "removed", diff.RoutesRemoved);
        WriteNames(writer, "changed", diff.RoutesChanged.Select(r => r.Id));
        writer.WriteEndObject();
        writer.WriteStartObject("clusters");
        WriteNames(writer, "added", diff.ClustersAdded.Select(c => c.Key));
        WriteNames(writer, "removed", diff.ClustersRemoved);
        WriteNames(writer, "changed", diff.ClustersChanged.Select(c => c.Key));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNames(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
