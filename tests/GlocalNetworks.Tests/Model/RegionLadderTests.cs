using System.Linq;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.Model;

/// <summary>Tests of <see cref="RegionLadder"/>: the ready ladders here; Create and WithScaleMap in partial files.</summary>
public sealed partial class RegionLadderTests
{
    [Fact]
    public void Default_LevelsAndScaleMap_AsInDesign()
    {
        var l = RegionLadder.Default;

        Assert.Equal("default", l.Name);
        Assert.Equal(["city", "province", "country", "world-region", "world"], l.LevelNames());
        Assert.Equal(
            [Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global],
            l.Levels.Select(l.ScaleOf).ToArray());
    }

    [Fact]
    public void Eu_LevelsAndScaleMap_AsInDesign()
    {
        var l = RegionLadder.Eu;

        Assert.Equal("eu", l.Name);
        Assert.Equal(["nuts3", "nuts2", "nuts1", "country", "world-region", "world"], l.LevelNames());
        Assert.Equal(
            [Scale.Local, Scale.Regional, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global],
            l.Levels.Select(l.ScaleOf).ToArray());
    }

    [Fact]
    public void China_LevelsAndScaleMap_AsInDesign()
    {
        var l = RegionLadder.China;

        Assert.Equal("china", l.Name);
        Assert.Equal(["county", "prefecture", "province", "country", "world-region", "world"], l.LevelNames());
        Assert.Equal(
            [Scale.Local, Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global],
            l.Levels.Select(l.ScaleOf).ToArray());
    }

    [Fact]
    public void Us_LevelsAndScaleMap_AsInDesign()
    {
        var l = RegionLadder.Us;

        Assert.Equal("us", l.Name);
        Assert.Equal(["county", "state", "country", "world-region", "world"], l.LevelNames());
        Assert.Equal(
            [Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global],
            l.Levels.Select(l.ScaleOf).ToArray());
    }

    [Fact]
    public void ReadyLadders_RanksAreIndicesAndEndsAreFinestAndCoarsest()
    {
        foreach (var l in new[] { RegionLadder.Default, RegionLadder.Eu, RegionLadder.China, RegionLadder.Us })
        {
            for (var i = 0; i < l.Levels.Count; i++)
            {
                Assert.Equal(i, l.Levels[i].Rank);
            }

            Assert.Equal(0, l.Finest.Rank);
            Assert.Equal("world", l.Coarsest.Name);
            Assert.Equal(l.Levels.Count - 1, l.Coarsest.Rank);
            Assert.Equal([Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global], l.Scales);
        }
    }

    [Theory]
    [InlineData("World-Region", "world-region", 3)]
    [InlineData("WORLD-REGION", "world-region", 3)]
    [InlineData("City", "city", 0)]
    [InlineData("country", "country", 2)]
    public void GetLevel_AnyCase_FindsTheLevel(string name, string expectedName, int expectedRank)
    {
        var level = RegionLadder.Default.GetLevel(name);

        Assert.Equal(new RegionLevel(expectedName, expectedRank), level);
        Assert.True(RegionLadder.Default.TryGetLevel(name, out var same));
        Assert.Equal(level, same);
    }

    [Fact]
    public void GetLevel_UnknownLevel_MessageListsLevels()
    {
        var ex = Assert.Throws<UnknownRegionLevelException>(() => RegionLadder.Eu.GetLevel("nuts4"));

        Assert.Equal("Unknown region level 'nuts4'. The ladder's levels are nuts3, nuts2, nuts1, country, world-region, world (finest first).", ex.Message);
        Assert.Equal("nuts4", ex.Level);
        Assert.Equal(["nuts3", "nuts2", "nuts1", "country", "world-region", "world"], ex.KnownLevels);
        Assert.False(RegionLadder.Eu.TryGetLevel("nuts4", out _));
    }

    [Fact]
    public void ScaleOf_LevelOfAnotherLadder_Throws()
    {
        var ex = Assert.Throws<UnknownRegionLevelException>(() => RegionLadder.Default.ScaleOf(RegionLadder.China.GetLevel("prefecture")));

        Assert.Equal("prefecture", ex.Level);
    }

    [Fact]
    public void ToString_ShowsNameAndLevels()
    {
        Assert.Equal("us: county < state < country < world-region < world", RegionLadder.Us.ToString());
    }

    [Fact]
    public void RegionLevel_ComparesByRank()
    {
        var city = RegionLadder.Default.GetLevel("city");
        var country = RegionLadder.Default.GetLevel("country");

        Assert.True(city < country);
        Assert.True(country > city);
        Assert.True(city <= RegionLadder.Default.GetLevel("CITY"));
        Assert.True(country >= city);
        Assert.True(city.CompareTo(country) < 0);
        Assert.Equal("country", country.ToString());
    }
}
