using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Scales;

public sealed partial class LcaScaleClassifierTests
{
    [Theory]
    [InlineData("DE111", "DE111", Scale.Local, false)]          // one NUTS-3
    [InlineData("DE111", "DE112", Scale.Regional, false)]       // LCA nuts2 DE11
    [InlineData("DE111", "DE121", Scale.Regional, false)]       // LCA nuts1 DE1
    [InlineData("DE111", "DE211", Scale.National, false)]       // LCA country DE
    [InlineData("DE111", "FR101", Scale.Supranational, false)]  // LCA Europe
    [InlineData("DE211", "CN", Scale.Global, false)]            // LCA world
    [InlineData("DE", "DE111", Scale.National, true)]
    [InlineData("DE11", "DE11", Scale.Regional, true)]
    [InlineData("DE1", "DE112", Scale.Regional, true)]
    public void Classify_EuLadder(string a, string b, Scale expected, bool limited)
    {
        var net = TinyNetworks.Pair(TinyNetworks.EuBuilder(), a, b);

        Assert.Same(RegionLadder.Eu, net.Ladder);
        Assert.Equal((expected, limited), Single(net));
    }

    [Theory]
    [InlineData("Nanshan", "Nanshan", Scale.Local, false)]       // one county
    [InlineData("Nanshan", "Futian", Scale.Local, false)]        // two counties of one prefecture (Shenzhen)
    [InlineData("Nanshan", "Tianhe", Scale.Regional, false)]     // two prefectures of one province (GD)
    [InlineData("Shenzhen", "Guangzhou", Scale.Regional, false)]
    [InlineData("Futian", "Xuanwu", Scale.National, false)]      // two provinces (GD, JS)
    [InlineData("Nanshan", "DE", Scale.Global, false)]           // Asia and Europe
    [InlineData("Shenzhen", "Nanshan", Scale.Local, true)]       // LCA = the prefecture, above the finest level
    [InlineData("GD", "Tianhe", Scale.Regional, true)]
    public void Classify_ChinaLadder(string a, string b, Scale expected, bool limited)
    {
        var net = TinyNetworks.Pair(TinyNetworks.ChinaBuilder(), a, b);

        Assert.Same(RegionLadder.China, net.Ladder);
        Assert.Equal((expected, limited), Single(net));
    }

    [Theory]
    [InlineData("LA", "SF", Scale.Regional)]     // two counties of California
    [InlineData("LA", "LA", Scale.Local)]
    [InlineData("SF", "King", Scale.National)]   // California and Washington
    public void Classify_UsLadder(string a, string b, Scale expected)
    {
        var builder = GlocalNetwork.CreateBuilder().WithLadder(RegionLadder.Us)
            .AddRegion("US", "United States", "country")
            .AddRegion("CA", "California", "state", "US")
            .AddRegion("WA", "Washington", "state", "US")
            .AddRegion("LA", "Los Angeles County", "county", "CA")
            .AddRegion("SF", "San Francisco County", "county", "CA")
            .AddRegion("King", "King County", "county", "WA");

        Assert.Equal((expected, false), Single(TinyNetworks.Pair(builder, a, b)));
    }
}
