using System.Data.Common;
using System.Globalization;
using Menagerie.App;
using Menagerie.App.Accounts;
using Menagerie.App.Ledger;
using Menagerie.App.Persistence;

namespace Menagerie.Web.Ledger;

/// <summary>
/// Writes a signed checkpoint of the ledger's head (as <c>menagerie audit checkpoint</c> does) into the folder
/// <c>Menagerie:Ledger:CheckpointFolder</c> names, at start and then once a day: the folder should be one that whoever
/// could tamper with the database cannot reach — another disk, a share, what the backups take. Without the setting
/// nothing is written.
/// </summary>
internal sealed partial class CheckpointWriter(IServiceProvider services, string folder, TimeProvider time, ILogger<CheckpointWriter> logger)
    : BackgroundService
{
    public const string FolderSetting = "Menagerie:Ledger:CheckpointFolder";

    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await WriteAsync(stoppingToken);
            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    /// <summary>Writes one checkpoint and returns its file; a failure is logged, not thrown, so that the site stays up and tries again tomorrow.</summary>
    internal async Task<string?> WriteAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Actor>().Name = "menagerie (daily checkpoint)";
            scope.ServiceProvider.GetRequiredService<Access>().ActAsOperator();
            var outcome = await scope.ServiceProvider.GetRequiredService<LedgerCheckpoints>().WriteAsync(ct);
            if (outcome is not Outcome<LedgerCheckpoint>.Ok { Value: var checkpoint })
            {
                LogRefused(logger, outcome is Outcome<LedgerCheckpoint>.Invalid invalid
                    ? string.Join(" ", invalid.Violations.Select(v => v.Message))
                    : outcome.GetType().Name);
                return null;
            }
            Directory.CreateDirectory(folder);
            var at = checkpoint.WrittenAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            var file = Path.Combine(folder, $"ledger-checkpoint-{at}-{checkpoint.Sequence}.json");
            await File.WriteAllBytesAsync(file, checkpoint.ToFile(), ct);
            LogWritten(logger, checkpoint.Sequence, file);
            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException)
        {
            LogFailed(logger, folder, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger checkpoint of entry {Sequence} written to {File}")]
    private static partial void LogWritten(ILogger logger, long sequence, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "No ledger checkpoint written to {Folder}")]
    private static partial void LogFailed(ILogger logger, string folder, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "No ledger checkpoint written: {Outcome}")]
    private static partial void LogRefused(ILogger logger, string outcome);
}

public static class CheckpointWriterRegistration
{
    /// <summary>Runs the daily <see cref="CheckpointWriter"/> when <c>Menagerie:Ledger:CheckpointFolder</c> is set.</summary>
    public static IServiceCollection AddLedgerCheckpoints(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[CheckpointWriter.FolderSetting] is { Length: > 0 } folder)
        {
            services.AddHostedService(sp => new CheckpointWriter(
                sp, Path.GetFullPath(folder), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CheckpointWriter>>()));
        }
        return services;
    }
}
