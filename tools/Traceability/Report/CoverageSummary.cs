namespace HotReload.Traceability.Report;

/// <summary>How many of a set of requirements are covered.</summary>
public sealed record CoverageSummary(int Covered, int Total)
{
    public double Percent => Total == 0 ? 0 : Math.Round(100.0 * Covered / Total, 1);

    public static CoverageSummary Of(IEnumerable<RequirementCoverage> requirements)
    {
        var list = requirements.ToList();
        return new CoverageSummary(list.Count(r => r.IsCovered), list.Count);
    }
}
