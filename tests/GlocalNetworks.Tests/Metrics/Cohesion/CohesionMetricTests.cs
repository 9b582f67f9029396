using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Cohesion;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Cohesion;

public sealed class CohesionMetricTests
{
    public static TheoryData<string> Graphs() => [.. OracleAssert.AllGraphs];

    public static TheoryData<string> DirectedGraphs() => [.. OracleAssert.DirectedGraphs];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Density_MatchesNetworkx(string graph)
    {
        var f = OracleFixture.Load("networkx", graph);

        var d = new DensityMetric().Compute(new MetricContext(f.ToNetwork()), new DensityOptions());

        OracleAssert.Close(f.NetworkValue("density"), d.Value, f.Tolerance("density"), $"{graph} density");
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Components_MatchNetworkx(string graph)
    {
        var f = OracleFixture.Load("networkx", graph);

        var c = new ComponentsMetric().Compute(new MetricContext(f.ToNetwork()), new ComponentsOptions());

        Assert.Equal(f.NetworkValue("components", "count"), c["count"]);
        Assert.Equal(f.NetworkValue("components", "largest_size"), c["largest"]);
    }

    [Theory]
    [MemberData(nameof(DirectedGraphs))]
    public void StrongComponents_MatchNetworkx(string graph)
    {
        var f = OracleFixture.Load("networkx", graph);

        var c = new ComponentsMetric().Compute(new MetricContext(f.ToNetwork()), new ComponentsOptions { Strong = true });

        Assert.Equal(f.NetworkValue("components:strong", "count"), c["count"]);
        Assert.Equal(f.NetworkValue("components:strong", "largest_size"), c["largest"]);
    }

    [Fact]
    public void EmptyNetwork_GivesZerosAndNaN_NeverThrows()
    {
        var empty = GlocalNetwork.CreateBuilder().Build();
        var ctx = new MetricContext(empty);

        Assert.Equal(0.0, new DensityMetric().Compute(ctx, new DensityOptions()).Value);
        var c = new ComponentsMetric().Compute(ctx, new ComponentsOptions());
        Assert.Equal(0.0, c["count"]);
        Assert.True(double.IsNaN(c["largest-share"]));
        Assert.Equal(0, new GlocalNetworks.Metrics.Centrality.DegreeMetric().Compute(ctx, new GlocalNetworks.Metrics.Centrality.DegreeOptions()).Count);
    }
}
