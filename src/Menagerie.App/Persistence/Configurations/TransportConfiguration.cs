using Menagerie.App.Transport;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class TransferJourneyConfiguration : IEntityTypeConfiguration<TransferJourney>
{
    public void Configure(EntityTypeBuilder<TransferJourney> builder)
    {
        builder.HasKey(j => j.TransferId);
        builder.Property(j => j.Document).HasMaxLength(100_000);
        builder.Property(j => j.UpdatedBy).HasMaxLength(256);
        builder.Property(j => j.Version).IsConcurrencyToken();
        builder.Ignore(j => j.Input);
        builder.HasOne<Transfer>().WithMany().HasForeignKey(j => j.TransferId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LicensedContainerTableConfiguration : IEntityTypeConfiguration<LicensedContainerTable>
{
    public void Configure(EntityTypeBuilder<LicensedContainerTable> builder)
    {
        builder.HasKey(t => t.Number);
        // Numbered by Menagerie: two uploads at once both take the next number, and the second fails whole.
        builder.Property(t => t.Number).ValueGeneratedNever();
        builder.Property(t => t.Source).HasMaxLength(ContainerTables.MaxSourceLength);
        builder.Property(t => t.FileName).HasMaxLength(300);
        builder.Property(t => t.Csv).HasMaxLength(ContainerTables.MaxFileBytes);
        builder.Property(t => t.UploadedBy).HasMaxLength(256);
        builder.Property(t => t.Digest).HasMaxLength(64);
        builder.Ignore(t => t.Edition);
    }
}
