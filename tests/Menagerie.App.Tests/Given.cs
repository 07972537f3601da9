using Menagerie.App.Institutions;
using Menagerie.App.Specimens;
using Menagerie.App.Taxa;
using Menagerie.App.Transfers;
using Menagerie.Domain.Taxa;
using Menagerie.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.App.Tests;

/// <summary>Small collections built through the use cases, as a registrar would enter them.</summary>
internal static class Given
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The sample transfer from <paramref name="sender"/> in this status.</summary>
    public static async Task<Guid> TransferAsync(IServiceProvider services, Domain.Transfers.TransferStatus status, string sender = "MOSCOW") =>
        Ok(await services.GetRequiredService<TransferQueries>().ListAsync(new TransferFilter(Status: status), Ct)).Single(t => t.Sender == sender).Id;

    /// <summary>
    /// The documents that let a transfer's animals clear and leave: the importer's permit (or a non-Party's
    /// comparable documentation), the exporter's permit after it, and the veterinary certificate of an
    /// examination on <paramref name="examined"/>, which must fall within 10 days before clearance and dispatch.
    /// </summary>
    public static async Task PapersAsync(ServiceProvider services, Guid transfer, string exporter, string importer, DateOnly examined)
    {
        await using var scope = services.Scope();
        var documents = scope.ServiceProvider.GetRequiredService<TransferDocuments>();
        async Task RegisterAsync(string type, string state, DateOnly issued) =>
            Ok(await documents.RegisterAsync(transfer, new DocumentInput
            {
                Type = type,
                Number = $"{state}-{type}-{transfer:N}",
                IssuingAuthority = $"Authority of {state}",
                IssuingState = state,
                IssuedOn = issued,
            }, Ct));
        await RegisterAsync("import-permit", importer, examined.AddDays(-30));
        await RegisterAsync("comparable-documentation", importer, examined.AddDays(-30));
        await RegisterAsync("export-permit", exporter, examined.AddDays(-20));
        await RegisterAsync("veterinary-certificate", exporter, examined);
    }

    public static async Task TwoZoosAndALionAsync(TestDatabase database)
    {
        await using var services = database.Services();
        await using var scope = services.Scope();
        var institutions = scope.ServiceProvider.GetRequiredService<InstitutionCommands>();
        Ok(await institutions.CreateCountryAsync(new("RU", "Russian Federation", true, new DateOnly(1992, 1, 1), new DateOnly(2025, 11, 24), "CITES list of Parties"), Ct));
        Ok(await institutions.CreateCountryAsync(new("KP", "DPRK", false, null, new DateOnly(2025, 11, 24), "CITES list of Parties"), Ct));
        Ok(await institutions.CreateAsync(new("MOSCOW", "Moscow Zoo", "RU", "Europe/Moscow"), Ct));
        Ok(await institutions.CreateAsync(new("PYONGYANG", "Central Zoo, Pyongyang", "KP", "Asia/Pyongyang"), Ct));
        Ok(await scope.ServiceProvider.GetRequiredService<TaxonCommands>().CreateAsync(new("Panthera leo", "African lion", TaxonRank.Species, "Mammalia"), Ct));
        Ok(await scope.ServiceProvider.GetRequiredService<TaxonCommands>().CreateAsync(new("Aix galericulata", "Mandarin duck", TaxonRank.Species, "Aves"), Ct));
        Ok(await scope.ServiceProvider.GetRequiredService<SpecimenCommands>().CreateAsync(new SpecimenInput
        {
            Taxon = "Panthera leo",
            Sex = "female",
            Name = "Laska",
            First = new EventInput { Type = "birth", Date = "2021-05-14", Institution = "MOSCOW" },
            Identifiers = [new("local", "MOS-1"), new("transponder", "643000000000001")],
        }, Ct));
    }

    public static T Ok<T>(Outcome<T> outcome) => outcome switch
    {
        Outcome<T>.Ok ok => ok.Value,
        Outcome<T>.Created created => created.Value,
        Outcome<T>.Invalid invalid => throw new Xunit.Sdk.XunitException(
            "Expected success, got: " + string.Join("; ", invalid.Violations.Select(v => $"{v.Field}: {v.Message}"))),
        _ => throw new Xunit.Sdk.XunitException($"Expected success, got {outcome}"),
    };
}
