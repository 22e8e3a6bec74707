namespace HotReload.Traceability.Requirements;

/// <summary>The fields of one CSV record and the line it starts on, for error messages.</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
