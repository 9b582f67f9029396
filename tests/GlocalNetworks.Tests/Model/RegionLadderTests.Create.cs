using System;
using System.Collections.Generic;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.Model;

public sealed partial class RegionLadderTests
{
    [Fact]
    public void Create_ValidLadder_HasLevelsAndOnlyTheScalesItsMapEmits()
    {
        var l = RegionLadder.Create("metro", ["district", "metro-area", "planet"], [Scale.Local, Scale.Local, Scale.Global]);

        Assert.Equal("metro", l.Name);
        Assert.Equal(["district", "metro-area", "planet"], l.LevelNames());
        Assert.Equal([Scale.Local, Scale.Global], l.Scales);
        Assert.Equal(Scale.Local, l.ScaleOf(l.GetLevel("metro-area")));
        Assert.Equal(Scale.Global, l.ScaleOf(l.Coarsest));
    }

    [Theory]
    [InlineData("my_level")]
    [InlineData("-lead")]
    [InlineData("trail-")]
    [InlineData("double--hyphen")]
    [InlineData("two words")]
    [InlineData("")]
    public void Create_NonKebabName_Rejected(string bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => RegionLadder.Create("x", ["city", bad], [Scale.Local, Scale.Global]));

        Assert.Equal($"Invalid region ladder 'x': level '{bad}' is not lowercase kebab-case (letters, digits and single hyphens). (Parameter 'levelNames')", ex.Message);
    }

    [Fact]
    public void Create_DuplicateIgnoringCase_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegionLadder.Create("x", ["city", "region", "city"], [Scale.Local, Scale.Regional, Scale.Global]));

        Assert.Equal("Invalid region ladder 'x': level 'city' occurs twice. (Parameter 'levelNames')", ex.Message);
    }

    [Fact]
    public void Create_DecreasingScaleMap_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegionLadder.Create("x", ["city", "region", "world"], [Scale.Regional, Scale.Local, Scale.Global]));

        Assert.Equal("Invalid region ladder 'x': scale Local of level 'region' is nearer than Regional of the finer level 'city'. (Parameter 'levelNames')", ex.Message);
    }

    [Fact]
    public void Create_MismatchedLengths_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegionLadder.Create("x", ["city", "region", "world"], [Scale.Local, Scale.Global]));

        Assert.Equal("Invalid region ladder 'x': 3 level(s) but 2 scale(s); give one scale per level. (Parameter 'levelNames')", ex.Message);
    }

    [Fact]
    public void Create_MoreScalesThanLevelsDecreasingPastTheLastLevel_ReportsTheLengths()
    {
        // The extra scale has no level to name; the length problem already covers it.
        var ex = Assert.Throws<ArgumentException>(() => RegionLadder.Create("x", ["city", "world"], [Scale.Local, Scale.Global, Scale.Regional]));

        Assert.Equal("Invalid region ladder 'x': 2 level(s) but 3 scale(s); give one scale per level. (Parameter 'levelNames')", ex.Message);
    }

    [Fact]
    public void Create_NoLevels_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegionLadder.Create("x", [], []));

        Assert.Equal("Invalid region ladder 'x': a ladder needs at least one level. (Parameter 'levelNames')", ex.Message);
    }

    [Fact]
    public void Create_NullLevelName_RejectedAsNotKebab()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegionLadder.Create("x", ["city", null!], [Scale.Local, Scale.Global]));

        Assert.Equal("Invalid region ladder 'x': level '' is not lowercase kebab-case (letters, digits and single hyphens). (Parameter 'levelNames')", ex.Message);
    }

    [Fact]
    public void Create_UndefinedScale_Rejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegionLadder.Create("x", ["city", "world"], [Scale.Local, (Scale)9]));

        Assert.Equal("Invalid region ladder 'x': scale 9 at level 1 is not a defined Scale. (Parameter 'levelNames')", ex.Message);
    }

    [Fact]
    public void Create_SeveralProblems_AllInOneMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            RegionLadder.Create("bad", ["city", "my_level", "City", "top"], [Scale.Local, Scale.National, Scale.Regional]));

        Assert.Equal(
            "Invalid region ladder 'bad': 4 level(s) but 3 scale(s); give one scale per level; "
            + "level 'my_level' is not lowercase kebab-case (letters, digits and single hyphens); "
            + "level 'City' occurs twice; "
            + "scale Regional of level 'City' is nearer than National of the finer level 'my_level'. (Parameter 'levelNames')",
            ex.Message);
    }

    [Fact]
    public void WithScaleMap_ChangesNamedLevelsOnly()
    {
        var l = RegionLadder.Default.WithScaleMap(new Dictionary<string, Scale> { ["PROVINCE"] = Scale.Local, ["world-region"] = Scale.Global });

        Assert.Equal("default", l.Name);
        Assert.Equal(RegionLadder.Default.LevelNames(), l.LevelNames());
        Assert.Equal(Scale.Local, l.ScaleOf(l.GetLevel("city")));
        Assert.Equal(Scale.Local, l.ScaleOf(l.GetLevel("province")));
        Assert.Equal(Scale.National, l.ScaleOf(l.GetLevel("country")));
        Assert.Equal(Scale.Global, l.ScaleOf(l.GetLevel("world-region")));
        Assert.Equal(Scale.Global, l.ScaleOf(l.GetLevel("world")));
        Assert.Equal([Scale.Local, Scale.National, Scale.Global], l.Scales);
    }

    [Fact]
    public void WithScaleMap_LeavesTheOriginalUnchanged()
    {
        _ = RegionLadder.Default.WithScaleMap(new Dictionary<string, Scale> { ["province"] = Scale.Local });

        Assert.Equal(Scale.Regional, RegionLadder.Default.ScaleOf(RegionLadder.Default.GetLevel("province")));
    }

    [Fact]
    public void WithScaleMap_UnknownLevel_Throws()
    {
        var ex = Assert.Throws<UnknownRegionLevelException>(() =>
            RegionLadder.Default.WithScaleMap(new Dictionary<string, Scale> { ["nuts2"] = Scale.Regional }));

        Assert.Equal("Unknown region level 'nuts2'. The ladder's levels are city, province, country, world-region, world (finest first).", ex.Message);
    }

    [Fact]
    public void WithScaleMap_MakesTheMapDecrease_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            RegionLadder.Default.WithScaleMap(new Dictionary<string, Scale> { ["country"] = Scale.Local }));

        Assert.Equal("Invalid region ladder 'default': scale Local of level 'country' is nearer than Regional of the finer level 'province'. (Parameter 'levelNames')", ex.Message);
    }
}
