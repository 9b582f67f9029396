using System;
using GlocalNetworks.Kernels;
using Xunit;

namespace GlocalNetworks.Tests.Kernels;

public sealed class CsrGraphTests
{
    [Fact]
    public void Build_Undirected_StoresBothHalfEdgesSortedByTarget()
    {
        int[] s = [2, 0, 1, 0];
        int[] t = [0, 1, 3, 3];
        double[] w = [5, 1, 2, 4];

        var g = CsrGraph.Build(s, t, w, 4, directed: false);

        Assert.Equal(4, g.EdgeCount);
        Assert.Equal(8, g.EntryCount);
        Assert.Equal(new[] { 1, 2, 3 }, g.Neighbors(0).ToArray());
        Assert.Equal(new[] { 1.0, 5.0, 4.0 }, g.Weights(0).ToArray());
        Assert.Equal(new[] { 0, 3 }, g.Neighbors(1).ToArray());
        Assert.Equal(new[] { 0 }, g.Neighbors(2).ToArray());
        Assert.Equal(new[] { 0, 1 }, g.Neighbors(3).ToArray());
        Assert.Equal(new[] { 0, 3, 5, 6, 8 }, g.Offsets.ToArray());
        Assert.Equal(10.0, g.Strength(0));
        Assert.Equal(4.0, g.WeightOf(3, 0));
        Assert.Equal(0.0, g.WeightOf(2, 3));
    }

    [Theory]
    [InlineData(ParallelLinkPolicy.Sum, 6.0)]
    [InlineData(ParallelLinkPolicy.Max, 3.0)]
    [InlineData(ParallelLinkPolicy.Count, 3.0)]
    [InlineData(ParallelLinkPolicy.First, 2.0)]
    public void Build_ParallelLinks_MergedByPolicy(ParallelLinkPolicy policy, double expected)
    {
        int[] s = [0, 1, 0];
        int[] t = [1, 0, 1];
        double[] w = [2, 1, 3];

        var g = CsrGraph.Build(s, t, w, 2, directed: false, policy);

        Assert.Equal(1, g.EdgeCount);
        Assert.Equal(expected, g.WeightOf(0, 1));
        Assert.Equal(expected, g.WeightOf(1, 0));
    }

    [Fact]
    public void Build_UnweightedCount_StoresMultiplicities()
    {
        var g = CsrGraph.Build([0, 0, 1], [1, 1, 2], [], 3, directed: false, ParallelLinkPolicy.Count);

        Assert.True(g.IsWeighted);
        Assert.Equal(2.0, g.WeightOf(0, 1));
        Assert.Equal(1.0, g.WeightOf(2, 1));
    }

    [Fact]
    public void Build_UnweightedSum_CollapsesToSimpleGraph()
    {
        var g = CsrGraph.Build([0, 0, 1], [1, 1, 2], [], 3, directed: false);

        Assert.False(g.IsWeighted);
        Assert.Equal(2, g.EdgeCount);
        Assert.True(g.Weights(0).IsEmpty);
        Assert.Equal(1.0, g.WeightOf(0, 1));
        Assert.Equal(2.0, g.Strength(1));
    }

    [Fact]
    public void Build_Directed_OutAndInRows()
    {
        var g = CsrGraph.Build([0, 0, 2, 1], [1, 2, 1, 2], [1, 2, 3, 4], 3, directed: true);

        Assert.Equal(4, g.EdgeCount);
        Assert.Equal(new[] { 1, 2 }, g.Neighbors(0).ToArray());
        Assert.Equal(new[] { 0, 2 }, g.InNeighbors(1).ToArray());
        Assert.Equal(new[] { 1.0, 3.0 }, g.InWeights(1).ToArray());
        Assert.Equal(new[] { 0, 1 }, g.InNeighbors(2).ToArray());
        Assert.Empty(g.InNeighbors(0).ToArray());
        Assert.Same(g.Transpose(), g.Transpose());
    }

    [Fact]
    public void Build_SelfLoops_RejectIgnoreKeep()
    {
        var e = Assert.Throws<ArgumentException>(() => CsrGraph.Build([0, 1], [0, 2], [], 3, directed: false));
        var ignored = CsrGraph.Build([0, 1], [0, 2], [], 3, directed: false, loops: SelfLoopPolicy.Ignore);
        var kept = CsrGraph.Build([0, 1], [0, 2], [1.5, 1], 3, directed: false, loops: SelfLoopPolicy.Keep);

        Assert.Equal("Link 0 is a self-loop on node 0; the policy is Reject. Use SelfLoopPolicy.Ignore or Keep.", e.Message);
        Assert.Equal(1, ignored.EdgeCount);
        Assert.Equal(0, ignored.Degree(0));
        Assert.Equal(2, kept.EdgeCount);
        Assert.Equal(1, kept.SelfLoopCount);
        Assert.Equal(new[] { 0 }, kept.Neighbors(0).ToArray());
        Assert.Equal(1.5, kept.WeightOf(0, 0));
    }

    [Fact]
    public void Build_BadInput_ThrowsClearly()
    {
        var range = Assert.Throws<ArgumentException>(() => CsrGraph.Build([0], [5], [], 3, directed: false));
        var weight = Assert.Throws<ArgumentException>(() => CsrGraph.Build([0], [1], [double.NaN], 3, directed: false));
        var length = Assert.Throws<ArgumentException>(() => CsrGraph.Build([0, 1], [1], [], 3, directed: false));

        Assert.Equal("Link 0 joins nodes 0 and 5; node ids must be in [0, 3).", range.Message);
        Assert.Equal("Link 0 has weight NaN; weights must be finite and > 0.", weight.Message);
        Assert.StartsWith("sources (2), targets (1) and weights (0) must have the same length", length.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Empty_HasNoEntries()
    {
        var g = CsrGraph.Build([], [], [], 0, directed: false);
        var isolated = CsrGraph.Build([], [], [], 5, directed: true);

        Assert.Equal(0, g.NodeCount);
        Assert.Equal(0, g.EntryCount);
        Assert.Equal(5, isolated.NodeCount);
        Assert.Equal(0, isolated.Degree(4));
        Assert.Empty(isolated.InNeighbors(4).ToArray());
    }

    [Fact]
    public void MemoryBudget_UndirectedWeighted_Is24BytesPerLinkPlus4PerNode()
    {
        const int n = 1000;
        var rnd = new GlocalNetworks.Tests.TestUtils.SplitMix(7);
        var s = new int[5000];
        var t = new int[5000];
        var w = new double[5000];
        var m = 0;
        var seen = new System.Collections.Generic.HashSet<(int, int)>();
        while (m < s.Length)
        {
            int a = rnd.Next(n), b = rnd.Next(n);
            if (a == b || !seen.Add((Math.Min(a, b), Math.Max(a, b))))
            {
                continue;
            }

            s[m] = a;
            t[m] = b;
            w[m] = 1;
            m++;
        }

        var g = CsrGraph.Build(s, t, w, n, directed: false);
        var bytes = (g.Offsets.Length * 4L) + (g.Targets.Length * 4L) + (g.AllWeights.Length * 8L);

        Assert.Equal((24L * m) + (4L * (n + 1)), bytes);
    }
}
