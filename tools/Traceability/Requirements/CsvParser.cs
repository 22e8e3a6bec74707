using System.Text;

namespace HotReload.Traceability.Requirements;

/// <summary>
/// RFC 4180 CSV: fields separated by commas, quoted fields may hold commas, line breaks and doubled
/// quotes. Blank lines are skipped so a trailing newline or a spacer line is not a record.
/// </summary>
public static class CsvParser
{
    public static IReadOnlyList<CsvRecord> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldWasQuoted = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            fieldWasQuoted = false;
        }

        void EndRecord()
        {
            EndField();
            var blank = fields.Count == 1 && fields[0].Length == 0;
            if (!blank)
            {
                records.Add(new CsvRecord(recordLine, fields.ToArray()));
            }

            fields.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true;
                    fieldWasQuoted = true;
                    break;
                case '"':
                    throw new RequirementsFormatException(fileName, line, "a quote inside an unquoted field; quote the whole field and double the inner quotes");
                case ',':
                    EndField();
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (fieldWasQuoted)
                    {
                        throw new RequirementsFormatException(fileName, line, "text after a closing quote; double a quote that belongs to the field");
                    }

                    field.Append(c);
                    break;
            }
        }

        if (inQuotes)
        {
            throw new RequirementsFormatException(fileName, recordLine, "a quoted field is never closed");
        }

        EndRecord();
        return records;
    }
}
