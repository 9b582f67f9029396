using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Comparison;

/// <summary>
/// Networks side by side (from <c>GlocalNetwork.Compare(...)</c> or <c>network.SplitBy(...)</c>): one row per
/// network-level value (<c>density</c>, <c>scale-mix.share.local</c>, <c>gatekeepers.gatekeeper</c>, ...), one column per
/// network, plus each network's full <see cref="AnalysisResult"/> for anything below the network level. Immutable.
/// </summary>
public sealed class ComparisonTable
{
    private readonly string[] _networks;
    private readonly string[] _rows;
    private readonly double[][] _values;
    private readonly Dictionary<string, int> _rowIndex;
    private readonly AnalysisResult[] _results;
    private readonly ComparisonMetricResult[] _comparisons;

    internal ComparisonTable(string[] networks, List<string> rows, List<double[]> values, AnalysisResult[] results,
        IReadOnlyList<ComparisonMetricResult>? comparisons = null)
    {
        _networks = networks;
        _comparisons = comparisons is null ? [] : [.. comparisons];
        var pairwise = new List<PairwiseStatistic>();
        foreach (var c in _comparisons)
        {
            pairwise.AddRange(c.Rows);
        }

        Pairwise = pairwise;
        _rows = rows.ToArray();
        _values = values.ToArray();
        _results = results;
        _rowIndex = new Dictionary<string, int>(_rows.Length, StringComparer.Ordinal);
        for (var i = 0; i < _rows.Length; i++)
        {
            _rowIndex.Add(_rows[i], i);
        }
    }

    /// <summary>The network names (the columns), in the order given.</summary>
    public IReadOnlyList<string> Networks => _networks;

    /// <summary>The row names, in the order computed: the requested metrics first, then the glocal summary.</summary>
    public IReadOnlyList<string> Rows => _rows;

    /// <summary>A value.</summary>
    /// <param name="row">The row name.</param>
    /// <param name="network">The network name.</param>
    /// <exception cref="KeyNotFoundException">No such row or network; the message lists the names.</exception>
    public double this[string row, string network] => Row(row)[NetworkIndex(network)];

    /// <summary>A row: its value for each network, in <see cref="Networks"/> order.</summary>
    /// <param name="row">The row name.</param>
    /// <returns>The values.</returns>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public ReadOnlySpan<double> Row(string row) => _values[RowIndex(row)];

    /// <summary>Whether the table has a row.</summary>
    /// <param name="row">The row name.</param>
    /// <returns>Whether it exists.</returns>
    public bool HasRow(string row) => row is not null && _rowIndex.ContainsKey(row);

    /// <summary>The analysis of one network (every metric's full result, node and region tables included).</summary>
    /// <param name="network">The network name.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KeyNotFoundException">No such network.</exception>
    public AnalysisResult Result(string network) => _results[NetworkIndex(network)];

    /// <summary>The rows of every comparison statistic (<c>qap</c>, <c>mrqap</c>) in the order requested: pair, statistic,
    /// estimate, observed value, p-values, nodes, permutations and seed. Empty when none was requested.</summary>
    public IReadOnlyList<PairwiseStatistic> Pairwise { get; }

    /// <summary>The comparison statistics computed, in the order requested.</summary>
    public IReadOnlyList<ComparisonMetricResult> ComparisonResults => _comparisons;

    /// <summary>The result of a comparison statistic, with the full result per pair (<see cref="ComparisonMetricResult.Detail{T}"/>).</summary>
    /// <param name="metricId">The id, e.g. <c>qap</c>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KeyNotFoundException">It was not requested.</exception>
    public ComparisonMetricResult Comparison(string metricId)
    {
        ArgumentNullException.ThrowIfNull(metricId);
        foreach (var c in _comparisons)
        {
            if (c.MetricId == metricId)
            {
                return c;
            }
        }

        throw new KeyNotFoundException($"The comparison has no statistic '{metricId}'; it has {(_comparisons.Length == 0 ? "none" : string.Join(", ", Array.ConvertAll(_comparisons, c => c.MetricId)))}.");
    }

    /// <summary>The columns of <see cref="WritePairwiseCsv(TextWriter)"/>.</summary>
    public static IReadOnlyList<string> PairwiseColumns { get; } =
        ["metric", "pair", "statistic", "estimate", "observed", "pgreq", "pleeq", "p-upper", "p-lower", "p-two", "nodes", "permutations", "seed"];

    /// <summary>Writes <see cref="Pairwise"/> as CSV: a header of <see cref="PairwiseColumns"/> and one line per row
    /// (invariant culture, round-trip numbers, NaN as <c>NaN</c>).</summary>
    /// <param name="writer">The destination.</param>
    public void WritePairwiseCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(",", PairwiseColumns));
        writer.Write('\n');
        foreach (var p in Pairwise)
        {
            writer.Write(MetricResult.Cell(p.MetricId));
            writer.Write(',');
            writer.Write(MetricResult.Cell(p.Pair));
            writer.Write(',');
            writer.Write(MetricResult.Cell(p.Statistic));
            foreach (var v in (ReadOnlySpan<double>)[p.Estimate, p.Observed, p.PGreaterOrEqual, p.PLessOrEqual, p.PUpper, p.PLower, p.PTwoSided])
            {
                writer.Write(',');
                writer.Write(MetricResult.Cell(v));
            }

            writer.Write(',');
            writer.Write(p.Nodes.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(p.Permutations.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(p.Seed.ToString(CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>The pairwise statistics as CSV (see <see cref="WritePairwiseCsv(TextWriter)"/>).</summary>
    /// <returns>The text.</returns>
    public string ToPairwiseCsv()
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        WritePairwiseCsv(w);
        return w.ToString();
    }

    /// <summary>The given rows as plain series for a grouped-bar chart (Plotting's <c>Charts.Comparison</c>): the
    /// categories are the rows, and each network is a series of its values by row.</summary>
    /// <param name="rows">Row names; none for every row.</param>
    /// <returns>The categories and, per network, its values.</returns>
    /// <exception cref="KeyNotFoundException">A row does not exist.</exception>
    public (IReadOnlyList<string> Categories, IReadOnlyList<KeyValuePair<string, double[]>> Series) ToSeries(params string[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var chosen = rows.Length == 0 ? _rows : rows;
        var idx = new int[chosen.Length];
        for (var r = 0; r < chosen.Length; r++)
        {
            idx[r] = RowIndex(chosen[r]);
        }

        var series = new List<KeyValuePair<string, double[]>>(_networks.Length);
        for (var c = 0; c < _networks.Length; c++)
        {
            var v = new double[idx.Length];
            for (var r = 0; r < idx.Length; r++)
            {
                v[r] = _values[idx[r]][c];
            }

            series.Add(new(_networks[c], v));
        }

        return ((string[])chosen.Clone(), series);
    }

    /// <summary>Writes <c>metric,NETWORK1,NETWORK2,...</c> and one line per row (invariant culture, round-trip numbers, NaN as <c>NaN</c>; names quoted when needed).</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("metric");
        foreach (var n in _networks)
        {
            writer.Write(',');
            writer.Write(MetricResult.Cell(n));
        }

        writer.Write('\n');
        for (var r = 0; r < _rows.Length; r++)
        {
            writer.Write(MetricResult.Cell(_rows[r]));
            foreach (var v in _values[r])
            {
                writer.Write(',');
                writer.Write(MetricResult.Cell(v));
            }

            writer.Write('\n');
        }
    }

    /// <summary>The table as CSV (see <see cref="WriteCsv(TextWriter)"/>).</summary>
    /// <returns>The text.</returns>
    public string ToCsv()
    {
        using var w = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(w);
        return w.ToString();
    }

    /// <summary>Writes the CSV to a file (UTF-8).</summary>
    /// <param name="path">The file.</param>
    public void WriteCsv(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, ToCsv(), new UTF8Encoding(false));
    }

    /// <summary>The table as Markdown (numbers with 6 significant digits, as metric results print them), followed by
    /// <see cref="PairwiseToMarkdown"/> when comparison statistics ran.</summary>
    /// <returns>The Markdown table.</returns>
    public string ToMarkdown()
    {
        var sb = new StringBuilder("| metric |");
        foreach (var n in _networks)
        {
            sb.Append(' ').Append(MetricResult.Md(n)).Append(" |");
        }

        sb.Append("\n|---|");
        foreach (var _ in _networks)
        {
            sb.Append("---:|");
        }

        sb.Append('\n');
        for (var r = 0; r < _rows.Length; r++)
        {
            sb.Append("| ").Append(MetricResult.Md(_rows[r])).Append(" |");
            foreach (var v in _values[r])
            {
                sb.Append(' ').Append(MetricResult.Md(v)).Append(" |");
            }

            sb.Append('\n');
        }

        if (Pairwise.Count > 0)
        {
            sb.Append('\n').Append(PairwiseToMarkdown());
        }

        return sb.ToString();
    }

    /// <summary>The pairwise statistics as a Markdown table: metric, pair, statistic, estimate, observed, pgreq, pleeq,
    /// p-two, nodes, permutations (numbers with 6 significant digits).</summary>
    /// <returns>The Markdown table (only the header when there are none).</returns>
    public string PairwiseToMarkdown()
    {
        var sb = new StringBuilder("| metric | pair | statistic | estimate | observed | pgreq | pleeq | p-two | nodes | permutations |\n|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var p in Pairwise)
        {
            sb.Append("| ").Append(MetricResult.Md(p.MetricId)).Append(" | ").Append(MetricResult.Md(p.Pair)).Append(" | ").Append(MetricResult.Md(p.Statistic)).Append(" |");
            foreach (var v in (ReadOnlySpan<double>)[p.Estimate, p.Observed, p.PGreaterOrEqual, p.PLessOrEqual, p.PTwoSided])
            {
                sb.Append(' ').Append(MetricResult.Md(v)).Append(" |");
            }

            sb.Append(' ').Append(p.Nodes.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(p.Permutations.ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToMarkdown();

    private int RowIndex(string row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return _rowIndex.TryGetValue(row, out var i) ? i
            : throw new KeyNotFoundException($"The comparison has no row '{row}'; it has {string.Join(", ", _rows)}.");
    }

    private int NetworkIndex(string network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var i = Array.IndexOf(_networks, network);
        return i >= 0 ? i : throw new KeyNotFoundException($"The comparison has no network '{network}'; it has {string.Join(", ", _networks)}.");
    }
}
