using Menagerie.App.Studbooks;
using Menagerie.Genetics.Population;
using Spectre.Console;

namespace Menagerie.Cli.Commands;

/// <summary>
/// The steps every studbook command shares — read and validate the file, choose the reference
/// population, compute F and MK — each with a spinner when it outlasts a second and a person is
/// watching a terminal (never in redirected output or with --format json).
/// </summary>
internal sealed class StudbookProgress(CliContext cli, OutputFormat format)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    private bool Visible => format == OutputFormat.Table && cli.IsInteractive;

    /// <summary>Runs work on the thread pool; shows a spinner only once it has taken longer than a second.</summary>
    public async Task<T> RunAsync<T>(string step, Func<Task<T>> work, CancellationToken ct)
    {
        var task = Task.Run(work, ct);
        if (!Visible || await Task.WhenAny(task, Task.Delay(Patience, ct)) == task)
            return await task;
        return await cli.Console.Status().Spinner(Spinner.Known.Dots).StartAsync(step, _ => task);
    }

    /// <summary>
    /// Runs counted work (<paramref name="total"/> steps, reported as done through the progress it is given);
    /// shows a progress bar only once it has taken longer than a second.
    /// </summary>
    public async Task<T> RunCountedAsync<T>(string step, int total, Func<IProgress<int>, T> work, CancellationToken ct)
    {
        var done = new Done();
        var task = Task.Run(() => work(done), ct);
        if (!Visible || await Task.WhenAny(task, Task.Delay(Patience, ct)) == task)
            return await task;
        await cli.Console.Progress().StartAsync(async context =>
        {
            var bar = context.AddTask(step, maxValue: total);
            while (!task.IsCompleted)
            {
                bar.Value = done.Count;
                await Task.WhenAny(task, Task.Delay(TimeSpan.FromMilliseconds(100), ct));
            }
            bar.Value = total;
        });
        return await task;
    }

    /// <summary>The most steps reported done so far; reports arrive from several threads, out of order.</summary>
    private sealed class Done : IProgress<int>
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Report(int value)
        {
            var seen = Count;
            while (value > seen && Interlocked.CompareExchange(ref _count, value, seen) != seen)
                seen = Count;
        }
    }

    /// <summary>Reads and validates; reports problems to standard error. Null (with the exit code) when nothing may be analysed.</summary>
    public async Task<(StudbookLoad.Loaded? Loaded, int Exit)> LoadAsync(string path, CancellationToken ct, bool keepRows = false)
    {
        var load = await RunAsync($"Reading and validating {path}…", () => StudbookLoader.LoadAsync(path, ct, keepRows), ct);
        switch (load)
        {
            case StudbookLoad.Unreadable unreadable:
                await cli.Error.WriteLineAsync(unreadable.Message);
                return (null, ExitCodes.Usage);
            case StudbookLoad.Rejected rejected:
                await StudbookOutput.WriteProblemsAsync(cli.Error, rejected.Problems, ct);
                await cli.Error.WriteLineAsync($"{StudbookOutput.Count(rejected.Problems)}; nothing was analysed.");
                return (null, ExitCodes.Findings);
            case StudbookLoad.Loaded loaded:
                await StudbookOutput.WriteProblemsAsync(cli.Error, loaded.Problems, ct);
                return (loaded, ExitCodes.Ok);
            default:
                throw new InvalidOperationException($"Unhandled load result {load.GetType().Name}.");
        }
    }

    /// <summary>Loads the file and computes F and MK over the chosen reference population.</summary>
    public async Task<(StudbookAnalysis? Analysis, int Exit)> AnalyseAsync(string path, ReferenceRule rule, CancellationToken ct)
    {
        var (loaded, exit) = await LoadAsync(path, ct);
        return loaded is null ? (null, exit) : await AnalyseAsync(loaded, path, rule, ct);
    }

    /// <summary>Computes F and MK of a loaded file over the chosen reference population.</summary>
    public async Task<(StudbookAnalysis? Analysis, int Exit)> AnalyseAsync(StudbookLoad.Loaded loaded, string path, ReferenceRule rule, CancellationToken ct)
    {
        var reference = StudbookAnalysis.SelectReference(loaded.Pedigree, rule);
        if (reference.Count == 0)
        {
            await cli.Error.WriteLineAsync(
                $"The reference population ({StudbookOutput.RuleName(reference.Rule)}) of {path} is empty; choose another with --reference (ref, alive or leaves).");
            return (null, ExitCodes.Findings);
        }
        var analysis = await RunAsync("Computing inbreeding and mean kinship…", () => Task.FromResult(StudbookAnalysis.Compute(loaded.Pedigree, reference)), ct);
        return (analysis, ExitCodes.Ok);
    }
}
