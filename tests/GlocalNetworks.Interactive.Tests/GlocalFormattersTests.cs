using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using GlocalNetworks.Evolution;
using GlocalNetworks.IO;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using Xunit;

namespace GlocalNetworks.Interactive.Tests;

public class GlocalFormattersTests
{
    private const string Html = "text/html";

    static GlocalFormattersTests() => GlocalFormatters.Register();

    /// <summary>Three innovators in two cities of one province, one in another country; names that need escaping.</summary>
    private static GlocalNetwork Net() => GlocalNetwork.CreateBuilder()
        .AddRegion("world", "World", "world")
        .AddRegion("EU", "Europe", "world-region", "world")
        .AddRegion("DE", "Germany", "country", "EU")
        .AddRegion("FR", "France", "country", "EU")
        .AddRegion("BY", "Bayern", "province", "DE")
        .AddRegion("MUC", "München", "city", "BY")
        .AddRegion("NUE", "Nürnberg", "city", "BY")
        .AddInnovator("<b>tum</b>", "TU <München>", InnovatorKind.University, "MUC")
        .AddInnovator("siemens&co", "Siemens & Co", InnovatorKind.Firm, "MUC")
        .AddInnovator("fau", "FAU", InnovatorKind.University, "NUE")
        .AddInnovator("cnrs", "CNRS", InnovatorKind.ResearchInstitute, "FR")
        .AddLink("<b>tum</b>", "siemens&co", LinkKind.CoPatent, weight: 2, year: 2012)
        .AddLink("<b>tum</b>", "fau", LinkKind.CoPublication, year: 2013)
        .AddLink("fau", "cnrs", LinkKind.JointProject, year: 2014)
        .Build();

    [Fact]
    public void Network_Html_ShowsSizesKindsLevelsAndScaleMix()
    {
        var html = Formatter.ToDisplayString(Net(), Html);

        Assert.StartsWith("<div class=\"glocal\">", html);
        Assert.Contains("<td>innovators</td><td class=\"num\">4</td>", html);
        Assert.Contains("<td>links</td><td class=\"num\">3</td>", html);
        Assert.Contains("<td>years</td><td class=\"num\">2012-2014</td>", html);
        Assert.Contains("<td>University</td><td class=\"num\">2</td>", html);
        Assert.Contains("<td>country</td><td class=\"num\">1</td>", html);   // cnrs is located at country level
        Assert.Contains("<td>city</td><td class=\"num\">3</td>", html);
        // one Local (same city), one Regional (same province), one Supranational (EU) link; the weight-2 link is half the weight
        Assert.Contains("<td>Local</td><td class=\"num\">1</td><td class=\"num\">33.3 %</td><td class=\"num\">50.0 %</td>", html);
        Assert.Contains("<td>Regional</td><td class=\"num\">1</td>", html);
        Assert.Contains("<td>Supranational</td><td class=\"num\">1</td>", html);
        Assert.Contains("<td>Global</td><td class=\"num\">0</td>", html);
    }

    [Fact]
    public void NodeTable_Html_EscapesIdsAndShowsTopRowsWithShowingLine()
    {
        var ids = new List<string>();
        var values = new double[25];
        for (var i = 0; i < 25; i++)
        {
            ids.Add(i == 24 ? "<script>alert('x')</script>" : "n" + i);
            values[i] = i;
        }

        var html = Formatter.ToDisplayString(new NodeTable("degree", ids, values), Html);

        Assert.Contains("<h4>degree (innovators)</h4>", html);
        Assert.Contains("<th>id</th><th class=\"num\">value</th>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td><td class=\"num\">24</td>", html);
        Assert.Contains("<td>n15</td><td class=\"num\">15</td>", html);   // the 10th largest
        Assert.DoesNotContain("<td>n14</td>", html);
        Assert.Contains("showing 10 of 25 rows", html);
    }

    [Fact]
    public void NodeTable_Html_SmallTable_HasNoShowingLine()
    {
        var html = Formatter.ToDisplayString(new NodeTable("degree", ["a", "b"], [1.0, 2.0]), Html);

        Assert.DoesNotContain("showing", html);
        Assert.True(html.IndexOf("<td>b</td>", StringComparison.Ordinal) < html.IndexOf("<td>a</td>", StringComparison.Ordinal));
    }

    [Fact]
    public void RegionAndGroupTables_Html_NameTheirKeyAndLevel()
    {
        var regions = new RegionTable("ei-index", "country", ["DE", "F&R"], [KeyedTable.Col("value", [0.5, -0.25])]);
        var groups = new GroupTable("scale-mix", "innovator-kind", ["Firm"], [KeyedTable.Col("share.local", [0.125])]);

        var r = Formatter.ToDisplayString(regions, Html);
        var g = Formatter.ToDisplayString(groups, Html);

        Assert.Contains("<h4>ei-index (regions at level &#39;country&#39;)</h4>", r);
        Assert.Contains("<th>region</th>", r);
        Assert.Contains("<td>F&amp;R</td><td class=\"num\">-0.25</td>", r);
        Assert.Contains("<h4>scale-mix (by innovator-kind)</h4>", g);
        Assert.Contains("<th>innovator-kind</th><th class=\"num\">share.local</th>", g);
        Assert.Contains("<td>Firm</td><td class=\"num\">0.125</td>", g);
    }

    [Fact]
    public void ScalarResult_Html_ListsNamedValuesAndProperties()
    {
        var result = new ScalarResult("components", [new("count", 3), new("largest", 0.75)],
            new Dictionary<string, string> { ["seed"] = "42" });

        var html = Formatter.ToDisplayString(result, Html);

        Assert.Contains("<td>count</td><td class=\"num\">3</td>", html);
        Assert.Contains("<td>largest</td><td class=\"num\">0.75</td>", html);
        Assert.Contains("seed = 42", html);
    }

    [Fact]
    public void AnalysisResult_Html_ShowsEveryMetricInOrder()
    {
        var result = Net().Analyze().Compute("degree", "density", "scale-mix").Run();

        var html = Formatter.ToDisplayString(result, Html);

        Assert.Contains("<h4>AnalysisResult</h4>", html);
        Assert.Contains("seed 42", html);
        var degree = html.IndexOf("<h4>degree (innovators)</h4>", StringComparison.Ordinal);
        var density = html.IndexOf("<h4>density</h4>", StringComparison.Ordinal);
        var scaleMix = html.IndexOf("<h4>scale-mix", StringComparison.Ordinal);
        Assert.True(degree >= 0 && density > degree && scaleMix > density, html);
        // tum has degree 2; id and name escaped, the name from the analysed network
        Assert.Contains("<td>&lt;b&gt;tum&lt;/b&gt;</td><td>TU &lt;München&gt;</td><td class=\"num\">2</td>", html);
        Assert.Contains("<td>value</td><td class=\"num\">0.5</td>", html);                  // density 3 / 6
        Assert.Contains("<th>id</th><th>name</th><th class=\"num\">value</th>", html);
        Assert.DoesNotContain("<b>tum</b>", html);
    }

    [Fact]
    public void CompositeResult_Html_ShowsEachPartUnderItsName()
    {
        var result = Net().Analyze().Compute("scale-mix").Run()["scale-mix"];
        Assert.IsAssignableFrom<CompositeResult>(result);

        var html = Formatter.ToDisplayString(result, Html);

        foreach (var (name, _) in ((CompositeResult)result).Parts)
        {
            Assert.Contains("<h5>" + name + ": ", html);
        }
    }

    [Fact]
    public void ComparisonTable_Html_HasOneColumnPerNetwork()
    {
        var net = Net();
        var table = GlocalNetwork.Compare(("whole", net), ("<local>", net.AtScales(Scale.Local))).Compute("density").Run();

        var html = Formatter.ToDisplayString(table, Html);

        Assert.Contains("<th>metric</th><th class=\"num\">whole</th><th class=\"num\">&lt;local&gt;</th>", html);
        Assert.Contains("<td>density</td><td class=\"num\">0.5</td>", html);
    }

    [Fact]
    public void TrajectorySet_Html_HasSeriesTableAndEmbeddedChart()
    {
        TrajectorySet set = Net().Evolve().Yearly().Track("density", "degree").Run();

        var html = Formatter.ToDisplayString(set, Html);

        Assert.Contains("Trajectories over 3 slices (Yearly)", html);
        Assert.Contains("<th>series</th><th class=\"num\">2012</th><th class=\"num\">2013</th><th class=\"num\">2014</th>", html);
        Assert.Contains("<td>density</td>", html);
        Assert.Contains("<img alt=\"Trajectories\" src=\"data:image/png;base64,", html);
        Assert.Contains("<td>degree</td><td>id</td>", html);   // the degree panel
    }

    [Fact]
    public void LoadReport_Html_ListsCountsReasonsAndEscapedIssues()
    {
        var report = new LoadReport();
        report.Count("links.csv rows", 12);
        report.Add(new LoadIssue("links.csv", 17, "weight", "<-3>", "is negative; weights must be > 0", LoadAction.Skipped));

        var html = Formatter.ToDisplayString(report, Html);

        Assert.Contains("1 issue(s), 1 row(s) skipped.", html);
        Assert.Contains("<td>links.csv rows</td><td class=\"num\">12</td>", html);
        Assert.Contains("<td>links.csv</td><td class=\"num\">17</td><td>weight</td><td>&lt;-3&gt;</td><td>is negative; weights must be &gt; 0</td><td>skipped</td>", html);
    }

    [Fact]
    public void Chart_Html_IsAnEmbeddedPngWithEscapedTitle()
    {
        var html = Formatter.ToDisplayString(Plotting.Charts.Bars("Local & global", ["a"], [1.0]), Html);

        Assert.Contains("<img alt=\"Local &amp; global\" src=\"data:image/png;base64,iVBORw0KGgo", html);
    }

    [Fact]
    public void Escape_KeepsLettersAndEscapesTheFiveSpecialCharacters()
    {
        Assert.Equal("München 北京 &amp; &lt;a href=&quot;x&quot;&gt; l&#39;été", HtmlWriter.Escape("München 北京 & <a href=\"x\"> l'été"));
        Assert.Equal(string.Empty, HtmlWriter.Escape(null));
    }

    [Fact]
    public void MaxRows_BelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GlocalFormatters.MaxRows = 0);
        Assert.Equal(GlocalFormatters.DefaultMaxRows, GlocalFormatters.MaxRows);
    }

    [Fact]
    public async Task KernelExtension_OnLoad_RegistersTheFormatters()
    {
        using var kernel = new CompositeKernel();
        await new GlocalKernelExtension().OnLoadAsync(kernel);

        Assert.Contains("<h4>GlocalNetwork</h4>", Formatter.ToDisplayString(Net(), Html));
    }
}
