using static HotReload.Core.Tests.Configuration.ConfigText;

namespace HotReload.Core.Tests.Configuration.Parsing;

/// <summary>
/// A minified config is one long line. Columns there are counted on from the previous token instead of from
/// the line start (which made parsing quadratic in the file size); these pin that the counting stays exact,
/// in characters, across multi-byte text and for every error on the line.
/// </summary>
public sealed class MinifiedPositionTests
{
    [Fact]
    [Requirement("CV-01", "CV-02")]
    public void Errors_late_on_a_long_line_after_multi_byte_text_point_at_the_right_character()
    {
        var routes = string.Join(",", Enumerable.Range(0, 200).Select(i =>
            $"{{\"id\":\"r{i}\",\"match\":{{\"path\":\"/r{i}\"}},\"respond\":{{\"body\":\"caf\u00e9 \u65e5\u672c {i} \U0001F600\"}}}}"));
        var (json, marks) = Marked("{\"routes\":[" + routes + ",{\"id\":\"bad\",§\"clustr\":\"x\",\"match\":{\"path\":\"/bad\"},§\"respnd\":{}}]}");

        var errors = Parse(json).Errors;

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal(1, e.Position.Line));
        Assert.Equal(marks.Select(m => m.Column), errors.Select(e => e.Position.Column));
    }

    [Fact]
    [Requirement("CV-02")]
    public void A_semantic_error_on_a_long_ascii_line_is_located_by_character()
    {
        var routes = string.Join(",", Enumerable.Range(0, 300).Select(i => $"{{\"id\":\"r{i}\",\"match\":{{\"path\":\"/r{i}\"}},\"respond\":{{\"status\":200}}}}"));
        var (json, marks) = Marked("{\"routes\":[" + routes + ",{\"id\":\"late\",\"match\":{\"path\":\"/late\"},\"respond\":{\"status\":§700}}]}");

        var error = Single(Validate(json));

        Assert.Equal(marks[0], error.Position);
    }
}
