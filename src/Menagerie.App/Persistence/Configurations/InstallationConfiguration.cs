using Menagerie.App.Installations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class InstallationKeyConfiguration : IEntityTypeConfiguration<InstallationKey>
{
    public void Configure(EntityTypeBuilder<InstallationKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(InstallationKey.MaxNameLength);
        builder.Property(k => k.PublicKey).HasMaxLength(200);
        builder.Property(k => k.PrivateKey).HasMaxLength(400);
    }
}

internal sealed class TrustedInstallationConfiguration : IEntityTypeConfiguration<TrustedInstallation>
{
    public void Configure(EntityTypeBuilder<TrustedInstallation> builder)
    {
        builder.HasKey(t => t.Name);
        builder.Property(t => t.Name).HasMaxLength(InstallationKey.MaxNameLength);
        builder.Property(t => t.PublicKey).HasMaxLength(200);
        builder.Property(t => t.TrustedBy).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
