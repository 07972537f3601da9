namespace Menagerie.Domain.Specimens;

/// <summary>
/// Splitting part of a group off into a group of its own, and merging one group into another. Each is
/// recorded on both groups, each naming the other, so that totals are kept and either history leads
/// to the other.
/// </summary>
public static class Groups
{
    /// <summary>
    /// Splits <paramref name="part"/> off <paramref name="group"/> into a new group kept by the same keeper
    /// (an institution, or the transfer carrying it). Returns the new group, or every rule the split breaks;
    /// the caller must not save after a violation.
    /// </summary>
    public static Result<Specimen> Split(
        Specimen group, SexCounts part, DateTime at, Keeper keeper, DateTime now, string by, TransferId? transfer = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        var date = new PartialDate(DateOnly.FromDateTime(at), false);
        var childId = SpecimenId.New();
        var off = group.Record(EventId.New(), new EventDetails
        {
            Type = EventType.SplitOff,
            Date = date,
            At = at,
            Counts = part,
            Related = childId,
            Transfer = transfer,
            Institution = keeper.Institution,
            Text = reason ?? $"{part} split off",
            Reason = reason,
        }, now, by);
        if (off.Count > 0)
            return off.ToList();
        var child = Specimen.Create(childId, SpecimenKind.Group, group.TaxonId, Sex.Unknown, null, EventId.New(), new EventDetails
        {
            Type = EventType.SplitFrom,
            Date = date,
            At = at,
            Counts = part,
            Related = group.Id,
            Institution = keeper.Institution,
            Transfer = keeper.Transfer,
            Owner = group.OwnerId,
            Reason = reason,
        }, now, by);
        // The part shares the group's provenance: same source, same population of origin.
        if (child.IsValid)
            child.Value.RecordOrigin(group.CitesSource, group.Origin);
        return child;
    }

    /// <summary>
    /// Merges the whole of <paramref name="source"/> into <paramref name="target"/>: two groups of one taxon,
    /// held by one institution. The source's record ends there; its animals are counted in the target.
    /// </summary>
    public static IReadOnlyList<RuleViolation> Merge(Specimen source, Specimen target, DateTime at, DateTime now, string by, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var problems = new List<RuleViolation>();
        if (source.Id == target.Id)
            problems.Add(new("merge.same", "into", "A group cannot be merged into itself."));
        if (source.Kind != SpecimenKind.Group || target.Kind != SpecimenKind.Group)
            problems.Add(new("split.individual", "into", "Only groups are merged; an individual joins a group by being counted in it."));
        if (source.TaxonId != target.TaxonId)
            problems.Add(new("merge.taxon", "into", "Groups of different taxa cannot be merged."));
        if (source.HolderId is null || source.HolderId != target.HolderId)
            problems.Add(new("merge.holder", "into", "Both groups must be held by the same institution."));
        if (source.OnTransfer is not null || target.OnTransfer is not null)
            problems.Add(new("transfer.specimen-taken", "into", "A group on an open transfer is not merged until the transfer is done."));
        if (problems.Count > 0)
            return problems;

        var date = new PartialDate(DateOnly.FromDateTime(at), false);
        var counts = source.Counts;
        var into = source.Record(EventId.New(), new EventDetails
        {
            Type = EventType.MergedInto,
            Date = date,
            At = at,
            Counts = counts,
            Related = target.Id,
            Institution = source.HolderId,
            Reason = reason,
        }, now, by);
        if (into.Count > 0)
            return into;
        return target.Record(EventId.New(), new EventDetails
        {
            Type = EventType.MergedFrom,
            Date = date,
            At = at,
            Counts = counts,
            Related = source.Id,
            Institution = target.HolderId,
            Reason = reason,
        }, now, by);
    }
}
