using System.Globalization;
using Menagerie.Domain;
using Menagerie.Domain.Compliance;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Shared;

/// <summary>
/// The records' and the rules' sentences in the page's language: the English template is the resource name, and
/// the values put into it are written in the reader's culture, a record's word (a sex, a kind of document) in
/// the reader's words.
/// </summary>
public static class Sentences
{
    public static string Say(this IStringLocalizer t, Wording wording)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(wording);
        var found = t[wording.Template];
        var template = found.ResourceNotFound ? wording.Template : found.Value;
        if (wording.Arguments.Count == 0 && !template.Contains('{', StringComparison.Ordinal) && !template.Contains('}', StringComparison.Ordinal))
            return template;
        return string.Format(CultureInfo.CurrentCulture, template, [.. wording.Arguments.Select(a => Value(t, a))]);
    }

    private static object? Value(IStringLocalizer t, object? value) => value switch
    {
        Wording w => t.Say(w),
        DocumentName d => Labels.Of(t, d.Type),
        Term term => Value(t, term.Value),
        Enum e when Labels.Enumerations.Contains(e.GetType()) => Labels.Of(t, e),
        _ => value,
    };
}
