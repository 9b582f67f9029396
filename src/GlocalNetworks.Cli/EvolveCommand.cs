using System.CommandLine;
using System.IO;
using System.Threading;
using System.Text;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Cli;

/// <summary><c>glocal evolve</c>: track metrics over time slices and write trajectories (tidy and wide CSV) and churn.</summary>
internal sealed class EvolveCommand(IMetricRegistry registry)
{
    private readonly NetworkInput _input = new();
    private readonly MetricSelection _selection = new();
    private readonly Option<int?> _window = new("--window") { Description = "Moving windows of this many years (default: yearly slices)." };
    private readonly Option<int> _step = new("--step") { Description = "Years between window starts.", DefaultValueFactory = _ => 1 };
    private readonly Option<bool> _cumulative = new("--cumulative") { Description = "Cumulative slices: everything up to each year." };
    private readonly Option<int?> _from = new("--from") { Description = "First year (default: the first year in the data)." };
    private readonly Option<int?> _to = new("--to") { Description = "Last year (default: the last year any link runs)." };
    private readonly Option<bool> _ignoreLifetimes = new("--ignore-lifetimes") { Description = "Place each link in its start year only, ignoring end years." };
    private readonly Option<bool> _churn = new("--churn") { Description = "Also write churn between consecutive slices (entering, leaving, persisting links; Jaccard; survival)." };
    private readonly Option<DirectoryInfo?> _out = new("--out", "-o") { Description = "Output folder." };

    public Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var c = new Command("evolve", "Track metrics over yearly, moving-window or cumulative slices; write trajectories.csv, series.csv and, with --churn, churn tables.");
        _input.AddTo(c);
        _selection.AddTo(c);
        foreach (var o in new Option[] { _window, _step, _cumulative, _from, _to, _ignoreLifetimes, _churn, _out })
        {
            c.Options.Add(o);
        }

        c.Validators.Add(r =>
        {
            if (r.GetValue(_selection.Metric) is not { Length: > 0 } && !r.GetValue(_churn))
            {
                r.AddError("Give at least one --metric, or --churn.");
            }

            if (r.GetValue(_out) is null)
            {
                r.AddError("Give an output folder with --out.");
            }

            if (r.GetValue(_window) is not null && r.GetValue(_cumulative))
            {
                r.AddError("--window and --cumulative exclude each other.");
            }

            MetricSelection.RequireYearPair(r, (_from, _to));
        });
        c.SetAction(r => Run(r, output, error, cancellationToken));
        return c;
    }

    private int Run(ParseResult r, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (network, report) = _input.Load(r, r.GetValue(_selection.Threads));
        var outDir = r.GetValue(_out)!.FullName;
        Directory.CreateDirectory(outDir);
        MetricSelection.WriteLoadIssues(report, outDir, error);
        var builder = network.Evolve().Using(registry).WithSeed(r.GetValue(_selection.Seed)).IgnoringLifetimes(r.GetValue(_ignoreLifetimes)).WithCancellation(cancellationToken);
        builder = r.GetValue(_window) is { } width ? builder.Windows(width, r.GetValue(_step))
            : r.GetValue(_cumulative) ? builder.Cumulative()
            : builder.Yearly();
        builder = _selection.Apply(r, builder, (_from, _to), (b, from, to) => b.Between(from, to), (b, level) => b.AtLevel(level),
            (b, threads) => b.WithMaxDegreeOfParallelism(threads));

        foreach (var (id, options) in _selection.Requests(r, registry, network, r.GetValue(_input.Unweighted)))
        {
            builder = builder.Track(id, options);
        }

        var slices = builder.Slices();
        error.WriteLine($"{network}; {slices.Count} slices");
        if (r.GetValue(_selection.Metric) is { Length: > 0 })
        {
            var trajectories = ProgressDisplay.Run(error, progress => builder.WithProgress(progress).Run());
            foreach (var p in trajectories.WriteCsv(outDir))
            {
                output.WriteLine(p);
            }

            foreach (var issue in trajectories.Issues)
            {
                error.WriteLine($"warning: slice {issue.Slice}: {issue.MetricId}: {issue.Message}");
            }
        }

        if (r.GetValue(_churn))
        {
            var churn = builder.Churn();
            foreach (var (name, part) in churn.Parts)
            {
                var p = Path.Combine(outDir, "churn-" + name + ".csv");
                File.WriteAllText(p, part.ToCsv(), new UTF8Encoding(false));
                output.WriteLine(p);
            }
        }

        return 0;
    }
}
