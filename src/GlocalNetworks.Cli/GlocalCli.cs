using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Cli;

/// <summary>
/// The <c>glocal</c> command line. Exit codes: 0 success; 1 a usage error (unknown option, missing argument); 2 a data
/// error (a <see cref="GlocalDataException"/>: the message names file, line, column and value); 3 any other failure (an
/// unknown metric or level, a metric that cannot run on this network); 130 cancelled (Ctrl+C). Errors print one line on
/// the error stream, prefixed <c>error:</c>, and the stack trace only with <c>--verbose</c>.
/// </summary>
public static class GlocalCli
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results and tables go (the standard output).</param>
    /// <param name="error">Where progress, warnings and errors go (the standard error).</param>
    /// <param name="registry">The metrics available; <see langword="null"/> for the built-in ones.</param>
    /// <param name="cancellationToken">Stops long work cleanly (the tool cancels it on Ctrl+C).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error, IMetricRegistry? registry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("glocal: glocal innovation network analysis. Metrics at every scale, from local buzz to global pipelines.\n"
            + "Exit codes: 0 success; 1 usage error; 2 data error (file, line, column and value named; compare with fewer than two networks); 3 other error (unknown metric or level, "
            + "missing file, a metric that cannot run on this network); 130 cancelled.");
        var verbose = new Option<bool>("--verbose") { Description = "Print the stack trace of an error.", Recursive = true };
        root.Options.Add(verbose);
        var metrics = registry ?? MetricRegistry.CreateDefault();
        root.Subcommands.Add(new MetricsCommand(metrics).Create(output, error, cancellationToken));
        root.Subcommands.Add(new EvolveCommand(metrics).Create(output, error, cancellationToken));
        root.Subcommands.Add(new CompareCommand(metrics).Create(output, error, cancellationToken));
        root.Subcommands.Add(new ReportCommand().Create(output, error, cancellationToken));
        root.Subcommands.Add(new ConvertCommand().Create(output, error));
        var parsed = root.Parse(args);
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException e)
        {
            return Fail(error, "cancelled; no output was left half written by the metrics (files already listed are complete).", e, parsed.GetValue(verbose), 130);
        }
        catch (GlocalDataException e)
        {
            return Fail(error, e.Message, e, parsed.GetValue(verbose), 2);
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidOperationException
            or System.Collections.Generic.KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            return Fail(error, e.Message, e, parsed.GetValue(verbose), 3);
        }
    }

    private static int Fail(TextWriter error, string message, Exception e, bool verbose, int code)
    {
        error.WriteLine("error: " + message);
        if (verbose)
        {
            error.WriteLine(e.ToString());
        }

        return code;
    }
}
