using System.Text;
using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.App.Studbooks;
using Menagerie.App.Studbooks.Plots;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Studbooks;

public sealed class StudbookRecordsTests
{
    // Laska, Moscow's lioness, is 103 in the studbook; a Pyongyang lion carries 102 in the EEP's own scheme only.
    private const string Lions = """
        id,sire,dam,sex,birth_date,alive
        100,,,M,2010-01-01,0
        101,,,F,2012-03-01,1
        102,100,101,M,2018-05-01,1
        103,100,101,F,2021-05-14,1

        """;

    private const string Keeper = "keeper@PYONGYANG";

    [Fact]
    public async Task Upload_keeps_the_file_as_sent_and_the_ledger_records_it_by_digest()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await LionsAsync(database);
        var bytes = Encoding.UTF8.GetBytes(Lions);

        StudbookUploaded uploaded;
        await using (var keeper = await AsAsync(services, Keeper))
            uploaded = Ok(await Records(keeper).UploadAsync(new("Panthera leo, EEP", "Panthera leo", null, "lions.csv", bytes), Ct));

        var view = uploaded.Studbook;
        Assert.Equal(("Panthera leo, EEP", "Panthera leo", "studbook", Keeper, "lions.csv", 4, 4),
            (view.Name, view.Taxon?.ScientificName, view.Scheme, view.Keeper, view.File, view.Rows, view.Individuals));
        Assert.Empty(uploaded.Warnings);
        await using var db = TestDatabase.Open(database.Options);
        var stored = await db.Studbooks.SingleAsync(Ct);
        Assert.Equal(bytes, stored.Content);
        Assert.Equal(database.Time.GetUtcNow().UtcDateTime, stored.UploadedAt);
        var entries = await db.LedgerEntries.Where(e => e.EntityType == "Studbook" || e.EntityType == "StudbookIndividual").ToListAsync(Ct);
        var entry = Assert.Single(entries);
        Assert.Equal(Keeper, entry.Actor);
        Assert.Contains($"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))} ({bytes.Length} bytes)", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Individuals_link_to_the_specimens_carrying_their_id_in_the_studbooks_scheme()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await LionsAsync(database);
        var (laska, amur) = await SpecimenIdsAsync(database);

        StudbookView byStudbook, byEep;
        await using (var keeper = await AsAsync(services, Keeper))
        {
            byStudbook = Ok(await Records(keeper).UploadAsync(Upload(), Ct)).Studbook;
            byEep = Ok(await Records(keeper).UploadAsync(Upload() with { Scheme = "eep" }, Ct)).Studbook;
        }
        await using var admin = await AsAsync(services, "admin");

        Assert.Equal([new StudbookLink("103", laska)], Ok(await Records(admin).GetAsync(byStudbook.Id, Ct)).Linked);
        Assert.Equal([new StudbookLink("102", amur)], Ok(await Records(admin).GetAsync(byEep.Id, Ct)).Linked);
        var analysis = Ok(await Records(admin).AnalysisAsync(byStudbook.Id, null, null, Ct));
        Assert.Equal(laska, analysis.Individuals.Single(i => i.Id == "103").Specimen);
        Assert.All(analysis.Individuals.Where(i => i.Id != "103"), i => Assert.Null(i.Specimen));
    }

    [Fact]
    public async Task A_file_with_errors_is_refused_with_every_problem_and_nothing_is_stored()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await LionsAsync(database);
        const string Broken = "id,sire,dam,sex\n100,,,M\n100,,,F\n102,102,,M\n103,,,Q\n";
        var before = await database.LedgerEntriesAsync();

        await using var keeper = await AsAsync(services, Keeper);
        var refused = Assert.IsType<Outcome<StudbookUploaded>.Invalid>(
            await Records(keeper).UploadAsync(new("Broken", "Panthera leo", null, "broken.csv", Encoding.UTF8.GetBytes(Broken)), Ct));

        var errors = refused.Violations.Where(v => v.Code == "studbook.error").ToList();
        Assert.Contains(errors, v => v.Field == "line 3" && v.Message.StartsWith("broken.csv:3: 100: ", StringComparison.Ordinal));
        Assert.Contains(errors, v => v.Field == "line 4" && v.Message.StartsWith("broken.csv:4: 102: ", StringComparison.Ordinal));
        Assert.Contains(errors, v => v.Field == "line 5" && v.Message.StartsWith("broken.csv:5: 103: Sex code 'Q'", StringComparison.Ordinal));
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal((0, 0), (await db.Studbooks.CountAsync(Ct), await db.StudbookIndividuals.CountAsync(Ct)));
        Assert.Equal(before, await database.LedgerEntriesAsync());
    }

    [Fact]
    public async Task Only_a_studbook_keeper_uploads_and_a_refusal_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await LionsAsync(database);

        await using var registrar = await AsAsync(services, "registrar@MOSCOW");
        await using var admin = await AsAsync(services, "admin");

        Assert.IsType<Outcome<StudbookUploaded>.Forbidden>(await Records(registrar).UploadAsync(Upload(), Ct));
        Assert.IsType<Outcome<StudbookUploaded>.Forbidden>(await Records(admin).UploadAsync(Upload(), Ct));
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(0, await db.Studbooks.CountAsync(Ct));
    }

    [Fact]
    public async Task Name_taxon_and_file_are_checked_together()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = await LionsAsync(database);

        await using var keeper = await AsAsync(services, Keeper);
        var refused = Assert.IsType<Outcome<StudbookUploaded>.Invalid>(await Records(keeper).UploadAsync(new(" ", "Panthera nova", null, null, null), Ct));

        Assert.Equal(["studbook.name", "taxon.unknown", "studbook.file"], refused.Violations.Select(v => v.Code));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_studbook_is_read_by_its_keeper_the_holders_of_its_animals_and_administrators(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = await LionsAsync(database);
        var (laska, amur) = await SpecimenIdsAsync(database);
        Guid id;
        await using (var keeper = await AsAsync(services, Keeper))
            id = Ok(await Records(keeper).UploadAsync(Upload(), Ct)).Studbook.Id;

        // Laska (103) is Moscow's; nothing Pyongyang holds carries a studbook number yet.
        Assert.Equal(laska.ToString(), await ReadAsync(services, "viewer@MOSCOW", id));
        Assert.Equal(Unseen, await ReadAsync(services, Keeper, id));
        Assert.Equal(laska.ToString(), await ReadAsync(services, "admin", id));
        Assert.Null(await ReadAsync(services, "viewer@PYONGYANG", id));

        await using (var scope = services.Scope())
        {
            Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().RecordEventAsync(
                amur.ToString(), new EventInput { Type = "identifier", Date = "2026-11-20", Scheme = "studbook", Value = "102" }, null, Ct));
        }

        Assert.Equal(Unseen, await ReadAsync(services, "viewer@PYONGYANG", id));
        await using var pyongyang = await AsAsync(services, "viewer@PYONGYANG");
        Assert.Equal(amur, Ok(await Records(pyongyang).AnalysisAsync(id, "alive", null, Ct)).Individuals.Single(i => i.Id == "102").Specimen);
    }

    private const string Unseen = "read, without Laska's specimen";

    /// <summary>
    /// Null when get, list, analysis and plot all hide the studbook from the user; when all show it, the specimen
    /// the analysis names for Laska's studbook number, or <see cref="Unseen"/> when the user may not see hers.
    /// </summary>
    private static async Task<string?> ReadAsync(ServiceProvider services, string user, Guid id)
    {
        await using var scope = await AsAsync(services, user);
        var records = Records(scope);
        var get = await records.GetAsync(id, Ct);
        var listed = Ok(await records.ListAsync(Ct)).Any(s => s.Id == id);
        var analysis = await records.AnalysisAsync(id, null, null, Ct);
        var plot = await records.PlotAsync(id, "mean-kinship", null, "svg", null, null, null, Ct);
        bool[] seen = [get is Outcome<StudbookView>.Ok, listed, analysis is Outcome<AnalysisReport>.Ok, plot is Outcome<StudbookPlotImage>.Ok];
        if (!seen.Any(s => s))
        {
            Assert.IsType<Outcome<StudbookView>.NotFound>(get);
            Assert.IsType<Outcome<AnalysisReport>.NotFound>(analysis);
            return null;
        }
        Assert.All(seen, Assert.True);
        return Ok(analysis).Individuals.Single(i => i.Id == "103").Specimen?.ToString() ?? Unseen;
    }

    private static StudbookUpload Upload() => new("Panthera leo, EEP", "Panthera leo", null, "lions.csv", Encoding.UTF8.GetBytes(Lions));

    private static StudbookRecords Records(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<StudbookRecords>();

    /// <summary>A scope acting as the user, as the web app sets one up for a signed-in request.</summary>
    private static async Task<AsyncServiceScope> AsAsync(ServiceProvider services, string user)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Actor>().Name = user;
        var db = scope.ServiceProvider.GetRequiredService<MenagerieDbContext>();
        var id = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync(Ct);
        scope.ServiceProvider.GetRequiredService<Access>().ActAs(await db.Memberships.AsNoTracking().Where(m => m.UserId == id).ToListAsync(Ct));
        return scope;
    }

    /// <summary>Two zoos, Laska at Moscow (studbook 103), Amur at Pyongyang (eep 102), and the users of the tests.</summary>
    private static async Task<ServiceProvider> LionsAsync(TestDatabase database)
    {
        await TwoZoosAndALionAsync(database);
        var services = database.Services();
        await using var scope = services.Scope();
        var specimens = scope.ServiceProvider.GetRequiredService<SpecimenCommands>();
        Ok(await specimens.RecordEventAsync("MOS-1", new EventInput { Type = "identifier", Date = "2021-06-01", Scheme = "studbook", Value = "103" }, null, Ct));
        Ok(await specimens.CreateAsync(new SpecimenInput
        {
            Taxon = "Panthera leo",
            Sex = "male",
            Name = "Amur",
            First = new EventInput { Type = "birth", Date = "2018-05-01", Institution = "PYONGYANG" },
            Identifiers = [new("local", "PYO-1"), new("eep", "102")],
        }, Ct));
        var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
        foreach (var (user, membership) in new[]
        {
            (Keeper, new MembershipInput(Role.StudbookKeeper, "PYONGYANG")),
            ("viewer@PYONGYANG", new MembershipInput(Role.Viewer, "PYONGYANG")),
            ("viewer@MOSCOW", new MembershipInput(Role.Viewer, "MOSCOW")),
            ("registrar@MOSCOW", new MembershipInput(Role.Registrar, "MOSCOW")),
            ("admin", new MembershipInput(Role.Administrator)),
        })
            Ok(await accounts.AddUserAsync(user, "a long enough passphrase", [membership], Ct));
        return services;
    }

    private static async Task<(Guid Laska, Guid Amur)> SpecimenIdsAsync(TestDatabase database)
    {
        await using var db = TestDatabase.Open(database.Options);
        var ids = await db.Specimens.Where(s => s.Name != null).ToDictionaryAsync(s => s.Name!, s => s.Id.Value, Ct);
        return (ids["Laska"], ids["Amur"]);
    }
}
