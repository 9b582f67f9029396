using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck.Xunit;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Paths;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class RegionNetworkTests
{
    [Fact]
    public void Build_StarAtProvince_TwoRegionsOneLinkWithInternalWeights()
    {
        var net = RegionFlowsTests.Star();
        var rn = net.ToRegionNetwork("province");

        Assert.Same(net.Regions, rn.Regions);
        Assert.Equal(["Bavaria", "Saxony"], rn.Innovators.Select(i => i.Id));
        var bavaria = rn.Innovators["Bavaria"];
        Assert.Equal(InnovatorKind.RegionAggregate, bavaria.Kind);
        Assert.Equal("Bavaria", bavaria.RegionId);
        Assert.Equal("Bayern", bavaria.Name);
        Assert.Equal("3", bavaria.Attributes[RegionNetwork.InternalWeightAttribute]);    // c–a1 1 + c–a2 2
        Assert.Equal("3", bavaria.Attributes[RegionNetwork.InnovatorsAttribute]);        // c, a1, a2
        Assert.Equal("0", rn.Innovators["Saxony"].Attributes[RegionNetwork.InternalWeightAttribute]);
        var link = Assert.Single(rn.Links);
        Assert.Equal(7.5, link.Weight);                                                   // 3 + 4 + 0.5
        Assert.False(link.Directed);
        Assert.Equal(Scale.National, rn.LinkScales[0]);                                   // Bavaria and Saxony meet in DE
    }

    [Fact]
    public void Build_Directed_ArcsBothWaysAndInternalArcWeight()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("m", "M", InnovatorKind.Firm, "Munich")
            .AddInnovator("m2", "M2", InnovatorKind.Firm, "Munich")
            .AddInnovator("d", "D", InnovatorKind.Firm, "Dresden")
            .AddLink("m", "d", LinkKind.Citation, 2, directed: true)
            .AddLink("d", "m", LinkKind.Citation, 5, directed: true)
            .AddLink("m", "m2", LinkKind.Citation, 1.25, directed: true)
            .Build();

        var rn = RegionNetwork.Build(net, "city");

        Assert.Equal(2, rn.Links.Count);
        Assert.True(rn.Links.AllDirected);
        var byEnds = rn.Links.ToDictionary(l => (rn.Innovators.IdOf(l.Source), rn.Innovators.IdOf(l.Target)), l => l.Weight);
        Assert.Equal(2.0, byEnds[("Munich", "Dresden")]);
        Assert.Equal(5.0, byEnds[("Dresden", "Munich")]);
        Assert.Equal("1.25", rn.Innovators["Munich"].Attributes[RegionNetwork.InternalWeightAttribute]);
    }

    [Fact]
    public void Build_Unweighted_CountsLinks()
    {
        var rn = RegionFlowsTests.Star().ToRegionNetwork("province", new RegionNetworkOptions { Weighted = false });

        Assert.Equal(3.0, Assert.Single(rn.Links).Weight);                                 // c–b1, c–b2, c–b3
        Assert.Equal("2", rn.Innovators["Bavaria"].Attributes[RegionNetwork.InternalWeightAttribute]);
    }

    [Fact]
    public void Build_InternalWeight_RoundTripsExactly()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddLink("a", "b", weight: 0.1 + 0.2)
            .Build();

        var s = net.ToRegionNetwork("city").Innovators["Munich"].Attributes[RegionNetwork.InternalWeightAttribute];

        Assert.Equal(0.1 + 0.2, double.Parse(s, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Build_UnknownLevel_Throws()
    {
        Assert.Throws<UnknownRegionLevelException>(() => RegionFlowsTests.Star().ToRegionNetwork("nuts2"));
    }

    [Theory]
    [InlineData("city")]
    [InlineData("country")]
    public void RegionNetworkMetrics_EqualMetricsOnAnExplicitlyBuiltRegionGraph(string level)
    {
        var net = RegionFlowsTests.LargeRandom(11, directed: false);
        var rn = net.ToRegionNetwork(level);
        var explicitNet = ExplicitRegionGraph(net, level);

        foreach (var (id, options) in new (string, object?)[] { ("strength", null), ("betweenness", new BetweennessOptions { Weighted = true }), ("pagerank", null) })
        {
            var metric = MetricRegistry.CreateDefault().Get(id);
            var a = (NodeTable)metric.Compute(new MetricContext(rn), options);
            var b = (NodeTable)metric.Compute(new MetricContext(explicitNet), options);
            foreach (var region in a.Ids)
            {
                Assert.Equal(b[region], a[region], 12);
            }
        }
    }

    [Fact]
    public void Induced_Bavaria_KeepsItsInnovatorsAndInternalLinks()
    {
        var net = TinyNetworks.Mixed();
        var sub = net.Region("Bavaria").Induced();

        Assert.Same(net.Regions, sub.Regions);
        Assert.Equal(["m1", "m2", "n1"], sub.Innovators.Select(i => i.Id));
        Assert.Equal(["m1-m2 3", "m1-n1 4"], Describe(sub));
        Assert.Equal(3, net.Region("Bavaria").InnovatorCount);
        Assert.Same(net.Innovators["m1"], sub.Innovators["m1"]);
    }

    [Fact]
    public void WithBoundaryLinks_Bavaria_AddsOutsideEndsMarkedAsBoundary()
    {
        var net = TinyNetworks.Mixed();
        var sub = net.Region("Bavaria").WithBoundaryLinks();

        // Inside: m1, m2, n1. Outside ends: d1 (n1–d1, m1–d1), p1 (m2–p1, m1–p1), t1 (m2–t1); d1–de and p1–t1 stay out.
        Assert.Equal(["m1", "m2", "n1", "d1", "p1", "t1"], sub.Innovators.Select(i => i.Id));
        Assert.Equal(["d1-m1 1", "d1-n1 1.5", "m1-m2 3", "m1-n1 4", "m1-p1 1", "m2-p1 2", "m2-t1 0.5"], Describe(sub));
        foreach (var id in new[] { "d1", "p1", "t1" })
        {
            Assert.Equal("true", sub.Innovators[id].Attributes[RegionNetwork.BoundaryAttribute]);
        }

        Assert.False(sub.Innovators["m1"].Attributes.ContainsKey(RegionNetwork.BoundaryAttribute));
        Assert.Equal(Scale.Supranational, sub.LinkScales[sub.Links.ToList().FindIndex(l => sub.Innovators.IdOf(l.Source) == "m2" && sub.Innovators.IdOf(l.Target) == "p1")]);
    }

    [Fact]
    public void Region_CountryIncludesInnovatorsLocatedAtTheCountry()
    {
        var sub = TinyNetworks.Mixed().Region("DE").Induced();

        // m1, m2, n1, d1 sit below DE and de at DE itself; p1 and t1 are outside.
        Assert.Equal(["m1", "m2", "n1", "d1", "de"], sub.Innovators.Select(i => i.Id));
        Assert.Equal(5, sub.Links.Count);   // m1–m2, m1–n1, n1–d1, m1–d1, d1–de
    }

    [Fact]
    public void Region_UnknownId_ThrowsWithSuggestion()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => TinyNetworks.Mixed().Region("Bavria"));
        Assert.Contains("Bavaria", ex.Message);
    }

    [Property(MaxTest = 200)]
    public bool Extraction_KeepsExactlyTheRightLinks(int seed, byte pick)
    {
        var spec = RandomNetworks.Network(seed);
        var net = RandomNetworks.Build(spec);
        var region = net.Regions[pick % net.Regions.Count];
        var within = new HashSet<string>();
        for (var i = 0; i < net.Innovators.Count; i++)
        {
            for (var v = net.Innovators.RegionIndices[i]; v >= 0; v = net.Regions.ParentIndex(v))
            {
                if (v == net.Regions.IndexOf(region.Id))
                {
                    within.Add(net.Innovators.IdOf(i));
                }
            }
        }

        var induced = new List<string>();
        var boundary = new List<string>();
        foreach (var l in net.Links)
        {
            string s = net.Innovators.IdOf(l.Source), t = net.Innovators.IdOf(l.Target);
            var key = Key(s, t, l.Weight, l.Year);
            if (within.Contains(s) && within.Contains(t))
            {
                induced.Add(key);
            }

            if (within.Contains(s) || within.Contains(t))
            {
                boundary.Add(key);
            }
        }

        var a = net.Region(region.Id).Induced();
        var b = net.Region(region.Id).WithBoundaryLinks();
        var boundaryOk = b.Innovators.All(i => within.Contains(i.Id) != i.Attributes.ContainsKey(RegionNetwork.BoundaryAttribute));
        return Sorted(induced).SequenceEqual(Sorted(Keys(a))) && Sorted(boundary).SequenceEqual(Sorted(Keys(b)))
            && a.Innovators.Count == within.Count && boundaryOk;
    }

    [Property(MaxTest = 150)]
    public bool RegionNetwork_LinksAreTheOffDiagonalFlows(int seed, bool directed)
    {
        var net = RandomNetworks.Build(RandomNetworks.Network(seed));
        var f = new RegionFlowsMetric().Compute(new MetricContext(net), new RegionFlowsOptions { Level = "country", Directed = directed });
        var rn = net.ToRegionNetwork("country", new RegionNetworkOptions { Directed = directed });
        var m = f.ToMatrix();
        var expected = 0;
        for (var i = 0; i < m.RowCount; i++)
        {
            for (var j = 0; j < m.ColumnCount; j++)
            {
                expected += m[i, j] != 0 && (directed ? i != j : i < j) ? 1 : 0;
            }
        }

        var ok = rn.Links.Count == expected && rn.Innovators.Count == f.RowIds.Count;
        foreach (var l in rn.Links)
        {
            ok &= m[l.Source, l.Target] == l.Weight;
        }

        for (var q = 0; q < rn.Innovators.Count; q++)
        {
            ok &= rn.Innovators[q].Attributes[RegionNetwork.InternalWeightAttribute] == m[q, q].ToString("R", CultureInfo.InvariantCulture);
        }

        return ok;
    }

    private static List<string> Describe(GlocalNetwork net)
    {
        var list = new List<string>();
        foreach (var l in net.Links)
        {
            string s = net.Innovators.IdOf(l.Source), t = net.Innovators.IdOf(l.Target);
            if (string.CompareOrdinal(s, t) > 0)
            {
                (s, t) = (t, s);
            }

            list.Add(string.Create(CultureInfo.InvariantCulture, $"{s}-{t} {l.Weight}"));
        }

        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private static string Key(string s, string t, double w, int? year) => string.Create(CultureInfo.InvariantCulture, $"{s}>{t}:{w}:{year}");

    private static IEnumerable<string> Keys(GlocalNetwork net) =>
        net.Links.Select(l => Key(net.Innovators.IdOf(l.Source), net.Innovators.IdOf(l.Target), l.Weight, l.Year));

    private static List<string> Sorted(IEnumerable<string> keys)
    {
        var l = keys.ToList();
        l.Sort(StringComparer.Ordinal);
        return l;
    }

    /// <summary>The region graph built by hand: region r's total link weight to every other region from the link list,
    /// added as ordinary innovators and links through the builder.</summary>
    private static GlocalNetwork ExplicitRegionGraph(GlocalNetwork net, string level)
    {
        var at = net.RegionIndicesAt(level);
        var weights = new SortedDictionary<(string, string), double>();
        var present = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < net.Innovators.Count; i++)
        {
            if (at[i] >= 0)
            {
                present.Add(net.Regions[at[i]].Id);
            }
        }

        foreach (var l in net.Links)
        {
            int a = at[l.Source], b = at[l.Target];
            if (a < 0 || b < 0 || a == b)
            {
                continue;
            }

            var key = a < b ? (net.Regions[a].Id, net.Regions[b].Id) : (net.Regions[b].Id, net.Regions[a].Id);
            weights[key] = weights.GetValueOrDefault(key) + l.Weight;
        }

        var builder = TinyNetworks.WorldBuilder();
        foreach (var r in present)
        {
            builder.AddInnovator(r, r, InnovatorKind.Other, r);
        }

        foreach (var ((s, t), w) in weights)
        {
            builder.AddLink(s, t, LinkKind.Other, w);
        }

        return builder.Build();
    }
}
