using System;
using System.Linq;
using FsCheck.Xunit;
using GlocalNetworks.Glocal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>Laws of <c>gatekeepers</c> (and <c>brokerage</c> with region groups) on random region trees and networks.</summary>
public sealed class GatekeepersProperties
{
    private static (GlocalNetwork A, GlocalNetwork B) Relabelled(int seed)
    {
        var spec = RandomNetworks.Network(seed);
        var n = spec.InnovatorIds.Count;
        var order = new TestRandom((ulong)(uint)seed + 99).Permutation(n);
        var links = Enumerable.Range(0, spec.Links.Count).Reverse().ToArray();
        return (RandomNetworks.Build(spec), RandomNetworks.Build(spec, order, links, i => "x" + spec.InnovatorIds[i], swapEnds: true));
    }

    private static bool SameRows(KeyedTable a, KeyedTable b, Func<string, string> map)
    {
        if (a.Count != b.Count || !a.Columns.SequenceEqual(b.Columns))
        {
            return false;
        }

        foreach (var c in a.Columns)
        {
            for (var i = 0; i < a.Count; i++)
            {
                if (!a[i, c].Equals(b[map(a.Ids[i]), c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 150)]
    public bool Gatekeepers_RelabellingInnovators_ChangesNothingButOrder(int seed, bool country, bool graf)
    {
        var (a, b) = Relabelled(seed);
        var o = (graf ? GatekeepersOptions.Graf2011 : new GatekeepersOptions()) with { Level = country ? "country" : "province" };
        var ra = new GatekeepersMetric().Compute(new MetricContext(a), o);
        var rb = new GatekeepersMetric().Compute(new MetricContext(b), o);
        return SameRows(ra.Innovators, rb.Innovators, id => "x" + id) && SameRows(ra.Regions, rb.Regions, id => id);
    }

    [Property(MaxTest = 150)]
    public bool Brokerage_RegionGroups_RelabellingInnovators_ChangesNothingButOrder(int seed, bool country)
    {
        var (a, b) = Relabelled(seed);
        var o = new BrokerageOptions { Level = country ? "country" : "city" };
        var ra = new BrokerageMetric().Compute(new MetricContext(a), o);
        var rb = new BrokerageMetric().Compute(new MetricContext(b), o);
        return SameRows(ra.Innovators, rb.Innovators, id => "x" + id) && ra.Network.Values.SequenceEqual(rb.Network.Values)
            && ra.Properties["ungrouped"] == rb.Properties["ungrouped"];
    }

    [Property(MaxTest = 150)]
    public bool Gatekeepers_DegreesPartitionAndClassesFollowTheThresholds(int seed, bool country)
    {
        var net = RandomNetworks.Build(RandomNetworks.Network(seed));
        var ctx = new MetricContext(net);
        var r = new GatekeepersMetric().Compute(ctx, new GatekeepersOptions { Level = country ? "country" : "province" });
        var g = ctx.Graph(GraphView.UndirectedUnweighted);
        var groups = InnovatorGroups.ByLevel(net, country ? "country" : "province");
        var t = r.Innovators;
        for (var v = 0; v < net.Innovators.Count; v++)
        {
            var gv = groups.GroupOf[v];
            if (gv < 0)
            {
                if (!double.IsNaN(t[v, "class"]))
                {
                    return false;
                }

                continue;
            }

            var region = groups.Ids[gv];
            var high = (t[v, "internal"] > r.Regions[region, "internal.threshold"] ? 2 : 0) + (t[v, "external"] > r.Regions[region, "external.threshold"] ? 1 : 0);
            var flags = t[v, "gatekeeper"] + t[v, "mutual-exchanger"] + t[v, "external-star"] + t[v, "isolated"];
            if (t[v, "internal"] + t[v, "external"] != g.Degree(v) || t[v, "class"] != high || flags != 1)
            {
                return false;
            }
        }

        for (var i = 0; i < r.Regions.Count; i++)
        {
            var sum = r.Regions[i, "gatekeeper"] + r.Regions[i, "mutual-exchanger"] + r.Regions[i, "external-star"] + r.Regions[i, "isolated"];
            if (sum != r.Regions[i, "innovators"] || sum != groups.Sizes[i])
            {
                return false;
            }
        }

        return true;
    }
}
