using System;
using System.Collections.Generic;
using System.Globalization;
using FsCheck.Xunit;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Assortativity;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.Metrics.Centrality;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Metrics.Assortativity;

/// <summary>Laws of assortativity on seeded random networks.</summary>
public sealed class AssortativityProperties
{
    /// <summary>A random network whose innovators carry a "group" attribute in 0..2 (some without it).</summary>
    private static (GlocalNetwork Net, int[] Order) RandomCase(int seed, bool directed)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 2 + r.Next(25);
        var plain = SpectralFixtures.Random((ulong)(uint)seed + 1234, n, 0.05 + (0.5 * r.NextDouble()), directed);
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        for (var i = 0; i < n; i++)
        {
            var g = r.Next(4);
            b.AddInnovator(plain.Innovators[i].Id, "x", InnovatorKind.Firm, "R",
                attributes: g == 3 ? null : new Dictionary<string, string> { ["group"] = g.ToString(CultureInfo.InvariantCulture) });
        }

        var links = plain.Links;
        for (var k = 0; k < links.Count; k++)
        {
            b.AddLink(plain.Innovators[links.Sources[k]].Id, plain.Innovators[links.Targets[k]].Id, LinkKind.Other, links[k].Weight, directed: directed);
        }

        return (b.Build(), new TestRandom((ulong)(uint)seed).Permutation(n));
    }

    private static bool Same(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= 1e-12;

    [Property(MaxTest = 150)]
    public bool Relabelling_LeavesBothCoefficientsUnchanged(int seed, bool directed)
    {
        var (net, order) = RandomCase(seed, directed);
        var relabelled = SpectralFixtures.Relabel(net, order);
        var m = new AssortativityMetric();
        foreach (var o in new[] { new AssortativityOptions(), new AssortativityOptions { Weighted = true }, new AssortativityOptions { Attribute = "group" } })
        {
            if (!Same(m.Compute(new MetricContext(net), o).Value, m.Compute(new MetricContext(relabelled), o).Value))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 150)]
    public bool Coefficients_AreAtMostOneInAbsoluteValue(int seed, bool directed)
    {
        var (net, _) = RandomCase(seed, directed);
        var m = new AssortativityMetric();
        var d = m.Compute(new MetricContext(net), new AssortativityOptions()).Value;
        var a = m.Compute(new MetricContext(net), new AssortativityOptions { Attribute = "group" }).Value;
        return (double.IsNaN(d) || Math.Abs(d) <= 1 + 1e-12) && (double.IsNaN(a) || (a >= -1 - 1e-12 && a <= 1 + 1e-12));
    }

    [Property(MaxTest = 50)]
    public bool Attribute_OneCategoryEverywhere_IsNaN(int seed)
    {
        var (net, _) = RandomCase(seed, false);
        var r = new AssortativityMetric().Compute(new MetricContext(net), new AssortativityOptions { Attribute = "no-such-attribute" });
        return double.IsNaN(r.Value) && r.Properties["categories"] == "1";
    }
}
