using System.CommandLine;
using System.IO;
using System.Threading;
using GlocalNetworks.Metrics;
using GlocalNetworks.Plotting;

namespace GlocalNetworks.Cli;

/// <summary><c>glocal report</c>: the glocal report (HTML, Markdown, CSV tables, PNG charts) of the user's data, or of the
/// embedded default data set when no input is given.</summary>
internal sealed class ReportCommand
{
    private readonly NetworkInput _input = new();
    private readonly Option<DirectoryInfo> _out = new("--out", "-o")
    {
        Description = "Output folder (default: report).",
        DefaultValueFactory = _ => new DirectoryInfo("report"),
    };

    private readonly Option<string?> _level = new("--level") { Description = "Region level of openness, buzz and pipelines (default: the ladder's regional level)." };
    private readonly Option<int> _top = new("--top") { Description = "Rows of each top list.", DefaultValueFactory = _ => 15 };
    private readonly Option<string?> _title = new("--title") { Description = "The report's title." };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of every random choice (default 42).", DefaultValueFactory = _ => 42UL };

    public Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var c = new Command("report", "Write the glocal report (index.html, report.md, CSV tables, PNG charts); with no input, of the embedded default data set.");
        _input.AddTo(c, defaultData: true);
        foreach (var o in new Option[] { _out, _level, _top, _title, _seed })
        {
            c.Options.Add(o);
        }

        c.SetAction(r =>
        {
            var (network, report) = _input.Load(r);
            if (report.Issues.Count > 0)
            {
                error.WriteLine($"warning: {report.Issues.Count} load issue(s) skipped:");
                error.Write(report.Summary());
            }

            var options = new GlocalReportOptions { Level = r.GetValue(_level), TopK = r.GetValue(_top), Seed = r.GetValue(_seed) };
            if (r.GetValue(_title) is { } title)
            {
                options = options with { Title = title };
            }

            error.WriteLine($"{network}; writing the report");
            var written = ProgressDisplay.Run(error, progress =>
            {
                // The report has no metric progress of its own: on a terminal, one indeterminate bar while it works.
                if (progress is SpectreProgress)
                {
                    progress.Report(new MetricProgress("report", 0, 0));
                }

                return GlocalReport.Write(network, r.GetValue(_out)!.FullName, options, cancellationToken);
            });
            foreach (var p in written)
            {
                output.WriteLine(p);
            }

            return 0;
        });
        return c;
    }
}
