using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using GlocalNetworks.Metrics;
using GlocalNetworks.Statistics;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace GlocalNetworks.Tests.Statistics;

public class PoissonGlmTests
{
    private static readonly GlmOptions Tight = new() { Tolerance = 1e-14 };

    private static readonly string[] HandTerms = ["intercept", "x1", "x2"];

    private static (Matrix<double> X, double[] Y, double[]? Offset) Hand(JsonElement c, string outcome, bool offset)
    {
        var data = c.GetProperty("data");
        var x1 = GravityFixture.Numbers(data.GetProperty("x1"));
        var x2 = GravityFixture.Numbers(data.GetProperty("x2"));
        var x = Matrix<double>.Build.Dense(x1.Length, 3, (i, j) => j == 0 ? 1 : j == 1 ? x1[i] : x2[i]);
        double[]? off = null;
        if (offset)
        {
            off = GravityFixture.Numbers(data.GetProperty("exposure"));
            for (var i = 0; i < off.Length; i++)
            {
                off[i] = Math.Log(off[i]);
            }
        }

        return (x, GravityFixture.Numbers(data.GetProperty(outcome)), off);
    }

    /// <summary>Every number R's summary(glm(quasipoisson)) and sandwich::vcovHC give, on one fit.</summary>
    internal static void AssertMatchesR(GravityFixture f, JsonElement c, GlmFit fit)
    {
        Assert.Equal(GravityFixture.Strings(c.GetProperty("terms")), fit.Names);
        Assert.Equal(c.GetProperty("n").GetInt32(), fit.ObservationCount);
        Assert.Equal(c.GetProperty("iterations").GetInt32(), fit.Iterations);
        f.Close(c.GetProperty("deviance").GetDouble(), fit.Deviance, "deviance");
        f.Close(c.GetProperty("dispersion").GetDouble(), fit.Dispersion, "dispersion");
        f.Close(c.GetProperty("pseudo_r2").GetDouble(), fit.PseudoRSquared, "pseudo-R2");
        f.Close(c, "estimate", fit.Coefficients);
        var q = fit.Inference(GlmCovariance.QuasiPoisson);
        f.Close(c, "se_quasi", q.StandardErrors);
        f.Close(c, "t_quasi", q.Statistics);
        f.Close(c, "p_quasi", q.PValues);
        var h0 = fit.Inference(GlmCovariance.HC0);
        f.Close(c, "se_hc0", h0.StandardErrors);
        f.Close(c, "z_hc0", h0.Statistics);
        f.Close(c, "p_hc0", h0.PValues);
        var h1 = fit.Inference();
        Assert.Equal(GlmCovariance.HC1, h1.Kind);
        f.Close(c, "se_hc1", h1.StandardErrors);
        f.Close(c, "z_hc1", h1.Statistics);
        f.Close(c, "p_hc1", h1.PValues);
    }

    [Theory]
    [InlineData("hand", "y", false)]
    [InlineData("hand-offset", "y", true)]
    [InlineData("hand-weighted", "yw", false)]
    public void Fit_HandData_MatchesRGlmQuasipoissonAndSandwich(string name, string outcome, bool offset)
    {
        var f = GravityFixture.Load();
        var c = f.Case(name);
        var (x, y, off) = Hand(c, outcome, offset);

        var fit = PoissonGlm.Fit(x, y, HandTerms, off, Tight);

        AssertMatchesR(f, c, fit);
    }

    [Fact]
    public void Fit_DefaultTolerance_AgreesWithTightFitToAboutOneInAMillion()
    {
        var c = GravityFixture.Load().Case("hand");
        var (x, y, _) = Hand(c, "y", false);

        var loose = PoissonGlm.Fit(x, y, HandTerms);
        var tight = PoissonGlm.Fit(x, y, HandTerms, options: Tight);

        Assert.True(loose.Iterations <= tight.Iterations);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(tight.Coefficients[j], loose.Coefficients[j], 1e-6);
            Assert.Equal(tight.Inference().StandardErrors[j], loose.Inference().StandardErrors[j], 1e-6);
        }
    }

    [Fact]
    public void Fit_HandComputedInterceptOnly_IsLogOfMeanWithPearsonDispersion()
    {
        // y = 1, 2, 3, 6: intercept-only Poisson gives mu = mean = 3, beta = ln 3. Pearson chi2 = (4 + 1 + 0 + 9)/3 = 14/3,
        // phi = (14/3)/(4-1) = 14/9; (X'WX)^-1 = 1/(n mu) = 1/12, so se_quasi = sqrt(14/108).
        // HC0: (1/12)^2 * sum (y-mu)^2 = 14/144, HC1 = HC0 * 4/3.
        var x = Matrix<double>.Build.Dense(4, 1, 1.0);
        var fit = PoissonGlm.Fit(x, [1, 2, 3, 6], ["intercept"], options: Tight);

        Assert.Equal(Math.Log(3), fit.Coefficients[0], 14);
        Assert.Equal(14.0 / 9, fit.Dispersion, 12);
        Assert.Equal(Math.Sqrt(14.0 / 108), fit.Inference(GlmCovariance.QuasiPoisson).StandardErrors[0], 12);
        Assert.Equal(Math.Sqrt(14.0 / 144), fit.Inference(GlmCovariance.HC0).StandardErrors[0], 12);
        Assert.Equal(Math.Sqrt(14.0 / 144 * 4 / 3), fit.Inference().StandardErrors[0], 12);
        Assert.True(double.IsNaN(fit.PseudoRSquared)); // mu-hat is constant
    }

    [Fact]
    public void Fit_DummyZeroWhereverYIsPositive_ThrowsEstimationExceptionNamingIt()
    {
        // d = 1 only on rows with y = 0: the PPML estimate of its coefficient runs to minus infinity.
        double[] y = [0, 0, 3, 1, 4, 2];
        double[] z = [1, 1, 0, 0, 0, 0];
        double[] t = [1, 2, 3, 4, 5, 6];
        var x = Matrix<double>.Build.Dense(6, 3, (i, j) => j == 0 ? 1 : j == 1 ? t[i] : z[i]);

        var e = Assert.Throws<EstimationException>(() => PoissonGlm.Fit(x, y, ["intercept", "trend", "dummy"]));

        Assert.Equal(["dummy"], e.Regressors);
        Assert.Contains("'dummy'", e.Message, StringComparison.Ordinal);
        Assert.Contains("may not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_CollinearRegressor_ThrowsEstimationExceptionNamingTheLaterOne()
    {
        double[] a = [1, 2, 3, 4, 5];
        var x = Matrix<double>.Build.Dense(5, 3, (i, j) => j == 0 ? 1 : j == 1 ? a[i] : (2 * a[i]) - 1);

        var e = Assert.Throws<EstimationException>(() => PoissonGlm.Fit(x, [1, 0, 2, 3, 5], ["intercept", "a", "b"]));

        Assert.Equal(["b"], e.Regressors);
        Assert.Contains("singular", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_IterationLimitReached_ThrowsConvergenceException()
    {
        var c = GravityFixture.Load().Case("hand");
        var (x, y, _) = Hand(c, "y", false);

        var e = Assert.Throws<ConvergenceException>(() => PoissonGlm.Fit(x, y, HandTerms, options: Tight with { MaxIterations = 2 }, metricId: "gravity"));

        Assert.Equal(2, e.Iterations);
        Assert.Equal("gravity", e.MetricId);
        Assert.True(e.Residual > 1e-14);
    }

    [Fact]
    public void Fit_Cancelled_ThrowsOperationCanceled()
    {
        var c = GravityFixture.Load().Case("hand");
        var (x, y, _) = Hand(c, "y", false);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PoissonGlm.Fit(x, y, HandTerms, cancellationToken: cts.Token));
    }

    [Fact]
    public void Fit_NegativeOutcome_ThrowsArgumentException()
    {
        var x = Matrix<double>.Build.Dense(3, 1, 1.0);

        var e = Assert.Throws<ArgumentException>(() => PoissonGlm.Fit(x, [1, -1, 2], ["intercept"]));

        Assert.Contains("Outcome 1 is '-1'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_SizesDisagree_ThrowsArgumentException()
    {
        var x = Matrix<double>.Build.Dense(3, 2, 1.0);

        Assert.Throws<ArgumentException>(() => PoissonGlm.Fit(x, [1, 2, 3], ["intercept"]));
    }

    [Fact]
    public void ToTable_HasTermKeyAndSandwichQuasiAndHc0Columns()
    {
        var c = GravityFixture.Load().Case("hand");
        var (x, y, _) = Hand(c, "y", false);
        var fit = PoissonGlm.Fit(x, y, HandTerms, options: Tight);

        var table = fit.ToTable("gravity");
        var csv = new StringWriter();
        fit.WriteCsv(csv);

        Assert.Equal("term", table.KeyColumn);
        Assert.Equal(HandTerms, table.Ids);
        Assert.Equal(["estimate", "se", "z", "p", "se.quasi", "t.quasi", "p.quasi", "se.hc0", "z.hc0", "p.hc0"], table.Columns);
        Assert.Equal(fit.Inference().StandardErrors[1], table["x1", "se"]);
        Assert.StartsWith("term,estimate,se,z,p,se.quasi,t.quasi,p.quasi,se.hc0,z.hc0,p.hc0\nintercept,", csv.ToString(), StringComparison.Ordinal);
        var md = fit.ToMarkdown().Split('\n');
        Assert.StartsWith("| term | estimate | se | z | p | se.quasi |", md[0], StringComparison.Ordinal);
        Assert.StartsWith("| intercept | 0.138389 |", md[2], StringComparison.Ordinal); // design order, G6
        Assert.StartsWith("| x1 |", md[3], StringComparison.Ordinal);
        Assert.Equal(["estimate", "se", "z", "p", "se.quasi", "t.quasi", "p.quasi"], fit.ToTable(covariance: GlmCovariance.HC0).Columns);
        Assert.Throws<ArgumentException>(() => fit.ToTable(covariance: GlmCovariance.QuasiPoisson));
    }
}
