namespace HotReload.Traceability.Requirements;

/// <summary>One row of requirements.csv.</summary>
public sealed record Requirement(string Id, string Area, string Statement, RequirementLevel Level);
