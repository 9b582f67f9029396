using System;
using System.IO;
using GlocalNetworks.Evolution;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Plotting.Tests;

public class TrajectoryChartsTests
{
    private static TrajectorySet Trajectories() => GlocalNetwork.CreateBuilder()
        .AddRegion("w", "World", "world")
        .AddRegion("eu", "Europe", "world-region", "w")
        .AddRegion("as", "Asia", "world-region", "w")
        .AddRegion("de", "Germany", "country", "eu")
        .AddRegion("fr", "France", "country", "eu")
        .AddRegion("jp", "Japan", "country", "as")
        .AddRegion("by", "Bavaria", "province", "de")
        .AddRegion("m", "Munich", "city", "by")
        .AddRegion("n", "Nuremberg", "city", "by")
        .AddRegion("p", "Paris", "city", "fr")
        .AddRegion("t", "Tokyo", "city", "jp")
        .AddInnovator("a", "A", InnovatorKind.Firm, "m")
        .AddInnovator("b", "B", InnovatorKind.Firm, "n")
        .AddInnovator("c", "C", InnovatorKind.Firm, "p")
        .AddInnovator("d", "D", InnovatorKind.Firm, "t")
        .AddLink("a", "b", year: 2010, endYear: 2012)
        .AddLink("a", "c", year: 2011)
        .AddLink("c", "d", year: 2012)
        .AddLink("b", "d", year: 2012)
        .Build()
        .Evolve().Yearly().AtLevel("country").Track("scale-mix").Run();

    private static string Temp(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), "glocal-trajectory-charts-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    private static void AssertWritten(Chart chart, string name, params string[] svgLabels)
    {
        var png = Temp(name + ".png");
        var svg = Temp(name + ".svg");
        chart.Save(png);
        chart.Save(svg);
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 5_000, $"{png} has only {bytes.Length} bytes.");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);
        var text = File.ReadAllText(svg);
        Assert.Contains("<svg", text, StringComparison.Ordinal);
        foreach (var l in svgLabels)
        {
            Assert.Contains(l, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ScaleMix_StackedAndLines_WritePngAndSvgWithScaleLabels()
    {
        var t = Trajectories();
        AssertWritten(TrajectoryCharts.ScaleMix(t), "scale-mix", "Scale mix over time", "Global", "Supranational", "Regional", "2012");
        AssertWritten(TrajectoryCharts.ScaleMix(t, "Lines", stacked: false), "scale-mix-lines", "Lines", "Global");
        Assert.DoesNotContain("National", TrajectoryCharts.ScaleMix(t).ToSvg(), StringComparison.Ordinal); // zero in every year: left out
        Assert.Throws<ArgumentException>(() => TrajectoryCharts.ScaleMix(t, prefix: "nothing."));
    }

    [Fact]
    public void Ranks_BumpChart_LabelsTheTopRegions()
    {
        var ranks = RegionSeries.FromPanel(Trajectories(), "scale-mix.regions.links");
        var r = Convergence.Ranks(ranks);
        AssertWritten(TrajectoryCharts.Ranks(r, "Regions by links", top: 3, label: id => id.ToUpperInvariant()), "ranks", "Regions by links", "FR", "JP", "rank (1 = highest)");
    }

    [Fact]
    public void Sigma_LineWithTrend_WritesBothFormats()
    {
        var s = new RegionSeries("gdp", ["a", "b", "c"], [2000, 2001, 2002, 2003], [[1.0, 2, 3, 4], [4.0, 4, 4, 4], [9.0, 7, 6, 5]]);
        AssertWritten(TrajectoryCharts.Sigma(Convergence.Sigma(s)), "sigma", "σ-convergence of gdp (SdLog)", "trend");
    }
}
