using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using GlocalNetworks.Metrics;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Statistics;

/// <summary>How the covariance of a Poisson GLM's estimates is computed (all at the final μ̂, W = diag(μ̂), e = y - μ̂).</summary>
public enum GlmCovariance
{
    /// <summary>Sandwich HC1 = HC0 · n/(n - p), normal p-values: the default, as <c>sandwich::vcovHC(fit, type = "HC1")</c>.</summary>
    HC1 = 0,

    /// <summary>Sandwich HC0 = (XᵀWX)⁻¹ [Σ e_i² x_i x_iᵀ] (XᵀWX)⁻¹, normal p-values, as <c>sandwich::vcovHC(fit, type = "HC0")</c>.</summary>
    HC0 = 1,

    /// <summary>Quasi-Poisson φ (XᵀWX)⁻¹ with the Pearson φ = Σ e²/μ̂ / (n - p) and p-values from t with n - p degrees of
    /// freedom, as <c>summary(glm(..., family = quasipoisson))</c>.</summary>
    QuasiPoisson = 2,
}

/// <summary>Standard errors, test statistics and p-values of a <see cref="GlmFit"/> under one covariance.</summary>
public sealed class GlmInference
{
    private readonly Matrix<double> _covariance;

    internal GlmInference(GlmCovariance kind, IReadOnlyList<double> beta, Matrix<double> covariance, int degreesOfFreedom)
    {
        Kind = kind;
        _covariance = covariance;
        var (se, stat, pv) = Sandwich.Test(beta, covariance, degreesOfFreedom, studentT: kind == GlmCovariance.QuasiPoisson);
        StandardErrors = Array.AsReadOnly(se);
        Statistics = Array.AsReadOnly(stat);
        PValues = Array.AsReadOnly(pv);
    }

    /// <summary>The covariance type.</summary>
    public GlmCovariance Kind { get; }

    /// <summary>The standard errors, by regressor.</summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>β / se: t for <see cref="GlmCovariance.QuasiPoisson"/>, z otherwise.</summary>
    public IReadOnlyList<double> Statistics { get; }

    /// <summary>Two-sided p-values: t with n - p degrees of freedom for quasi-Poisson, standard normal otherwise; NaN when
    /// n = p.</summary>
    public IReadOnlyList<double> PValues { get; }

    /// <summary>A copy of the p × p covariance matrix.</summary>
    /// <returns>The matrix.</returns>
    public Matrix<double> Covariance() => _covariance.Clone();
}

/// <summary>
/// A fitted Poisson GLM / PPML (<see cref="PoissonGlm.Fit"/>): coefficients, the three covariances, deviance, dispersion,
/// iterations, and a coefficient table for CSV or Markdown. Immutable.
/// </summary>
public sealed class GlmFit
{
    private readonly GlmInference[] _inference;

    internal GlmFit(IReadOnlyList<string> names, double[] beta, Matrix<double> x, double[] y, double[] mu, double deviance, int iterations)
    {
        var n = x.RowCount;
        var p = x.ColumnCount;
        Names = new ReadOnlyCollection<string>([.. names]);
        Coefficients = Array.AsReadOnly(beta);
        Fitted = Array.AsReadOnly((double[])mu.Clone());
        Deviance = deviance;
        Iterations = iterations;
        ObservationCount = n;
        ParameterCount = p;

        // (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ from the QR of W^{1/2}X; the meat Σ e_i² x_i x_iᵀ.
        var a = Matrix<double>.Build.Dense(n, p);
        var e = new double[n];
        var pearson = 0.0;
        for (var i = 0; i < n; i++)
        {
            var w = Math.Sqrt(mu[i]);
            e[i] = y[i] - mu[i];
            pearson += e[i] * e[i] / mu[i];
            for (var j = 0; j < p; j++)
            {
                a[i, j] = w * x[i, j];
            }
        }

        var bread = Sandwich.Bread(a);
        var hc0 = bread * Sandwich.Meat(x, e) * bread;
        var df = n - p;
        Dispersion = df > 0 ? pearson / df : double.NaN;
        PseudoRSquared = SquaredCorrelation(y, mu);
        _inference =
        [
            new GlmInference(GlmCovariance.HC1, Coefficients, hc0 * (df > 0 ? (double)n / df : double.NaN), df),
            new GlmInference(GlmCovariance.HC0, Coefficients, hc0, df),
            new GlmInference(GlmCovariance.QuasiPoisson, Coefficients, bread * Dispersion, df),
        ];
    }

    /// <summary>The regressor names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The estimates β̂, by regressor.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>The fitted means μ̂ = exp(xᵀβ̂ + offset), by observation.</summary>
    public IReadOnlyList<double> Fitted { get; }

    /// <summary>The deviance D = 2 Σ [y ln(y/μ̂) - (y - μ̂)].</summary>
    public double Deviance { get; }

    /// <summary>The IRLS iterations run (R's <c>fit$iter</c>).</summary>
    public int Iterations { get; }

    /// <summary>n, the number of observations.</summary>
    public int ObservationCount { get; }

    /// <summary>p, the number of regressors.</summary>
    public int ParameterCount { get; }

    /// <summary>n - p, the residual degrees of freedom.</summary>
    public int DegreesOfFreedom => ObservationCount - ParameterCount;

    /// <summary>The Pearson dispersion φ = Σ (y - μ̂)²/μ̂ / (n - p) of the quasi-Poisson covariance; NaN when n = p.</summary>
    public double Dispersion { get; }

    /// <summary>The squared correlation of y and μ̂, the R² Santos Silva and Tenreyro (2006) report for PPML; NaN when y
    /// or μ̂ is constant.</summary>
    public double PseudoRSquared { get; }

    /// <summary>Standard errors, statistics and p-values under a covariance type.</summary>
    /// <param name="covariance">The covariance type.</param>
    /// <returns>The inference.</returns>
    public GlmInference Inference(GlmCovariance covariance = GlmCovariance.HC1) => _inference[(int)covariance];

    /// <summary>The coefficient table, one row per regressor (key column <c>term</c>): <c>estimate</c>, then <c>se</c>,
    /// <c>z</c>, <c>p</c> under <paramref name="covariance"/>, then <c>se.quasi</c>, <c>t.quasi</c>, <c>p.quasi</c>
    /// (quasi-Poisson), and, when <paramref name="covariance"/> is not HC0, <c>se.hc0</c>, <c>z.hc0</c>, <c>p.hc0</c>.</summary>
    /// <param name="metricId">The metric id the table belongs to.</param>
    /// <param name="covariance">The covariance of the main columns (HC1 or HC0).</param>
    /// <param name="properties">Facts to attach.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentException"><paramref name="covariance"/> is quasi-Poisson (its columns are always there).</exception>
    public GroupTable ToTable(string metricId = "glm", GlmCovariance covariance = GlmCovariance.HC1, IReadOnlyDictionary<string, string>? properties = null)
    {
        if (covariance == GlmCovariance.QuasiPoisson)
        {
            throw new ArgumentException("The main columns are a sandwich covariance (HC1 or HC0); the quasi-Poisson columns are always included.", nameof(covariance));
        }

        var columns = new List<KeyValuePair<string, double[]>> { KeyedTable.Col("estimate", [.. Coefficients]) };
        AddColumns(columns, Inference(covariance), string.Empty, "z");
        AddColumns(columns, Inference(GlmCovariance.QuasiPoisson), ".quasi", "t");
        if (covariance != GlmCovariance.HC0)
        {
            AddColumns(columns, Inference(GlmCovariance.HC0), ".hc0", "z");
        }

        return new GroupTable(metricId, "term", Names, columns, properties);
    }

    /// <summary>Writes the coefficient table (<see cref="ToTable"/> with HC1) as CSV.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer) => ToTable().WriteCsv(writer);

    /// <summary>The coefficient table (<see cref="ToTable"/> with HC1) as Markdown, one row per term in design order.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown() => Sandwich.Markdown(ToTable());

    /// <summary>The squared Pearson correlation of two equally long series; NaN when either is constant.</summary>
    /// <param name="a">The first series.</param>
    /// <param name="b">The second series.</param>
    /// <returns>r².</returns>
    internal static double SquaredCorrelation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var r = Internal.Moments.Pearson(a, b);
        return r * r;
    }

    private static void AddColumns(List<KeyValuePair<string, double[]>> columns, GlmInference inf, string suffix, string stat)
    {
        columns.Add(KeyedTable.Col("se" + suffix, [.. inf.StandardErrors]));
        columns.Add(KeyedTable.Col(stat + suffix, [.. inf.Statistics]));
        columns.Add(KeyedTable.Col("p" + suffix, [.. inf.PValues]));
    }
}
