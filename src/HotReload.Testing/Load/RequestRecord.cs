namespace HotReload.Testing.Load;

/// <summary>
/// One request as a client saw it. Times are <see cref="System.Diagnostics.Stopwatch"/> timestamps, one clock
/// for every client, so "ended before that one started" is meaningful across clients.
/// </summary>
/// <param name="Generation">The proxy's X-Config-Generation header; null when absent.</param>
/// <param name="HeaderVersion">The route's X-Config-Version response header (a response transform).</param>
/// <param name="ContentVersion">
/// The version the content carries: a direct response's body, or the X-Config-Version request header the
/// route's request transform sent to the upstream, as the upstream echoed it. Set from the same snapshot as
/// <paramref name="HeaderVersion"/>, so the two differ only when one request saw two snapshots.
/// </param>
/// <param name="Error">The exception's type and message when the request did not complete.</param>
public sealed record RequestRecord(
    int Client,
    int Sequence,
    long StartTimestamp,
    long EndTimestamp,
    int Status,
    long? Generation,
    string? HeaderVersion,
    string? ContentVersion,
    string? Error = null)
{
    public bool Completed => Error is null;

    public override string ToString() =>
        $"client {Client} #{Sequence} [{StartTimestamp}..{EndTimestamp}] status {Status} gen {Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} " +
        $"header {HeaderVersion ?? "-"} content {ContentVersion ?? "-"}{(Error is null ? "" : " error " + Error)}";
}
