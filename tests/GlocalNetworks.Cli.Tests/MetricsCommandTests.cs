using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using GlocalNetworks.Glocal;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Centrality;
using Xunit;

namespace GlocalNetworks.Cli.Tests;

public class MetricsCommandTests
{
    // A triangle a-b-c with a pendant d on c; weights 2, 1, 1, 3.
    private const string Links = "source,target,weight,year\na,b,2,2010\nb,c,1,2011\nc,a,1,2012\nc,d,3,2015\n";

    private static double Cell(string csv, string id, string column)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var col = Array.IndexOf(header, column);
        Assert.True(col >= 0, $"no column '{column}' in '{lines[0]}'");
        var row = lines.Single(l => l.Split(',')[0] == id).Split(',');
        return double.Parse(row[col], CultureInfo.InvariantCulture);
    }

    [Fact]
    public void List_ShowsEveryRegisteredMetric()
    {
        using var cli = new CliRun();
        var (code, output, _) = cli.Run("metrics", "--list");

        Assert.Equal(0, code);
        foreach (var m in MetricRegistry.CreateDefault().All)
        {
            Assert.Contains(m.Id, output);
        }
    }

    [Fact]
    public void Metrics_WritesNodesAndNetworkFiles_WithTheLibrarysValues()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        var (code, output, error) = cli.Run("metrics", "--links", links, "--metric", "degree,betweenness", "-m", "pagerank", "-m", "density", "--out", cli.Out);

        Assert.True(code == 0, error);
        Assert.Contains(Path.Combine(cli.Out, "nodes.csv"), output);
        var nodes = cli.Read("out/nodes.csv");
        Assert.StartsWith("id,degree,betweenness,pagerank\n", nodes);
        var net = GlocalCsv.Load(links).Network;
        var pr = new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions());
        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            Assert.Equal(pr[id], Cell(nodes, id, "pagerank"), 15);
        }

        Assert.Equal(3, Cell(nodes, "c", "degree"));
        Assert.Equal(2.0 / 3, Cell(nodes, "c", "betweenness"), 15); // c bridges d to a and b: 2 of 3 pairs, normalised by (n-1)(n-2)/2 = 3
        Assert.Equal("metric,value\ndensity,0.6666666666666666\n", cli.Read("out/network.csv"));
    }

    [Fact]
    public void Unweighted_TurnsWeightsOffInEveryMetricThatHasThem()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        Assert.Equal(0, cli.Run("metrics", "--links", links, "-m", "pagerank", "--unweighted", "--out", cli.Out).Code);

        var net = GlocalCsv.Load(links).Network;
        var pr = new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions { Weighted = false });
        var weighted = new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions());
        var nodes = cli.Read("out/nodes.csv");
        Assert.Equal(pr["d"], Cell(nodes, "d", "pagerank"), 15);
        Assert.NotEqual(weighted["d"], Cell(nodes, "d", "pagerank"), 6);
    }

    [Fact]
    public void Set_ChangesOneOptionOfOneMetric()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        Assert.Equal(0, cli.Run("metrics", "--links", links, "-m", "pagerank", "--set", "pagerank.alpha=0.5", "--out", cli.Out).Code);

        var net = GlocalCsv.Load(links).Network;
        var pr = new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions { Alpha = 0.5 });
        Assert.Equal(pr["c"], Cell(cli.Read("out/nodes.csv"), "c", "pagerank"), 15);
    }

    [Theory]
    [InlineData("pagerank.alpah=0.5", "has no option 'alpah'; its options are")]
    [InlineData("pagerank.alpha=high", "value 'high' is not a Double")]
    [InlineData("degree.normalized=true", "which is not among --metric")]
    [InlineData("pagerank-alpha", "must look like ID.OPTION=VALUE")]
    public void Set_Mistakes_ExitThreeWithAPreciseMessage(string setting, string message)
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        var (code, _, error) = cli.Run("metrics", "--links", links, "-m", "pagerank", "--set", setting, "--out", cli.Out);

        Assert.Equal(3, code);
        Assert.Contains(message, error);
        Assert.StartsWith("error: ", error.Split('\n').Last(l => l.Length > 0));
    }

    [Fact]
    public void UnknownMetric_ExitsThreeWithSuggestion()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        var (code, _, error) = cli.Run("metrics", "--links", links, "-m", "betweeness", "--out", cli.Out);

        Assert.Equal(3, code);
        Assert.Contains("Did you mean 'betweenness'", error);
    }

    [Fact]
    public void BadWeight_ExitsTwoNamingFileLineAndColumn()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", "source,target,weight\na,b,1\nb,c,-3\n");

        var (code, _, error) = cli.Run("metrics", "--links", links, "-m", "degree", "--out", cli.Out);

        Assert.Equal(2, code);
        Assert.Contains("links.csv:3: column 'weight': value '-3'", error);
    }

    [Fact]
    public void Lenient_SkipsBadRowsAndWritesTheIssues()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", "source,target,weight\na,b,1\nb,c,-3\nc,a,1\n");

        var (code, _, error) = cli.Run("metrics", "--links", links, "-m", "degree", "--lenient", "--out", cli.Out);

        Assert.Equal(0, code);
        Assert.Contains("1 load issue(s)", error);
        var issues = cli.Read("out/load-issues.csv");
        Assert.Contains("-3", issues);
        Assert.Equal(1, Cell(cli.Read("out/nodes.csv"), "c", "degree"));
    }

    [Fact]
    public void WeightColumn_MustExist()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        var (code, _, error) = cli.Run("metrics", "--links", links, "-m", "strength", "--weight", "w", "--out", cli.Out);

        Assert.Equal(2, code);
        Assert.Contains("links.csv:1: column 'w'", error);
        Assert.Contains("source, target, weight, year", error);
    }

    [Fact]
    public void WeightColumn_ReadsAnotherColumn()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", "source,target,weight,amount\na,b,1,5\nb,c,1,7\n");

        Assert.Equal(0, cli.Run("metrics", "--links", links, "-m", "strength", "--weight", "amount", "--out", cli.Out).Code);

        Assert.Equal(12, Cell(cli.Read("out/nodes.csv"), "b", "strength"));
    }

    [Fact]
    public void FromTo_SlicesByYear()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        Assert.Equal(0, cli.Run("metrics", "--links", links, "-m", "degree", "--from", "2010", "--to", "2012", "--out", cli.Out).Code);

        Assert.Equal(0, Cell(cli.Read("out/nodes.csv"), "d", "degree")); // c-d is from 2015
        Assert.Equal(2, Cell(cli.Read("out/nodes.csv"), "c", "degree"));
    }

    [Fact]
    public void Json_WritesRowObjectsAndNullForNaN()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);

        Assert.Equal(0, cli.Run("metrics", "--links", links, "-m", "clustering,density", "--format", "json", "--out", cli.Out).Code);

        using var nodes = JsonDocument.Parse(cli.Read("out/nodes.json"));
        var c = nodes.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == "c");
        Assert.Equal(1.0 / 3, c.GetProperty("clustering").GetDouble(), 15);
        using var network = JsonDocument.Parse(cli.Read("out/network.json"));
        Assert.Equal("density", network.RootElement[0].GetProperty("metric").GetString());
    }

    [Theory]
    [InlineData(new[] { "metrics", "-m", "degree", "--out", "x" }, "Give exactly one of --links, --events or --graph.")]
    [InlineData(new[] { "metrics", "--links", "l.csv", "--out", "x" }, "Give at least one --metric")]
    [InlineData(new[] { "metrics", "--links", "l.csv", "-m", "degree" }, "Give an output folder with --out.")]
    [InlineData(new[] { "metrics", "--links", "l.csv", "-m", "degree", "--out", "x", "--format", "xml" }, "xml")]
    [InlineData(new[] { "metrics", "--links", "l.csv", "-m", "degree", "--out", "x", "--from", "2010" }, "--from and --to go together.")]
    [InlineData(new[] { "evolve", "--links", "l.csv", "-m", "density", "--out", "x", "--to", "2015" }, "--from and --to go together.")]
    [InlineData(new[] { "compare", "--links", "a.csv", "--links", "b.csv", "-m", "density", "--from", "2010" }, "--from and --to go together.")]
    [InlineData(new[] { "metrics", "--links", "l.csv", "-m", "degree", "--out", "x", "--threads", "0" }, "--threads is 0; give at least 1")]
    [InlineData(new[] { "compare", "--links", "a.csv", "--links", "b.csv", "-m", "density", "--threads", "-1" }, "--threads is -1; give at least 1")]
    public void UsageErrors_ExitOne(string[] args, string message)
    {
        using var cli = new CliRun();
        var (code, _, error) = cli.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Threads_OneAndTwo_SameFiles()
    {
        using var cli = new CliRun();
        var links = cli.File("l.csv", "source,target\n" + string.Join("\n", System.Linq.Enumerable.Range(0, 3000).Select(i => $"{i % 997},{(i % 997) + 1 + (i % 7)}")));

        var (c1, _, e1) = cli.Run("metrics", "--links", links, "-m", "degree,pagerank,density", "--threads", "1", "--out", Path.Combine(cli.Dir, "one"));
        var (c2, _, e2) = cli.Run("metrics", "--links", links, "-m", "degree,pagerank,density", "--threads", "2", "--out", Path.Combine(cli.Dir, "two"));

        Assert.True(c1 == 0, e1);
        Assert.True(c2 == 0, e2);
        Assert.Equal(cli.Read("one/nodes.csv"), cli.Read("two/nodes.csv"));
        Assert.Equal(cli.Read("one/network.csv"), cli.Read("two/network.csv"));
    }

    [Fact]
    public void MissingFile_ExitsThreeNamingIt()
    {
        using var cli = new CliRun();
        var (code, _, error) = cli.Run("metrics", "--links", Path.Combine(cli.Dir, "nope.csv"), "-m", "degree", "--out", cli.Out);

        Assert.Equal(3, code);
        Assert.Contains("nope.csv", error);
    }

    [Fact]
    public void Groups_FileReachesEveryMetricThatTakesGroups()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);
        var groups = cli.File("groups.csv", "id,group\na,x\nb,x\nc,y\n");
        var registry = MetricRegistry.CreateDefault([new GroupCountMetric()]);

        var (code, _, error) = cli.RunWith(registry, "metrics", "--links", links, "-m", "group-count", "--groups", groups, "--out", cli.Out);

        Assert.True(code == 0, error);
        Assert.Equal("metric,value\ngroup-count,2\ngroup-count.ungrouped,1\n", cli.Read("out/network.csv"));
    }

    [Fact]
    public void Groups_UnknownInnovator_ExitsTwo()
    {
        using var cli = new CliRun();
        var links = cli.File("links.csv", Links);
        var groups = cli.File("groups.csv", "id,group\na,x\nq,y\n");
        var registry = MetricRegistry.CreateDefault([new GroupCountMetric()]);

        var (code, _, error) = cli.RunWith(registry, "metrics", "--links", links, "-m", "group-count", "--groups", groups, "--out", cli.Out);

        Assert.Equal(2, code);
        Assert.Contains("'q'", error);
    }

    /// <summary>A custom metric with a <c>Groups</c> option, as the glocal metrics have.</summary>
    public sealed record GroupCountOptions
    {
        public InnovatorGroups? Groups { get; init; }
    }

    public sealed class GroupCountMetric : Metric<GroupCountOptions, ScalarResult>
    {
        public override string Id => "group-count";

        public override string Description => "Number of groups (test).";

        public override MetricScope Scope => MetricScope.Network;

        public override ScalarResult Compute(MetricContext context, GroupCountOptions options)
        {
            var g = InnovatorGroups.Resolve(context, options.Groups, null, "country");
            return new ScalarResult(Id, [new("value", g.Count), new("ungrouped", g.UngroupedCount)]);
        }
    }
}
