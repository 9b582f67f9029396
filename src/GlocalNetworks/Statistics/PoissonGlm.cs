using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Metrics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace GlocalNetworks.Statistics;

/// <summary>Options of <see cref="PoissonGlm.Fit"/>.</summary>
public sealed record GlmOptions
{
    /// <summary>The default iteration limit (R's <c>glm.control</c> has 25).</summary>
    public const int DefaultMaxIterations = 100;

    /// <summary>The default convergence tolerance: R's <c>glm.control</c> epsilon.</summary>
    public const double DefaultTolerance = 1e-8;

    /// <summary>The iteration limit; reaching it without convergence raises <see cref="ConvergenceException"/>.</summary>
    /// <value>The default value is 100.</value>
    public int MaxIterations { get; init; } = DefaultMaxIterations;

    /// <summary>IRLS stops when |D - D_old| / (|D| + 0.1) falls below this (D the deviance), as R's <c>glm.fit</c>.</summary>
    /// <value>The default value is 1e-8 (R's default; the oracle fixtures use 1e-14 on both sides).</value>
    public double Tolerance { get; init; } = DefaultTolerance;
}

/// <summary>
/// Poisson generalised linear model with log link, fitted by iteratively reweighted least squares exactly as R's
/// <c>glm.fit</c> does it: Poisson pseudo-maximum-likelihood (PPML, Santos Silva and Tenreyro 2006) when y is not a count.
/// </summary>
/// <remarks>
/// <para>Model: E[y | x] = exp(xᵀβ + offset). Start μ⁰ = y + 0.1, η⁰ = ln μ⁰ (R's poisson <c>mustart</c>). Each
/// iteration forms the working response z = (η - offset) + (y - μ)/μ and weights W = diag(μ), solves
/// min ‖W^{1/2}(z - Xβ)‖ by a Householder QR of W^{1/2}X (never the normal equations), and sets η = Xβ + offset,
/// μ = max(exp η, 2.22e-16) (R's <c>poisson()$linkinv</c>). A step that gives a non-finite deviance is halved towards the previous β, as R does. It stops when
/// |D - D_old| / (|D| + 0.1) &lt; <see cref="GlmOptions.Tolerance"/>, D = 2 Σ [y ln(y/μ) - (y - μ)] (0 ln 0 = 0).</para>
/// <para>Before fitting: a singular design (a column that is a linear combination of earlier ones) and the existence
/// condition of Santos Silva and Tenreyro (2010): rank of X restricted to the rows with y &gt; 0 equal to the rank of X;
/// either failure raises <see cref="EstimationException"/> naming the regressors. Ranks come from a modified
/// Gram-Schmidt pass over the columns in order (reorthogonalised once), a column being dependent when its residual
/// norm is at most 1e-10 times its norm over all rows.</para>
/// <para>Covariances (see <see cref="GlmCovariance"/>) are evaluated at the final μ̂. Time O(n p²) per iteration.</para>
/// </remarks>
public static class PoissonGlm
{
    private const double RankTolerance = 1e-10;

    // R's poisson()$linkinv is pmax(exp(eta), .Machine$double.eps).
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Fits the model.</summary>
    /// <param name="design">The n × p design matrix X (include a column of ones for an intercept).</param>
    /// <param name="y">The n outcomes, finite and ≥ 0.</param>
    /// <param name="names">The p regressor names, in column order.</param>
    /// <param name="offset">The n offsets, or <see langword="null"/> for none.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="metricId">The name used in a <see cref="ConvergenceException"/> (the calling metric's id).</param>
    /// <param name="cancellationToken">Checked once per iteration.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="ArgumentException">Sizes disagree, or a value is not finite, or y is negative.</exception>
    /// <exception cref="EstimationException">The design is singular, or the estimates may not exist.</exception>
    /// <exception cref="ConvergenceException">IRLS did not converge within <see cref="GlmOptions.MaxIterations"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static GlmFit Fit(Matrix<double> design, IReadOnlyList<double> y, IReadOnlyList<string> names,
        IReadOnlyList<double>? offset = null, GlmOptions? options = null, string metricId = "glm", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(names);
        options ??= new GlmOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxIterations, 1);
        if (!(options.Tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Tolerance, "The tolerance must be > 0.");
        }

        var n = design.RowCount;
        var p = design.ColumnCount;
        var yv = Validate(design, y, names, offset);
        var off = new double[n];
        for (var i = 0; offset is not null && i < n; i++)
        {
            off[i] = offset[i];
        }

        CheckDesign(design, yv, names);

        var mu = new double[n];
        var eta = new double[n];
        for (var i = 0; i < n; i++)
        {
            mu[i] = yv[i] + 0.1;
            eta[i] = Math.Log(mu[i]);
        }

        var devOld = Deviance(yv, mu);
        Vector<double>? beta = null;
        var a = Matrix<double>.Build.Dense(n, p);
        var b = Vector<double>.Build.Dense(n);
        var change = double.NaN;
        for (var iter = 1; iter <= options.MaxIterations; iter++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < n; i++)
            {
                var w = Math.Sqrt(mu[i]);
                b[i] = w * ((eta[i] - off[i]) + ((yv[i] - mu[i]) / mu[i]));
                for (var j = 0; j < p; j++)
                {
                    a[i, j] = w * design[i, j];
                }
            }

            var next = a.QR(QRMethod.Thin).Solve(b);
            var dev = Predict(design, next, off, eta, mu, yv);
            for (var half = 0; !double.IsFinite(dev); half++)
            {
                if (beta is null || half >= options.MaxIterations)
                {
                    throw new ConvergenceException(metricId, iter, double.PositiveInfinity, options.Tolerance);
                }

                next = (next + beta) * 0.5;
                dev = Predict(design, next, off, eta, mu, yv);
            }

            beta = next;
            change = Math.Abs(dev - devOld) / (Math.Abs(dev) + 0.1);
            if (change < options.Tolerance)
            {
                return new GlmFit(names, beta.ToArray(), design, yv, mu, dev, iter);
            }

            devOld = dev;
        }

        throw new ConvergenceException(metricId, options.MaxIterations, change, options.Tolerance);
    }

    /// <summary>The Poisson deviance 2 Σ [y ln(y/μ) - (y - μ)], with 0 ln 0 = 0.</summary>
    /// <param name="y">The outcomes.</param>
    /// <param name="mu">The means.</param>
    /// <returns>The deviance.</returns>
    internal static double Deviance(ReadOnlySpan<double> y, ReadOnlySpan<double> mu)
    {
        var d = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            d += 2 * ((y[i] > 0 ? y[i] * Math.Log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
        }

        return d;
    }

    /// <summary>The columns that do not add to the rank of the earlier ones (greedy, in column order), over all rows or
    /// over the rows <paramref name="keep"/> marks, relative to each column's norm over all rows.</summary>
    /// <param name="x">The matrix.</param>
    /// <param name="keep">The rows to use, or <see langword="null"/> for all.</param>
    /// <param name="candidates">The columns to consider, in order (others are ignored).</param>
    /// <returns>Whether each column is dependent (false for columns not considered).</returns>
    internal static bool[] DependentColumns(Matrix<double> x, bool[]? keep, bool[] candidates)
    {
        var n = x.RowCount;
        var p = x.ColumnCount;
        var basis = new List<double[]>(p);
        var dependent = new bool[p];
        for (var j = 0; j < p; j++)
        {
            if (!candidates[j])
            {
                continue;
            }

            var full = 0.0;
            var v = new double[n];
            for (var i = 0; i < n; i++)
            {
                var e = x[i, j];
                full += e * e;
                v[i] = keep is null || keep[i] ? e : 0;
            }

            for (var pass = 0; pass < 2; pass++)
            {
                foreach (var q in basis)
                {
                    var dot = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        dot += q[i] * v[i];
                    }

                    for (var i = 0; i < n; i++)
                    {
                        v[i] -= dot * q[i];
                    }
                }
            }

            var norm = 0.0;
            for (var i = 0; i < n; i++)
            {
                norm += v[i] * v[i];
            }

            norm = Math.Sqrt(norm);
            if (norm <= RankTolerance * Math.Sqrt(full))
            {
                dependent[j] = true;
                continue;
            }

            for (var i = 0; i < n; i++)
            {
                v[i] /= norm;
            }

            basis.Add(v);
        }

        return dependent;
    }

    private static double[] Validate(Matrix<double> design, IReadOnlyList<double> y, IReadOnlyList<string> names, IReadOnlyList<double>? offset)
    {
        var n = design.RowCount;
        var p = design.ColumnCount;
        if (p == 0 || n == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The design matrix is {n} x {p}; it needs at least one row and one column."), nameof(design));
        }

        if (y.Count != n || names.Count != p || (offset is not null && offset.Count != n))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The design matrix is {n} x {p} but there are {y.Count} outcomes, {names.Count} names and {offset?.Count ?? n} offsets; they must match."));
        }

        var yv = new double[n];
        for (var i = 0; i < n; i++)
        {
            yv[i] = y[i];
            if (!(y[i] >= 0) || double.IsPositiveInfinity(y[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Outcome {i} is '{y[i]}'; Poisson outcomes must be finite and >= 0."), nameof(y));
            }

            if (offset is not null && !double.IsFinite(offset[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Offset {i} is '{offset[i]}'; offsets must be finite."), nameof(offset));
            }

            for (var j = 0; j < p; j++)
            {
                if (!double.IsFinite(design[i, j]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"Regressor '{names[j]}' is '{design[i, j]}' in row {i}; regressors must be finite."), nameof(design));
                }
            }
        }

        return yv;
    }

    private static void CheckDesign(Matrix<double> design, double[] y, IReadOnlyList<string> names)
    {
        var p = design.ColumnCount;
        var all = new bool[p];
        Array.Fill(all, true);
        var singular = Named(DependentColumns(design, null, all), names);
        if (singular.Count > 0)
        {
            throw new EstimationException(string.Create(CultureInfo.InvariantCulture,
                $"The design is singular: regressor(s) '{string.Join("', '", singular)}' are linear combinations of earlier ones (or zero); drop them."),
                singular);
        }

        var positive = new bool[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            positive[i] = y[i] > 0;
        }

        var involved = Named(DependentColumns(design, positive, all), names);
        if (involved.Count > 0)
        {
            throw new EstimationException(string.Create(CultureInfo.InvariantCulture,
                $"The PPML estimates may not exist: on the observations with y > 0 the design loses rank at regressor(s) '{string.Join("', '", involved)}' (Santos Silva and Tenreyro 2010; typically a dummy that is zero wherever y > 0); drop them or the observations they separate."),
                involved);
        }
    }

    private static List<string> Named(bool[] flags, IReadOnlyList<string> names)
    {
        var list = new List<string>();
        for (var j = 0; j < flags.Length; j++)
        {
            if (flags[j])
            {
                list.Add(names[j]);
            }
        }

        return list;
    }

    private static double Predict(Matrix<double> design, Vector<double> beta, double[] off, double[] eta, double[] mu, double[] y)
    {
        for (var i = 0; i < eta.Length; i++)
        {
            var s = 0.0;
            for (var j = 0; j < beta.Count; j++)
            {
                s += design[i, j] * beta[j];
            }

            eta[i] = s + off[i];
            mu[i] = Math.Max(Math.Exp(eta[i]), MachineEpsilon);
        }

        return Deviance(y, mu);
    }
}
