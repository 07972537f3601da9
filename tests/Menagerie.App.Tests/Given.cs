using Menagerie.App.Institutions;
using Menagerie.App.Specimens;
using Menagerie.App.Taxa;
using Menagerie.Domain.Taxa;
using Menagerie.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.App.Tests;

/// <summary>Small collections built through the use cases, as a registrar would enter them.</summary>
internal static class Given
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task TwoZoosAndALionAsync(TestDatabase database)
    {
        await using var services = database.Services();
        await using var scope = services.Scope();
        var institutions = scope.ServiceProvider.GetRequiredService<InstitutionCommands>();
        Ok(await institutions.CreateCountryAsync(new("RU", "Russian Federation", true, new DateOnly(1992, 1, 1), new DateOnly(2015, 7, 1), "CITES list of Parties"), Ct));
        Ok(await institutions.CreateCountryAsync(new("KP", "DPRK", false, null, new DateOnly(2015, 7, 1), "CITES list of Parties"), Ct));
        Ok(await institutions.CreateAsync(new("MOSCOW", "Moscow Zoo", "RU"), Ct));
        Ok(await institutions.CreateAsync(new("PYONGYANG", "Central Zoo, Pyongyang", "KP"), Ct));
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
