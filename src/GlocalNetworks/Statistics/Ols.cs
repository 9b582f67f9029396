using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using GlocalNetworks.Metrics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace GlocalNetworks.Statistics;

/// <summary>How the covariance of OLS estimates is computed (e = y - Xβ̂, s² = Σe²/(n - k)).</summary>
public enum OlsCovariance
{
    /// <summary>s² (XᵀX)⁻¹, as <c>vcov(lm(...))</c>.</summary>
    Conventional = 0,

    /// <summary>HC1 = HC0 · n/(n - k), as <c>sandwich::vcovHC(fit, type = "HC1")</c> (Stata's <c>robust</c>).</summary>
    HC1 = 1,

    /// <summary>HC0 = (XᵀX)⁻¹ [Σ e_i² x_i x_iᵀ] (XᵀX)⁻¹ (White 1980), as <c>sandwich::vcovHC(fit, type = "HC0")</c>.</summary>
    HC0 = 2,
}

/// <summary>
/// Ordinary least squares by a Householder QR of the design (never the normal equations), as R's <c>lm</c>.
/// </summary>
/// <remarks>
/// <para>β̂ minimises ‖y - Xβ‖². With an intercept a column of ones named <c>(Intercept)</c> is put first. A design
/// that is singular (a column that is a linear combination of earlier ones, by the same modified Gram-Schmidt test as
/// <see cref="PoissonGlm"/>) raises <see cref="EstimationException"/> naming the columns; R would drop them (NA).</para>
/// <para>R² = 1 - RSS/TSS with TSS centred on ȳ when there is an intercept and Σy² otherwise (R's convention); adjusted
/// R² = 1 - (1 - R²)(n - i)/(n - k), i = 1 with an intercept. Covariances: see <see cref="OlsCovariance"/>; p-values
/// from t with n - k degrees of freedom. Time O(n k²).</para>
/// </remarks>
public static class Ols
{
    /// <summary>The name of the intercept term.</summary>
    public const string InterceptName = "(Intercept)";

    /// <summary>Fits y on the columns of <paramref name="design"/> (and an intercept).</summary>
    /// <param name="design">The n × p regressors (without the intercept column when <paramref name="intercept"/> is true).</param>
    /// <param name="y">The n outcomes.</param>
    /// <param name="names">The p regressor names.</param>
    /// <param name="intercept">Whether to add an intercept column first.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentException">Sizes disagree, a value is not finite, or there are fewer observations than
    /// coefficients.</exception>
    /// <exception cref="EstimationException">The design is singular.</exception>
    public static OlsFit Fit(Matrix<double> design, IReadOnlyList<double> y, IReadOnlyList<string> names, bool intercept = true)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(names);
        var n = design.RowCount;
        if (y.Count != n || names.Count != design.ColumnCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The design matrix is {n} x {design.ColumnCount} but there are {y.Count} outcomes and {names.Count} names; they must match."));
        }

        var k = design.ColumnCount + (intercept ? 1 : 0);
        var x = Matrix<double>.Build.Dense(n, k);
        var allNames = new List<string>(k);
        if (intercept)
        {
            allNames.Add(InterceptName);
            for (var i = 0; i < n; i++)
            {
                x[i, 0] = 1;
            }
        }

        allNames.AddRange(names);
        x.SetSubMatrix(0, intercept ? 1 : 0, design);
        var yv = new double[n];
        for (var i = 0; i < n; i++)
        {
            yv[i] = y[i];
        }

        return FitDesign(x, yv, allNames, intercept);
    }

    /// <summary>Fits y on x with an intercept (a simple regression, e.g. a trend of σ_t on t).</summary>
    /// <param name="x">The regressor.</param>
    /// <param name="y">The outcomes.</param>
    /// <param name="name">The regressor name.</param>
    /// <returns>The fit: coefficients (Intercept), <paramref name="name"/>.</returns>
    public static OlsFit Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, string name = "x")
    {
        ArgumentNullException.ThrowIfNull(x);
        var m = Matrix<double>.Build.Dense(x.Count, 1);
        for (var i = 0; i < x.Count; i++)
        {
            m[i, 0] = x[i];
        }

        return Fit(m, y, [name]);
    }

    /// <summary>Fits a complete design (intercept column included when <paramref name="intercept"/> says there is one).</summary>
    internal static OlsFit FitDesign(Matrix<double> x, double[] y, IReadOnlyList<string> names, bool intercept)
    {
        var n = x.RowCount;
        var k = x.ColumnCount;
        CheckDesign(x, y, names);
        var qr = x.QR(QRMethod.Thin);
        var beta = qr.Solve(Vector<double>.Build.Dense(y)).ToArray();
        return new OlsFit(names, beta, x, y, intercept, n - k);
    }

    /// <summary>Throws when a value is not finite, when n &lt; k, or when the design is singular.</summary>
    internal static void CheckDesign(Matrix<double> x, double[] y, IReadOnlyList<string> names)
    {
        var n = x.RowCount;
        var k = x.ColumnCount;
        if (k == 0 || n < k)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"There are {n} observations for {k} coefficients; a regression needs at least as many observations as coefficients and at least one coefficient."));
        }

        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(y[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Outcome {i} is '{y[i]}'; outcomes must be finite."), nameof(y));
            }

            for (var j = 0; j < k; j++)
            {
                if (!double.IsFinite(x[i, j]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Regressor '{names[j]}' is '{x[i, j]}' in row {i}; regressors must be finite."), nameof(x));
                }
            }
        }

        var all = new bool[k];
        Array.Fill(all, true);
        var dependent = PoissonGlm.DependentColumns(x, null, all);
        var bad = new List<string>();
        for (var j = 0; j < k; j++)
        {
            if (dependent[j])
            {
                bad.Add(names[j]);
            }
        }

        if (bad.Count > 0)
        {
            throw new EstimationException(string.Create(CultureInfo.InvariantCulture,
                $"The design is singular: regressor(s) '{string.Join("', '", bad)}' are linear combinations of earlier ones (or zero, e.g. constant within every unit of a fixed-effects panel); drop them."),
                bad);
        }
    }
}

/// <summary>A fitted OLS regression (<see cref="Ols.Fit(Matrix{double}, IReadOnlyList{double}, IReadOnlyList{string}, bool)"/>):
/// coefficients, three covariances, R², and a coefficient table for CSV or Markdown. Immutable.</summary>
public sealed class OlsFit
{
    private readonly RegressionInference[] _inference;

    internal OlsFit(IReadOnlyList<string> names, double[] beta, Matrix<double> x, double[] y, bool intercept, int degreesOfFreedom)
    {
        var n = x.RowCount;
        var k = x.ColumnCount;
        Names = new ReadOnlyCollection<string>([.. names]);
        Coefficients = Array.AsReadOnly(beta);
        HasIntercept = intercept;
        ObservationCount = n;
        ParameterCount = k;
        DegreesOfFreedom = degreesOfFreedom;
        var fitted = (x * Vector<double>.Build.Dense(beta)).ToArray();
        var e = new double[n];
        double rss = 0, ybar = intercept ? Internal.Moments.Mean(y) : 0;
        for (var i = 0; i < n; i++)
        {
            e[i] = y[i] - fitted[i];
            rss += e[i] * e[i];
        }

        Fitted = Array.AsReadOnly(fitted);
        Residuals = Array.AsReadOnly(e);
        ResidualSumOfSquares = rss;
        var tss = Internal.Moments.SumOfSquares(y, ybar);
        RSquared = tss > 0 ? 1 - (rss / tss) : double.NaN;
        AdjustedRSquared = degreesOfFreedom > 0 ? 1 - ((1 - RSquared) * (n - (intercept ? 1 : 0)) / degreesOfFreedom) : double.NaN;
        ResidualVariance = degreesOfFreedom > 0 ? rss / degreesOfFreedom : double.NaN;
        var bread = Sandwich.Bread(x);
        var hc0 = bread * Sandwich.Meat(x, e) * bread;
        _inference =
        [
            new RegressionInference("conventional", Coefficients, bread * ResidualVariance, degreesOfFreedom),
            new RegressionInference("HC1", Coefficients, hc0 * (degreesOfFreedom > 0 ? (double)n / degreesOfFreedom : double.NaN), degreesOfFreedom),
            new RegressionInference("HC0", Coefficients, hc0, degreesOfFreedom),
        ];
    }

    /// <summary>The term names, in column order (<c>(Intercept)</c> first when there is one).</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The estimates β̂, by term.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>Whether the first term is an intercept.</summary>
    public bool HasIntercept { get; }

    /// <summary>The fitted values Xβ̂.</summary>
    public IReadOnlyList<double> Fitted { get; }

    /// <summary>The residuals y - Xβ̂.</summary>
    public IReadOnlyList<double> Residuals { get; }

    /// <summary>n, the number of observations.</summary>
    public int ObservationCount { get; }

    /// <summary>k, the number of coefficients (intercept included).</summary>
    public int ParameterCount { get; }

    /// <summary>n - k, the residual degrees of freedom.</summary>
    public int DegreesOfFreedom { get; }

    /// <summary>RSS = Σ e².</summary>
    public double ResidualSumOfSquares { get; }

    /// <summary>s² = RSS/(n - k); NaN when n = k.</summary>
    public double ResidualVariance { get; }

    /// <summary>R² = 1 - RSS/TSS (TSS centred when there is an intercept); NaN when TSS = 0.</summary>
    public double RSquared { get; }

    /// <summary>Adjusted R² = 1 - (1 - R²)(n - i)/(n - k), i = 1 with an intercept.</summary>
    public double AdjustedRSquared { get; }

    /// <summary>The coefficient of a term.</summary>
    /// <param name="name">The term name.</param>
    /// <returns>β̂ of the term.</returns>
    /// <exception cref="KeyNotFoundException">No such term.</exception>
    public double this[string name] => Coefficients[IndexOf(name)];

    /// <summary>Standard errors, t and p under a covariance.</summary>
    /// <param name="covariance">The covariance.</param>
    /// <returns>The inference.</returns>
    public RegressionInference Inference(OlsCovariance covariance = OlsCovariance.Conventional) => _inference[(int)covariance];

    /// <summary>The position of a term.</summary>
    /// <param name="name">The term name.</param>
    /// <returns>Its index.</returns>
    /// <exception cref="KeyNotFoundException">No such term; the message lists them.</exception>
    public int IndexOf(string name)
    {
        for (var j = 0; j < Names.Count; j++)
        {
            if (string.Equals(Names[j], name, StringComparison.Ordinal))
            {
                return j;
            }
        }

        throw new KeyNotFoundException($"The fit has no term '{name}'; its terms are '{string.Join("', '", Names)}'.");
    }

    /// <summary>The coefficient table (key column <c>term</c>): <c>estimate</c>, <c>se</c>, <c>t</c>, <c>p</c>
    /// (conventional), then <c>se.hc1</c>, <c>t.hc1</c>, <c>p.hc1</c>. Properties: n, k, r2, adj-r2, sigma2.</summary>
    /// <param name="metricId">The id the table carries.</param>
    /// <returns>The table.</returns>
    public GroupTable ToTable(string metricId = "ols")
    {
        var columns = new List<KeyValuePair<string, double[]>> { KeyedTable.Col("estimate", [.. Coefficients]) };
        Inference(OlsCovariance.Conventional).AddColumns(columns, string.Empty);
        Inference(OlsCovariance.HC1).AddColumns(columns, ".hc1");
        var props = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["n"] = ObservationCount.ToString(CultureInfo.InvariantCulture),
            ["k"] = ParameterCount.ToString(CultureInfo.InvariantCulture),
            ["r2"] = MetricResult.Cell(RSquared),
            ["adj-r2"] = MetricResult.Cell(AdjustedRSquared),
            ["sigma2"] = MetricResult.Cell(ResidualVariance),
        };
        return new GroupTable(metricId, "term", Names, columns, props);
    }

    /// <summary>Writes the coefficient table (<see cref="ToTable"/>) as CSV.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer) => ToTable().WriteCsv(writer);

    /// <summary>The coefficient table as Markdown, one row per term in design order.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => Sandwich.Markdown(ToTable());
}
