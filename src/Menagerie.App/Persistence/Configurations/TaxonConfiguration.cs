using Menagerie.Domain.Taxa;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class TaxonConfiguration : IEntityTypeConfiguration<Taxon>
{
    public void Configure(EntityTypeBuilder<Taxon> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.ScientificName).HasMaxLength(300);
        builder.HasIndex(t => t.ScientificName).IsUnique();
        builder.Property(t => t.CommonName).HasMaxLength(300);
        builder.Property(t => t.TaxonClass).HasMaxLength(100);
        builder.Property(t => t.Family).HasMaxLength(100);
        builder.Property(t => t.Rank).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(t => t.IsIdentifiedToSpecies);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
