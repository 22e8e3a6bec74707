namespace HotReload.Traceability.Report;

/// <summary>The requirements of one area, in requirements.csv order, and their coverage.</summary>
public sealed record AreaCoverage(string Area, IReadOnlyList<RequirementCoverage> Requirements)
{
    public CoverageSummary Summary => CoverageSummary.Of(Requirements);
}
