using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Centrality;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Centrality;

public sealed class DegreeMetricTests
{
    public static TheoryData<string> Graphs() => [.. OracleAssert.AllGraphs];

    public static TheoryData<string> DirectedGraphs() => [.. OracleAssert.DirectedGraphs];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Degree_MatchesNetworkx(string graph)
    {
        var f = OracleFixture.Load("networkx", graph);
        var ctx = new MetricContext(f.ToNetwork());

        OracleAssert.Nodes(f, "degree", new DegreeMetric().Compute(ctx, new DegreeOptions()));
        OracleAssert.Nodes(f, "degree:normalized", new DegreeMetric().Compute(ctx, new DegreeOptions { Normalized = true }));
    }

    [Theory]
    [MemberData(nameof(DirectedGraphs))]
    public void Degree_Directed_InAndOut_MatchNetworkx(string graph)
    {
        var f = OracleFixture.Load("networkx", graph);
        var ctx = new MetricContext(f.ToNetwork());
        var raw = new DegreeMetric().Compute(ctx, new DegreeOptions());
        var norm = new DegreeMetric().Compute(ctx, new DegreeOptions { Normalized = true });

        OracleAssert.Nodes(f, "degree:in", raw, "in");
        OracleAssert.Nodes(f, "degree:out", raw, "out");
        OracleAssert.Nodes(f, "degree:in-normalized", norm, "in");
        OracleAssert.Nodes(f, "degree:out-normalized", norm, "out");
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Strength_MatchesNetworkx(string graph)
    {
        var f = OracleFixture.Load("networkx", graph);

        OracleAssert.Nodes(f, "strength", new StrengthMetric().Compute(new MetricContext(f.ToNetwork()), new StrengthOptions()));
    }

    [Theory]
    [MemberData(nameof(DirectedGraphs))]
    public void Strength_Directed_InAndOut_MatchNetworkx(string graph)
    {
        var f = OracleFixture.Load("networkx", graph);
        var t = new StrengthMetric().Compute(new MetricContext(f.ToNetwork()), new StrengthOptions());

        OracleAssert.Nodes(f, "strength:in", t, "in");
        OracleAssert.Nodes(f, "strength:out", t, "out");
    }
}
