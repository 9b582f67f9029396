using System;
using FsCheck.Xunit;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.StructuralHoles;
using GlocalNetworks.Tests.Metrics.Community;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.StructuralHoles;

/// <summary>Laws of constraint and effective size on random graphs built from FsCheck's integers.</summary>
public sealed class StructuralHolesProperties
{
    private static GraphSpec Graph(int seed, bool directed)
    {
        var rng = new TestRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL));
        return GraphSpec.Gnp(rng.Next(2, 25), rng.Next(5, 40) / 100.0, rng.NextUInt64(), directed);
    }

    [Property(MaxTest = 100)]
    public void Relabelling_PermutesConstraintAndEffectiveSize(int seed, int perm, bool directed, bool weighted)
    {
        var g = Graph(seed, directed);
        var order = new TestRandom((ulong)perm).Permutation(g.NodeCount);
        var names = new TestRandom((ulong)perm + 1).Permutation(g.NodeCount);
        string Rename(int v) => "n" + names[v].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var a = new MetricContext(g.ToNetwork());
        var b = new MetricContext(g.ToNetwork(order, Rename));
        var ca = new ConstraintMetric().Compute(a, new ConstraintOptions { Weighted = weighted });
        var cb = new ConstraintMetric().Compute(b, new ConstraintOptions { Weighted = weighted });
        var ea = new EffectiveSizeMetric().Compute(a, new EffectiveSizeOptions { Weighted = weighted });
        var eb = new EffectiveSizeMetric().Compute(b, new EffectiveSizeOptions { Weighted = weighted });
        for (var v = 0; v < g.NodeCount; v++)
        {
            Close(ca[GraphSpec.Name(v)], cb[Rename(v)]);
            Close(ea[GraphSpec.Name(v)], eb[Rename(v)]);
        }
    }

    [Property(MaxTest = 100)]
    public void EffectiveSize_BetweenOneAndDegree_ConstraintAtMostOneWhenUnweightedTree(int seed)
    {
        var g = Graph(seed, directed: false);
        var net = g.ToNetwork();
        var ctx = new MetricContext(net);
        var e = new EffectiveSizeMetric().Compute(ctx, new EffectiveSizeOptions());
        var deg = new GlocalNetworks.Metrics.Centrality.DegreeMetric().Compute(ctx, new GlocalNetworks.Metrics.Centrality.DegreeOptions());
        for (var v = 0; v < g.NodeCount; v++)
        {
            var d = deg[v];
            if (d == 0)
            {
                Assert.True(double.IsNaN(e[v]));
                continue;
            }

            // n - 2t/n lies in [1, n]: t ≤ n(n-1)/2.
            Assert.InRange(e[v], 1 - 1e-12, d + 1e-12);
        }
    }

    private static void Close(double x, double y)
    {
        if (double.IsNaN(x))
        {
            Assert.True(double.IsNaN(y));
            return;
        }

        Assert.True(Math.Abs(x - y) <= 1e-12 * Math.Max(1, Math.Abs(x)), $"{x} vs {y}");
    }
}
