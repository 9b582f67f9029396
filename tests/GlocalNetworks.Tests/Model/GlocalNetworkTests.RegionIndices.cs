using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Model;

public sealed partial class GlocalNetworkTests
{
    // Innovators of Mixed(): m1 Munich, m2 Munich, n1 Nuremberg, d1 Dresden, de DE, p1 Paris (under FR), t1 Tokyo (under JP).
    private static int[] Expected(RegionTree t, params string?[] ids)
    {
        var r = new int[ids.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            r[i] = ids[i] is { } id ? t.IndexOf(id) : -1;
        }

        return r;
    }

    [Fact]
    public void RegionIndicesAt_Country_IsEachInnovatorsCountry()
    {
        var net = TinyNetworks.Mixed();

        Assert.Equal(Expected(net.Regions, "DE", "DE", "DE", "DE", "DE", "FR", "JP"), net.RegionIndicesAt("country").ToArray());
    }

    [Fact]
    public void RegionIndicesAt_Province_MinusOneForCoarseOrSkipping()
    {
        var net = TinyNetworks.Mixed();

        Assert.Equal(Expected(net.Regions, "Bavaria", "Bavaria", "Bavaria", "Saxony", null, null, null), net.RegionIndicesAt("province").ToArray());
    }

    [Fact]
    public void RegionIndicesAt_City_MinusOneForCountryLocated()
    {
        var net = TinyNetworks.Mixed();

        Assert.Equal(Expected(net.Regions, "Munich", "Munich", "Nuremberg", "Dresden", null, "Paris", "Tokyo"), net.RegionIndicesAt("city").ToArray());
    }

    [Fact]
    public void RegionIndicesAt_WorldRegionAndWorld()
    {
        var net = TinyNetworks.Mixed();

        Assert.Equal(Expected(net.Regions, "Europe", "Europe", "Europe", "Europe", "Europe", "Europe", "Asia"), net.RegionIndicesAt("World-Region").ToArray());
        Assert.Equal(Expected(net.Regions, "world", "world", "world", "world", "world", "world", "world"), net.RegionIndicesAt(net.Ladder.Coarsest).ToArray());
    }

    [Fact]
    public void RegionIndicesAt_IsCachedAndSharedBySlices()
    {
        var net = TinyNetworks.Mixed();

        var first = net.RegionIndicesAt("country");
        var again = net.RegionIndicesAt("COUNTRY");

        Assert.True(first == again);
        Assert.Equal(first.ToArray(), net.Between(2010, 2012).RegionIndicesAt("country").ToArray());
    }

    [Fact]
    public void RegionIndicesAt_UnknownLevel_ThrowsListingLevels()
    {
        var net = TinyNetworks.Mixed();

        var ex = Assert.Throws<UnknownRegionLevelException>(() => net.RegionIndicesAt("nuts2"));

        Assert.Equal("Unknown region level 'nuts2'. The ladder's levels are city, province, country, world-region, world (finest first).", ex.Message);
        Assert.Throws<UnknownRegionLevelException>(() => net.RegionIndicesAt(new RegionLevel("state", 1)));
    }
}
