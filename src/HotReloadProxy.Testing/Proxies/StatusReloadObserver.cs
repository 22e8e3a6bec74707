using System.Text.Json;
using HotReload.Testing;
using HotReload.Testing.Observing;
using HotReloadProxy.Configuration.Parsing;
using HotReloadProxy.Reload;

namespace HotReloadProxy.Testing.Proxies;

/// <summary>
/// A proxy process's reload outcomes, read from its admin <c>GET /status</c>: the attempt counts say how many
/// outcomes there have been, <c>lastAttempt</c> what the latest one was. A mark is the attempt count; a wait
/// reads the status until an attempt after the mark matches. Another process has nothing to push, so outcomes
/// that two reloads in quick succession replace before the next read are not seen, only the latest: wait for
/// the outcome of the last change, or use an in-process proxy to see every one.
/// </summary>
internal sealed class StatusReloadObserver : IReloadObserver<ReloadOutcome>
{
    private static readonly Uri StatusPath = new("/status", UriKind.Relative);
    private readonly Func<HttpClient> _createAdminClient;
    private readonly HarnessTimeouts _timeouts;

    /// <summary>Creates an observer over the admin listener the clients of <paramref name="createAdminClient"/> talk to.</summary>
    /// <param name="createAdminClient">Creates a client whose base address is the admin listener.</param>
    /// <param name="timeouts">How long a wait lasts; <see cref="HarnessTimeouts.Default"/> when null.</param>
    public StatusReloadObserver(Func<HttpClient> createAdminClient, HarnessTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(createAdminClient);
        _createAdminClient = createAdminClient;
        _timeouts = timeouts ?? HarnessTimeouts.Default;
    }

    /// <summary>The number of reload attempts the proxy has reported so far (one synchronous read of /status).</summary>
    /// <returns>The mark.</returns>
    public ReloadMark Mark()
    {
        using var client = _createAdminClient();
        using var response = client.Send(new HttpRequestMessage(HttpMethod.Get, StatusPath));
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(response.Content.ReadAsStream());
        return new ReloadMark(this, Attempts(document.RootElement));
    }

    /// <inheritdoc/>
    public async Task<ReloadOutcome> WaitAsync(ReloadMark mark, Func<ReloadOutcome, bool> predicate, string description, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(predicate);
        mark.EnsureIssuedBy(this);
        using var client = _createAdminClient();
        var status = PollingReloadObserver<JsonElement>.ForHttpEndpoint(client, StatusPath.OriginalString, body => JsonDocument.Parse(body).RootElement.Clone(), timeouts: _timeouts);
        var matched = await status.WaitAsync(
            status.Mark(),
            s => Attempts(s) > mark.Position && s.TryGetProperty("lastAttempt", out var last) && predicate(ToOutcome(last)),
            description,
            cancellationToken).ConfigureAwait(false);
        return ToOutcome(matched.GetProperty("lastAttempt"));
    }

    /// <summary>Reads one outcome as /status and POST /reload write it.</summary>
    /// <param name="json">The outcome object.</param>
    /// <returns>The outcome (without its diff).</returns>
    public static ReloadOutcome ToOutcome(JsonElement json) => new()
    {
        Result = Enum.Parse<ReloadResult>(json.GetProperty("outcome").GetString()!, ignoreCase: true),
        ReloadReason = new ReloadReason(ReasonKind(json.GetProperty("trigger").GetString()!), json.TryGetProperty("triggerDetail", out var detail) ? detail.GetString() : null),
        At = json.GetProperty("at").GetDateTimeOffset(),
        Generation = json.GetProperty("generation").GetInt64(),
        Sha256 = json.TryGetProperty("sha256", out var sha) ? sha.GetString() : null,
        Reason = json.TryGetProperty("reason", out var reason) ? Enum.Parse<RejectionReason>(reason.GetString()!) : RejectionReason.None,
        Duration = TimeSpan.FromMilliseconds(json.GetProperty("durationMs").GetDouble()),
        Errors = json.GetProperty("errors").EnumerateArray()
            .Select(e => new ConfigError(e.GetProperty("path").GetString()!, new SourcePosition(e.GetProperty("line").GetInt32(), e.GetProperty("column").GetInt32()), e.GetProperty("message").GetString()!))
            .ToList(),
    };

    private static long Attempts(JsonElement status)
    {
        var counts = status.GetProperty("counts");
        return counts.GetProperty("applied").GetInt64() + counts.GetProperty("unchanged").GetInt64() + counts.GetProperty("rejected").GetInt64();
    }

    // The names ReloadReason.Name writes: the kind in lower case, words joined by a hyphen.
    private static ReloadReasonKind ReasonKind(string name) =>
        Enum.Parse<ReloadReasonKind>(name.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
}
