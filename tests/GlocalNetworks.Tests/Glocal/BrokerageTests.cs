using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>Hand-computed brokerage cases, the ungrouped policy, determinism and cancellation.</summary>
public sealed class BrokerageTests
{
    // The hub h (group X) with in-arcs from x1 (X), y1 (Y), z1 (Z) and out-arcs to x2 (X), y2 (Y); y2 also in Y.
    private static readonly string[] HubIds = ["h", "x1", "x2", "y1", "y2", "z1"];
    private static readonly string?[] HubGroups = ["X", "X", "X", "Y", "Y", "Z"];

    private static GlocalNetwork Hub(bool closeX1Y2 = false)
    {
        var links = new List<(string, string, double)>
        {
            ("x1", "h", 2), ("y1", "h", 3), ("z1", "h", 0.5), ("h", "x2", 5), ("h", "y2", 7),
        };
        if (closeX1Y2)
        {
            links.Add(("x1", "y2", 1));
        }

        return GlocalTestNetworks.Build(HubIds, HubGroups, links, directed: true);
    }

    /// <summary>Asserts a row's six counts in sna's order: coordinator, itinerant, representative, gatekeeper, liaison, total.</summary>
    private static void AssertRoles(NodeTable t, string id, params double[] expected)
    {
        var actual = new double[expected.Length];
        for (var r = 0; r < expected.Length; r++)
        {
            actual[r] = t[id, BrokerageMetric.Roles[r]];
        }

        Assert.Equal(expected, actual);
    }

    private static BrokerageResult Run(GlocalNetwork net, BrokerageOptions? o = null, int? threads = null) =>
        new BrokerageMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: threads), o ?? new BrokerageOptions { GroupAttribute = "g" });

    [Fact]
    public void Brokerage_Hub_EveryRoleCountedOnce()
    {
        // Paths through h: x1->h->x2 X,X,X coordinator; x1->h->y2 X,X,Y representative; y1->h->x2 Y,X,X gatekeeper;
        // y1->h->y2 Y,X,Y itinerant; z1->h->x2 Z,X,X gatekeeper; z1->h->y2 Z,X,Y liaison. Total 6.
        var t = Run(Hub()).Innovators;

        AssertRoles(t, "h", 1, 1, 1, 2, 1, 6);
        foreach (var id in HubIds[1..])
        {
            Assert.Equal(0, t[id, "total"]);
        }
    }

    [Fact]
    public void Brokerage_ArcClosesTheTriad_PathNoLongerCounts()
    {
        // x1 -> y2 closes x1->h->y2, the only representative path.
        var t = Run(Hub(closeX1Y2: true)).Innovators;

        AssertRoles(t, "h", 1, 1, 0, 2, 1, 5);
    }

    [Fact]
    public void Brokerage_Hub_ExpectationsAsSna()
    {
        // N = 6, M = 5 arcs, d = 5/30 = 1/6, q = d²(1-d) = 5/216. h is in X (n = 3); other groups Y (2) and Z (1).
        // E[w_I] = q·2·1 = 10/216; E[w_O] = q·(2·1 + 1·0) = 10/216; E[b_IO] = E[b_OI] = q·(6-3)·2 = 30/216;
        // E[b_O] = q·((2+1)² - (4+1)) = 20/216; E[t] = q·5·4 = 100/216 (= the sum of the five).
        var r = Run(Hub());
        var t = r.Innovators;

        Assert.Equal(10.0 / 216, t["h", "coordinator.expected"], 1e-15);
        Assert.Equal(10.0 / 216, t["h", "itinerant.expected"], 1e-15);
        Assert.Equal(30.0 / 216, t["h", "representative.expected"], 1e-15);
        Assert.Equal(30.0 / 216, t["h", "gatekeeper.expected"], 1e-15);
        Assert.Equal(20.0 / 216, t["h", "liaison.expected"], 1e-15);
        Assert.Equal(100.0 / 216, t["h", "total.expected"], 1e-15);
        // z1 is alone in Z: coordinator E = q·0·(-1) = 0 and V = 0, raw 0, so z = 0/0 = NaN as in R.
        Assert.True(double.IsNaN(t["z1", "coordinator.z"]));
        Assert.Equal("5", r.Properties["arcs"]);
        Assert.Equal(6, r.Network["total"]);
    }

    [Fact]
    public void Brokerage_Valued_ProductOfTheTwoTieWeights()
    {
        // w(x1,h) = 2, w(y1,h) = 3, w(z1,h) = 0.5, w(h,x2) = 5, w(h,y2) = 7.
        // coordinator 2·5 = 10; representative 2·7 = 14; gatekeeper 3·5 + 0.5·5 = 17.5; itinerant 3·7 = 21;
        // liaison 0.5·7 = 3.5; total 66.
        var r = Run(Hub(), new BrokerageOptions { GroupAttribute = "g", Valued = true });
        var t = r.Innovators;

        Assert.Equal(10, t["h", "coordinator.valued"]);
        Assert.Equal(21, t["h", "itinerant.valued"]);
        Assert.Equal(14, t["h", "representative.valued"]);
        Assert.Equal(17.5, t["h", "gatekeeper.valued"]);
        Assert.Equal(3.5, t["h", "liaison.valued"]);
        Assert.Equal(66, t["h", "total.valued"]);
        Assert.Equal(6, t["h", "total"]);
        Assert.Equal(66, r.Network["total.valued"]);
        Assert.Equal("true", r.Properties["valued"]);
    }

    [Fact]
    public void Brokerage_Columns_InTheDecidedOrder()
    {
        var t = Run(Hub()).Innovators;

        Assert.Equal(
        [
            "coordinator", "coordinator.expected", "coordinator.z", "itinerant", "itinerant.expected", "itinerant.z",
            "representative", "representative.expected", "representative.z", "gatekeeper", "gatekeeper.expected", "gatekeeper.z",
            "liaison", "liaison.expected", "liaison.z", "total", "total.expected", "total.z",
        ], t.Columns);
        var v = Run(Hub(), new BrokerageOptions { GroupAttribute = "g", Valued = true }).Innovators.Columns;
        Assert.Equal(24, v.Count);
        Assert.Equal("coordinator.valued", v[18]);
        Assert.Equal("total.valued", v[23]);
    }

    [Fact]
    public void Brokerage_UndirectedItinerantPath_CountsTwiceOrOnceWhenHalved()
    {
        // a (X) - b (Y) - c (X): a->b->c and c->b->a are both itinerant for b.
        var net = GlocalTestNetworks.Build(["a", "b", "c"], ["X", "Y", "X"], [("a", "b", 1), ("b", "c", 1)], directed: false);
        var full = Run(net);
        var half = Run(net, new BrokerageOptions { GroupAttribute = "g", HalveUndirected = true });

        Assert.Equal("false", full.Properties["directed"]);
        Assert.Equal(2, full.Innovators["b", "itinerant"]);
        Assert.Equal(2, full.Innovators["b", "total"]);
        Assert.Equal(1, half.Innovators["b", "itinerant"]);
        Assert.Equal(full.Innovators["b", "itinerant.expected"] / 2, half.Innovators["b", "itinerant.expected"]);
        Assert.Equal(full.Innovators["b", "itinerant.z"], half.Innovators["b", "itinerant.z"]);
        Assert.Equal(full.Network["total.z"], half.Network["total.z"]);
        Assert.Equal(1, half.Network["total"]);
    }

    [Fact]
    public void Brokerage_UndirectedMixedPath_IsOneRepresentativeAndOneGatekeeper()
    {
        // a (X) - b (X) - c (Y): a->b->c representative, c->b->a gatekeeper; halved: ½ each, total 1.
        var net = GlocalTestNetworks.Build(["a", "b", "c"], ["X", "X", "Y"], [("a", "b", 1), ("b", "c", 1)], directed: false);
        var full = Run(net).Innovators;
        var half = Run(net, new BrokerageOptions { GroupAttribute = "g", HalveUndirected = true }).Innovators;

        AssertRoles(full, "b", 0, 0, 1, 1, 0, 2);
        AssertRoles(half, "b", 0, 0, 0.5, 0.5, 0, 1);
    }

    [Fact]
    public void Brokerage_HalveUndirected_IgnoredForDirectedReadings()
    {
        var r = Run(Hub(), new BrokerageOptions { GroupAttribute = "g", HalveUndirected = true });

        Assert.Equal(6, r.Innovators["h", "total"]);
        Assert.Equal("false", r.Properties["halve-undirected"]);
    }

    [Fact]
    public void Brokerage_TriangleInOneCity_NoBrokerage()
    {
        var r = Run(GlocalTestNetworks.TriangleInMunich(), new BrokerageOptions { Level = "city" });

        foreach (var id in new[] { "a", "b", "c" })
        {
            Assert.Equal(0, r.Innovators[id, "total"]);
        }

        // Complete graph: d = 1, q = 0, so E = V = 0 and z = 0/0 = NaN.
        Assert.True(double.IsNaN(r.Innovators["a", "total.z"]));
        Assert.Equal("city", r.Properties["level"]);
    }

    [Fact]
    public void Brokerage_StarAcrossTwoRegions_HubIsRepresentativeAndGatekeeper()
    {
        // Undirected star: hub m1 in Munich with leaves m2 (Munich), p1 and p2 (Paris). Ordered open paths through m1:
        // m2->m1->p1, m2->m1->p2 representative (2); p1->m1->m2, p2->m1->m2 gatekeeper (2); p1->m1->p2, p2->m1->p1 itinerant (2).
        var net = GlocalTestNetworks.InWorld(("m1", "Munich"), ("m2", "Munich"), ("p1", "Paris"), ("p2", "Paris"))
            .AddLink("m1", "m2").AddLink("m1", "p1").AddLink("m1", "p2")
            .Build();
        var t = Run(net, new BrokerageOptions { Level = "city" }).Innovators;

        AssertRoles(t, "m1", 0, 2, 2, 2, 0, 6);
    }

    [Fact]
    public void Brokerage_UngroupedInnovator_RemovedFromTheGraphWithNaNRowAndCount()
    {
        // Cities: m1, m2 in Munich, p1 in Paris; 'de' sits at the country level, so it has no city group.
        // Links m1-de, de-p1, m1-m2, m2-p1. Without de the grouped graph is the path m1 - m2 - p1:
        // m2: m1->m2->p1 representative, p1->m2->m1 gatekeeper. m1 and p1 broker nothing (their paths run through de).
        var net = GlocalTestNetworks.InWorld(("m1", "Munich"), ("m2", "Munich"), ("de", "DE"), ("p1", "Paris"))
            .AddLink("m1", "de").AddLink("de", "p1").AddLink("m1", "m2").AddLink("m2", "p1")
            .Build();
        var r = Run(net, new BrokerageOptions { Level = "city" });
        var t = r.Innovators;

        AssertRoles(t, "m2", 0, 0, 1, 1, 0, 2);
        Assert.Equal(0, t["m1", "total"]);
        Assert.Equal(0, t["p1", "total"]);
        foreach (var c in t.Columns)
        {
            Assert.True(double.IsNaN(t["de", c]), c);
        }

        Assert.Equal("1", r.Properties["ungrouped"]);
        Assert.Equal("4", r.Properties["arcs"]); // m1-m2 and m2-p1, both directions
        Assert.Equal((4.0 / 6).ToString("R", System.Globalization.CultureInfo.InvariantCulture), r.Properties["density"]);
        Assert.Equal(2, r.Network["total"]);
    }

    [Fact]
    public void Brokerage_OneGroup_EverythingIsCoordinatorAndOtherZAreNaN()
    {
        var (ids, _, links) = GlocalTestNetworks.Random(5, 12, 0.3, 1, directed: true, weighted: false);
        var groups = new List<string?>();
        foreach (var _ in ids)
        {
            groups.Add("only");
        }

        var r = Run(GlocalTestNetworks.Build(ids, groups, links, directed: true));

        Assert.True(r.Network["coordinator"] > 0);
        Assert.Equal(r.Network["coordinator"], r.Network["total"]);
        Assert.True(double.IsNaN(r.Innovators["v0", "liaison.z"]));
        Assert.Equal(0, r.Innovators["v0", "liaison.expected"]);
    }

    [Fact]
    public void Brokerage_EmptyNetwork_EmptyTableAndNaNExpectations()
    {
        var net = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city").Build();
        var r = Run(net);

        Assert.Equal(0, r.Innovators.Count);
        Assert.Equal(0, r.Network["total"]);
        Assert.True(double.IsNaN(r.Network["total.expected"]));
        Assert.True(double.IsNaN(r.Network["total.z"]));
    }

    [Fact]
    public void Brokerage_StandardHandleAndRegistry_FindTheMetric()
    {
        Assert.Equal("brokerage", StandardMetrics.Brokerage.Id);
        Assert.Contains(GlocalFamily.Create(), m => m.Id == "brokerage");
    }

    [Fact]
    public void Brokerage_OneVersusEightThreads_BitIdentical()
    {
        var (ids, groups, links) = GlocalTestNetworks.Random(11, 2500, 0.004, 7, directed: true, weighted: true);
        var net = GlocalTestNetworks.Build(ids, groups, links, directed: true);
        var o = new BrokerageOptions { GroupAttribute = "g", Valued = true };
        var a = Run(net, o, threads: 1);
        var b = Run(net, o, threads: 8);

        Assert.True(a.Network["total"] > 1000);
        foreach (var c in a.Innovators.Columns)
        {
            Assert.Equal(a.Innovators.Column(c).ToArray(), b.Innovators.Column(c).ToArray());
        }

        Assert.Equal(a.Network.Values.ToArray(), b.Network.Values.ToArray());
    }

    [Fact]
    public void Brokerage_CancelledDuringTheRun_ThrowsOperationCanceled()
    {
        var (ids, groups, links) = GlocalTestNetworks.Random(13, 6000, 0.004, 5, directed: true, weighted: false);
        var net = GlocalTestNetworks.Build(ids, groups, links, directed: true);
        using var cts = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(cts);
        var context = new MetricContext(net, maxDegreeOfParallelism: 2, progress: progress, cancellationToken: cts.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => new BrokerageMetric().Compute(context, new BrokerageOptions { GroupAttribute = "g" }));
        Assert.True(progress.Reports >= 1);
    }

    private sealed class CancelOnFirstReport(CancellationTokenSource cts) : IProgress<MetricProgress>
    {
        public int Reports { get; private set; }

        public void Report(MetricProgress value)
        {
            Reports++;
            Assert.Equal("brokerage", value.MetricId);
            cts.Cancel();
        }
    }
}
