using BenchmarkDotNet.Attributes;
using Menagerie.App.Studbooks;
using Menagerie.Genetics.Kinship;
using Menagerie.Genetics.Pedigrees;
using Menagerie.Genetics.Population;

namespace Menagerie.Benchmarks;

/// <summary>
/// The studbook analysis of a generated 1,000,000-animal pedigree, piece by piece (DESIGN.md targets:
/// F of every animal ≤ 1 s; MK over the living animals ≤ 0.3 s once F is known), with reading and
/// validating the CSV file and the report for comparison.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 3)]
public class StudbookAnalysisBenchmarks
{
    private string _file = null!;
    private Pedigree _pedigree = null!;
    private ReferencePopulation _reference = null!;
    private double[] _inbreeding = null!;
    private StudbookAnalysis _analysis = null!;

    [Params(1_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        var studbook = StudbookGenerator.Generate(Size, seed: 1);
        _file = Path.Combine(Path.GetTempPath(), $"menagerie-bench-{Size}.csv");
        await using (var writer = new StreamWriter(_file))
        {
            await studbook.WriteCsvAsync(writer, CancellationToken.None);
        }

        _pedigree = ((StudbookLoad.Loaded)await StudbookLoader.LoadAsync(_file, CancellationToken.None)).Pedigree;
        _reference = ReferencePopulation.Select(_pedigree);
        _inbreeding = Genetics.Kinship.Inbreeding.Compute(_pedigree);
        _analysis = StudbookAnalysis.Compute(_pedigree, _reference);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark]
    public async Task<StudbookLoad> Load() => await StudbookLoader.LoadAsync(_file, CancellationToken.None);

    [Benchmark]
    public double[] Inbreeding() => Genetics.Kinship.Inbreeding.Compute(_pedigree);

    [Benchmark]
    public MeanKinship MeanKinshipGivenF() => MeanKinship.Compute(_pedigree, _inbreeding, _reference);

    [Benchmark]
    public AnalysisReport Report() => _analysis.Report();
}

/// <summary>
/// The dense kinship matrix of every animal of a generated 20,000-animal pedigree (20,000² doubles,
/// 3.2 GB; DESIGN.md target: within 2× of the memory-bandwidth floor), beside that floor: writing and
/// copying a buffer of the same size, already mapped.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 3)]
public class DenseKinshipBenchmarks
{
    private Pedigree _pedigree = null!;
    private double[] _source = null!;
    private double[] _target = null!;

    [Params(20_000)]
    public int Size { get; set; }

    // Each benchmark runs in its own process: the matrix's does not hold the floors' 6.4 GB of buffers.
    [GlobalSetup(Target = nameof(Matrix))]
    public void SetupPedigree()
    {
        var studbook = StudbookGenerator.Generate(Size, seed: 1);
        var ids = Enumerable.Range(0, studbook.Count).Select(studbook.Id).ToArray();
        _pedigree = Pedigree.FromParentIndices(ids, studbook.Sires, studbook.Dams, studbook.Sexes).Pedigree!;
    }

    [GlobalSetup(Targets = [nameof(FillFloor), nameof(CopyFloor)])]
    public void SetupBuffers()
    {
        _source = new double[(long)Size * Size];
        _target = new double[(long)Size * Size];
        Array.Fill(_source, 0.5);
        Array.Fill(_target, 0.25);
    }

    /// <summary>The floor for writing the matrix once: every byte stored, nothing read.</summary>
    [Benchmark]
    public void FillFloor() => Array.Fill(_target, 0.125);

    /// <summary>Streaming the matrix through memory: every byte read once and written once.</summary>
    [Benchmark]
    public void CopyFloor() => _source.AsSpan().CopyTo(_target);

    [Benchmark]
    public KinshipMatrix Matrix() => KinshipMatrix.Compute(_pedigree);
}
