using System.Text;
using System.Text.Json;
using Menagerie.App.Studbooks;
using Menagerie.Genetics.Population;

namespace Menagerie.App.Tests.Studbooks;

/// <summary>The hand-written JSON of an analysis is byte for byte what the serializer would write with <see cref="Json.Options"/>.</summary>
public sealed class AnalysisReportJsonTests
{
    private static readonly JsonSerializerOptions Compact = new(Json.Options) { WriteIndented = false };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Write_of_a_generated_studbook_matches_the_serializer(bool indented)
    {
        var csv = new StringWriter();
        await StudbookGenerator.Generate(2_000, 7).WriteCsvAsync(csv, TestContext.Current.CancellationToken);
        var pedigree = await StudbookText.PedigreeAsync(csv.ToString());
        var report = StudbookAnalysis.Compute(pedigree, StudbookAnalysis.SelectReference(pedigree, ReferenceRule.Auto)).Report();

        Assert.Equal(Serialized(report, indented), Written(report, indented));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 1)]
    [InlineData(false, 7)]
    [InlineData(true, 500)]
    [InlineData(false, 1_999)]
    [InlineData(false, 2_000)]
    public async Task Write_in_parts_side_by_side_gives_the_same_bytes_as_the_serializer(bool indented, int partSize)
    {
        var csv = new StringWriter();
        await StudbookGenerator.Generate(2_000, 3).WriteCsvAsync(csv, TestContext.Current.CancellationToken);
        var pedigree = await StudbookText.PedigreeAsync(csv.ToString());
        var report = StudbookAnalysis.Compute(pedigree, StudbookAnalysis.SelectReference(pedigree, ReferenceRule.Auto)).Report();

        Assert.Equal(Serialized(report, indented), Written(report, indented, partSize));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Write_of_a_report_without_individuals_closes_the_array(bool indented)
    {
        var report = new AnalysisReport(new AnalysisSummary(0, 0, 0, 0, 0, 0, 0, 0), []);

        Assert.Equal(Serialized(report, indented), Written(report, indented, partSize: 1));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Write_escapes_ids_and_writes_a_linked_specimen_as_the_serializer_does(bool indented)
    {
        var report = new AnalysisReport(
            new AnalysisSummary(2, 1, 2, 0.75, 0.25, 2, 2, 1.0 / 3),
            [
                new IndividualGenetics("<Ōkami \"1\">", 0.1, 5.161281625894737E-05, InReference: false),
                new IndividualGenetics("b\\2", 0, 0.25, InReference: true) { Specimen = Guid.Parse("0b5c2f6e-3f43-4c1e-9d43-2f1c8d1d7a10") },
            ]);

        Assert.Equal(Serialized(report, indented), Written(report, indented));
        Assert.Equal(Serialized(report, indented), Written(report, indented, partSize: 1));
    }

    private static string Serialized(AnalysisReport report, bool indented) =>
        JsonSerializer.Serialize(report, indented ? Json.Options : Compact);

    private static string Written(AnalysisReport report, bool indented, int partSize = 1 << 14)
    {
        using var stream = new MemoryStream();
        AnalysisReportJson.Write(stream, report, indented, partSize, TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
