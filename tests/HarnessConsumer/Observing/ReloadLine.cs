using System.Globalization;
using System.Text.RegularExpressions;

namespace HotReload.HarnessConsumer.Tests.Observing;

/// <summary>One reload as the greeting service's log line tells it.</summary>
internal sealed partial record ReloadLine(bool Applied, long Generation, string? Version, string Text)
{
    public static ReloadLine? Parse(string line)
    {
        var match = Pattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var version = match.Groups["version"].Success ? match.Groups["version"].Value : null;
        return new ReloadLine(match.Groups["result"].Value == "applied", long.Parse(match.Groups["generation"].Value, CultureInfo.InvariantCulture), version, line);
    }

    public override string ToString() => Text;

    [GeneratedRegex(@"^reload (?<result>applied|rejected) generation=(?<generation>\d+)( version=(?<version>\S+))?")]
    private static partial Regex Pattern();
}
