using Menagerie.Domain.Institutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(2);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.StatusSource).HasMaxLength(1000);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Code).HasMaxLength(Institution.MaxCodeLength);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Name).HasMaxLength(300);
        builder.Property(i => i.CountryCode).HasMaxLength(2);
        builder.Property(i => i.TimeZone).HasMaxLength(Institution.MaxTimeZoneLength);
        builder.HasOne<Country>().WithMany().HasForeignKey(i => i.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Version).IsConcurrencyToken();
    }
}
