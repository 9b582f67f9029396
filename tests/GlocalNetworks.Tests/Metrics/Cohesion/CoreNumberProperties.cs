using System;
using FsCheck.Xunit;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Cohesion;
using GlocalNetworks.Tests.Metrics.Centrality;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Metrics.Cohesion;

/// <summary>Laws of core numbers on seeded random networks.</summary>
public sealed class CoreNumberProperties
{
    [Property(MaxTest = 30)]
    public bool Clique_CoreNumbersAreSizeMinusOne(int size)
    {
        var k = 1 + Math.Abs(size % 15);
        foreach (var c in new CoreNumberMetric().Compute(new MetricContext(SpectralFixtures.Complete(k)), new CoreNumberOptions()).Column())
        {
            if (c != k - 1)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 150)]
    public bool Relabelling_PermutesCoreNumbers(int seed, bool directed)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 1 + r.Next(30);
        var net = SpectralFixtures.Random((ulong)(uint)seed + 99, n, 0.05 + (0.5 * r.NextDouble()), directed);
        var a = new CoreNumberMetric().Compute(new MetricContext(net), new CoreNumberOptions());
        var b = new CoreNumberMetric().Compute(new MetricContext(SpectralFixtures.Relabel(net, new TestRandom((ulong)(uint)seed).Permutation(n))),
            new CoreNumberOptions());
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b["v" + a.Ids[i]])
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 150)]
    public bool CoreNumber_IsTheLargestKWhoseKCoreHoldsTheNode(int seed)
    {
        // Definition check by peeling: repeatedly delete nodes of degree < k; survivors have core number ≥ k.
        var r = new SplitMix((ulong)(uint)seed);
        var n = 1 + r.Next(30);
        var net = SpectralFixtures.Random((ulong)(uint)seed + 5, n, 0.05 + (0.5 * r.NextDouble()), directed: false);
        var ctx = new MetricContext(net);
        var core = new CoreNumberMetric().Compute(ctx, new CoreNumberOptions()).Column().ToArray();
        var g = ctx.Graph(GlocalNetworks.Kernels.GraphView.UndirectedUnweighted);
        for (var k = 0; k <= n; k++)
        {
            var alive = new bool[n];
            Array.Fill(alive, true);
            bool changed;
            do
            {
                changed = false;
                for (var v = 0; v < n; v++)
                {
                    if (!alive[v])
                    {
                        continue;
                    }

                    var d = 0;
                    foreach (var u in g.Neighbors(v))
                    {
                        d += alive[u] ? 1 : 0;
                    }

                    if (d < k)
                    {
                        alive[v] = false;
                        changed = true;
                    }
                }
            }
            while (changed);
            for (var v = 0; v < n; v++)
            {
                if (alive[v] != (core[v] >= k))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
