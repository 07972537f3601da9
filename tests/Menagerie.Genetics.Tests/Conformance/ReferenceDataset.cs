using System.Collections.Concurrent;
using System.IO.Compression;
using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;
using Menagerie.Genetics.Tests.Support;

namespace Menagerie.Genetics.Tests.Conformance;

/// <summary>One shared reference dataset: the pedigree, its inbreeding and reference population, and the reference tables.</summary>
internal sealed class ReferenceDataset
{
    private static readonly ConcurrentDictionary<string, Lazy<ReferenceDataset>> Cache = new(StringComparer.Ordinal);

    private ReferenceDataset(string name)
    {
        Name = name;
        var result = Pedigree.Build(PedigreeCsv.Read(PedigreeData.Input(name)));
        Assert.True(result.Succeeded, $"{name}: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        Pedigree = result.Pedigree;
        Inbreeding = Menagerie.Genetics.Kinship.Inbreeding.Compute(Pedigree);
        Reference = ReferencePopulation.Select(Pedigree);
        MeanKinship = MeanKinship.Compute(Pedigree, Inbreeding, Reference);
    }

    public string Name { get; }

    public Pedigree Pedigree { get; }

    public double[] Inbreeding { get; }

    public ReferencePopulation Reference { get; }

    public MeanKinship MeanKinship { get; }

    public bool IsSynthetic => Name.StartsWith("synth_", StringComparison.Ordinal);

    public static ReferenceDataset Load(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<ReferenceDataset>(() => new ReferenceDataset(n))).Value;

    /// <summary>A reference CSV as rows of named fields.</summary>
    public IReadOnlyList<Dictionary<string, string>> Table(string file)
    {
        var rows = RawTable(file);
        var header = rows[0];
        return [.. rows.Skip(1).Select(r => header.Select((h, c) => (h, c)).ToDictionary(x => x.h, x => r[x.c], StringComparer.Ordinal))];
    }

    /// <summary>A reference CSV (gzip'd when it ends in .gz) as rows of fields, header first.</summary>
    public List<List<string>> RawTable(string file)
    {
        var path = PedigreeData.Reference(Name, file);
        using var stream = file.EndsWith(".gz", StringComparison.Ordinal)
            ? (Stream)new GZipStream(File.OpenRead(path), CompressionMode.Decompress)
            : File.OpenRead(path);
        return PedigreeCsv.ReadTable(stream);
    }

    /// <summary>The single row of summary.csv.</summary>
    public Dictionary<string, string> Summary() => Table("summary.csv")[0];

    public int Index(string id)
    {
        var i = Pedigree.IndexOf(id);
        Assert.True(i >= 0, $"{Name}: id '{id}' of the reference is not in the pedigree");
        return i;
    }
}
