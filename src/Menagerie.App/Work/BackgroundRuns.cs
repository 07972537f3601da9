using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Menagerie.App.Work;

public enum RunState
{
    /// <summary>Another run is using the processor; this one starts when it ends.</summary>
    Waiting,
    Running,
    Done,
    Failed,
}

/// <summary>
/// One piece of long work (a gene drop of thousands of iterations, a checklist import) started by a request and run in the
/// background, so that no request waits for it: the request answers at once with the run, and the person
/// follows its progress until it is done. <see cref="Done"/> counts steps of <see cref="Total"/>.
/// </summary>
public sealed class BackgroundRun
{
    private int _done;

    internal BackgroundRun(Guid id, string owner, Guid subject, int total, object details, DateTime startedAt)
    {
        Id = id;
        Details = details;
        Owner = owner;
        Subject = subject;
        Total = total;
        StartedAt = startedAt;
    }

    public Guid Id { get; }

    /// <summary>The user who started it: only they may follow it.</summary>
    public string Owner { get; }

    /// <summary>The record it works on, e.g. the studbook; <see cref="Guid.Empty"/> when it makes a new one.</summary>
    public Guid Subject { get; }

    /// <summary>What was asked for, as the use case that started it keeps it.</summary>
    public object Details { get; }

    public int Total { get; }
    public int Done => Volatile.Read(ref _done);
    public DateTime StartedAt { get; }
    public RunState State { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    /// <summary>What the work gave, once <see cref="State"/> is <see cref="RunState.Done"/>.</summary>
    public object? Result { get; private set; }

    internal void Report(int done) => Volatile.Write(ref _done, Math.Min(done, Total));

    internal void Start() => State = RunState.Running;

    internal void Finish(object result, DateTime at)
    {
        Result = result;
        Volatile.Write(ref _done, Total);
        FinishedAt = at;
        State = RunState.Done;
    }

    internal void Fail(DateTime at)
    {
        FinishedAt = at;
        State = RunState.Failed;
    }
}

/// <summary>
/// The background runs of this process, one at a time (the machine's cores go to the run, each parallel
/// inside), kept for an hour after they end. A run lives in the process that runs it: when the web app runs
/// as several processes, a person follows a run on the process they started it on.
/// </summary>
public sealed class BackgroundRuns(TimeProvider clock, ILogger<BackgroundRuns> log) : IDisposable
{
    private static readonly TimeSpan Kept = TimeSpan.FromHours(1);
    private const int MostKept = 200;

    private readonly ConcurrentDictionary<Guid, BackgroundRun> _runs = new();
    private readonly SemaphoreSlim _one = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Starts <paramref name="work"/> on the thread pool and returns at once; the work reports steps done.</summary>
    public BackgroundRun Start(string owner, Guid subject, int total, object details, Func<IProgress<int>, CancellationToken, Task<object>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Prune();
        var run = new BackgroundRun(Guid.CreateVersion7(), owner, subject, total, details, clock.GetUtcNow().UtcDateTime);
        _runs[run.Id] = run;
        _ = Task.Run(() => RunAsync(run, work));
        return run;
    }

    /// <summary>A run of this owner; another's is not found, as it would not be to them.</summary>
    public BackgroundRun? Find(Guid id, string owner) =>
        _runs.TryGetValue(id, out var run) && string.Equals(run.Owner, owner, StringComparison.Ordinal) ? run : null;

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _one.Dispose();
    }

    private async Task RunAsync(BackgroundRun run, Func<IProgress<int>, CancellationToken, Task<object>> work)
    {
        var ct = _stopping.Token;
        try
        {
            await _one.WaitAsync(ct);
            try
            {
                run.Start();
                var result = await work(new Steps(run), ct);
                run.Finish(result, clock.GetUtcNow().UtcDateTime);
            }
            finally
            {
                _one.Release();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            run.Fail(clock.GetUtcNow().UtcDateTime);
        }
        catch (Exception e)
        {
            log.LogError(e, "Background run {Run} on {Subject} failed", run.Id, run.Subject);
            run.Fail(clock.GetUtcNow().UtcDateTime);
        }
    }

    private void Prune()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var finished = _runs.Values.Where(r => r.FinishedAt is not null).OrderBy(r => r.FinishedAt).ToList();
        var excess = _runs.Count - MostKept;
        foreach (var run in finished)
        {
            if (now - run.FinishedAt > Kept || excess-- > 0)
                _runs.TryRemove(run.Id, out _);
        }
    }

    private sealed class Steps(BackgroundRun run) : IProgress<int>
    {
        public void Report(int value) => run.Report(value);
    }
}
