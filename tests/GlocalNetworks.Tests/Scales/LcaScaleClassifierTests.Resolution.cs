using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Scales;

public sealed partial class LcaScaleClassifierTests
{
    // DESIGN §0 "coarse locations": ResolutionLimited whenever the LCA is an end's own home region and that region is
    // above the ladder's finest level.
    [Fact]
    public void Classify_BothAtSameCountry_NationalAndFlagged()
    {
        var net = TinyNetworks.WorldPair("DE", "DE");

        Assert.Equal((Scale.National, true), Single(net));
        Assert.Equal(1, net.ResolutionLimitedCount);
    }

    [Theory]
    [InlineData("Munich", "DE")]
    [InlineData("DE", "Munich")]
    [InlineData("Berlin", "DE")]
    public void Classify_CityAndItsCountry_NationalAndFlagged(string a, string b)
    {
        Assert.Equal((Scale.National, true), Single(TinyNetworks.WorldPair(a, b)));
    }

    [Theory]
    [InlineData("Munich", "Bavaria", Scale.Regional)]
    [InlineData("Bavaria", "Bavaria", Scale.Regional)]
    [InlineData("Europe", "Paris", Scale.Supranational)]
    [InlineData("world", "Tokyo", Scale.Global)]
    public void Classify_EndIsTheLca_FlaggedAtAnyCoarseLevel(string a, string b, Scale expected)
    {
        Assert.Equal((expected, true), Single(TinyNetworks.WorldPair(a, b)));
    }

    [Fact]
    public void Classify_BothInSameCity_NotFlagged()
    {
        Assert.Equal((Scale.Local, false), Single(TinyNetworks.WorldPair("Munich", "Munich")));
    }

    [Fact]
    public void Classify_CountryAndCityOfAnotherCountry_NotFlagged()
    {
        // The LCA (Europe) is neither end's home: the scale is exact.
        Assert.Equal((Scale.Supranational, false), Single(TinyNetworks.WorldPair("FR", "Munich")));
    }
}
