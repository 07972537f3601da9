namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// Distinct texts numbered in order of first appearance, each kept as one string however often it is
/// met: a studbook names an animal once as an individual and again as the parent of each of its offspring.
/// </summary>
internal sealed class TextPool
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _texts = [];

    public int Count => _texts.Count;

    public string this[int number] => _texts[number];

    /// <summary>The number of a text, added when it is new; only a new text is allocated as a string.</summary>
    public int Add(ReadOnlySpan<char> text)
    {
        if (_numbers.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var number))
        {
            return number;
        }

        var kept = text.ToString();
        _numbers.Add(kept, _texts.Count);
        _texts.Add(kept);
        return _texts.Count - 1;
    }
}
