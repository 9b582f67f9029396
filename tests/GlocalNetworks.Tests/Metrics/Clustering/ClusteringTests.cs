using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Clustering;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.Metrics.Centrality;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Clustering;

/// <summary>The clustering family: hand values, edge cases, determinism, cancellation, the shared cache.</summary>
public sealed class ClusteringTests
{
    [Fact]
    public void TrianglePlusPendant_HandValues_NetworkxNotIgraph()
    {
        // 0-1-2 triangle, 3 hangs off 2: c = 1, 1, 1/3, 0; average 0.583 (networkx), igraph's default would be 0.778.
        var net = SpectralFixtures.Build(4, false, (0, 1), (1, 2), (0, 2), (2, 3));
        var ctx = new MetricContext(net);
        var c = new ClusteringMetric().Compute(ctx, new ClusteringOptions());
        Assert.Equal([1, 1, 1.0 / 3, 0], c.Column().ToArray());
        Assert.Equal(7.0 / 12, new AverageClusteringMetric().Compute(ctx, new AverageClusteringOptions()).Value, 15);
        Assert.Equal(7.0 / 9, new AverageClusteringMetric().Compute(ctx, new AverageClusteringOptions { CountZeros = false }).Value, 15);

        // 3 × 1 triangle / 5 connected triples (one at 0, one at 1, three at 2).
        var t = new TransitivityMetric().Compute(ctx, new TransitivityOptions());
        Assert.Equal(0.6, t.Value, 15);
        Assert.Equal("1", t.Properties["triangles"]);
    }

    [Fact]
    public void WeightedClustering_HandValue_GeometricMeanOfNormalisedWeights()
    {
        // Triangle with weights 1, 2, 4 (max 4): every node has c = (1/4 · 2/4 · 4/4)^(1/3) = 0.5.
        var net = SpectralFixtures.Build(3, false, [(0, 1), (1, 2), (0, 2)], [1, 2, 4]);
        foreach (var c in new ClusteringMetric().Compute(new MetricContext(net), new ClusteringOptions { Weighted = true }).Column())
        {
            Assert.Equal(0.5, c, 15);
        }
    }

    [Fact]
    public void DirectedClustering_CyclicTriangle_Fagiolo()
    {
        // 0→1→2→0: (S³)_ii = 2, k_tot = 2, k_↔ = 0: c = 2 / (2 · 2) = 0.5. Reciprocating every arc gives 1.
        var cycle = SpectralFixtures.Build(3, true, (0, 1), (1, 2), (2, 0));
        foreach (var c in new ClusteringMetric().Compute(new MetricContext(cycle), new ClusteringOptions()).Column())
        {
            Assert.Equal(0.5, c, 15);
        }

        var full = SpectralFixtures.Build(3, true, (0, 1), (1, 2), (2, 0), (1, 0), (2, 1), (0, 2));
        foreach (var c in new ClusteringMetric().Compute(new MetricContext(full), new ClusteringOptions()).Column())
        {
            Assert.Equal(1, c, 15);
        }

        // Read as undirected, the cycle is a triangle.
        foreach (var c in new ClusteringMetric().Compute(new MetricContext(cycle), new ClusteringOptions { Directed = false }).Column())
        {
            Assert.Equal(1, c, 15);
        }
    }

    [Fact]
    public void EmptyNetwork_EmptyTableNaNAverageZeroTransitivity()
    {
        var ctx = new MetricContext(GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city").Build());
        Assert.Equal(0, new ClusteringMetric().Compute(ctx, new ClusteringOptions()).Count);
        Assert.True(double.IsNaN(new AverageClusteringMetric().Compute(ctx, new AverageClusteringOptions()).Value));
        Assert.Equal(0, new TransitivityMetric().Compute(ctx, new TransitivityOptions()).Value);
    }

    [Fact]
    public void NoTriangles_ZeroEverywhere_AverageWithoutZerosNaN()
    {
        var ctx = new MetricContext(SpectralFixtures.Build(4, false, (0, 1), (1, 2), (2, 3)));
        Assert.All(new ClusteringMetric().Compute(ctx, new ClusteringOptions()).Column().ToArray(), c => Assert.Equal(0, c));
        Assert.True(double.IsNaN(new AverageClusteringMetric().Compute(ctx, new AverageClusteringOptions { CountZeros = false }).Value));
        Assert.Equal(0, new TransitivityMetric().Compute(ctx, new TransitivityOptions()).Value);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Clustering_OneVersusEightThreads_BitIdentical(bool directed, bool weighted)
    {
        var net = SpectralTests.Sparse(21, 20_000, 150_000, directed);
        var o = new ClusteringOptions { Weighted = weighted };
        var one = new ClusteringMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 1), o).Column().ToArray();
        var eight = new ClusteringMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 8), o).Column().ToArray();
        Assert.Equal(one.Length, eight.Length);
        var nonZero = 0;
        for (var i = 0; i < one.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(one[i]), BitConverter.DoubleToInt64Bits(eight[i]));
            nonZero += one[i] > 0 ? 1 : 0;
        }

        Assert.True(nonZero > 1000, "the test graph must have triangles");
    }

    [Fact]
    public void Clustering_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var ctx = new MetricContext(SpectralFixtures.Complete(5), cancellationToken: cts.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => new ClusteringMetric().Compute(ctx, new ClusteringOptions()));
    }

    [Fact]
    public void Family_RegisteredAndConsistentOnOneContext()
    {
        var ctx = new MetricContext(SpectralFixtures.Complete(6));
        new TransitivityMetric().Compute(ctx, new TransitivityOptions());
        var first = new ClusteringMetric().Compute(ctx, new ClusteringOptions());
        var second = new AverageClusteringMetric().Compute(ctx, new AverageClusteringOptions());
        Assert.Equal(1, second.Value);
        Assert.Equal(1, first[0]);
        var ids = new HashSet<string>();
        foreach (var m in BuiltInMetrics.Create())
        {
            ids.Add(m.Id);
        }

        Assert.Superset(new HashSet<string> { "clustering", "average-clustering", "transitivity" }, ids);
    }
}
