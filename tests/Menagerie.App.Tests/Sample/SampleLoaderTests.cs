using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Menagerie.App.Specimens;
using Menagerie.App.Transfers;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Sample;

public sealed class SampleLoaderTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_sample_holds_the_november_2024_shipment_at_moscow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();

        var census = Ok(await scope.ServiceProvider.GetRequiredService<Census>().OnAsync("MOSCOW", new DateOnly(2024, 11, 15), Ct));
        var pheasants = census.Taxa.Single(t => t.Taxon.ScientificName == "Phasianidae");
        var ducks = census.Taxa.Single(t => t.Taxon.ScientificName == "Aix galericulata");
        Assert.Equal((1, "12.13.0", 25), (pheasants.Groups, pheasants.GroupCountsBySex, pheasants.Total));
        Assert.Equal((1, "20.20.0", 40), (ducks.Groups, ducks.GroupCountsBySex, ducks.Total));

        var queries = scope.ServiceProvider.GetRequiredService<SpecimenQueries>();
        var lioness = Ok(await queries.GetAsync("EEP-PLE-3117", Ct));
        Assert.Equal(("Laska", "MOSCOW"), (lioness.Name, lioness.Holder?.Code));
        Assert.NotNull(lioness.Sire);
        Assert.Equal(["Masha", "Potap"], await NamesAsync("Ursus arctos", new DateOnly(2022, 1, 18)));
        Assert.Equal(["Dolma", "Tenzin"], await NamesAsync("Bos grunniens", new DateOnly(2020, 4, 9), new DateOnly(2020, 4, 21)));
        var cockatoos = Ok(await queries.ListAsync(new SpecimenFilter(Holder: "MOSCOW", Taxon: "Cacatua alba", Limit: 1000), Ct)).Items;
        Assert.Equal(5, cockatoos.Count(c => c.Identifiers.Any(i => i.Scheme == "band" && i.Value.StartsWith("RU-CA-12", StringComparison.Ordinal))));

        async Task<string[]> NamesAsync(string taxon, params DateOnly[] born)
        {
            var page = Ok(await queries.ListAsync(new SpecimenFilter(Holder: "MOSCOW", Taxon: taxon, Limit: 1000), Ct));
            return page.Items.Where(s => s.BirthDate is { } b && born.Contains(b) && s.Name is not null).Select(s => s.Name!).Order(StringComparer.Ordinal).ToArray();
        }
    }

    [Fact]
    public async Task The_sample_has_transfers_in_several_states()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();

        var transfers = Ok(await scope.ServiceProvider.GetRequiredService<TransferQueries>().ListAsync(new TransferFilter(), Ct));
        var april = transfers.Single(t => t.Status == TransferStatus.Received);
        var november = transfers.Single(t => t.Status == TransferStatus.Accepted);
        var loan = transfers.Single(t => t.Status == TransferStatus.Dispatched);
        Assert.Equal(("MOSCOW", "PYONGYANG", 8, 3), (april.Sender, april.Receiver, april.Animals, april.Taxa));
        Assert.Equal(("MOSCOW", "PYONGYANG", TransferTerms.Gift, 75, 6), (november.Sender, november.Receiver, november.Terms, november.Animals, november.Taxa));
        Assert.Equal("clear", november.NextStep?.Action);
        Assert.Equal(("BERLIN", "PRAGUE", TransferTerms.Loan, 1), (loan.Sender, loan.Receiver, loan.Terms, loan.Animals));

        var queries = scope.ServiceProvider.GetRequiredService<SpecimenQueries>();
        var eagle = Ok(await queries.GetAsync("PYO-24-001", Ct));
        Assert.Equal(("PYONGYANG", "PYONGYANG"), (eagle.Holder?.Code, eagle.Owner?.Code));
        async Task<int> EaglesAsync(DateOnly on) =>
            Ok(await scope.ServiceProvider.GetRequiredService<Census>().OnAsync("PYONGYANG", on, Ct)).Taxa.Single(t => t.Taxon.ScientificName == "Aquila chrysaetos").Total;
        Assert.Equal(2, await EaglesAsync(new DateOnly(2024, 4, 26)) - await EaglesAsync(new DateOnly(2024, 4, 24)));

        var aprilDocuments = Ok(await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(april.Id, Ct)).Documents;
        Assert.Equal(
            [DocumentType.CitesExportPermit, DocumentType.ComparableDocumentation, DocumentType.VeterinaryHealthCertificate, DocumentType.MinistryApproval],
            aprilDocuments.Select(d => d.Type).Order());
        Assert.Equal([3, 4], aprilDocuments.Single(d => d.Type == DocumentType.ComparableDocumentation).Covers.Select(c => c.Line));

        var lion = Ok(await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(loan.Id, Ct)).Lines.Single();
        var inTransit = Ok(await queries.GetAsync(lion.Specimen.ToString(), Ct));
        Assert.Equal((SpecimenStatus.InTransit, null, "BERLIN", loan.Id), (inTransit.Status, inTransit.Holder, inTransit.Owner?.Code, inTransit.InTransitOn));
    }

    [Fact]
    public async Task Loading_the_sample_twice_adds_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var db = TestDatabase.Open(database.Options);
        var specimens = await db.Specimens.CountAsync(Ct);
        var ledger = await db.LedgerEntries.CountAsync(Ct);

        var again = await new SampleLoader(db).LoadBuiltInAsync(Ct);

        var loaded = Assert.IsType<SampleLoadResult.Loaded>(again);
        Assert.Equal((0, 0, 0, 0, 0), (loaded.Countries, loaded.Institutions, loaded.Taxa, loaded.Specimens, loaded.Transfers));
        Assert.Equal(specimens, loaded.AlreadyPresent);
        Assert.Equal(specimens, await db.Specimens.CountAsync(Ct));
        Assert.Equal(ledger, await db.LedgerEntries.CountAsync(Ct));
    }

    [Fact]
    public async Task Offspring_loaded_later_name_the_parent_already_in_the_records()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("menagerie-second-load-").FullName;
        try
        {
            const string Events = "specimen,type,date,institution,from_name,sire\n";
            await File.WriteAllTextAsync(Path.Combine(folder, "countries.csv"), "code,name,cites_party,cites_entry_into_force,status_as_of,status_source\nRU,Russian Federation,true,1992-01-01,2015-07-01,CITES list\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "institutions.csv"), "code,name,country\nMOSCOW,Moscow Zoo,RU\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "taxa.csv"), "scientific_name,common_name,rank,class\nPanthera leo,African lion,Species,Mammalia\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "specimens.csv"), "key,kind,taxon,sex,name,identifiers\nP1,individual,Panthera leo,male,,local:P1\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "events.csv"), Events + "P1,acquisition,2010-01-01,MOSCOW,wild,\n", Ct);
            await using var db = TestDatabase.Open(database.Options);
            Assert.IsType<SampleLoadResult.Loaded>(await new SampleLoader(db).LoadDirectoryAsync(folder, Ct));
            await File.AppendAllTextAsync(Path.Combine(folder, "specimens.csv"), "C1,individual,Panthera leo,female,,local:C1\n", Ct);
            await File.AppendAllTextAsync(Path.Combine(folder, "events.csv"), "C1,birth,2015-05-01,MOSCOW,,P1\n", Ct);

            var second = Assert.IsType<SampleLoadResult.Loaded>(await new SampleLoader(db).LoadDirectoryAsync(folder, Ct));

            Assert.Equal((1, 1), (second.Specimens, second.AlreadyPresent));
            var parent = await db.SpecimenIdentifiers.Where(i => i.Value == "P1").Select(i => i.SpecimenId).SingleAsync(Ct);
            var child = await db.SpecimenIdentifiers.Where(i => i.Value == "C1").Select(i => i.SpecimenId).SingleAsync(Ct);
            Assert.Equal(parent, (await db.Specimens.AsNoTracking().SingleAsync(s => s.Id == child, Ct)).SireId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_collection_with_problems_is_refused_whole_with_every_problem_named()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("menagerie-bad-sample-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "countries.csv"),
                "code,name,cites_party,cites_entry_into_force,status_as_of,status_source\nRU,Russian Federation,true,1992-01-01,2015-07-01,CITES list\nXXX,Nowhere,perhaps,,2015-07-01,\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "institutions.csv"), "code,name,country\nMOSCOW,Moscow Zoo,RU\nOSLO,Oslo Zoo,NO\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "taxa.csv"), "scientific_name,common_name,rank,class\nPanthera leo,African lion,Species,Mammalia\nPanthera,Big cats,Tribe,Mammalia\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "specimens.csv"),
                "key,kind,taxon,sex,name,identifiers\nL1,individual,Panthera leo,female,Laska,local:L1\nL2,individual,Panthera leo,male,,local:L2\nL3,flock,Panthera leo,,,local:L3\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "events.csv"),
                "specimen,type,date,estimated,institution,from,from_name,to,to_name,counts,sire,dam,scheme,value,weight_kg,text\n" +
                "L1,birth,2021-05-14,,MOSCOW,,,,,,L1,,,,,\n" +
                "L1,weight,2021-13-01,,,,,,,,,,,,heavy,\n" +
                "L2,acquisition,2020-01-01,,MOSCOW,,wild,,,,,,,,,\n" +
                "L2,acquisition,2021-01-01,,OSLO,,wild,,,,,,,,,\n" +
                "L9,death,2022-01-01,,,,,,,,,,,,,\n", Ct);
            await using var db = TestDatabase.Open(database.Options);
            var ledger = await db.LedgerEntries.CountAsync(Ct);

            var result = await new SampleLoader(db).LoadDirectoryAsync(folder, Ct);

            var problems = Assert.IsType<SampleLoadResult.Rejected>(result).Problems;
            Assert.Equal(
                [
                    ("countries.csv", 3, "cites_party"), ("countries.csv", 3, "code"), ("countries.csv", 3, "status_source"),
                    ("events.csv", 2, "sire"), ("events.csv", 3, "date"), ("events.csv", 3, "weight_kg"),
                    ("events.csv", 5, "institution"), ("events.csv", 6, "specimen"),
                    ("institutions.csv", 3, "country"), ("specimens.csv", 4, "kind"), ("taxa.csv", 3, "rank"),
                ],
                problems.Select(p => (p.File, p.Line, p.Field)).Order());
            Assert.Equal(ledger, await db.LedgerEntries.CountAsync(Ct));
            Assert.Equal(0, await db.Institutions.CountAsync(Ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_sample_institutions_keep_their_own_time_zones_and_moscow_has_animals_on_no_transfer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();

        var zones = (await scope.ServiceProvider.GetRequiredService<App.Institutions.InstitutionCommands>().ListAsync(Ct)).ToDictionary(i => i.Code, i => i.TimeZone);
        var free = Ok(await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().ListAsync(new SpecimenFilter(Holder: "MOSCOW", Status: SpecimenStatus.Held, Limit: 1000), Ct))
            .Items.Where(s => s.OnTransfer is null && (s.Name is "Taiga" or "Ryzhik" or "Vishnya" or "Persik" || s.Identifiers.Any(i => i.Value == "MOS-G0003"))).ToList();

        Assert.Equal(
            new Dictionary<string, string> { ["BERLIN"] = "Europe/Berlin", ["MOSCOW"] = "Europe/Moscow", ["PRAGUE"] = "Europe/Prague", ["PYONGYANG"] = "Asia/Pyongyang" },
            zones);
        Assert.Equal(
            ["Ailurus fulgens 0.1.0 Persik", "Ailurus fulgens 0.1.0 Vishnya", "Ailurus fulgens 1.0.0 Ryzhik", "Aix galericulata 6.6.0 Mandarin ducks, pond 2", "Panthera tigris altaica 1.0.0 Taiga"],
            free.Select(s => $"{s.Taxon.ScientificName} {s.Counts} {s.Name}").Order(StringComparer.Ordinal));
        var cub = free.Single(s => s.Name == "Persik");
        Assert.Equal((free.Single(s => s.Name == "Ryzhik").Id, free.Single(s => s.Name == "Vishnya").Id), (cub.Sire, cub.Dam));
    }

    [Fact]
    public async Task Institutions_without_a_time_zone_keep_their_days_in_utc_and_an_unknown_zone_is_named()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("menagerie-time-zones-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "countries.csv"), "code,name,cites_party,cites_entry_into_force,status_as_of,status_source\nRU,Russian Federation,true,1992-01-01,2015-07-01,CITES list\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "taxa.csv"), "scientific_name,common_name,rank,class\nPanthera leo,African lion,Species,Mammalia\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "specimens.csv"), "key,kind,taxon,sex,name,identifiers\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "events.csv"), "specimen,type,date\n", Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "institutions.csv"), "code,name,country,time_zone\nMOSCOW,Moscow Zoo,RU,Europe/Atlantis\nTULA,Tula Zoo,RU,Russian Standard Time\n", Ct);
            await using var db = TestDatabase.Open(database.Options);

            var refused = Assert.IsType<SampleLoadResult.Rejected>(await new SampleLoader(db).LoadDirectoryAsync(folder, Ct));
            await File.WriteAllTextAsync(Path.Combine(folder, "institutions.csv"), "code,name,country\nMOSCOW,Moscow Zoo,RU\n", Ct);
            Assert.IsType<SampleLoadResult.Loaded>(await new SampleLoader(db).LoadDirectoryAsync(folder, Ct));

            Assert.Equal([("institutions.csv", 2, "time_zone"), ("institutions.csv", 3, "time_zone")], refused.Problems.Select(p => (p.File, p.Line, p.Field)));
            Assert.Equal("UTC", (await db.Institutions.SingleAsync(Ct)).TimeZone);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
