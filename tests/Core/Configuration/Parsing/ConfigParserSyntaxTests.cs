using System.Text;
using HotReloadProxy.Configuration.Parsing;
using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration.Parsing;

/// <summary>Syntax errors: one error, flagged as a syntax error, at the exact 1-based line and character column.</summary>
public sealed class ConfigParserSyntaxTests
{
    private static ConfigError SyntaxError(ParsedConfig parsed)
    {
        var error = Single(parsed.Errors);
        Assert.True(parsed.IsSyntaxError, "expected a syntax error: " + error.Message);
        Assert.False(parsed.IsEmpty);
        Assert.False(parsed.Succeeded);
        return error;
    }

    [Fact]
    [Requirement("CV-01")]
    public void Missing_comma_between_properties_points_at_the_next_property()
    {
        var parsed = Parse("{\n  \"routes\": []\n  \"clusters\": {}\n}\n");

        var error = SyntaxError(parsed);
        AssertAt(error, 3, 3);
        Assert.StartsWith("JSON syntax error:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.Equal("f:3:3: " + error.Message, error.Format("f"));
    }

    [Fact]
    [Requirement("CV-01")]
    public void Missing_comma_on_the_first_line_points_at_the_column()
    {
        // {"routes": [] "clusters": {}}  -> the second '"' that opens "clusters" is character 15.
        var error = SyntaxError(Parse("{\"routes\": [] \"clusters\": {}}"));

        AssertAt(error, 1, 15);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Multi_byte_characters_before_the_error_count_as_one_column_each()
    {
        // {"a": "ééé" "b": 1}: é and € take 2 and 3 bytes but one column each, so the '"' of "b" is column 13.
        var error = SyntaxError(Parse("{\"a\": \"é€é\" \"b\": 1}"));

        AssertAt(error, 1, 13);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Multi_byte_characters_on_an_earlier_line_do_not_shift_the_column()
    {
        var error = SyntaxError(Parse("{\"routes\": [], \"x\": \"ééééé\",\n \"clusters\": {} ]"));

        // Line 2: ' "clusters": {} ]' -> the ']' is character 17.
        AssertAt(error, 2, 17);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Unterminated_string_is_reported_on_its_line()
    {
        var error = SyntaxError(Parse("{\n  \"routes\": [],\n  \"clusters\": {\"c\n"));

        // The raw line break inside the string is the offending character: line 3, character 18.
        AssertAt(error, 3, 18);
        Assert.StartsWith("JSON syntax error:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-01")]
    public void String_unterminated_at_end_of_file_is_reported_on_the_last_line()
    {
        var error = SyntaxError(Parse("{\n  \"routes\": \"abc"));

        AssertAt(error, 2, 17);
        Assert.Contains("end of data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Trailing_garbage_after_the_config_object_points_at_the_garbage()
    {
        var error = SyntaxError(Parse("{\"routes\": [], \"clusters\": {}}\n\n  x"));

        AssertAt(error, 3, 3);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Second_json_value_after_the_config_object_is_an_error()
    {
        var error = SyntaxError(Parse("{} {}"));

        AssertAt(error, 1, 4);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Invalid_utf8_inside_a_string_is_reported_at_that_string()
    {
        // Line 2 is ' "clusters": {"c\xFF": {}}}': the string holding the bad byte starts at column 15.
        var bytes = Encoding.UTF8.GetBytes("{\"routes\": [],\n \"clusters\": {\"cX\": {}}}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xFF;

        var parsed = ConfigParser.Parse(bytes);

        var error = SyntaxError(parsed);
        AssertAt(error, 2, 15);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Requirement("CV-01")]
    [InlineData("{\"routes\": [],\n \"extra\": {\"a\": \"X\"}}")]
    [InlineData("{\"routes\": [],\n \"server\": [\"u\", \"X\"]}")]
    [InlineData("{\"routes\": [],\n \"clusters\": {\"c\": {}, \"c\": \"X\"}}")]
    public void Invalid_utf8_in_a_value_binding_skips_is_still_reported_at_its_string(string json)
    {
        // Binding reads past values it does not keep (an unknown property, a wrong type, a repeated name) without
        // decoding them; the bad byte must still be found, or a file that is not UTF-8 would fail for another reason.
        var bytes = Encoding.UTF8.GetBytes(json);
        var bad = Array.IndexOf(bytes, (byte)'X');
        bytes[bad] = 0xFF;

        var error = SyntaxError(ConfigParser.Parse(bytes));

        Assert.StartsWith("Invalid text: ", error.Message, StringComparison.Ordinal);
        AssertAt(error, 2, bad - 1 - Array.IndexOf(bytes, (byte)'\n'));
    }

    [Fact]
    [Requirement("CV-01")]
    public void Invalid_utf8_byte_outside_a_string_is_a_syntax_error_at_its_column()
    {
        var bytes = Encoding.UTF8.GetBytes("{\n  \"routes\": X}");
        bytes[Array.IndexOf(bytes, (byte)'X')] = 0xC3;

        var error = SyntaxError(ConfigParser.Parse(bytes));

        AssertAt(error, 2, 13);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Nesting_deeper_than_64_is_a_syntax_error_at_the_65th_opening()
    {
        var json = "{\"routes\": " + new string('[', 64) + new string(']', 64) + "}";

        var error = SyntaxError(Parse(json));

        // Character 1 is the root '{' (depth 1); "routes": [ ... the 64th '[' is depth 65: column 12 + 63 = 75.
        AssertAt(error, 1, 75);
        Assert.Contains("depth", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Nesting_of_exactly_64_is_not_a_syntax_error()
    {
        var json = "{\"routes\": " + new string('[', 63) + new string(']', 63) + "}";

        var parsed = Parse(json);

        Assert.False(parsed.IsSyntaxError);
        Assert.False(parsed.Succeeded); // a nested array is not a route object: binder errors, not syntax
    }

    [Theory]
    [Requirement("CV-01")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(" \t\r\n \n")]
    [InlineData("\uFEFF")]
    public void Empty_whitespace_or_bom_only_input_gives_one_empty_error(string text)
    {
        var parsed = ConfigParser.Parse(Encoding.UTF8.GetBytes(text));

        var error = Single(parsed.Errors);
        Assert.True(parsed.IsEmpty);
        Assert.False(parsed.IsSyntaxError);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        AssertAt(error, 1, 1);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Bom_followed_by_a_newline_is_empty_too()
    {
        var parsed = ConfigParser.Parse([0xEF, 0xBB, 0xBF, (byte)'\n']);

        var error = Single(parsed.Errors);
        Assert.True(parsed.IsEmpty, error.Message);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var parsed = Parse("""
            // hand-written config
            {
              /* the routes */
              "routes": [
                {"id": "a", "match": {"path": "/a", "methods": ["GET",],}, "cluster": "c",}, // trailing
              ],
              "clusters": {"c": {"destinations": {"d": {"address": "http://127.0.0.1:1"},},},},
            }
            """);

        Assert.True(parsed.Succeeded, string.Join(" | ", parsed.Errors.Select(e => e.Format("f"))));
        Assert.Equal("a", Assert.Single(parsed.Config.Routes).Id);
        Assert.Equal(["GET"], parsed.Config.Routes[0].Match.Methods!);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Lines_inside_comments_are_counted()
    {
        var error = SyntaxError(Parse("/* line 1\n   line 2\n*/ {\"routes\": [] \"clusters\": {}}"));

        AssertAt(error, 3, 18);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Comment_after_the_config_object_is_accepted()
    {
        Assert.True(Parse("{\"routes\": [], \"clusters\": {}}\n// the end\n/* really */\n").Succeeded);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Windows_line_endings_give_the_same_positions()
    {
        AssertAt(SyntaxError(Parse("{\r\n  \"routes\": []\r\n  \"clusters\": {}\r\n}\r\n")), 3, 3);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Tabs_count_as_one_column()
    {
        AssertAt(SyntaxError(Parse("{\n\t\"routes\": []\n\t\"clusters\": {}\n}")), 3, 2);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Bom_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"routes\": [], \"clusters\": {}}")).ToArray();

        var parsed = ConfigParser.Parse(bytes);

        Assert.True(parsed.Succeeded, string.Join(" | ", parsed.Errors.Select(e => e.Format("f"))));
    }

    [Fact]
    [Requirement("CV-01")]
    public void Bom_does_not_shift_the_column_of_a_syntax_error_on_the_first_line()
    {
        // Editors do not show the BOM: the '"' of "clusters" is column 15 with or without it.
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"routes\": [] \"clusters\": {}}")).ToArray();

        AssertAt(SyntaxError(ConfigParser.Parse(bytes)), 1, 15);
    }

    [Fact]
    [Requirement("CV-02", "CV-09")]
    public void Bom_does_not_shift_the_column_of_a_type_error_on_the_first_line()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"routes\": 5}")).ToArray();

        AssertAt(Single(ConfigParser.Parse(bytes).Errors), 1, 12);
    }

    [Fact]
    [Requirement("CV-01")]
    public void Bom_does_not_change_positions_on_later_lines()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\n  \"routes\": []\n  \"clusters\": {}\n}")).ToArray();

        AssertAt(SyntaxError(ConfigParser.Parse(bytes)), 3, 3);
    }

    [Theory]
    [Requirement("CV-13")]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { (byte)'{' })]
    [InlineData(new byte[] { (byte)'[' })]
    [InlineData(new byte[] { (byte)'"' })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'{', 0x00, (byte)'}', 0x00 })]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}' })]
    [InlineData(new byte[] { (byte)'\n', (byte)'\n', (byte)'/', (byte)'*' })]
    public void Parser_never_throws_on_nasty_bytes(byte[] bytes)
    {
        var parsed = ConfigParser.Parse(bytes);

        var error = Assert.Single(parsed.Errors);
        Assert.True(error.Position.Line >= 1 && error.Position.Column >= 1, error.Position.ToString());
    }

    [Theory]
    [Requirement("CV-13")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"routes\": [null, 1, \"x\", []]}")]
    [InlineData("{\"routes\": \"\\uD800\"}")]
    [InlineData("{\"\\uDC00\": 1}")]
    [InlineData("{\"routes\": [{\"order\": 1e999, \"timeout\": \"1e400s\", \"match\": 7}]}")]
    [InlineData("{\"clusters\": {\"c\": {\"destinations\": [], \"loadBalancing\": 3, \"timeout\": \"99999999999999999m\"}}}")]
    [InlineData("{\"routes\": [{\"respond\": {\"status\": 99999999999, \"headers\": []}, \"transforms\": {\"requestHeaders\": {\"a\": 1}}}]}")]
    public void Parser_never_throws_on_nasty_json(string text)
    {
        var parsed = Parse(text);

        Assert.NotEmpty(parsed.Errors);
        Assert.All(parsed.Errors, error => Assert.True(error.Position.Line >= 1 && error.Position.Column >= 1));
    }
}
