using System;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>Hand-computed <c>gatekeepers</c> cases: a star across two regions, a triangle in one city, the mixed tiny
/// network, the directed variant, the thresholds and the edge cases. Default level province, cutoff Regional.</summary>
public sealed class GatekeepersTests
{
    /// <summary>Asserts innovators' class codes.</summary>
    private static void AssertClasses(NodeTable t, params (string Id, GatekeeperClass Class)[] expected)
    {
        foreach (var (id, cls) in expected)
        {
            Assert.True((double)cls == t[id, "class"], $"'{id}': expected {cls}, got {t[id, "class"]}.");
        }
    }

    private static GatekeepersResult Run(GlocalNetwork net, GatekeepersOptions? o = null) =>
        new GatekeepersMetric().Compute(new MetricContext(net), o ?? new GatekeepersOptions());

    // Hub m1 (Munich) with partners m2 (Munich, Local), n1 (Nuremberg, Regional: both in Bavaria), d1, d2 (Dresden:
    // LCA DE, National). Bavaria = {m1, m2, n1}, Saxony = {d1, d2}.
    private static GlocalNetwork StarAcrossTwoRegions() =>
        GlocalTestNetworks.InWorld(("m1", "Munich"), ("m2", "Munich"), ("n1", "Nuremberg"), ("d1", "Dresden"), ("d2", "Dresden"))
        .AddLink("m1", "m2").AddLink("m1", "n1").AddLink("m1", "d1").AddLink("m1", "d2")
        .Build();

    [Fact]
    public void Gatekeepers_StarAcrossTwoRegions_HubIsTheGatekeeper()
    {
        // Bavaria: internal m1 2, m2 1, n1 1 (mean 4/3); external m1 2, m2 0, n1 0 (mean 2/3).
        // m1: 2 > 4/3 and 2 > 2/3: gatekeeper (code 3); m2, n1: low, low: isolated (0).
        // Saxony: d1, d2 internal 0 (mean 0), external 1 (mean 1): nobody strictly above: isolated.
        var r = Run(StarAcrossTwoRegions());
        var t = r.Innovators;

        Assert.Equal(2, t["m1", "internal"]);
        Assert.Equal(2, t["m1", "external"]);
        AssertClasses(t, ("m1", GatekeeperClass.Gatekeeper), ("m2", GatekeeperClass.Isolated), ("d1", GatekeeperClass.Isolated));
        Assert.Equal(1, t["m1", "gatekeeper"]);
        Assert.Equal(0, t["m1", "isolated"]);
        Assert.Equal(1, t["m2", "isolated"]);

        var reg = r.Regions;
        Assert.Equal("province", reg.Level);
        Assert.Equal(["Bavaria", "Saxony"], reg.Ids);
        Assert.Equal(3, reg["Bavaria", "innovators"]);
        Assert.Equal(1, reg["Bavaria", "gatekeeper"]);
        Assert.Equal(2, reg["Bavaria", "isolated"]);
        Assert.Equal(4.0 / 3, reg["Bavaria", "internal.threshold"], 1e-15);
        Assert.Equal(2.0 / 3, reg["Bavaria", "external.threshold"], 1e-15);
        Assert.Equal(2, reg["Saxony", "isolated"]);
        Assert.Equal(["innovators", "gatekeeper", "mutual-exchanger", "external-star", "isolated", "internal.threshold", "external.threshold"], reg.Columns);
    }

    [Fact]
    public void Gatekeepers_StarAcrossTwoRegionsGraf2011_OneTieOnEachSideSuffices()
    {
        // Absolute(0): m1 (2, 2) gatekeeper; m2, n1 (1, 0) mutual exchangers; d1, d2 (0, 1) external stars.
        var r = Run(StarAcrossTwoRegions(), GatekeepersOptions.Graf2011);
        var t = r.Innovators;

        AssertClasses(t, ("m1", GatekeeperClass.Gatekeeper), ("m2", GatekeeperClass.MutualExchanger), ("d1", GatekeeperClass.ExternalStar));
        Assert.Equal(1, t["n1", "mutual-exchanger"]);
        Assert.Equal(1, t["d2", "external-star"]);
        Assert.Equal(2, r.Regions["Saxony", "external-star"]);
        Assert.Equal(0, r.Regions["Saxony", "external.threshold"]);
        Assert.Equal("Absolute(0)", r.Properties["internal-threshold"]);
    }

    [Fact]
    public void Gatekeepers_TriangleInOneCity_MutualExchangersOrIsolated()
    {
        // Each of a, b, c has 2 internal and 0 external partners. Mean threshold 2: nobody above, all isolated.
        // Graf2011: 2 > 0 internal, 0 external: all mutual exchangers.
        var net = GlocalTestNetworks.TriangleInMunich();

        var mean = Run(net);
        Assert.Equal(3, mean.Regions["Bavaria", "isolated"]);
        Assert.Equal(2, mean.Innovators["a", "internal"]);
        Assert.Equal(0, mean.Innovators["a", "external"]);
        var graf = Run(net, GatekeepersOptions.Graf2011);
        Assert.Equal(3, graf.Regions["Bavaria", "mutual-exchanger"]);
        Assert.Equal(1, graf.Innovators["c", "mutual-exchanger"]);
    }

    [Fact]
    public void Gatekeepers_MixedTinyNetwork_ClassesAndUngrouped()
    {
        // Undirected reading (one link of nine is directed). Internal (scale <= Regional): m1-m2 (Local), m1-n1 (Regional).
        // m1: internal {m2, n1} = 2, external {p1, d1} = 2; m2: 1, {p1, t1} = 2; n1: 1, {d1} = 1; d1: 0, {de, n1, m1} = 3.
        // Bavaria means: internal 4/3, external 5/3 -> m1 gatekeeper, m2 external star, n1 isolated. Saxony: d1 alone, isolated.
        // de (country), p1 (Paris, no province), t1 (Tokyo) are ungrouped; d1-de is resolution-limited.
        var r = Run(TinyNetworks.Mixed());
        var t = r.Innovators;

        AssertClasses(t, ("m1", GatekeeperClass.Gatekeeper), ("m2", GatekeeperClass.ExternalStar), ("n1", GatekeeperClass.Isolated),
            ("d1", GatekeeperClass.Isolated));
        Assert.Equal(2, t["m2", "external"]);
        Assert.Equal(3, t["d1", "external"]);
        Assert.True(double.IsNaN(t["de", "class"]));
        Assert.True(double.IsNaN(t["p1", "internal"]));
        Assert.True(double.IsNaN(t["t1", "gatekeeper"]));
        Assert.Equal("3", r.Properties["ungrouped"]);
        Assert.Equal("1", r.Properties["resolution-limited"]);
        Assert.Equal("false", r.Properties["directed"]);
        Assert.Equal(5.0 / 3, r.Regions["Bavaria", "external.threshold"], 1e-15);
    }

    [Fact]
    public void Gatekeepers_LocalCutoffLocal_OnlySameCityTiesAreInternal()
    {
        // With cutoff Local, m1-n1 (Munich-Nuremberg) becomes external: m1 internal {m2} = 1, external {n1, d1, d2} = 3.
        var t = Run(StarAcrossTwoRegions(), new GatekeepersOptions { LocalCutoff = Scale.Local }).Innovators;

        Assert.Equal(1, t["m1", "internal"]);
        Assert.Equal(3, t["m1", "external"]);
        Assert.Equal(1, t["n1", "external"]);
    }

    [Fact]
    public void Gatekeepers_Directed_InternalNeedsInAndOutExternalNeedsIn()
    {
        // Bavaria {a, b, c} (Munich), Saxony {x} (Dresden). Arcs a->b, b->a, a->c, x->a, b->x.
        // a: internal in {b} 1, out {b, c} 2, external in {x} 1, out 0; b: in 1, out 1, external in 0, out {x} 1;
        // c: in {a} 1, out 0, external 0. x: external in {b} 1, out {a} 1.
        // Graf2011: a internal (1 > 0 and 2 > 0) high, external in 1 > 0: gatekeeper; b internal high, external in 0:
        // mutual exchanger (its outgoing external tie does not count); c internal out 0: low, isolated; x: external star.
        // Mean: thresholds internal.in 1, internal.out 1, external.in 1/3: a internal low (1 > 1 fails), external
        // high: external star; b and c isolated.
        var net = GlocalTestNetworks.InWorld(("a", "Munich"), ("b", "Munich"), ("c", "Munich"), ("x", "Dresden"))
            .AddLink("a", "b", directed: true).AddLink("b", "a", directed: true).AddLink("a", "c", directed: true)
            .AddLink("x", "a", directed: true).AddLink("b", "x", directed: true)
            .Build();

        var graf = Run(net, GatekeepersOptions.Graf2011);
        var t = graf.Innovators;
        Assert.Equal("true", graf.Properties["directed"]);
        Assert.Equal(1, t["a", "internal.in"]);
        Assert.Equal(2, t["a", "internal.out"]);
        Assert.Equal(2, t["a", "internal"]);
        Assert.Equal(1, t["a", "external.in"]);
        Assert.Equal(0, t["a", "external.out"]);
        Assert.Equal(1, t["b", "external.out"]);
        AssertClasses(t, ("a", GatekeeperClass.Gatekeeper), ("b", GatekeeperClass.MutualExchanger), ("c", GatekeeperClass.Isolated),
            ("x", GatekeeperClass.ExternalStar));

        var mean = Run(net);
        AssertClasses(mean.Innovators, ("a", GatekeeperClass.ExternalStar), ("b", GatekeeperClass.Isolated));
        Assert.Equal(1, mean.Regions["Bavaria", "internal.in.threshold"]);
        Assert.Equal(1, mean.Regions["Bavaria", "internal.out.threshold"]);
        Assert.Equal(1.0 / 3, mean.Regions["Bavaria", "external.in.threshold"], 1e-15);

        // Read undirected, a has 2 internal partners {b, c} and 1 external {x}.
        var undirected = Run(net, new GatekeepersOptions { Directed = false }).Innovators;
        Assert.Equal(2, undirected["a", "internal"]);
        Assert.Equal(1, undirected["a", "external"]);
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => undirected["a", "internal.in"]);
    }

    [Theory]
    [InlineData("mean", 1.5, 1)]
    [InlineData("median", 1.0, 1)]
    [InlineData("q0.9", 2.4, 1)]
    [InlineData("q1", 3.0, 0)]
    [InlineData("abs2", 2.0, 1)]
    [InlineData("abs3", 3.0, 0)]
    public void Gatekeepers_Thresholds_AsDocumented(string which, double threshold, int hubHigh)
    {
        // A star inside Munich: hub h with 3 internal partners, leaves with 1. Sorted internal degrees 1, 1, 1, 3:
        // mean 1.5; median (type 7) 1; Quantile(0.9): h = 3·0.9 = 2.7, 1 + 0.7·(3 - 1) = 2.4; Quantile(1) = 3.
        var net = GlocalTestNetworks.InWorld(("h", "Munich"), ("l1", "Munich"), ("l2", "Munich"), ("l3", "Munich"))
            .AddLink("h", "l1").AddLink("h", "l2").AddLink("h", "l3")
            .Build();
        var th = which switch
        {
            "mean" => GatekeeperThreshold.Mean,
            "median" => GatekeeperThreshold.Median,
            "q0.9" => GatekeeperThreshold.Quantile(0.9),
            "q1" => GatekeeperThreshold.Quantile(1),
            "abs2" => GatekeeperThreshold.Absolute(2),
            _ => GatekeeperThreshold.Absolute(3),
        };
        var r = Run(net, new GatekeepersOptions { InternalThreshold = th });

        Assert.Equal(threshold, r.Regions["Bavaria", "internal.threshold"], 1e-15);
        Assert.Equal(hubHigh == 1 ? 2 : 0, r.Innovators["h", "class"]);
        Assert.Equal(0, r.Innovators["l1", "class"]);
    }

    [Fact]
    public void Gatekeepers_InvalidThresholds_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GatekeeperThreshold.Quantile(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => GatekeeperThreshold.Absolute(-1));
    }

    [Fact]
    public void Gatekeepers_CountryLevel_ClustersAreCountries()
    {
        // At country level with cutoff National, m1's partners in Dresden (National) become internal.
        var r = Run(StarAcrossTwoRegions(), new GatekeepersOptions { Level = "country", LocalCutoff = Scale.National });

        Assert.Equal(["DE"], r.Regions.Ids);
        Assert.Equal(4, r.Innovators["m1", "internal"]);
        Assert.Equal(0, r.Innovators["m1", "external"]);
        Assert.Equal("country", r.Properties["level"]);
    }

    [Fact]
    public void Gatekeepers_EmptyNetwork_EmptyTables()
    {
        var r = Run(TinyNetworks.WorldBuilder().Build());

        Assert.Equal(0, r.Innovators.Count);
        Assert.Equal(0, r.Regions.Count);
    }

    [Fact]
    public void Gatekeepers_HandleAndRegistry_FindTheMetric()
    {
        Assert.Equal("gatekeepers", StandardMetrics.Gatekeepers.Id);
        Assert.Contains(GlocalFamily.Create(), m => m.Id == "gatekeepers");
    }
}
