using System;
using System.Threading;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.Statistics;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class DistanceDecayMetricTests
{
    private static DistanceDecayResult Run(GlocalNetwork net, DistanceDecayOptions? options = null, int? threads = null, CancellationToken token = default) =>
        new DistanceDecayMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: threads, cancellationToken: token), options ?? new DistanceDecayOptions());

    /// <summary>m (Munich), n (Nuremberg), p (Paris), t (Tokyo) at their city centroids, g in Munich with its own location
    /// (Garching), x in Bavaria (no centroid, no location: unlocated). Links m-n, m-p, g-m, p-t, x-m.</summary>
    private static GlocalNetwork FiveCities(bool directed = false) => TinyNetworks.WorldBuilder()
        .AddInnovator("m", "M", InnovatorKind.Firm, "Munich")
        .AddInnovator("n", "N", InnovatorKind.Firm, "Nuremberg")
        .AddInnovator("p", "P", InnovatorKind.Firm, "Paris")
        .AddInnovator("t", "T", InnovatorKind.Firm, "Tokyo")
        .AddInnovator("g", "G", InnovatorKind.University, "Munich", TinyNetworks.GarchingPoint)
        .AddInnovator("x", "X", InnovatorKind.Firm, "Bavaria")
        .AddLink("m", "n", directed: directed)
        .AddLink("m", "p", LinkKind.Other, 2.0, directed: directed)
        .AddLink("g", "m", directed: directed)
        .AddLink("p", "t", directed: directed)
        .AddLink("x", "m", directed: directed)
        .Build();

    [Fact]
    public void Compute_FiveCities_HandComputedBands()
    {
        // Pair distances (tests/oracles/haversine_check.py formula): m-g 13.613 (band 10-25); m-n 150.684, n-g 140.222
        // (100-250); m-p 683.872, n-p 637.565, p-g 687.313 (500-1000); m-t 9369.196, n-t 9280.405, p-t 9711.738,
        // t-g 9356.094 (5000-20038). Links: g-m 10-25, m-n 100-250, m-p 500-1000, p-t 5000-20038; x-m excluded.
        var r = Run(FiveCities());
        var bands = r.Bands;

        Assert.Equal(["0-10", "10-25", "25-50", "50-100", "100-250", "250-500", "500-1000", "1000-2500", "2500-5000", "5000-20038"], bands.Ids);
        Assert.Equal([0, 1, 0, 0, 2, 0, 3, 0, 0, 4], bands.Column("pairs").ToArray());
        Assert.Equal([0, 1, 0, 0, 1, 0, 1, 0, 0, 1], bands.Column("links").ToArray());
        Assert.Equal(0.25, bands["10-25", "share"]);
        Assert.Equal(0.5, bands["100-250", "probability"]);
        Assert.Equal(1.0 / 3, bands["500-1000", "probability"], 15);
        Assert.True(double.IsNaN(bands["0-10", "probability"]));
        Assert.Equal(13.612954285204657, bands["10-25", "mean-distance"], 9);
        Assert.Equal((150.68402043668982 + 140.2219995486116) / 2, bands["100-250", "mean-distance"], 9);
        Assert.Equal((9369.196109506212 + 9280.404818106466 + 9711.738233019396 + 9356.094120592661) / 4, bands["5000-20038", "mean-distance"], 9);
        Assert.Equal(0, bands["5000-20038", "pairs-se"]);

        var net = r.Network;
        Assert.Equal(5, net["located"]);
        Assert.Equal(1, net["unlocated"]);
        Assert.Equal(4, net["links"]);
        Assert.Equal(1, net["links-excluded"]);
        Assert.Equal(10, net["pairs"]);
        Assert.Equal(6, net["bands-empty"]);
        Assert.Equal(4, net["bands-ols"]);
        Assert.Equal(0, net["bands-dropped"]);

        // OLS of ln p on ln d-bar over the four bands, by the closed form.
        double[] d = [bands["10-25", "mean-distance"], bands["100-250", "mean-distance"], bands["500-1000", "mean-distance"], bands["5000-20038", "mean-distance"]];
        double[] p = [1, 0.5, 1.0 / 3, 0.25];
        double mx = 0, my = 0, sxy = 0, sxx = 0;
        for (var i = 0; i < 4; i++)
        {
            mx += Math.Log(d[i]) / 4;
            my += Math.Log(p[i]) / 4;
        }

        for (var i = 0; i < 4; i++)
        {
            sxy += (Math.Log(d[i]) - mx) * (Math.Log(p[i]) - my);
            sxx += (Math.Log(d[i]) - mx) * (Math.Log(d[i]) - mx);
        }

        Assert.Equal(-sxy / sxx, net["gamma-ols"], 12);
        Assert.Equal(-r.Fit!.Coefficients[1], net["gamma-ppml"]);
        Assert.True(net["gamma-ppml"] > 0);
    }

    [Fact]
    public void Compute_FiveCitiesWeightedAndDirected_WeightsAndDoublesPairs()
    {
        var weighted = Run(FiveCities(), new DistanceDecayOptions { Weighted = true }).Bands;
        var directed = Run(FiveCities(directed: true), new DistanceDecayOptions { Directed = true }).Bands;
        var undirectedAsDirected = Run(FiveCities(), new DistanceDecayOptions { Directed = true }).Bands;

        Assert.Equal(2.0, weighted["500-1000", "links"]); // m-p has weight 2
        Assert.Equal(0.4, weighted["500-1000", "share"], 15); // 2 / (1 + 1 + 2 + 1)
        Assert.Equal([0, 2, 0, 0, 4, 0, 6, 0, 0, 8], directed.Column("pairs").ToArray());
        Assert.Equal([0, 1, 0, 0, 1, 0, 1, 0, 0, 1], directed.Column("links").ToArray());
        Assert.Equal([0, 2, 0, 0, 2, 0, 2, 0, 0, 2], undirectedAsDirected.Column("links").ToArray());
    }

    [Fact]
    public void Compute_SeededNetwork_MatchesRBandsOlsAndPpmlWithOffset()
    {
        var f = GravityFixture.Load();
        var c = f.Case("decay-ppml");
        var expected = c.GetProperty("bands");

        var r = Run(GravityFixture.Network(), new DistanceDecayOptions { Tolerance = 1e-14 });

        Assert.Equal(GravityFixture.Strings(expected.GetProperty("id")), r.Bands.Ids);
        Assert.Equal(GravityFixture.Numbers(expected.GetProperty("links")), r.Bands.Column("links").ToArray());
        Assert.Equal(GravityFixture.Numbers(expected.GetProperty("pairs")), r.Bands.Column("pairs").ToArray());
        var mean = GravityFixture.Numbers(expected.GetProperty("mean_distance"));
        for (var b = 0; b < mean.Length; b++)
        {
            if (double.IsNaN(mean[b]))
            {
                Assert.True(double.IsNaN(r.Bands[b, "mean-distance"]));
            }
            else
            {
                f.Close(mean[b], r.Bands[b, "mean-distance"], "mean distance");
            }
        }

        Assert.Equal(expected.GetProperty("located").GetInt32(), r.Network["located"]);
        Assert.Equal(expected.GetProperty("unlocated").GetInt32(), r.Network["unlocated"]);
        Assert.Equal(expected.GetProperty("links_excluded").GetInt32(), r.Network["links-excluded"]);
        Assert.Equal(expected.GetProperty("ols_bands").GetInt32(), r.Network["bands-ols"]);
        Assert.Equal(expected.GetProperty("dropped_zero").GetInt32(), r.Network["bands-dropped"]);
        Assert.Equal(1, r.Network["bands-empty"]); // 2500-5000 km: no pairs
        f.Close(expected.GetProperty("gamma_ols").GetDouble(), r.Network["gamma-ols"], "gamma-ols");
        f.Close(expected.GetProperty("gamma_ppml").GetDouble(), r.Network["gamma-ppml"], "gamma-ppml");
        PoissonGlmTests.AssertMatchesR(f, c, r.Fit!);
        f.Close(GravityFixture.Numbers(c.GetProperty("se_hc1"))[1], r.Network["gamma-ppml-se"], "gamma-ppml-se");
    }

    [Fact]
    public void Compute_ExactPairs_BitIdenticalAtOneAndEightThreads()
    {
        var net = GravityFixture.Network();

        var one = Run(net, threads: 1);
        var eight = Run(net, threads: 8);

        Assert.Equal(one.Bands.Column("mean-distance").ToArray(), eight.Bands.Column("mean-distance").ToArray());
        Assert.Equal(one.Network.Values.ToArray(), eight.Network.Values.ToArray());
    }

    [Fact]
    public void Compute_SampledPairs_SeededDeterministicAndWithinSamplingError()
    {
        var net = GravityFixture.Network();
        var exact = Run(net);
        var options = new DistanceDecayOptions { ExactPairLimit = 100, SampleSize = 400_000, Seed = 7 };

        var a = Run(net, options, threads: 1);
        var b = Run(net, options, threads: 8);
        var other = Run(net, options with { Seed = 8 });

        Assert.Equal("sampled", a.Properties["pairs"]);
        Assert.Equal("7", a.Properties["seed"]);
        Assert.Equal(1, a.Network["sampled"]);
        Assert.Equal(a.Bands.Column("pairs").ToArray(), b.Bands.Column("pairs").ToArray());
        Assert.Equal(a.Bands.Column("mean-distance").ToArray(), b.Bands.Column("mean-distance").ToArray());
        Assert.NotEqual(a.Bands.Column("pairs").ToArray(), other.Bands.Column("pairs").ToArray());
        Assert.Equal(exact.Network["pairs"], a.Network["pairs"]);
        for (var k = 0; k < exact.Bands.Count; k++)
        {
            var se = a.Bands[k, "pairs-se"];
            Assert.True(Math.Abs(a.Bands[k, "pairs"] - exact.Bands[k, "pairs"]) <= (5 * se) + 1e-9,
                $"band {exact.Bands.Ids[k]}: sampled {a.Bands[k, "pairs"]} +- {se}, exact {exact.Bands[k, "pairs"]}");
        }

        Assert.Equal(exact.Bands.Column("links").ToArray(), a.Bands.Column("links").ToArray());
    }

    [Fact]
    public void Compute_EmptyNetwork_NaNExponentsNeverThrows()
    {
        var net = TinyNetworks.WorldBuilder().AddInnovator("m", "M", InnovatorKind.Firm, "Munich").Build();

        var r = Run(net);

        Assert.Equal(0, r.Network["links"]);
        Assert.Equal(0, r.Network["pairs"]);
        Assert.True(double.IsNaN(r.Network["gamma-ppml"]));
        Assert.True(double.IsNaN(r.Network["gamma-ols"]));
        Assert.True(double.IsNaN(r.Bands["0-10", "share"]));
        Assert.Null(r.Fit);
    }

    [Fact]
    public void Compute_BadEdges_ThrowArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Run(FiveCities(), new DistanceDecayOptions { Edges = [0, 50, 50, 100] }));
        Assert.Throws<ArgumentException>(() => Run(FiveCities(), new DistanceDecayOptions { Edges = [10] }));
        Assert.Throws<ArgumentException>(() => Run(FiveCities(), new DistanceDecayOptions { Edges = [-1, 10] }));
    }

    [Fact]
    public void Compute_CustomEdges_PairsOutsideAreLeftOut()
    {
        var r = Run(FiveCities(), new DistanceDecayOptions { Edges = [100, 1000] });

        Assert.Equal(["100-1000"], r.Bands.Ids);
        Assert.Equal(5, r.Bands["100-1000", "pairs"]); // m-n, n-g, m-p, n-p, p-g
        Assert.Equal(2, r.Bands["100-1000", "links"]); // m-n, m-p
        Assert.Equal(2, r.Network["links"]);
        Assert.Equal(3, r.Network["links-excluded"]); // g-m too near, p-t too far, x-m unlocated
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(9.999, 0)]
    [InlineData(10.0, 1)]
    [InlineData(4999.9, 8)]
    [InlineData(20038.0, 9)]
    [InlineData(20038.5, -1)]
    public void Band_EdgesHalfOpenLastClosed(double km, int band)
    {
        Assert.Equal(band, DistanceDecayMetric.Band([.. DistanceDecayOptions.DefaultEdges], km));
    }

    [Fact]
    public void Compute_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Run(GravityFixture.Network(), token: cts.Token));
    }

    [Fact]
    public void Registry_HasDistanceDecay()
    {
        Assert.IsType<DistanceDecayMetric>(MetricRegistry.CreateDefault().Get("distance-decay"));
        Assert.Equal("distance-decay", StandardMetrics.DistanceDecay.Id);
    }
}
