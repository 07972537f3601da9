using System.Text;
using Menagerie.App.Persistence;
using Menagerie.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Menagerie.App.Tests.Persistence;

/// <summary>
/// Each provider's context runs on a model compiled ahead (<c>Persistence/Compiled</c>), which EF Core finds by itself;
/// a change to the entities or their configuration that it does not follow would be read and written by the old
/// model. Each is compared here with the model EF Core builds from the configuration now. CI also regenerates both
/// and compares the code.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, typeof(App.Persistence.Compiled.Sqlite.SqliteMenagerieDbContextModel))]
    [InlineData(DatabaseProvider.PostgreSQL, typeof(App.Persistence.Compiled.Postgres.PostgresMenagerieDbContextModel))]
    public void The_compiled_model_is_the_one_in_use_and_matches_the_configuration(DatabaseProvider provider, Type compiled)
    {
        var options = provider == DatabaseProvider.Sqlite
            ? DatabaseOptions.Sqlite("unused.db")
            : new DatabaseOptions(DatabaseProvider.PostgreSQL, "Host=localhost;Database=unused");
        using var db = TestDatabase.Open(options);
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.IsType(compiled, db.Model);
        Assert.Equal(Describe(built), Describe(db.Model));
    }

    /// <summary>The entities, their keys, relationships and indexes, and how each property is stored.</summary>
    private static string Describe(IModel model)
    {
        var text = new StringBuilder(model.ToDebugString(MetadataDebugStringOptions.ShortDefault)).AppendLine();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"{entity.Name} -> {entity.GetSchema()}.{entity.GetTableName()}");
            foreach (var property in entity.GetProperties())
            {
                var mapping = property.GetRelationalTypeMapping();
                text.AppendLine($"  {property.Name}: {property.GetColumnName()} {mapping.StoreType} {property.GetColumnType()} "
                    + $"{property.IsNullable} {property.GetMaxLength()} {property.ValueGenerated} {property.IsConcurrencyToken} "
                    + $"{property.GetValueConverter()?.GetType().FullName} {mapping.Converter?.GetType().FullName} {property.GetValueComparer().GetType().FullName}");
            }
        }
        return text.ToString();
    }
}
