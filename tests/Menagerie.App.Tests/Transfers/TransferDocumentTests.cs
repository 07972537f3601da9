using System.Text;
using Menagerie.App.Persistence;
using Menagerie.App.Transfers;
using Menagerie.Domain;
using Menagerie.Domain.Documents;
using Menagerie.Domain.Transfers;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Menagerie.App.Tests.Given;

namespace Menagerie.App.Tests.Transfers;

public sealed class TransferDocumentTests
{
    [Fact]
    public async Task A_permit_is_registered_with_its_scan_which_enters_the_ledger_by_its_digest()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var november = await NovemberAsync(scope.ServiceProvider);
        var scan = Encoding.UTF8.GetBytes("%PDF-1.7 export permit");

        var registered = Ok(await scope.ServiceProvider.GetRequiredService<TransferDocuments>().RegisterAsync(november, new DocumentInput
        {
            Type = "cites-export-permit",
            Number = "RU-2024-EX-01203",
            IssuingAuthority = "Rosprirodnadzor",
            IssuingState = "ru",
            IssuedOn = new DateOnly(2024, 11, 1),
            ValidUntil = new DateOnly(2025, 5, 1),
            Covers = [new(1), new(11, "6.6.0")],
            File = new("permit.pdf", "application/pdf", Convert.ToBase64String(scan)),
        }, Ct));

        Assert.Equal((DocumentType.CitesExportPermit, "RU", scan.Length), (registered.Type, registered.IssuingState, registered.FileBytes));
        Assert.Equal(["1:", "11:6.6.0"], registered.Covers.Select(c => $"{c.Line}:{c.Counts}"));
        var file = Ok(await scope.ServiceProvider.GetRequiredService<TransferDocuments>().FileAsync(november, registered.Id, Ct));
        Assert.Equal(("permit.pdf", "application/pdf"), (file.Name, file.ContentType));
        Assert.Equal(scan, file.Content);
        Assert.Contains(registered.Id, Ok(await scope.ServiceProvider.GetRequiredService<TransferQueries>().GetAsync(november, Ct)).Documents.Select(d => d.Id));

        await using var db = TestDatabase.Open(database.Options);
        var entry = await db.LedgerEntries.OrderByDescending(e => e.Sequence).FirstAsync(e => e.EntityType == nameof(TransferDocument), Ct);
        Assert.Contains($"sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(scan))} ({scan.Length} bytes)", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_with_problems_is_refused_with_every_one_of_them()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, withSample: true);
        await using var services = database.Services();
        await using var scope = services.Scope();
        var november = await NovemberAsync(scope.ServiceProvider);
        var before = Ok(await scope.ServiceProvider.GetRequiredService<TransferDocuments>().ListAsync(november, Ct)).Count;

        var outcome = await scope.ServiceProvider.GetRequiredService<TransferDocuments>().RegisterAsync(november, new DocumentInput
        {
            Type = "cites-export-permit",
            Number = " ",
            IssuingAuthority = "Rosprirodnadzor",
            IssuingState = "Russia",
            IssuedOn = new DateOnly(2024, 11, 1),
            ValidFrom = new DateOnly(2024, 10, 1),
            Covers = [new(99), new(11, "99.0.0")],
        }, Ct);

        var invalid = Assert.IsType<Outcome<DocumentView>.Invalid>(outcome);
        Assert.Equal(["number", "issuingState", "validFrom", "covers[0].line", "covers[1].counts"], invalid.Violations.Select(v => v.Field));
        await using var db = TestDatabase.Open(database.Options);
        Assert.Equal(before, await db.TransferDocuments.CountAsync(d => d.TransferId == new TransferId(november), Ct));
    }

    private static async Task<Guid> NovemberAsync(IServiceProvider services) =>
        Ok(await services.GetRequiredService<TransferQueries>().ListAsync(new TransferFilter(Status: TransferStatus.Accepted), Ct)).Single().Id;
}
