using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Kernels;
using Xunit;

namespace GlocalNetworks.Tests.Kernels;

/// <summary>The PageRank kernel's undirected unweighted fast path against its general path.</summary>
public sealed class PageRankKernelTests
{
    /// <summary>An undirected graph with a hub of degree 1500 (above the 1/k table), a chain, random links and isolated nodes.</summary>
    private static CsrGraph Graph()
    {
        const int n = 3000;
        var s = new List<int>();
        var t = new List<int>();
        for (var v = 1; v <= 1500; v++)
        {
            s.Add(0);
            t.Add(v);
        }

        var rng = new DeterministicRandom(7, 0);
        for (var k = 0; k < 6000; k++)
        {
            var a = 1 + rng.NextInt(2900);
            var b = 1 + rng.NextInt(2900);
            if (a != b)
            {
                s.Add(a);
                t.Add(b);
            }
        }

        return CsrGraph.Build(s.ToArray(), t.ToArray(), ReadOnlySpan<double>.Empty, n, directed: false);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void Iterate_SymmetricUnweightedPath_BitIdenticalToGeneralPath(int threads)
    {
        var g = Graph();
        var copy = Graph(); // the same rows in another object: the state then takes the general path (1/s from the array)
        var fast = new PageRankKernel.State(g, g, 0.85, null, null, weighted: false);
        var general = new PageRankKernel.State(g, copy, 0.85, null, null, weighted: false);
        try
        {
            for (var it = 0; it < 30; it++)
            {
                var r1 = fast.Iterate(threads, CancellationToken.None);
                var r2 = general.Iterate(threads, CancellationToken.None);
                Assert.Equal(BitConverter.DoubleToInt64Bits(r2), BitConverter.DoubleToInt64Bits(r1));
            }

            Assert.Equal(g.NodeCount, fast.X.Length);
            for (var v = 0; v < g.NodeCount; v++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(general.X[v]), BitConverter.DoubleToInt64Bits(fast.X[v]));
            }

            Assert.True(fast.X[0] > fast.X[1], "the hub ranks above a leaf");
            Assert.True(fast.X[2999] > 0, "an isolated node keeps its teleport and dangling share");
        }
        finally
        {
            fast.Release();
            general.Release();
        }
    }
}
