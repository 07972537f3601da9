namespace Menagerie.Genetics.Pedigrees;

/// <summary>
/// Rows with parents resolved to positions, before validation and reordering. Both input forms
/// (string ids, parent indices) come here so that one set of checks applies to both.
/// </summary>
internal sealed partial class PedigreeDraft
{
    private const int NoValue = int.MinValue;

    private readonly List<Entry> _entries;
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
        public bool Alive;
        public bool Reference;
    }

    private PedigreeDraft(int capacity) => _entries = new List<Entry>(capacity);

    public static PedigreeDraft FromInput(PedigreeInput input)
    {
        var rows = input.KeptRows;
        var draft = new PedigreeDraft(rows.Length);

        // The entry of each id number, -1 until the id is listed or added as a founder.
        var entryOf = new int[input.IdCount];
        Array.Fill(entryOf, -1);
        for (var p = 0; p < rows.Length; p++)
        {
            var row = rows[p];
            var line = row.Line > 0 ? row.Line : p + 1;
            if (row.Id == PedigreeInput.KeptRow.None)
            {
                draft.Error(PedigreeIssueKind.MissingId, line, string.Empty, $"Line {line} has no id.");
                continue;
            }

            var id = input.IdOf(row.Id);
            if (entryOf[row.Id] >= 0)
            {
                var firstLine = draft._entries[entryOf[row.Id]].Line;
                draft.Error(PedigreeIssueKind.DuplicateId, line, id, $"Id '{id}' is listed again (first at line {firstLine}).", id);
                continue;
            }

            var code = input.SexCodeOf(row.SexCode);
            if (!SexCodes.TryParse(code, out var sex))
            {
                draft.Error(PedigreeIssueKind.UnknownSexCode, line, id, $"Sex code '{code}' of '{id}' is not one of M/F/U, male/female/unknown, 1/2/3/4.");
            }

            var entry = draft._entries.Count;
            entryOf[row.Id] = entry;
            draft.Add(id, sex, line, row.BirthDate, row.BirthYear, row.Alive, row.Reference);

            // A parent may be listed further down: until every listed id has its entry, parents stay id numbers.
            draft.SetParents(entry, row.Sire, row.Dam);
        }

        var listed = draft._entries.Count;
        for (var i = 0; i < listed; i++)
        {
            var e = draft._entries[i];
            draft.SetParents(i, draft.Resolve(input, entryOf, e.Sire, Sex.Male, i), draft.Resolve(input, entryOf, e.Dam, Sex.Female, i));
        }

        return draft;
    }

    public static PedigreeDraft FromIndices(IReadOnlyList<string> ids, ReadOnlySpan<int> sires, ReadOnlySpan<int> dams, ReadOnlySpan<Sex> sexes)
    {
        var draft = new PedigreeDraft(ids.Count);
        var seen = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i] ?? string.Empty;
            if (!seen.TryAdd(id, i + 1))
            {
                draft.Error(PedigreeIssueKind.DuplicateId, i + 1, id, $"Id '{id}' is listed again (first at line {seen[id]}).", id);
            }

            draft.Add(id, sexes[i], i + 1, null, null, null, null);
            draft.SetParents(i, draft.CheckRange(sires[i], i, "sire", ids.Count), draft.CheckRange(dams[i], i, "dam", ids.Count));
        }

        return draft;
    }

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
            Alive = alive == true,
            Reference = reference == true,
        });
    }

    private void SetParents(int entry, int sire, int dam)
    {
        var e = _entries[entry];
        e.Sire = sire;
        e.Dam = dam;
        _entries[entry] = e;
    }

    private int Resolve(PedigreeInput input, int[] entryOf, int parentNumber, Sex role, int child)
    {
        if (parentNumber == PedigreeInput.KeptRow.None)
        {
            return -1;
        }

        if (entryOf[parentNumber] >= 0)
        {
            return entryOf[parentNumber];
        }

        // A parent that is named but has no row of its own is a founder of unknown origin.
        var c = _entries[child];
        var parentId = input.IdOf(parentNumber);
        var roleName = role == Sex.Male ? "sire" : "dam";
        Warning(PedigreeIssueKind.ParentNotListed, c.Line, c.Id, $"The {roleName} '{parentId}' of '{c.Id}' is not listed; it is added as a founder.", parentId);
        entryOf[parentNumber] = _entries.Count;
        Add(parentId, role, 0, null, null, null, null);
        return entryOf[parentNumber];
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
