using System;
using System.IO;
using System.Text.Json;
using GlocalNetworks.Comparison;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GlocalNetworks.Tests.Comparison;

/// <summary><c>qap</c> and <c>mrqap</c> as comparison statistics in the registry and in <c>GlocalNetwork.Compare(...)</c>.</summary>
public sealed class ComparisonMetricTests
{
    private const double Shift = 10;

    private static readonly Lazy<JsonElement> Fixture = new(() =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "r", "qap.json"))).RootElement.Clone());

    private static Matrix<double> Mat(string name)
    {
        var rows = Fixture.Value.GetProperty("matrices").GetProperty(name);
        var n = rows.GetArrayLength();
        return Matrix<double>.Build.Dense(n, n, (i, j) => rows[i][j].GetDouble());
    }

    // A network whose weighted adjacency is m + Shift off the diagonal (weights must be > 0; Pearson ignores the shift).
    private static GlocalNetwork FromMatrix(Matrix<double> m, bool directed)
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("r", "R", "city");
        for (var i = 0; i < m.RowCount; i++)
        {
            b.AddInnovator("n" + i, "N" + i, InnovatorKind.Firm, "r");
        }

        for (var i = 0; i < m.RowCount; i++)
        {
            for (var j = 0; j < (directed ? m.RowCount : i); j++)
            {
                if (i != j)
                {
                    b.AddLink("n" + i, "n" + j, weight: m[i, j] + Shift, directed: directed);
                }
            }
        }

        return b.Build();
    }

    private static Matrix<double> Shifted(Matrix<double> m) => m.Map(v => v + Shift);

    private static double FixtureObserved(string key) => Fixture.Value.GetProperty("qap").GetProperty(key).GetProperty("observed").GetDouble();

    [Fact]
    public void Registry_ResolvesComparisonMetricsAndSuggestsThem()
    {
        var registry = MetricRegistry.CreateDefault();

        Assert.True(registry.TryGetComparison("qap", out var qap));
        Assert.IsType<QapMetric>(qap);
        Assert.True(registry.TryGetComparison("mrqap", out _));
        Assert.False(registry.TryGet("qap", out _));
        Assert.Contains("qap", registry.Suggest("qa"));
        var e = Assert.Throws<UnknownMetricException>(() => registry.Get("qa"));
        Assert.Contains("qap", e.Suggestions);
        Assert.Contains(registry.ComparisonMetrics, m => m.Id == "mrqap");
    }

    [Fact]
    public void Registry_IdTakenByAMetric_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new MetricRegistry(BuiltInMetrics.Create(), [new Renamed("degree")]));
        Assert.Contains("'degree' is registered twice", e.Message);
    }

    [Fact]
    public void AnalyzeCompute_Qap_ThrowsAndPointsToCompare()
    {
        var net = FromMatrix(Mat("undirected_x1"), directed: false);

        var e = Assert.Throws<ArgumentException>(() => net.Analyze().Compute("qap").Run());

        Assert.StartsWith("Metric 'qap' compares networks; use GlocalNetwork.Compare(...).Compute(\"qap\").", e.Message);
    }

    [Theory]
    [InlineData("directed", "directed_x", "directed_y", true)]
    [InlineData("undirected", "undirected_x1", "undirected_y", false)]
    public void CompareComputeQap_EqualsQapCorrelationOnTheSameMatrices(string key, string x, string y, bool directed)
    {
        var mx = Mat(x);
        var my = Mat(y);
        var options = new QapMetricOptions { Permutations = 500 };

        var table = GlocalNetwork.Compare(("x", FromMatrix(mx, directed)), ("y", FromMatrix(my, directed)))
            .WithoutGlocalSummary().Compute("qap", options).Compute("density").WithSeed(9).Run();

        var row = Assert.Single(table.Pairwise);
        var mode = directed ? DyadMode.Directed : DyadMode.Undirected;
        var expected = Qap.Correlation(Shifted(mx), Shifted(my), new QapOptions { Permutations = 500, Seed = 9, Mode = mode });
        Assert.Equal("x vs y", row.Pair);
        Assert.Equal("correlation", row.Statistic);
        Assert.Equal(FixtureObserved(key), row.Observed, 1e-10);
        Assert.Equal(expected.Observed, row.Observed, 1e-12);
        Assert.Equal(expected.PGreaterOrEqual, row.PGreaterOrEqual);
        Assert.Equal(expected.PLessOrEqual, row.PLessOrEqual);
        Assert.Equal(expected.PUpper, row.PUpper);
        Assert.Equal(expected.PTwoSided, row.PTwoSided);
        Assert.Equal((9UL, 500, 20), (row.Seed, row.Permutations, row.Nodes));
        Assert.Equal(mode, table.Comparison("qap").Detail<QapResult>("x vs y").Mode);
        Assert.True(table.HasRow("density"));
    }

    [Fact]
    public void CompareComputeMrqap_FirstNetworkIsDependent_EqualsQapMrqap()
    {
        var y = Mat("undirected_y");
        var x1 = Mat("undirected_x1");
        var options = new MrqapMetricOptions { Permutations = 200, Seed = 5 };

        var table = GlocalNetwork.Compare(("y", FromMatrix(y, false)), ("x1", FromMatrix(x1, false)))
            .WithoutGlocalSummary().Compute("mrqap", options).Run();

        var expected = Qap.Mrqap(Shifted(y), [Shifted(x1)], new MrqapOptions { Permutations = 200, Seed = 5, Mode = DyadMode.Undirected });
        Assert.Equal(2, table.Pairwise.Count);
        Assert.Equal(["(intercept)", "x1"], [table.Pairwise[0].Statistic, table.Pairwise[1].Statistic]);
        Assert.Equal("y ~ x1", table.Pairwise[1].Pair);
        Assert.Equal(expected.Coefficients[1], table.Pairwise[1].Estimate, 1e-9);
        Assert.Equal(expected.T[1], table.Pairwise[1].Observed, 1e-9);
        Assert.Equal(expected.PGreaterOrEqual[1], table.Pairwise[1].PGreaterOrEqual);
        Assert.Equal(expected.PAbs[1], table.Pairwise[1].PTwoSided);
        Assert.Equal(5UL, table.Pairwise[1].Seed);
    }

    [Fact]
    public void CompareComputeQap_SameSeed_SameResult_OtherSeed_OtherDistribution()
    {
        var a = FromMatrix(Mat("directed_x"), true);
        var b = FromMatrix(Mat("directed_y"), true);
        QapResult Run(ulong seed) => GlocalNetwork.Compare(("a", a), ("b", b)).WithoutGlocalSummary().Compute("qap", new QapMetricOptions { Permutations = 100 })
            .WithSeed(seed).Run().Comparison("qap").Detail<QapResult>("a vs b");

        var first = Run(3);
        var again = Run(3);
        var other = Run(4);

        Assert.Equal(first.Distribution.ToArray(), again.Distribution.ToArray());
        Assert.NotEqual(first.Distribution.ToArray(), other.Distribution.ToArray());
        Assert.Equal(3UL, first.Seed);
    }

    [Fact]
    public void CompareComputeQap_ThreeNetworks_EveryPairInOrder_CsvHasTheColumns()
    {
        var net = ComparisonTests.Six();
        var table = net.SplitBy(NetworkSplit.ByLinks(("all", (_, _) => true), ("patents", (_, l) => l.Kind == LinkKind.CoPatent), ("projects", (_, l) => l.Kind == LinkKind.JointProject)))
            .WithoutGlocalSummary().Compute("qap", new QapMetricOptions { Permutations = 50 }).Run();

        Assert.Equal(["all vs patents", "all vs projects", "patents vs projects"], [table.Pairwise[0].Pair, table.Pairwise[1].Pair, table.Pairwise[2].Pair]);
        Assert.All(table.Pairwise, p => Assert.Equal(6, p.Nodes));
        var csv = table.ToPairwiseCsv().Split('\n');
        Assert.Equal("metric,pair,statistic,estimate,observed,pgreq,pleeq,p-upper,p-lower,p-two,nodes,permutations,seed", csv[0]);
        Assert.StartsWith("qap,all vs patents,correlation,", csv[1]);
        Assert.EndsWith(",6,50,42", csv[1]);
        var md = table.ToMarkdown();
        Assert.Contains("| metric | pair | statistic | estimate | observed | pgreq | pleeq | p-two | nodes | permutations |", md);
        Assert.Contains("| qap | patents vs projects | correlation |", md);
    }

    [Fact]
    public void CompareComputeQapAndMrqap_ReportProgressInChunks_EndingDone()
    {
        var reports = new System.Collections.Concurrent.ConcurrentQueue<MetricProgress>();
        var net = ComparisonTests.Six();

        net.SplitBy(NetworkSplit.ByLinkKind).WithoutGlocalSummary().WithProgress(new Recorder(reports))
            .Compute("qap", new QapMetricOptions { Permutations = 100 }).Compute("mrqap", new MrqapMetricOptions { Permutations = 100 }).Run();

        Assert.Contains(reports, r => r == new MetricProgress("qap", 64, 64));
        Assert.Contains(reports, r => r == new MetricProgress("mrqap", 128, 128));   // intercept and one covariate
        Assert.All(reports, r => Assert.InRange(r.Done, 1, r.Total));
    }

    [Fact]
    public void CompareComputeQap_RegionFlows_AlignsOnSharedRegions()
    {
        var net = ComparisonTests.Six();
        var table = net.SplitBy(NetworkSplit.ByLinkKind).WithoutGlocalSummary()
            .Compute("qap", new QapMetricOptions { Permutations = 20, Matrix = ComparisonMatrix.RegionFlows, Level = "country" }).Run();

        var row = Assert.Single(table.Pairwise);
        Assert.Equal(4, row.Nodes);   // DE, FR, JP, IT: the countries holding innovators
        Assert.False(double.IsNaN(row.Observed));
    }

    [Fact]
    public void CompareComputeQap_OneNetwork_ThrowsClearly()
    {
        var e = Assert.Throws<ArgumentException>(() => GlocalNetwork.Compare(("only", ComparisonTests.Six())).Compute("qap").Run());
        Assert.Equal("Metric 'qap' compares two or more networks; the comparison has 1 ('only').", e.Message);
    }

    [Fact]
    public void CompareCompute_UnknownId_SuggestsComparisonIds()
    {
        var e = Assert.Throws<UnknownMetricException>(() => GlocalNetwork.Compare(("a", ComparisonTests.Six()), ("b", ComparisonTests.Six())).Compute("mrqa").Run());
        Assert.Contains("mrqap", e.Suggestions);
    }

    [Fact]
    public void AddGlocalNetworks_RegistersComparisonMetrics_AndACustomOne()
    {
        using var sp = new ServiceCollection().AddGlocalNetworks(b => b.AddComparisonMetric<LinkCountDifference>()).BuildServiceProvider();
        var registry = sp.GetRequiredService<IMetricRegistry>();

        Assert.True(registry.TryGetComparison("qap", out _));
        Assert.True(registry.TryGetComparison("link-count-difference", out _));
        var net = ComparisonTests.Six();
        var table = net.SplitBy(NetworkSplit.ByLinkKind).WithoutGlocalSummary().Using(registry).Compute("link-count-difference").Run();
        var row = Assert.Single(table.Pairwise);
        Assert.Equal(("CoPatent vs JointProject", 0.0), (row.Pair, row.Observed));
    }

    private sealed class Renamed(string id) : ComparisonMetric<QapMetricOptions>
    {
        public override string Id => id;

        public override string Description => "test";

        public override ComparisonMetricResult Compute(ComparisonContext context, QapMetricOptions options) => new(Id, []);
    }

    private sealed record NoOptions;

    private sealed class Recorder(System.Collections.Concurrent.ConcurrentQueue<MetricProgress> reports) : IProgress<MetricProgress>
    {
        public void Report(MetricProgress value) => reports.Enqueue(value);
    }

    private sealed class LinkCountDifference : ComparisonMetric<NoOptions>
    {
        public override string Id => "link-count-difference";

        public override string Description => "Links of the first network minus links of the second.";

        public override ComparisonMetricResult Compute(ComparisonContext context, NoOptions options)
        {
            double d = context.Networks[0].Links.Count - context.Networks[1].Links.Count;
            return new(Id, [new PairwiseStatistic(Id, context.Names[0] + " vs " + context.Names[1], "difference", d, d, double.NaN, double.NaN,
                double.NaN, double.NaN, double.NaN, 0, 0, context.Seed)]);
        }
    }
}
