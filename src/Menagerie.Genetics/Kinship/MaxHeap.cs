namespace Menagerie.Genetics.Kinship;

/// <summary>
/// A max-heap of individual indices. Ancestors are processed youngest first (highest index in
/// pedigree order), so that every offspring's contribution reaches a parent before the parent is used.
/// </summary>
internal struct MaxHeap
{
    private int[] _items;
    private int _count;

    public MaxHeap(int capacity)
    {
        _items = new int[Math.Max(capacity, 4)];
        _count = 0;
    }

    public readonly bool IsEmpty => _count == 0;

    public void Push(int value)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var i = _count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_items[parent] >= value)
            {
                break;
            }

            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = value;
    }

    public int Pop()
    {
        var top = _items[0];
        var last = _items[--_count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _items[child + 1] > _items[child])
            {
                child++;
            }

            if (_items[child] <= last)
            {
                break;
            }

            _items[i] = _items[child];
            i = child;
        }

        if (_count > 0)
        {
            _items[i] = last;
        }

        return top;
    }
}
