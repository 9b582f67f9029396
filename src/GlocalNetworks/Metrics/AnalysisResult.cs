using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Model;

namespace GlocalNetworks.Metrics;

/// <summary>
/// The results of one analysis run: every metric's table in request order, the analysed network (slice) and the
/// request. Exports the CLI's files: <c>nodes.csv</c>, <c>regions.csv</c>, <c>links.csv</c>, <c>network.csv</c>. Immutable.
/// </summary>
public sealed class AnalysisResult
{
    private readonly List<MetricResult> _results;
    private readonly SignificanceTable[] _significance;

    internal AnalysisResult(GlocalNetwork network, AnalysisRequest request, List<MetricResult> results, SignificanceTable[]? significance = null)
    {
        Network = network;
        Request = request;
        _results = results;
        _significance = significance ?? [];
    }

    /// <summary>The network analysed (after time slicing).</summary>
    public GlocalNetwork Network { get; }

    /// <summary>The request that produced these results.</summary>
    public AnalysisRequest Request { get; }

    /// <summary>Every result, in request order.</summary>
    public IReadOnlyList<MetricResult> Results => _results;

    /// <summary>The seed used.</summary>
    public ulong Seed => Request.Seed;

    /// <summary>The significance tables, one per metric in request order, when the analysis ran against a null model
    /// (<c>Analyze()...Against(NullModel.DegreePreserving)</c>); otherwise empty.</summary>
    public IReadOnlyList<SignificanceTable> SignificanceTables => _significance;

    /// <summary>The significance table of the (first) metric with <paramref name="metricId"/>.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <returns>The table.</returns>
    /// <exception cref="KeyNotFoundException">The analysis ran no null model, or did not compute the metric.</exception>
    public SignificanceTable Significance(string metricId)
    {
        foreach (var t in _significance)
        {
            if (string.Equals(t.MetricId, metricId, StringComparison.Ordinal))
            {
                return t;
            }
        }

        throw new KeyNotFoundException(_significance.Length == 0
            ? $"The analysis ran no null model; add .Against(...) to test '{metricId}'."
            : $"The analysis did not test '{metricId}'; it tested {string.Join(", ", Ids())}.");
    }

    /// <summary>This result with significance tables attached.</summary>
    internal AnalysisResult WithSignificance(SignificanceTable[] tables) => new(Network, Request, _results, tables);

    /// <summary>The (first) result of the metric with <paramref name="metricId"/>.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <exception cref="KeyNotFoundException">The metric was not part of this run.</exception>
    public MetricResult this[string metricId] =>
        TryGet(metricId, out var r) ? r : throw new KeyNotFoundException($"The analysis did not compute '{metricId}'; it computed {string.Join(", ", Ids())}.");

    /// <summary>Looks up a result.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="result">The result when found.</param>
    /// <returns>Whether the metric was computed.</returns>
    public bool TryGet(string metricId, [NotNullWhen(true)] out MetricResult? result)
    {
        foreach (var r in _results)
        {
            if (string.Equals(r.MetricId, metricId, StringComparison.Ordinal))
            {
                result = r;
                return true;
            }
        }

        result = null;
        return false;
    }

    /// <summary>The typed result of a metric.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="handle">The metric handle.</param>
    /// <returns>The result.</returns>
    public TResult Get<TOptions, TResult>(MetricHandle<TOptions, TResult> handle)
        where TOptions : class, new()
        where TResult : MetricResult
    {
        ArgumentNullException.ThrowIfNull(handle);
        return (TResult)this[handle.Id];
    }

    /// <summary>Writes <c>nodes.csv</c> (first column <c>id</c>, then one column per node metric, <c>ID.PART</c> for
    /// several values), <c>regions.csv</c> (first column <c>region</c>; one file per level when levels differ, as
    /// <c>regions-LEVEL.csv</c>), <c>links.csv</c> and <c>network.csv</c> (<c>metric,value</c>) into <paramref name="directory"/>;
    /// other results (group tables, matrices) go to <c>METRIC.csv</c>, or <c>METRIC-PART.csv</c> for a part of a
    /// <see cref="CompositeResult"/>, whose other parts join the files of their kind. A file is written only when a metric
    /// of its kind ran. Significance tables go to <c>METRIC-significance.csv</c>.</summary>
    /// <param name="directory">The folder (created when missing).</param>
    /// <returns>The paths written.</returns>
    public IReadOnlyList<string> WriteCsv(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var nodes = new List<KeyedTable>();
        var links = new List<KeyedTable>();
        var regions = new Dictionary<string, List<KeyedTable>>(StringComparer.Ordinal);
        var scalars = new List<ScalarResult>();
        foreach (var (r, part) in Flattened())
        {
            switch (r)
            {
                case NodeTable t:
                    nodes.Add(t);
                    break;
                case LinkScoreTable t:
                    links.Add(t);
                    break;
                case RegionTable t:
                    if (!regions.TryGetValue(t.Level, out var list))
                    {
                        regions[t.Level] = list = [];
                    }

                    list.Add(t);
                    break;
                case ScalarResult s:
                    scalars.Add(s);
                    break;
                default:
                    var p = Path.Combine(directory, (part is null ? r.MetricId : r.MetricId + "-" + part) + ".csv");
                    File.WriteAllText(p, r.ToCsv());
                    written.Add(p);
                    break;
            }
        }

        foreach (var t in _significance)
        {
            var p = Path.Combine(directory, t.MetricId + "-significance.csv");
            File.WriteAllText(p, t.ToCsv());
            written.Add(p);
        }

        if (nodes.Count > 0)
        {
            written.Add(WriteWide(Path.Combine(directory, "nodes.csv"), "id", nodes));
        }

        foreach (var (level, list) in regions)
        {
            written.Add(WriteWide(Path.Combine(directory, regions.Count == 1 ? "regions.csv" : $"regions-{level}.csv"), "region", list));
        }

        if (links.Count > 0)
        {
            written.Add(WriteWide(Path.Combine(directory, "links.csv"), "link", links));
        }

        if (scalars.Count > 0)
        {
            var p = Path.Combine(directory, "network.csv");
            using var w = new StreamWriter(p, false, new UTF8Encoding(false));
            w.Write("metric,value\n");
            foreach (var s in scalars)
            {
                for (var i = 0; i < s.Columns.Count; i++)
                {
                    w.Write(MetricResult.Cell(s.QualifiedName(i)));
                    w.Write(',');
                    w.Write(MetricResult.Cell(s.Values[i]));
                    w.Write('\n');
                }
            }

            written.Add(p);
        }

        return written;
    }

    /// <summary>Every result, with the parts of a <see cref="CompositeResult"/> in its place (and their part names).</summary>
    private IEnumerable<(MetricResult Result, string? Part)> Flattened()
    {
        foreach (var r in _results)
        {
            if (r is CompositeResult c)
            {
                foreach (var (name, part) in c.Parts)
                {
                    yield return (part, name);
                }
            }
            else
            {
                yield return (r, null);
            }
        }
    }

    /// <summary>Every result as Markdown, one section per metric.</summary>
    /// <param name="maxRows">Rows per table.</param>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown(int maxRows = 10)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Analysis of {Network}\n\nSeed {Seed}.\n\n");
        foreach (var r in _results)
        {
            sb.Append("## ").Append(r.MetricId).Append("\n\n").Append(r.ToMarkdown(maxRows)).Append('\n');
        }

        foreach (var t in _significance)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## {t.MetricId} against {t.NullModel} ({t.Replicates} replicates)\n\n")
                .Append(t.ToMarkdown(maxRows)).Append('\n');
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToMarkdown();

    private IEnumerable<string> Ids()
    {
        foreach (var r in _results)
        {
            yield return r.MetricId;
        }
    }

    private static string WriteWide(string path, string key, List<KeyedTable> tables)
    {
        // Rows follow the first table; every table of one kind shares its keys (innovators, regions of a level, links).
        var ids = tables[0].Ids;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write(key);
        foreach (var t in tables)
        {
            foreach (var c in t.Columns)
            {
                w.Write(',');
                w.Write(MetricResult.Cell(c == KeyedTable.ValueColumn ? t.MetricId : t.MetricId + "." + c));
            }
        }

        w.Write('\n');
        for (var r = 0; r < ids.Count; r++)
        {
            w.Write(MetricResult.Cell(ids[r]));
            foreach (var t in tables)
            {
                foreach (var c in t.Columns)
                {
                    w.Write(',');
                    w.Write(MetricResult.Cell(t.TryGetValue(ids[r], out var v, c) ? v : double.NaN));
                }
            }

            w.Write('\n');
        }

        return path;
    }
}
