using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Clustering;
using GlocalNetworks.Tests.Metrics.Centrality;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Clustering;

/// <summary>Clustering, average clustering and transitivity against networkx 3.6.1 and python-igraph 0.10.2.</summary>
public sealed class ClusteringOracleTests
{
    public static TheoryData<string> Graphs => SpectralFixtures.All();

    public static TheoryData<string> UndirectedGraphs => SpectralFixtures.Undirected();

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Clustering_MatchesNetworkx(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var ctx = new MetricContext(fx.ToNetwork());
        var plain = new ClusteringMetric().Compute(ctx, new ClusteringOptions());
        var weighted = new ClusteringMetric().Compute(ctx, new ClusteringOptions { Weighted = true });
        OracleAssert.Nodes(fx, "clustering", plain);
        OracleAssert.Nodes(fx, "clustering:weighted", weighted);
        Assert.Equal(fx.Directed ? "true" : "false", plain.Properties["directed"]);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void AverageClustering_MatchesNetworkx(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var ctx = new MetricContext(fx.ToNetwork());
        var m = new AverageClusteringMetric();
        SpectralFixtures.NetworkValue(fx, "average-clustering", m.Compute(ctx, new AverageClusteringOptions()).Value);
        SpectralFixtures.NetworkValue(fx, "average-clustering:nonzero", m.Compute(ctx, new AverageClusteringOptions { CountZeros = false }).Value);
        SpectralFixtures.NetworkValue(fx, "average-clustering:weighted", m.Compute(ctx, new AverageClusteringOptions { Weighted = true }).Value);
    }

    [Theory]
    [MemberData(nameof(UndirectedGraphs))]
    public void Transitivity_MatchesNetworkxAndIgraph(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var ig = OracleFixture.Load("igraph", graph);
        var t = new TransitivityMetric().Compute(new MetricContext(fx.ToNetwork()), new TransitivityOptions()).Value;
        SpectralFixtures.NetworkValue(fx, "transitivity", t);
        SpectralFixtures.NetworkValue(ig, "transitivity", t);
    }

    [Theory]
    [MemberData(nameof(UndirectedGraphs))]
    public void Clustering_MatchesIgraphZeroMode(string graph)
    {
        var ig = OracleFixture.Load("igraph", graph);
        var ctx = new MetricContext(OracleFixture.Load("networkx", graph).ToNetwork());
        OracleAssert.Nodes(ig, "clustering:zero", new ClusteringMetric().Compute(ctx, new ClusteringOptions()));
        SpectralFixtures.NetworkValue(ig, "average-clustering:zero", new AverageClusteringMetric().Compute(ctx, new AverageClusteringOptions()).Value);
    }
}
