using System.Globalization;
using Menagerie.App;
using Menagerie.App.Transfers;
using Menagerie.App.Transport;
using Menagerie.Domain;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Menagerie.Web.Transfers;

/// <summary>
/// The welfare log of a transfer on its journey, with the checks that came later than the journey's interval
/// marked; for an attendant of either party while the animals travel, the form for a check, made for a phone.
/// </summary>
public sealed class WelfareModel(TransferQueries queries, TransportPlans plans, Viewer viewer, TimeProvider time) : PageModel
{
    [BindProperty]
    public WelfareForm Form { get; set; } = new();

    /// <summary>After a check is recorded, the page says so (<c>?done=recorded</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public TransferView Transfer { get; private set; } = null!;

    public WelfareLogView Log { get; private set; } = null!;

    public FormProblems Problems { get; private set; } = FormProblems.None;

    /// <summary>The clock the form's time is read on and the log's times are shown in: the viewer's institution's.</summary>
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        var me = await viewer.GetAsync(ct);
        (Form.Date, Form.Time) = Format.Fields(Now, Zone);
        // On a journey the same attendant checks again and again: their name as they last gave it.
        Form.Attendant = Log.Checks.LastOrDefault(c => c.RecordedBy == me.UserName)?.Attendant;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused)
            return refused;
        if (!Log.IsAttendant)
            return StatusCode(StatusCodes.Status403Forbidden);
        var (input, unread) = Form.ToInput(Zone);
        if (unread.Count > 0)
        {
            // What the form could not read is named, and with it every other problem of the check, all at once.
            var fields = unread.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
            Problems = new FormProblems([.. unread, .. TransportPlans.WelfareCheckProblems(input).Where(p => !fields.Contains(p.Field))]);
            return Page();
        }
        var outcome = await plans.RecordWelfareCheckAsync(id, input, ct);
        if (outcome is Outcome<IReadOnlyList<WelfareCheckView>>.Created)
            return Redirect($"/transfers/{id}/welfare?done=recorded#log");
        if (this.Refusal(outcome) is { } refusal)
            return refusal;
        Problems = FormProblems.Of(outcome)!;
        return Page();
    }

    /// <summary>How long past its time a check came, in days, hours and minutes (a part minute counts as one).</summary>
    public static string Late(IStringLocalizer t, TimeSpan late)
    {
        ArgumentNullException.ThrowIfNull(t);
        var minutes = (long)Math.Ceiling(late.TotalMinutes);
        var (days, hours, rest) = (minutes / (24 * 60), minutes / 60 % 24, minutes % 60);
        return days > 0 ? t["{0} d {1} h", days, hours] : hours > 0 ? t["{0} h {1} min", hours, rest] : t["{0} min", Math.Max(rest, 1)];
    }

    /// <summary>A crate as the form and the log name it: its number and the animals in it.</summary>
    public static string Describe(WelfareCrateView crate)
    {
        ArgumentNullException.ThrowIfNull(crate);
        return string.Join("; ", crate.Animals.Select(a =>
            (a.Name is null ? a.Specimen : $"{a.Specimen} {a.Name}") + $", {a.Taxon}" + (a.Count > 1 ? $" × {a.Count.ToString(CultureInfo.CurrentCulture)}" : "")));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var page = await queries.PageAsync(id, ct);
        if (this.Refusal(page) is { } refused)
            return refused;
        var log = await plans.WelfareAsync(id, ct);
        if (this.Refusal(log) is { } gone)
            return gone;
        Transfer = ((Outcome<TransferPage>.Ok)page).Value.Transfer;
        Log = ((Outcome<WelfareLogView>.Ok)log).Value;
        Zone = (await viewer.GetAsync(ct)).TimeZone;
        return null;
    }
}

/// <summary>A welfare check as the form holds it: text as typed, so that a form sent back with problems shows exactly what was entered.</summary>
public sealed class WelfareForm
{
    /// <summary><c>all</c>: every animal of the transfer; <c>crates</c>: the crates ticked.</summary>
    public string Scope { get; set; } = "all";

    public IList<string> Crates { get; set; } = [];

    /// <summary>The date and time on the viewer's clock.</summary>
    public string? Date { get; set; }

    public string? Time { get; set; }

    public string? TemperatureC { get; set; }
    public string? Condition { get; set; }
    public bool Fed { get; set; }
    public bool Watered { get; set; }
    public string? Sedation { get; set; }
    public string? Attendant { get; set; }

    /// <summary>The check for the use case, and what the form could not read (a time, a number, crates chosen but none ticked).</summary>
    public (WelfareCheckInput Input, List<RuleViolation> Unread) ToInput(TimeZoneInfo zone)
    {
        var unread = new List<RuleViolation>();
        if (!string.IsNullOrWhiteSpace(Time) && !FormTime.IsTime(Time, out _))
            unread.Add(new("event.instant", "at", $"'{Time}' is not a time of day (hh:mm)."));
        decimal? temperature = null;
        if (!string.IsNullOrWhiteSpace(TemperatureC))
        {
            if (decimal.TryParse(TemperatureC.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                temperature = value;
            else
                unread.Add(new("event.number", "temperatureC", $"'{TemperatureC}' is not a temperature in °C."));
        }
        var crates = Scope == "crates" ? Crates.Where(c => !string.IsNullOrWhiteSpace(c)).ToList() : [];
        if (Scope == "crates" && crates.Count == 0)
            unread.Add(new("welfare.crate", "crates", "Tick the crates you checked, or choose all animals."));
        var input = new WelfareCheckInput(FormTime.InZone(Date, Time, zone), crates, temperature, OptionalText.From(Condition), Fed, Watered,
            OptionalText.From(Sedation), OptionalText.From(Attendant));
        return (input, unread);
    }
}
