using System.CommandLine;
using System.IO;
using System.Threading;
using GlocalNetworks.Metrics;
using Spectre.Console;

namespace GlocalNetworks.Cli;

/// <summary><c>glocal metrics</c>: compute metrics on the user's files and write one CSV (or JSON) per kind of result.</summary>
internal sealed class MetricsCommand
{
    private readonly IMetricRegistry _registry;
    private readonly NetworkInput _input = new();
    private readonly MetricSelection _selection = new();
    private readonly Option<bool> _list = new("--list") { Description = "List every registered metric with its id, scope (comparison: a statistic across networks, for glocal compare) and description, then stop." };
    private readonly Option<int?> _from = new("--from") { Description = "First year of links to include (with --to; undated links are left out and counted)." };
    private readonly Option<int?> _to = new("--to") { Description = "Last year of links to include." };
    private readonly Option<DirectoryInfo?> _out = new("--out", "-o") { Description = "Output folder: nodes, regions, links and network files." };
    private readonly Option<string> _format = new("--format")
    {
        Description = "csv or json.",
        DefaultValueFactory = _ => "csv",
    };

    public MetricsCommand(IMetricRegistry registry)
    {
        _registry = registry;
        _format.AcceptOnlyFromAmong("csv", "json");
    }

    public Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var c = new Command("metrics", "Compute metrics on a network and write nodes.csv, regions.csv, links.csv and network.csv.");
        _input.AddTo(c, _list);
        _selection.AddTo(c);
        foreach (var o in new Option[] { _list, _from, _to, _out, _format })
        {
            c.Options.Add(o);
        }

        c.Validators.Add(r =>
        {
            if (r.GetValue(_list))
            {
                return;
            }

            if (r.GetValue(_selection.Metric) is not { Length: > 0 })
            {
                r.AddError("Give at least one --metric (glocal metrics --list shows them).");
            }

            if (r.GetValue(_out) is null)
            {
                r.AddError("Give an output folder with --out.");
            }

            MetricSelection.RequireYearPair(r, (_from, _to));
        });
        c.SetAction(r => r.GetValue(_list) ? List(output) : Run(r, output, error, cancellationToken));
        return c;
    }

    private int List(TextWriter output)
    {
        var console = Consoles.For(output);
        var table = new Table().AddColumn("id").AddColumn("scope").AddColumn("description");
        foreach (var m in _registry.All)
        {
            table.AddRow(Markup.Escape(m.Id), m.Scope.ToString().ToLowerInvariant(), Markup.Escape(m.Description));
        }

        foreach (var m in _registry.ComparisonMetrics)
        {
            table.AddRow(Markup.Escape(m.Id), "comparison", Markup.Escape(m.Description + " (glocal compare)"));
        }

        console.Write(table);
        return 0;
    }

    private int Run(ParseResult r, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var (network, report) = _input.Load(r, r.GetValue(_selection.Threads));
        var outDir = r.GetValue(_out)!.FullName;
        Directory.CreateDirectory(outDir);
        MetricSelection.WriteLoadIssues(report, outDir, error);
        var builder = network.Analyze().Using(_registry).WithSeed(r.GetValue(_selection.Seed)).WithCancellation(cancellationToken);
        builder = _selection.Apply(r, builder, (_from, _to), (b, from, to) => b.Between(from, to), (b, level) => b.AtLevel(level),
            (b, threads) => b.WithMaxDegreeOfParallelism(threads));

        var requests = _selection.Requests(r, _registry, network, r.GetValue(_input.Unweighted));
        foreach (var (id, options) in requests)
        {
            builder = builder.Compute(id, options);
        }

        error.WriteLine($"{network}; computing {string.Join(", ", _selection.Ids(r))}");
        var result = ProgressDisplay.Run(error, progress => builder.WithProgress(progress).Run());
        var written = r.GetValue(_format) == "json" ? result.WriteJson(outDir) : result.WriteCsv(outDir);
        foreach (var p in written)
        {
            output.WriteLine(p);
        }

        return 0;
    }
}
