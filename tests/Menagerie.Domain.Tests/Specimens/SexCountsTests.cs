using Menagerie.Domain.Specimens;

namespace Menagerie.Domain.Tests.Specimens;

public sealed class SexCountsTests
{
    [Theory]
    [InlineData("1.2.0", 1, 2, 0)]
    [InlineData("12.13.0", 12, 13, 0)]
    [InlineData(" 0.0.25 ", 0, 0, 25)]
    public void Parse_reads_male_female_unknown(string text, int males, int females, int unknown)
    {
        Assert.True(SexCounts.TryParse(text, out var counts));
        Assert.Equal(new SexCounts(males, females, unknown), counts);
        Assert.Equal(text.Trim(), counts.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2")]
    [InlineData("1.2.0.0")]
    [InlineData("-1.2.0")]
    [InlineData("a.b.c")]
    [InlineData("1,2,0")]
    public void Parse_refuses_anything_else(string text) => Assert.False(SexCounts.TryParse(text, out _));

    [Fact]
    public void Covers_compares_every_sex() =>
        Assert.False(new SexCounts(5, 5, 0).Covers(new SexCounts(1, 0, 1)));
}
