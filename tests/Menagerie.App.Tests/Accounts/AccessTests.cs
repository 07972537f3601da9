using Menagerie.App.Accounts;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Accounts;

public sealed class AccessTests
{
    [Fact]
    public async Task An_owner_reads_its_animal_on_loan_elsewhere_but_cannot_record_its_events()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using (var operatorScope = services.Scope())
        {
            Ok(await operatorScope.ServiceProvider.GetRequiredService<SpecimenCommands>().CreateAsync(new SpecimenInput
            {
                Taxon = "Panthera leo",
                Sex = "male",
                Name = "Amur",
                First = new EventInput { Type = "acquisition", Date = "2024-06-01", Institution = "PYONGYANG", FromName = "breeding loan", Owner = "MOSCOW" },
                Identifiers = [new("local", "PYO-LOAN-1")],
            }, Ct));
        }
        await using var db = TestDatabase.Open(database.Options);
        var moscow = await db.Institutions.SingleAsync(i => i.Code == "MOSCOW", Ct);
        await using var scope = services.CreateAsyncScope();
        var access = scope.ServiceProvider.GetRequiredService<Access>();
        access.ActAs([Membership.AtInstitution(Guid.NewGuid(), Role.Registrar, moscow.Id)]);

        var read = await scope.ServiceProvider.GetRequiredService<SpecimenQueries>().GetAsync("PYO-LOAN-1", Ct);
        var write = await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().RecordEventAsync(
            "PYO-LOAN-1", new EventInput { Type = "note", Date = "2024-07-01", Text = "visited" }, null, Ct);

        Assert.Equal(("PYONGYANG", "MOSCOW"), (Ok(read).Holder?.Code, Ok(read).Owner?.Code));
        Assert.IsType<Outcome<RecordedEvent>.Forbidden>(write);
    }
}
