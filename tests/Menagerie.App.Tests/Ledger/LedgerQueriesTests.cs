using Menagerie.App.Accounts;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Specimens;
using Menagerie.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Ledger;

public sealed class LedgerQueriesTests
{
    [Fact]
    public void Diff_of_a_modification_names_the_fields_that_changed_and_leaves_out_the_version()
    {
        var changes = LedgerEntryView.Diff(
            """{"Name":"Laska","PasswordHash":"(secret)","Sex":"Female","Version":1,"Weight":126.5}""",
            """{"Name":"Zarya","PasswordHash":"(secret)","Sex":"Female","Version":2,"Weight":null}""");

        Assert.Equal([new("Name", "Laska", "Zarya"), new("Weight", "126.5", null)], changes);
    }

    [Fact]
    public void Diff_of_an_addition_names_every_field_set_and_of_a_deletion_every_field_cleared()
    {
        var added = LedgerEntryView.Diff(null, """{"Id":"a","Note":null,"Role":"Curator","Version":1}""");
        var deleted = LedgerEntryView.Diff("""{"Id":"a","Role":"Curator","Version":3}""", null);

        Assert.Equal([new("Id", null, "a"), new("Role", null, "Curator")], added);
        Assert.Equal([new("Id", "a", null), new("Role", "Curator", null)], deleted);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task An_animals_history_takes_in_its_events_and_identifiers_newest_first(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using (var scope = services.Scope(actor: "vet@MOSCOW"))
            Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().RecordEventAsync(
                "MOS-1", new EventInput { Type = "weight", Date = "2026-11-28", WeightKg = 130.5m }, null, Ct));
        await using var reader = services.Scope();

        var history = Ok(await reader.ServiceProvider.GetRequiredService<LedgerQueries>().SpecimenAsync("MOS-1", null, Ct));

        var entries = history.Page.Entries;
        Assert.Equal(entries.OrderByDescending(e => e.Sequence).Select(e => e.Sequence), entries.Select(e => e.Sequence));
        Assert.Equal("vet@MOSCOW", entries[0].Actor);
        Assert.Contains(entries, e => e.EntityType == "SpecimenEvent" && e.Action == "added" && e.Changes.Any(c => c is { Field: "WeightKg", After: "130.5" }));
        var specimen = Assert.Single(entries, e => e.EntityType == "Specimen" && e.Action == "added");
        Assert.Contains(specimen.Changes, c => c is { Field: "Name", After: "Laska" });
        Assert.Contains(specimen.Changes, c => c is { Field: "TaxonId", AfterName: "Panthera leo" });
        Assert.Contains(specimen.Changes, c => c is { Field: "HolderId", AfterName: "MOSCOW" });
        Assert.Equal(2, entries.Count(e => e.EntityType == "SpecimenIdentifier"));
        Assert.Contains(entries, e => e.EntityType == "HoldingPeriod");
        Assert.DoesNotContain(entries, e => e.EntityType is "Institution" or "Country" or "Taxon");
        Assert.Null(history.Page.OlderBefore);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSQL)]
    public async Task A_users_history_keeps_a_membership_taken_away_and_masks_their_password(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using (var scope = services.Scope(actor: "admin"))
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountCommands>();
            var user = Ok(await accounts.AddUserAsync("keeper@MOSCOW", "a long enough passphrase", [new(Role.Curator, "MOSCOW")], Ct));
            Ok(await accounts.RemoveMembershipAsync("keeper@MOSCOW", user.User.Memberships[0].Id, Ct));
            Ok(await accounts.AddUserAsync("other@MOSCOW", "a long enough passphrase", [new(Role.Viewer, "MOSCOW")], Ct));
        }
        await using var reader = services.Scope();

        var history = Ok(await reader.ServiceProvider.GetRequiredService<LedgerQueries>().UserAsync("keeper@MOSCOW", null, Ct));

        var entries = history.Page.Entries;
        Assert.Equal(["deleted", "added"], entries.Where(e => e.EntityType == "Membership").Select(e => e.Action));
        Assert.Contains(entries[0].Changes, c => c is { Field: "Role", Before: "Curator", After: null });
        var added = Assert.Single(entries, e => e.EntityType == "User");
        Assert.Contains(added.Changes, c => c is { Field: "PasswordHash", After: LedgerEntryView.SecretMark });
        Assert.DoesNotContain(entries, e => e.Changes.Any(c => c.After == "other@MOSCOW" || c.After == "Viewer"));
    }

    [Fact]
    public async Task Only_the_administrator_verifies_the_ledger_and_reads_a_users_history()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TwoZoosAndALionAsync(database);
        await using var services = database.Services();
        await using var scope = services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<LedgerQueries>();

        Assert.IsType<Outcome<LedgerVerdict>.Forbidden>(await ledger.VerifyAsync(Ct));
        Assert.IsType<Outcome<UserLedger>.Forbidden>(await ledger.UserAsync("admin", null, Ct));
        Assert.IsType<Outcome<SpecimenLedger>.NotFound>(await ledger.SpecimenAsync("MOS-1", null, Ct));
        scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
        var verdict = Ok(await ledger.VerifyAsync(Ct));
        Assert.True(verdict.Report.Intact);
        Assert.Null(verdict.BrokenEntityType);
    }
}
