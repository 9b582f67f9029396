using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using GlocalNetworks.Metrics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace GlocalNetworks.Statistics;

/// <summary>How the covariance of fixed-effects estimates is computed. K counts the slope coefficients only (neither the
/// unit effects nor the year dummies), n the observations used, N the units, G = N the clusters.</summary>
public enum PanelCovariance
{
    /// <summary>Cluster-robust by unit (Arellano 1987) with the factor n/(n - K): exactly
    /// <c>plm::vcovHC(fit, type = "HC1", cluster = "group")</c>. The default.</summary>
    ClusterHC1 = 0,

    /// <summary>σ̂² (X̃ᵀX̃)⁻¹ with σ̂² = Σê²/(n - N - K - year dummies), as <c>vcov(plm(..., model = "within"))</c>.</summary>
    Conventional = 1,

    /// <summary>Cluster-robust by unit with no factor: <c>plm::vcovHC(fit, type = "HC0", cluster = "group")</c>.</summary>
    ClusterHC0 = 2,

    /// <summary>Cluster-robust by unit with Stata's small-sample factor G/(G - 1) · (n - 1)/(n - K):
    /// <c>plm::vcovHC(fit, type = "sss", cluster = "group")</c>.</summary>
    ClusterStata = 3,
}

/// <summary>Options of <see cref="PanelRegression.FixedEffects"/>.</summary>
public sealed record PanelOptions
{
    /// <summary>Whether to add year (period) effects as dummies, the first period being the base (two-way fixed effects,
    /// as <c>plm(..., effect = "twoways")</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool YearEffects { get; init; }

    /// <summary>The covariance of the table's main columns.</summary>
    /// <value>The default value is <see cref="PanelCovariance.ClusterHC1"/>.</value>
    public PanelCovariance Covariance { get; init; } = PanelCovariance.ClusterHC1;
}

/// <summary>
/// The fixed-effects (within) estimator for panels of units (regions) observed over periods (years), exactly as DESIGN
/// §2.13 and <c>plm(model = "within")</c>: unbalanced panels allowed, missing values counted, cluster-robust errors.
/// </summary>
/// <remarks>
/// <para>Model y_it = α_i + x_itᵀβ (+ γ_t) + ε_it. An observation with a missing (non-finite) y or x is dropped and
/// counted in <see cref="PanelFit.DroppedMissing"/>, never silently. Every remaining column is demeaned by unit,
/// ỹ = y - ȳ_i, x̃ = x - x̄_i (year dummies too), and β̂ solves min ‖ỹ - X̃β‖ by a Householder QR. By
/// Frisch-Waugh-Lovell this equals the dummy-variable (LSDV) regression, balanced or not.</para>
/// <para>σ̂² = Σê² / (n - N - K - D), D the year dummies; the conventional covariance is σ̂²(X̃ᵀX̃)⁻¹. The cluster
/// covariance is (X̃ᵀX̃)⁻¹ [Σ_g X̃_gᵀê_g ê_gᵀX̃_g] (X̃ᵀX̃)⁻¹ times a factor (see <see cref="PanelCovariance"/>); the
/// default n/(n - K), K the slopes only, reproduces <c>plm::vcovHC(type = "HC1", cluster = "group")</c> to 1e-10 in the
/// fixtures, for one-way and two-way models. (DESIGN's G/(G-1)·(n-1)/(n-K) is <see cref="PanelCovariance.ClusterStata"/>,
/// plm's <c>"sss"</c>.) R² within = 1 - RSS / Σỹ² with ỹ demeaned by unit (plm's for one-way models).</para>
/// <para>A regressor constant within every unit becomes zero and raises <see cref="EstimationException"/>. A unit with
/// one observation contributes nothing to β̂ but is counted in N, as in plm. Time O(n K²).</para>
/// </remarks>
public static class PanelRegression
{
    /// <summary>Fits the within estimator.</summary>
    /// <param name="units">The unit (region) of each observation.</param>
    /// <param name="periods">The period (year) of each observation.</param>
    /// <param name="y">The outcome of each observation (NaN = missing).</param>
    /// <param name="x">The regressors, one array of observations per regressor (NaN = missing).</param>
    /// <param name="names">The regressor names.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentException">Sizes disagree, or a (unit, period) pair repeats, or too few observations remain.</exception>
    /// <exception cref="EstimationException">A regressor is constant within units or collinear with the others.</exception>
    public static PanelFit FixedEffects(IReadOnlyList<string> units, IReadOnlyList<int> periods, IReadOnlyList<double> y,
        IReadOnlyList<IReadOnlyList<double>> x, IReadOnlyList<string> names, PanelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(names);
        options ??= new PanelOptions();
        var total = y.Count;
        if (units.Count != total || periods.Count != total || x.Count != names.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {units.Count} units, {periods.Count} periods and {total} outcomes, and {x.Count} regressors for {names.Count} names; they must match."));
        }

        foreach (var col in x)
        {
            if (col.Count != total)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A regressor has {col.Count} values for {total} outcomes."), nameof(x));
            }
        }

        // Keep complete observations; index units (first appearance) and periods (sorted).
        var keep = new List<int>(total);
        var seen = new HashSet<(string, int)>();
        var dropped = 0;
        for (var i = 0; i < total; i++)
        {
            if (!seen.Add((units[i], periods[i])))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Unit '{units[i]}' has period {periods[i]} twice; a panel has one observation per unit and period."), nameof(periods));
            }

            var ok = double.IsFinite(y[i]);
            for (var j = 0; ok && j < x.Count; j++)
            {
                ok = double.IsFinite(x[j][i]);
            }

            if (ok)
            {
                keep.Add(i);
            }
            else
            {
                dropped++;
            }
        }

        var n = keep.Count;
        var unitIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var cluster = new int[n];
        var periodSet = new SortedSet<int>();
        for (var r = 0; r < n; r++)
        {
            var u = units[keep[r]];
            if (!unitIndex.TryGetValue(u, out var g))
            {
                g = unitIndex.Count;
                unitIndex[u] = g;
            }

            cluster[r] = g;
            periodSet.Add(periods[keep[r]]);
        }

        var periodList = new List<int>(periodSet);
        var dummies = options.YearEffects ? Math.Max(0, periodList.Count - 1) : 0;
        var k = x.Count;
        var p = k + dummies;
        var allNames = new List<string>(names);
        for (var d = 1; d <= dummies; d++)
        {
            allNames.Add("year." + periodList[d].ToString(CultureInfo.InvariantCulture));
        }

        var design = Matrix<double>.Build.Dense(n, p);
        var yv = new double[n];
        for (var r = 0; r < n; r++)
        {
            var i = keep[r];
            yv[r] = y[i];
            for (var j = 0; j < k; j++)
            {
                design[r, j] = x[j][i];
            }

            if (dummies > 0)
            {
                var t = periodList.BinarySearch(periods[i]);
                if (t > 0)
                {
                    design[r, k + t - 1] = 1;
                }
            }
        }

        var groups = unitIndex.Count;
        Demean(yv, design, cluster, groups);
        var df = n - groups - p;
        if (df < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{n} complete observations of {groups} units leave {df} residual degrees of freedom for {p} coefficients; the within estimator needs at least 1."));
        }

        Ols.CheckDesign(design, yv, allNames);
        var beta = design.QR(QRMethod.Thin).Solve(Vector<double>.Build.Dense(yv)).ToArray();
        var unitIds = new string[groups];
        foreach (var (id, g) in unitIndex)
        {
            unitIds[g] = id;
        }

        return new PanelFit(allNames, k, beta, design, yv, cluster, unitIds, periodList, dropped, df, options);
    }

    private static void Demean(double[] y, Matrix<double> x, int[] cluster, int groups)
    {
        var count = new int[groups];
        foreach (var g in cluster)
        {
            count[g]++;
        }

        DemeanColumn(y, cluster, count);
        var col = new double[y.Length];
        for (var j = 0; j < x.ColumnCount; j++)
        {
            for (var i = 0; i < col.Length; i++)
            {
                col[i] = x[i, j];
            }

            DemeanColumn(col, cluster, count);
            for (var i = 0; i < col.Length; i++)
            {
                x[i, j] = col[i];
            }
        }
    }

    private static void DemeanColumn(double[] v, int[] cluster, int[] count)
    {
        var sum = new double[count.Length];
        for (var i = 0; i < v.Length; i++)
        {
            sum[cluster[i]] += v[i];
        }

        for (var i = 0; i < v.Length; i++)
        {
            v[i] -= sum[cluster[i]] / count[cluster[i]];
        }
    }
}

/// <summary>A fitted fixed-effects panel regression (<see cref="PanelRegression.FixedEffects"/>): slope and year-effect
/// estimates, four covariances, counts of what was used and dropped, and a coefficient table. Immutable.</summary>
public sealed class PanelFit
{
    private readonly RegressionInference[] _inference;

    internal PanelFit(List<string> names, int slopes, double[] beta, Matrix<double> xt, double[] yt, int[] cluster, string[] units,
        List<int> periods, int dropped, int df, PanelOptions options)
    {
        var n = xt.RowCount;
        var groups = units.Length;
        Names = new ReadOnlyCollection<string>(names);
        SlopeCount = slopes;
        Coefficients = Array.AsReadOnly(beta);
        Units = Array.AsReadOnly(units);
        Periods = new ReadOnlyCollection<int>(periods);
        ObservationCount = n;
        DroppedMissing = dropped;
        DegreesOfFreedom = df;
        Options = options;
        var e = new double[n];
        var fitted = xt * Vector<double>.Build.Dense(beta);
        double rss = 0;
        for (var i = 0; i < n; i++)
        {
            e[i] = yt[i] - fitted[i];
            rss += e[i] * e[i];
        }

        ResidualSumOfSquares = rss;
        ResidualVariance = rss / df;
        var tss = Internal.Moments.SumOfSquares(yt, 0);
        WithinRSquared = tss > 0 ? 1 - (rss / tss) : double.NaN;
        var bread = Sandwich.Bread(xt);
        var hc0 = bread * Sandwich.ClusterMeat(xt, e, cluster, groups) * bread;
        var nk = n - slopes;
        _inference =
        [
            new RegressionInference("cluster-HC1", Coefficients, hc0 * ((double)n / nk), df),
            new RegressionInference("conventional", Coefficients, bread * ResidualVariance, df),
            new RegressionInference("cluster-HC0", Coefficients, hc0, df),
            new RegressionInference("cluster-stata", Coefficients, hc0 * ((double)groups / (groups - 1) * (n - 1) / nk), df),
        ];
    }

    /// <summary>The term names: the slopes in the order given, then <c>year.YYYY</c> dummies (two-way models).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>K, the number of slope coefficients (the leading terms of <see cref="Names"/>).</summary>
    public int SlopeCount { get; }

    /// <summary>The estimates, by term.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>The units used (N = their count, G = the clusters), in order of first appearance.</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>The periods used, ascending.</summary>
    public IReadOnlyList<int> Periods { get; }

    /// <summary>n, the complete observations used.</summary>
    public int ObservationCount { get; }

    /// <summary>Observations dropped because y or a regressor was missing (NaN).</summary>
    public int DroppedMissing { get; }

    /// <summary>n - N - K - D, the residual degrees of freedom.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>The options used.</summary>
    public PanelOptions Options { get; }

    /// <summary>Σê².</summary>
    public double ResidualSumOfSquares { get; }

    /// <summary>σ̂² = Σê²/(n - N - K - D).</summary>
    public double ResidualVariance { get; }

    /// <summary>R² within = 1 - RSS/Σỹ², ỹ demeaned by unit; NaN when ỹ is all zero.</summary>
    public double WithinRSquared { get; }

    /// <summary>The coefficient of a term.</summary>
    /// <param name="name">The term.</param>
    /// <returns>β̂.</returns>
    /// <exception cref="KeyNotFoundException">No such term.</exception>
    public double this[string name]
    {
        get
        {
            var j = ((ReadOnlyCollection<string>)Names).IndexOf(name);
            return j >= 0 ? Coefficients[j] : throw new KeyNotFoundException($"The fit has no term '{name}'; its terms are '{string.Join("', '", Names)}'.");
        }
    }

    /// <summary>Standard errors, t and p under a covariance (t with the residual degrees of freedom, as
    /// <c>lmtest::coeftest</c> on a plm fit).</summary>
    /// <param name="covariance">The covariance.</param>
    /// <returns>The inference.</returns>
    public RegressionInference Inference(PanelCovariance covariance = PanelCovariance.ClusterHC1) => _inference[(int)covariance];

    /// <summary>The coefficient table (key column <c>term</c>): <c>estimate</c>, <c>se</c>, <c>t</c>, <c>p</c> under the
    /// options' covariance, then <c>se.conv</c>, <c>t.conv</c>, <c>p.conv</c> (conventional). Properties: n, units,
    /// periods, dropped-missing, df, covariance, within-r2.</summary>
    /// <param name="metricId">The id the table carries.</param>
    /// <returns>The table.</returns>
    public GroupTable ToTable(string metricId = "fixed-effects")
    {
        var columns = new List<KeyValuePair<string, double[]>> { KeyedTable.Col("estimate", [.. Coefficients]) };
        Inference(Options.Covariance).AddColumns(columns, string.Empty);
        Inference(PanelCovariance.Conventional).AddColumns(columns, ".conv");
        var ci = CultureInfo.InvariantCulture;
        var props = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["n"] = ObservationCount.ToString(ci),
            ["units"] = Units.Count.ToString(ci),
            ["periods"] = Periods.Count.ToString(ci),
            ["dropped-missing"] = DroppedMissing.ToString(ci),
            ["df"] = DegreesOfFreedom.ToString(ci),
            ["covariance"] = Inference(Options.Covariance).Kind,
            ["within-r2"] = MetricResult.Cell(WithinRSquared),
        };
        return new GroupTable(metricId, "term", Names, columns, props);
    }

    /// <summary>Writes the coefficient table (<see cref="ToTable"/>) as CSV.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer) => ToTable().WriteCsv(writer);

    /// <summary>The coefficient table as Markdown in design order, preceded by one line of counts.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture,
        $"Within estimator: n = {ObservationCount} ({DroppedMissing} dropped as missing), {Units.Count} units, {Periods.Count} periods{(Options.YearEffects ? ", year effects" : string.Empty)}; SEs {Inference(Options.Covariance).Kind}; R² within {MetricResult.Md(WithinRSquared)}.\n\n")
        + Sandwich.Markdown(ToTable());
}
