using Menagerie.App.Accounts;
using Menagerie.Domain.Institutions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Menagerie.App.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("Users");
        builder.HasMany(u => u.Memberships).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(u => u.Memberships).HasField("_memberships");
    }
}

internal sealed class IdentityTablesConfiguration :
    IEntityTypeConfiguration<IdentityUserClaim<Guid>>, IEntityTypeConfiguration<IdentityUserLogin<Guid>>, IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("UserClaims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("UserLogins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("UserTokens");
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.HasKey(m => m.Id);
        // Ids are made by Menagerie, so a membership reached through its user is known to be new.
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.CountryCode).HasMaxLength(2);
        builder.HasOne<Institution>().WithMany().HasForeignKey(m => m.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Country>().WithMany().HasForeignKey(m => m.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.UserId, m.Role, m.InstitutionId, m.CountryCode }).IsUnique();
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(20);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(t => t.IsActive);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}

internal sealed class SignInRecordConfiguration : IEntityTypeConfiguration<SignInRecord>
{
    public void Configure(EntityTypeBuilder<SignInRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.UserName).HasMaxLength(SignInRecord.MaxNameLength);
        builder.Property(r => r.Outcome).HasMaxLength(40);
        builder.Property(r => r.RemoteAddress).HasMaxLength(64);
        builder.HasIndex(r => new { r.UserName, r.At });
    }
}

internal sealed class AccessStampConfiguration : IEntityTypeConfiguration<AccessStamp>
{
    public void Configure(EntityTypeBuilder<AccessStamp> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new { Id = AccessStamp.Row, Value = 0L });
    }
}
