using System;
using GlocalNetworks.Evolution;
using GlocalNetworks.Statistics;
using GlocalNetworks.Tests.Data;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Catching-up on the real data: H2020 country panels by year joined with World Bank GDP per capita.</summary>
public sealed class CatchingUpH2020Tests(H2020Fixture h2020) : IClassFixture<H2020Fixture>
{
    private const string Gdp = "gdp_per_capita_current_usd";
    private const string Share = "scale-mix.regions.share.global";

    [Fact]
    public void JoinIndicators_H2020CountriesAndWorldBankGdp_ReportsGapsAndFits()
    {
        var net = h2020.Result.Network;
        var t = net.Evolve().Yearly().Between(2014, 2017).AtLevel("country").Track("scale-mix").Run();
        var gdp = IndicatorPanel.Read(SharedData.Path("indicators/country-year.csv"), new IndicatorReadOptions { Indicators = [Gdp], FromYear = 2010 });
        var data = t.JoinIndicators(gdp);

        Assert.Equal([2014, 2015, 2016, 2017], data.Years);
        // Codes are ISO on both sides (the loader maps EL -> GR, UK -> GB): Greece and the UK have GDP values.
        Assert.True(double.IsFinite(data["GR", 2016, Gdp]));
        Assert.True(double.IsFinite(data["GB", 2016, Gdp]));
        Assert.Equal(gdp["DE", 2015, Gdp], data["DE", 2015, Gdp]);
        Assert.True(gdp["NA", 2015, Gdp] > 1000); // Namibia's code is read as a region, not as missing
        Assert.Equal(t.GetPanel(Share)["DE", 1], data["DE", 2015, Share]);
        // Territories without World Bank GDP are reported, not dropped silently.
        Assert.Contains("TW", data.RegionsWithoutIndicators);
        Assert.All(data.RegionsWithoutIndicators, id => Assert.True(data.Suggestions.ContainsKey(id)));

        var lc = data.LaggedCorrelation(Share, Gdp, maxLag: 2);
        Assert.True(lc.Counts[0] > lc.Counts[1] && lc.Counts[1] > lc.Counts[2] && lc.Counts[2] > 50);
        var fe = data.WithColumn("ln-gdp", Gdp, Math.Log).FixedEffects("ln-gdp", [Share], lag: 1, yearEffects: true);
        Assert.Equal(["scale-mix.regions.share.global.lag1", "year.2016", "year.2017"], fe.Names);
        Assert.Equal(data.RowCount, fe.ObservationCount + fe.DroppedMissing);
        Assert.True(fe.DroppedMissing >= data.Regions.Count); // at least the first year of every country
        Assert.True(double.IsFinite(fe.Inference(PanelCovariance.ClusterHC1).StandardErrors[0]));
    }
}
