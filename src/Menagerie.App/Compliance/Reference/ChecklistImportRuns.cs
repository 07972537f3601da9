using System.Globalization;
using Menagerie.App.Accounts;
using Menagerie.App.Files;
using Menagerie.App.Persistence;
using Menagerie.App.Work;
using Menagerie.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace Menagerie.App.Compliance.Reference;

/// <summary>
/// A checklist import started from the browser, running or done: whether its file is read yet, then the edition
/// it made or every problem of its file.
/// </summary>
public sealed record ChecklistImportRun(
    Guid Id, RunState State, string File, DateOnly AsOf, string? Source, DateTime StartedAt, bool Read, DateTime? FinishedAt,
    ChecklistEditionView? Edition, IReadOnlyList<InputProblem> Problems);

/// <summary>
/// The administrator imports a CSV export of the CITES Checklist as <c>menagerie reference import-checklist</c> does,
/// from a browser: tens of thousands of names and listings are read and replaced in the background, so that no
/// request waits for them, with the same use case, the same checks and the same one ledger entry.
/// </summary>
public sealed class ChecklistImportRuns(Access access, MenagerieDbContext db, BackgroundRuns runs, IServiceScopeFactory scopes)
{
    /// <summary>A CSV export of the whole checklist is some 10 MB.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    private sealed record Asked(string File, DateOnly AsOf, string? Source);

    public Outcome<ChecklistImportRun> Start(string? fileName, byte[]? content, string? asOf, string? source)
    {
        if (!access.IsAdministrator)
            return new Outcome<ChecklistImportRun>.Forbidden("The checklist is replaced by an administrator.");
        var problems = new List<RuleViolation>();
        if (content is not { Length: > 0 })
            problems.Add(new("checklist.file", "file", "Choose the CSV export of the CITES Checklist to import."));
        else if (content.Length > MaxFileBytes)
            problems.Add(new("checklist.file", "file", $"A checklist export is at most {MaxFileBytes / 1024 / 1024} MB."));
        DateOnly day = default;
        if (string.IsNullOrWhiteSpace(asOf))
            problems.Add(new("checklist.asOf", "asOf", "A checklist export needs the date its listings were current: the day it was downloaded."));
        else if (!DateOnly.TryParseExact(asOf.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            problems.Add(new("checklist.asOf", "asOf", $"'{asOf}' is not a date written YYYY-MM-DD."));
        else if (day > DateOnly.FromDateTime(db.UtcNow))
            problems.Add(new("checklist.asOf", "asOf", $"The listings cannot be current as of {day:yyyy-MM-dd}, which is still to come."));
        var label = string.IsNullOrWhiteSpace(source) ? null : source.Trim();
        if (label is { Length: > ChecklistImport.MaxSourceLength })
            problems.Add(new("checklist.source", "source", $"The source is {label.Length} characters long; at most {ChecklistImport.MaxSourceLength} are kept."));
        if (problems.Count > 0)
            return problems;

        var file = Path.GetFileName(fileName?.Trim() is { Length: > 0 } named ? named : "checklist.csv");
        var asked = new Asked(file, day, label);
        var memberships = access.Memberships;
        var actor = db.ActorName;
        var run = runs.Start(actor, Guid.Empty, 2, asked, async (progress, stop) =>
        {
            // The export is read from a file of its own name, which its problems then name, in a folder of its own.
            var folder = Directory.CreateTempSubdirectory("menagerie-checklist-");
            try
            {
                var path = Path.Combine(folder.FullName, file);
                await File.WriteAllBytesAsync(path, content!, stop);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Actor>().Name = actor;
                scope.ServiceProvider.GetRequiredService<Access>().ActAs(memberships);
                return await scope.ServiceProvider.GetRequiredService<ChecklistImport>().ImportAsync(path, day, label ?? file, stop, progress);
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        });
        return new Outcome<ChecklistImportRun>.Created(View(run));
    }

    /// <summary>An import this administrator started.</summary>
    public Outcome<ChecklistImportRun> Find(Guid run) =>
        access.IsAdministrator && runs.Find(run, db.ActorName) is { Details: Asked } found
            ? new Outcome<ChecklistImportRun>.Ok(View(found))
            : new Outcome<ChecklistImportRun>.NotFound($"No checklist import {run}.");

    private static ChecklistImportRun View(BackgroundRun run)
    {
        var asked = (Asked)run.Details;
        return new ChecklistImportRun(
            run.Id, run.State, asked.File, asked.AsOf, asked.Source, run.StartedAt, run.Done >= 1, run.FinishedAt,
            (run.Result as ChecklistImportResult.Imported)?.Edition,
            (run.Result as ChecklistImportResult.Rejected)?.Problems ?? []);
    }
}
