using System;
using System.Collections.Generic;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.StructuralHoles;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.Metrics.Community;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.StructuralHoles;

/// <summary>Hand-computed constraint and effective size, edge cases and determinism.</summary>
public sealed class StructuralHolesTests
{
    private static NodeTable Constraint(GraphSpec g, ConstraintOptions? o = null, int? threads = null) =>
        new ConstraintMetric().Compute(new MetricContext(g.ToNetwork(), maxDegreeOfParallelism: threads), o ?? new ConstraintOptions());

    private static NodeTable EffectiveSize(GraphSpec g, EffectiveSizeOptions? o = null) =>
        new EffectiveSizeMetric().Compute(new MetricContext(g.ToNetwork()), o ?? new EffectiveSizeOptions());

    [Fact]
    public void Constraint_Star_CentreOneOverKLeavesOne()
    {
        var t = Constraint(GraphSpec.Star(4));
        Assert.Equal(0.25, t["v0"], 15);
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal(1.0, t[GraphSpec.Name(i)], 15);
        }
    }

    [Fact]
    public void Constraint_Triangle_EachNodeHasBurtsValue()
    {
        // p = 1/2 to each partner; indirect 1/2 · 1/2; each term (1/2 + 1/4)² = 9/16; two terms: 9/8.
        var g = new GraphSpec(3, [(0, 1, 1), (1, 2, 1), (0, 2, 1)]);
        var t = Constraint(g);
        for (var v = 0; v < 3; v++)
        {
            Assert.Equal(1.125, t[GraphSpec.Name(v)], 15);
        }
    }

    [Fact]
    public void Constraint_WeightedPath_UsesProportionalStrength()
    {
        // Path 0 -3- 1 -1- 2: p_10 = 3/4, p_12 = 1/4, no indirect paths; c_1 = 9/16 + 1/16.
        var g = new GraphSpec(3, [(0, 1, 3), (1, 2, 1)]);
        Assert.Equal(10.0 / 16, Constraint(g, new ConstraintOptions { Weighted = true })["v1"], 15);
        Assert.Equal(0.5, Constraint(g)["v1"], 15);
    }

    [Fact]
    public void Constraint_IsolatedInnovator_IsNaN()
    {
        var g = new GraphSpec(3, [(0, 1, 1)]);
        var t = Constraint(g);
        Assert.True(double.IsNaN(t["v2"]));
        Assert.Equal("1", t.Properties["isolates"]);
        Assert.True(double.IsNaN(EffectiveSize(g)["v2"]));
    }

    [Fact]
    public void Constraint_EmptyNetwork_EmptyTable()
    {
        var net = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city").Build();
        Assert.Equal(0, new ConstraintMetric().Compute(new MetricContext(net), new ConstraintOptions()).Count);
        Assert.Equal(0, new EffectiveSizeMetric().Compute(new MetricContext(net), new EffectiveSizeOptions()).Count);
    }

    [Fact]
    public void Constraint_Directed_UsesMutualWeights()
    {
        // 0→1, 1→0, 0→2: s_01 = 2, s_02 = 1; p_01 = 2/3, p_02 = 1/3; c_0 = 4/9 + 1/9. Node 2 (in-links only) is not isolated.
        var g = new GraphSpec(3, [(0, 1, 1), (1, 0, 1), (0, 2, 1)], Directed: true);
        var t = Constraint(g);
        Assert.Equal(5.0 / 9, t["v0"], 15);
        Assert.Equal(1.0, t["v2"], 15);
        Assert.Equal("true", t.Properties["directed"]);
        var undirected = Constraint(g, new ConstraintOptions { Directed = false });
        Assert.Equal(0.5, undirected["v0"], 15);
    }

    [Fact]
    public void EffectiveSize_Star_CentreHasKLeavesOne()
    {
        var t = EffectiveSize(GraphSpec.Star(5));
        Assert.Equal(5.0, t["v0"]);
        Assert.Equal(1.0, t["v3"]);
    }

    [Fact]
    public void EffectiveSize_CliqueOfFour_IsOne()
    {
        // n - 2t/n with n = 3 neighbours and t = 3 links among them: 3 - 2.
        var g = new GraphSpec(4, [(0, 1, 1), (0, 2, 1), (0, 3, 1), (1, 2, 1), (1, 3, 1), (2, 3, 1)]);
        Assert.Equal(1.0, EffectiveSize(g)["v0"]);
        Assert.Equal(1.0, EffectiveSize(g, new EffectiveSizeOptions { Weighted = true })["v0"], 14);
    }

    [Fact]
    public void EffectiveSize_WeightedTriangle_UsesMaxNormalisedRedundancy()
    {
        // Triangle with w01 = 2, w02 = 1, w12 = 1. Node 0: p_01 = 2/3, p_02 = 1/3.
        // j = 1: m_12 = 1/2 (max of 1's weights is 2) → redundancy p_02 m_12 = 1/6; j = 2: m_21 = 1 → p_01 · 1 = 2/3.
        var g = new GraphSpec(3, [(0, 1, 2), (0, 2, 1), (1, 2, 1)]);
        Assert.Equal((1 - (1.0 / 6)) + (1 - (2.0 / 3)), EffectiveSize(g, new EffectiveSizeOptions { Weighted = true })["v0"], 14);
    }

    [Fact]
    public void Constraint_ThreadCounts_BitIdentical()
    {
        var g = GraphSpec.Gnp(400, 0.03, 11);
        var one = Constraint(g, new ConstraintOptions { Weighted = true }, threads: 1);
        var eight = Constraint(g, new ConstraintOptions { Weighted = true }, threads: 8);
        Assert.Equal(one.Column().ToArray(), eight.Column().ToArray());
        var es1 = new EffectiveSizeMetric().Compute(new MetricContext(g.ToNetwork(), maxDegreeOfParallelism: 1), new EffectiveSizeOptions { Weighted = true });
        var es8 = new EffectiveSizeMetric().Compute(new MetricContext(g.ToNetwork(), maxDegreeOfParallelism: 8), new EffectiveSizeOptions { Weighted = true });
        Assert.Equal(es1.Column().ToArray(), es8.Column().ToArray());
    }

    [Fact]
    public void Constraint_Progress_ReachesTotalAndCancellationThrows()
    {
        var reports = new System.Collections.Concurrent.ConcurrentBag<MetricProgress>();
        var net = GraphSpec.Gnp(300, 0.03, 2).ToNetwork();
        new ConstraintMetric().Compute(new MetricContext(net, progress: new SyncProgress(reports)), new ConstraintOptions());
        Assert.Contains(reports, p => p.Done == 300 && p.Total == 300 && p.MetricId == "constraint");
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new ConstraintMetric().Compute(new MetricContext(net, cancellationToken: cts.Token), new ConstraintOptions()));
    }

    [Fact]
    public void Constraint_Registry_FindsBothIds()
    {
        var ids = new List<string>();
        foreach (var m in StructuralHolesFamily.Create())
        {
            ids.Add(m.Id);
        }

        Assert.Equal(["constraint", "effective-size"], ids);
        Assert.Equal("constraint", StandardMetrics.Constraint.Id);
        Assert.Equal("effective-size", StandardMetrics.EffectiveSize.Id);
    }
}

/// <summary>An IProgress that records synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress(System.Collections.Concurrent.ConcurrentBag<MetricProgress> bag) : IProgress<MetricProgress>
{
    public void Report(MetricProgress value) => bag.Add(value);
}
