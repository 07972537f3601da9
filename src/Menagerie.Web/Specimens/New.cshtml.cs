using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Specimens;
using Menagerie.App.Taxa;
using Menagerie.Domain;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Specimens;

/// <summary>A new individual or group, entered with the first event of its records: its birth (or hatch) or its acquisition.</summary>
public sealed class NewModel(SpecimenCommands commands, TaxonCommands taxa, Viewer viewer, TimeProvider time) : PageModel
{
    public const int IdentifierRows = 3;

    [BindProperty]
    public NewSpecimenForm Form { get; set; } = new();

    public IReadOnlyList<TaxonView> Taxa { get; private set; } = [];

    /// <summary>The institutions where the viewer may enter animals: where they are a registrar.</summary>
    public IReadOnlyList<ViewerPlace> Places { get; private set; } = [];

    public FormProblems Problems { get; private set; } = FormProblems.None;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
            return refused;
        Form.Institution = Places[0].Code;
        Form.Date = Format.Field(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
            return refused;
        var (input, problems) = Form.ToInput();
        var outcome = input is null ? new Outcome<SpecimenView>.Invalid(problems) : await commands.CreateAsync(input, ct);
        if (outcome is Outcome<SpecimenView>.Created { Value: var created })
            return Redirect($"/specimens/{created.Id}?saved=1");
        if (this.Refusal(outcome) is { } forbidden)
            return forbidden;
        Problems = FormProblems.Of(outcome)!;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Places = (await viewer.GetAsync(ct)).Places.Where(p => p.Roles.Contains(Role.Registrar)).ToList();
        if (Places.Count == 0)
            return StatusCode(StatusCodes.Status403Forbidden);
        Taxa = await taxa.ListAsync(ct);
        return null;
    }
}

/// <summary>A new specimen as the form holds it, text as typed.</summary>
public sealed class NewSpecimenForm
{
    public string Kind { get; set; } = "individual";
    public string? Taxon { get; set; }
    public string? Sex { get; set; } = "unknown";
    public string? Counts { get; set; }
    public string? Name { get; set; }
    public string First { get; set; } = "birth";
    public string? Institution { get; set; }
    public string? Date { get; set; }
    public bool Estimated { get; set; }
    public string? Time { get; set; }
    public string? Sire { get; set; }
    public string? Dam { get; set; }
    public string? From { get; set; }
    public string? FromName { get; set; }
    public string? Owner { get; set; }
    public IList<string?> Schemes { get; set; } = ["local", "transponder", "band"];
    public IList<string?> Values { get; set; } = [null, null, null];

    public (SpecimenInput? Input, List<RuleViolation> Problems) ToInput()
    {
        var problems = new List<RuleViolation>();
        var at = string.IsNullOrWhiteSpace(Time) ? null : FormTime.Utc(Date, Time);
        if (!string.IsNullOrWhiteSpace(Time) && at is null)
            problems.Add(new("event.instant", "first.at", $"'{Time}' is not a time of day (hh:mm) on a valid date."));
        if (problems.Count > 0)
            return (null, problems);
        var group = Kind == "group";
        var birth = First != "acquisition";
        var identifiers = Enumerable.Range(0, Math.Min(Schemes.Count, Values.Count))
            .Where(i => !string.IsNullOrWhiteSpace(Values[i]))
            .Select(i => new IdentifierInput(Schemes[i], Values[i])).ToList();
        return (new SpecimenInput
        {
            Kind = Kind,
            Taxon = Taxon,
            Sex = group ? null : Sex,
            Name = OptionalText.From(Name),
            First = new EventInput
            {
                Type = birth ? "birth" : "acquisition",
                Date = Date,
                Estimated = Estimated,
                At = at,
                Institution = Institution,
                Counts = group ? OptionalText.From(Counts) : null,
                Sire = birth && !group ? OptionalText.From(Sire) : null,
                Dam = birth && !group ? OptionalText.From(Dam) : null,
                From = birth ? null : OptionalText.From(From),
                FromName = birth ? null : OptionalText.From(FromName),
                Owner = OptionalText.From(Owner),
            },
            Identifiers = identifiers,
        }, problems);
    }
}
