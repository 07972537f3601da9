using Menagerie.App.Institutions;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Menagerie.App.Specimens;
using Menagerie.App.Taxa;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Menagerie.App;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: the database of <paramref name="database"/> and the use cases over it.</summary>
    public static IServiceCollection AddMenagerieApp(this IServiceCollection services, DatabaseOptions database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddScoped<Actor>();
        database.Register(services);
        services.AddScoped<InstitutionCommands>();
        services.AddScoped<TaxonCommands>();
        services.AddScoped<SpecimenCommands>();
        services.AddScoped<SpecimenQueries>();
        services.AddScoped<Census>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<SampleLoader>();
        return services;
    }
}
