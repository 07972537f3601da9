namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// Rows with parents resolved to positions, before validation and reordering. Both input forms
/// (string ids, parent indices) come here so that one set of checks applies to both.
/// </summary>
internal sealed partial class PedigreeDraft
{
    private const int NoValue = int.MinValue;

    private readonly List<Entry> _entries = [];
    private readonly List<PedigreeIssue> _issues = [];
    private bool _hasAlive;
    private bool _hasReference;

    private struct Entry
    {
        public string Id;
        public int Sire;
        public int Dam;
        public Sex Sex;
        public int Line;
        public int BirthDay;
        public int BirthYear;
        public bool? Alive;
        public bool? Reference;
    }

    public static PedigreeDraft FromRows(IReadOnlyList<PedigreeRow> rows)
    {
        var draft = new PedigreeDraft();
        var index = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        var parents = new List<(string? Sire, string? Dam)>(rows.Count);
        for (var p = 0; p < rows.Count; p++)
        {
            var row = rows[p];
            var line = row.Line > 0 ? row.Line : p + 1;
            var id = row.Id.Trim();
            if (id.Length == 0)
            {
                draft.Error(PedigreeIssueKind.MissingId, line, id, $"Line {line} has no id.");
                continue;
            }

            if (index.TryGetValue(id, out var first))
            {
                var firstLine = draft._entries[first].Line;
                draft.Error(PedigreeIssueKind.DuplicateId, line, id, $"Id '{id}' is listed again (first at line {firstLine}).", id);
                continue;
            }

            if (!SexCodes.TryParse(row.Sex, out var sex))
            {
                draft.Error(PedigreeIssueKind.UnknownSexCode, line, id, $"Sex code '{row.Sex}' of '{id}' is not one of M/F/U, male/female/unknown, 1/2/3/4.");
            }

            index.Add(id, draft._entries.Count);
            parents.Add((Normalize(row.Sire), Normalize(row.Dam)));
            draft.Add(id, sex, line, row.BirthDate, row.BirthYear, row.Alive, row.Reference);
        }

        var listed = draft._entries.Count;
        for (var i = 0; i < listed; i++)
        {
            var e = draft._entries[i];
            e.Sire = draft.Resolve(index, parents[i].Sire, Sex.Male, i);
            e.Dam = draft.Resolve(index, parents[i].Dam, Sex.Female, i);
            draft._entries[i] = e;
        }

        return draft;
    }

    public static PedigreeDraft FromIndices(IReadOnlyList<string> ids, ReadOnlySpan<int> sires, ReadOnlySpan<int> dams, ReadOnlySpan<Sex> sexes)
    {
        var draft = new PedigreeDraft();
        var seen = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i] ?? string.Empty;
            if (!seen.TryAdd(id, i + 1))
            {
                draft.Error(PedigreeIssueKind.DuplicateId, i + 1, id, $"Id '{id}' is listed again (first at line {seen[id]}).", id);
            }

            draft.Add(id, sexes[i], i + 1, null, null, null, null);
            var e = draft._entries[i];
            e.Sire = draft.CheckRange(sires[i], i, "sire", ids.Count);
            e.Dam = draft.CheckRange(dams[i], i, "dam", ids.Count);
            draft._entries[i] = e;
        }

        return draft;
    }

    private static string? Normalize(string? parent) => PedigreeInput.IsUnknownParent(parent) ? null : parent!.Trim();

    private void Add(string id, Sex sex, int line, DateOnly? birthDate, int? birthYear, bool? alive, bool? reference)
    {
        _hasAlive |= alive.HasValue;
        _hasReference |= reference.HasValue;
        _entries.Add(new Entry
        {
            Id = id,
            Sire = -1,
            Dam = -1,
            Sex = sex,
            Line = line,
            BirthDay = birthDate?.DayNumber ?? NoValue,
            BirthYear = birthDate?.Year ?? birthYear ?? NoValue,
            Alive = alive,
            Reference = reference,
        });
    }

    private int Resolve(Dictionary<string, int> index, string? parentId, Sex role, int child)
    {
        if (parentId is null)
        {
            return -1;
        }

        if (index.TryGetValue(parentId, out var parent))
        {
            return parent;
        }

        // A parent that is named but has no row of its own is a founder of unknown origin.
        var c = _entries[child];
        var roleName = role == Sex.Male ? "sire" : "dam";
        Warning(PedigreeIssueKind.ParentNotListed, c.Line, c.Id, $"The {roleName} '{parentId}' of '{c.Id}' is not listed; it is added as a founder.", parentId);
        parent = _entries.Count;
        index.Add(parentId, parent);
        Add(parentId, role, 0, null, null, null, null);
        return parent;
    }

    private int CheckRange(int parent, int child, string role, int count)
    {
        if (parent >= -1 && parent < count)
        {
            return parent;
        }

        var c = _entries[child];
        Error(PedigreeIssueKind.ParentOutOfRange, c.Line, c.Id, $"The {role} index {parent} of '{c.Id}' is outside the pedigree.");
        return -1;
    }

    private void Error(PedigreeIssueKind kind, int line, string id, string message, params string[] related) =>
        _issues.Add(new PedigreeIssue(kind, PedigreeIssueSeverity.Error, line, id, message, related));

    private void Warning(PedigreeIssueKind kind, int line, string id, string message, params string[] related) =>
        _issues.Add(new PedigreeIssue(kind, PedigreeIssueSeverity.Warning, line, id, message, related));
}
