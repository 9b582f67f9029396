using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Internal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Statistics;

namespace GlocalNetworks.Evolution;

/// <summary>Joins trajectories with an external indicator panel: <c>trajectories.JoinIndicators(panel)</c>.</summary>
public static class IndicatorJoin
{
    /// <summary>
    /// The region × year dataset of every region panel of <paramref name="trajectories"/> (at <paramref name="level"/>) and
    /// every indicator of <paramref name="indicators"/>. Rows are the regions of those panels × the slices' years (a slice's
    /// year is its last year); an indicator value missing for a row is NaN. Regions of the network with no indicator value
    /// at all are listed (with suggestions) in <see cref="PanelDataset.RegionsWithoutIndicators"/>; indicator regions not in
    /// the network are counted in <see cref="PanelDataset.IndicatorRegionsNotInNetwork"/>.
    /// </summary>
    /// <param name="trajectories">Trajectories with region panels (e.g. tracked <c>scale-mix</c> at a level).</param>
    /// <param name="indicators">The indicator panel.</param>
    /// <param name="level">The region level of the panels to use; <see langword="null"/> when they have one level.</param>
    /// <returns>The joined dataset.</returns>
    /// <exception cref="ArgumentException">No region panel (at that level), panels at several levels and no level given, a
    /// column name in both, or slices that do not end in increasing years.</exception>
    public static PanelDataset JoinIndicators(this TrajectorySet trajectories, IndicatorPanel indicators, string? level = null)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentNullException.ThrowIfNull(indicators);
        var panels = new List<Panel>();
        var levels = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in trajectories.Panels)
        {
            if (p.Scope == MetricScope.Region && (level is null || string.Equals(p.Level, level, StringComparison.OrdinalIgnoreCase)))
            {
                panels.Add(p);
                levels.Add(p.Level ?? string.Empty);
            }
        }

        if (panels.Count == 0 || levels.Count > 1)
        {
            throw new ArgumentException(panels.Count == 0
                ? $"The trajectories have no region panel{(level is null ? string.Empty : " at level '" + level + "'")}; track a region metric (e.g. scale-mix) with Evolve().AtLevel(...)."
                : $"The region panels are at levels '{string.Join("', '", levels)}'; name one with the level argument.", nameof(level));
        }

        var years = RegionSeries.SliceYears(trajectories);
        var regions = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in panels)
        {
            foreach (var id in p.Ids)
            {
                if (seen.Add(id))
                {
                    regions.Add(id);
                }
            }
        }

        var data = new PanelDataset(regions, years);
        foreach (var p in panels)
        {
            var col = data.NewColumn(p.Name);
            for (var r = 0; r < regions.Count; r++)
            {
                var row = p.Ids.Count > 0 && Contains(p, regions[r]) ? p.Row(regions[r]) : default;
                for (var t = 0; t < years.Length; t++)
                {
                    col[(r * years.Length) + t] = row.IsEmpty ? double.NaN : row[t];
                }
            }
        }

        data.AddIndicators(indicators);
        return data;
    }

    private static bool Contains(Panel p, string id)
    {
        foreach (var x in p.Ids)
        {
            if (string.Equals(x, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// A region × year dataset of named columns (network measures and indicators), rows ordered by region then year, with
/// the catching-up analyses on it: lagged correlations, fixed-effects regressions, σ- and β-convergence and rank
/// trajectories of any column. Build it with <see cref="IndicatorJoin.JoinIndicators"/> or <see cref="FromIndicators"/>.
/// </summary>
public sealed class PanelDataset
{
    private readonly List<string> _regions;
    private readonly int[] _years;
    private readonly Dictionary<string, double[]> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<string> _without = [];
    private readonly Dictionary<string, IReadOnlyList<string>> _suggestions = new(StringComparer.Ordinal);

    internal PanelDataset(List<string> regions, int[] years)
    {
        _regions = regions;
        _years = years;
    }

    /// <summary>The regions, in row order.</summary>
    public IReadOnlyList<string> Regions => _regions;

    /// <summary>The years, ascending.</summary>
    public IReadOnlyList<int> Years => _years;

    /// <summary>The column names: network panels first, then indicators.</summary>
    public IReadOnlyList<string> Columns => _names;

    /// <summary>Rows: regions × years.</summary>
    public int RowCount => _regions.Count * _years.Length;

    /// <summary>Regions of the network with no value of any indicator in any year (joined datasets only).</summary>
    public IReadOnlyList<string> RegionsWithoutIndicators => _without;

    /// <summary>Up to 3 indicator region ids close to each region in <see cref="RegionsWithoutIndicators"/> (a code
    /// mismatch such as EL/GR shows here).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Suggestions => _suggestions;

    /// <summary>Indicator regions with no row in the dataset (outside the network).</summary>
    public int IndicatorRegionsNotInNetwork { get; private set; }

    /// <summary>A value (NaN when missing).</summary>
    /// <param name="region">The region.</param>
    /// <param name="year">The year.</param>
    /// <param name="column">The column.</param>
    public double this[string region, int year, string column]
    {
        get
        {
            var r = _regions.IndexOf(region);
            var t = Array.IndexOf(_years, year);
            return r < 0 || t < 0 ? double.NaN : Column(column)[(r * _years.Length) + t];
        }
    }

    /// <summary>The dataset of an indicator panel alone: its regions × every year from its first to its last.</summary>
    /// <param name="indicators">The panel.</param>
    /// <returns>The dataset.</returns>
    public static PanelDataset FromIndicators(IndicatorPanel indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var years = new int[indicators.Years.Count == 0 ? 0 : indicators.Years[^1] - indicators.Years[0] + 1];
        for (var t = 0; t < years.Length; t++)
        {
            years[t] = indicators.Years[0] + t;
        }

        var data = new PanelDataset([.. indicators.Regions], years);
        data.AddIndicators(indicators);
        return data;
    }

    /// <summary>A column's values in row order (region-major, years ascending).</summary>
    /// <param name="name">The column.</param>
    /// <returns>The values (NaN = missing).</returns>
    /// <exception cref="KeyNotFoundException">No such column; the message suggests names.</exception>
    public ReadOnlySpan<double> Column(string name) => _columns.TryGetValue(name, out var c) ? c
        : throw new KeyNotFoundException($"The dataset has no column '{name}'.{Internal.Suggestions.DidYouMean(Internal.Suggestions.Closest(name, _names))} Its columns are '{string.Join("', '", _names)}'.");

    /// <summary>A copy of the dataset with one more column computed value by value from another (e.g. ln GDP per capita);
    /// a non-finite result is missing.</summary>
    /// <param name="name">The new column's name.</param>
    /// <param name="source">The column it is computed from.</param>
    /// <param name="transform">The function, e.g. <c>Math.Log</c>.</param>
    /// <returns>The new dataset (this one is unchanged).</returns>
    /// <exception cref="ArgumentException">The name is taken.</exception>
    public PanelDataset WithColumn(string name, string source, Func<double, double> transform)
    {
        ArgumentNullException.ThrowIfNull(transform);
        var src = Column(source);
        var copy = new PanelDataset(_regions, _years) { IndicatorRegionsNotInNetwork = IndicatorRegionsNotInNetwork };
        foreach (var c in _names)
        {
            _columns[c].CopyTo(copy.NewColumn(c), 0);
        }

        copy._without.AddRange(_without);
        foreach (var (k, v) in _suggestions)
        {
            copy._suggestions[k] = v;
        }

        var col = copy.NewColumn(name);
        for (var i = 0; i < col.Length; i++)
        {
            var v = transform(src[i]);
            col[i] = double.IsFinite(v) ? v : double.NaN;
        }

        return copy;
    }

    /// <summary>A column as a <see cref="RegionSeries"/> (for <see cref="Convergence"/>).</summary>
    /// <param name="name">The column.</param>
    /// <returns>The series.</returns>
    public RegionSeries Series(string name)
    {
        var c = Column(name);
        var rows = new double[_regions.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = c.Slice(r * _years.Length, _years.Length).ToArray();
        }

        return new RegionSeries(name, _regions, _years, rows);
    }

    /// <summary>σ-convergence of a column (<see cref="Convergence.Sigma"/>).</summary>
    /// <param name="column">The column.</param>
    /// <param name="measure">The dispersion measure.</param>
    /// <returns>The result.</returns>
    public SigmaConvergence Sigma(string column, SigmaMeasure measure = SigmaMeasure.SdLog) => Convergence.Sigma(Series(column), measure);

    /// <summary>β-convergence of a column (<see cref="Convergence.Beta"/>).</summary>
    /// <param name="column">The column.</param>
    /// <param name="options">The options.</param>
    /// <returns>The result.</returns>
    public BetaConvergence Beta(string column, BetaOptions? options = null) => Convergence.Beta(Series(column), options);

    /// <summary>Rank trajectories of a column (<see cref="Convergence.Ranks"/>).</summary>
    /// <param name="column">The column.</param>
    /// <returns>The ranks.</returns>
    public RankTrajectories Ranks(string column) => Convergence.Ranks(Series(column));

    /// <summary>
    /// Pooled lagged correlations (DESIGN §2.13): for L = 0..<paramref name="maxLag"/>, the Pearson correlation of
    /// <paramref name="lagged"/> in year t - L with <paramref name="outcome"/> in year t, over every region and year where
    /// both exist (n per lag recorded; NaN with fewer than 3 pairs or a constant side). A positive r at L &gt; 0 says
    /// the lagged measure leads the outcome (association, not causation).
    /// </summary>
    /// <param name="lagged">The leading column (e.g. a network measure).</param>
    /// <param name="outcome">The outcome column (e.g. GDP per capita).</param>
    /// <param name="maxLag">The largest lag in years (≥ 0).</param>
    /// <returns>r and n by lag.</returns>
    public LaggedCorrelation LaggedCorrelation(string lagged, string outcome, int maxLag = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLag);
        var x = Column(lagged);
        var y = Column(outcome);
        var r = new double[maxLag + 1];
        var n = new int[maxLag + 1];
        var xs = new List<double>();
        var ys = new List<double>();
        for (var lag = 0; lag <= maxLag; lag++)
        {
            xs.Clear();
            ys.Clear();
            for (var reg = 0; reg < _regions.Count; reg++)
            {
                for (var t = lag; t < _years.Length; t++)
                {
                    var tl = Array.IndexOf(_years, _years[t] - lag);
                    if (tl < 0)
                    {
                        continue;
                    }

                    double a = x[(reg * _years.Length) + tl], b = y[(reg * _years.Length) + t];
                    if (double.IsFinite(a) && double.IsFinite(b))
                    {
                        xs.Add(a);
                        ys.Add(b);
                    }
                }
            }

            n[lag] = xs.Count;
            r[lag] = xs.Count >= 3 ? Moments.Pearson([.. xs], [.. ys]) : double.NaN;
        }

        return new LaggedCorrelation(lagged, outcome, r, n);
    }

    /// <summary>The fixed-effects (within) regression of <paramref name="y"/> in year t on <paramref name="x"/> in year
    /// t - <paramref name="lag"/>, units = regions (<see cref="PanelRegression.FixedEffects"/>; rows with a missing value,
    /// lagged values before the first year included, are dropped and counted).</summary>
    /// <param name="y">The outcome column.</param>
    /// <param name="x">The regressor columns.</param>
    /// <param name="lag">The lag of every regressor in years (≥ 0).</param>
    /// <param name="yearEffects">Whether to add year dummies (two-way fixed effects).</param>
    /// <param name="covariance">The covariance of the table's main columns.</param>
    /// <returns>The fit; regressors are named <c>column</c> (lag 0) or <c>column.lagL</c>.</returns>
    public PanelFit FixedEffects(string y, IReadOnlyList<string> x, int lag = 0, bool yearEffects = false, PanelCovariance covariance = PanelCovariance.ClusterHC1)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        var yc = Column(y).ToArray();
        var units = new string[RowCount];
        var periods = new int[RowCount];
        for (var r = 0; r < _regions.Count; r++)
        {
            for (var t = 0; t < _years.Length; t++)
            {
                units[(r * _years.Length) + t] = _regions[r];
                periods[(r * _years.Length) + t] = _years[t];
            }
        }

        var xs = new List<IReadOnlyList<double>>();
        var names = new List<string>();
        foreach (var name in x)
        {
            var c = Column(name);
            var shifted = new double[RowCount];
            for (var r = 0; r < _regions.Count; r++)
            {
                for (var t = 0; t < _years.Length; t++)
                {
                    var tl = Array.IndexOf(_years, _years[t] - lag);
                    shifted[(r * _years.Length) + t] = tl < 0 ? double.NaN : c[(r * _years.Length) + tl];
                }
            }

            xs.Add(shifted);
            names.Add(lag == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name}.lag{lag}"));
        }

        return PanelRegression.FixedEffects(units, periods, yc, xs, names, new PanelOptions { YearEffects = yearEffects, Covariance = covariance });
    }

    /// <summary>Writes the dataset: <c>region,year,</c> then one column per name.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("region,year");
        foreach (var c in _names)
        {
            writer.Write(',');
            writer.Write(MetricResult.Cell(c));
        }

        writer.Write('\n');
        for (var r = 0; r < _regions.Count; r++)
        {
            for (var t = 0; t < _years.Length; t++)
            {
                writer.Write(MetricResult.Cell(_regions[r]));
                writer.Write(',');
                writer.Write(_years[t].ToString(CultureInfo.InvariantCulture));
                foreach (var c in _names)
                {
                    writer.Write(',');
                    writer.Write(MetricResult.Cell(_columns[c][(r * _years.Length) + t]));
                }

                writer.Write('\n');
            }
        }
    }

    /// <summary>A summary: rows, columns with their non-missing counts, and the join report.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{_regions.Count} regions × {_years.Length} years ({(_years.Length == 0 ? "none" : _years[0] + "-" + _years[^1])}).\n\n| column | values |\n|---|---:|\n");
        foreach (var c in _names)
        {
            var k = 0;
            foreach (var v in _columns[c])
            {
                k += double.IsFinite(v) ? 1 : 0;
            }

            sb.Append(CultureInfo.InvariantCulture, $"| {MetricResult.Md(c)} | {k} |\n");
        }

        if (_without.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\nRegions without indicator data: {string.Join(", ", _without)}.\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\nIndicator regions outside the network: {IndicatorRegionsNotInNetwork}.\n");
        return sb.ToString();
    }

    internal double[] NewColumn(string name)
    {
        if (_columns.ContainsKey(name))
        {
            throw new ArgumentException($"Column '{name}' exists already (a network panel and an indicator, or a derived column, share the name); rename one.", nameof(name));
        }

        var c = new double[RowCount];
        _columns[name] = c;
        _names.Add(name);
        return c;
    }

    internal void AddIndicators(IndicatorPanel indicators)
    {
        var has = new bool[_regions.Count];
        foreach (var ind in indicators.Indicators)
        {
            var values = indicators.Indicator(ind);
            var col = NewColumn(ind);
            for (var r = 0; r < _regions.Count; r++)
            {
                for (var t = 0; t < _years.Length; t++)
                {
                    var ok = values.TryGetValue((_regions[r], _years[t]), out var v);
                    col[(r * _years.Length) + t] = ok ? v : double.NaN;
                    has[r] |= ok;
                }
            }
        }

        var inData = new HashSet<string>(_regions, StringComparer.Ordinal);
        foreach (var id in indicators.Regions)
        {
            IndicatorRegionsNotInNetwork += inData.Contains(id) ? 0 : 1;
        }

        for (var r = 0; r < _regions.Count; r++)
        {
            if (!has[r])
            {
                _without.Add(_regions[r]);
                _suggestions[_regions[r]] = Internal.Suggestions.Closest(_regions[r], indicators.Regions);
            }
        }
    }
}

/// <summary>Pooled lagged correlations by lag (<see cref="PanelDataset.LaggedCorrelation"/>). Immutable.</summary>
public sealed class LaggedCorrelation
{
    internal LaggedCorrelation(string lagged, string outcome, double[] r, int[] n)
    {
        Lagged = lagged;
        Outcome = outcome;
        Correlations = r;
        Counts = n;
    }

    /// <summary>The leading (lagged) column.</summary>
    public string Lagged { get; }

    /// <summary>The outcome column.</summary>
    public string Outcome { get; }

    /// <summary>r by lag L = 0..max.</summary>
    public IReadOnlyList<double> Correlations { get; }

    /// <summary>The number of (region, year) pairs by lag.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>Writes <c>lag,n,r</c>.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("lag,n,r\n");
        for (var l = 0; l < Counts.Count; l++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{l},{Counts[l]},{MetricResult.Cell(Correlations[l])}\n"));
        }
    }

    /// <summary>A Markdown table of r and n by lag.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Correlation of {MetricResult.Md(Lagged)} (year t - L) with {MetricResult.Md(Outcome)} (year t), pooled over regions and years.\n\n| L | n | r |\n|---:|---:|---:|\n");
        for (var l = 0; l < Counts.Count; l++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {l} | {Counts[l]} | {MetricResult.Md(Correlations[l])} |\n");
        }

        return sb.ToString();
    }
}
