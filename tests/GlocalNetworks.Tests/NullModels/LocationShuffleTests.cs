using System;
using System.Collections.Generic;
using GlocalNetworks.Model;
using GlocalNetworks.NullModels;
using GlocalNetworks.Scales;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.NullModels;

public sealed class LocationShuffleTests
{
    private static List<string> SortedHomes(GlocalNetwork net)
    {
        var l = new List<string>();
        foreach (var inn in net.Innovators)
        {
            l.Add(inn.RegionId);
        }

        l.Sort(StringComparer.Ordinal);
        return l;
    }

    private static List<string> Homes(GlocalNetwork net)
    {
        var l = new List<string>();
        for (var i = 0; i < net.Innovators.Count; i++)
        {
            l.Add(net.Regions[net.Innovators.RegionIndices[i]].Id);
        }

        return l;
    }

    [Fact]
    public void Sample_KeepsRegionSizesAndTheGraph()
    {
        var net = NullModelNetworks.Random(1, 60, 150);
        var rep = NullModel.LocationShuffle.Sample(net, 42, 0).Network;

        Assert.Equal(SortedHomes(net), SortedHomes(rep));
        Assert.Same(net.Links, rep.Links);
        Assert.Same(net.Regions, rep.Regions);
        Assert.NotEqual(Homes(net), Homes(rep));
        for (var i = 0; i < rep.Innovators.Count; i++)
        {
            // The record and the index agree; ids, kinds, attributes stay with the innovator.
            Assert.Equal(rep.Innovators[i].RegionId, rep.Regions[rep.Innovators.RegionIndices[i]].Id);
            Assert.Equal(net.Innovators.IdOf(i), rep.Innovators.IdOf(i));
            Assert.Equal(net.Innovators.Kinds[i], rep.Innovators.Kinds[i]);
            Assert.Equal(i, rep.Innovators.IndexOf(net.Innovators.IdOf(i)));
        }
    }

    [Fact]
    public void Sample_ScalesRecomputed()
    {
        var net = NullModelNetworks.Random(2, 40, 120);
        var rep = NullModel.LocationShuffle.Sample(net, 42, 1).Network;
        var l = rep.Links;
        for (var i = 0; i < l.Count; i++)
        {
            Assert.Equal(LcaScaleClassifier.Instance.Classify(rep.Regions, rep.Innovators, l.Sources[i], l.Targets[i], out var limited), rep.LinkScales[i]);
            Assert.Equal(limited, rep.LinkResolutionLimited[i]);
        }

        Assert.NotEqual(net.LinkScales.ToArray(), rep.LinkScales.ToArray());
    }

    [Fact]
    public void Sample_WithinCountry_EveryInnovatorStaysInItsCountry()
    {
        var net = NullModelNetworks.Random(3, 60, 100);
        var model = NullModel.LocationShuffleWithin("country");
        var before = net.RegionIndicesAt("country").ToArray();
        var moved = 0;
        for (var k = 0; k < 10; k++)
        {
            var rep = model.Sample(net, 7, k).Network;
            Assert.Equal(before, rep.RegionIndicesAt("country").ToArray());
            Assert.Equal(SortedHomes(net), SortedHomes(rep));
            moved += Homes(net).Count - Overlap(Homes(net), Homes(rep));
        }

        Assert.True(moved > 0, "Innovators should move between the cities of their country.");
        Assert.Equal("location-shuffle-within-country", model.Name);
    }

    [Fact]
    public void Sample_WithinKind_RegionSizesKeptPerKind()
    {
        var net = NullModelNetworks.Random(4, 60, 100);
        var rep = LocationShuffle.WithinKind().Sample(net, 7, 0).Network;

        foreach (var kind in new[] { InnovatorKind.Firm, InnovatorKind.University, InnovatorKind.ResearchInstitute })
        {
            Assert.Equal(HomesOfKind(net, kind), HomesOfKind(rep, kind));
        }
    }

    [Fact]
    public void Sample_WithinAttribute_UngroupedShuffledAmongThemselves()
    {
        // a, b carry sector=x; c, d have no sector: {a, b} swap homes only with each other, {c, d} likewise.
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich", attributes: new Dictionary<string, string> { ["sector"] = "x" })
            .AddInnovator("b", "B", InnovatorKind.Firm, "Paris", attributes: new Dictionary<string, string> { ["sector"] = "x" })
            .AddInnovator("c", "C", InnovatorKind.Firm, "Rome")
            .AddInnovator("d", "D", InnovatorKind.Firm, "Tokyo")
            .AddLink("a", "c").AddLink("b", "d")
            .Build();
        var model = LocationShuffle.WithinAttribute("sector");
        var seen = new HashSet<string>();
        for (var k = 0; k < 40; k++)
        {
            var h = Homes(model.Sample(net, 1, k).Network);
            Assert.Contains(h[0], new[] { "Munich", "Paris" });
            Assert.Contains(h[2], new[] { "Rome", "Tokyo" });
            seen.Add(string.Join(",", h));
        }

        // All 2 × 2 arrangements occur in 40 draws.
        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void Sample_LocationTravelsWithTheHome()
    {
        var net = NullModelNetworks.Random(5, 30, 60, withLocations: true);
        var pairs = new HashSet<(string, GeoPoint?)>();
        foreach (var inn in net.Innovators)
        {
            pairs.Add((inn.RegionId, inn.Location));
        }

        var rep = NullModel.LocationShuffle.Sample(net, 3, 0).Network;

        foreach (var inn in rep.Innovators)
        {
            Assert.Contains((inn.RegionId, inn.Location), pairs);
        }
    }

    [Fact]
    public void Sample_DistanceClassifier_ScalesFollowTheMovedLocations()
    {
        var spec = NullModelNetworks.Random(6, 30, 80, withLocations: true);
        var b = TinyNetworks.WorldBuilder().WithClassifier(new DistanceScaleClassifier());
        foreach (var inn in spec.Innovators)
        {
            b.AddInnovator(inn.Id, inn.Name, inn.Kind, inn.RegionId, inn.Location);
        }

        foreach (var l in spec.Links)
        {
            b.AddLink(spec.Innovators.IdOf(l.Source), spec.Innovators.IdOf(l.Target), l.Kind, l.Weight, l.Year, l.Directed);
        }

        var net = b.Build();
        var rep = NullModel.LocationShuffle.Sample(net, 3, 0).Network;
        var c = new DistanceScaleClassifier();
        for (var i = 0; i < rep.Links.Count; i++)
        {
            Assert.Equal(c.Classify(rep.Regions, rep.Innovators, rep.Links.Sources[i], rep.Links.Targets[i], out _), rep.LinkScales[i]);
        }
    }

    [Fact]
    public void Sample_SameSeedSameReplicate_Identical_OtherReplicate_Different()
    {
        var net = NullModelNetworks.Random(7, 40, 50);

        Assert.Equal(Homes(NullModel.LocationShuffle.Sample(net, 9, 4).Network), Homes(NullModel.LocationShuffle.Sample(net, 9, 4).Network));
        Assert.NotEqual(Homes(NullModel.LocationShuffle.Sample(net, 9, 4).Network), Homes(NullModel.LocationShuffle.Sample(net, 9, 5).Network));
    }

    [Fact]
    public void Sample_TimeSlice_SharesTheSlice()
    {
        var net = NullModelNetworks.Random(8, 40, 120).Between(2002, 2005);

        var rep = NullModel.LocationShuffle.Sample(net, 1, 0).Network;

        Assert.Same(net.Links, rep.Links);
        Assert.Equal(net.Links.Count, rep.LinkScales.Length);
    }

    [Fact]
    public void Sample_UnknownStratumLevel_Throws()
    {
        var net = NullModelNetworks.Random(9, 10, 10);

        Assert.Throws<UnknownRegionLevelException>(() => NullModel.LocationShuffleWithin("planet").Sample(net, 1, 0));
    }

    private static List<string> HomesOfKind(GlocalNetwork net, InnovatorKind kind)
    {
        var l = new List<string>();
        foreach (var inn in net.Innovators)
        {
            if (inn.Kind == kind)
            {
                l.Add(inn.RegionId);
            }
        }

        l.Sort(StringComparer.Ordinal);
        return l;
    }

    private static int Overlap(List<string> a, List<string> b)
    {
        var same = 0;
        for (var i = 0; i < a.Count; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        return same;
    }
}
