using System;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Scales;

/// <summary>
/// Tests of <see cref="LcaScaleClassifier"/> through <c>GlocalNetwork.CreateBuilder()...Build()</c>, reading
/// <see cref="GlocalNetwork.LinkScales"/>; the default ladder here, resolution and other ladders in partial files.
/// </summary>
public sealed partial class LcaScaleClassifierTests
{
    private static (Scale Scale, bool Limited) Single(GlocalNetwork net)
    {
        Assert.Single(net.Links);
        return (net.LinkScales[0], net.LinkResolutionLimited[0]);
    }

    [Theory]
    [InlineData("Munich", "Munich", Scale.Local)]            // one city
    [InlineData("Munich", "Nuremberg", Scale.Regional)]      // two cities of one province
    [InlineData("Munich", "Dresden", Scale.National)]        // two provinces of one country
    [InlineData("Munich", "Berlin", Scale.National)]         // Berlin hangs straight from DE
    [InlineData("Dresden", "Paris", Scale.Supranational)]    // two countries of Europe
    [InlineData("Munich", "Rome", Scale.Supranational)]
    [InlineData("Munich", "Tokyo", Scale.Global)]            // Europe and Asia
    [InlineData("Paris", "NewYork", Scale.Global)]
    public void Classify_DefaultLadderCities_ScaleOfTheLcaLevel(string a, string b, Scale expected)
    {
        var net = TinyNetworks.WorldPair(a, b);

        Assert.Equal((expected, false), Single(net));
    }

    [Theory]
    [InlineData("Bavaria", "Saxony", Scale.National)]
    [InlineData("DE", "FR", Scale.Supranational)]
    [InlineData("Europe", "Asia", Scale.Global)]
    public void Classify_CoarseRegionsThatAreNotEachOthersAncestor_NotFlagged(string a, string b, Scale expected)
    {
        var net = TinyNetworks.WorldPair(a, b);

        Assert.Equal((expected, false), Single(net));
    }

    [Fact]
    public void Classify_Direct_AgreesWithStoredScaleBothWays()
    {
        var net = TinyNetworks.WorldPair("Munich", "Nuremberg");
        var c = LcaScaleClassifier.Instance;

        var forward = c.Classify(net.Regions, net.Innovators, 0, 1, out var limitedForward);
        var backward = c.Classify(net.Regions, net.Innovators, 1, 0, out var limitedBackward);

        Assert.Equal(Scale.Regional, forward);
        Assert.Equal(Scale.Regional, backward);
        Assert.False(limitedForward);
        Assert.False(limitedBackward);
    }

    [Fact]
    public void ClassifyAll_MismatchedLengths_Throws()
    {
        var net = TinyNetworks.WorldPair("Munich", "Nuremberg");

        var ex = Assert.Throws<ArgumentException>(() => LcaScaleClassifier.Instance.ClassifyAll(
            net.Regions, net.Innovators, [0, 1], [1], new Scale[2], new bool[2]));

        Assert.Equal("sources, targets, scales and resolutionLimited must have the same length.", ex.Message);
    }

    [Fact]
    public void Scales_ListsAllFiveNearestFirst()
    {
        Assert.Equal([Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global], LcaScaleClassifier.Instance.Scales);
    }

    [Fact]
    public void Classify_CustomScaleMap_UsesTheLaddersMap()
    {
        var ladder = RegionLadder.Default.WithScaleMap(new System.Collections.Generic.Dictionary<string, Scale> { ["province"] = Scale.Local });
        var b = GlocalNetwork.CreateBuilder().WithLadder(ladder);
        foreach (var r in TinyNetworks.WorldRegions())
        {
            b.AddRegion(r.Id, r.Name, r.Level.Name, r.ParentId, r.Centroid);
        }

        var net = TinyNetworks.Pair(b, "Munich", "Nuremberg");

        Assert.Equal((Scale.Local, false), Single(net));
    }
}
