using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using GlocalNetworks.Evolution;
using GlocalNetworks.Statistics;
using GlocalNetworks.Tests.TestUtils;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace GlocalNetworks.Tests.Statistics;

public class PanelRegressionTests
{
    private static readonly string[] Terms12 = ["x1", "x2"];

    [Fact]
    public void OlsFit_SyntheticSample_MatchesLmAndSandwich()
    {
        var f = PanelFixture.Load();
        var c = f.Root.GetProperty("ols");
        var x1 = PanelFixture.Numbers(c.GetProperty("x1"));
        var x2 = PanelFixture.Numbers(c.GetProperty("x2"));
        var x = Matrix<double>.Build.Dense(x1.Length, 2, (i, j) => j == 0 ? x1[i] : x2[i]);
        var fit = Ols.Fit(x, PanelFixture.Numbers(c.GetProperty("y")), Terms12);
        Assert.Equal(PanelFixture.Strings(c.GetProperty("names")), fit.Names);
        Assert.Equal(c.GetProperty("df").GetInt32(), fit.DegreesOfFreedom);
        f.Close(c, "coef", fit.Coefficients);
        f.Close(c, "se", fit.Inference(OlsCovariance.Conventional).StandardErrors);
        f.Close(c, "se_hc0", fit.Inference(OlsCovariance.HC0).StandardErrors);
        f.Close(c, "se_hc1", fit.Inference(OlsCovariance.HC1).StandardErrors);
        f.Close(c.GetProperty("r2").GetDouble(), fit.RSquared, "r2");
        f.Close(c.GetProperty("adj_r2").GetDouble(), fit.AdjustedRSquared, "adj r2");
        f.Close(c.GetProperty("sigma2").GetDouble(), fit.ResidualVariance, "sigma2");
        Assert.Equal(fit.Coefficients[1], fit["x1"]);
    }

    [Fact]
    public void OlsFit_ExactLine_RecoversCoefficientsAndPerfectFit()
    {
        var fit = Ols.Fit([1.0, 2, 3, 4], [3.0, 5, 7, 9], "t");
        Assert.Equal(1.0, fit[Ols.InterceptName], 12);
        Assert.Equal(2.0, fit["t"], 12);
        Assert.Equal(1.0, fit.RSquared, 12);
        Assert.Equal(2, fit.DegreesOfFreedom);
        Assert.Contains("| (Intercept) |", fit.ToMarkdown(), StringComparison.Ordinal);
        var w = new StringWriter();
        fit.WriteCsv(w);
        Assert.StartsWith("term,estimate,se,t,p,se.hc1,t.hc1,p.hc1", w.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OlsFit_CollinearColumn_ThrowsEstimationExceptionNamingIt()
    {
        var x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 4 }, { 3, 6 }, { 4, 8 } });
        var e = Assert.Throws<EstimationException>(() => Ols.Fit(x, [1.0, 2, 2, 5], ["a", "b"]));
        Assert.Equal(["b"], e.Regressors);
    }

    [Theory]
    [InlineData("individual")]
    [InlineData("twoways")]
    public void FixedEffects_SyntheticUnbalancedPanel_MatchesPlm(string effect)
    {
        var f = PanelFixture.Load();
        var c = f.Root.GetProperty("panel_synthetic");
        var fit = PanelRegression.FixedEffects(PanelFixture.Strings(c.GetProperty("unit")), Ints(c.GetProperty("year")),
            PanelFixture.Numbers(c.GetProperty("y")), [PanelFixture.Numbers(c.GetProperty("x1")), PanelFixture.Numbers(c.GetProperty("x2"))],
            Terms12, new PanelOptions { YearEffects = effect == "twoways" });
        Assert.Equal(c.GetProperty("dropped").GetInt32(), fit.DroppedMissing);
        AssertMatchesPlm(f, c.GetProperty(effect), fit);
    }

    [Theory]
    [InlineData("individual")]
    [InlineData("twoways")]
    public void FixedEffects_RealNuts2Panel_MatchesPlm(string effect)
    {
        var f = PanelFixture.Load();
        var c = f.Root.GetProperty("panel_nuts2");
        var ind = PanelFixture.Strings(c.GetProperty("indicators"));
        var panel = IndicatorPanel.Read(SharedData.Path(c.GetProperty("file").GetString()!), new IndicatorReadOptions
        {
            Indicators = ind,
            FromYear = c.GetProperty("from").GetInt32(),
            ToYear = c.GetProperty("to").GetInt32(),
        });
        var data = PanelDataset.FromIndicators(panel);
        var fit = data.FixedEffects(ind[0], [ind[1], ind[2]], yearEffects: effect == "twoways");

        // R's rows are the (region, year) pairs with any value; the dataset is regions x every year, so the extra
        // (all-missing) rows are dropped too: compare the used rows and the drops on R's rows.
        var e = c.GetProperty(effect);
        Assert.Equal(e.GetProperty("n").GetInt32(), fit.ObservationCount);
        Assert.Equal(c.GetProperty("rows").GetInt32() - c.GetProperty("dropped").GetInt32(), fit.ObservationCount);
        Assert.Equal(data.RowCount - fit.ObservationCount, fit.DroppedMissing);
        AssertMatchesPlm(f, e, fit);
    }

    [Fact]
    public void FixedEffects_TimeInvariantRegressor_ThrowsEstimationException()
    {
        string[] units = ["a", "a", "b", "b", "c", "c"];
        int[] years = [1, 2, 1, 2, 1, 2];
        double[] y = [1, 2, 3, 5, 2, 2];
        double[] x1 = [0.5, 0.7, 0.1, 0.9, 0.3, 0.2];
        double[] constant = [1, 1, 2, 2, 3, 3];
        var e = Assert.Throws<EstimationException>(() => PanelRegression.FixedEffects(units, years, y, [x1, constant], ["x1", "size"]));
        Assert.Equal(["size"], e.Regressors);
    }

    [Fact]
    public void FixedEffects_DuplicateUnitPeriod_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentException>(() => PanelRegression.FixedEffects(["a", "a", "b"], [1, 1, 2], [1.0, 2, 3], [new[] { 1.0, 2, 3 }], ["x"]));
        Assert.Contains("'a' has period 1 twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FixedEffects_UnitShiftedCopies_GiveSameSlopeAsPooledWithinData()
    {
        // y = 2x + unit effect exactly: the within slope is 2 and the residuals are 0.
        string[] units = ["a", "a", "a", "b", "b", "b"];
        int[] years = [1, 2, 3, 1, 2, 3];
        double[] x = [1, 2, 4, 0, 3, 5];
        double[] y = [12, 14, 18, -5, 1, 5];
        var fit = PanelRegression.FixedEffects(units, years, y, [x], ["x"]);
        Assert.Equal(2.0, fit["x"], 12);
        Assert.Equal(0.0, fit.ResidualSumOfSquares, 12);
        Assert.Equal(3, fit.DegreesOfFreedom); // 6 - 2 units - 1 slope
        Assert.Contains("Within estimator: n = 6 (0 dropped as missing), 2 units", fit.ToMarkdown(), StringComparison.Ordinal);
    }

    internal static int[] Ints(JsonElement e)
    {
        var list = new List<int>();
        foreach (var v in e.EnumerateArray())
        {
            list.Add(v.GetInt32());
        }

        return [.. list];
    }

    private static void AssertMatchesPlm(PanelFixture f, JsonElement e, PanelFit fit)
    {
        var k = fit.SlopeCount;
        Assert.Equal(PanelFixture.Strings(e.GetProperty("names")), System.Linq.Enumerable.Take(fit.Names, k));
        Assert.Equal(e.GetProperty("n").GetInt32(), fit.ObservationCount);
        Assert.Equal(e.GetProperty("df").GetInt32(), fit.DegreesOfFreedom);
        f.Close(e, "coef", fit.Coefficients, k);
        f.Close(e, "se", fit.Inference(PanelCovariance.Conventional).StandardErrors, k);
        f.Close(e, "se_cluster_hc0", fit.Inference(PanelCovariance.ClusterHC0).StandardErrors, k);
        f.Close(e, "se_cluster_hc1", fit.Inference(PanelCovariance.ClusterHC1).StandardErrors, k);
        f.Close(e, "se_cluster_sss", fit.Inference(PanelCovariance.ClusterStata).StandardErrors, k);
        f.Close(e.GetProperty("sigma2").GetDouble(), fit.ResidualVariance, "sigma2");
        if (e.GetProperty("r2_within").ValueKind == JsonValueKind.Number)
        {
            f.Close(e.GetProperty("r2_within").GetDouble(), fit.WithinRSquared, "r2 within");
        }
    }
}
