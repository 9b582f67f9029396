using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using GlocalNetworks.Comparison;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Cli.Tests;

public sealed class CompareCommandTests
{
    // Two networks over the same five innovators: A a ring with a chord, B a star and one ring edge.
    private const string LinksA = "source,target,weight,year,kind\na,b,1,2010,co-patent\nb,c,2,2011,co-patent\nc,d,1,2012,joint-project\nd,e,3,2015,joint-project\ne,a,1,2016,joint-project\na,c,1,2016,co-patent\n";
    private const string LinksB = "source,target,weight\na,b,1\na,c,1\na,d,2\na,e,1\nc,d,1\n";

    private static string[] Line(string csv, string first) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith(first + ",", StringComparison.Ordinal)).Split(',');

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void TwoFiles_WriteComparisonAndPairwise_WithTheLibrarysValues()
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);
        var b = cli.File("b.csv", LinksB);

        var (code, output, error) = cli.Run("compare", "--links", a, "--links", b, "--name", "A", "--name", "B", "-m", "density,qap",
            "--set", "qap.permutations=200", "--seed", "3", "--no-summary", "--out", cli.Out);

        Assert.True(code == 0, error);
        Assert.Contains(Path.Combine(cli.Out, "comparison.csv"), output);
        Assert.Contains(Path.Combine(cli.Out, "pairwise.csv"), output);
        var comparison = cli.Read("out/comparison.csv");
        Assert.StartsWith("metric,A,B\n", comparison);
        var expected = GlocalNetwork.Compare(("A", GlocalCsv.Load(a).Network), ("B", GlocalCsv.Load(b).Network)).WithoutGlocalSummary().WithSeed(3)
            .Compute("density").Compute("qap", new QapMetricOptions { Permutations = 200 }).Run();
        var density = Line(comparison, "density");
        Assert.Equal(expected["density", "A"], D(density[1]), 15);
        Assert.Equal(expected["density", "B"], D(density[2]), 15);
        var pairwise = cli.Read("out/pairwise.csv");
        Assert.StartsWith("metric,pair,statistic,estimate,observed,pgreq,pleeq,p-upper,p-lower,p-two,nodes,permutations,seed\n", pairwise);
        var qap = Line(pairwise, "qap");
        var p = expected.Pairwise[0];
        Assert.Equal(["qap", "A vs B", "correlation"], qap[..3]);
        Assert.Equal(p.Observed, D(qap[4]), 15);
        Assert.Equal(p.PGreaterOrEqual, D(qap[5]), 15);
        Assert.Equal(["5", "200", "3"], qap[10..]);
        Assert.Contains("A vs B", output);   // the Spectre tables on standard output
        Assert.Contains("density", output);
    }

    [Fact]
    public void SplitByKind_TwoParts_SummaryIncluded_Json()
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);

        var (code, _, error) = cli.Run("compare", "--links", a, "--split-by", "kind", "-m", "density,mrqap", "--set", "mrqap.permutations=20",
            "--format", "json", "--out", cli.Out);

        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(cli.Read("out/comparison.json"));
        var density = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("metric").GetString() == "density");
        Assert.Equal(3 / 10.0, density.GetProperty("CoPatent").GetDouble(), 15);
        Assert.Equal(3 / 10.0, density.GetProperty("JointProject").GetDouble(), 15);
        Assert.Contains(doc.RootElement.EnumerateArray(), e => e.GetProperty("metric").GetString()!.StartsWith("scale-mix.", StringComparison.Ordinal));
        using var pairs = JsonDocument.Parse(cli.Read("out/pairwise.json"));
        Assert.Equal(["(intercept)", "JointProject"], pairs.RootElement.EnumerateArray().Select(e => e.GetProperty("statistic").GetString()));
        Assert.All(pairs.RootElement.EnumerateArray(), e => Assert.Equal("CoPatent ~ JointProject", e.GetProperty("pair").GetString()));
    }

    [Fact]
    public void SplitByYear_Periods()
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);

        var (code, _, error) = cli.Run("compare", "--links", a, "--split-by", "year:2012,2016", "-m", "density", "--no-summary", "--out", cli.Out);

        Assert.True(code == 0, error);
        Assert.StartsWith("metric,..2011,2012-2015,2016..\ndensity,0.2,0.2,0.2\n", cli.Read("out/comparison.csv"));
    }

    [Fact]
    public void OneNetworkOnly_ExitsTwoWithAClearMessage()
    {
        using var cli = new CliRun();
        var b = cli.File("b.csv", LinksB);

        var (code, _, error) = cli.Run("compare", "--links", b, "-m", "density", "--out", cli.Out);
        Assert.Equal(2, code);
        Assert.Equal("error: compare needs two or more networks; one --links file gives one network. Give another --links or a --split-by that yields two or more parts.",
            error.Trim());

        (code, _, error) = cli.Run("compare", "--links", b, "--split-by", "kind", "-m", "density");
        Assert.Equal(2, code);
        Assert.Contains("--split-by kind gave 1 network ('Other')", error);
    }

    [Fact]
    public void UnknownMetric_SuggestsComparisonIds()
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);
        var b = cli.File("b.csv", LinksB);

        var (code, _, error) = cli.Run("compare", "--links", a, "--links", b, "-m", "qa");

        Assert.Equal(3, code);
        Assert.Contains("'qa'", error);
        Assert.Contains("'qap'", error);
    }

    [Theory]
    [InlineData("--split-by", "colour", 3, "is not a split; use kind, year")]
    [InlineData("--split-by", "year:2015,2012", 3, "'2012' is not a year after the previous one")]
    [InlineData("--name", "only-one", 1, "Give one --name per --links")]
    public void BadOptions_PreciseErrors(string option, string value, int expectedCode, string message)
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);
        var b = cli.File("b.csv", LinksB);
        var args = option == "--split-by"
            ? new[] { "compare", "--links", a, option, value, "-m", "density" }
            : new[] { "compare", "--links", a, "--links", b, option, value, "-m", "density" };

        var (code, _, error) = cli.Run(args);

        Assert.Equal(expectedCode, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void MissingFile_ExitsThree()
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);

        var (code, _, error) = cli.Run("compare", "--links", a, "--links", Path.Combine(cli.Dir, "nope.csv"), "-m", "density");

        Assert.Equal(3, code);
        Assert.Contains("nope.csv' does not exist", error);
    }

    [Fact]
    public void MetricsCommand_ComparisonId_PointsToCompare()
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);

        var (code, _, error) = cli.Run("metrics", "--links", a, "-m", "qap", "--out", cli.Out);

        Assert.Equal(3, code);
        Assert.Contains("Metric 'qap' compares networks; use 'glocal compare'", error);
    }

    [Fact]
    public void MetricsList_MarksComparisonStatistics()
    {
        using var cli = new CliRun();

        var (code, output, _) = cli.Run("metrics", "--list");

        Assert.Equal(0, code);
        var qap = output.Split('\n').Single(l => l.Contains(" qap ", StringComparison.Ordinal));
        Assert.Contains("comparison", qap);
    }

    [Fact]
    public void SetGroupsFromFile_ReachesBrokerage()
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);
        var groups = cli.File("groups.csv", "id,group\na,x\nb,x\nc,y\nd,y\ne,z\n");

        var (code, _, error) = cli.Run("metrics", "--links", a, "-m", "brokerage", "--set", "brokerage.groups=@" + groups, "--out", cli.Out);
        var (code2, _, _) = cli.Run("metrics", "--links", a, "-m", "brokerage", "--groups", groups, "--out", Path.Combine(cli.Dir, "out2"));

        Assert.True(code == 0, error);
        Assert.Equal(0, code2);
        Assert.Equal(cli.Read("out2/nodes.csv"), cli.Read("out/nodes.csv"));
    }
}
