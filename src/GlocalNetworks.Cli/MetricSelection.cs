using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Text;
using GlocalNetworks.Glocal;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Cli;

/// <summary>The options that choose metrics and their settings (<c>--metric</c>, <c>--set</c>, <c>--groups</c>,
/// <c>--seed</c>, <c>--threads</c>), shared by <c>metrics</c> and <c>evolve</c>, and the one way they become requests.</summary>
internal sealed class MetricSelection
{
    public Option<string[]> Metric { get; } = new("--metric", "-m")
    {
        Description = "Metric ids, comma-separated or repeated (e.g. degree,betweenness,brokerage).",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> Level { get; } = new("--level") { Description = "The region level of glocal metrics (e.g. country, nuts2); default: the ladder's regional level." };

    public Option<FileInfo?> Groups { get; } = new("--groups") { Description = "CSV id,group: groups for brokerage, E-I index and every metric that takes groups." };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of every random choice (default 42).", DefaultValueFactory = _ => 42UL };

    public Option<int?> Threads { get; } = new("--threads") { Description = "Most threads to use (default: all cores); results do not depend on it." };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "A metric option, as ID.OPTION=VALUE (e.g. pagerank.alpha=0.9, ei-index.levels=nuts2,country, "
            + "gatekeepers.threshold.kind=quantile, pagerank.personalization=@weights.csv); repeatable.",
    };

    private bool _groups = true;

    /// <summary>Adds the options to <paramref name="command"/>; without <paramref name="groups"/>, no <c>--groups</c>.</summary>
    public void AddTo(Command command, bool groups = true)
    {
        _groups = groups;
        foreach (var o in new Option[] { Metric, Level, Groups, Seed, Threads, Set })
        {
            if (groups || o != Groups)
            {
                command.Options.Add(o);
            }
        }

        command.Validators.Add(r =>
        {
            if (r.GetValue(Threads) is < 1 and var n)
            {
                r.AddError($"--threads is {n}; give at least 1 (or leave it out for every core).");
            }
        });
    }

    /// <summary>The one check of a command's year range: <c>--from</c> and <c>--to</c> are given together or not at all.</summary>
    public static void RequireYearPair(CommandResult r, (Option<int?> From, Option<int?> To) years)
    {
        if (r.GetValue(years.From) is null != r.GetValue(years.To) is null)
        {
            r.AddError("--from and --to go together.");
        }
    }

    /// <summary>Applies the command's <c>--from</c>/<c>--to</c>, <c>--level</c> and <c>--threads</c> to a builder of any
    /// kind (analysis, evolution, comparison), through its own methods.</summary>
    public T Apply<T>(ParseResult r, T builder, (Option<int?> From, Option<int?> To) years, Func<T, int, int, T> between, Func<T, string, T> atLevel,
        Func<T, int, T> threads)
    {
        if (r.GetValue(years.From) is { } from && r.GetValue(years.To) is { } to)
        {
            builder = between(builder, from, to);
        }

        if (r.GetValue(Level) is { } level)
        {
            builder = atLevel(builder, level);
        }

        if (r.GetValue(Threads) is { } n)
        {
            builder = threads(builder, n);
        }

        return builder;
    }

    /// <summary>The metric ids given, in order, each once.</summary>
    public IReadOnlyList<string> Ids(ParseResult r)
    {
        var ids = new List<string>();
        foreach (var v in r.GetValue(Metric) ?? [])
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

    /// <summary>One (id, options) request per metric: defaults, then <c>--unweighted</c>, <c>--groups</c> and <c>--set</c>.
    /// With <paramref name="comparisons"/>, comparison statistics (<c>qap</c>, <c>mrqap</c>) are requests too; otherwise
    /// naming one is an error that points to <c>glocal compare</c>.</summary>
    /// <exception cref="ArgumentException">A <c>--set</c> is malformed, names an unknown option, or a metric not requested.</exception>
    public IReadOnlyList<(string Id, object Options)> Requests(ParseResult r, IMetricRegistry registry, GlocalNetwork network, bool unweighted, bool comparisons = false)
    {
        var ids = Ids(r);
        var settings = Settings(r.GetValue(Set) ?? []);
        var groups = _groups && r.GetValue(Groups) is { } gf
            ? InnovatorGroups.FromMap(network, GlocalCsv.ReadGroups(CsvInput.FromFile(gf.FullName)), Path.GetFileNameWithoutExtension(gf.Name))
            : null;
        var requests = new List<(string, object)>();
        foreach (var requested in ids)
        {
            var (id, options) = registry.TryGetComparison(requested, out var cm)
                ? comparisons
                    ? (cm.Id, MetricOptionSetter.Defaults(cm.OptionsType, cm.Id))
                    : throw new ArgumentException($"Metric '{cm.Id}' compares networks; use 'glocal compare' with two or more networks (or --split-by).")
                : (registry.Get(requested).Id, MetricOptionSetter.Defaults(registry.Get(requested)));
            if (unweighted && MetricOptionSetter.Has(options, "Weighted", typeof(bool)))
            {
                options = MetricOptionSetter.Set(options, "Weighted", false);
            }

            if (groups is not null && MetricOptionSetter.Has(options, "Groups", typeof(InnovatorGroups)))
            {
                options = MetricOptionSetter.Set(options, "Groups", groups);
            }

            if (settings.Remove(id, out var list))
            {
                foreach (var (name, value) in list)
                {
                    options = MetricOptionSetter.Set(id, options, name, value, network);
                }
            }

            requests.Add((id, options));
        }

        foreach (var id in settings.Keys)
        {
            throw new ArgumentException($"--set names metric '{id}', which is not among --metric ({string.Join(", ", ids)}).");
        }

        return requests;
    }

    /// <summary>Writes the load report's issues as <c>load-issues.csv</c> in <paramref name="directory"/> and warns.</summary>
    public static void WriteLoadIssues(LoadReport report, string directory, TextWriter error)
    {
        if (report.Issues.Count == 0)
        {
            return;
        }

        var issues = Path.Combine(directory, "load-issues.csv");
        using (var w = new StreamWriter(issues, false, new UTF8Encoding(false)))
        {
            report.WriteCsv(w);
        }

        error.WriteLine($"warning: {report.Issues.Count} load issue(s), written to {issues}");
    }

    private static Dictionary<string, List<(string Name, string Value)>> Settings(string[] values)
    {
        var d = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            var eq = v.IndexOf('=', StringComparison.Ordinal);
            var dot = eq < 0 ? -1 : v.IndexOf('.', 0, eq);
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
}
