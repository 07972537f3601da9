using Menagerie.Domain.Specimens;
using Menagerie.Domain.Transfers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Menagerie.App.Persistence;

/// <summary>
/// The application-managed version column behind ETags and optimistic concurrency (EF's
/// database-generated tokens do not work on SQLite). A specimen's version also moves when anything
/// in its history changes, so two clients recording events on one animal cannot both succeed blind; a
/// transfer's, when its lines or timeline change.
/// </summary>
internal static class Versioning
{
    public const string Property = "Version";

    public static void Bump(ChangeTracker tracker)
    {
        var touchedSpecimens = new HashSet<Menagerie.Domain.SpecimenId>();
        var touchedTransfers = new HashSet<Menagerie.Domain.TransferId>();
        foreach (var entry in tracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case SpecimenEvent e when entry.State is not EntityState.Unchanged: touchedSpecimens.Add(e.SpecimenId); break;
                case HoldingPeriod h when entry.State is not EntityState.Unchanged: touchedSpecimens.Add(h.SpecimenId); break;
                case SpecimenIdentifier i when entry.State is not EntityState.Unchanged: touchedSpecimens.Add(i.SpecimenId); break;
                case TransferLine l when entry.State is not EntityState.Unchanged: touchedTransfers.Add(l.TransferId); break;
                case TransferStep t when entry.State is not EntityState.Unchanged: touchedTransfers.Add(t.TransferId); break;
            }
        }
        foreach (var entry in tracker.Entries())
        {
            if (entry.Metadata.FindProperty(Property) is null)
                continue;
            var touched = entry.Entity switch
            {
                Specimen s => touchedSpecimens.Contains(s.Id),
                Transfer t => touchedTransfers.Contains(t.Id),
                _ => false,
            };
            if (entry.State == EntityState.Added)
                entry.Property(Property).CurrentValue = 1L;
            else if (entry.State == EntityState.Modified || (touched && entry.State == EntityState.Unchanged))
                entry.Property(Property).CurrentValue = (long)entry.Property(Property).OriginalValue! + 1;
        }
    }
}
