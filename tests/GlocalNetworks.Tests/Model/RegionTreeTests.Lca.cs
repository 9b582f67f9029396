using System.Collections.Generic;
using System.Linq;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Model;

public sealed partial class RegionTreeTests
{
    [Theory]
    [InlineData("Munich", "Nuremberg", "Bavaria")]   // two cities of one province
    [InlineData("Munich", "Dresden", "DE")]          // cities of two provinces of one country
    [InlineData("Bavaria", "Saxony", "DE")]          // two provinces
    [InlineData("DE", "FR", "Europe")]               // two countries
    [InlineData("Munich", "Paris", "Europe")]
    [InlineData("Munich", "Berlin", "DE")]           // Berlin hangs straight from DE
    [InlineData("Munich", "Tokyo", "world")]         // two world regions
    [InlineData("Europe", "Asia", "world")]
    [InlineData("Munich", "Munich", "Munich")]       // a region with itself
    [InlineData("DE", "DE", "DE")]
    [InlineData("Bavaria", "Munich", "Bavaria")]     // an ancestor of the other
    [InlineData("Nuremberg", "DE", "DE")]
    [InlineData("world", "Dresden", "world")]
    public void Lca_HandMadeTree_IsTheLowestCommonAncestor(string a, string b, string expected)
    {
        var tree = TinyNetworks.WorldTree();

        Assert.Equal(expected, tree.Lca(tree[a], tree[b]).Id);
        Assert.Equal(expected, tree.Lca(tree[b], tree[a]).Id);
        Assert.Equal(tree.IndexOf(expected), tree.LcaIndex(tree.IndexOf(a), tree.IndexOf(b)));
        Assert.Equal(tree.IndexOf(expected), tree.LcaIndex(tree.IndexOf(b), tree.IndexOf(a)));
    }

    [Fact]
    public void Ancestors_City_NearestFirstUpToRoot()
    {
        var tree = TinyNetworks.WorldTree();

        var ids = tree.Ancestors(tree["Munich"]).Select(r => r.Id).ToArray();

        Assert.Equal(["Bavaria", "DE", "Europe", "world"], ids);
    }

    [Fact]
    public void Ancestors_CityUnderCountry_SkipsProvince()
    {
        var tree = TinyNetworks.WorldTree();

        Assert.Equal(["DE", "Europe", "world"], tree.Ancestors(tree["Berlin"]).Select(r => r.Id).ToArray());
    }

    [Fact]
    public void Ancestors_Root_IsEmpty()
    {
        var tree = TinyNetworks.WorldTree();

        Assert.Empty(tree.Ancestors(tree.Root));
    }

    [Theory]
    [InlineData("city", "Munich")]
    [InlineData("province", "Bavaria")]
    [InlineData("country", "DE")]
    [InlineData("world-region", "Europe")]
    [InlineData("world", "world")]
    [InlineData("Country", "DE")]
    public void AncestorAt_EachLevelOfMunich_IsTheRegionAtThatLevel(string level, string expected)
    {
        var tree = TinyNetworks.WorldTree();

        Assert.Equal(expected, tree.AncestorAt(tree["Munich"], level)?.Id);
        Assert.Equal(expected, tree.AncestorAt(tree["Munich"], RegionLadder.Default.GetLevel(level))?.Id);
        Assert.Equal(tree.IndexOf(expected), tree.AncestorIndexAt(tree.IndexOf("Munich"), RegionLadder.Default.GetLevel(level).Rank));
    }

    [Fact]
    public void AncestorAt_LevelTheChainSkips_IsNull()
    {
        var tree = TinyNetworks.WorldTree();

        Assert.Null(tree.AncestorAt(tree["Berlin"], "province"));
        Assert.Equal(-1, tree.AncestorIndexAt(tree.IndexOf("Berlin"), 1));
        Assert.Equal("DE", tree.AncestorAt(tree["Berlin"], "country")?.Id);
    }

    [Fact]
    public void AncestorAt_LevelFinerThanTheRegion_IsNull()
    {
        var tree = TinyNetworks.WorldTree();

        Assert.Null(tree.AncestorAt(tree["DE"], "city"));
        Assert.Null(tree.AncestorAt(tree["DE"], "province"));
    }

    [Fact]
    public void AncestorAt_UnknownLevel_ThrowsListingLevels()
    {
        var tree = TinyNetworks.WorldTree();

        var ex = Assert.Throws<UnknownRegionLevelException>(() => tree.AncestorAt(tree["Munich"], "county"));

        Assert.Equal("Unknown region level 'county'. The ladder's levels are city, province, country, world-region, world (finest first).", ex.Message);
    }

    [Theory]
    [InlineData("world", 0)]
    [InlineData("Europe", 1)]
    [InlineData("Asia", 1)]
    [InlineData("DE", 2)]
    [InlineData("Bavaria", 3)]
    [InlineData("Munich", 4)]
    [InlineData("Dresden", 4)]
    [InlineData("Berlin", 3)]
    [InlineData("Paris", 3)]
    public void Depth_HandMadeTree_CountsEdgesFromRoot(string id, int depth)
    {
        var tree = TinyNetworks.WorldTree();

        Assert.Equal(depth, tree.Depth(tree.IndexOf(id)));
    }

    [Fact]
    public void LevelRank_HandMadeTree_IsTheLadderRank()
    {
        var tree = TinyNetworks.WorldTree();

        Assert.Equal(0, tree.LevelRank(tree.IndexOf("Berlin")));
        Assert.Equal(1, tree.LevelRank(tree.IndexOf("Saxony")));
        Assert.Equal(2, tree.LevelRank(tree.IndexOf("JP")));
        Assert.Equal(4, tree.LevelRank(tree.RootIndex));
    }

    [Fact]
    public void RegionsAt_Province_InIndexOrder()
    {
        var tree = TinyNetworks.WorldTree();

        Assert.Equal(["Bavaria", "Saxony"], tree.RegionsAt("province").Select(r => r.Id).ToArray());
        Assert.Equal(["DE", "FR", "IT", "JP", "US"], tree.RegionsAt("COUNTRY").Select(r => r.Id).ToArray());
    }

    [Fact]
    public void IndexOf_UnknownId_SuggestsCloseIds()
    {
        var tree = TinyNetworks.WorldTree();

        var ex = Assert.Throws<KeyNotFoundException>(() => tree.IndexOf("Munch"));

        Assert.Equal("Unknown region id 'Munch'. Did you mean 'Munich'?", ex.Message);
        Assert.False(tree.TryGetIndex("Munch", out var i));
        Assert.Equal(-1, i);
        Assert.False(tree.TryGet("munich", out _));
        Assert.True(tree.TryGet("Munich", out var munich));
        Assert.Equal("München", munich.Name);
    }
}
