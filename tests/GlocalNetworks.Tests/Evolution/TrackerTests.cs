using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Paths;
using GlocalNetworks.Tests.Metrics;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

public sealed class TrackerTests
{
    private sealed class Collect : IProgress<MetricProgress>
    {
        public List<MetricProgress> Items { get; } = [];

        public void Report(MetricProgress value)
        {
            lock (Items)
            {
                Items.Add(value);
            }
        }
    }

    [Fact]
    public void Run_HandNetwork_DensityDegreeAndScaleMixByYear()
    {
        var t = EvolutionNetworks.Hand().Evolve().Yearly().Track("density", "degree", "scale-mix").Run();

        // 5 innovators in every slice (slices keep every innovator): density = m / C(5,2) = m / 10.
        Assert.Equal([0.1, 0.1, 0.3, 0.2, 0.2], t.GetSeries("density").Values.ToArray());
        Assert.Equal([1.0, 1, 3, 2, 2], t.GetSeries("scale-mix.links").Values.ToArray());
        // 2016: a-b Local, b-e National (LCA DE), c-d Global (Paris-Tokyo).
        Assert.Equal(1.0 / 3, t.GetSeries("scale-mix.count-share.global")[2], 15);
        Assert.Equal(1.0 / 3, t.GetSeries("scale-mix.count-share.local")[2], 15);
        var degree = t.GetPanel("degree");
        Assert.Equal(MetricScope.Node, degree.Scope);
        Assert.Equal([0.0, 1, 2, 2, 1], degree.Row("b").ToArray());
        Assert.Equal([1.0, 1, 1, 1, 2], degree.Row("a").ToArray());
        // Composite parts other than the network carry their part name; regions at the default level (province).
        var regions = t.GetPanel("scale-mix.regions.links");
        Assert.Equal(MetricScope.Region, regions.Scope);
        Assert.Equal("province", regions.Level);
        Assert.Equal([1.0, 1, 2, 2, 2], regions.Row("Bavaria").ToArray()); // a-c; a-b (inside, once); + b-e in 2016, 2017; + a-d in 2018
        Assert.Contains(t.Panels, p => p.Name == "scale-mix.link-kinds.links" && p.Scope == MetricScope.Group);
        Assert.Empty(t.Issues);
        Assert.Equal(42UL, t.Seed);
        Assert.Equal(["density", "degree", "scale-mix"], t.MetricIds);
    }

    [Fact]
    public void Run_IgnoringLifetimes_EqualsAnalyzeBetweenEachYear()
    {
        for (var seed = 1; seed <= 5; seed++)
        {
            var net = EvolutionNetworks.Random(seed);
            var t = net.Evolve().IgnoringLifetimes().Yearly().Between(2010, 2016).Track("density", "degree", "betweenness", "scale-mix").Run();
            for (var y = 2010; y <= 2016; y++)
            {
                var a = net.Analyze().Between(y, y).Compute("density", "degree", "betweenness", "scale-mix").Run();
                var s = y - 2010;
                Assert.Equal(((ScalarResult)a["density"]).Value, t.GetSeries("density")[s]);
                var deg = (NodeTable)a["degree"];
                var bc = (NodeTable)a["betweenness"];
                foreach (var id in deg.Ids)
                {
                    Assert.Equal(deg[id], t.GetPanel("degree")[id, s]);
                    Assert.Equal(bc[id], t.GetPanel("betweenness")[id, s]);
                }

                var mix = ((ScaleMixResult)a["scale-mix"]).Network!;
                for (var i = 0; i < mix.Columns.Count; i++)
                {
                    var v = t.GetSeries(mix.QualifiedName(i))[s];
                    Assert.True(mix.Values[i].Equals(v), $"{mix.QualifiedName(i)} in {y}: {mix.Values[i]} vs {v}");
                }
            }
        }
    }

    [Fact]
    public void Run_WithLifetimes_EqualsAnalyzeOnEachSlice()
    {
        var net = EvolutionNetworks.Random(11);
        var t = net.Evolve().Windows(2, 1).Track("density", "pagerank").Run();

        Assert.NotEmpty(t.Slices);
        for (var s = 0; s < t.Slices.Count; s++)
        {
            var a = t.Slices[s].Network.Analyze().Compute("density", "pagerank").Run();
            Assert.Equal(((ScalarResult)a["density"]).Value, t.GetSeries("density")[s]);
            var pr = (NodeTable)a["pagerank"];
            foreach (var id in pr.Ids)
            {
                Assert.Equal(pr[id], t.GetPanel("pagerank")[id, s]);
            }
        }
    }

    [Fact]
    public void Run_CustomMetricThroughRegistry_IsTracked()
    {
        var registry = MetricRegistry.CreateDefault([new ForeignShareMetric()]);

        var t = EvolutionNetworks.Hand().Evolve(registry).Yearly().Track("foreign-share", "density").Run();

        // 2016: a's links: a-b (same country DE) → 0; b: a-b (DE), b-e (DE) → 0; c: c-d (FR-JP) → 1.
        var p = t.GetPanel("foreign-share");
        Assert.Equal(0.0, p["a", 2]);
        Assert.Equal(1.0, p["c", 2]);
        Assert.True(double.IsNaN(p["c", 1])); // c has no link in 2015
        Assert.Equal(1.0, p["a", 0]); // 2014: a-c, DE-FR
        Assert.Throws<UnknownMetricException>(() => EvolutionNetworks.Hand().Evolve().Track("foreign-share").Run());
    }

    private sealed class CountingAnalyzer(IAnalyzer inner) : IAnalyzer
    {
        public int Calls;

        public AnalysisResult Run(GlocalNetworks.Model.GlocalNetwork network, AnalysisRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            return inner.Run(network, request, cancellationToken);
        }
    }

    [Fact]
    public async Task Using_CustomAnalyzer_RunsEachMetricThroughIt_WithTheSameValues()
    {
        var registry = MetricRegistry.CreateDefault([new ForeignShareMetric()]);
        var counting = new CountingAnalyzer(new Analyzer(registry));
        var net = EvolutionNetworks.Hand();

        var viaAnalyzer = await net.Evolve().Track("foreign-share", "density").Using(counting).RunAsync();
        var viaRegistry = net.Evolve().Track("foreign-share", "density").Using(new Analyzer(registry)).Run();

        Assert.Equal(2 * 5, counting.Calls); // one call per metric and slice
        Assert.Equal(viaRegistry.ToTidyCsv(), viaAnalyzer.ToTidyCsv());
    }

    [Fact]
    public void Run_TypedHandleWithOptions_UsesThem()
    {
        var t = EvolutionNetworks.Hand().Evolve()
            .Track(StandardMetrics.ScaleMix, o => o with { Groupings = ScaleMixGroupings.Network | ScaleMixGroupings.Innovators })
            .Track(StandardMetrics.Degree, o => o with { Normalized = true })
            .Run();

        Assert.Contains(t.Panels, p => p.Name == "scale-mix.innovators.links");
        Assert.DoesNotContain(t.Panels, p => p.Name.StartsWith("scale-mix.regions", StringComparison.Ordinal));
        Assert.Equal(0.5, t.GetPanel("degree")["b", 2]); // degree 2 / (n - 1) = 2 / 4
    }

    [Fact]
    public void Run_DisconnectedSlice_RecordsNaNAndIssue_AndGoesOn()
    {
        var t = EvolutionNetworks.Hand().Evolve().Yearly().Track("diameter", "density").Run();

        // Every yearly slice keeps all 5 innovators and so is disconnected: diameter is undefined everywhere.
        Assert.All(t.GetSeries("density").Values.ToArray(), v => Assert.False(double.IsNaN(v)));
        Assert.Equal(5, t.Issues.Count);
        Assert.All(t.Issues, i => Assert.Equal(nameof(DisconnectedGraphException), i.ErrorType));
        Assert.Equal("2014", t.Issues[0].Slice);
        Assert.Equal("diameter", t.Issues[0].MetricId);
        Assert.Contains("needs a connected network", t.Issues[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(t.Series, s => s.Name == "diameter");

        var largest = EvolutionNetworks.Hand().Evolve().Yearly()
            .Track(StandardMetrics.Diameter, o => o with { Disconnected = DisconnectedPolicy.LargestComponent }).Run();
        Assert.Empty(largest.Issues);
        Assert.Equal(2.0, largest.GetSeries("diameter")[2]); // 2016: a-b-e path (c-d is a separate pair)
    }

    [Fact]
    public void Run_ParallelAndSequential_AreIdentical()
    {
        var net = EvolutionNetworks.Random(5);
        string Csv(int dop, int slices) => net.Evolve().Windows(3, 1)
            .Track("betweenness", "pagerank", "scale-mix", "louvain", "density")
            .WithMaxDegreeOfParallelism(dop).WithSliceParallelism(slices).WithSeed(7).Run().ToTidyCsv();

        var one = Csv(1, 1);
        Assert.Equal(one, Csv(8, 8));
        Assert.Equal(one, Csv(8, 3));
        Assert.Equal(one, net.Evolve().Windows(3, 1).Track("betweenness", "pagerank", "scale-mix", "louvain", "density").WithSeed(7).Run().ToTidyCsv());
    }

    [Fact]
    public void Run_Twice_ReusesEachSlicesGraphs()
    {
        var b = EvolutionNetworks.Hand().Evolve().Yearly().Track("degree", "betweenness", "pagerank");
        b.Run();
        var slices = b.Slices();
        var graphs = slices.Select(s => s.Graphs.Values.Select(l => l.Value).ToArray()).ToArray();

        var again = b.Track("density").Run();

        Assert.All(graphs, g => Assert.NotEmpty(g));
        for (var s = 0; s < slices.Count; s++)
        {
            Assert.Same(slices[s], again.Slices[s]);
            Assert.Equal(graphs[s], slices[s].Graphs.Values.Select(l => l.Value).ToArray()); // same instances, none added twice
        }
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var b = EvolutionNetworks.Random(3).Evolve().Track("betweenness").WithCancellation(cts.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => b.WithSliceParallelism(1).Run());
        Assert.ThrowsAny<OperationCanceledException>(() => b.WithSliceParallelism(4).Run());
        Assert.ThrowsAny<OperationCanceledException>(() => b.Churn());
    }

    [Fact]
    public void Run_ReportsOneProgressPerSlice_AndValidatesBeforeRunning()
    {
        var progress = new Collect();
        EvolutionNetworks.Hand().Evolve().Track("density").WithProgress(progress).WithSliceParallelism(1).Run();

        Assert.Equal(5, progress.Items.Count);
        Assert.All(progress.Items, p => Assert.Equal("evolution", p.MetricId));
        Assert.Equal(["2014", "2015", "2016", "2017", "2018"], progress.Items.Select(p => p.Stage));
        Assert.Equal(5, progress.Items[^1].Done);

        var bad = new Collect();
        Assert.Throws<UnknownMetricException>(() => EvolutionNetworks.Hand().Evolve().Track("density", "densty").WithProgress(bad).Run());
        Assert.Empty(bad.Items);
        Assert.Throws<ArgumentException>(() => EvolutionNetworks.Hand().Evolve().Track("density", "density").Run());
        Assert.Throws<ArgumentException>(() => EvolutionNetworks.Hand().Evolve().Track("density", new ScaleMixOptions()).Run());
    }

    [Fact]
    public void WriteTidyCsv_LongFormat()
    {
        var t = EvolutionNetworks.Hand().Evolve().Windows(2, 2).Track("density", "degree").Run();

        var lines = t.ToTidyCsv().Split('\n');

        Assert.Equal("slice,from,to,metric,id,value", lines[0]);
        Assert.Equal("2014-2015,2014,2015,density,,0.2", lines[1]); // a-c, a-b
        Assert.Equal("2016-2017,2016,2017,density,,0.3", lines[2]); // a-b, b-e, c-d
        Assert.Equal("2014-2015,2014,2015,degree,a,2", lines[3]);
        Assert.Equal("2014-2015,2014,2015,degree,b,1", lines[4]);
        Assert.Equal(1 + 2 + (2 * 5) + 1, lines.Length); // header, 2 density rows, 2 × 5 degree rows, trailing empty
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void WriteCsv_WritesTidyWideAndIssues()
    {
        var t = EvolutionNetworks.Hand().Evolve().Yearly().Track("density", "diameter").Run();
        var dir = Path.Combine(Path.GetTempPath(), "glocal-evolution-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = t.WriteCsv(dir);

            Assert.Equal(["trajectories.csv", "series.csv", "trajectory-issues.csv"], files.Select(Path.GetFileName));
            var wide = File.ReadAllLines(Path.Combine(dir, "series.csv"));
            Assert.Equal(["slice,from,to,density", "2014,2014,2014,0.1", "2015,2015,2015,0.1", "2016,2016,2016,0.3", "2017,2017,2017,0.2", "2018,2018,2018,0.2"], wide);
            var issues = File.ReadAllLines(Path.Combine(dir, "trajectory-issues.csv"));
            Assert.Equal("slice,metric,error,message", issues[0]);
            Assert.StartsWith("2014,diameter,DisconnectedGraphException,", issues[1], StringComparison.Ordinal);
            Assert.Contains("| density | 0.1 | 0.1 | 0.3 | 0.2 | 0.2 |", t.ToMarkdown(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
