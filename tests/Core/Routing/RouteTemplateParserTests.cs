using HotReloadProxy.Routing;

namespace HotReload.Core.Tests.Routing;

[Requirement("CV-07")]
public sealed class RouteTemplateParserTests
{
    [Theory]
    [InlineData("/", "")]
    [InlineData("/api", "L:api")]
    [InlineData("/api/", "L:api")]
    [InlineData("/api/v1/items", "L:api L:v1 L:items")]
    [InlineData("/items/{id}", "L:items P:id")]
    [InlineData("/items/{id}/sub/{sub_id2}", "L:items P:id L:sub P:sub_id2")]
    [InlineData("/files/{**path}", "L:files C:path")]
    [InlineData("/files/{*path}", "L:files C:path")]
    [InlineData("/{**all}", "C:all")]
    [InlineData("/{a}/{b}/{**c}", "P:a P:b C:c")]
    [InlineData("/a.b-c_d~e", "L:a.b-c_d~e")]
    public void Accepts_literals_parameters_and_a_final_catch_all(string text, string expected)
    {
        Assert.True(RouteTemplateParser.TryParse(text, out var template, out var error), error);

        Assert.Null(error);
        Assert.Equal(text, template!.Text);
        var shape = string.Join(" ", template.Segments.Select(s => $"{s.Kind.ToString()[0]}:{s.Text}"));
        Assert.Equal(expected, shape);
        Assert.Equal(expected.StartsWith("C:", StringComparison.Ordinal) || expected.Contains(" C:", StringComparison.Ordinal), template.EndsWithCatchAll);
    }

    [Theory]
    [InlineData("", "must start with '/'")]
    [InlineData("api", "Path template 'api' must start with '/'.")]
    [InlineData("/a//b", "Path template '/a//b' has an empty segment ('//'); remove the extra slash.")]
    [InlineData("/a/b//", "has an empty segment ('//')")]
    [InlineData("/a{b}", "Segment 'a{b}' of path template '/a{b}' mixes text and a parameter")]
    [InlineData("/{a}b", "Segment '{a}b' of path template '/{a}b' mixes text and a parameter")]
    [InlineData("/{{a}}", "mixes text and a parameter")]
    [InlineData("/a}", "mixes text and a parameter")]
    [InlineData("/{**rest}/more", "Catch-all '{**rest}' in path template '/{**rest}/more' must be the last segment.")]
    [InlineData("/{*rest}/{id}", "must be the last segment")]
    [InlineData("/{id}/x/{id}", "Parameter name 'id' appears twice in path template '/{id}/x/{id}'; use distinct names.")]
    [InlineData("/{Id}/{iD}", "Parameter name 'iD' appears twice")]
    [InlineData("/{}", "Parameter '{}' in path template '/{}' needs a name of letters, digits or '_', such as '{id}'.")]
    [InlineData("/{**}", "Parameter '{**}' in path template '/{**}' needs a name")]
    [InlineData("/{a b}", "needs a name of letters, digits or '_'")]
    [InlineData("/x?y", "must not contain '?' or '#'")]
    [InlineData("/x#y", "must not contain '?' or '#'")]
    public void Rejects_bad_templates_with_a_message_that_says_why(string text, string messagePart)
    {
        Assert.False(RouteTemplateParser.TryParse(text, out var template, out var error));

        Assert.Null(template);
        Assert.Contains(messagePart, error, StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => RouteTemplateParser.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    [Theory]
    [InlineData("/api/{id}", "/api/7", true)]
    [InlineData("/api/{id}", "/API/7/", true)]
    [InlineData("/api/{id}", "/api", false)]
    [InlineData("/api/{id}", "/api/", false)]
    [InlineData("/api/{id}", "/api//", false)]
    [InlineData("/api/{id}", "/api/7/8", false)]
    [InlineData("/api/{**rest}", "/api", true)]
    [InlineData("/api/{**rest}", "/api/a/b/c", true)]
    [InlineData("/api/{**rest}", "/apix", false)]
    [InlineData("/", "/", true)]
    [InlineData("/", "", true)]
    [InlineData("/", "/a", false)]
    public void Template_matches_request_paths(string text, string path, bool matches)
    {
        Assert.Equal(matches, RouteTemplateParser.Parse(text).Matches(path));
    }
}
