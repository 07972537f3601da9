using Menagerie.App.Compliance.Reference;
using Menagerie.Domain.Compliance;
using Menagerie.Domain.Taxa;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Compliance.Reference;

public sealed class ChecklistExportTests
{
    public static string Fixture(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "Checklist", "export", file);

    private static async Task<ChecklistContents> ReadAsync()
    {
        var read = await ChecklistExport.ReadAsync(Fixture("checklist-export.csv"), new DateOnly(2026, 11, 1), null, ReferenceData.Countries(), Ct);
        return Assert.IsType<ReadResult<ChecklistContents>.Read>(read, exactMatch: false).Value;
    }

    [Fact]
    public async Task A_split_listing_takes_its_populations_from_the_full_note()
    {
        var checklist = new Checklist(await ReadAsync());

        var bear = checklist.ListingsOf("Ursus arctos");

        Assert.Equal(["BT", "CN", "MX", "MN"], bear.Single(l => l.Appendix == Appendix.I).Populations);
        Assert.Equal(["BT", "CN", "MX", "MN"], bear.Single(l => l.Appendix == Appendix.II).ExcludedPopulations);
        Assert.Empty(bear.Single(l => l.Appendix == Appendix.II).Populations);
        Assert.All(bear, l => Assert.Equal(("checklist-export.csv", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1)), (l.Source, l.AsOf, l.EffectiveFrom)));
        Assert.Equal(Appendix.I, Assert.Single(checklist.ListingsOf("Ursus arctos isabellinus")).Appendix);
    }

    [Fact]
    public async Task A_split_listing_takes_its_populations_from_the_populations_column_first()
    {
        var checklist = new Checklist(await ReadAsync());

        var lion = checklist.ListingsOf("Panthera leo");

        Assert.Equal(["IN"], lion.Single(l => l.Appendix == Appendix.I).Populations);
        Assert.Equal(["IN"], lion.Single(l => l.Appendix == Appendix.II).ExcludedPopulations);
        Assert.All(lion, l => Assert.StartsWith("Listed under Felidae. Included in Appendix II", l.Annotation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NC_party_names_and_domesticated_forms_are_read()
    {
        var checklist = new Checklist(await ReadAsync());

        Assert.Equal(Appendix.NotListed, Assert.Single(checklist.ListingsOf("Melopsittacus undulatus")).Appendix);
        var peafowl = Assert.Single(checklist.ListingsOf("Pavo cristatus"));
        Assert.Equal((Appendix.III, "PK"), (peafowl.Appendix, peafowl.ListingParty));
        Assert.True(Assert.Single(checklist.ListingsOf("Bos mutus")).ExcludesDomesticated);
        Assert.Empty(checklist.ListingsOf("Aix galericulata"));
        Assert.Equal("Listed under Psittaciformes.", Assert.Single(checklist.ListingsOf("Cacatua alba")).Annotation);
    }

    [Fact]
    public async Task Names_hang_from_the_higher_taxa_of_their_row()
    {
        var checklist = new Checklist(await ReadAsync());

        Assert.Equal(["Ursus arctos isabellinus", "Ursus arctos", "Ursus", "Ursidae", "Carnivora", "Mammalia"], checklist.Lineage("Ursus arctos isabellinus"));
        Assert.Equal(new ChecklistTaxon("Psittaciformes", TaxonRank.Order, "Aves"), checklist.Taxon("Psittaciformes"));
        Assert.Null(checklist.Taxon("Animalia"));
        Assert.Equal(Appendix.II, Assert.Single(checklist.ListingsOf(checklist.Lineage("Cacatua alba").Skip(3).First())).Appendix);
    }

    [Fact]
    public async Task Every_problem_of_a_bad_export_is_reported_with_its_line_and_column()
    {
        var read = await ChecklistExport.ReadAsync(Fixture("bad-checklist-export.csv"), new DateOnly(2026, 11, 1), null, ReferenceData.Countries(), Ct);

        var problems = Assert.IsType<ReadResult<ChecklistContents>.Rejected>(read, exactMatch: false).Problems.Select(p => p.ToString()).ToList();
        Assert.Equal(7, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("bad-checklist-export.csv:", p, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad-checklist-export.csv:2: Listing: I/II is split between populations", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad-checklist-export.csv:3: Listing: 'IV' is not a listing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad-checklist-export.csv:4: Party: 'Atlantis'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad-checklist-export.csv:5: Full note: 'Narnia'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("bad-checklist-export.csv:6: Rank: 'SPECIE' is not a rank", StringComparison.Ordinal));
        Assert.Contains("bad-checklist-export.csv:7: Scientific Name: Ursus arctos is also on line 2.", problems);
        Assert.Contains(problems, p => p.StartsWith("bad-checklist-export.csv:8: Populations: 'XX'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_export_without_its_required_columns_is_refused_at_the_header()
    {
        using var text = new StringReader("Name,Appendix\nUrsus arctos,II\n");

        var read = await ChecklistExport.ReadAsync(text, "export.csv", new DateOnly(2026, 11, 1), "export.csv", ReferenceData.Countries(), Ct);

        var problems = Assert.IsType<ReadResult<ChecklistContents>.Rejected>(read, exactMatch: false).Problems;
        Assert.Equal(["Scientific Name", "Rank", "Listing"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(("export.csv", 1), (p.File, p.Line)));
    }
}
