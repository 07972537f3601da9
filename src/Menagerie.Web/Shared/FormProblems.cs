using Menagerie.App;
using Menagerie.Domain;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Shared;

/// <summary>
/// Every problem a use case found with a form, all at once: listed at the top of the form, and each beside its
/// field where the form has one. Fields are named as the API names them (<c>first.date</c>, <c>lines[2]</c>).
/// </summary>
public sealed class FormProblems
{
    public static readonly FormProblems None = new([]);

    public FormProblems(IReadOnlyList<RuleViolation> violations) => All = violations;

    public IReadOnlyList<RuleViolation> All { get; }

    /// <summary>A problem the use case did not tie to a field, such as a conflict with another writer.</summary>
    public Wording? General { get; init; }

    public bool Any => All.Count > 0 || General is not null;

    public IEnumerable<RuleViolation> For(string field) => All.Where(v => string.Equals(v.Field, field, StringComparison.OrdinalIgnoreCase));

    public bool Has(string field) => For(field).Any();

    /// <summary>The id of the element that describes a field's problems, for aria-describedby; null when it has none.</summary>
    public string? DescribedBy(string field) => Has(field) ? Id(field) : null;

    /// <summary>The problems of one field, to stand beside it; nothing when it has none.</summary>
    public IHtmlContent Beside(IStringLocalizer t, string field)
    {
        var html = new HtmlContentBuilder();
        if (!Has(field))
            return html;
        html.AppendHtml("<p class=\"field-problem\" id=\"").Append(Id(field)).AppendHtml("\">");
        foreach (var v in For(field))
            html.AppendHtml("<span>").Append(t.Say(v.Wording)).AppendHtml("</span>");
        return html.AppendHtml("</p>");
    }

    public static string Id(string field) => "problem-" + Slug(field);

    /// <summary>The id a form gives the input of a field, so that the list at the top links to it.</summary>
    public static string InputId(string field) => "field-" + Slug(field);

    private static string Slug(string field) => new(field.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>The problems of a failed outcome; null when the outcome is not a refusal the form shows.</summary>
    public static FormProblems? Of<T>(Outcome<T> outcome) => outcome switch
    {
        Outcome<T>.Invalid invalid => new(invalid.Violations),
        Outcome<T>.Conflict conflict => new([]) { General = conflict.Wording },
        Outcome<T>.KeyReused reused => new([]) { General = reused.Wording },
        _ => null,
    };
}
