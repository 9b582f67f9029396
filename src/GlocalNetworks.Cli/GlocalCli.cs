using System;
using System.CommandLine;
using System.IO;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Cli;

/// <summary>
/// The <c>glocal</c> command line. Exit codes: 0 success; 1 a usage error (unknown option, missing argument); 2 a data
/// error (a <see cref="GlocalDataException"/>: the message names file, line, column and value); 3 any other failure (an
/// unknown metric or level, a metric that cannot run on this network). Errors print one line on the error stream,
/// prefixed <c>error:</c>.
/// </summary>
public static class GlocalCli
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results and tables go (the standard output).</param>
    /// <param name="error">Where progress, warnings and errors go (the standard error).</param>
    /// <param name="registry">The metrics available; <see langword="null"/> for the built-in ones.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, IMetricRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("glocal: glocal innovation network analysis. Metrics at every scale, from local buzz to global pipelines.");
        var metrics = registry ?? MetricRegistry.CreateDefault();
        root.Subcommands.Add(new MetricsCommand(metrics).Create(output, error));
        root.Subcommands.Add(new EvolveCommand(metrics).Create(output, error));
        root.Subcommands.Add(new ReportCommand().Create(output, error));
        root.Subcommands.Add(new ConvertCommand().Create(output, error));
        var parsed = root.Parse(args);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (GlocalDataException e)
        {
            error.WriteLine("error: " + e.Message);
            return 2;
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidOperationException or OperationCanceledException
            or System.Collections.Generic.KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + e.Message);
            return 3;
        }
    }
}
