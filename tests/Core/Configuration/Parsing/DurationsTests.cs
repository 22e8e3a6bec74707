using HotReloadProxy.Configuration.Parsing;

namespace HotReload.Core.Tests.Configuration.Parsing;

/// <summary>The duration texts a config may use for timeouts, and the canonical text the writer puts back.</summary>
public sealed class DurationsTests
{
    [Theory]
    [Requirement("CV-08")]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("0.25m", 15_000)]
    [InlineData("1e3ms", 1_000)]
    [InlineData("  30s\t", 30_000)]
    [InlineData("-5s", -5_000)]
    [InlineData("+5s", 5_000)]
    [InlineData("00:00:30", 30_000)]
    [InlineData("01:00:00", 3_600_000)]
    public void Milliseconds_seconds_minutes_and_timespan_texts_parse_to_their_value(string text, long milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var value), text);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [Requirement("CV-09")]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("30")]
    [InlineData("5h")]
    [InlineData("ms")]
    [InlineData("s")]
    [InlineData("NaNs")]
    [InlineData("Infinityms")]
    [InlineData("30 seconds")]
    [InlineData("30S")]
    [InlineData("1,5s")]
    public void Anything_else_is_not_a_duration_and_leaves_the_value_at_zero(string text)
    {
        Assert.False(Durations.TryParse(text, out var value), text);
        Assert.Equal(TimeSpan.Zero, value);
    }

    [Theory]
    [Requirement("CV-09", "CV-13")]
    [InlineData("99999999999999999m")]
    [InlineData("-99999999999999999m")]
    [InlineData("922337203685477.5807ms")]
    [InlineData("1e300s")]
    public void An_amount_beyond_the_timespan_range_is_not_a_duration_and_does_not_throw(string text)
    {
        Assert.False(Durations.TryParse(text, out _), text);
    }

    [Fact]
    [Requirement("CV-14")]
    public void A_whole_millisecond_count_beyond_double_precision_parses_to_the_exact_tick()
    {
        // 2^53 ticks and more: a double would round this amount; the integer path keeps it exact.
        Assert.True(Durations.TryParse("825536389516119ms", out var value));
        Assert.Equal(825536389516119L * TimeSpan.TicksPerMillisecond, value.Ticks);
    }

    [Fact]
    [Requirement("CV-14")]
    public void The_largest_and_smallest_whole_millisecond_counts_a_timespan_holds_parse_exactly()
    {
        var maxMilliseconds = TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerMillisecond;
        Assert.True(Durations.TryParse(maxMilliseconds + "ms", out var value));
        Assert.Equal(maxMilliseconds * TimeSpan.TicksPerMillisecond, value.Ticks);

        var minMilliseconds = TimeSpan.MinValue.Ticks / TimeSpan.TicksPerMillisecond;
        Assert.True(Durations.TryParse(minMilliseconds + "ms", out value));
        Assert.Equal(minMilliseconds * TimeSpan.TicksPerMillisecond, value.Ticks);
    }

    [Theory]
    [Requirement("CV-14")]
    [InlineData(1_500L * TimeSpan.TicksPerMillisecond, "1500ms")]
    [InlineData(0L, "0ms")]
    [InlineData(-2L * TimeSpan.TicksPerMillisecond, "-2ms")]
    [InlineData(1L, "00:00:00.0000001")]
    [InlineData(TimeSpan.TicksPerSecond + 5, "00:00:01.0000005")]
    public void Format_writes_whole_milliseconds_else_the_exact_timespan_and_parses_back_to_the_same_ticks(long ticks, string expected)
    {
        var text = Durations.Format(TimeSpan.FromTicks(ticks));

        Assert.Equal(expected, text);
        Assert.True(Durations.TryParse(text, out var back));
        Assert.Equal(ticks, back.Ticks);
    }
}
