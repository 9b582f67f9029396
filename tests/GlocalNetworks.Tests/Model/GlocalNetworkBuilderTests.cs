using System;
using System.Collections.Generic;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Model;

/// <summary>Tests of <see cref="GlocalNetworkBuilder"/>: building here; validation and lifecycle in partial files.</summary>
public sealed partial class GlocalNetworkBuilderTests
{
    private static GlocalNetworkBuilder ThreeFirms() => TinyNetworks.WorldBuilder()
        .AddInnovator("siemens", "Siemens AG", InnovatorKind.Firm, "Munich")
        .AddInnovator("bosch", "Robert Bosch GmbH", InnovatorKind.Firm, "Nuremberg")
        .AddInnovator("airbus", "Airbus SE", InnovatorKind.Firm, "Paris");

    [Fact]
    public void Build_Empty_HasImplicitRootAndNothingElse()
    {
        var net = GlocalNetwork.CreateBuilder().Build();

        Assert.Empty(net.Innovators);
        Assert.Empty(net.Links);
        Assert.Single(net.Regions);
        Assert.Equal(RegionTree.ImplicitRootId, net.Regions.Root.Id);
        Assert.Same(RegionLadder.Default, net.Ladder);
        Assert.Same(LcaScaleClassifier.Instance, net.Classifier);
        Assert.Equal(0, net.ResolutionLimitedCount);
    }

    [Fact]
    public void Build_Innovators_KeepFieldsAndAddOrder()
    {
        var attrs = new Dictionary<string, string> { ["industry"] = "electrical" };
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("tum", "Technische Universität München", InnovatorKind.University, "Munich", TinyNetworks.GarchingPoint)
            .AddInnovator("siemens", "Siemens AG", InnovatorKind.Firm, "Munich", attributes: attrs)
            .Build();
        attrs["industry"] = "changed after adding";

        Assert.Equal(2, net.Innovators.Count);
        Assert.Equal(0, net.Innovators.IndexOf("tum"));
        Assert.Equal(1, net.Innovators.IndexOf("siemens"));
        var tum = net.Innovators["tum"];
        Assert.Equal("Technische Universität München", tum.Name);
        Assert.Equal(InnovatorKind.University, tum.Kind);
        Assert.Equal("Munich", tum.RegionId);
        Assert.Equal(TinyNetworks.GarchingPoint, tum.Location);
        Assert.Empty(tum.Attributes);
        Assert.Equal("electrical", net.Innovators["siemens"].Attributes["industry"]);
        Assert.Equal(net.Regions.IndexOf("Munich"), net.Innovators.RegionIndices[0]);
        Assert.Equal([InnovatorKind.University, InnovatorKind.Firm], net.Innovators.Kinds.ToArray());
    }

    [Fact]
    public void Build_Link_KeepsAllFields()
    {
        var net = ThreeFirms()
            .AddLink("bosch", "siemens", LinkKind.Licence, 2.5, 2011, directed: true, endYear: 2013, date: new DateOnly(2011, 3, 4))
            .Build();

        var link = Assert.Single(net.Links);
        Assert.Equal(new KnowledgeLink(1, 0, LinkKind.Licence, 2.5, 2011, new DateOnly(2011, 3, 4), 2013, true), link);
        Assert.True(net.Links.AllDirected);
        Assert.True(net.Links.AnyDirected);
        Assert.Equal((2011, 2011), net.Links.YearRange);
    }

    [Fact]
    public void Build_WithLadderAndClassifier_UsesThem()
    {
        var classifier = new DistanceScaleClassifier();
        var net = GlocalNetwork.CreateBuilder()
            .WithLadder(RegionLadder.Us)
            .WithClassifier(classifier)
            .AddRegion("US", "United States", "country")
            .AddRegion("CA", "California", "state", "US", new GeoPoint(36.78, -119.42))
            .Build();

        Assert.Same(RegionLadder.Us, net.Ladder);
        Assert.Same(classifier, net.Classifier);
        Assert.Equal("(world)", net.Regions.Root.Id);
        Assert.Equal("state", net.Regions["CA"].Level.Name);
    }

    [Fact]
    public void AddRegion_LevelInAnyCase_StoresLadderLevel()
    {
        var net = GlocalNetwork.CreateBuilder().AddRegion("EU", "Europe", "World-Region").Build();

        Assert.Equal(new RegionLevel("world-region", 3), net.Regions["EU"].Level);
    }

    [Fact]
    public void AddOrganiser_Valid_IsKept()
    {
        var net = ThreeFirms().AddOrganiser("bayern-innovativ", "Bayern Innovativ", "Bavaria", ["siemens", "bosch"]).Build();

        var o = Assert.Single(net.Organisers);
        Assert.Equal("bayern-innovativ", o.Id);
        Assert.Equal("Bavaria", o.RegionId);
        Assert.Equal(["siemens", "bosch"], o.MemberIds);
    }

    [Fact]
    public void ToString_SummarisesCounts()
    {
        var net = TinyNetworks.Mixed();

        Assert.Equal("GlocalNetwork: 7 innovators, 9 links, 19 regions on ladder 'default'", net.ToString());
    }
}
