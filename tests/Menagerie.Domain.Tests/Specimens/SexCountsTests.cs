using CsCheck;
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
    [InlineData("1000001.0.0")]
    [InlineData("2147483600.0.0")]
    [InlineData("0.0.99999999999")]
    public void Parse_refuses_anything_else(string text) => Assert.False(SexCounts.TryParse(text, out _));

    [Fact]
    public void Whatever_is_read_sums_without_overflow_and_says_when_it_is_more_than_a_group_holds() =>
        Gen.OneOf(Gen.Int[0, 1000], Gen.Int[0, SexCounts.MaxAnimals + 1], Gen.Int[0, int.MaxValue]).Array[3].Sample(n =>
        {
            var text = $"{n[0]}.{n[1]}.{n[2]}";
            if (!SexCounts.TryParse(text, out var counts))
                return n.Any(v => v > SexCounts.MaxAnimals) && SexCounts.Unreadable(text).ToString().Contains("more animals than a group holds", StringComparison.Ordinal);
            var sum = counts + counts + counts;
            return sum.Total == 3L * ((long)n[0] + n[1] + n[2]) && counts.IsTooMany == ((long)n[0] + n[1] + n[2] > SexCounts.MaxAnimals);
        });

    [Fact]
    public void Covers_compares_every_sex() =>
        Assert.False(new SexCounts(5, 5, 0).Covers(new SexCounts(1, 0, 1)));
}
