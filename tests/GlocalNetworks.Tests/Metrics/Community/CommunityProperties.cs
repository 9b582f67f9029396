using System;
using System.Collections.Generic;
using System.Globalization;
using FsCheck.Xunit;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Community;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Community;

/// <summary>Laws of modularity and of the community algorithms on random graphs built from FsCheck's integers.</summary>
public sealed class CommunityProperties
{
    private static GraphSpec Graph(int seed, bool directed = false)
    {
        var rng = new TestRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL));
        return GraphSpec.Gnp(rng.Next(2, 40), rng.Next(3, 40) / 100.0, rng.NextUInt64(), directed);
    }

    private static GlocalNetwork WithGroups(GraphSpec g, Func<int, string> group, int[]? order = null, Func<int, string>? rename = null)
    {
        rename ??= GraphSpec.Name;
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        foreach (var v in order ?? GraphSpec.Identity(g.NodeCount))
        {
            b.AddInnovator(rename(v), "x", InnovatorKind.Other, "R", attributes: new Dictionary<string, string> { ["g"] = group(v) });
        }

        foreach (var (s, t, w) in g.Edges)
        {
            b.AddLink(rename(s), rename(t), LinkKind.Other, w, directed: g.Directed);
        }

        return b.Build();
    }

    [Property(MaxTest = 100)]
    public void Modularity_AllInOne_IsZero(int seed, bool directed, bool weighted)
    {
        var g = Graph(seed, directed);
        var q = new ModularityMetric().Compute(new MetricContext(WithGroups(g, _ => "all")), new ModularityOptions { Attribute = "g", Weighted = weighted }).Value;
        if (g.Edges.Count == 0)
        {
            Assert.True(double.IsNaN(q));
            return;
        }

        Assert.Equal(0.0, q, 14);
    }

    [Property(MaxTest = 100)]
    public void Modularity_Relabelling_SameValue(int seed, int perm, bool directed)
    {
        var g = Graph(seed, directed);
        var groups = new TestRandom((ulong)perm + 17).Permutation(g.NodeCount);
        string Group(int v) => (groups[v] % 3).ToString(CultureInfo.InvariantCulture);
        var order = new TestRandom((ulong)perm).Permutation(g.NodeCount);
        var q1 = new ModularityMetric().Compute(new MetricContext(WithGroups(g, Group)), new ModularityOptions { Attribute = "g" }).Value;
        var q2 = new ModularityMetric().Compute(new MetricContext(WithGroups(g, Group, order, v => "z" + v.ToString(CultureInfo.InvariantCulture))),
            new ModularityOptions { Attribute = "g" }).Value;
        if (double.IsNaN(q1))
        {
            Assert.True(double.IsNaN(q2));
            return;
        }

        Assert.Equal(q1, q2, 12);
        Assert.InRange(q1, -1, 1);
    }

    [Property(MaxTest = 60)]
    public void Louvain_Relabelling_PartitionStillAtLeastAsGoodAsSingletonsAndConsistent(int seed, int perm)
    {
        // The partition may differ under relabelling (the seeded order follows indices), but its reported modularity must
        // equal the modularity metric's value of that partition, and beat the all-singletons partition.
        var g = Graph(seed);
        var order = new TestRandom((ulong)perm).Permutation(g.NodeCount);
        var net = g.ToNetwork(order, v => "z" + v.ToString(CultureInfo.InvariantCulture));
        var ctx = new MetricContext(net);
        foreach (var t in new[] { new LouvainMetric().Compute(ctx, new LouvainOptions()), new LeidenMetric().Compute(ctx, new LeidenOptions()) })
        {
            var q = ResultProperty.Of(t, "modularity");
            var check = new ModularityMetric().Compute(ctx, new ModularityOptions { Partition = t }).Value;
            if (g.Edges.Count == 0)
            {
                Assert.True(double.IsNaN(q));
                continue;
            }

            Assert.Equal(check, q, 12);
            var singletons = new ModularityMetric().Compute(new MetricContext(WithGroups(g, GraphSpec.Name)), new ModularityOptions { Attribute = "g" }).Value;
            Assert.True(q >= singletons - 1e-12);
        }
    }
}
