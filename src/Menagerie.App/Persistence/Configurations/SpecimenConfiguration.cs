using Menagerie.Domain.Institutions;
using Menagerie.Domain.Specimens;
using Menagerie.Domain.Taxa;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class SpecimenConfiguration : IEntityTypeConfiguration<Specimen>
{
    public void Configure(EntityTypeBuilder<Specimen> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Name).HasMaxLength(Specimen.MaxNameLength);
        builder.Property(s => s.CitesSource).HasMaxLength(1);
        builder.Property(s => s.Origin).HasMaxLength(2);
        builder.Property(s => s.AvailabilityNote).HasMaxLength(Specimen.MaxAvailabilityNoteLength);
        builder.HasOne<Taxon>().WithMany().HasForeignKey(s => s.TaxonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(s => s.HolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.HolderId);
        builder.HasOne<Institution>().WithMany().HasForeignKey(s => s.DiedAtId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Transfer>().WithMany().HasForeignKey(s => s.OnTransfer).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.InTransitOn);
        builder.Ignore(s => s.Counts);
        builder.Property(s => s.Version).IsConcurrencyToken();

        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.SpecimenId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Events).HasField("_events");
        builder.HasMany(s => s.Holdings).WithOne().HasForeignKey(h => h.SpecimenId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Holdings).HasField("_holdings");
        builder.HasMany(s => s.Identifiers).WithOne().HasForeignKey(i => i.SpecimenId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Identifiers).HasField("_identifiers");
    }
}

internal sealed class SpecimenEventConfiguration : IEntityTypeConfiguration<SpecimenEvent>
{
    public void Configure(EntityTypeBuilder<SpecimenEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => new { e.SpecimenId, e.Sequence }).IsUnique();
        // Whether an event comes after the whole history is asked of this index, so that recording it does not read the history.
        builder.HasIndex(e => new { e.SpecimenId, e.Date, e.At });
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Counts).HasMaxLength(40);
        builder.Property(e => e.CounterpartyName).HasMaxLength(EventRules.MaxCounterpartyNameLength);
        builder.Property(e => e.IdentifierScheme).HasMaxLength(SpecimenIdentifierConfiguration.MaxSchemeLength);
        builder.Property(e => e.IdentifierValue).HasMaxLength(EventRules.MaxIdentifierValueLength);
        builder.Property(e => e.WeightKg).HasPrecision(12, 3);
        builder.Property(e => e.LengthCm).HasPrecision(8, 1);
        builder.Property(e => e.ElbowHeightCm).HasPrecision(8, 1);
        builder.Property(e => e.WidthCm).HasPrecision(8, 1);
        builder.Property(e => e.HeightCm).HasPrecision(8, 1);
        builder.Property(e => e.TemperatureC).HasPrecision(5, 1);
        builder.Property(e => e.Sedation).HasMaxLength(EventRules.MaxWelfareTextLength);
        builder.Property(e => e.Attendant).HasMaxLength(EventRules.MaxWelfareTextLength);
        builder.Property(e => e.Text).HasMaxLength(EventRules.MaxTextLength);
        builder.Property(e => e.Reason).HasMaxLength(EventRules.MaxReasonLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
        builder.HasOne<Institution>().WithMany().HasForeignKey(e => e.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(e => e.CounterpartyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.Details);
    }
}

internal sealed class CensusChangeConfiguration : IEntityTypeConfiguration<App.Specimens.CensusChange>
{
    public void Configure(EntityTypeBuilder<App.Specimens.CensusChange> builder)
    {
        builder.HasKey(c => new { c.InstitutionId, c.TaxonId, c.Kind, c.Day });
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class HoldingPeriodConfiguration : IEntityTypeConfiguration<HoldingPeriod>
{
    public void Configure(EntityTypeBuilder<HoldingPeriod> builder)
    {
        builder.HasKey(h => new { h.SpecimenId, h.Index });
        builder.HasOne<Institution>().WithMany().HasForeignKey(h => h.HolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.HolderId, h.From });
        builder.HasIndex(h => h.TransferId);
        builder.Ignore(h => h.Counts);
    }
}

internal sealed class SpecimenIdentifierConfiguration : IEntityTypeConfiguration<SpecimenIdentifier>
{
    public const int MaxSchemeLength = EventRules.MaxSchemeLength;

    public void Configure(EntityTypeBuilder<SpecimenIdentifier> builder)
    {
        builder.HasKey(i => new { i.SpecimenId, i.Index });
        builder.Property(i => i.Scheme).HasMaxLength(MaxSchemeLength);
        builder.Property(i => i.Value).HasMaxLength(EventRules.MaxIdentifierValueLength);
        builder.HasIndex(i => i.Value);
        builder.HasOne<Institution>().WithMany().HasForeignKey(i => i.AssignedBy).OnDelete(DeleteBehavior.Restrict);
    }
}
