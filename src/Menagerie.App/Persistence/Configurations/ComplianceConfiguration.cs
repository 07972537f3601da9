using Menagerie.Domain.Compliance;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class WarningOverrideConfiguration : IEntityTypeConfiguration<WarningOverride>
{
    public void Configure(EntityTypeBuilder<WarningOverride> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Rule).HasMaxLength(10);
        builder.Property(o => o.Lines).HasMaxLength(2000);
        builder.Property(o => o.Reason).HasMaxLength(2000);
        builder.Property(o => o.By).HasMaxLength(256);
        builder.HasOne<Transfer>().WithMany().HasForeignKey(o => o.TransferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.TransferId);
    }
}
