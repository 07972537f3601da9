using Menagerie.App.Accounts;
using Menagerie.App.Studbooks;
using Menagerie.Domain.Taxa;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class StudbookConfiguration : IEntityTypeConfiguration<Studbook>
{
    public void Configure(EntityTypeBuilder<Studbook> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(Studbook.MaxNameLength);
        builder.Property(s => s.Scheme).HasMaxLength(SpecimenIdentifierConfiguration.MaxSchemeLength);
        builder.Property(s => s.FileName).HasMaxLength(Studbook.MaxFileNameLength);
        builder.HasOne<Taxon>().WithMany().HasForeignKey(s => s.TaxonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.KeeperId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Individuals).WithOne().HasForeignKey(i => i.StudbookId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Individuals).HasField("_individuals");
    }
}

internal sealed class StudbookIndividualConfiguration : IEntityTypeConfiguration<StudbookIndividual>
{
    public void Configure(EntityTypeBuilder<StudbookIndividual> builder)
    {
        builder.HasKey(i => new { i.StudbookId, i.IndividualId });
        // Finds the studbooks that name a specimen's identifier.
        builder.HasIndex(i => i.IndividualId);
    }
}
