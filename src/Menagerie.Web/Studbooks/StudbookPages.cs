using Menagerie.App;
using Menagerie.App.Studbooks;
using Menagerie.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Menagerie.Web.Studbooks;

/// <summary>What a studbook page shows of its analysis: the results, the analysis still running, or why there is none.</summary>
public sealed record StudbookAnalysisState(StudbookResults? Results, StudbookAnalysisJob? Running, FormProblems Problems);

/// <summary>The heading, the tabs and the day and reference population of every page of one studbook.</summary>
public sealed record StudbookHeader(StudbookView Studbook, string Tab, string? Reference, string? On, FormProblems Problems)
{
    /// <summary>A link to a tab of this studbook that keeps the reference population and the day chosen.</summary>
    public string Link(string tab, string? more = null)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Reference))
            query.Add("reference=" + Uri.EscapeDataString(Reference));
        if (!string.IsNullOrEmpty(On))
            query.Add("on=" + Uri.EscapeDataString(On));
        if (!string.IsNullOrEmpty(more))
            query.Add(more);
        var path = $"/studbooks/{Studbook.Id}" + (tab.Length == 0 ? "" : "/" + tab);
        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }
}

public static class StudbookPages
{
    /// <summary>
    /// A tab of a studbook's page: the studbook and its analysis on the day asked for, or the page that says the
    /// reader may not see it.
    /// </summary>
    public static async Task<(StudbookHeader? Header, StudbookAnalysisState? Analysis, IActionResult? Refusal)> OpenAsync(
        PageModel page, StudbookRecords records, Guid id, string tab, string? reference, string? on, CancellationToken ct)
    {
        var studbook = await records.GetAsync(id, ct);
        if (studbook is not Outcome<StudbookView>.Ok { Value: var view })
            return (null, null, page.Refusal(studbook) ?? page.NotFound());
        var analysis = await AnalysedAsync(records, id, reference, on, ct);
        return (new StudbookHeader(view, tab, reference, on, analysis.Problems), analysis, null);
    }

    /// <summary>How long a page waits for an analysis before it shows its progress instead.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The analysis on the day asked for, waited for a moment: a large studbook's first analysis goes on in the
    /// background while the page says how far it has got, so that no request waits long for it.
    /// </summary>
    public static async Task<StudbookAnalysisState> AnalysedAsync(StudbookRecords records, Guid id, string? reference, string? on, CancellationToken ct)
    {
        var started = await records.AnalyseAsync(id, reference, on, ct);
        if (started is not Outcome<StudbookAnalysisJob>.Ok { Value: var job })
            return new(null, null, FormProblems.Of(started) ?? FormProblems.None);
        if (await Task.WhenAny(job.Result, Task.Delay(Patience, ct)) != job.Result)
            return new(null, job, FormProblems.None);
        var done = await job.Result;
        return done is Outcome<StudbookResults>.Ok { Value: var results }
            ? new(results, null, FormProblems.None)
            : new(null, null, FormProblems.Of(done) ?? FormProblems.None);
    }
}
