using System.Text;
using HotReloadProxy.Configuration.Parsing;
using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration.Parsing;

/// <summary>Reading the JSON text: what an empty, trailing or broken file is told, and how property names are read.</summary>
public sealed class JsonReadingTests
{
    [Theory]
    [Requirement("CV-01", "CV-13")]
    [InlineData("// only a comment\n", 2, 1)]
    [InlineData("{}\n  {}", 2, 3)]
    [InlineData("{} x", 1, 4)]
    public void A_file_without_a_value_or_with_content_after_it_is_a_syntax_error_where_the_reader_stopped(string json, int line, int column)
    {
        var parsed = Parse(json);

        var error = Single(parsed.Errors);
        Assert.True(parsed.IsSyntaxError);
        AssertAt(error, line, column);
        Assert.Equal("$", error.JsonPath);
        Assert.StartsWith("JSON syntax error: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Requirement("CV-01")]
    public void A_syntax_error_says_what_the_reader_found_without_its_zero_based_position_and_what_to_do()
    {
        var error = Single(Parse("{\"routes\": [,]}").Errors);

        Assert.StartsWith("JSON syntax error: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" Fix the JSON at this position.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length > "JSON syntax error:  Fix the JSON at this position.".Length, error.Message);
    }

    [Fact]
    [Requirement("CV-01", "CV-13")]
    public void A_string_that_is_not_utf8_is_an_error_asking_for_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"routes\": [{\"id\": \"a_\"}]}");
        bytes[Array.IndexOf(bytes, (byte)'_')] = 0xFF;

        var error = Single(ConfigParser.Parse(bytes).Errors);

        Assert.StartsWith("Invalid text: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" Save the file as UTF-8.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [Requirement("CV-09")]
    [InlineData("true")]
    [InlineData("false")]
    public void A_boolean_where_a_number_belongs_is_a_type_error(string literal)
    {
        var error = Single(Parse("{\"routes\": [{\"id\": \"a\", \"order\": " + literal + ", \"match\": {\"path\": \"/\"}, \"respond\": {}}]}").Errors);

        Assert.Equal("'routes[0].order' must be a whole number such as 10, but it is a boolean.", error.Message);
    }

    [Fact]
    [Requirement("CV-09")]
    public void Every_section_names_no_more_properties_than_an_object_can_hold()
    {
        // An object's fields are tracked in a bit mask (ObjectFields.MaxKnown bits): a section with more names would fail on
        // the first file that used the extra one, so a new setting must fail here first.
        var sections = typeof(ConfigBinder).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(string[]) && f.Name.EndsWith("Fields", StringComparison.Ordinal))
            .ToDictionary(f => f.Name, f => (string[])f.GetValue(null)!);

        Assert.Equal(8, sections.Count);
        Assert.All(sections, section => Assert.True(section.Value.Length <= ObjectFields.MaxKnown, $"{section.Key} names {section.Value.Length} properties"));
    }

    [Fact]
    [Requirement("CV-09")]
    public void Every_schema_property_name_is_read_as_the_one_shared_instance()
    {
        // A 1,000-route file repeats "id", "match" and "path" thousands of times: each is the schema's own string,
        // not a new one per occurrence. The names are spelt out here, not taken from the binder, so a binder that
        // forgot one would fail this test rather than shorten it.
        string[] schema =
        [
            "$schema", "routes", "clusters", "server",
            "id", "match", "order", "cluster", "respond", "transforms", "timeout",
            "path", "methods", "hosts",
            "status", "headers", "body",
            "pathRemovePrefix", "pathPrefix", "requestHeaders", "responseHeaders",
            "loadBalancing", "destinations",
            "address",
            "urls", "adminUrls",
        ];
        Assert.Equal(schema.Order(StringComparer.Ordinal), ConfigBinder.FieldNames.Distinct().Order(StringComparer.Ordinal));
        foreach (var name in schema)
        {
            var first = ReadSingleName(name);
            var second = ReadSingleName(name);

            Assert.Equal(name, first);
            Assert.True(ReferenceEquals(first, second), $"'{name}' was decoded into a new string");
            Assert.True(ReferenceEquals(first, string.IsInterned(name)), $"'{name}' is not the schema's instance");
        }
    }

    [Theory]
    [Requirement("CV-09")]
    [InlineData("\\u0069d", "id")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("pat", "pat")]
    [InlineData("ид", "ид")]
    public void Escaped_long_short_and_non_ascii_names_are_read_as_written(string written, string expected)
    {
        Assert.Equal(expected, ReadSingleName(written));
    }

    private static string ReadSingleName(string name)
    {
        var json = Encoding.UTF8.GetBytes("{\"" + name + "\": 1}");
        var reader = new System.Text.Json.Utf8JsonReader(json);
        Assert.True(reader.Read() && reader.Read());
        Assert.Equal(System.Text.Json.JsonTokenType.PropertyName, reader.TokenType);
        return NameTable.Read(ref reader);
    }
}
