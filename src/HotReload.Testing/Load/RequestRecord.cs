namespace HotReload.Testing.Load;

/// <summary>
/// One request as a client saw it. Times are <see cref="System.Diagnostics.Stopwatch"/> timestamps, one clock
/// for every client, so "ended before that one started" is meaningful across clients.
/// </summary>
/// <param name="Client">Which client loop sent it, from 0.</param>
/// <param name="Sequence">Its number among that client's requests, from 0.</param>
/// <param name="StartTimestamp">When it was sent.</param>
/// <param name="EndTimestamp">When its response had been read (or it failed).</param>
/// <param name="Status">The HTTP status; 0 when there was no response.</param>
/// <param name="Generation">The generation the response names (<see cref="ServedVersion.Generation"/>); null when absent.</param>
/// <param name="HeaderVersion">One copy of the config's version (<see cref="ServedVersion.HeaderVersion"/>).</param>
/// <param name="ContentVersion">
/// The other, independent copy (<see cref="ServedVersion.ContentVersion"/>). Set from the same config as
/// <paramref name="HeaderVersion"/> in a correct service, so the two differ only when one request saw two configs.
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
    /// <summary>True when a response was read.</summary>
    public bool Completed => Error is null;

    /// <summary>Every field, on one line.</summary>
    /// <returns>The record as text.</returns>
    public override string ToString() =>
        $"client {Client} #{Sequence} [{StartTimestamp}..{EndTimestamp}] status {Status} gen {Generation?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} " +
        $"header {HeaderVersion ?? "-"} content {ContentVersion ?? "-"}{(Error is null ? "" : " error " + Error)}";
}
