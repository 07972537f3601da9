using System.CommandLine;
using Menagerie.App;
using Menagerie.App.Transfers;
using Menagerie.Domain.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Steps = Menagerie.App.Transfers.TransferCommands;

namespace Menagerie.Cli.Commands;

/// <summary>
/// <c>menagerie transfer list|show|propose|request|departure|accept|decline|clear|sign-off|dispatch|receive|cancel|resolve|requirements|override|document|export|import</c>:
/// every step of a transfer, taken as the installation's operator, who may act for either party, and the
/// signed packages that carry a transfer to another installation.
/// </summary>
public static class TransferCommands
{
    public static Command Create(CliContext cli) =>
        new("transfer", "Transfers of animals between institutions: propose, accept, clear, dispatch, receive.")
        {
            List(cli),
            Show(cli),
            Submit(cli, "propose", TransferParty.Sender),
            Submit(cli, "request", TransferParty.Receiver),
            Departure(cli),
            Step(cli, "accept", "The other party accepts a proposal or a request.", [], (c, id, _, ct) => c.AcceptAsync(id, null, ct)),
            WithReason(cli, "decline", "The other party declines a proposal or a request; the animals are free again.", "Why it is declined.",
                (c, id, reason, ct) => c.DeclineAsync(id, reason, null, ct)),
            WithReason(cli, "clear", "The sender states that the animals may leave, with the grounds.", "The grounds: permits, approvals, health certificates.",
                (c, id, reason, ct) => c.ClearAsync(id, reason, null, ct)),
            SignOff(cli),
            Dispatch(cli),
            TransferReceive.Create(cli),
            WithReason(cli, "cancel", "Either party cancels, until the animals are dispatched; the animals are free again.", "Why it is cancelled.",
                (c, id, reason, ct) => c.CancelAsync(id, reason, null, ct)),
            Resolve(cli),
            TransferComplianceCommands.Requirements(cli),
            TransferComplianceCommands.Override(cli),
            TransferComplianceCommands.Document(cli),
            TransferPackageCommands.Export(cli),
            TransferPackageCommands.Import(cli),
        };

    internal static Argument<Guid> TransferArgument() => new("transfer") { Description = "The transfer's id, as transfer list shows it." };

    /// <summary>Opens the records, runs one use case on them, and closes them again.</summary>
    internal static Task<int> WithAsync<TService>(CliContext cli, ParseResult parse, Func<TService, Task<int>> work, CancellationToken ct)
        where TService : notnull =>
        WithScopeAsync(cli, parse, services => work(services.GetRequiredService<TService>()), ct);

    internal static async Task<int> WithScopeAsync(CliContext cli, ParseResult parse, Func<IServiceProvider, Task<int>> work, CancellationToken ct)
    {
        var opened = await cli.OpenAsync(parse, ct);
        if (opened is not { } o)
            return ExitCodes.Usage;
        await using var scope = o.Scope;
        return await work(scope.ServiceProvider);
    }

    /// <summary>Names each violated rule after what the person typed (an option, a line, a file's row) rather than the request's field.</summary>
    internal static Outcome<T> WithFields<T>(this Outcome<T> outcome, Func<string, string> name) =>
        outcome is Outcome<T>.Invalid invalid ? new Outcome<T>.Invalid(invalid.Violations.Select(v => v with { Field = name(v.Field) }).ToList()) : outcome;

    private static Command List(CliContext cli)
    {
        var view = new Option<string>("--view")
        {
            Description = "all (default), incoming, outgoing, in-transit, or needs-action (waiting for someone's step).",
            DefaultValueFactory = _ => "all",
        };
        view.AcceptOnlyFromAmong("all", "incoming", "outgoing", "in-transit", "needs-action");
        var status = new Option<string?>("--status") { Description = "Only transfers in this status: " + string.Join(", ", Enum.GetValues<TransferStatus>().Select(Words.Kebab)) + "." };
        status.AcceptOnlyFromAmong([.. Enum.GetValues<TransferStatus>().Select(Words.Kebab)]);
        var open = new Option<bool>("--open") { Description = "Only open transfers: not declined or cancelled, and not received unless animals are still missing." };
        var format = GlobalOptions.Format();
        var command = new Command("list", "Transfers, newest first, with what each waits for.") { view, status, open, format };
        command.SetAction((parse, ct) => WithAsync<TransferQueries>(cli, parse, async queries =>
        {
            var filter = new TransferFilter(
                parse.GetValue(view) switch
                {
                    "incoming" => TransferListView.Incoming,
                    "outgoing" => TransferListView.Outgoing,
                    "in-transit" => TransferListView.InTransit,
                    "needs-action" => TransferListView.NeedsMyAction,
                    _ => TransferListView.All,
                },
                parse.GetValue(status) is { } s ? Enum.GetValues<TransferStatus>().Single(x => Words.Kebab(x) == s) : null,
                parse.GetValue(open));
            return await (await queries.ListAsync(filter, ct)).ReportAsync(cli, parse.GetValue(format), all => TransferOutput.List(cli.Console, all), ct);
        }, ct));
        return command;
    }

    private static Command Show(CliContext cli)
    {
        var id = TransferArgument();
        var format = GlobalOptions.Format();
        var command = new Command("show", "A transfer: its parties and terms, its lines, and its timeline.") { id, format };
        command.SetAction((parse, ct) => WithAsync<TransferQueries>(cli, parse, async queries =>
            await (await queries.GetAsync(parse.GetRequiredValue(id), ct)).ReportAsync(cli, parse.GetValue(format), t => TransferOutput.Show(cli.Console, t), ct), ct));
        return command;
    }

    /// <summary><c>propose</c> (the sender) or <c>request</c> (the receiver): a draft named by its id, or a new transfer drafted and sent at once.</summary>
    private static Command Submit(CliContext cli, string verb, TransferParty party)
    {
        var id = new Argument<Guid?>("transfer") { Description = "A draft to send. Leave it out to draft a new transfer from the options and send it at once.", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string?>("--from") { Description = "The sending institution's code (e.g. MOSCOW)." };
        var to = new Option<string?>("--to") { Description = "The receiving institution's code (e.g. PYONGYANG)." };
        var terms = new Option<string?>("--terms") { Description = "gift, loan, exchange, sale or loan-return." };
        terms.AcceptOnlyFromAmong("gift", "loan", "exchange", "sale", "loan-return");
        var returnDue = new Option<DateOnly?>("--return-due") { Description = "For a loan: the date (yyyy-MM-dd) the animals are due back." };
        var departure = new Option<DateOnly?>("--departure") { Description = "The day (yyyy-MM-dd) the animals are planned to leave; the requirements are evaluated on it." };
        var animals = TransferText.Repeated("--animal",
            "A specimen the sender holds, by global id or any identifier; REF=12.13.0 takes that many (male.female.unknown) from a group. Repeat for each.",
            text => TransferText.TryParseAnimal(text, out _), "expected REF, or REF=male.female.unknown for part of a group (e.g. MOS-G0001=12.13.0)");
        var format = GlobalOptions.Format();
        var description = party == TransferParty.Sender
            ? "Sends the sender's draft to the receiver, or drafts a new offer of animals and sends it at once."
            : "Sends the receiver's draft to the sender, or drafts a new request for animals and sends it at once.";
        var command = new Command(verb, description)
        {
            id, from, to, terms, returnDue, departure, animals, format,
        };
        Option[] drafting = [from, to, terms, returnDue, departure, animals];
        command.Validators.Add(result =>
        {
            if (result.GetValue(id) is not null)
            {
                if (drafting.Any(o => result.GetResult(o) is not null))
                    result.AddError($"Either name a draft to {verb}, or draft a new transfer with --from, --to, --terms and --animal; not both.");
                return;
            }
            foreach (var missing in new Option[] { from, to, terms, animals }.Where(o => result.GetResult(o) is null))
                result.AddError($"Option '{missing.Name}' is required to draft a new transfer (or name a draft to {verb}).");
        });
        command.SetAction((parse, ct) => WithAsync<Steps>(cli, parse, async steps =>
        {
            var typed = parse.GetValue(animals) ?? [];
            var outcome = parse.GetValue(id) is { } draft
                ? await (party == TransferParty.Sender ? steps.ProposeAsync(draft, null, ct) : steps.RequestAsync(draft, null, ct))
                : await steps.CreateAsync(new TransferInput
                {
                    Sender = parse.GetValue(from),
                    Receiver = parse.GetValue(to),
                    Terms = parse.GetValue(terms),
                    ReturnDue = parse.GetValue(returnDue),
                    PlannedDeparture = parse.GetValue(departure),
                    InitiatedBy = Words.Kebab(party),
                    Lines = [.. typed.Select(a => TransferText.TryParseAnimal(a, out var line) ? line : new TransferLineInput(a))],
                    Submit = true,
                }, ct);
            return await outcome.WithFields(field => OptionOf(field, typed)).ReportAsync(cli, parse.GetValue(format), t => TransferOutput.Done(cli.Output, t), ct);
        }, ct));
        return command;
    }

    private static string OptionOf(string field, string[] animals) => field switch
    {
        "sender" => "--from",
        "receiver" => "--to",
        "terms" => "--terms",
        "returnDue" => "--return-due",
        "plannedDeparture" => "--departure",
        "lines" => "--animal",
        _ when ReceiptLines.Field(field) is { Index: var i } && i < animals.Length => $"--animal {animals[i]}",
        _ => field,
    };

    /// <summary><c>departure ID yyyy-MM-dd</c> or <c>departure ID --clear</c>: either party changes the planned departure until dispatch.</summary>
    private static Command Departure(CliContext cli)
    {
        var day = new Argument<DateOnly?>("date") { Description = "The day (yyyy-MM-dd) the animals are planned to leave.", Arity = ArgumentArity.ZeroOrOne };
        var clear = new Option<bool>("--clear") { Description = "No departure is planned any more: the requirements are evaluated on today." };
        var command = Step(cli, "departure", "Sets the day the animals are planned to leave, until they are dispatched; the requirements are evaluated on it.", [clear],
            (steps, id, parse, ct) => steps.PlanDepartureAsync(id, new DepartureInput(parse.GetValue(day)), null, ct));
        command.Add(day);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(day) is null) != result.GetValue(clear))
                result.AddError("Give either the planned departure (yyyy-MM-dd) or --clear.");
        });
        return command;
    }

    private static Command Step(
        CliContext cli, string name, string description, Option[] options, Func<Steps, Guid, ParseResult, CancellationToken, Task<Outcome<TransferView>>> act)
    {
        var id = TransferArgument();
        var format = GlobalOptions.Format();
        var command = new Command(name, description) { id };
        foreach (var option in options)
            command.Add(option);
        command.Add(format);
        command.SetAction((parse, ct) => WithAsync<Steps>(cli, parse, async steps =>
            await (await act(steps, parse.GetRequiredValue(id), parse, ct)).WithFields(f => f is "reason" or "at" or "line" ? "--" + f : f == "plannedDeparture" ? "date" : f)
                .ReportAsync(cli, parse.GetValue(format), t => TransferOutput.Done(cli.Output, t), ct), ct));
        return command;
    }

    private static Command WithReason(CliContext cli, string name, string description, string reasonDescription, Func<Steps, Guid, string, CancellationToken, Task<Outcome<TransferView>>> act)
    {
        var reason = new Option<string>("--reason") { Description = reasonDescription, Required = true };
        return Step(cli, name, description, [reason], (steps, id, parse, ct) => act(steps, id, parse.GetRequiredValue(reason), ct));
    }

    /// <summary>The authority of the sender's or the receiver's country approves, objects with the reason, or withdraws its objection.</summary>
    private static Command SignOff(CliContext cli)
    {
        var approve = new Option<bool>("--approve") { Description = "Approve the transfer; its ministry approval is registered for it." };
        var objection = new Option<bool>("--object") { Description = "Object to the transfer, with --reason: its clearance and dispatch wait until the objection is withdrawn." };
        var withdraw = new Option<bool>("--withdraw") { Description = "Withdraw the objection made before." };
        var reason = new Option<string?>("--reason") { Description = "Why: required with --object, a note otherwise." };
        var id = TransferArgument();
        var format = GlobalOptions.Format();
        var command = new Command("sign-off", "The authority of the sender's or the receiver's country signs the transfer off: approves it, or objects to it with the reason.")
        {
            id, approve, objection, withdraw, reason, format,
        };
        command.Validators.Add(result =>
        {
            if (new[] { approve, objection, withdraw }.Count(o => result.GetValue(o)) != 1)
                result.AddError("Say one of --approve, --object or --withdraw.");
        });
        command.SetAction((parse, ct) => WithAsync<TransferSignOffs>(cli, parse, async signOffs =>
        {
            var decision = parse.GetValue(approve) ? "approve" : parse.GetValue(objection) ? "object" : "withdraw";
            var outcome = await signOffs.SignOffAsync(parse.GetRequiredValue(id), new SignOffInput(decision, parse.GetValue(reason)), null, ct);
            return await outcome.WithFields(f => f is "reason" ? "--reason" : f is "decision" ? "--" + decision : f)
                .ReportAsync(cli, parse.GetValue(format), t => TransferOutput.Done(cli.Output, t), ct);
        }, ct));
        return command;
    }

    private static Command Dispatch(CliContext cli)
    {
        var at = TransferText.At("When the animals left the sender (UTC unless an offset is given, e.g. 2024-11-20T06:30:00Z).", required: true);
        return Step(cli, "dispatch", "The animals leave the sender; the transfer holds them until they are received.", [at],
            (steps, id, parse, ct) => steps.DispatchAsync(id, new DispatchInput(parse.GetValue(at)), null, null, ct));
    }

    private static Command Resolve(CliContext cli)
    {
        var line = new Option<int>("--line") { Description = "The line whose missing animals are accounted for.", Required = true };
        var found = new Option<bool>("--found") { Description = "They were found: they arrive at the receiver." };
        var lost = new Option<bool>("--lost") { Description = "They are declared lost: they leave the records." };
        var reason = new Option<string>("--reason") { Description = "Where and how they were found, or why they are declared lost.", Required = true };
        var at = TransferText.At("When they were found or declared lost (UTC unless an offset is given; default: now).", required: false);
        var command = Step(cli, "resolve", "Closes a line's discrepancy: its missing animals were found, or are declared lost.", [line, found, lost, reason, at],
            (steps, id, parse, ct) => steps.ResolveAsync(id, parse.GetValue(line),
                new ResolutionInput(parse.GetValue(found) ? "found" : "lost", parse.GetValue(at), parse.GetRequiredValue(reason)), null, ct));
        command.Validators.Add(result =>
        {
            if (result.GetValue(found) == result.GetValue(lost))
                result.AddError("Say either --found or --lost.");
        });
        return command;
    }
}
