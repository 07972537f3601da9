using Menagerie.App;

namespace Menagerie.Cli;

/// <summary>The one place where a use case's outcome becomes an exit code and a message.</summary>
public static class OutcomeExit
{
    public static async Task<int> ReportAsync<T>(this Outcome<T> outcome, CliContext cli, OutputFormat format, Action<T> table, CancellationToken ct)
    {
        switch (outcome)
        {
            case Outcome<T>.Ok { Value: var value }:
                await RenderAsync(value);
                return ExitCodes.Ok;
            case Outcome<T>.Created { Value: var value }:
                await RenderAsync(value);
                return ExitCodes.Ok;
            case Outcome<T>.NotFound notFound:
                await cli.Error.WriteLineAsync(notFound.Message);
                return ExitCodes.Usage;
            case Outcome<T>.Invalid invalid:
                foreach (var v in invalid.Violations)
                    await cli.Error.WriteLineAsync($"{v.Field}: {v.Message}");
                return ExitCodes.Findings;
            case Outcome<T>.Forbidden forbidden:
                await cli.Error.WriteLineAsync(forbidden.Message);
                return ExitCodes.Findings;
            case Outcome<T>.Stale stale:
                await cli.Error.WriteLineAsync($"The record changed meanwhile (now version {stale.CurrentVersion}); nothing was changed.");
                return ExitCodes.Findings;
            case Outcome<T>.Conflict conflict:
                await cli.Error.WriteLineAsync(conflict.Message);
                return ExitCodes.Findings;
            case Outcome<T>.KeyReused reused:
                await cli.Error.WriteLineAsync(reused.Message);
                return ExitCodes.Findings;
            default:
                throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}.");
        }

        async Task RenderAsync(T value)
        {
            if (format == OutputFormat.Json)
                await cli.WriteJsonAsync(value, ct);
            else
                table(value);
        }
    }
}
