using System;
using FsCheck.Xunit;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Centrality;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Metrics.Centrality;

/// <summary>Laws of PageRank, eigenvector and Katz centrality on seeded random networks.</summary>
public sealed class SpectralProperties
{
    private static (GlocalNetwork Net, int[] Order) RandomCase(int seed, bool directed)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 2 + r.Next(30);
        var net = SpectralFixtures.Random((ulong)(uint)seed * 31 + 7, n, 0.05 + (0.3 * r.NextDouble()), directed);
        var order = new TestRandom((ulong)(uint)seed).Permutation(n);
        return (net, order);
    }

    /// <summary>Relabelling (and reordering) the innovators permutes the scores: compared by id.</summary>
    private static bool SameById(NodeTable a, NodeTable b, double tolerance)
    {
        for (var i = 0; i < a.Count; i++)
        {
            var x = a[i];
            var y = b["v" + a.Ids[i]];
            if (!(Math.Abs(x - y) <= tolerance))
            {
                return false;
            }
        }

        return a.Count == b.Count;
    }

    [Property(MaxTest = 100)]
    public bool PageRank_Relabelling_PermutesScores(int seed, bool directed)
    {
        var (net, order) = RandomCase(seed, directed);
        var o = new PageRankOptions { Tolerance = 1e-13, MaxIterations = 10_000 };
        var a = new PageRankMetric().Compute(new MetricContext(net), o);
        var b = new PageRankMetric().Compute(new MetricContext(SpectralFixtures.Relabel(net, order)), o);
        return SameById(a, b, 1e-10);
    }

    [Property(MaxTest = 100)]
    public bool PageRank_SumsToOne(int seed, bool directed, bool weighted)
    {
        var (net, _) = RandomCase(seed, directed);
        var r = new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions { Tolerance = 1e-12, Weighted = weighted, MaxIterations = 10_000 });
        var sum = 0.0;
        foreach (var v in r.Column())
        {
            if (!(v > 0))
            {
                return false;
            }

            sum += v;
        }

        return Math.Abs(sum - 1) < 1e-9;
    }

    [Property(MaxTest = 100)]
    public bool PersonalizedPageRank_SumsToOne_AndVanishesWhereUnreachable(int seed)
    {
        // Directed, teleporting only to innovator 0 and dangling mass back to it: innovators not reachable from 0 decay to 0
        // (by α per iteration from the uniform start), reachable ones keep a positive score.
        var (net, _) = RandomCase(seed, directed: true);
        var first = net.Innovators[0].Id;
        var r = new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions
        {
            Tolerance = 1e-13,
            MaxIterations = 10_000,
            Personalization = new System.Collections.Generic.Dictionary<string, double> { [first] = 3 },
        });
        var g = new MetricContext(net).Graph(GlocalNetworks.Kernels.GraphView.DirectedWeighted);
        var reached = new bool[g.NodeCount];
        var stack = new System.Collections.Generic.Stack<int>();
        reached[0] = true;
        stack.Push(0);
        while (stack.Count > 0)
        {
            foreach (var w in g.Neighbors(stack.Pop()))
            {
                if (!reached[w])
                {
                    reached[w] = true;
                    stack.Push(w);
                }
            }
        }

        var sum = 0.0;
        for (var v = 0; v < g.NodeCount; v++)
        {
            sum += r[v];
            if (reached[v] ? !(r[v] > 0) : !(r[v] < 1e-10))
            {
                return false;
            }
        }

        return Math.Abs(sum - 1) < 1e-9;
    }

    [Property(MaxTest = 60)]
    public bool Eigenvector_Relabelling_PermutesScores_AndHasUnitNorm(int seed, bool directed)
    {
        var (net, order) = RandomCase(seed, directed);
        var o = new EigenvectorOptions { Tolerance = 1e-13, MaxIterations = 200_000 };
        NodeTable a, b;
        try
        {
            a = new EigenvectorMetric().Compute(new MetricContext(net), o);
        }
        catch (ConvergenceException)
        {
            // Slow on some disconnected digraphs; relabelling must then fail the same way.
            return Throws(() => new EigenvectorMetric().Compute(new MetricContext(SpectralFixtures.Relabel(net, order)), o));
        }

        b = new EigenvectorMetric().Compute(new MetricContext(SpectralFixtures.Relabel(net, order)), o);
        var sq = 0.0;
        foreach (var v in a.Column())
        {
            sq += v * v;
        }

        return Math.Abs(Math.Sqrt(sq) - 1) < 1e-12 && SameById(a, b, 1e-8);
    }

    [Property(MaxTest = 100)]
    public bool Katz_Relabelling_PermutesScores(int seed, bool directed)
    {
        var (net, order) = RandomCase(seed, directed);

        // α below 1/λ_max: λ_max ≤ the largest weighted degree (≤ 5 · 31).
        var o = new KatzOptions { Alpha = 0.004, Weighted = true, Tolerance = 1e-13 };
        var a = new KatzMetric().Compute(new MetricContext(net), o);
        var b = new KatzMetric().Compute(new MetricContext(SpectralFixtures.Relabel(net, order)), o);
        return SameById(a, b, 1e-10);
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (ConvergenceException)
        {
            return true;
        }
    }
}
