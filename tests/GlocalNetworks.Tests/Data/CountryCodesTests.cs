using GlocalNetworks.Data;
using Xunit;

namespace GlocalNetworks.Tests.Data;

public class CountryCodesTests
{
    [Theory]
    [InlineData("EL", "GR")]
    [InlineData("UK", "GB")]
    [InlineData("KO", "XK")]
    [InlineData("el", "GR")]
    [InlineData(" uk ", "GB")]
    [InlineData("GR", "GR")]
    [InlineData("XK", "XK")]
    [InlineData("NA", "NA")]
    [InlineData("de", "DE")]
    [InlineData("", "")]
    [InlineData("EL300", "EL300")]
    public void ToIso_CordisCode_MapsEurostatAliasesOnly(string code, string expected) =>
        Assert.Equal(expected, CountryCodes.ToIso(code));
}
