using Menagerie.App.Compliance.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class ChecklistEditionConfiguration : IEntityTypeConfiguration<ChecklistEdition>
{
    public void Configure(EntityTypeBuilder<ChecklistEdition> builder)
    {
        builder.HasKey(e => e.Number);
        // Numbered by Menagerie: two imports at once both take the next number, and the second fails whole.
        builder.Property(e => e.Number).ValueGeneratedNever();
        builder.Property(e => e.Source).HasMaxLength(ChecklistImport.MaxSourceLength);
        builder.Property(e => e.ImportedBy).HasMaxLength(256);
        builder.Property(e => e.Replaced).HasMaxLength(1500);
        builder.Property(e => e.Digest).HasMaxLength(64);
    }
}

internal sealed class ChecklistNameConfiguration : IEntityTypeConfiguration<ChecklistName>
{
    public void Configure(EntityTypeBuilder<ChecklistName> builder)
    {
        builder.HasKey(n => new { n.Edition, n.Name });
        builder.Property(n => n.Name).HasMaxLength(300);
        builder.Property(n => n.Rank).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Parent).HasMaxLength(300);
        builder.Property(n => n.AcceptedName).HasMaxLength(300);
        builder.HasOne<ChecklistEdition>().WithMany().HasForeignKey(n => n.Edition).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChecklistListingConfiguration : IEntityTypeConfiguration<ChecklistListingRecord>
{
    public void Configure(EntityTypeBuilder<ChecklistListingRecord> builder)
    {
        builder.ToTable("ChecklistListings");
        builder.HasKey(l => new { l.Edition, l.Sequence });
        builder.Property(l => l.Sequence).ValueGeneratedNever();
        builder.Property(l => l.Taxon).HasMaxLength(300);
        builder.Property(l => l.Appendix).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.ListingParty).HasMaxLength(2);
        builder.HasIndex(l => new { l.Edition, l.Taxon });
        builder.HasOne<ChecklistEdition>().WithMany().HasForeignKey(l => l.Edition).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TradeSuspensionConfiguration : IEntityTypeConfiguration<TradeSuspensionRecord>
{
    public void Configure(EntityTypeBuilder<TradeSuspensionRecord> builder)
    {
        builder.ToTable("TradeSuspensions");
        builder.HasKey(s => s.Number);
        builder.Property(s => s.Number).ValueGeneratedNever();
        builder.Property(s => s.State).HasMaxLength(2);
        builder.Property(s => s.Taxon).HasMaxLength(SpeciesPlusDownload.MaxNameLength);
        builder.Property(s => s.StartNotification).HasMaxLength(SpeciesPlusDownload.MaxNameLength);
        builder.Property(s => s.EndNotification).HasMaxLength(SpeciesPlusDownload.MaxNameLength);
        builder.Property(s => s.File).HasMaxLength(SpeciesPlusDownload.MaxNameLength);
    }
}

internal sealed class ExportQuotaConfiguration : IEntityTypeConfiguration<ExportQuotaRecord>
{
    public void Configure(EntityTypeBuilder<ExportQuotaRecord> builder)
    {
        builder.ToTable("ExportQuotas");
        builder.HasKey(q => q.Number);
        builder.Property(q => q.Number).ValueGeneratedNever();
        builder.Property(q => q.State).HasMaxLength(2);
        builder.Property(q => q.Taxon).HasMaxLength(SpeciesPlusDownload.MaxNameLength);
        builder.Property(q => q.Unit).HasMaxLength(SpeciesPlusDownload.MaxNameLength);
        builder.Property(q => q.File).HasMaxLength(SpeciesPlusDownload.MaxNameLength);
    }
}
