using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// Distinct texts numbered in order of first appearance, each kept once however often it is met: a studbook
/// names an animal once as an individual and again as the parent of each of its offspring.
/// </summary>
/// <remarks>
/// The texts are kept end to end in one buffer and found through an open-addressing table, and a text becomes a
/// string only when one is asked for: reading a million ids then makes no million objects for the collector to
/// trace. A short ASCII text — most studbook numbers — is its own key in the table, so finding it touches one
/// slot; a longer one is compared with the text kept.
/// </remarks>
internal sealed class TextPool
{
    private char[] _chars = new char[1024];
    private int _used;

    // Text n is _chars[_starts[n] .. _starts[n + 1]].
    private int[] _starts = new int[65];
    private string?[] _strings = new string?[64];

    private Slot[] _slots = new Slot[128];

    public int Count { get; private set; }

    /// <summary>The text as a string, made the first time it is asked for and the same string after.</summary>
    public string this[int number] => _strings[number] ??= new string(Text(number));

    /// <summary>The text, without making a string of it.</summary>
    public ReadOnlySpan<char> Text(int number) => _chars.AsSpan(_starts[number], _starts[number + 1] - _starts[number]);

    /// <summary>The number of a text, added when it is new.</summary>
    public int Add(ReadOnlySpan<char> text) => Add(text, Find(text));

    /// <summary>Where a text is looked for: worked out first, so that the slots of a row's texts can be asked for together.</summary>
    public static Probe Find(ReadOnlySpan<char> text)
    {
        var key = ShortKey(text);
        return new(key, key != 0 ? (uint)((key * 0x9E3779B97F4A7C15UL) >> 32) : LongHash(text));
    }

    /// <summary>
    /// Asks the processor for the slot a text is looked for in first. A table of a million texts is far larger than the
    /// caches, so each lookup waits on memory; the three of a row (id, sire, dam) then wait once instead of three times.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void Prefetch(Probe probe)
    {
        if (Sse.IsSupported)
        {
            // A slot of a table that has since grown is a useless hint, never a fault.
            Sse.Prefetch0(Unsafe.AsPointer(ref _slots[(int)probe.Hash & (_slots.Length - 1)]));
        }
    }

    /// <summary>The number of a text found at <paramref name="probe"/>, added when it is new.</summary>
    public int Add(ReadOnlySpan<char> text, Probe probe)
    {
        var (key, hash) = probe;
        var mask = _slots.Length - 1;
        var i = (int)hash & mask;
        for (; _slots[i].Number != 0; i = (i + 1) & mask)
        {
            ref readonly var slot = ref _slots[i];
            if (slot.Key == key && slot.Hash == hash && (key != 0 || Text(slot.Number - 1).SequenceEqual(text)))
            {
                return slot.Number - 1;
            }
        }

        var number = Count++;
        Keep(text, number);
        _slots[i] = new Slot(key, hash, number + 1);
        if (Count * 2 > _slots.Length)
        {
            Grow();
        }

        return number;
    }

    /// <summary>
    /// Up to eight ASCII characters, seven bits each, with the length above them and the top bit set: equal keys
    /// are equal texts. 0 for any other text.
    /// </summary>
    private static ulong ShortKey(ReadOnlySpan<char> text)
    {
        if (text.Length > 8)
        {
            return 0;
        }

        ulong key = 0;
        var any = 0;
        for (var k = 0; k < text.Length; k++)
        {
            any |= text[k];
            key |= (ulong)text[k] << (7 * k);
        }

        return any < 0x80 ? key | ((ulong)text.Length << 56) | (1UL << 63) : 0;
    }

    private static uint LongHash(ReadOnlySpan<char> text)
    {
        var hash = default(HashCode);
        hash.AddBytes(MemoryMarshal.AsBytes(text));
        return (uint)hash.ToHashCode();
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
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Number == 0)
            {
                continue;
            }

            var i = (int)slot.Hash & mask;
            while (_slots[i].Number != 0)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = slot;
        }
    }

    /// <summary>A text's key (see <see cref="ShortKey"/>; 0 for a long text) and its hash.</summary>
    public readonly record struct Probe(ulong Key, uint Hash);

    /// <summary>A text's key (0 for a long text), its hash, and its number + 1; 0 is an empty slot.</summary>
    private readonly record struct Slot(ulong Key, uint Hash, int Number);
}
