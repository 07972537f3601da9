using Menagerie.Genetics.Pedigrees;

namespace Menagerie.Genetics.Tests.Support;

internal static class TestPedigrees
{
    /// <summary>Builds a pedigree from "id,sire,dam,sex" strings (blank parent = unknown); fails the test on any error.</summary>
    public static Pedigree Parse(params string[] rows)
    {
        var result = Pedigree.Build(Input(rows));
        Assert.True(result.Succeeded, string.Join("; ", result.Issues.Select(i => i.Message)));
        return result.Pedigree;
    }

    public static PedigreeInput Input(params string[] rows)
    {
        var input = new PedigreeInput();
        for (var k = 0; k < rows.Length; k++)
        {
            var f = rows[k].Split(',');
            input.Add(new PedigreeRow
            {
                Id = f[0],
                Sire = f.Length > 1 ? f[1] : null,
                Dam = f.Length > 2 ? f[2] : null,
                Sex = f.Length > 3 ? f[3] : null,
                Line = k + 2,
                BirthYear = f.Length > 4 ? int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture) : null,
            });
        }

        return input;
    }

    /// <summary>
    /// A random pedigree of <paramref name="n"/> individuals, shuffled so that offspring may come
    /// before their parents. Parents are drawn from a recent window so that inbreeding builds up.
    /// </summary>
    public static Pedigree Random(int n, int seed, double unknownParent = 0.1)
    {
        var random = new Random(seed);
        var sexes = new Sex[n];
        var sires = new int[n];
        var dams = new int[n];
        var founders = Math.Max(2, n / 10);
        for (var i = 0; i < n; i++)
        {
            sexes[i] = i < 2 ? (Sex)(i + 1) : random.Next(2) == 0 ? Sex.Male : Sex.Female;
            sires[i] = i < founders || random.NextDouble() < unknownParent ? -1 : Pick(random, sexes, i, Sex.Male);
            dams[i] = i < founders || random.NextDouble() < unknownParent ? -1 : Pick(random, sexes, i, Sex.Female);
        }

        var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
        var position = new int[n];
        for (var k = 0; k < n; k++)
        {
            position[order[k]] = k;
        }

        var ids = order.Select(i => "I" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var result = Pedigree.FromParentIndices(
            ids,
            order.Select(i => sires[i] < 0 ? -1 : position[sires[i]]).ToArray(),
            order.Select(i => dams[i] < 0 ? -1 : position[dams[i]]).ToArray(),
            order.Select(i => sexes[i]).ToArray());
        Assert.True(result.Succeeded, string.Join("; ", result.Issues.Select(i => i.Message)));
        return result.Pedigree;
    }

    /// <summary>
    /// Discrete generations of <paramref name="width"/> individuals, parents drawn from the two
    /// generations before: wide generations exercise the parallel path, and sires get several mates.
    /// </summary>
    public static Pedigree Generations(int width, int generations, int seed)
    {
        var random = new Random(seed);
        var n = width * generations;
        var ids = new string[n];
        var sires = new int[n];
        var dams = new int[n];
        var sexes = new Sex[n];
        for (var i = 0; i < n; i++)
        {
            var g = i / width;
            ids[i] = "G" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sexes[i] = i % 2 == 0 ? Sex.Male : Sex.Female;
            var from = Math.Max(0, g - 2) * width;
            var span = (g * width) - from;
            var unknown = g == 0 || random.NextDouble() < 0.03;

            // Males sit at even indices and females at odd ones; a few sires get many mates.
            sires[i] = unknown ? -1 : from + (2 * (random.NextDouble() < 0.3 ? random.Next(5) : random.Next(span / 2)));
            dams[i] = g == 0 || random.NextDouble() < 0.03 ? -1 : from + (2 * random.Next(span / 2)) + 1;
        }

        var result = Pedigree.FromParentIndices(ids, sires, dams, sexes);
        Assert.True(result.Succeeded, string.Join("; ", result.Issues.Select(i => i.Message)));
        return result.Pedigree;
    }

    private static int Pick(Random random, Sex[] sexes, int before, Sex sex)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var window = Math.Min(before, 30);
            var j = before - 1 - random.Next(window);
            if (sexes[j] == sex)
            {
                return j;
            }
        }

        return -1;
    }
}

/// <summary>
/// The textbook recursion, kept deliberately naive: f(a,b) = ½ (f(sire_a, b) + f(dam_a, b)) with a the
/// younger, f(a,a) = ½ (1 + f(sire_a, dam_a)), f with an unknown parent = 0; memoised.
/// </summary>
internal sealed class NaiveKinship(Pedigree pedigree)
{
    private readonly Dictionary<(int, int), double> _memo = [];

    public double Of(int a, int b)
    {
        if (a < 0 || b < 0)
        {
            return 0;
        }

        if (a < b)
        {
            (a, b) = (b, a);
        }

        if (_memo.TryGetValue((a, b), out var known))
        {
            return known;
        }

        var value = a == b
            ? 0.5 * (1 + Of(pedigree.Sires[a], pedigree.Dams[a]))
            : 0.5 * (Of(pedigree.Sires[a], b) + Of(pedigree.Dams[a], b));
        _memo[(a, b)] = value;
        return value;
    }
}
