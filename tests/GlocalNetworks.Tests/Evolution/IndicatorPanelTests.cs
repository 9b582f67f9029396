using System;
using System.IO;
using GlocalNetworks.Evolution;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

public class IndicatorPanelTests
{
    private const string Long = "region_code,year,indicator,value,source\nDE,2015,gdp,10,x\nDE,2016,gdp,12,x\nFR,2015,gdp,8,x\nFR,2016,gdp,,x\nDE,2015,rd,2.9,x\n";

    private static IndicatorPanel Read(string text, IndicatorReadOptions? o = null) => IndicatorPanel.Read(new StringReader(text), "ind.csv", o);

    [Fact]
    public void Read_LongLayout_ValuesMissingAndLists()
    {
        var p = Read(Long);
        Assert.Equal(["gdp", "rd"], p.Indicators);
        Assert.Equal(["DE", "FR"], p.Regions);
        Assert.Equal([2015, 2016], p.Years);
        Assert.Equal(12.0, p["DE", 2016, "gdp"]);
        Assert.True(double.IsNaN(p["FR", 2016, "gdp"]));
        Assert.Equal(3, p.Count("gdp"));
        var e = Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => p["DE", 2015, "gdpp"]);
        Assert.Contains("Did you mean 'gdp'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WideLayout_OneColumnPerIndicator()
    {
        var p = Read("region,year,gdp,rd\nDE,2015,10,2.9\nFR,2015,NA,1.1\n");
        Assert.Equal(["gdp", "rd"], p.Indicators);
        Assert.Equal(1.1, p["FR", 2015, "rd"]);
        Assert.True(double.IsNaN(p["FR", 2015, "gdp"]));
    }

    [Fact]
    public void Read_NamibiaCode_IsARegionNotMissing()
    {
        // "NA" is missing only as a value; as a region id it is Namibia (the pitfall DESIGN §4 names for R and pandas).
        var p = Read("region,year,gdp\nNA,2015,5000\nDE,2015,NA\n");
        Assert.Equal(["NA"], p.Regions);
        Assert.Equal(5000.0, p["NA", 2015, "gdp"]);
        Assert.True(double.IsNaN(p["DE", 2015, "gdp"]));
    }

    [Fact]
    public void Read_MalformedNumber_ThrowsWithFileLineColumnValue()
    {
        var e = Assert.Throws<CsvFormatException>(() => Read("region,year,gdp\nDE,2015,10\nFR,2015,1,5\n"));
        Assert.StartsWith("ind.csv:3:", e.Message, StringComparison.Ordinal);
        var v = Assert.Throws<CsvFormatException>(() => Read("region,year,gdp\nDE,2015,10\nFR,2015,1.2.3\n"));
        Assert.Equal(3L, v.Line);
        Assert.Equal("gdp", v.Column);
        Assert.Equal("1.2.3", v.Value);
        var y = Assert.Throws<CsvFormatException>(() => Read("region,year,gdp\nDE,20x5,10\n"));
        Assert.Equal("year", y.Column);
    }

    [Fact]
    public void Read_DuplicateKey_ThrowsWithFirstLine()
    {
        var e = Assert.Throws<DuplicateIdException>(() => Read(Long + "DE,2016,gdp,13,x\n"));
        Assert.Equal(7L, e.Line);
        Assert.Equal(3L, e.FirstLine);
        Assert.Throws<DuplicateIdException>(() => Read("region,year,gdp\nDE,2015,10\nDE,2015,11\n"));
    }

    [Fact]
    public void Read_UnknownRegion_ThrowsWithSuggestionOrSkipsCounted()
    {
        var tree = TinyNetworks.WorldBuilder().AddInnovator("a", "A", GlocalNetworks.Model.InnovatorKind.Firm, "Munich").Build().Regions;
        var e = Assert.Throws<ReferentialIntegrityException>(() => Read("region,year,gdp\nDE,2015,10\nDF,2015,3\n", new IndicatorReadOptions { Regions = tree }));
        Assert.Equal(3L, e.Line);
        Assert.Contains("DE", e.Suggestions);
        var p = Read("region,year,gdp\nDE,2015,10\nDF,2015,3\nDF,2016,3\n", new IndicatorReadOptions { Regions = tree, UnknownRegions = UnknownIndicatorRegion.Skip });
        Assert.Equal(2, p.SkippedRows);
        Assert.Equal(["DF"], p.UnknownRegions);
        Assert.Equal(["DE"], p.Regions);
    }

    [Fact]
    public void JoinIndicators_HandTrajectories_AlignsRegionsYearsAndReportsMissing()
    {
        var t = EvolutionNetworks.Hand().Evolve().Yearly().AtLevel("country").Track("scale-mix").Run();
        var p = Read("region,year,gdp\nDE,2014,1\nDE,2015,2\nDE,2016,3\nDE,2017,4\nDE,2018,5\nFR,2016,7\nXX,2016,9\n");
        var d = t.JoinIndicators(p);
        Assert.Equal([2014, 2015, 2016, 2017, 2018], d.Years);
        Assert.Contains("DE", d.Regions);
        Assert.Equal(3.0, d["DE", 2016, "gdp"]);
        Assert.Equal(t.GetPanel("scale-mix.regions.links")["DE", 2], d["DE", 2016, "scale-mix.regions.links"]);
        Assert.Contains("JP", d.RegionsWithoutIndicators);
        Assert.Equal(1, d.IndicatorRegionsNotInNetwork); // XX
        var w = new StringWriter();
        d.WriteCsv(w);
        Assert.StartsWith("region,year,scale-mix.regions.", w.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LaggedCorrelation_ShiftedSeries_PeaksAtTheShift()
    {
        // y_t = x_{t-1} exactly for every region: r = 1 at lag 1.
        var text = "region,year,x,y\n";
        double[][] xs = [[1, 4, 2, 8, 5, 7], [3, 1, 6, 2, 9, 4], [5, 5, 1, 7, 3, 2]];
        for (var r = 0; r < 3; r++)
        {
            for (var t = 0; t < 6; t++)
            {
                var y = t == 0 ? "" : xs[r][t - 1].ToString(System.Globalization.CultureInfo.InvariantCulture);
                text += $"R{r},{2000 + t},{xs[r][t]},{y}\n";
            }
        }

        var d = PanelDataset.FromIndicators(Read(text));
        var lc = d.LaggedCorrelation("x", "y", maxLag: 2);
        Assert.Equal([15, 15, 12], lc.Counts);
        Assert.Equal(1.0, lc.Correlations[1], 12);
        Assert.True(lc.Correlations[0] < 0.9);
        Assert.Contains("| 1 | 15 | 1 |", lc.ToMarkdown(), StringComparison.Ordinal);

        var fe = d.FixedEffects("y", ["x"], lag: 1);
        Assert.Equal(1.0, fe["x.lag1"], 10);
        Assert.Equal(3, fe.DroppedMissing); // the first year of each region has no lagged x (and no y)
    }
}
