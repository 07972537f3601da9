using Menagerie.App.Transfers;
using Menagerie.Domain.Institutions;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Taxa;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Terms).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.InitiatedBy).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Institution>().WithMany().HasForeignKey(t => t.SenderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(t => t.ReceiverId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.SenderId, t.Status });
        builder.HasIndex(t => new { t.ReceiverId, t.Status });
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.Animals);

        builder.HasMany(t => t.Lines).WithOne().HasForeignKey(l => l.TransferId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Lines).HasField("_lines");
        builder.HasMany(t => t.Steps).WithOne().HasForeignKey(s => s.TransferId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(t => t.Steps).HasField("_steps");
    }
}

internal sealed class TransferLineConfiguration : IEntityTypeConfiguration<TransferLine>
{
    public void Configure(EntityTypeBuilder<TransferLine> builder)
    {
        builder.HasKey(l => new { l.TransferId, l.Number });
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Counts).HasMaxLength(40);
        builder.Property(l => l.Arrived).HasMaxLength(40);
        builder.Property(l => l.DeadOnArrival).HasMaxLength(40);
        builder.Property(l => l.Missing).HasMaxLength(40);
        builder.Property(l => l.Resolution).HasConversion<string>().HasMaxLength(10);
        builder.Property(l => l.ResolutionReason).HasMaxLength(Transfer.MaxReasonLength);
        builder.HasOne<Specimen>().WithMany().HasForeignKey(l => l.SpecimenId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Specimen>().WithMany().HasForeignKey(l => l.ShippedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Specimen>().WithMany().HasForeignKey(l => l.MissingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Taxon>().WithMany().HasForeignKey(l => l.TaxonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.SpecimenId);
        builder.Ignore(l => l.HasOpenDiscrepancy);
    }
}

internal sealed class TransferStepConfiguration : IEntityTypeConfiguration<TransferStep>
{
    public void Configure(EntityTypeBuilder<TransferStep> builder)
    {
        builder.HasKey(s => new { s.TransferId, s.Number });
        builder.Property(s => s.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Party).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.By).HasMaxLength(256);
        builder.Property(s => s.Reason).HasMaxLength(Transfer.MaxReasonLength);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.HasKey(r => new { r.Caller, r.Key });
        builder.Property(r => r.Caller).HasMaxLength(256);
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequest.MaxKeyLength);
        builder.Property(r => r.Operation).HasMaxLength(100);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
    }
}

internal sealed class TransferDocumentConfiguration : IEntityTypeConfiguration<Menagerie.Domain.Documents.TransferDocument>
{
    public void Configure(EntityTypeBuilder<Menagerie.Domain.Documents.TransferDocument> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Type).HasConversion<IdConverters.DocumentTypeConverter>().HasMaxLength(40);
        builder.Property(d => d.Number).HasMaxLength(100);
        builder.Property(d => d.IssuingAuthority).HasMaxLength(300);
        builder.Property(d => d.IssuingState).HasMaxLength(2);
        builder.Property(d => d.FileName).HasMaxLength(260);
        builder.Property(d => d.FileType).HasMaxLength(100);
        builder.Property(d => d.RecordedBy).HasMaxLength(256);
        builder.HasOne<Transfer>().WithMany().HasForeignKey(d => d.TransferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.TransferId);
        builder.HasMany(d => d.Covers).WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(d => d.Covers).HasField("_covers");
    }
}

internal sealed class DocumentCoverageConfiguration : IEntityTypeConfiguration<Menagerie.Domain.Documents.DocumentCoverage>
{
    public void Configure(EntityTypeBuilder<Menagerie.Domain.Documents.DocumentCoverage> builder)
    {
        builder.HasKey(c => new { c.DocumentId, c.Line });
        builder.Property(c => c.Counts).HasMaxLength(40);
    }
}
