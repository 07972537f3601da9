namespace Menagerie.Domain.Specimens;

public sealed partial class Specimen
{
    /// <summary>
    /// The stored fields derived from the history — status, holder, owner, counts, parents, birth date, where it died,
    /// its holding periods (which the census counts) and its identifiers — that differ from a replay of its events:
    /// none when the record agrees with its own history. Needs the events, holding periods and identifiers loaded.
    /// </summary>
    public IReadOnlyList<string> FieldsOutOfStepWithHistory()
    {
        var state = LifeHistory.Replay(Id, Kind, Sex, _events);
        var diedAt = state.Status == SpecimenStatus.Dead && state.Holdings.Count > 0 ? state.Holdings[^1].HolderId : null;
        var fields = new (string Name, bool Differs)[]
        {
            (nameof(Status), Status != state.Status),
            (nameof(HolderId), HolderId != state.Holder),
            (nameof(InTransitOn), InTransitOn != state.InTransitOn),
            (nameof(OwnerId), OwnerId != state.Owner),
            (nameof(Counts), Counts != state.Counts),
            (nameof(SireId), SireId != state.Sire),
            (nameof(DamId), DamId != state.Dam),
            (nameof(BirthDate), BirthDate != state.BirthDate?.Date || BirthDateEstimated != (state.BirthDate?.Estimated ?? false)),
            (nameof(DiedAtId), DiedAtId != diedAt),
            (nameof(Holdings), !SameRows(_holdings, state.Holdings, h => (h.From, h.Index), (a, b) => a.SameAs(b))),
            (nameof(Identifiers), !SameRows(_identifiers, state.Identifiers, i => (i.AddedOn, i.Scheme, i.Value), (a, b) => a.SameAs(b))),
        };
        return fields.Where(f => f.Differs).Select(f => f.Name).ToList();
    }

    /// <summary>
    /// The same rows, matched by what they say rather than by their index: databases written before rows were
    /// reconciled in index order may hold the same periods and identifiers under swapped indexes.
    /// </summary>
    private static bool SameRows<T, TKey>(List<T> stored, IReadOnlyList<T> replayed, Func<T, TKey> order, Func<T, T, bool> same) =>
        stored.Count == replayed.Count && stored.OrderBy(order).Zip(replayed.OrderBy(order)).All(p => same(p.First, p.Second));
}
