using System.Globalization;
using FsCheck.Xunit;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.SmallWorld;
using GlocalNetworks.Tests.Metrics.Community;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.SmallWorld;

/// <summary>Laws of the small-world statistics on random graphs built from FsCheck's integers.</summary>
public sealed class SmallWorldProperties
{
    private static readonly SmallWorldOptions Quick = new() { SigmaIterations = 2, OmegaIterations = 2, References = 2 };

    [Property(MaxTest = 40)]
    public void Relabelling_KeepsTheNetworksOwnStatistics(int seed, int perm)
    {
        var rng = new TestRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL));
        var g = GraphSpec.Gnp(rng.Next(4, 30), rng.Next(10, 60) / 100.0, rng.NextUInt64());
        var order = new TestRandom((ulong)perm).Permutation(g.NodeCount);
        var a = new SmallWorldMetric().Compute(new MetricContext(g.ToNetwork()), Quick);
        var b = new SmallWorldMetric().Compute(new MetricContext(g.ToNetwork(order, v => "z" + v.ToString(CultureInfo.InvariantCulture))), Quick);
        Assert.Equal(a.Properties["connected"], b.Properties["connected"]);
        foreach (var name in new[] { "transitivity", "average-clustering", "average-path-length" })
        {
            if (double.IsNaN(a[name]))
            {
                Assert.True(double.IsNaN(b[name]));
                continue;
            }

            Assert.Equal(a[name], b[name], 12);
        }

        if (a.Properties["connected"] == "true" && !double.IsNaN(a["omega"]))
        {
            // C/C_l ≤ 1 by construction: C_l includes the network's own average clustering.
            Assert.True(a["lattice-clustering"] >= a["average-clustering"]);
        }
    }
}
