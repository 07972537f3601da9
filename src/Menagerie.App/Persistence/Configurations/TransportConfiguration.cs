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
