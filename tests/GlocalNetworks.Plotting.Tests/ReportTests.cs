using System;
using System.IO;
using System.Linq;
using GlocalNetworks.Data;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using Xunit;

namespace GlocalNetworks.Plotting.Tests;

public class ReportTests
{
    [Fact]
    public void ReportDocument_EscapesHtmlAndWritesEveryPiece()
    {
        var doc = new ReportDocument("A <b> report")
            .Heading("Section & more")
            .Paragraph("x < y")
            .Table("T", ["name", "v"], [["a,b", "1"], ["c|d", "2"]], "t.csv")
            .Chart(Charts.Bars("C", ["a"], [1.0]), "c.png");
        var dir = Path.Combine(Path.GetTempPath(), "glocal-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = doc.Write(dir);

            Assert.Equal(["index.html", "report.md", "t.csv", "c.png"], written.Select(Path.GetFileName));
            var html = File.ReadAllText(written[0]);
            Assert.Contains("<title>A &lt;b&gt; report</title>", html);
            Assert.Contains("<h2>Section &amp; more</h2>", html);
            Assert.Contains("<p>x &lt; y</p>", html);
            Assert.Contains("src=\"data:image/png;base64,", html);
            Assert.DoesNotContain("http", html);
            var md = File.ReadAllText(written[1]);
            Assert.Contains("| c\\|d | 2 |", md);
            Assert.Contains("![C](c.png)", md);
            Assert.Equal("name,v\n\"a,b\",1\nc|d,2\n", File.ReadAllText(written[2]));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void ReportDocument_RowOfWrongLength_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ReportDocument("r").Table("T", ["a", "b"], [["1"]], "t.csv"));
        Assert.Contains("1 cells for 2 columns", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN, "–")]
    [InlineData(3.0, "3")]
    [InlineData(0.123456, "0.1235")]
    [InlineData(-2.5e-7, "-2.5E-07")]
    public void Number_FormatsForReading(double value, string text) => Assert.Equal(text, ReportDocument.Number(value));

    [Fact]
    public void GlocalReport_OnTheDefaultData_ShowsTheLibrarysNumbers()
    {
        var net = DefaultDataSet.Load().Network;
        var doc = GlocalReport.Build(net, new GlocalReportOptions { TopK = 5 });
        var md = doc.ToMarkdown();

        // Scale mix of the embedded extract (DefaultDataSet's documentation): Local 96, Regional 82, National 83,
        // Supranational 634, Global 40 of 935 links.
        Assert.Contains("| Local | 96 | 0.1027 | 96 | 0.1027 |", md);
        Assert.Contains("| Supranational | 634 | 0.6781 | 634 | 0.6781 |", md);
        Assert.Contains("174 innovators in 201 regions", md);

        var mix = new ScaleMixMetric().Compute(new MetricContext(net), new ScaleMixOptions());
        Assert.Equal(96, mix.Network!["count.local"]);

        // The top innovator by betweenness in the report is the library's.
        var bc = net.Analyze().Compute(StandardMetrics.Betweenness).Run().Get(StandardMetrics.Betweenness);
        var top = bc.Top(1)[0];
        Assert.Contains($"| {net.Innovators[top.Key].Name} | {ReportDocument.Number(top.Value)} |", md);
        Assert.Contains("## Open regions", md);
        Assert.Contains("## Local buzz and global pipelines", md);
        Assert.Contains("## Gatekeepers and brokers", md);
        Assert.Contains("![Link weight between regions](region-flows.png)", md);
        Assert.Contains("## Distance decay", md);

        // The top gatekeeper by brokerage role is the library's (countries as groups).
        var b = net.Analyze().Compute(StandardMetrics.Brokerage, o => o with { Level = "country" }).Run().Get(StandardMetrics.Brokerage).Innovators;
        var g = b.Top(1, "gatekeeper")[0];
        Assert.Contains($"| {net.Innovators[g.Key].Name} | {ReportDocument.Number(g.Value)} |", md);
    }

    [Fact]
    public void GlocalReport_OpenRegions_LeavesOutSmallRegions()
    {
        var net = DefaultDataSet.Load().Network;
        var ei = net.Analyze().Compute(StandardMetrics.EiIndex).Run().Get(StandardMetrics.EiIndex).Regions(InnovatorGroups.DefaultLevel(net.Ladder));
        var big = 0;
        foreach (var m in ei.Column("members"))
        {
            big += m >= 10 ? 1 : 0;
        }

        var md = GlocalReport.Build(net, new GlocalReportOptions { MinRegionSize = 10, TopK = 100 }).ToMarkdown();
        var section = md[md.IndexOf("*Most open regions*", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("##", StringComparison.Ordinal)];
        var rows = section.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal)) - 1; // minus the header
        Assert.Equal(big, rows);
    }

    [Fact]
    public void GlocalReport_DatedNetwork_ShowsTheYears()
    {
        var net = GlocalNetworks.Model.GlocalNetwork.CreateBuilder()
            .AddRegion("w", "World", "world")
            .AddRegion("eu", "Europe", "world-region", "w")
            .AddRegion("de", "Germany", "country", "eu")
            .AddRegion("by", "Bavaria", "province", "de")
            .AddRegion("m", "Munich", "city", "by")
            .AddRegion("n", "Nuremberg", "city", "by")
            .AddInnovator("a", "A", GlocalNetworks.Model.InnovatorKind.Firm, "m")
            .AddInnovator("b", "B", GlocalNetworks.Model.InnovatorKind.Firm, "m")
            .AddInnovator("c", "C", GlocalNetworks.Model.InnovatorKind.Firm, "n")
            .AddLink("a", "b", year: 2010)
            .AddLink("b", "c", year: 2011, endYear: 2012)
            .AddLink("a", "c", year: 2012)
            .Build();

        var md = GlocalReport.Build(net).ToMarkdown();

        // 2010: a-b; 2011: b-c; 2012: b-c (still running) and a-c. Density over 3 pairs.
        Assert.Contains("## Over time", md);
        Assert.Contains("| 2010 | 1 | 0.3333 |", md);
        Assert.Contains("| 2012 | 2 | 0.6667 |", md);
        Assert.Contains("![Share of links by scale, by year](scale-mix-over-time.png)", md);
    }
}
