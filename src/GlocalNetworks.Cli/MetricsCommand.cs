using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text;
using GlocalNetworks.Glocal;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Metrics;
using Spectre.Console;

namespace GlocalNetworks.Cli;

/// <summary><c>glocal metrics</c>: compute metrics on the user's files and write one CSV (or JSON) per kind of result.</summary>
internal sealed class MetricsCommand
{
    private readonly IMetricRegistry _registry;
    private readonly NetworkInput _input = new();
    private readonly Option<bool> _list = new("--list") { Description = "List every registered metric with its id, scope and description, then stop." };
    private readonly Option<string[]> _metric = new("--metric", "-m")
    {
        Description = "Metric ids, comma-separated or repeated (e.g. degree,betweenness,brokerage).",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _level = new("--level") { Description = "The region level of glocal metrics (e.g. country, nuts2); default: the ladder's regional level." };
    private readonly Option<int?> _from = new("--from") { Description = "First year of links to include (with --to; undated links are left out and counted)." };
    private readonly Option<int?> _to = new("--to") { Description = "Last year of links to include." };
    private readonly Option<FileInfo?> _groups = new("--groups") { Description = "CSV id,group: groups for brokerage, E-I index and every metric that takes groups." };
    private readonly Option<DirectoryInfo?> _out = new("--out", "-o") { Description = "Output folder: nodes, regions, links and network files." };
    private readonly Option<string> _format = new("--format")
    {
        Description = "csv or json.",
        DefaultValueFactory = _ => "csv",
    };

    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of every random choice (default 42).", DefaultValueFactory = _ => 42UL };
    private readonly Option<int?> _threads = new("--threads") { Description = "Most threads to use (default: all cores); results do not depend on it." };
    private readonly Option<string[]> _set = new("--set")
    {
        Description = "A metric option, as ID.OPTION=VALUE (e.g. pagerank.alpha=0.9, betweenness.normalized=false); repeatable.",
    };

    public MetricsCommand(IMetricRegistry registry)
    {
        _registry = registry;
        _format.AcceptOnlyFromAmong("csv", "json");
    }

    public Command Create(TextWriter output, TextWriter error)
    {
        var c = new Command("metrics", "Compute metrics on a network and write nodes.csv, regions.csv, links.csv and network.csv.");
        _input.AddTo(c, _list);
        foreach (var o in new Option[] { _list, _metric, _level, _from, _to, _groups, _out, _format, _seed, _threads, _set })
        {
            c.Options.Add(o);
        }

        c.Validators.Add(r =>
        {
            if (r.GetValue(_list))
            {
                return;
            }

            if (r.GetValue(_metric) is not { Length: > 0 })
            {
                r.AddError("Give at least one --metric (glocal metrics --list shows them).");
            }

            if (r.GetValue(_out) is null)
            {
                r.AddError("Give an output folder with --out.");
            }

            if (r.GetValue(_from) is null != r.GetValue(_to) is null)
            {
                r.AddError("--from and --to go together.");
            }
        });
        c.SetAction(r => r.GetValue(_list) ? List(output) : Run(r, output, error));
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

        console.Write(table);
        return 0;
    }

    private int Run(ParseResult r, TextWriter output, TextWriter error)
    {
        var (network, report) = _input.Load(r);
        var outDir = r.GetValue(_out)!.FullName;
        Directory.CreateDirectory(outDir);
        if (report.Issues.Count > 0)
        {
            var issues = Path.Combine(outDir, "load-issues.csv");
            using (var w = new StreamWriter(issues, false, new UTF8Encoding(false)))
            {
                report.WriteCsv(w);
            }

            error.WriteLine($"warning: {report.Issues.Count} load issue(s), written to {issues}");
        }

        var ids = SplitIds(r.GetValue(_metric)!);
        var settings = Settings(r.GetValue(_set) ?? []);
        var groups = r.GetValue(_groups) is { } gf
            ? InnovatorGroups.FromMap(network, GlocalCsv.ReadGroups(CsvInput.FromFile(gf.FullName)), Path.GetFileNameWithoutExtension(gf.Name))
            : null;
        var builder = network.Analyze().Using(_registry).WithSeed(r.GetValue(_seed));
        if (r.GetValue(_from) is { } from && r.GetValue(_to) is { } to)
        {
            builder = builder.Between(from, to);
        }

        if (r.GetValue(_level) is { } level)
        {
            builder = builder.AtLevel(level);
        }

        if (r.GetValue(_threads) is { } threads)
        {
            builder = builder.WithMaxDegreeOfParallelism(threads);
        }

        foreach (var id in ids)
        {
            var metric = _registry.Get(id);
            var options = MetricOptionSetter.Defaults(metric);
            if (r.GetValue(_input.Unweighted) && MetricOptionSetter.Has(options, "Weighted", typeof(bool)))
            {
                options = MetricOptionSetter.Set(options, "Weighted", false);
            }

            if (groups is not null && MetricOptionSetter.Has(options, "Groups", typeof(InnovatorGroups)))
            {
                options = MetricOptionSetter.Set(options, "Groups", groups);
            }

            if (settings.TryGetValue(metric.Id, out var list))
            {
                foreach (var (name, value) in list)
                {
                    options = MetricOptionSetter.Set(metric, options, name, value);
                }

                settings.Remove(metric.Id);
            }

            builder = builder.Compute(metric.Id, options);
        }

        foreach (var id in settings.Keys)
        {
            throw new ArgumentException($"--set names metric '{id}', which is not among --metric ({string.Join(", ", ids)}).");
        }

        error.WriteLine($"{network}; computing {string.Join(", ", ids)}");
        var result = builder.WithProgress(new LineProgress(error)).Run();
        var written = r.GetValue(_format) == "json" ? result.WriteJson(outDir) : result.WriteCsv(outDir);
        foreach (var p in written)
        {
            output.WriteLine(p);
        }

        return 0;
    }

    private static List<string> SplitIds(string[] values)
    {
        var ids = new List<string>();
        foreach (var v in values)
        {
            foreach (var id in v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    private static Dictionary<string, List<(string Name, string Value)>> Settings(string[] values)
    {
        var d = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            var eq = v.IndexOf('=', StringComparison.Ordinal);
            var dot = eq < 0 ? -1 : v.LastIndexOf('.', eq);
            if (eq < 0 || dot <= 0)
            {
                throw new ArgumentException($"--set '{v}' must look like ID.OPTION=VALUE, e.g. pagerank.alpha=0.9.");
            }

            var id = v[..dot];
            if (!d.TryGetValue(id, out var list))
            {
                d[id] = list = [];
            }

            list.Add((v[(dot + 1)..eq], v[(eq + 1)..]));
        }

        return d;
    }

    /// <summary>Progress as plain lines on the error stream, at most one per metric stage change or 10% step.</summary>
    private sealed class LineProgress(TextWriter error) : IProgress<MetricProgress>
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
}
