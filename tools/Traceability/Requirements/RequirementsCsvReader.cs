namespace HotReload.Traceability.Requirements;

/// <summary>
/// Reads requirements.csv (header <c>id,area,statement,level</c>, in any column order). Every problem
/// found is reported at once, each as file:line, so one run fixes the whole file.
/// </summary>
public static class RequirementsCsvReader
{
    private static readonly string[] Columns = ["id", "area", "statement", "level"];

    public static IReadOnlyList<Requirement> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllText(path), path);
    }

    public static IReadOnlyList<Requirement> Read(string text, string fileName)
    {
        var records = CsvParser.Parse(text, fileName);
        if (records.Count == 0)
        {
            throw new RequirementsFormatException(fileName, 1, "empty file; expected the header " + string.Join(',', Columns));
        }

        var header = records[0];
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Fields.Count; i++)
        {
            index.TryAdd(header.Fields[i].Trim(), i);
        }

        var missing = Columns.Where(c => !index.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new RequirementsFormatException(fileName, header.Line, "missing column(s) " + string.Join(", ", missing) + "; expected the header " + string.Join(',', Columns));
        }

        var errors = new List<string>();
        var requirements = new List<Requirement>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records.Skip(1))
        {
            string? Field(string column) => index[column] < record.Fields.Count ? record.Fields[index[column]].Trim() : null;

            if (record.Fields.Count != header.Fields.Count)
            {
                errors.Add($"{fileName}:{record.Line}: {record.Fields.Count} field(s) where the header has {header.Fields.Count}; quote a statement that contains a comma");
                continue;
            }

            var id = Field("id")!;
            var area = Field("area")!;
            var statement = Field("statement")!;
            var levelText = Field("level")!;
            var problems = new List<string>();
            if (id.Length == 0)
            {
                problems.Add("empty id");
            }
            else if (firstLineOfId.TryGetValue(id, out var firstLine))
            {
                problems.Add($"duplicate id {id} (first on line {firstLine})");
            }
            else
            {
                firstLineOfId[id] = record.Line;
            }

            if (!IsFileNameSafe(area))
            {
                problems.Add($"area '{area}' for {id} must be lower-case letters, digits and dashes (it names docs/features/<area>.md)");
            }

            if (statement.Length == 0)
            {
                problems.Add($"empty statement for {id}");
            }

            RequirementLevel? level = levelText switch
            {
                "must" => RequirementLevel.Must,
                "should" => RequirementLevel.Should,
                _ => null,
            };
            if (level is null)
            {
                problems.Add($"level '{levelText}' for {id} is neither must nor should");
            }

            if (problems.Count > 0)
            {
                errors.AddRange(problems.Select(p => $"{fileName}:{record.Line}: {p}"));
                continue;
            }

            requirements.Add(new Requirement(id, area, statement, level!.Value));
        }

        if (errors.Count > 0)
        {
            throw new RequirementsFormatException(string.Join(Environment.NewLine, errors));
        }

        return requirements;
    }

    private static bool IsFileNameSafe(string area) =>
        area.Length > 0 && area[0] != '-' && area.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
