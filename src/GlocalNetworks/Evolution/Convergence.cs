using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Metrics;
using GlocalNetworks.Statistics;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Evolution;

/// <summary>The dispersion measured by σ-convergence.</summary>
public enum SigmaMeasure
{
    /// <summary>The sample standard deviation (n - 1) of ln x across regions (Barro and Sala-i-Martin 1992); every x must be &gt; 0.</summary>
    SdLog = 0,

    /// <summary>The coefficient of variation sd(x)/mean(x) (sd with n - 1); works with zeros.</summary>
    CoefficientOfVariation = 1,

    /// <summary>The plain sample standard deviation (n - 1) of x.</summary>
    Sd = 2,
}

/// <summary>Options of β-convergence (<see cref="Convergence.Beta(RegionSeries, BetaOptions?)"/>).</summary>
public sealed record BetaOptions
{
    /// <summary>The initial year t0; <see langword="null"/> for the first year of the series.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? From { get; init; }

    /// <summary>The final year t0 + T; <see langword="null"/> for the last year.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? To { get; init; }

    /// <summary>Covariates of conditional β-convergence: name → value by region (a region without a value is dropped, counted).</summary>
    /// <value>The default value is <see langword="null"/> (absolute convergence).</value>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? Covariates { get; init; }

    /// <summary>Whether a region with x ≤ 0 at t0 or t0 + T is dropped (and counted) instead of raising an error.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool DropNonPositive { get; init; }
}

/// <summary>A region measure over years: region ids × years, NaN = missing. The input of <see cref="Convergence"/>.</summary>
public sealed class RegionSeries
{
    private readonly double[][] _values;

    /// <summary>Creates the series.</summary>
    /// <param name="name">The measure's name.</param>
    /// <param name="regions">The region ids.</param>
    /// <param name="years">The years, strictly ascending.</param>
    /// <param name="values">One row per region, one value per year (NaN = missing); copied.</param>
    /// <exception cref="ArgumentException">Sizes disagree, years are not ascending, or an id repeats.</exception>
    public RegionSeries(string name, IReadOnlyList<string> regions, IReadOnlyList<int> years, IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != regions.Count)
        {
            throw new ArgumentException($"Series '{name}' has {values.Count} rows for {regions.Count} regions.", nameof(values));
        }

        for (var t = 1; t < years.Count; t++)
        {
            if (years[t] <= years[t - 1])
            {
                throw new ArgumentException($"Series '{name}': years must be strictly ascending, but {years[t]} follows {years[t - 1]}.", nameof(years));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        _values = new double[regions.Count][];
        for (var r = 0; r < regions.Count; r++)
        {
            if (!seen.Add(regions[r]))
            {
                throw new ArgumentException($"Series '{name}' has region '{regions[r]}' twice.", nameof(regions));
            }

            if (values[r].Length != years.Count)
            {
                throw new ArgumentException($"Series '{name}': region '{regions[r]}' has {values[r].Length} values for {years.Count} years.", nameof(values));
            }

            _values[r] = (double[])values[r].Clone();
        }

        Name = name;
        Regions = [.. regions];
        Years = [.. years];
    }

    /// <summary>The measure's name.</summary>
    public string Name { get; }

    /// <summary>The region ids.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The years, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The value of region row <paramref name="region"/> in year column <paramref name="year"/>.</summary>
    /// <param name="region">The region's row.</param>
    /// <param name="year">The year's column.</param>
    public double this[int region, int year] => _values[region][year];

    /// <summary>A region panel of a <see cref="TrajectorySet"/> as a series: a slice's year is its last year (yearly
    /// slices: the year).</summary>
    /// <param name="trajectories">The trajectories.</param>
    /// <param name="panel">A region panel's name, e.g. <c>scale-mix.regions.share.global</c>.</param>
    /// <returns>The series.</returns>
    /// <exception cref="KeyNotFoundException">No such panel.</exception>
    /// <exception cref="ArgumentException">The panel is not keyed by region, or two slices end in the same year.</exception>
    public static RegionSeries FromPanel(TrajectorySet trajectories, string panel)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        var p = trajectories.GetPanel(panel);
        if (p.Scope != MetricScope.Region)
        {
            throw new ArgumentException($"Panel '{panel}' is keyed by {p.KeyName}, not by region; use a region panel (a metric's regions part).", nameof(panel));
        }

        var years = SliceYears(trajectories);
        var rows = new double[p.Ids.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = p.RowAt(r);
        }

        return new RegionSeries(panel, p.Ids, years, rows);
    }

    internal static int[] SliceYears(TrajectorySet trajectories)
    {
        var years = new int[trajectories.Slices.Count];
        for (var t = 0; t < years.Length; t++)
        {
            years[t] = trajectories.Slices[t].To;
            if (t > 0 && years[t] <= years[t - 1])
            {
                throw new ArgumentException($"Slices '{trajectories.Slices[t - 1].Label}' and '{trajectories.Slices[t].Label}' do not end in increasing years; a panel needs one slice per year.", nameof(trajectories));
            }
        }

        return years;
    }
}

/// <summary>
/// Catching-up of regions (DESIGN §2.13): rank trajectories, σ-convergence (dispersion over time) and β-convergence
/// (growth regressed on the initial level) of a region measure, network metric or external indicator alike.
/// </summary>
/// <remarks>
/// <para><b>Ranks.</b> In each year the regions with a value are ranked, 1 = highest, ties given the average of their
/// ranks (R's <c>rank(-x, ties.method = "average")</c>); a missing value has no rank (NaN).</para>
/// <para><b>σ-convergence</b> (Barro and Sala-i-Martin 1992, <i>J. Polit. Econ.</i> 100(2), 223-251): σ_t is the
/// dispersion (<see cref="SigmaMeasure"/>) across the regions with a value in year t (n_t recorded; NaN when n_t &lt; 2).
/// <see cref="SigmaMeasure.SdLog"/> with any x ≤ 0 raises <see cref="ArgumentException"/> suggesting the coefficient of
/// variation. The trend is the OLS slope of σ_t on t with its conventional SE (years with NaN σ left out); a negative
/// slope is σ-convergence.</para>
/// <para><b>β-convergence</b>: g_R = (1/T) ln(x_{R,t0+T}/x_{R,t0}) regressed by OLS on a + b ln x_{R,t0} (+ covariates),
/// with conventional and HC1 SEs; b &lt; 0 is convergence, the speed β = -ln(1 + bT)/T and the half-life ln 2/β (NaN when
/// 1 + bT ≤ 0 or β ≤ 0). Regions missing at t0 or t0 + T, or without a covariate, are dropped and counted; x ≤ 0 is an
/// error unless <see cref="BetaOptions.DropNonPositive"/>. Matches R's <c>lm</c> + <c>sandwich</c> to 1e-8 (fixture
/// <c>r-plm/panel.json</c>).</para>
/// </remarks>
public static class Convergence
{
    /// <summary>The rank trajectories of a series.</summary>
    /// <param name="series">The series.</param>
    /// <returns>Ranks by region and year.</returns>
    public static RankTrajectories Ranks(RegionSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var nr = series.Regions.Count;
        var nt = series.Years.Count;
        var ranks = new double[nr][];
        for (var r = 0; r < nr; r++)
        {
            ranks[r] = new double[nt];
            Array.Fill(ranks[r], double.NaN);
        }

        var rows = new List<int>(nr);
        var vals = new List<double>(nr);
        for (var t = 0; t < nt; t++)
        {
            rows.Clear();
            vals.Clear();
            for (var r = 0; r < nr; r++)
            {
                if (double.IsFinite(series[r, t]))
                {
                    rows.Add(r);
                    vals.Add(-series[r, t]);
                }
            }

            var rk = Internal.Moments.Ranks([.. vals]);
            for (var i = 0; i < rows.Count; i++)
            {
                ranks[rows[i]][t] = rk[i];
            }
        }

        return new RankTrajectories(series, ranks);
    }

    /// <summary>σ-convergence of a series.</summary>
    /// <param name="series">The series.</param>
    /// <param name="measure">The dispersion measure.</param>
    /// <returns>σ_t by year and its trend.</returns>
    /// <exception cref="ArgumentException"><see cref="SigmaMeasure.SdLog"/> and a value ≤ 0.</exception>
    public static SigmaConvergence Sigma(RegionSeries series, SigmaMeasure measure = SigmaMeasure.SdLog)
    {
        ArgumentNullException.ThrowIfNull(series);
        var nt = series.Years.Count;
        var sigma = new double[nt];
        var count = new int[nt];
        var v = new List<double>();
        for (var t = 0; t < nt; t++)
        {
            v.Clear();
            for (var r = 0; r < series.Regions.Count; r++)
            {
                var x = series[r, t];
                if (!double.IsFinite(x))
                {
                    continue;
                }

                if (measure == SigmaMeasure.SdLog && x <= 0)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Series '{series.Name}' is {x} for region '{series.Regions[r]}' in {series.Years[t]}; the sd of logs needs every value > 0. Use SigmaMeasure.CoefficientOfVariation, which works with zeros."), nameof(series));
                }

                v.Add(measure == SigmaMeasure.SdLog ? Math.Log(x) : x);
            }

            count[t] = v.Count;
            if (v.Count < 2)
            {
                sigma[t] = double.NaN;
                continue;
            }

            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(v);
            var mean = Internal.Moments.Mean(span);
            var sd = Math.Sqrt(Internal.Moments.SumOfSquares(span, mean) / (v.Count - 1));
            sigma[t] = measure == SigmaMeasure.CoefficientOfVariation ? sd / mean : sd;
        }

        var xs = new List<double>();
        var ys = new List<double>();
        for (var t = 0; t < nt; t++)
        {
            if (double.IsFinite(sigma[t]))
            {
                xs.Add(series.Years[t]);
                ys.Add(sigma[t]);
            }
        }

        var trend = xs.Count >= 3 ? Ols.Fit(xs, ys, "year") : null;
        return new SigmaConvergence(series.Name, measure, series.Years, sigma, count, trend);
    }

    /// <summary>β-convergence of a series.</summary>
    /// <param name="series">The series.</param>
    /// <param name="options">The options, or <see langword="null"/> for absolute convergence from the first to the last year.</param>
    /// <returns>The regression, speed and half-life.</returns>
    /// <exception cref="ArgumentException">A year is not in the series, T ≤ 0, or x ≤ 0 without <see cref="BetaOptions.DropNonPositive"/>.</exception>
    /// <exception cref="EstimationException">The design is singular (e.g. a constant covariate).</exception>
    public static BetaConvergence Beta(RegionSeries series, BetaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        options ??= new BetaOptions();
        if (series.Years.Count == 0)
        {
            throw new ArgumentException($"Series '{series.Name}' has no years.", nameof(series));
        }

        var t0 = YearIndex(series, options.From ?? series.Years[0]);
        var t1 = YearIndex(series, options.To ?? series.Years[^1]);
        double horizon = series.Years[t1] - series.Years[t0];
        if (horizon <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"β-convergence needs a final year after the initial one; got {series.Years[t0]} to {series.Years[t1]}."), nameof(options));
        }

        var covNames = new List<string>();
        if (options.Covariates is not null)
        {
            covNames.AddRange(options.Covariates.Keys);
            covNames.Sort(StringComparer.Ordinal);
        }

        var g = new List<double>();
        var rows = new List<double[]>();
        var used = new List<string>();
        int missing = 0, nonPositive = 0;
        for (var r = 0; r < series.Regions.Count; r++)
        {
            double a = series[r, t0], b = series[r, t1];
            if (!double.IsFinite(a) || !double.IsFinite(b))
            {
                missing++;
                continue;
            }

            if (a <= 0 || b <= 0)
            {
                if (!options.DropNonPositive)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Series '{series.Name}' is {(a <= 0 ? a : b)} for region '{series.Regions[r]}' in {(a <= 0 ? series.Years[t0] : series.Years[t1])}; growth rates need values > 0. Set BetaOptions.DropNonPositive to drop such regions (counted)."), nameof(series));
                }

                nonPositive++;
                continue;
            }

            var row = new double[1 + covNames.Count];
            row[0] = Math.Log(a);
            var ok = true;
            for (var c = 0; c < covNames.Count; c++)
            {
                ok = options.Covariates![covNames[c]].TryGetValue(series.Regions[r], out var cv) && double.IsFinite(cv);
                if (!ok)
                {
                    break;
                }

                row[1 + c] = cv;
            }

            if (!ok)
            {
                missing++;
                continue;
            }

            rows.Add(row);
            g.Add(Math.Log(b / a) / horizon);
            used.Add(series.Regions[r]);
        }

        var x = Matrix<double>.Build.Dense(rows.Count, 1 + covNames.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            x.SetRow(i, rows[i]);
        }

        var names = new List<string> { "ln x0" };
        names.AddRange(covNames);
        var fit = Ols.Fit(x, g, names);
        return new BetaConvergence(series.Name, series.Years[t0], series.Years[t1], fit, used, missing, nonPositive);
    }

    private static int YearIndex(RegionSeries s, int year)
    {
        for (var t = 0; t < s.Years.Count; t++)
        {
            if (s.Years[t] == year)
            {
                return t;
            }
        }

        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"Series '{s.Name}' has no year {year}; its years are {s.Years[0]}-{s.Years[^1]}."), nameof(s));
    }
}

/// <summary>Ranks of regions by year (1 = highest, ties averaged, NaN = no value). Immutable.</summary>
public sealed class RankTrajectories
{
    private readonly double[][] _ranks;

    internal RankTrajectories(RegionSeries series, double[][] ranks)
    {
        Series = series;
        _ranks = ranks;
    }

    /// <summary>The ranked series.</summary>
    public RegionSeries Series { get; }

    /// <summary>The regions.</summary>
    public IReadOnlyList<string> Regions => Series.Regions;

    /// <summary>The years.</summary>
    public IReadOnlyList<int> Years => Series.Years;

    /// <summary>The ranks of a region by year.</summary>
    /// <param name="region">The region id.</param>
    /// <returns>One rank per year (NaN where it has no value).</returns>
    /// <exception cref="KeyNotFoundException">No such region.</exception>
    public ReadOnlySpan<double> Rank(string region)
    {
        for (var r = 0; r < Regions.Count; r++)
        {
            if (string.Equals(Regions[r], region, StringComparison.Ordinal))
            {
                return _ranks[r];
            }
        }

        throw new KeyNotFoundException($"The rank trajectories of '{Series.Name}' have no region '{region}'.");
    }

    /// <summary>The regions ranked best in the last year with any ranks (ties by id, ordinally), at most <paramref name="count"/>.</summary>
    /// <param name="count">How many.</param>
    /// <returns>The ids, best first.</returns>
    public IReadOnlyList<string> Top(int count)
    {
        var t = Years.Count - 1;
        while (t > 0 && Column(t).Count == 0)
        {
            t--;
        }

        var order = t >= 0 ? Column(t) : [];
        order.Sort((a, b) => _ranks[a][t] != _ranks[b][t] ? _ranks[a][t].CompareTo(_ranks[b][t]) : string.CompareOrdinal(Regions[a], Regions[b]));
        var ids = new List<string>();
        for (var i = 0; i < order.Count && i < count; i++)
        {
            ids.Add(Regions[order[i]]);
        }

        return ids;
    }

    /// <summary>Writes <c>region,year,value,rank</c>, one row per region and year with a value.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("region,year,value,rank\n");
        for (var r = 0; r < Regions.Count; r++)
        {
            for (var t = 0; t < Years.Count; t++)
            {
                if (double.IsFinite(_ranks[r][t]))
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"{MetricResult.Cell(Regions[r])},{Years[t]},{MetricResult.Cell(Series[r, t])},{MetricResult.Cell(_ranks[r][t])}\n"));
                }
            }
        }
    }

    /// <summary>The ranks of the <paramref name="top"/> regions as Markdown, one row per region, one column per year.</summary>
    /// <param name="top">How many regions (best in the last year first).</param>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown(int top = 15)
    {
        var sb = new StringBuilder("| region");
        foreach (var y in Years)
        {
            sb.Append(CultureInfo.InvariantCulture, $" | {y}");
        }

        sb.Append(" |\n|---").Append(string.Concat(System.Linq.Enumerable.Repeat("|---:", Years.Count))).Append("|\n");
        foreach (var id in Top(top))
        {
            sb.Append("| ").Append(MetricResult.Md(id));
            foreach (var v in Rank(id))
            {
                sb.Append(" | ").Append(MetricResult.Md(v));
            }

            sb.Append(" |\n");
        }

        return sb.ToString();
    }

    private List<int> Column(int t)
    {
        var rows = new List<int>();
        for (var r = 0; r < Regions.Count; r++)
        {
            if (double.IsFinite(_ranks[r][t]))
            {
                rows.Add(r);
            }
        }

        return rows;
    }
}

/// <summary>σ_t by year and its linear trend. Immutable.</summary>
public sealed class SigmaConvergence
{
    internal SigmaConvergence(string name, SigmaMeasure measure, IReadOnlyList<int> years, double[] sigma, int[] count, OlsFit? trend)
    {
        Name = name;
        Measure = measure;
        Years = years;
        Sigma = sigma;
        Counts = count;
        TrendFit = trend;
        Trend = trend is null ? double.NaN : trend.Coefficients[1];
        TrendStandardError = trend is null ? double.NaN : trend.Inference().StandardErrors[1];
    }

    /// <summary>The measure's name.</summary>
    public string Name { get; }

    /// <summary>The dispersion measure.</summary>
    public SigmaMeasure Measure { get; }

    /// <summary>The years.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>σ_t by year (NaN when fewer than 2 regions have a value).</summary>
    public IReadOnlyList<double> Sigma { get; }

    /// <summary>n_t, the regions with a value, by year.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>The OLS slope of σ_t on t (NaN with fewer than 3 finite σ_t); negative = σ-convergence.</summary>
    public double Trend { get; }

    /// <summary>The conventional SE of <see cref="Trend"/>.</summary>
    public double TrendStandardError { get; }

    /// <summary>The trend regression (σ_t on year), or <see langword="null"/>.</summary>
    public OlsFit? TrendFit { get; }

    /// <summary>Writes <c>year,n,sigma</c>.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("year,n,sigma\n");
        for (var t = 0; t < Years.Count; t++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Years[t]},{Counts[t]},{MetricResult.Cell(Sigma[t])}\n"));
        }
    }

    /// <summary>A Markdown table of σ_t and n_t by year, and the trend.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"σ-convergence of {Name} ({Measure}): trend {MetricResult.Md(Trend)} per year (SE {MetricResult.Md(TrendStandardError)}).\n\n| year | n | σ |\n|---:|---:|---:|\n");
        for (var t = 0; t < Years.Count; t++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"| {Years[t]} | {Counts[t]} | {MetricResult.Md(Sigma[t])} |\n");
        }

        return sb.ToString();
    }
}

/// <summary>A β-convergence regression with its speed and half-life. Immutable.</summary>
public sealed class BetaConvergence
{
    internal BetaConvergence(string name, int from, int to, OlsFit fit, List<string> regions, int missing, int nonPositive)
    {
        Name = name;
        From = from;
        To = to;
        Fit = fit;
        Regions = regions;
        DroppedMissing = missing;
        DroppedNonPositive = nonPositive;
        var t = (double)(to - from);
        B = fit.Coefficients[1];
        var speed = 1 + (B * t) > 0 ? -Math.Log(1 + (B * t)) / t : double.NaN;
        Speed = speed;
        HalfLife = speed > 0 ? Math.Log(2) / speed : double.NaN;
    }

    /// <summary>The measure's name.</summary>
    public string Name { get; }

    /// <summary>t0.</summary>
    public int From { get; }

    /// <summary>t0 + T.</summary>
    public int To { get; }

    /// <summary>The regression of g on (Intercept), ln x0 and the covariates (sorted by name).</summary>
    public OlsFit Fit { get; }

    /// <summary>b, the coefficient of ln x0 (negative = convergence).</summary>
    public double B { get; }

    /// <summary>The implied speed β = -ln(1 + bT)/T (NaN when 1 + bT ≤ 0).</summary>
    public double Speed { get; }

    /// <summary>The half-life ln 2/β in years (NaN unless β &gt; 0).</summary>
    public double HalfLife { get; }

    /// <summary>The regions used.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>Regions dropped for a missing value at t0 or t0 + T or a missing covariate.</summary>
    public int DroppedMissing { get; }

    /// <summary>Regions dropped for x ≤ 0 (<see cref="BetaOptions.DropNonPositive"/>).</summary>
    public int DroppedNonPositive { get; }

    /// <summary>Writes the coefficient table (conventional and HC1 columns).</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer) => Fit.ToTable("beta-convergence").WriteCsv(writer);

    /// <summary>A summary line and the coefficient table as Markdown.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture,
        $"β-convergence of {Name}, {From}-{To}: b = {MetricResult.Md(B)}, speed {MetricResult.Md(Speed)} per year, half-life {MetricResult.Md(HalfLife)} years; n = {Fit.ObservationCount} regions ({DroppedMissing} dropped as missing, {DroppedNonPositive} as non-positive), R² {MetricResult.Md(Fit.RSquared)}.\n\n")
        + Fit.ToMarkdown();
}
