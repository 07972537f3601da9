using System.CommandLine;
using System.Globalization;
using Menagerie.App;
using Menagerie.App.Studbooks;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

/// <summary>
/// <c>menagerie studbook import FILE --name …</c>: keeps a studbook file in the records, as the API's upload
/// does, with the user named by <c>--as</c> as its keeper.
/// </summary>
internal static class StudbookImportCommand
{
    public static Command Create(CliContext cli)
    {
        var file = StudbookCommands.FileArgument();
        var name = new Option<string>("--name") { Description = "The studbook's name, e.g. the taxon and region it manages.", Required = true };
        var taxon = new Option<string?>("--taxon") { Description = "The taxon it manages, by scientific name." };
        var scheme = new Option<string?>("--scheme") { Description = $"The identifier scheme whose values are its individual ids (default {Studbook.DefaultScheme}): individual X is the specimen carrying SCHEME:X." };
        var asOf = new Option<string?>("--as-of") { Description = "The date its data were extracted (yyyy-MM-dd), unless the file has an as_of column: the day its alive column describes." };
        var format = GlobalOptions.Format();
        var command = new Command("import", "Keeps a studbook file in the records, linked to the specimens that carry its ids; --as names its keeper, a user with the studbook-keeper role.")
        {
            file, name, taxon, scheme, asOf, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetRequiredValue(file);
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(path, ct);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await cli.Error.WriteLineAsync($"Cannot read {path}: {e.Message}");
                return ExitCodes.Usage;
            }
            return await TransferCommands.WithAsync<StudbookRecords>(cli, parse, async records =>
            {
                var outcome = await records.UploadAsync(new StudbookUpload(parse.GetValue(name), parse.GetValue(taxon), parse.GetValue(scheme), path, content, parse.GetValue(asOf)), ct);
                if (outcome is Outcome<StudbookUploaded>.Invalid invalid)
                {
                    // Each problem already says where it is, as file:line: id: message.
                    foreach (var problem in invalid.Violations)
                        await cli.Error.WriteLineAsync(problem.Message);
                    await cli.Error.WriteLineAsync("Nothing was stored.");
                    return ExitCodes.Findings;
                }
                return await outcome.ReportAsync(cli, parse.GetValue(format), uploaded => Render(cli, uploaded), ct);
            }, ct);
        });
        return command;
    }

    private static void Render(CliContext cli, StudbookUploaded uploaded)
    {
        foreach (var warning in uploaded.Warnings)
            cli.Error.WriteLine(warning);
        var s = uploaded.Studbook;
        cli.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Studbook {s.Name} stored as {s.Id}: {s.Rows:N0} rows, {s.Individuals:N0} individuals, {s.Linked.Count:N0} linked to specimens by their {s.Scheme} identifiers."));
    }
}
