using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Paths;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Paths;

/// <summary>Every shortest-path metric and variant against networkx 3.6.1 on every fixture graph
/// (tests/oracles/classic_metrics.py, tests/oracles/paths_extra.py), with the fixture's tolerance.</summary>
public sealed class PathsOracleTests
{
    public static TheoryData<string> Graphs => [.. OracleAssert.AllGraphs];

    private static void AssertNodes(OracleFixture fx, string key, NodeTable actual) => OracleAssert.Nodes(fx, key, actual);

    private static void AssertValue(OracleFixture fx, string key, double actual) =>
        OracleAssert.Close(fx.NetworkValue(key), actual, fx.Tolerance(key), $"{fx.Oracle} {fx.Graph} {key} ({fx.Call(key)})");

    private static MetricContext Context(OracleFixture fx) => new(fx.ToNetwork());

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Betweenness_EveryVariant_MatchesNetworkx(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var ctx = Context(fx);
        var m = new BetweennessMetric();

        AssertNodes(fx, "betweenness", m.Compute(ctx, new BetweennessOptions()));
        AssertNodes(fx, "betweenness:raw", m.Compute(ctx, new BetweennessOptions { Normalized = false }));
        AssertNodes(fx, "betweenness:weighted", m.Compute(ctx, new BetweennessOptions { Weighted = true }));
        AssertNodes(fx, "betweenness:weighted-raw", m.Compute(ctx, new BetweennessOptions { Weighted = true, Normalized = false }));
    }

    [Theory]
    [InlineData("karate")]
    [InlineData("digraph50")]
    public void Betweenness_Endpoints_MatchesNetworkx(string graph)
    {
        var fx = OracleFixture.Load("networkx", "paths-endpoints-" + graph);
        var ctx = Context(fx);
        var m = new BetweennessMetric();

        AssertNodes(fx, "betweenness:endpoints", m.Compute(ctx, new BetweennessOptions { Endpoints = true }));
        AssertNodes(fx, "betweenness:endpoints-raw", m.Compute(ctx, new BetweennessOptions { Endpoints = true, Normalized = false }));
        AssertNodes(fx, "betweenness:weighted-endpoints", m.Compute(ctx, new BetweennessOptions { Endpoints = true, Weighted = true }));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Closeness_EveryVariant_MatchesNetworkx(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var ctx = Context(fx);
        var m = new ClosenessMetric();

        AssertNodes(fx, "closeness", m.Compute(ctx, new ClosenessOptions()));
        AssertNodes(fx, "closeness:wf", m.Compute(ctx, new ClosenessOptions { WfImproved = true }));
        AssertNodes(fx, "closeness:no-wf", m.Compute(ctx, new ClosenessOptions { WfImproved = false }));
        AssertNodes(fx, "closeness:weighted", m.Compute(ctx, new ClosenessOptions { Weighted = true }));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Harmonic_EveryVariant_MatchesNetworkx(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var ctx = Context(fx);
        var m = new HarmonicMetric();

        AssertNodes(fx, "harmonic", m.Compute(ctx, new HarmonicOptions()));
        AssertNodes(fx, "harmonic:weighted", m.Compute(ctx, new HarmonicOptions { Weighted = true }));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void DiameterAndAverage_LargestComponent_MatchNetworkx(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var ctx = Context(fx);

        var d = new DiameterMetric().Compute(ctx, new DiameterOptions { Disconnected = DisconnectedPolicy.LargestComponent });
        var dw = new DiameterMetric().Compute(ctx, new DiameterOptions { Disconnected = DisconnectedPolicy.LargestComponent, Weighted = true });
        var a = new AverageShortestPathMetric().Compute(ctx, new AverageShortestPathOptions { Disconnected = DisconnectedPolicy.LargestComponent });
        var aw = new AverageShortestPathMetric().Compute(ctx, new AverageShortestPathOptions { Disconnected = DisconnectedPolicy.LargestComponent, Weighted = true });

        AssertValue(fx, "diameter", d.Value);
        AssertValue(fx, "diameter:weighted", dw.Value);
        AssertValue(fx, "average-shortest-path", a.Value);
        AssertValue(fx, "average-shortest-path:weighted", aw.Value);
        var meta = fx.Metric("diameter");
        var size = meta.TryGetProperty("component_nodes", out var nodes) ? nodes.GetArrayLength() : fx.Nodes.Count;
        foreach (var r in new[] { d, dw, a, aw })
        {
            Assert.Equal(size, r["component-size"]);
            Assert.Equal(size == fx.Nodes.Count ? "true" : "false", r.Properties["connected"]);
            Assert.Equal(fx.Directed ? "true" : "false", r.Properties["directed"]);
        }
    }

    [Fact]
    public void Weighted_TiesOnlyInExactArithmetic_MatchNetworkxOnFractions()
    {
        // r -0.1- s -1/3- a -1/3- b -1/3- t and s -1- t: in doubles 0.1 + 1/3 + 1/3 + 1/3 = 1.0999999999999999 but
        // 0.1 + 1 = 1.1; networkx on Fraction weights (the oracle) sees the tie, networkx on floats does not.
        var fx = OracleFixture.Load("networkx", "paths-ties");
        var ctx = Context(fx);

        var raw = new BetweennessMetric().Compute(ctx, new BetweennessOptions { Weighted = true, Normalized = false });
        AssertNodes(fx, "betweenness:weighted-raw", raw);
        AssertNodes(fx, "betweenness:weighted", new BetweennessMetric().Compute(ctx, new BetweennessOptions { Weighted = true }));
        AssertNodes(fx, "closeness:weighted", new ClosenessMetric().Compute(ctx, new ClosenessOptions { Weighted = true }));
        AssertNodes(fx, "harmonic:weighted", new HarmonicMetric().Compute(ctx, new HarmonicOptions { Weighted = true }));
        AssertValue(fx, "diameter:weighted", new DiameterMetric().Compute(ctx, new DiameterOptions { Disconnected = DisconnectedPolicy.LargestComponent, Weighted = true }).Value);
        AssertValue(fx, "average-shortest-path:weighted",
            new AverageShortestPathMetric().Compute(ctx, new AverageShortestPathOptions { Disconnected = DisconnectedPolicy.LargestComponent, Weighted = true }).Value);

        // By hand: s carries r-t, r-a, r-b; a carries half of s-t and r-t, all of r-b and s-b; b half of s-t and r-t, all of a-t.
        Assert.Equal(3.0, raw["s"], 12);
        Assert.Equal(3.0, raw["a"], 12);
        Assert.Equal(2.0, raw["b"], 12);
        Assert.Equal("1E-10", raw.Properties["length-tolerance"]);
        Assert.NotEqual(fx.NodeValues("betweenness:weighted-raw:float")["a"], raw["a"]);
    }
}
