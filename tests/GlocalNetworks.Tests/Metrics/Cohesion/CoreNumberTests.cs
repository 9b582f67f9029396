using System;
using System.Threading;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Cohesion;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.Metrics.Centrality;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Cohesion;

/// <summary>Core numbers against networkx 3.6.1 and python-igraph 0.10.2, hand values and edge cases.</summary>
public sealed class CoreNumberTests
{
    public static TheoryData<string> Graphs => SpectralFixtures.All();

    [Theory]
    [MemberData(nameof(Graphs))]
    public void CoreNumber_MatchesNetworkxAndIgraph(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var r = new CoreNumberMetric().Compute(new MetricContext(fx.ToNetwork()), new CoreNumberOptions());
        OracleAssert.Nodes(fx, "core-number", r);
        OracleAssert.Nodes(OracleFixture.Load("igraph", graph), "core-number", r);
        Assert.Equal(fx.Directed ? "true" : "false", r.Properties["directed"]);
    }

    [Fact]
    public void CoreNumber_HandGraph()
    {
        // K4 on 0..3, a path 3-4-5-6 into the triangle 6-7-8 (every node of degree ≥ 2: the 2-core), the pendant 10 on 8,
        // and the isolated 9.
        var net = SpectralFixtures.Build(11, false, (0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (6, 8), (8, 10));
        var r = new CoreNumberMetric().Compute(new MetricContext(net), new CoreNumberOptions());
        Assert.Equal([3, 3, 3, 3, 2, 2, 2, 2, 2, 0, 1], r.Column().ToArray());
        Assert.Equal("3", r.Properties["max-core"]);
    }

    [Fact]
    public void CoreNumber_Directed_ReciprocatedPairsCountTwice()
    {
        // 0⇄1 and 1→2: in+out degrees 2, 3, 1; networkx gives cores 2, 2, 1. Undirected it is a path: 1, 1, 1.
        var net = SpectralFixtures.Build(3, true, (0, 1), (1, 0), (1, 2));
        Assert.Equal([2, 2, 1], new CoreNumberMetric().Compute(new MetricContext(net), new CoreNumberOptions()).Column().ToArray());
        Assert.Equal([1, 1, 1], new CoreNumberMetric().Compute(new MetricContext(net), new CoreNumberOptions { Directed = false }).Column().ToArray());
    }

    [Fact]
    public void CoreNumber_ParallelLinksCountOnce()
    {
        var net = SpectralFixtures.Build(2, false, (0, 1), (0, 1), (1, 0));
        Assert.Equal([1, 1], new CoreNumberMetric().Compute(new MetricContext(net), new CoreNumberOptions()).Column().ToArray());
    }

    [Fact]
    public void CoreNumber_EmptyNetwork_EmptyTable()
    {
        var ctx = new MetricContext(GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city").Build());
        var r = new CoreNumberMetric().Compute(ctx, new CoreNumberOptions());
        Assert.Equal(0, r.Count);
        Assert.Equal("0", r.Properties["max-core"]);
    }

    [Fact]
    public void CoreNumber_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var ctx = new MetricContext(SpectralTests.Sparse(3, 5000, 20_000, false), cancellationToken: cts.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => new CoreNumberMetric().Compute(ctx, new CoreNumberOptions()));
    }

    [Fact]
    public void CoreNumber_IsRegistered()
    {
        Assert.Equal("core-number", StandardMetrics.CoreNumber.Id);
        Assert.Contains(BuiltInMetrics.Create(), m => m.Id == "core-number");
    }
}
