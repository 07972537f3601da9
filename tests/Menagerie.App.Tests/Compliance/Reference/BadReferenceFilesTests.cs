using Menagerie.App.Compliance.Reference;
using Menagerie.Domain.Compliance;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Compliance.Reference;

/// <summary>Snapshot folders and reference tables with mistakes in them: every mistake is named, nothing is read.</summary>
public sealed class BadReferenceFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("menagerie-reference-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_snapshot_folder_with_bad_rows_is_refused_with_every_problem()
    {
        Write(ChecklistSnapshot.TaxaFile,
            "Scientific name,Rank,RecID,ParentRank,ParentRecID",
            "URSIDAE,Family,845,Order,26",
            "Ursus,Genus,5034,Family,845",
            "arctos,Species,22820,Genus,5034",
            "arctos,Species,22820,Genus,5034",
            "thibetanus,Specie,22822,Genus,5034",
            ",Species,x,Genus,5034");
        Write(ChecklistSnapshot.LegislationFile,
            "rank_name,rec_id,listing,effective_from,is_current,populations_iso2,excluded_rec_ids",
            "SPECIES,22820,II,1992-06-11,1,,",
            "SPECIES,22820,IV,11/06/1992,1,,",
            "SPECIES,22820,I,11/06/1992,yes,MEX,",
            "FAMILY,845,II,11/06/1992,1,,SPECIES 22820");

        var read = await ChecklistSnapshot.ReadAsync(ReferenceFolder.OnDisk(_folder), "test", new DateOnly(2013, 11, 30), Ct);

        var problems = Assert.IsType<ReadResult<ChecklistContents>.Rejected>(read, exactMatch: false).Problems.Select(p => p.ToString()).ToList();
        Assert.Equal(
            [
                "animalia_taxa_utf8.csv:5: RecID: The record SPECIES:22820 is in the file twice.",
                "animalia_taxa_utf8.csv:6: Rank: 'Specie' is not a rank: KINGDOM, PHYLUM, CLASS, ORDER, FAMILY, SUBFAMILY, GENUS, SPECIES, SUBSPECIES (in any case).",
                "animalia_taxa_utf8.csv:7: RecID: 'x' is not a record id (a whole number).",
                "animalia_taxa_utf8.csv:7: Scientific name: The name is missing.",
                "animalia_legislation_utf8.csv:2: effective_from: '1992-06-11' is not a date (dd/MM/yyyy).",
                "animalia_legislation_utf8.csv:3: listing: 'IV' is not a listing: I, II or III, with /r (reservation) or /w (withdrawal), or DELI, DELII, DELIII.",
                "animalia_legislation_utf8.csv:4: is_current: 'yes' is not 0 or 1.",
                "animalia_legislation_utf8.csv:4: populations_iso2: 'MEX' is not an ISO 3166-1 alpha-2 code.",
                "animalia_legislation_utf8.csv:5: excluded_rec_ids: 'SPECIES 22820' is not a record written RANK:id (e.g. SPECIES:25972).",
            ],
            problems);
    }

    [Fact]
    public async Task A_snapshot_folder_without_its_listing_history_is_refused()
    {
        Write(ChecklistSnapshot.TaxaFile, "Scientific name,Rank,RecID,ParentRank", "URSIDAE,Family,845,Order");

        var read = await ChecklistSnapshot.ReadAsync(ReferenceFolder.OnDisk(_folder), "test", new DateOnly(2013, 11, 30), Ct);

        var problems = Assert.IsType<ReadResult<ChecklistContents>.Rejected>(read, exactMatch: false).Problems.Select(p => p.ToString()).ToList();
        Assert.Equal(
            [
                "animalia_taxa_utf8.csv:1: ParentRecID: The column 'ParentRecID' is missing from the header.",
                $"animalia_legislation_utf8.csv: file: The file is missing from {_folder}.",
            ],
            problems);
    }

    [Fact]
    public async Task Reference_tables_with_bad_rows_are_refused_with_every_problem()
    {
        Write(ReferenceTables.PartiesFile,
            "code,name,party,entry_into_force,as_of,source",
            "RU,Russian Federation,true,1992-01-01,2015-07-01,CITES list",
            "KP,Democratic People's Republic of Korea,false,,2015-07-01,",
            "RUS,Russia,true,,2015-07-01,CITES list",
            "RU,Russian Federation,maybe,1992-01-01,2015/07/01,CITES list");
        Write(ReferenceTables.CorrectionsFile,
            "taxon,appendix,effective_from,listing_party,populations,excluded_populations,excluded_taxa,excludes_domesticated,annotation,as_of,source",
            "Panthera leo,I,2019-11-26,,IN,,,false,,2019-11-26,CMS",
            "Panthera leo,IV,2019-11-26,PK,India,,,false,,2019-11-26,",
            "Aix galericulata,none,,,,,,false,,2013-11-30,snapshot",
            "Aix galericulata,II,2013-11-30,,,,,false,,2013-11-30,snapshot");
        Write(ReferenceTables.ChangesFile,
            "taxon,rank,parent,change,from_appendix,to_appendix,listing_party,populations,excluded_populations,excluded_taxa,annotation,effective_from,meeting,as_of,source",
            "Psittacus erithacus,species,,moved,II,I,,,,,,2017-01-02,CoP17,2026-12-06,a source",
            "Psittacus erithacus,tribe,,transferred,II,,,,,,,2017-13-02,CoP17,2026-12-06,",
            "Okapia johnstoni,species,Artiodactyla,added,II,IV,,ZZZ,,,,2026-03-05,CoP20,2026-12-06,a source");
        Write(ReferenceTables.SynonymsFile, "name,listed_as,effective_from,source", "Copsychus malabaricus,Copsychus malabaricus,2023-02-23,a source");
        Write(ReferenceTables.CoverageFile, "taxon,appendices,complete_to,note", "Mammalia,I;IV,2026-12-06,a note");
        Write(ReferenceTables.DomesticatedFile, "name,wild_taxon,source", "Bos grunniens,Bos mutus,", "Bos grunniens,Bos mutus,C-03", "Bos grunniens,Bos mutus,C-03");
        Write(ReferenceTables.NativeRangesFile, "taxon,countries,source", "Grus japonensis,\"RU,Korea\",general knowledge");
        Write(ReferenceTables.SanctionsFile, "destination,measures,source", "DPRK,UNSCR 1718,UN");

        var read = await ReferenceTables.ReadAsync(ReferenceFolder.OnDisk(_folder), Ct);

        var problems = Assert.IsType<ReadResult<ReferenceTables>.Rejected>(read, exactMatch: false).Problems.Select(p => p.ToString()).ToList();
        Assert.Equal(
            [
                "parties.csv:3: source: Party status needs the source it was taken from.",
                "parties.csv:4: code: 'RUS' is not an ISO 3166-1 alpha-2 code (two letters, e.g. RU).",
                "parties.csv:4: entry_into_force: A CITES Party needs the date the Convention entered into force for it.",
                "parties.csv:5: party: 'maybe' is not true or false.",
                "parties.csv:5: as_of: '2015/07/01' is not a date (yyyy-MM-dd).",
                "listing-corrections.csv:3: source: The source is missing.",
                "listing-corrections.csv:3: appendix: 'IV' is not I, II, III or none.",
                "listing-corrections.csv:3: listing_party: Only an Appendix III listing has a listing Party.",
                "listing-corrections.csv:3: populations: 'INDIA' is not an ISO 3166-1 alpha-2 code.",
                "listing-corrections.csv:4: appendix: Aix galericulata is corrected to 'none' and to an Appendix at once.",
                "listing-changes.csv:2: change: 'moved' is not added, transferred, deleted or amended.",
                "listing-changes.csv:3: source: The source is missing.",
                "listing-changes.csv:3: rank: 'tribe' is not a rank (class, order, family, genus, species or subspecies).",
                "listing-changes.csv:3: to_appendix: A change 'transferred' needs the Appendix it enters.",
                "listing-changes.csv:3: effective_from: '2017-13-02' is not a date (yyyy-MM-dd).",
                "listing-changes.csv:4: to_appendix: 'IV' is not I, II or III.",
                "listing-changes.csv:4: from_appendix: An addition leaves no Appendix: leave from_appendix empty, or call it transferred.",
                "listing-changes.csv:4: populations: 'ZZZ' is not an ISO 3166-1 alpha-2 code.",
                "listing-synonyms.csv:2: listed_as: Copsychus malabaricus is given as a synonym of itself.",
                "listing-coverage.csv:2: appendices: 'IV' is not I, II or III.",
                "domesticated.csv:2: source: The source is missing.",
                "domesticated.csv:4: name: Bos grunniens is in the file twice.",
                "native-ranges.csv:2: countries: 'KOREA' is not an ISO 3166-1 alpha-2 code.",
                "sanctions.csv:2: destination: 'DPRK' is not an ISO 3166-1 alpha-2 code.",
            ],
            problems);
    }

    private void Write(string file, params string[] lines) =>
        File.WriteAllText(Path.Combine(_folder, file), string.Join('\n', lines) + "\n");
}
