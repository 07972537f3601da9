using Menagerie.Domain.Specimens;

namespace Menagerie.Testing;

/// <summary>
/// Draws from a property step's random numbers, in turn, so that one generated step can make as many
/// choices as it needs (which animals, how many of each sex) and still shrink as CsCheck shrinks it.
/// Linked into the domain's and the application's tests.
/// </summary>
internal sealed class Dice(int[] values)
{
    private int _next;

    public int Roll(int sides)
    {
        var value = values[_next % values.Length] + (_next / values.Length * 7919);
        _next++;
        return sides <= 1 ? 0 : value % sides;
    }

    public SexCounts Take(SexCounts of) => new(Roll(of.Males + 1), Roll(of.Females + 1), Roll(of.Unknown + 1));
}
