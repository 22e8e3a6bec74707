namespace HotReload.Traceability.Check;

/// <summary>One reason the check fails, with a message that names the test, id or file to fix.</summary>
public sealed record Finding(FindingKind Kind, string Subject, string Message);
