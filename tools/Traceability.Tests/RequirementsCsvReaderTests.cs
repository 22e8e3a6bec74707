using HotReload.Traceability.Requirements;
using HotReload.Traceability.Tests.Support;

namespace HotReload.Traceability.Tests;

[Requirement("TR-01")]
public class RequirementsCsvReaderTests
{
    private const string Header = "id,area,statement,level\n";

    [Fact]
    public void Quoted_statements_keep_their_commas_and_doubled_quotes()
    {
        var requirements = RequirementsCsvReader.Read(
            Header + "HR-01,hot-reload,\"Added, edited or removed routes are \"\"served\"\"\",must\nHR-05,hot-reload,Plain text,should\n",
            "requirements.csv");

        Assert.Equal(2, requirements.Count);
        Assert.Equal(new Requirement("HR-01", "hot-reload", "Added, edited or removed routes are \"served\"", RequirementLevel.Must), requirements[0]);
        Assert.Equal(RequirementLevel.Should, requirements[1].Level);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_later_records_keep_their_line_numbers()
    {
        var text = Header + "A-01,alpha,\"first line\nsecond line\",must\nA-01,alpha,again,must\n";

        var error = Assert.Throws<RequirementsFormatException>(() => RequirementsCsvReader.Read(text, "r.csv"));

        Assert.Equal("r.csv:4: duplicate id A-01 (first on line 2)", error.Message);
    }

    [Fact]
    public void Crlf_line_endings_and_blank_lines_are_accepted()
    {
        var requirements = RequirementsCsvReader.Read("id,area,statement,level\r\n\r\nA-01,alpha,\"x, y\",must\r\n", "r.csv");

        Assert.Equal("x, y", Assert.Single(requirements).Statement);
    }

    [Fact]
    public void Every_bad_row_is_reported_at_once_with_its_file_and_line()
    {
        var text = Header + "A-01,alpha,ok,must\nA-02,alpha,bad level,could\nA-01,alpha,duplicate,must\nA-03,alpha,too,many,fields,must\nA-04,Bad Area,x,must\n";

        var error = Assert.Throws<RequirementsFormatException>(() => RequirementsCsvReader.Read(text, "requirements.csv"));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(
            [
                "requirements.csv:3: level 'could' for A-02 is neither must nor should",
                "requirements.csv:4: duplicate id A-01 (first on line 2)",
                "requirements.csv:5: 6 field(s) where the header has 4; quote a statement that contains a comma",
                "requirements.csv:6: area 'Bad Area' for A-04 must be lower-case letters, digits and dashes (it names docs/features/<area>.md)",
            ],
            lines);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var error = Assert.Throws<RequirementsFormatException>(() => RequirementsCsvReader.Read("id,area,statement\nA-01,alpha,x\n", "r.csv"));

        Assert.StartsWith("r.csv:1: missing column(s) level", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_where_the_record_starts()
    {
        var error = Assert.Throws<RequirementsFormatException>(() => RequirementsCsvReader.Read(Header + "A-01,alpha,\"never closed,must\n", "r.csv"));

        Assert.Equal("r.csv:2: a quoted field is never closed", error.Message);
    }

    [Fact]
    public void The_repository_requirements_file_reads_cleanly()
    {
        var requirements = RequirementsCsvReader.ReadFile(Path.Combine(RepositoryRoot.Path, "requirements.csv"));

        Assert.Contains(requirements, r => r.Id == "TR-01" && r.Level == RequirementLevel.Must);
        Assert.All(requirements, r => Assert.DoesNotContain("\"", r.Statement, StringComparison.Ordinal));
    }
}
