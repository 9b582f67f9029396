using System;
using System.Collections.Generic;
using System.IO;
using GlocalNetworks.Metrics;
using Spectre.Console;

namespace GlocalNetworks.Cli;

/// <summary>How a command shows the progress of long work on the error stream.</summary>
internal enum ProgressKind
{
    /// <summary>Plain lines (<see cref="LineProgress"/>): the error stream is redirected, a test writer, or not an interactive terminal.</summary>
    Lines,

    /// <summary>Spectre.Console progress bars, one task per metric, cleared at the end: an interactive ANSI terminal.</summary>
    Bars,
}

/// <summary>Chooses between progress bars and lines and runs work under the chosen display.</summary>
internal static class ProgressDisplay
{
    /// <summary>Bars only when the error writer is the process's standard error, it is not redirected, and Spectre detects
    /// an interactive terminal that understands ANSI; lines otherwise (pipes, files, CI logs, tests).</summary>
    public static ProgressKind Choose(bool isStandardError, bool errorRedirected, bool interactive, bool ansi) =>
        isStandardError && !errorRedirected && interactive && ansi ? ProgressKind.Bars : ProgressKind.Lines;

    /// <summary>Runs <paramref name="work"/> with a progress receiver: bars on an interactive terminal, else lines on
    /// <paramref name="error"/>.</summary>
    public static T Run<T>(TextWriter error, Func<IProgress<MetricProgress>, T> work)
    {
        var isStandardError = ReferenceEquals(error, Console.Error);
        var console = isStandardError ? Consoles.ForError(error) : null;
        var kind = Choose(isStandardError, Console.IsErrorRedirected, console?.Profile.Capabilities.Interactive ?? false,
            console?.Profile.Capabilities.Ansi ?? false);
        if (kind == ProgressKind.Lines || console is null)
        {
            return work(new LineProgress(error));
        }

        var result = default(T)!;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx => result = work(new SpectreProgress(ctx)));
        return result;
    }
}

/// <summary>Maps <see cref="MetricProgress"/> reports to Spectre progress tasks: one task per metric id, its value
/// <c>Done</c> of <c>Total</c> (indeterminate when the total is unknown), its description the id and stage. Reports come
/// from worker threads, so the map is locked.</summary>
internal sealed class SpectreProgress(ProgressContext context) : IProgress<MetricProgress>
{
    private readonly Dictionary<string, ProgressTask> _tasks = new(StringComparer.Ordinal);

    /// <summary>The tasks by metric id (a copy).</summary>
    public IReadOnlyDictionary<string, ProgressTask> Tasks
    {
        get
        {
            lock (_tasks)
            {
                return new Dictionary<string, ProgressTask>(_tasks, StringComparer.Ordinal);
            }
        }
    }

    public void Report(MetricProgress value)
    {
        lock (_tasks)
        {
            if (!_tasks.TryGetValue(value.MetricId, out var task))
            {
                task = context.AddTask(Markup.Escape(value.MetricId), autoStart: true, maxValue: Math.Max(1, value.Total));
                _tasks.Add(value.MetricId, task);
            }

            task.Description = Markup.Escape(value.Stage is { Length: > 0 } stage ? $"{value.MetricId} ({stage})" : value.MetricId);
            if (value.Total > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = value.Total;
                task.Value = Math.Min(value.Done, value.Total);
            }
            else
            {
                task.IsIndeterminate = true;
            }
        }
    }
}

/// <summary>Progress as plain lines on the error stream, at most one per metric stage change or 10% step.</summary>
internal sealed class LineProgress(TextWriter error) : IProgress<MetricProgress>
{
    private readonly object _gate = new();
    private string _last = string.Empty;

    public void Report(MetricProgress value)
    {
        var pct = value.Total > 0 ? (int)(10 * value.Done / value.Total) * 10 : -1;
        var line = pct >= 0 ? $"  {value.MetricId} {value.Stage} {pct}%" : $"  {value.MetricId} {value.Stage} {value.Done}";
        lock (_gate)
        {
            if (line != _last)
            {
                _last = line;
                error.WriteLine(line.Replace("  ", " ", StringComparison.Ordinal).TrimEnd());
            }
        }
    }
}
