using Menagerie.App.Accounts;
using Menagerie.App.Installations;
using Menagerie.App.Institutions;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;
using Menagerie.App.Sample;
using Menagerie.App.Specimens;
using Menagerie.App.Taxa;
using Menagerie.App.Transfers;
using Menagerie.App.Transfers.Packages;
using Microsoft.Extensions.Configuration;
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
        services.TryAddSingleton(sp => InstallationSettings.From(sp.GetService<IConfiguration>()));
        services.TryAddSingleton(sp => Compliance.CompliancePolicy.From(sp.GetService<IConfiguration>()));
        services.AddScoped<Access>();
        database.Register(services);
        services.AddLogging();
        services.AddIdentityCore<User>(o =>
            {
                // Length over composition rules, as NIST SP 800-63B advises.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<MenagerieDbContext>();
        services.AddScoped<AccountCommands>();
        services.AddSingleton<SessionCache>();
        services.AddSingleton<ReadCache>();
        services.AddScoped<CachedReads>();
        services.AddScoped<InstitutionCommands>();
        services.AddScoped<TaxonCommands>();
        services.AddScoped<SpecimenCommands>();
        services.AddScoped<SpecimenQueries>();
        services.AddScoped<AvailableAnimals>();
        services.AddScoped<TransferCommands>();
        services.AddScoped<TransferQueries>();
        services.AddScoped<Compliance.TransferCompliance>();
        services.AddScoped<Compliance.ShipmentChecks>();
        services.TryAddSingleton(sp => Transport.TransportSettings.From(sp.GetService<IConfiguration>()));
        services.AddScoped<Transport.ContainerTables>();
        services.AddScoped<Transport.TransportPlans>();
        services.AddScoped<TransferDocuments>();
        services.AddScoped<TransferSignOffs>();
        services.AddScoped<InstallationCommands>();
        services.AddScoped<TransferPackages>();
        services.AddScoped<Census>();
        services.AddScoped<Start.StartPage>();
        services.AddScoped<Search.SearchQueries>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<DatabaseHealth>();
        services.AddScoped<LedgerCheckpoints>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<SampleLoader>();
        services.AddScoped<SampleAccounts>();
        services.AddScoped<SampleStudbook>();
        services.AddScoped<Compliance.Reference.ChecklistImport>();
        services.AddScoped<Compliance.Reference.TradeMeasureImport>();
        services.AddScoped<Compliance.Reference.ChecklistImportRuns>();
        services.AddScoped<Compliance.Reference.ListingLookup>();
        services.AddScoped<Studbooks.StudbookRecords>();
        services.AddSingleton<Studbooks.StudbookAnalyses>();
        services.AddSingleton<Work.BackgroundRuns>();
        return services;
    }
}
