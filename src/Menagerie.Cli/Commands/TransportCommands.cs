using System.CommandLine;
using System.Globalization;
using Menagerie.App;
using Menagerie.App.Transport;
using Menagerie.App.Transport.Documents;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

/// <summary>
/// <c>menagerie transport plan|journey|check|log|containers</c>: the crates and loading plan of a transfer, the journey
/// its coordinator records, the welfare log attendants keep on the way, and the licensed container table in the records.
/// </summary>
internal static class TransportCommands
{
    public static Command Create(CliContext cli)
    {
        var transport = new Command("transport", "Crates, loading plan, journey and welfare log of a transfer.");
        transport.Add(Plan(cli));
        transport.Add(Documents(cli));
        transport.Add(Journey(cli));
        transport.Add(Check(cli));
        transport.Add(Log(cli));
        transport.Add(ContainerTable(cli));
        return transport;
    }

    private static Option<FileInfo?> Containers() => new("--containers")
    {
        Description = "A licensed LAR container table (CSV, the shipped table's columns) to use instead of the configured one.",
    };

    private static Command Plan(CliContext cli)
    {
        var id = TransferCommands.TransferArgument();
        var containers = Containers();
        var format = GlobalOptions.Format();
        var svg = new Option<FileInfo?>("--svg")
        {
            Description = "Also draws the loading plan to scale into this SVG file: the hold from above, each crate linked to its animals' records "
                + "(under Menagerie__PublicUrl when set, otherwise /specimens/), and every constraint it fails marked.",
        };
        var png = new Option<FileInfo?>("--png")
        {
            Description = "Also draws the loading plan into this PNG file: the same drawing as --svg, at twice a screen's resolution, without links.",
        };
        var command = new Command("plan", "Crates for every animal, the loading plan for the hold and the journey, with what the transport rules found. Exit 0 complete, 1 blocked, 3 complete with warnings.")
        {
            id, containers, format, svg, png,
        };
        command.SetAction((parse, ct) => TransferCommands.WithScopeAsync(cli, parse, async services =>
        {
            if (!await ContainersReadableAsync(cli, parse.GetValue(containers), ct))
                return ExitCodes.Usage;
            var outcome = await services.GetRequiredService<TransportPlans>().PlanAsync(parse.GetRequiredValue(id), parse.GetValue(containers)?.FullName, ct);
            var exit = await outcome.ReportAsync(cli, parse.GetValue(format), view => Write(cli.Console, view), ct);
            if (outcome is not Outcome<TransportPlanView>.Ok { Value: var plan })
                return exit;
            // A file on disk has no site to be relative to: its links go to the installation's public address when one is configured.
            var publicUrl = services.GetRequiredService<TransportSettings>().PublicUrl;
            var pages = publicUrl is null ? "/specimens/" : publicUrl.AbsoluteUri.TrimEnd('/') + "/specimens/";
            foreach (var (file, draw) in new (FileInfo?, Func<byte[]?>)[]
            {
                (parse.GetValue(svg), () => LoadingPlanDrawing.Draw(plan, pages) is { } drawing ? System.Text.Encoding.UTF8.GetBytes(drawing) : null),
                (parse.GetValue(png), () => LoadingPlanDrawing.DrawPng(plan, pages)),
            })
            {
                if (file is not null && !await DrawAsync(cli, plan, file, draw, parse.GetValue(format), ct))
                    return ExitCodes.Usage;
            }
            return ComplianceOutput.ExitCode(plan.Verdict);
        }, ct));
        return command;
    }

    /// <summary>
    /// A container table given with --containers is input like any other file: when it cannot be read, or a row is
    /// wrong, each problem is named as file:line: column: problem and there is no plan (exit 2), as for
    /// 'transport containers FILE'.
    /// </summary>
    private static async Task<bool> ContainersReadableAsync(CliContext cli, FileInfo? file, CancellationToken ct)
    {
        if (file is null)
            return true;
        if (!file.Exists)
        {
            await cli.Error.WriteLineAsync($"{file.FullName} does not exist.");
            return false;
        }
        var (_, problems) = await ContainerRequirementsFile.LoadAsync(file.FullName, ct);
        foreach (var problem in problems)
            await cli.Error.WriteLineAsync(problem.ToString());
        return problems.Count == 0;
    }

    /// <summary>
    /// Writes the drawing and says where, on standard error when standard output carries JSON. False only when the file
    /// cannot be written; a plan without a hold has nothing to draw, which is said, not an error.
    /// </summary>
    private static async Task<bool> DrawAsync(CliContext cli, TransportPlanView plan, FileInfo file, Func<byte[]?> draw, OutputFormat format, CancellationToken ct)
    {
        var say = format == OutputFormat.Json ? cli.Error : cli.Output;
        if (draw() is not { } drawing)
        {
            await cli.Error.WriteLineAsync($"No loading plan to draw: the journey of transfer {plan.Transfer} records no hold; {file.FullName} was not written.");
            return true;
        }
        try
        {
            await File.WriteAllBytesAsync(file.FullName, drawing, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await cli.Error.WriteLineAsync($"Cannot write the loading plan to {file.FullName}: {e.Message}");
            return false;
        }
        await say.WriteLineAsync($"Loading plan drawn to {file.FullName}");
        return true;
    }

    private static Command Documents(CliContext cli)
    {
        var id = TransferCommands.TransferArgument();
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write the PDFs into (created if needed).", Required = true };
        var containers = Containers();
        var command = new Command("documents", "Writes the crate labels, shipment manifest, Shipper's Certification for Live Animals and air waybill handling data as PDF. "
            + "Labels link each animal to its record at Menagerie__PublicUrl (default http://localhost:5080).")
        {
            id, output, containers,
        };
        command.SetAction((parse, ct) => TransferCommands.WithScopeAsync(cli, parse, async services =>
        {
            if (!await ContainersReadableAsync(cli, parse.GetValue(containers), ct))
                return ExitCodes.Usage;
            var outcome = await services.GetRequiredService<TransportPlans>().PapersAsync(parse.GetRequiredValue(id), parse.GetValue(containers)?.FullName, ct);
            if (outcome is not Outcome<TransportPapers>.Ok { Value: var papers })
                return await outcome.ReportAsync(cli, OutputFormat.Table, _ => { }, ct);
            var baseUrl = services.GetRequiredService<TransportSettings>().PublicUrl ?? new Uri("http://localhost:5080");
            foreach (var path in await TransportDocuments.WriteAsync(papers, baseUrl, parse.GetRequiredValue(output).FullName, ct))
                await cli.Output.WriteLineAsync(path);
            if (papers.Plan.Verdict == Domain.Compliance.Verdict.Blocked)
                await cli.Error.WriteLineAsync("The transport plan is blocked: the documents are marked DRAFT. Run 'menagerie transport plan' to see why.");
            return ComplianceOutput.ExitCode(Words.Kebab(papers.Plan.Verdict));
        }, ct));
        return command;
    }

    private static Command Journey(CliContext cli)
    {
        var id = TransferCommands.TransferArgument();
        var file = new Argument<FileInfo>("file") { Description = "The journey as JSON: legs, hold, attendant, checkEveryHours, larEdition, temperatures (see README)." };
        var format = GlobalOptions.Format();
        var command = new Command("journey", "Records the transfer's journey from a JSON file, replacing the one before. Every problem is reported with its line, and nothing changes: exit 1, or 2 when the file cannot be read as JSON.")
        {
            id, file, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"{path.FullName} does not exist.");
                return ExitCodes.Usage;
            }
            var (journey, unreadable) = JourneyFile.Read(await File.ReadAllBytesAsync(path.FullName, ct), path.Name);
            if (journey is null)
            {
                foreach (var problem in unreadable)
                    await cli.Error.WriteLineAsync(problem.ToString());
                return ExitCodes.Usage;
            }
            return await TransferCommands.WithAsync<TransportPlans>(cli, parse, async plans =>
            {
                var outcome = await plans.RecordJourneyAsync(parse.GetRequiredValue(id), journey.Input, ct);
                if (outcome is Outcome<JourneyInput>.Invalid invalid)
                {
                    foreach (var p in journey.Locate(invalid.Violations))
                        await cli.Error.WriteLineAsync(p.ToString());
                    return ExitCodes.Findings;
                }
                return await outcome.ReportAsync(cli, parse.GetValue(format), _ => cli.Console.MarkupLine(Markup.Escape($"Journey recorded for transfer {parse.GetRequiredValue(id)}.")), ct);
            }, ct);
        });
        return command;
    }

    private static Command Check(CliContext cli)
    {
        var id = TransferCommands.TransferArgument();
        var at = new Option<DateTime>("--at") { Description = "When the check was made (UTC, e.g. 2024-11-20T05:00:00Z).", Required = true };
        var crates = new Option<string[]>("--crate") { Description = "A crate checked, as the plan numbers it (C01). Repeat; leave out for every crate.", AllowMultipleArgumentsPerToken = false };
        var temperature = new Option<decimal?>("--temperature") { Description = "Temperature at the crates, °C." };
        var condition = new Option<string>("--condition") { Description = "The animals' condition as seen.", Required = true };
        var fed = new Option<bool?>("--fed") { Description = "Food was given (true or false)." };
        var watered = new Option<bool?>("--watered") { Description = "Water was given (true or false)." };
        var sedation = new Option<string?>("--sedation") { Description = "Sedation given: drug, dose and by whom." };
        var attendant = new Option<string>("--attendant") { Description = "Who made the check.", Required = true };
        var format = GlobalOptions.Format();
        var command = new Command("check", "Records a welfare check on the journey as an event on every animal in the crates checked.")
        {
            id, at, crates, temperature, condition, fed, watered, sedation, attendant, format,
        };
        command.SetAction((parse, ct) => TransferCommands.WithAsync<TransportPlans>(cli, parse, async plans =>
        {
            var input = new WelfareCheckInput(parse.GetValue(at), parse.GetValue(crates), parse.GetValue(temperature), parse.GetValue(condition),
                parse.GetValue(fed), parse.GetValue(watered), parse.GetValue(sedation), parse.GetValue(attendant));
            var outcome = await plans.RecordWelfareCheckAsync(parse.GetRequiredValue(id), input, ct);
            return await outcome.WithFields(f => f switch { "crates" => "--crate", _ => "--" + f }).ReportAsync(cli, parse.GetValue(format), checks => WriteLog(cli.Console, "Recorded", checks), ct);
        }, ct));
        return command;
    }

    private static Command Log(CliContext cli)
    {
        var id = TransferCommands.TransferArgument();
        var format = GlobalOptions.Format();
        var command = new Command("log", "The journey's welfare log: every check on the transfer's animals, in time order.") { id, format };
        command.SetAction((parse, ct) => TransferCommands.WithAsync<TransportPlans>(cli, parse, async plans =>
            await (await plans.WelfareLogAsync(parse.GetRequiredValue(id), ct)).ReportAsync(cli, parse.GetValue(format), checks => WriteLog(cli.Console, "Welfare log", checks), ct), ct));
        return command;
    }

    private static Command ContainerTable(CliContext cli)
    {
        var file = new Argument<FileInfo?>("file") { Description = "A licensed LAR container table (CSV, the shipped table's columns) to store for every plan from now on; leave out to see the table in use.", Arity = ArgumentArity.ZeroOrOne };
        var source = new Option<string?>("--source") { Description = "What plans call the table (default: the file name)." };
        var format = GlobalOptions.Format();
        var command = new Command("containers", "The container table the transport plans use: the shipped one, or a licensed table stored in the records for the web app, the API and this command alike. "
            + "Given a file, stores it; a file with any problem is refused whole, each problem with its line and column (exit 2).")
        {
            file, source, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file);
            if (path is { Exists: false })
            {
                await cli.Error.WriteLineAsync($"{path.FullName} does not exist.");
                return ExitCodes.Usage;
            }
            var opened = await cli.OpenAsync(parse, ct);
            if (opened is not { } o)
                return ExitCodes.Usage;
            await using var scope = o.Scope;
            var tables = scope.ServiceProvider.GetRequiredService<ContainerTables>();
            var table = await tables.InUseAsync(ct);
            if (path is not null)
            {
                switch (await tables.UploadAsync(await File.ReadAllTextAsync(path.FullName, ct), path.Name, parse.GetValue(source), ct))
                {
                    case ContainerTableUploadResult.Uploaded { Table: var uploaded }:
                        table = uploaded;
                        break;
                    case ContainerTableUploadResult.Rejected { Problems: var problems }:
                        return await cli.RefusedAsync(problems, "", "stored");
                    case ContainerTableUploadResult.Forbidden { Message: var message }:
                        await cli.Error.WriteLineAsync(message);
                        return ExitCodes.Findings;
                }
            }
            if (parse.GetValue(format) == OutputFormat.Json)
                await cli.WriteJsonAsync(table, ct);
            else
                await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Container table in use ({table.Origin}): {table.Edition}; {table.Rows.Count} rows, {table.Rows.Count(r => r.Licensed)} licensed, {table.Rows.Count(r => r.Reference is null)} to be confirmed from the current LAR edition."));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void WriteLog(IAnsiConsole console, string title, IReadOnlyList<WelfareCheckView> checks)
    {
        var table = new Table().Title(title).AddColumns("At (UTC)", "Specimen", "°C", "Condition", "Fed", "Watered", "Sedation", "Attendant");
        foreach (var c in checks)
        {
            table.AddRow(c.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(c.Specimen), c.TemperatureC?.ToString(CultureInfo.InvariantCulture) ?? "",
                Markup.Escape(c.Condition ?? ""), YesNo(c.Fed), YesNo(c.Watered), Markup.Escape(c.Sedation ?? ""), Markup.Escape(c.Attendant ?? ""));
        }
        console.Write(table);
    }

    private static string YesNo(bool? value) => value switch { true => "yes", false => "no", null => "" };

    private static void Write(IAnsiConsole console, TransportPlanView plan)
    {
        console.MarkupLine(Markup.Escape($"Transport plan of transfer {plan.Transfer}: {plan.Verdict.ToUpperInvariant()}"));
        console.MarkupLine(Markup.Escape($"LAR edition: {plan.LarEdition ?? "not recorded"}; container requirements from {plan.ContainerTable}."));
        var crates = new Table().Title("Crates").AddColumns("Crate", "Animals", "Requirement", "Inner L×W×H cm", "Gross kg", "Notes");
        foreach (var c in plan.Crates)
        {
            var animals = string.Join("; ", c.Animals.Select(a => $"{a.Count} × {a.Taxon} ({a.Specimen}{(a.Name is null ? "" : " " + a.Name)})"));
            var notes = string.Join(", ", new[]
            {
                c.Padlocks ? "padlocked" : null, c.AttendantAccess ? "attendant access" : null, c.Predator ? "predator" : null,
                string.Create(CultureInfo.InvariantCulture, $"{c.Temperature.Min}–{c.Temperature.Max} °C"),
            }.OfType<string>());
            crates.AddRow(c.Crate, Markup.Escape(animals), Markup.Escape(c.ContainerRequirement ?? "to be confirmed"),
                $"{c.InnerCm.Length} × {c.InnerCm.Width} × {c.InnerCm.Height}", c.GrossKg.ToString("0.#", CultureInfo.InvariantCulture), Markup.Escape(notes));
        }
        console.Write(crates);
        foreach (var m in plan.MissingMeasurements)
            console.MarkupLine(Markup.Escape($"Line {m.Line}: {m.Animal}: measure {string.Join(", ", m.Measurements)}."));
        if (plan.Loading is { } l)
        {
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Hold {l.Hold}: {l.LengthCm} × {l.WidthCm} × {l.HeightCm} cm, {l.LoadKg:0.#} of {l.MaxLoadKg:0.#} kg, {l.LengthUsedCm} cm of length used")
                + (l.ScreensAtCm.Count > 0 ? $", sight screen at {string.Join(", ", l.ScreensAtCm)} cm from the door" : "") + "."));
            var placements = new Table().Title("Loading plan (from the door)").AddColumns("Row", "Crate", "From door cm", "From aisle cm", "Across × along cm", "Heated");
            foreach (var p in l.Placements)
            {
                placements.AddRow(p.Row.ToString(CultureInfo.InvariantCulture), p.Crate, p.FromDoorCm.ToString(CultureInfo.InvariantCulture),
                    p.FromAisleCm.ToString(CultureInfo.InvariantCulture), $"{p.AcrossCm} × {p.AlongCm}", p.Heated ? "yes" : "");
            }
            console.Write(placements);
        }
        if (plan.Journey.Legs.Count > 0)
        {
            var legs = new Table().Title(string.Create(CultureInfo.InvariantCulture, $"Journey: {plan.Journey.ExpectedHours:0.#} h, checks every {plan.Journey.CheckEveryHours} h ({plan.Journey.ChecksExpected} expected)"))
                .AddColumns("From", "To", "Departs (UTC)", "Arrives (UTC)", "Mode", "Carrier");
            foreach (var leg in plan.Journey.Legs)
            {
                legs.AddRow(Markup.Escape(leg.From), Markup.Escape(leg.To), leg.Departs.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    leg.Arrives.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), leg.Mode, Markup.Escape(leg.Carrier ?? ""));
            }
            console.Write(legs);
        }
        var findings = new Table().Title("Findings").AddColumns("Rule", "Severity", "Crates", "What and why", "Source");
        foreach (var f in plan.Findings.OrderBy(f => f.Severity switch { "block" => 0, "warn" => 1, _ => 2 }))
            findings.AddRow(f.Rule, f.Severity, string.Join(", ", f.Crates), Markup.Escape(f.Message.ToString()), Markup.Escape(f.Source));
        console.Write(findings);
    }
}
