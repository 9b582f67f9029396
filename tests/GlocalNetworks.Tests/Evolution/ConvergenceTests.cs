using System;
using System.Collections.Generic;
using System.IO;
using GlocalNetworks.Evolution;
using GlocalNetworks.Statistics;
using GlocalNetworks.Tests.Statistics;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

public class ConvergenceTests
{
    private static RegionSeries Small() => new("x", ["a", "b", "c", "d"], [2000, 2001, 2002],
    [
        [1.0, 2, 4],
        [4.0, 4, 4],
        [4.0, 8, double.NaN],
        [2.0, 2, 1],
    ]);

    [Fact]
    public void Ranks_TiesAveragedHighestFirstMissingUnranked()
    {
        var r = Convergence.Ranks(Small());
        Assert.Equal([4.0, 3.5, 1.5], r.Rank("a").ToArray());
        Assert.Equal([1.5, 2, 1.5], r.Rank("b").ToArray());
        Assert.True(double.IsNaN(r.Rank("c")[2]));
        Assert.Equal([3.0, 3.5, 3], r.Rank("d").ToArray());
        Assert.Equal(["a", "b", "d"], r.Top(3)); // 2002: a and b tie at 1.5 (by id), then d
        var w = new StringWriter();
        r.WriteCsv(w);
        Assert.Contains("a,2002,4,1.5\n", w.ToString(), StringComparison.Ordinal);
        Assert.Contains("| a | 4 | 3.5 | 1.5 |", r.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sigma_HandSeries_SdOfLogsCountsAndTrend()
    {
        var s = Convergence.Sigma(Small());
        Assert.Equal([4, 4, 3], s.Counts);
        double[] y0 = [0, Math.Log(4), Math.Log(4), Math.Log(2)];
        var m = (Math.Log(4) * 2 + Math.Log(2)) / 4;
        var sd = 0.0;
        foreach (var v in y0)
        {
            sd += (v - m) * (v - m);
        }

        Assert.Equal(Math.Sqrt(sd / 3), s.Sigma[0], 14);
        var trend = Ols.Fit([2000.0, 2001, 2002], [s.Sigma[0], s.Sigma[1], s.Sigma[2]], "year");
        Assert.Equal(trend["year"], s.Trend, 12);
        Assert.Equal(trend.Inference().StandardErrors[1], s.TrendStandardError, 12);
        Assert.Contains("| 2002 | 3 |", s.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sigma_SdLogWithZero_ThrowsSuggestingCv()
    {
        var s = new RegionSeries("share", ["a", "b"], [2000], [[0.0], [0.5]]);
        var e = Assert.Throws<ArgumentException>(() => Convergence.Sigma(s));
        Assert.Contains("'a' in 2000", e.Message, StringComparison.Ordinal);
        Assert.Contains("CoefficientOfVariation", e.Message, StringComparison.Ordinal);
        var cv = Convergence.Sigma(s, SigmaMeasure.CoefficientOfVariation);
        Assert.Equal(Math.Sqrt(0.125) / 0.25, cv.Sigma[0], 14);
        Assert.True(double.IsNaN(cv.Trend)); // fewer than 3 years
    }

    [Fact]
    public void Beta_HandSeries_GrowthOnInitialLevelWithSpeedAndHalfLife()
    {
        var b = Convergence.Beta(Small(), new BetaOptions { From = 2000, To = 2001 });
        // T = 1: g = ln(x1/x0) = ln2, 0, ln2, 0 on ln x0 = 0, ln4, ln4, ln2.
        var direct = Ols.Fit([0, Math.Log(4), Math.Log(4), Math.Log(2)], [Math.Log(2), 0, Math.Log(2), 0], "ln x0");
        Assert.Equal(direct["ln x0"], b.B, 12);
        Assert.Equal(4, b.Fit.ObservationCount);
        Assert.Equal(-Math.Log(1 + b.B), b.Speed, 12);
        Assert.Equal(Math.Log(2) / b.Speed, b.HalfLife, 12);
        var all = Convergence.Beta(Small());
        Assert.Equal(1, all.DroppedMissing); // c has no 2002 value
    }

    [Fact]
    public void Beta_NonPositive_ThrowsOrDropsCounted()
    {
        var s = new RegionSeries("x", ["a", "b", "c", "d"], [1, 2], [[1.0, 2], [0.0, 1], [2.0, 3], [3.0, 3.5]]);
        Assert.Throws<ArgumentException>(() => Convergence.Beta(s));
        var b = Convergence.Beta(s, new BetaOptions { DropNonPositive = true });
        Assert.Equal(1, b.DroppedNonPositive);
        Assert.Equal(["a", "c", "d"], b.Regions);
    }

    [Fact]
    public void SigmaAndBeta_RealNuts2Gdp_MatchR()
    {
        var f = PanelFixture.Load();
        var c = f.Root.GetProperty("convergence_nuts2");
        var ind = c.GetProperty("indicator").GetString()!;
        var panel = IndicatorPanel.Read(SharedData.Path("indicators/nuts2-year.csv"), new IndicatorReadOptions
        {
            Indicators = [ind, "population"],
            FromYear = 2008,
            ToYear = 2016,
        });
        var data = PanelDataset.FromIndicators(panel);
        var sd = data.Sigma(ind);
        Assert.Equal(PanelRegressionTests.Ints(c.GetProperty("n")), sd.Counts);
        f.Close(c, "sd_log", sd.Sigma);
        f.Close(c, "cv", data.Sigma(ind, SigmaMeasure.CoefficientOfVariation).Sigma);
        f.Close(c, "sd", data.Sigma(ind, SigmaMeasure.Sd).Sigma);
        foreach (var (key, m) in new[] { ("trend_sd_log", SigmaMeasure.SdLog), ("trend_cv", SigmaMeasure.CoefficientOfVariation), ("trend_sd", SigmaMeasure.Sd) })
        {
            var s = data.Sigma(ind, m);
            f.Close(c, key, [s.Trend, s.TrendStandardError]);
        }

        var beta = data.Beta(ind, new BetaOptions { From = 2008, To = 2016 });
        var e = c.GetProperty("beta");
        Assert.Equal(c.GetProperty("beta_n").GetInt32(), beta.Fit.ObservationCount);
        f.Close(e, "coef", beta.Fit.Coefficients);
        f.Close(e, "se", beta.Fit.Inference().StandardErrors);
        f.Close(e, "se_hc1", beta.Fit.Inference(OlsCovariance.HC1).StandardErrors);
        f.Close(c.GetProperty("speed").GetDouble(), beta.Speed, "speed");
        f.Close(c.GetProperty("half_life").GetDouble(), beta.HalfLife, "half-life");

        var pop = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var id in data.Regions)
        {
            var v = data[id, 2008, "population"];
            if (double.IsFinite(v))
            {
                pop[id] = Math.Log(v);
            }
        }

        var cond = data.Beta(ind, new BetaOptions { From = 2008, To = 2016, Covariates = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["ln pop"] = pop } });
        var ce = c.GetProperty("beta_conditional");
        Assert.Equal(c.GetProperty("conditional_n").GetInt32(), cond.Fit.ObservationCount);
        f.Close(ce, "coef", cond.Fit.Coefficients);
        f.Close(ce, "se", cond.Fit.Inference().StandardErrors);
        f.Close(ce, "se_hc1", cond.Fit.Inference(OlsCovariance.HC1).StandardErrors);
    }
}
