namespace Menagerie.Genetics.Pedigrees;

internal sealed partial class PedigreeDraft
{
    public PedigreeResult Validate()
    {
        CheckParents();
        var order = OrderParentsFirst();
        var issues = _issues.OrderBy(i => i.Line).ToList();
        var failed = issues.Exists(i => i.Severity == PedigreeIssueSeverity.Error);
        return new PedigreeResult(failed ? null : Reorder(order), issues);
    }

    private void CheckParents()
    {
        var n = _entries.Count;
        var firstAsSire = new int[n];
        var firstAsDam = new int[n];
        Array.Fill(firstAsSire, -1);
        Array.Fill(firstAsDam, -1);
        for (var i = 0; i < n; i++)
        {
            var e = _entries[i];
            if (e.Sire == i || e.Dam == i)
            {
                Error(PedigreeIssueKind.SelfParent, e.Line, e.Id, $"'{e.Id}' is recorded as its own parent.", e.Id);

                // Drop the self edge so the cycle search does not report it a second time.
                e.Sire = e.Sire == i ? -1 : e.Sire;
                e.Dam = e.Dam == i ? -1 : e.Dam;
                _entries[i] = e;
            }

            if (e.Sire >= 0)
            {
                CheckParent(e, e.Sire, Sex.Female, "sire", PedigreeIssueKind.SireIsFemale);
                if (firstAsSire[e.Sire] < 0)
                {
                    firstAsSire[e.Sire] = i;
                }
            }

            if (e.Dam >= 0)
            {
                CheckParent(e, e.Dam, Sex.Male, "dam", PedigreeIssueKind.DamIsMale);
                if (firstAsDam[e.Dam] < 0)
                {
                    firstAsDam[e.Dam] = i;
                }
            }
        }

        for (var j = 0; j < n; j++)
        {
            if (firstAsSire[j] >= 0 && firstAsDam[j] >= 0)
            {
                var e = _entries[j];
                var asSire = _entries[firstAsSire[j]];
                var asDam = _entries[firstAsDam[j]];
                var line = e.Line > 0 ? e.Line : Math.Min(asSire.Line, asDam.Line);
                Error(PedigreeIssueKind.SireAndDam, line, e.Id, $"'{e.Id}' is recorded as sire of '{asSire.Id}' (line {asSire.Line}) and as dam of '{asDam.Id}' (line {asDam.Line}).", asSire.Id, asDam.Id);
            }
        }
    }

    private void CheckParent(Entry child, int parentIndex, Sex wrongSex, string role, PedigreeIssueKind kind)
    {
        var parent = _entries[parentIndex];
        if (parent.Sex == wrongSex)
        {
            var sexName = wrongSex == Sex.Female ? "female" : "male";
            Error(kind, child.Line, child.Id, $"The {role} '{parent.Id}' of '{child.Id}' is recorded {sexName}.", parent.Id);
        }

        var afterByDay = parent.BirthDay != NoValue && child.BirthDay != NoValue && parent.BirthDay > child.BirthDay;
        var afterByYear = (parent.BirthDay == NoValue || child.BirthDay == NoValue)
            && parent.BirthYear != NoValue && child.BirthYear != NoValue && parent.BirthYear > child.BirthYear;
        if (afterByDay || afterByYear)
        {
            Warning(PedigreeIssueKind.ParentBornAfterOffspring, child.Line, child.Id, $"The {role} '{parent.Id}' is born after its offspring '{child.Id}'.", parent.Id);
        }
    }

    /// <summary>
    /// Depth-first search along parent edges, emitting each individual after its parents
    /// (post-order), so a pedigree already listed parents-first keeps its order. A parent met
    /// while still on the stack closes a cycle, reported once with its members in order.
    /// </summary>
    private int[] OrderParentsFirst()
    {
        var n = _entries.Count;
        var state = new byte[n]; // 0 unvisited, 1 on the stack, 2 done
        var stack = new int[n];
        var nextSlot = new byte[n];
        var position = new int[n];
        var order = new int[n];
        var emitted = 0;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var root = 0; root < n; root++)
        {
            if (state[root] != 0)
            {
                continue;
            }

            var top = 0;
            stack[0] = root;
            nextSlot[0] = 0;
            position[root] = 0;
            state[root] = 1;
            while (top >= 0)
            {
                var u = stack[top];
                if (nextSlot[top] < 2)
                {
                    var p = nextSlot[top]++ == 0 ? _entries[u].Sire : _entries[u].Dam;
                    if (p < 0 || state[p] == 2)
                    {
                        continue;
                    }

                    if (state[p] == 1)
                    {
                        ReportCycle(stack.AsSpan(position[p], top - position[p] + 1), reported);
                        continue;
                    }

                    stack[++top] = p;
                    nextSlot[top] = 0;
                    position[p] = top;
                    state[p] = 1;
                    continue;
                }

                state[u] = 2;
                order[emitted++] = u;
                top--;
            }
        }

        return order;
    }

    private void ReportCycle(ReadOnlySpan<int> members, HashSet<string> reported)
    {
        // members[k + 1] is a parent of members[k], and the first is a parent of the last.
        var ids = new string[members.Length];
        for (var k = 0; k < members.Length; k++)
        {
            ids[k] = _entries[members[k]].Id;
        }

        var key = string.Join('\u0001', ids.Order(StringComparer.Ordinal));
        if (!reported.Add(key))
        {
            return;
        }

        var first = _entries[members[0]];
        var path = string.Join(" → ", ids) + " → " + ids[0];
        Error(PedigreeIssueKind.Cycle, first.Line, first.Id, $"Individuals are their own ancestors (each is a parent of the one before): {path}.", ids);
    }

    private Pedigree Reorder(int[] order)
    {
        var n = order.Length;
        var newIndex = new int[n];
        for (var k = 0; k < n; k++)
        {
            newIndex[order[k]] = k;
        }

        var ids = new string[n];
        var sires = new int[n];
        var dams = new int[n];
        var sexes = new Sex[n];
        var lines = new int[n];
        var alive = new bool[n];
        var reference = new bool[n];
        for (var k = 0; k < n; k++)
        {
            var e = _entries[order[k]];
            ids[k] = e.Id;
            sires[k] = e.Sire < 0 ? -1 : newIndex[e.Sire];
            dams[k] = e.Dam < 0 ? -1 : newIndex[e.Dam];
            sexes[k] = e.Sex;
            lines[k] = e.Line;
            alive[k] = e.Alive;
            reference[k] = e.Reference;
        }

        return new Pedigree(ids, sires, dams, sexes, lines, alive, reference, _hasAlive, _hasReference);
    }
}
