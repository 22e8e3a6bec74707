using HotReload.Conformance.Checking;
using HotReload.Testing.Load;

namespace HotReload.Conformance.Tests;

[Requirement("CF-14")]
public sealed class StaleAfterAckTests
{
    private static readonly (long Version, long At)[] AckOfVersion3At100 = [(3, 100)];

    [Fact]
    public void A_request_started_after_the_acknowledgement_that_returns_an_older_version_is_flagged()
    {
        var stale = Record(client: 1, start: 150, version: 2);

        var found = ScenarioChecker.StaleAfterAck([stale], AckOfVersion3At100).ToList();

        Assert.Equal(stale, Assert.Single(found).Request);
    }

    [Fact]
    public void Requests_started_before_the_acknowledgement_or_returning_the_acknowledged_version_are_not_flagged()
    {
        var history = new[] { Record(client: 0, start: 50, version: 2), Record(client: 1, start: 150, version: 3), Record(client: 2, start: 160, version: 4) };

        Assert.Empty(ScenarioChecker.StaleAfterAck(history, AckOfVersion3At100));
    }

    private static RequestRecord Record(int client, long start, long version) =>
        new(client, 0, start, start + 10, 200, version, version.ToString(System.Globalization.CultureInfo.InvariantCulture), version.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
