using Menagerie.Domain;

namespace Menagerie.App;

/// <summary>
/// The lists a request or a file carries. JSON lets any item be null (<c>"lines": [null]</c>), so the inputs declare
/// their items nullable and each use case reads them through <see cref="Present"/>: a null item is a problem at its
/// place, reported with the others, and the items present keep their index for the problems found in them later.
/// </summary>
public static class InputList
{
    /// <summary>The items that are there, each with its index; each null item is a problem named <c>field[i]</c>.</summary>
    public static IReadOnlyList<(T Item, int Index)> Present<T>(IReadOnlyList<T?>? items, string field, ICollection<RuleViolation> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(problems);
        var present = new List<(T, int)>(items?.Count ?? 0);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (items![i] is { } item)
                present.Add((item, i));
            else
                problems.Add(new("input.null-item", $"{field}[{i}]", "This item of the list is empty (null): give it, or leave it out."));
        }
        return present;
    }
}
