using System.Runtime.InteropServices;

namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// Distinct texts numbered in order of first appearance, each kept once however often it is met: a studbook
/// names an animal once as an individual and again as the parent of each of its offspring.
/// </summary>
/// <remarks>
/// The texts are kept end to end in one buffer and found through an open-addressing table of hashes and
/// numbers, and a text becomes a string only when one is asked for: reading a million ids then makes no
/// million objects for the collector to trace, and each lookup touches two arrays instead of a dictionary's
/// entry and a string.
/// </remarks>
internal sealed class TextPool
{
    private char[] _chars = new char[1024];
    private int _used;

    // Text n is _chars[_starts[n] .. _starts[n + 1]].
    private int[] _starts = new int[65];
    private string?[] _strings = new string?[64];

    // Each slot holds a text's hash in its high half and its number + 1 in its low half; 0 is an empty slot.
    private long[] _slots = new long[128];

    public int Count { get; private set; }

    /// <summary>The text as a string, made the first time it is asked for and the same string after.</summary>
    public string this[int number] => _strings[number] ??= new string(Text(number));

    /// <summary>The text, without making a string of it.</summary>
    public ReadOnlySpan<char> Text(int number) => _chars.AsSpan(_starts[number], _starts[number + 1] - _starts[number]);

    /// <summary>The number of a text, added when it is new.</summary>
    public int Add(ReadOnlySpan<char> text)
    {
        var hash = Hash(text);
        var mask = _slots.Length - 1;
        var i = (int)hash & mask;
        for (var slot = _slots[i]; slot != 0; slot = _slots[i])
        {
            if ((uint)(slot >> 32) == hash && Text((int)slot - 1).SequenceEqual(text))
            {
                return (int)slot - 1;
            }

            i = (i + 1) & mask;
        }

        var number = Count++;
        Keep(text, number);
        _slots[i] = ((long)hash << 32) | (uint)(number + 1);
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return number;
    }

    private void Keep(ReadOnlySpan<char> text, int number)
    {
        if (_used + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + text.Length));
        }

        if (number + 2 > _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _strings, _starts.Length - 1);
        }

        text.CopyTo(_chars.AsSpan(_used));
        _used += text.Length;
        _starts[number + 1] = _used;
    }

    // Twice as many slots, each text moved by the hash it keeps: no text is hashed again.
    private void Grow()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot == 0)
            {
                continue;
            }

            var i = (int)(slot >> 32) & mask;
            while (_slots[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = slot;
        }
    }

    private static uint Hash(ReadOnlySpan<char> text)
    {
        var hash = default(HashCode);
        hash.AddBytes(MemoryMarshal.AsBytes(text));
        return (uint)hash.ToHashCode();
    }
}
