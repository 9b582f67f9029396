using System;
using System.Linq;
using GlocalNetworks.Kernels;
using Xunit;
using static GlocalNetworks.Tests.Metrics.Paths.PathsTestGraphs;

namespace GlocalNetworks.Tests.Metrics.Paths;

/// <summary>The shortest-path kernels on CSR graphs directly: the direction-optimising BFS against a top-down one,
/// component restriction, and the per-source summaries against a plain BFS.</summary>
public sealed class ShortestPathsKernelTests
{
    private static CsrGraph Csr(int n, System.Collections.Generic.List<(int S, int T, double W)> edges, bool directed) =>
        CsrGraph.Build(edges.Select(e => e.S).ToArray(), edges.Select(e => e.T).ToArray(), ReadOnlySpan<double>.Empty, n, directed);

    [Theory]
    [InlineData(false, 1UL)]
    [InlineData(true, 2UL)]
    [InlineData(false, 3UL)]
    public void Summarise_BottomUpLevels_SameAsTopDownAndPlainBfs(bool directed, ulong seed)
    {
        // A BA-like core (hubs make the bottom-up switch fire) plus a few isolated nodes.
        var (src, dst) = BarabasiAlbert(500, 3, seed);
        var edges = src.Select((s, i) => (s, dst[i], 1.0)).ToList();
        var g = Csr(510, edges, directed);

        var optimised = ShortestPaths.Summarise(g, g.Transpose(), null, false, null, 0, 2);
        var topDown = ShortestPaths.Summarise(g, null, null, false, null, 0, 1);

        Assert.Equal(topDown.Reached, optimised.Reached);
        Assert.Equal(topDown.DistanceSum, optimised.DistanceSum);
        Assert.Equal(topDown.Eccentricity, optimised.Eccentricity);
        Assert.Equal(topDown.InverseSum.Select(BitConverter.DoubleToInt64Bits), optimised.InverseSum.Select(BitConverter.DoubleToInt64Bits));
        for (var s = 0; s < 510; s += 37)
        {
            var d = PlainBfs(g, s);
            var reached = d.Where(x => x >= 0).ToArray();
            Assert.Equal(reached.Length, optimised.Reached[s]);
            Assert.Equal(reached.Sum(), optimised.DistanceSum[s]);
            Assert.Equal(reached.Max(), optimised.Eccentricity[s]);
            Assert.Equal(reached.Where(x => x > 0).Sum(x => 1.0 / x), optimised.InverseSum[s], 1e-9);
        }
    }

    [Fact]
    public void Summarise_Labels_RestrictToComponent()
    {
        // Two triangles joined by the arc 2→3: restricted to {0,1,2}, node 0 reaches only 1 and 2.
        var g = Csr(6, [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 1.0), (3, 4, 1.0), (4, 5, 1.0), (5, 3, 1.0)], directed: true);
        int[] labels = [0, 0, 0, 1, 1, 1];

        var r = ShortestPaths.Summarise(g, g.Transpose(), [0, 1, 4], false, labels, 0, 1);

        Assert.Equal(new[] { 3, 3, 0 }, r.Reached);
        Assert.Equal(3, r.DistanceSum[0]); // 0→1: 1, 0→2: 2
        Assert.Equal(2, r.Eccentricity[0]);
    }

    private static int[] PlainBfs(CsrGraph g, int s)
    {
        var d = Enumerable.Repeat(-1, g.NodeCount).ToArray();
        var q = new System.Collections.Generic.Queue<int>();
        d[s] = 0;
        q.Enqueue(s);
        while (q.Count > 0)
        {
            var v = q.Dequeue();
            foreach (var w in g.Neighbors(v))
            {
                if (d[w] < 0)
                {
                    d[w] = d[v] + 1;
                    q.Enqueue(w);
                }
            }
        }

        return d;
    }
}
