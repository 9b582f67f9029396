using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using GlocalNetworks.Comparison;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using Spectre.Console;

namespace GlocalNetworks.Cli;

/// <summary><c>glocal compare</c>: networks side by side (several links files, or one split by link kind, year or an
/// innovator attribute), per-network metrics as a network × metric table and comparison statistics (<c>qap</c>,
/// <c>mrqap</c>) as pairwise rows.</summary>
internal sealed class CompareCommand(IMetricRegistry registry)
{
    private readonly MetricSelection _selection = new();
    private readonly Option<FileInfo[]> _links = new("--links") { Description = "A links CSV per network (repeat: --links A.csv --links B.csv), or one with --split-by." };
    private readonly Option<FileInfo[]> _events = new("--events")
    {
        Description = "An events CSV (event,innovator[,year]) per network, projected to co-participation links, instead of --links (repeat, or one with --split-by).",
    };

    private readonly Option<string?> _weight = new("--weight") { Description = "With --links: the column that holds weights (default 'weight'), in every file." };
    private readonly Option<bool> _fractional = new("--fractional") { Description = "With --events: fractional counting (each event's links weigh 1/(k-1))." };
    private readonly Option<string[]> _names = new("--name") { Description = "The network names, one per --links or --events file, in order (default: the file names)." };
    private readonly Option<FileInfo[]> _innovators = new("--innovators") { Description = "Innovators CSV: one for every network, or one per --links." };
    private readonly Option<FileInfo[]> _regions = new("--regions") { Description = "Regions CSV: one for every network, or one per --links." };
    private readonly Option<string> _splitBy = new("--split-by")
    {
        Description = "Split one network: kind (link kind), year (one network per year), year:2014 (parts ..2013 and 2014..; "
            + "year:2010,2015 for three periods) or attribute:NAME (innovator attribute; a link goes to value v when both ends have v).",
    };

    private readonly Option<string> _ladder = new("--ladder") { Description = "The region ladder: default, eu, china or us.", DefaultValueFactory = _ => "default" };
    private readonly Option<bool> _directed = new("--directed") { Description = "Read links as directed (a 'directed' column overrides per row)." };
    private readonly Option<bool> _unweighted = new("--unweighted") { Description = "Force every metric unweighted." };
    private readonly Option<bool> _lenient = new("--lenient") { Description = "Skip bad rows and report them instead of stopping at the first." };
    private readonly Option<bool> _noSummary = new("--no-summary") { Description = "Leave out the glocal summary rows (scale mix, openness, gatekeepers)." };
    private readonly Option<int?> _from = new("--from") { Description = "First year of links to include (with --to)." };
    private readonly Option<int?> _to = new("--to") { Description = "Last year of links to include." };
    private readonly Option<DirectoryInfo?> _out = new("--out", "-o") { Description = "Output folder for comparison.csv and pairwise.csv (or .json); without it, tables only." };
    private readonly Option<string> _format = new("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };

    public Command Create(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var c = new Command("compare", "Compare networks side by side: per-network metrics (comparison.csv) and statistics across networks such as qap and mrqap (pairwise.csv). "
            + "Exit code 2 when there are fewer than two networks to compare.");
        _format.AcceptOnlyFromAmong("csv", "json");
        _links.AllowMultipleArgumentsPerToken = false;
        _events.AllowMultipleArgumentsPerToken = false;
        foreach (var o in new Option[] { _links, _events, _weight, _fractional, _names, _innovators, _regions, _splitBy, _ladder, _directed, _unweighted, _lenient, _noSummary, _from, _to, _out, _format })
        {
            c.Options.Add(o);
        }

        _selection.AddTo(c, groups: false);
        c.Validators.Add(r =>
        {
            var linkFiles = r.GetValue(_links) ?? [];
            var eventFiles = r.GetValue(_events) ?? [];
            if ((linkFiles.Length == 0) == (eventFiles.Length == 0))
            {
                r.AddError("Give either --links or --events: one file per network, or one file with --split-by.");
            }

            var (links, kind) = eventFiles.Length > 0 ? (eventFiles, "--events") : (linkFiles, "--links");
            if (r.GetValue(_splitBy) is not null && links.Length > 1)
            {
                r.AddError($"--split-by splits one network: give one {kind}.");
            }

            if (r.GetValue(_names) is { Length: > 0 } names && names.Length != links.Length)
            {
                r.AddError($"Give one --name per {kind} file ({names.Length} names for {links.Length} files).");
            }

            foreach (var (o, label) in new[] { (_innovators, "--innovators"), (_regions, "--regions") })
            {
                if (r.GetValue(o) is { Length: > 1 } files && files.Length != links.Length)
                {
                    r.AddError($"Give one {label} for every network or one per {kind} file ({files.Length} for {links.Length}).");
                }
            }

            if (r.GetValue(_weight) is not null && eventFiles.Length > 0)
            {
                r.AddError("--weight names a links column; with --events the weights come from the projection (see --fractional).");
            }

            if (r.GetValue(_fractional) && linkFiles.Length > 0)
            {
                r.AddError("--fractional applies to --events.");
            }

            NetworkInput.RequireWeightOrUnweighted(r, _weight, _unweighted);

            if (r.GetValue(_selection.Metric) is not { Length: > 0 } && r.GetValue(_noSummary))
            {
                r.AddError("Give at least one --metric, or leave out --no-summary.");
            }

            MetricSelection.RequireYearPair(r, (_from, _to));
        });
        c.SetAction(r => Run(r, output, error, cancellationToken));
        return c;
    }

    private int Run(ParseResult r, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var networks = Load(r, error);
        if (networks.Count < 2)
        {
            var what = r.GetValue(_splitBy) is { } split
                ? $"--split-by {split} gave {networks.Count} network{(networks.Count == 1 ? string.Empty : "s")}{(networks.Count == 1 ? $" ('{networks[0].Key}')" : string.Empty)}"
                : "one --links file gives one network";
            error.WriteLine($"error: compare needs two or more networks; {what}. Give another --links or a --split-by that yields two or more parts.");
            return 2;
        }

        var builder = GlocalNetwork.Compare(networks).Using(registry).WithSeed(r.GetValue(_selection.Seed)).WithCancellation(cancellationToken);
        if (r.GetValue(_noSummary))
        {
            builder = builder.WithoutGlocalSummary();
        }

        builder = _selection.Apply(r, builder, (_from, _to), (b, from, to) => b.Between(from, to), (b, level) => b.AtLevel(level),
            (b, threads) => b.WithMaxDegreeOfParallelism(threads));

        foreach (var (id, options) in _selection.Requests(r, registry, networks[0].Value, r.GetValue(_unweighted), comparisons: true))
        {
            builder = builder.Compute(id, options);
        }

        error.WriteLine($"comparing {networks.Count} networks ({string.Join(", ", Names(networks))})");
        var table = ProgressDisplay.Run(error, progress => builder.WithProgress(progress).Run());
        Show(table, output);
        if (r.GetValue(_out) is { } outDir)
        {
            Directory.CreateDirectory(outDir.FullName);
            foreach (var p in Write(table, outDir.FullName, r.GetValue(_format) == "json"))
            {
                output.WriteLine(p);
            }
        }

        return 0;
    }

    private List<KeyValuePair<string, GlocalNetwork>> Load(ParseResult r, TextWriter error)
    {
        var options = NetworkInput.OptionsOf(r.GetValue(_lenient), r.GetValue(_ladder)!, r.GetValue(_directed), r.GetValue(_selection.Threads));
        var events = r.GetValue(_events) is { Length: > 0 } eventFiles ? eventFiles : null;
        var links = events ?? r.GetValue(_links)!;
        var innovators = r.GetValue(_innovators) ?? [];
        var regions = r.GetValue(_regions) ?? [];
        var names = r.GetValue(_names) is { Length: > 0 } given ? given : null;
        var loaded = new List<KeyValuePair<string, GlocalNetwork>>(links.Length);
        for (var i = 0; i < links.Length; i++)
        {
            var inn = NetworkInput.Input(innovators.Length == 0 ? null : innovators[Math.Min(i, innovators.Length - 1)]);
            var reg = NetworkInput.Input(regions.Length == 0 ? null : regions[Math.Min(i, regions.Length - 1)]);
            var (network, report) = events is null
                ? NetworkInput.LoadLinks(links[i], inn, reg, options, r.GetValue(_weight))
                : NetworkInput.LoadEvents(links[i], inn, reg, options, r.GetValue(_fractional));
            if (report.Issues.Count > 0)
            {
                error.WriteLine($"warning: {links[i].Name}: {report.Issues.Count} load issue(s) skipped:");
                error.Write(report.Summary());
            }

            var name = names?[i] ?? Path.GetFileNameWithoutExtension(links[i].Name);
            if (loaded.Exists(p => p.Key == name))
            {
                throw new ArgumentException($"Two networks are named '{name}'; give distinct names with --name.");
            }

            loaded.Add(new(name, network));
        }

        if (r.GetValue(_splitBy) is { } split)
        {
            return [.. Split(split).Apply(loaded[0].Value)];
        }

        return loaded;
    }

    /// <summary>The split a <c>--split-by</c> value names.</summary>
    /// <exception cref="ArgumentException">The value is not kind, year, year:Y[,Y...] or attribute:NAME.</exception>
    internal static NetworkSplit Split(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = (colon < 0 ? text : text[..colon]).Trim().ToUpperInvariant();
        var arg = colon < 0 ? null : text[(colon + 1)..].Trim();
        switch (kind)
        {
            case "KIND" when arg is null:
                return NetworkSplit.ByLinkKind;
            case "ATTRIBUTE" when !string.IsNullOrEmpty(arg):
                return NetworkSplit.ByAttribute(arg);
            case "YEAR" when arg is null:
                return NetworkSplit.ByLinkKey((_, l) => l.Year?.ToString(CultureInfo.InvariantCulture));
            case "YEAR":
                var cuts = new List<int>();
                foreach (var part in arg.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) || (cuts.Count > 0 && y <= cuts[^1]))
                    {
                        throw new ArgumentException($"--split-by '{text}': '{part}' is not a year after the previous one; give year:2014 or year:2010,2015.");
                    }

                    cuts.Add(y);
                }

                if (cuts.Count == 0)
                {
                    goto default;
                }

                return NetworkSplit.ByLinkKey((_, l) => l.Year is { } year ? Period(cuts, year) : null);
            default:
                throw new ArgumentException($"--split-by '{text}' is not a split; use kind, year, year:2014 (or year:2010,2015) or attribute:NAME.");
        }
    }

    // The period of a year between cut years: "..2013", "2014-2016" (or "2014" for one year), "2017.."; parts are ordered
    // by name (ordinal), and
    // these names sort chronologically.
    private static string Period(List<int> cuts, int year)
    {
        var i = 0;
        while (i < cuts.Count && year >= cuts[i])
        {
            i++;
        }

        var ci = CultureInfo.InvariantCulture;
        return i == 0 ? ".." + (cuts[0] - 1).ToString(ci)
            : i == cuts.Count ? cuts[^1].ToString(ci) + ".."
            : cuts[i] - 1 == cuts[i - 1] ? cuts[i - 1].ToString(ci)
            : cuts[i - 1].ToString(ci) + "-" + (cuts[i] - 1).ToString(ci);
    }

    private static IEnumerable<string> Names(List<KeyValuePair<string, GlocalNetwork>> networks)
    {
        foreach (var (name, _) in networks)
        {
            yield return name;
        }
    }

    private static void Show(ComparisonTable table, TextWriter output)
    {
        var console = Consoles.For(output);
        var t = new Table().AddColumn("metric");
        foreach (var n in table.Networks)
        {
            t.AddColumn(new TableColumn(Markup.Escape(n)).RightAligned());
        }

        foreach (var row in table.Rows)
        {
            var cells = new List<string> { Markup.Escape(row) };
            foreach (var v in table.Row(row))
            {
                cells.Add(Number(v));
            }

            t.AddRow(cells.ToArray());
        }

        console.Write(t);
        if (table.Pairwise.Count == 0)
        {
            return;
        }

        var p = new Table().AddColumn("metric").AddColumn("pair").AddColumn("statistic");
        foreach (var col in new[] { "estimate", "observed", "pgreq", "pleeq", "p-two", "nodes", "permutations" })
        {
            p.AddColumn(new TableColumn(col).RightAligned());
        }

        foreach (var s in table.Pairwise)
        {
            p.AddRow(Markup.Escape(s.MetricId), Markup.Escape(s.Pair), Markup.Escape(s.Statistic), Number(s.Estimate), Number(s.Observed),
                Number(s.PGreaterOrEqual), Number(s.PLessOrEqual), Number(s.PTwoSided), s.Nodes.ToString(CultureInfo.InvariantCulture),
                s.Permutations.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(p);
    }

    private static string Number(double v) => double.IsNaN(v) ? "NaN" : v.ToString("G6", CultureInfo.InvariantCulture);

    private static List<string> Write(ComparisonTable table, string dir, bool json)
    {
        var written = new List<string>();
        var main = Path.Combine(dir, json ? "comparison.json" : "comparison.csv");
        File.WriteAllText(main, json ? ComparisonJson(table) : table.ToCsv(), new UTF8Encoding(false));
        written.Add(main);
        if (table.Pairwise.Count > 0)
        {
            var pairwise = Path.Combine(dir, json ? "pairwise.json" : "pairwise.csv");
            File.WriteAllText(pairwise, json ? PairwiseJson(table) : table.ToPairwiseCsv(), new UTF8Encoding(false));
            written.Add(pairwise);
        }

        return written;
    }

    // [{"metric": "density", "A": 0.5, "B": null}, ...]: NaN as null.
    private static string ComparisonJson(ComparisonTable table) => Json(w =>
    {
        foreach (var row in table.Rows)
        {
            w.WriteStartObject();
            w.WriteString("metric", row);
            var values = table.Row(row);
            for (var i = 0; i < values.Length; i++)
            {
                Number(w, table.Networks[i], values[i]);
            }

            w.WriteEndObject();
        }
    });

    private static string PairwiseJson(ComparisonTable table) => Json(w =>
    {
        foreach (var s in table.Pairwise)
        {
            w.WriteStartObject();
            w.WriteString("metric", s.MetricId);
            w.WriteString("pair", s.Pair);
            w.WriteString("statistic", s.Statistic);
            Number(w, "estimate", s.Estimate);
            Number(w, "observed", s.Observed);
            Number(w, "pgreq", s.PGreaterOrEqual);
            Number(w, "pleeq", s.PLessOrEqual);
            Number(w, "p-upper", s.PUpper);
            Number(w, "p-lower", s.PLower);
            Number(w, "p-two", s.PTwoSided);
            w.WriteNumber("nodes", s.Nodes);
            w.WriteNumber("permutations", s.Permutations);
            w.WriteNumber("seed", s.Seed);
            w.WriteEndObject();
        }
    });

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Json(Action<Utf8JsonWriter> rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            rows(w);
            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
