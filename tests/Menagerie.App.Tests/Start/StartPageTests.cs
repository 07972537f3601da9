using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Search;
using Menagerie.App.Specimens;
using Menagerie.App.Start;
using Menagerie.App.Transfers;
using Menagerie.Domain.Specimens;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Start;

/// <summary>The start page, the search box and the animal list's filters, seen by people of one zoo in the sample records.</summary>
public sealed class StartPageTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task The_start_page_names_what_waits_for_each_person(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, withSample: true);
        await using var services = database.Services();

        var moscowCurator = await StartPageOfAsync(services, database, "MOSCOW", Role.Curator);
        var pragueRegistrar = await StartPageOfAsync(services, database, "PRAGUE", Role.Registrar);
        var pyongyangVet = await StartPageOfAsync(services, database, "PYONGYANG", Role.Veterinarian);

        // The November shipment is accepted and waits for Moscow's curator to clear it; the Berlin lion waits for Prague's registrar.
        Assert.Equal(["clear"], moscowCurator.NeedMyAction.Select(t => t.NextStep!.Action));
        Assert.Equal(["receive"], pragueRegistrar.NeedMyAction.Select(t => t.NextStep!.Action));
        Assert.Empty(pyongyangVet.NeedMyAction);
        Assert.All(moscowCurator.Unweighed, a => Assert.Equal("MOSCOW", a.Holder));
        Assert.All(moscowCurator.Unweighed, a => Assert.True(a.LastWeighed is null || a.LastWeighed <= moscowCurator.Today.AddDays(-StartPage.WeighingIntervalDays)));
        Assert.True(moscowCurator.UnweighedCount >= moscowCurator.Unweighed.Count);
        Assert.InRange(moscowCurator.Unweighed.Count, 1, StartPage.ListLimit);
    }

    [Fact]
    public async Task A_weighing_takes_an_animal_off_the_list_and_a_document_running_out_goes_on_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        var before = await StartPageOfAsync(services, database, "MOSCOW", Role.Registrar);
        var animal = before.Unweighed[0];
        await using (var scope = services.Scope())
        {
            var november = await TransferAsync(scope.ServiceProvider, Domain.Transfers.TransferStatus.Accepted);
            Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().RecordEventAsync(
                animal.Specimen.ToString(), new EventInput { Type = "weight", Date = "2026-11-28", WeightKg = 12.5m }, null, Ct));
            Ok(await scope.ServiceProvider.GetRequiredService<TransferDocuments>().RegisterAsync(november, new DocumentInput
            {
                Type = "export-permit",
                Number = "RU-2026-EX-1",
                IssuingAuthority = "Rosprirodnadzor",
                IssuingState = "RU",
                IssuedOn = new DateOnly(2026, 6, 1),
                ValidUntil = new DateOnly(2026, 12, 1),
            }, Ct));
        }

        var after = await StartPageOfAsync(services, database, "MOSCOW", Role.Registrar);
        var pyongyang = await StartPageOfAsync(services, database, "PYONGYANG", Role.Registrar);
        var berlin = await StartPageOfAsync(services, database, "BERLIN", Role.Registrar);

        Assert.Equal(before.UnweighedCount - 1, after.UnweighedCount);
        Assert.DoesNotContain(after.Unweighed, a => a.Specimen == animal.Specimen);
        Assert.Equal([("RU-2026-EX-1", new DateOnly(2026, 12, 1))], after.ExpiringDocuments.Select(d => (d.Number, d.ValidUntil)));
        Assert.Single(pyongyang.ExpiringDocuments);
        Assert.Empty(berlin.ExpiringDocuments);
    }

    [Fact]
    public async Task Search_finds_animals_by_any_identifier_or_name_only_where_the_person_may_read_them()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();

        var byStudbook = await SearchAsync(services, database, "MOSCOW", "eep-ple-3117");
        var byName = await SearchAsync(services, database, "MOSCOW", "lask");
        var elsewhere = await SearchAsync(services, database, "PYONGYANG", "EEP-PLE-3117");
        var places = await SearchAsync(services, database, "PYONGYANG", "moscow");
        var taxa = await SearchAsync(services, database, "PYONGYANG", "bear");

        Assert.Equal("Laska", Assert.Single(byStudbook.Specimens).Name);
        Assert.Contains(byName.Specimens, s => s.Name == "Laska");
        Assert.Empty(elsewhere.Specimens);
        Assert.Equal(["MOSCOW"], places.Institutions.Select(i => i.Code));
        Assert.Equal(["Ursus arctos"], taxa.Taxa.Select(t => t.ScientificName));
    }

    [Fact]
    public async Task The_animal_list_filters_by_sex_owner_and_loan()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().CreateAsync(new SpecimenInput
        {
            Taxon = "Panthera leo",
            Sex = "male",
            First = new EventInput { Type = "acquisition", Date = "2026-06-01", Institution = "MOSCOW", FromName = "breeding loan", Owner = "BERLIN" },
            Identifiers = [new("local", "MOS-LOAN-1")],
        }, Ct));
        var queries = scope.ServiceProvider.GetRequiredService<SpecimenQueries>();

        var females = Ok(await queries.ListAsync(new SpecimenFilter(Holder: "MOSCOW", Taxon: "Panthera leo", Sex: Sex.Female, Limit: 1000), Ct));
        var lions = Ok(await queries.ListAsync(new SpecimenFilter(Holder: "MOSCOW", Taxon: "Panthera leo", Limit: 1000), Ct));
        var ownedByBerlin = Ok(await queries.ListAsync(new SpecimenFilter(Owner: "BERLIN", Limit: 1000), Ct));
        var onLoan = Ok(await queries.ListAsync(new SpecimenFilter(OnLoan: true, Limit: 1000), Ct));

        Assert.All(females.Items, s => Assert.Equal(Sex.Female, s.Sex));
        Assert.Equal(lions.Items.Count(s => s.Sex == Sex.Female), females.Total);
        Assert.All(ownedByBerlin.Items, s => Assert.Equal("BERLIN", s.Owner?.Code));
        Assert.All(onLoan.Items, s => Assert.NotEqual(s.Holder?.Code, s.Owner?.Code));
        Assert.Contains(onLoan.Items, s => s.Owner?.Code == "BERLIN" && s.Holder?.Code == "MOSCOW" && s.Identifiers.Any(i => i.Value == "MOS-LOAN-1"));
    }

    private static async Task<StartPageView> StartPageOfAsync(ServiceProvider services, TestDatabase database, string institution, Role role)
    {
        await using var scope = await AsAsync(services, database, institution, role);
        return await scope.ServiceProvider.GetRequiredService<StartPage>().ForMeAsync(Ct);
    }

    private static async Task<SearchResults> SearchAsync(ServiceProvider services, TestDatabase database, string institution, string query)
    {
        await using var scope = await AsAsync(services, database, institution, Role.Registrar);
        return Ok(await scope.ServiceProvider.GetRequiredService<SearchQueries>().FindAsync(query, Ct));
    }

    private static async Task<AsyncServiceScope> AsAsync(ServiceProvider services, TestDatabase database, string institution, Role role)
    {
        await using var db = TestDatabase.Open(database.Options);
        var id = (await db.Institutions.SingleAsync(i => i.Code == institution, Ct)).Id;
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Access>().ActAs([Membership.AtInstitution(Guid.NewGuid(), role, id)]);
        return scope;
    }
}
