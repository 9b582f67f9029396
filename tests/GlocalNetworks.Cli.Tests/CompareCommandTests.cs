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

    // Two project years: 2014 has one three-partner project, 2015 two projects sharing partner c.
    private const string Events2014 = "event,innovator\np1,a\np1,b\np1,c\n";
    private const string Events2015 = "event,innovator\nq1,a\nq1,c\nq2,c\nq2,d\nq2,e\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EventFiles_ProjectedPerNetwork_AsTheLibraryProjectsThem(bool fractional)
    {
        using var cli = new CliRun();
        var e1 = cli.File("e2014.csv", Events2014);
        var e2 = cli.File("e2015.csv", Events2015);
        var args = new System.Collections.Generic.List<string> { "compare", "--events", e1, "--events", e2, "-m", "density,strength", "--no-summary", "--out", cli.Out };
        if (fractional)
        {
            args.Add("--fractional");
        }

        var (code, output, error) = cli.Run([.. args]);

        Assert.True(code == 0, error);
        Assert.Contains("comparing 2 networks (e2014, e2015)", error);
        var projection = GlocalNetworks.IO.Events.EventProjectionOptions.Default with
        {
            Counting = fractional ? GlocalNetworks.IO.Events.ParticipationCounting.Fractional : GlocalNetworks.IO.Events.ParticipationCounting.Full,
        };
        var n1 = GlocalCsv.LoadEvents(CsvInput.FromFile(e1), projection: projection).Network;
        var n2 = GlocalCsv.LoadEvents(CsvInput.FromFile(e2), projection: projection).Network;
        var expected = GlocalNetwork.Compare(("e2014", n1), ("e2015", n2)).WithoutGlocalSummary().Compute("density").Compute("strength").Run();
        var comparison = cli.Read("out/comparison.csv");
        var density = Line(comparison, "density");
        Assert.Equal(1.0, D(density[1]), 15);          // a triangle
        Assert.Equal(expected["density", "e2015"], D(density[2]), 15);
        Assert.Equal(4 / 6.0, D(density[2]), 15);      // a-c plus the c-d-e triangle over the four innovators of 2015's file
        foreach (var line in comparison.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            var cells = line.Split(',');
            Assert.Equal(expected[cells[0], "e2014"], D(cells[1]), 15);
            Assert.Equal(expected[cells[0], "e2015"], D(cells[2]), 15);
        }
    }

    [Fact]
    public void WeightColumn_AppliesToEveryLinksFile()
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", "source,target,amount\na,b,2\nb,c,5\n");
        var b = cli.File("b.csv", "source,target,amount\na,b,1\na,c,3\n");

        var (code, _, error) = cli.Run("compare", "--links", a, "--links", b, "--weight", "amount", "-m", "strength", "--no-summary", "--out", cli.Out);

        Assert.True(code == 0, error);
        var comparison = cli.Read("out/comparison.csv");
        var schema = CsvSchema.Default with { Links = CsvSchema.Default.Links with { Weight = "amount" } };
        var expected = GlocalNetwork.Compare(
                ("a", GlocalCsv.Load(CsvInput.FromFile(a), schema: schema).Network),
                ("b", GlocalCsv.Load(CsvInput.FromFile(b), schema: schema).Network))
            .WithoutGlocalSummary().Compute("strength").Run();
        var rows = comparison.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(rows.Length > 1);
        foreach (var line in rows.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Equal(expected[cells[0], "a"], D(cells[1]), 15);
            Assert.Equal(expected[cells[0], "b"], D(cells[2]), 15);
        }

        Assert.Equal("strength.mean", rows[1].Split(',')[0]);
        Assert.Equal((2 + 7 + 5) / 3.0, D(rows[1].Split(',')[1]), 15);   // a.csv by 'amount': a 2, b 2 + 5, c 5
    }

    [Theory]
    [InlineData(new[] { "compare", "-m", "density" }, "Give either --links or --events")]
    [InlineData(new[] { "compare", "--links", "A", "--events", "E", "-m", "density" }, "Give either --links or --events")]
    [InlineData(new[] { "compare", "--events", "E", "--events", "E", "--weight", "w", "-m", "density" }, "--weight names a links column")]
    [InlineData(new[] { "compare", "--links", "A", "--links", "A", "--fractional", "-m", "density" }, "--fractional applies to --events")]
    [InlineData(new[] { "compare", "--links", "A", "--links", "A", "--weight", "w", "--unweighted", "-m", "density" }, "--weight and --unweighted exclude each other")]
    [InlineData(new[] { "compare", "--events", "E", "--events", "E", "--split-by", "kind", "-m", "density" }, "--split-by splits one network: give one --events")]
    public void EventAndWeightOptions_ConflictsAreUsageErrors(string[] template, string message)
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);
        var e = cli.File("e.csv", Events2014);
        var args = template.Select(t => t switch { "A" => a, "E" => e, _ => t }).ToArray();

        var (code, _, error) = cli.Run(args);

        Assert.Equal(1, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public void WeightColumnMissing_NamesTheFileAndColumns()
    {
        using var cli = new CliRun();
        var a = cli.File("a.csv", LinksA);
        var b = cli.File("b.csv", LinksB);

        var (code, _, error) = cli.Run("compare", "--links", a, "--links", b, "--weight", "amount", "-m", "density");

        Assert.Equal(2, code);   // a data error
        Assert.Contains("a.csv:1: column 'amount'", error);
        Assert.Contains("is not a column of the links file (--weight)", error);
    }
}
