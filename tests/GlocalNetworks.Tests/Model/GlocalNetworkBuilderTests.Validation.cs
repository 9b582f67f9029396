using System;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Model;

public sealed partial class GlocalNetworkBuilderTests
{
    [Fact]
    public void AddInnovator_DuplicateId_Throws()
    {
        var b = ThreeFirms();

        var ex = Assert.Throws<DuplicateIdException>(() => b.AddInnovator("bosch", "Bosch again", InnovatorKind.Firm, "Munich"));

        Assert.Equal("column 'id': value 'bosch' is a duplicate id; ids must be unique.", ex.Message);
        Assert.Null(ex.FirstLine);
        Assert.Equal("bosch", ex.Value);
    }

    [Fact]
    public void AddInnovator_EmptyId_Throws()
    {
        var ex = Assert.Throws<GlocalDataException>(() => TinyNetworks.WorldBuilder().AddInnovator("", "Nobody", InnovatorKind.Other, "Munich"));

        Assert.Equal("column 'id': value '' is empty; every innovator needs an id.", ex.Message);
    }

    [Fact]
    public void Build_UnknownHomeRegion_SuggestsClosestRegion()
    {
        var b = TinyNetworks.WorldBuilder().AddInnovator("siemens", "Siemens AG", InnovatorKind.Firm, "Munch");

        var ex = Assert.Throws<ReferentialIntegrityException>(b.Build);

        Assert.Equal("column 'region': value 'Munch' is not a known region id (home of innovator 'siemens'); did you mean 'Munich'?", ex.Message);
        Assert.Equal(["Munich"], ex.Suggestions);
    }

    [Fact]
    public void Build_UnknownHomeRegionWithNothingClose_HasNoSuggestion()
    {
        var b = TinyNetworks.WorldBuilder().AddInnovator("x", "X", InnovatorKind.Firm, "Atlantis");

        var ex = Assert.Throws<ReferentialIntegrityException>(b.Build);

        Assert.Equal("column 'region': value 'Atlantis' is not a known region id (home of innovator 'x').", ex.Message);
        Assert.Empty(ex.Suggestions);
    }

    [Fact]
    public void Build_UnknownLinkTarget_SuggestsClosestInnovator()
    {
        var b = ThreeFirms().AddLink("bosch", "simens");

        var ex = Assert.Throws<ReferentialIntegrityException>(b.Build);

        Assert.Equal("column 'target': value 'simens' is not a known innovator id; did you mean 'siemens'?", ex.Message);
        Assert.Equal(["siemens"], ex.Suggestions);
    }

    [Fact]
    public void Build_UnknownLinkSource_NamesTheSourceColumn()
    {
        var b = ThreeFirms().AddLink("airbuss", "bosch");

        var ex = Assert.Throws<ReferentialIntegrityException>(b.Build);

        Assert.Equal("column 'source': value 'airbuss' is not a known innovator id; did you mean 'airbus'?", ex.Message);
    }

    [Fact]
    public void Build_UnknownRegionParent_ThrowsRegionTreeException()
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("DE", "Germany", "country").AddRegion("Bavaria", "Bayern", "province", "DF");

        var ex = Assert.Throws<RegionTreeException>(b.Build);

        Assert.Equal("column 'parent': value 'DF' is not a known region id (parent of region 'Bavaria'). Did you mean 'DE'?", ex.Message);
    }

    [Fact]
    public void Build_UnknownOrganiserMember_Throws()
    {
        var b = ThreeFirms().AddOrganiser("club", "Club", "Bavaria", ["siemens", "boschh"]);

        var ex = Assert.Throws<ReferentialIntegrityException>(b.Build);

        Assert.Equal("column 'members': value 'boschh' is not a known innovator id (member of organiser 'club'); did you mean 'bosch'?", ex.Message);
    }

    [Fact]
    public void Build_UnknownOrganiserRegion_Throws()
    {
        var b = ThreeFirms().AddOrganiser("club", "Club", "Bavarai", ["siemens"]);

        var ex = Assert.Throws<ReferentialIntegrityException>(b.Build);

        Assert.Equal("column 'organiser region': value 'Bavarai' is not a known region id (organiser 'club'); did you mean 'Bavaria'?", ex.Message);
    }

    [Fact]
    public void AddOrganiser_DuplicateId_Throws()
    {
        var b = ThreeFirms().AddOrganiser("club", "Club", "Bavaria", ["siemens"]);

        var ex = Assert.Throws<DuplicateIdException>(() => b.AddOrganiser("club", "Club 2", "Bavaria", ["bosch"]));

        Assert.Equal("column 'organiser': value 'club' is a duplicate id; ids must be unique.", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(-3.0, "-3")]
    [InlineData(0.0, "0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void AddLink_InvalidWeight_Throws(double weight, string shown)
    {
        var b = ThreeFirms();

        var ex = Assert.Throws<InvalidWeightException>(() => b.AddLink("siemens", "bosch", weight: weight));

        Assert.Equal($"column 'weight': value '{shown}' of link 'siemens' -> 'bosch' is not allowed; weights must be finite and > 0.", ex.Message);
        Assert.Equal("weight", ex.Column);
        Assert.Equal(shown, ex.Value);
    }

    [Fact]
    public void AddLink_SelfLoop_Throws()
    {
        var ex = Assert.Throws<SelfLoopException>(() => ThreeFirms().AddLink("bosch", "bosch"));

        Assert.Equal("column 'target': value 'bosch' equals the source; self-loops are not knowledge links.", ex.Message);
    }

    [Fact]
    public void AddLink_EndYearBeforeYear_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ThreeFirms().AddLink("siemens", "bosch", year: 2010, endYear: 2009));

        Assert.Equal("The end year 2009 of link 'siemens' -> 'bosch' needs a start year at or before it. (Parameter 'endYear')", ex.Message);
        Assert.Equal("endYear", ex.ParamName);
    }

    [Fact]
    public void AddLink_EndYearWithoutYear_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ThreeFirms().AddLink("siemens", "bosch", endYear: 2009));

        Assert.Equal("The end year 2009 of link 'siemens' -> 'bosch' needs a start year at or before it. (Parameter 'endYear')", ex.Message);
    }

    [Fact]
    public void AddLink_EndYearEqualToYear_IsAccepted()
    {
        var net = ThreeFirms().AddLink("siemens", "bosch", year: 2010, endYear: 2010).Build();

        Assert.Equal(2010, net.Links[0].EndYear);
    }

    [Fact]
    public void AddRegion_DuplicateId_Throws()
    {
        var ex = Assert.Throws<RegionTreeException>(() => TinyNetworks.WorldBuilder().AddRegion("DE", "Deutschland", "country", "Europe"));

        Assert.Equal("column 'id': value 'DE' is a duplicate region id.", ex.Message);
    }

    [Fact]
    public void AddRegion_UnknownLevel_ThrowsListingLevels()
    {
        var ex = Assert.Throws<UnknownRegionLevelException>(() => GlocalNetwork.CreateBuilder().AddRegion("DE11", "Stuttgart", "nuts2"));

        Assert.Equal("Unknown region level 'nuts2'. The ladder's levels are city, province, country, world-region, world (finest first).", ex.Message);
    }

    [Fact]
    public void AfterBuild_EveryChange_IsRefused()
    {
        var b = ThreeFirms();
        _ = b.Build();
        const string expected = "This builder has already built its network; start a new one with GlocalNetwork.CreateBuilder().";

        Action[] changes =
        [
            () => b.AddRegion("x", "X", "city", "DE"),
            () => b.AddInnovator("x", "X", InnovatorKind.Firm, "Munich"),
            () => b.AddLink("siemens", "bosch"),
            () => b.AddOrganiser("o", "O", "DE", []),
            () => b.WithLadder(RegionLadder.Eu),
            () => b.WithClassifier(new GlocalNetworks.Scales.DistanceScaleClassifier()),
            () => b.Build(),
        ];

        foreach (var change in changes)
        {
            var ex = Assert.Throws<InvalidOperationException>(change);
            Assert.Equal(expected, ex.Message);
        }
    }

    [Fact]
    public void WithLadder_AfterAddRegion_IsRefused()
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("DE", "Germany", "country");

        var ex = Assert.Throws<InvalidOperationException>(() => b.WithLadder(RegionLadder.Eu));

        Assert.Equal("Set the ladder before adding regions: the regions' levels are read from it.", ex.Message);
    }

    [Fact]
    public void WithLadder_BeforeAddRegion_ReadsLevelsFromIt()
    {
        var b = GlocalNetwork.CreateBuilder().WithLadder(RegionLadder.Eu);

        var net = b.AddRegion("DE11", "Stuttgart", "nuts2").Build();

        Assert.Equal(1, net.Regions["DE11"].Level.Rank);
    }
}
