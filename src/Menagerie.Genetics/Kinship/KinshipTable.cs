using System.Numerics.Tensors;

namespace Menagerie.Genetics.Kinship;

/// <summary>
/// The full symmetric kinship table of individuals in pedigree order (parents first), by the
/// tabular method: f(j,k) = ½ (f(sire_j, k) + f(dam_j, k)) for k &lt; j, f(j,j) = ½ (1 + f(sire_j, dam_j)).
/// </summary>
/// <remarks>
/// Rows are formed in blocks of <see cref="Block"/>. A row's part left of its block is the average
/// of two parental rows that are already complete there, formed with <see cref="TensorPrimitives"/>;
/// the few entries inside the block are scalar. After each block, its panel is mirrored into the
/// columns above by tiles, so that every write and read touches whole cache lines — mirroring one
/// row at a time would write one element per cache line, N² times.
/// </remarks>
internal static class KinshipTable
{
    private const int Block = 64;

    // Below this many members a table is built in a blink: threads would cost more than they save.
    private const int ParallelSize = 2048;

    /// <param name="sires">Local sire index of each member, -1 unknown (less than the member's own index).</param>
    /// <param name="dams">Local dam index of each member, -1 unknown.</param>
    public static double[] Compute(int[] sires, int[] dams)
    {
        var m = sires.Length;
        var table = new double[m * m];
        var parallel = m >= ParallelSize;
        for (var j0 = 0; j0 < m; j0 += Block)
        {
            var j1 = Math.Min(j0 + Block, m);

            // A row whose parents precede the block needs only complete rows: those rows are formed
            // side by side. A row with a parent inside the block waits for that parent's row.
            if (parallel)
            {
                Parallel.For(j0, j1, j =>
                {
                    if (Math.Max(sires[j], dams[j]) < j0)
                    {
                        RowLeftOfBlock(table, m, j, j0, sires[j], dams[j]);
                    }
                });
            }

            for (var j = j0; j < j1; j++)
            {
                if (!parallel || Math.Max(sires[j], dams[j]) >= j0)
                {
                    RowLeftOfBlock(table, m, j, j0, sires[j], dams[j]);
                }

                RowInsideBlock(table, m, j, j0, sires[j], dams[j]);
            }

            if (parallel)
            {
                // Tiles of the panel write disjoint rows.
                Parallel.For(0, (j1 + Block - 1) / Block, t => MirrorTile(table, m, j0, j1, t * Block));
            }
            else
            {
                MirrorPanel(table, m, j0, j1);
            }
        }

        return table;
    }

    private static void RowLeftOfBlock(double[] table, int m, int j, int j0, int s, int d)
    {
        var row = table.AsSpan(j * m, j0);
        if (s >= 0 && d >= 0)
        {
            TensorPrimitives.Add(table.AsSpan(s * m, j0), table.AsSpan(d * m, j0), row);
            TensorPrimitives.Multiply(row, 0.5, row);
        }
        else if (s >= 0 || d >= 0)
        {
            TensorPrimitives.Multiply(table.AsSpan(Math.Max(s, d) * m, j0), 0.5, row);
        }
    }

    private static void RowInsideBlock(double[] table, int m, int j, int j0, int s, int d)
    {
        for (var k = j0; k < j; k++)
        {
            table[(j * m) + k] = 0.5 * (Lower(table, m, s, k) + Lower(table, m, d, k));
        }

        table[(j * m) + j] = 0.5 * (1 + Lower(table, m, s, d));
    }

    /// <summary>f(a,b) read from the lower triangle (row ≥ column), which is always filled; 0 for an unknown parent.</summary>
    private static double Lower(double[] table, int m, int a, int b)
    {
        if (a < 0 || b < 0)
        {
            return 0;
        }

        return a >= b ? table[(a * m) + b] : table[(b * m) + a];
    }

    /// <summary>Copies rows [j0, j1) × columns [0, j1) into columns [j0, j1) of rows [0, j1), tile by tile.</summary>
    private static void MirrorPanel(double[] table, int m, int j0, int j1)
    {
        for (var c0 = 0; c0 < j1; c0 += Block)
        {
            MirrorTile(table, m, j0, j1, c0);
        }
    }

    /// <summary>Copies rows [j0, j1) × columns [c0, c0 + Block) into columns [j0, j1) of those rows.</summary>
    private static void MirrorTile(double[] table, int m, int j0, int j1, int c0)
    {
        var c1 = Math.Min(c0 + Block, j1);
        for (var c = c0; c < c1; c++)
        {
            var target = c * m;
            for (var j = Math.Max(j0, c + 1); j < j1; j++)
            {
                table[target + j] = table[(j * m) + c];
            }
        }
    }
}
