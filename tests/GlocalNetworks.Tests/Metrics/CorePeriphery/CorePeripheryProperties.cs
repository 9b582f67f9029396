using System;
using System.Globalization;
using FsCheck.Xunit;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.CorePeriphery;
using GlocalNetworks.Tests.Metrics.Community;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.CorePeriphery;

/// <summary>Laws of the core-periphery fit on random graphs built from FsCheck's integers.</summary>
public sealed class CorePeripheryProperties
{
    private static GraphSpec Graph(int seed)
    {
        var rng = new TestRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL));
        return GraphSpec.Gnp(rng.Next(5, 30), rng.Next(15, 50) / 100.0, rng.NextUInt64());
    }

    [Property(MaxTest = 60)]
    public void Relabelling_PermutesTheCoreness(int seed, int perm)
    {
        // Every step updates all innovators at once, so relabelling permutes the coreness, converged or not (up to the order of
        // floating-point sums).
        var g = Graph(seed);
        var order = new TestRandom((ulong)perm).Permutation(g.NodeCount);
        var names = new TestRandom((ulong)perm + 1).Permutation(g.NodeCount);
        string Rename(int v) => "n" + names[v].ToString(CultureInfo.InvariantCulture);
        var options = new CorePeripheryOptions { Tolerance = 1e-12, MaxIterations = 3000 };
        var a = new CorePeripheryMetric().Compute(new MetricContext(g.ToNetwork()), options);
        var b = new CorePeripheryMetric().Compute(new MetricContext(g.ToNetwork(order, Rename)), options);
        var max = 0.0;
        for (var v = 0; v < g.NodeCount; v++)
        {
            max = Math.Max(max, Math.Abs(a[GraphSpec.Name(v)]));
        }

        for (var v = 0; v < g.NodeCount; v++)
        {
            var x = a[GraphSpec.Name(v)];
            var y = b[Rename(v)];
            Assert.True((double.IsNaN(x) && double.IsNaN(y)) || Math.Abs(x - y) <= 1e-6 * Math.Max(1, max), $"{x} vs {y}");
        }
    }

    [Property(MaxTest = 60)]
    public void Coreness_NonNegativeAndCorrelationInRange(int seed)
    {
        var t = new CorePeripheryMetric().Compute(new MetricContext(Graph(seed).ToNetwork()), new CorePeripheryOptions());
        foreach (var c in t.Column())
        {
            Assert.True(double.IsNaN(c) || c >= 0);
        }

        var r = ResultProperty.Of(t, "correlation");
        Assert.True(double.IsNaN(r) || (r >= -1 - 1e-12 && r <= 1 + 1e-12));
    }
}
