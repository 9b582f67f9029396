using System;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class GlocalityTests
{
    private const double Tol = 1e-12;

    private static NodeTable Run(GlocalNetwork net, GlocalityOptions? options = null) =>
        new GlocalityMetric().Compute(new MetricContext(net), options ?? new GlocalityOptions());

    [Fact]
    public void Compute_TriangleInOneCity_AllLocalNoGlocalActor()
    {
        var t = Run(ScaleMixTests.Triangle());

        // Every link Local: p = (1, 0, 0, 0, 0), H = 0; λ = 1, B = 1 - |2 - 1| = 0.
        foreach (var id in new[] { "a", "b", "c" })
        {
            Assert.Equal(0.0, t[id, "glocality"]);
            Assert.Equal(1.0, t[id, "local-share"]);
            Assert.Equal(0.0, t[id, "balance"]);
            Assert.Equal(0.0, t[id, "glocal-actor"]);
        }

        // a: a-b 1 + a-c 3 = 4.
        Assert.Equal(4, t["a", "weight.local"]);
        Assert.Equal(4, t["a", "total"]);
    }

    [Fact]
    public void Compute_StarAcrossTwoCountries_CentreIsBalanced()
    {
        var t = Run(ScaleMixTests.Star());

        // Centre a: Local 2 (a-b, a-c), Supranational 2 (a-d, a-e): p = (1/2, 0, 0, 1/2, 0), H = ln 2, S = 5.
        Assert.Equal(Math.Log(2) / Math.Log(5), t["a", "glocality"], Tol);
        Assert.Equal(0.5, t["a", "local-share"], Tol);
        Assert.Equal(1.0, t["a", "balance"], Tol);
        Assert.Equal(1.0, t["a", "glocal-actor"]);
        Assert.Equal(4, t["a", "total"]);
        // Leaf d: one Supranational link: G = 0, λ = 0, B = 0, not glocal.
        Assert.Equal(0.0, t["d", "glocality"]);
        Assert.Equal(0.0, t["d", "local-share"]);
        Assert.Equal(0.0, t["d", "balance"]);
        Assert.Equal(0.0, t["d", "glocal-actor"]);
        Assert.Equal(["a"], GlocalityMetric.TopGlocalActors(t, 5));
    }

    [Fact]
    public void Compute_Mixed_ProfilesByHand()
    {
        var t = Run(TinyNetworks.Mixed());

        // m1: m1-m2 Local 3, m1-n1 Regional 4, m1-d1 National 1, m1-p1 Supranational 1; total 9.
        Assert.Equal([3.0, 4, 1, 1, 0], [t["m1", "weight.local"], t["m1", "weight.regional"], t["m1", "weight.national"], t["m1", "weight.supranational"], t["m1", "weight.global"]]);
        Assert.Equal(9, t["m1", "total"]);
        var h = -((3.0 / 9 * Math.Log(3.0 / 9)) + (4.0 / 9 * Math.Log(4.0 / 9)) + (2 * (1.0 / 9) * Math.Log(1.0 / 9)));
        Assert.Equal(h / Math.Log(5), t["m1", "glocality"], Tol);
        // λ = (3 + 4) / 9 = 7/9; B = 1 - |14/9 - 1| = 4/9.
        Assert.Equal(7.0 / 9, t["m1", "local-share"], Tol);
        Assert.Equal(4.0 / 9, t["m1", "balance"], Tol);
        // m2: Local 3 (m1-m2), Supranational 2 (m2-p1), Global 0.5 (m2-t1): λ = 3/5.5 = 6/11, B = 1 - |12/11 - 1| = 10/11.
        Assert.Equal(6.0 / 11, t["m2", "local-share"], Tol);
        Assert.Equal(10.0 / 11, t["m2", "balance"], Tol);
        // n1: Regional 4 (m1-n1), National 1.5 (n1-d1): λ = 8/11, B = 6/11.
        Assert.Equal(6.0 / 11, t["n1", "balance"], Tol);
        // d1: three National links (one resolution-limited, counted): λ = 0, G = 0, not glocal.
        Assert.Equal(3.5, t["d1", "weight.national"], Tol);
        Assert.Equal(0.0, t["d1", "glocal-actor"]);
        // p1: Supranational 3 (m2-p1 2, m1-p1 1), Global 1 (p1-t1): G = H(3/4, 1/4) / ln 5.
        var hp = -((0.75 * Math.Log(0.75)) + (0.25 * Math.Log(0.25)));
        Assert.Equal(hp / Math.Log(5), t["p1", "glocality"], Tol);
        Assert.Equal(0.0, t["p1", "balance"]);
        // Glocal actors m1, m2, n1; ranked by balance: m2 (10/11), n1 (6/11), m1 (4/9).
        Assert.Equal(["m2", "n1", "m1"], GlocalityMetric.TopGlocalActors(t, 10));
        Assert.Equal(["m2", "n1"], GlocalityMetric.TopGlocalActors(t, 2));
        Assert.Equal("3", t.Properties["glocal-actors"]);
    }

    [Fact]
    public void Compute_Unweighted_CountsLinks()
    {
        var t = Run(TinyNetworks.Mixed(), new GlocalityOptions { Weighted = false });

        // m1 has one link at each of Local, Regional, National, Supranational: λ = 2/4, B = 1, G = ln 4 / ln 5.
        Assert.Equal(1, t["m1", "count.local"]);
        Assert.Equal(4, t["m1", "total"]);
        Assert.Equal(1.0, t["m1", "balance"], Tol);
        Assert.Equal(Math.Log(4) / Math.Log(5), t["m1", "glocality"], Tol);
        Assert.Equal("false", t.Properties["weighted"]);
        Assert.Equal("m1", GlocalityMetric.TopGlocalActors(t, 1)[0]);
    }

    [Fact]
    public void Compute_LocalCutoffLocal_RegionalTiesCountAsFar()
    {
        var t = Run(TinyNetworks.Mixed(), new GlocalityOptions { LocalCutoff = Scale.Local });

        // n1 has Regional 4 and National 1.5, no Local link: no longer glocal; m1: λ = 3/9.
        Assert.Equal(0.0, t["n1", "glocal-actor"]);
        Assert.Equal(0.0, t["n1", "local-share"]);
        Assert.Equal(1.0 / 3, t["m1", "local-share"], Tol);
        Assert.Equal("local", t.Properties["local-cutoff"]);
    }

    [Fact]
    public void Compute_IsolatedInnovator_NaN()
    {
        var t = Run(ScaleMixTests.WithIsolate());

        Assert.Equal(0, t["lonely", "total"]);
        Assert.True(double.IsNaN(t["lonely", "glocality"]));
        Assert.True(double.IsNaN(t["lonely", "local-share"]));
        Assert.True(double.IsNaN(t["lonely", "balance"]));
        Assert.Equal(0.0, t["lonely", "glocal-actor"]);
    }

    [Fact]
    public void Compute_EmptyNetwork_EmptyTable()
    {
        var t = Run(TinyNetworks.WorldBuilder().Build());

        Assert.Equal(0, t.Count);
        Assert.Empty(GlocalityMetric.TopGlocalActors(t, 3));
    }

    [Fact]
    public void TopGlocalActors_TiesBrokenByGlocalityTotalThenId()
    {
        // x and y: one Local and one Supranational link each (balance 1, same G); x's weights are larger. z, w: same as y.
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("z", "Z", InnovatorKind.Firm, "Munich")
            .AddInnovator("y", "Y", InnovatorKind.Firm, "Munich")
            .AddInnovator("x", "X", InnovatorKind.Firm, "Munich")
            .AddInnovator("hub", "H", InnovatorKind.Firm, "Munich")
            .AddInnovator("far", "F", InnovatorKind.Firm, "Paris")
            .AddLink("x", "hub", weight: 2)
            .AddLink("x", "far", weight: 2)
            .AddLink("y", "hub")
            .AddLink("y", "far")
            .AddLink("z", "hub")
            .AddLink("z", "far")
            .Build();
        var t = Run(net);

        // hub: 3 Local (weight 4); far: 3 Supranational: neither is glocal. x, y, z: balance 1, G = ln 2 / ln 5;
        // x has total 4, y and z total 2 -> x first, then y before z by id.
        Assert.Equal(["x", "y", "z"], GlocalityMetric.TopGlocalActors(t, 10));
    }
}
