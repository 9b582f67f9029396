using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using FsCheck.Xunit;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Paths;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>A custom node metric for the tests: the number of innovators in the network it runs on.</summary>
public sealed class NetworkSizeMetric : Metric<NetworkSizeOptions, NodeTable>
{
    public override string Id => "network-size";

    public override string Description => "Number of innovators of the (sub)network, for every innovator.";

    public override MetricScope Scope => MetricScope.Node;

    public override NodeTable Compute(MetricContext context, NetworkSizeOptions options)
    {
        var n = context.Network.Innovators.Count;
        var values = new double[n];
        Array.Fill(values, n * options.Factor);
        return new NodeTable(Id, context.InnovatorIds, values);
    }
}

/// <summary>Options of <see cref="NetworkSizeMetric"/>.</summary>
public sealed record NetworkSizeOptions
{
    public double Factor { get; init; } = 1;
}

public class MultiLevelAnalysisTests
{
    [Fact]
    public void Run_StarAcrossProvinceAndCountry_DegreeWithinEachRegionAndAmongRegions()
    {
        var r = RegionFlowsTests.Star().Analyze().AcrossLevels("province", "country").Compute("degree", "strength").Run();

        var within = r.WithinRegions;
        Assert.Equal(["degree@province", "strength@province", "degree@country", "strength@country"], within.Columns);
        Assert.Equal(2.0, within["c", "degree@province"]);      // a1, a2 are its Bavarian partners
        Assert.Equal(3.0, within["c", "strength@province"]);    // 1 + 2
        Assert.Equal(0.0, within["b1", "degree@province"]);     // Saxony's three leaves are not linked among themselves
        Assert.Equal(5.0, within["c", "degree@country"]);       // all six are in DE
        Assert.Equal(10.5, within["c", "strength@country"]);

        var provinces = r.RegionNetwork("PROVINCE");
        Assert.Equal("province", provinces.Level);
        Assert.Equal(["Bavaria", "Saxony"], provinces.Ids);
        Assert.Equal(1.0, provinces["Bavaria", "degree"]);
        Assert.Equal(7.5, provinces["Saxony", "strength"]);     // 3 + 4 + 0.5
        Assert.Equal(["DE"], r.RegionNetwork("country").Ids);
        Assert.Equal(0.0, r.RegionNetwork("country")["DE", "degree"]);
        Assert.Equal(["province", "country"], r.Levels);
    }

    [Fact]
    public void Run_InnovatorsWithoutRegionAtTheLevel_AreNaNAndCounted()
    {
        var r = TinyNetworks.Mixed().Analyze().AcrossLevels("province").Compute("degree").Run();

        Assert.True(double.IsNaN(r.WithinRegions["de", "degree@province"]));
        Assert.True(double.IsNaN(r.WithinRegions["p1", "degree@province"]));
        Assert.Equal(2.0, r.WithinRegions["m1", "degree@province"]);   // m2, n1 (d1 is in Saxony)
        Assert.Equal("3", r.WithinRegions.Properties["ungrouped@province"]);
        Assert.Equal("2", r.WithinRegions.Properties["regions@province"]);
    }

    [Fact]
    public void Run_DirectedMetricColumns_GetMetricDotColumnAtLevel()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("m", "M", InnovatorKind.Firm, "Munich")
            .AddInnovator("n", "N", InnovatorKind.Firm, "Nuremberg")
            .AddLink("m", "n", LinkKind.Citation, directed: true)
            .Build();

        var r = net.Analyze().AcrossLevels("province").Compute("degree").WithinRegionsOnly().Run();

        Assert.Equal(["degree@province", "degree.in@province", "degree.out@province"], r.WithinRegions.Columns);
        Assert.Equal(1.0, r.WithinRegions["n", "degree.in@province"]);
        Assert.Throws<KeyNotFoundException>(() => r.RegionNetwork("province"));
    }

    [Fact]
    public void Run_CustomMetric_RunsOnEverySubnetworkAndRegionNetwork()
    {
        var registry = MetricRegistry.CreateDefault([new NetworkSizeMetric()]);
        var r = RegionFlowsTests.Star().Analyze().Using(registry).AcrossLevels("province")
            .Compute("network-size", new NetworkSizeOptions { Factor = 10 }).Run();

        Assert.Equal(30.0, r.WithinRegions["a2", "network-size@province"]);   // Bavaria holds 3 innovators
        Assert.Equal(30.0, r.WithinRegions["b3", "network-size@province"]);   // Saxony holds 3
        Assert.Equal(20.0, r.RegionNetwork("province")["Saxony", "network-size"]);   // two regions
    }

    [Fact]
    public void Run_BetweennessWithinRegions_EqualsBetweennessOnTheExtractedRegions()
    {
        var net = RegionFlowsTests.LargeRandom(5, directed: false);
        var r = net.Analyze().AcrossLevels("city").Compute("betweenness").WithinRegionsOnly().Run();

        foreach (var city in new[] { "Munich", "Tokyo" })
        {
            var sub = net.Region(city).Induced();
            var expected = (NodeTable)new BetweennessMetric().Compute(new MetricContext(sub), new BetweennessOptions());
            foreach (var id in expected.Ids)
            {
                Assert.Equal(expected[id], r.WithinRegions[id, "betweenness@city"]);
            }
        }
    }

    [Fact]
    public void Run_OneAndEightThreads_BitIdentical()
    {
        var net = RegionFlowsTests.LargeRandom(9, directed: false);
        MultiLevelResult Run(int threads) => net.Analyze().WithMaxDegreeOfParallelism(threads)
            .AcrossLevels("city", "country").Compute("pagerank", "betweenness", "clustering").Run();

        var one = Run(1);
        var eight = Run(8);
        foreach (var (name, part) in one.Parts)
        {
            var a = (KeyedTable)part;
            var b = (KeyedTable)eight.Part(name);
            Assert.Equal(a.Ids, b.Ids);
            Assert.Equal(a.Columns, b.Columns);
            foreach (var c in a.Columns)
            {
                Assert.Equal(a.Column(c).ToArray().Select(BitConverter.DoubleToInt64Bits), b.Column(c).ToArray().Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    [Fact]
    public void Run_NetworkMetric_RejectedBeforeAnythingRuns()
    {
        var ex = Assert.Throws<ArgumentException>(() => RegionFlowsTests.Star().Analyze().AcrossLevels("province").Compute("degree", "density").Run());
        Assert.Contains("'density'", ex.Message);
        Assert.Throws<UnknownMetricException>(() => RegionFlowsTests.Star().Analyze().AcrossLevels("province").Compute("betweeness").Run());
        Assert.Throws<UnknownRegionLevelException>(() => RegionFlowsTests.Star().Analyze().AcrossLevels("nuts2"));
        Assert.Throws<ArgumentException>(() => RegionFlowsTests.Star().Analyze().AcrossLevels("province").Run());
    }

    [Fact]
    public void Run_ReportsProgressPerRegionEndingAtTheTotal()
    {
        var reports = new List<MetricProgress>();
        var progress = new SyncProgress(p => { lock (reports) { reports.Add(p); } });
        RegionFlowsTests.Star().Analyze().WithProgress(progress).AcrossLevels("city", "province").Compute("degree").WithinRegionsOnly().Run();

        // 3 cities (Munich, Nuremberg, Dresden) + 2 provinces: 5 of 5 is always reported (regions may finish in any order).
        var final = Assert.Single(reports, p => p.Done == 5);
        Assert.Equal(MultiLevelAnalysis.ResultId, final.MetricId);
        Assert.Equal(5L, final.Total);
        Assert.Equal("within province", final.Stage);
        Assert.All(reports, p => Assert.InRange(p.Done, 1, 5));
    }

    [Fact]
    public void Run_OtherAnalyzerGivingANonNodeResult_ThrowsNamingTheMetric()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            MultiLevelAnalysis.Run(RegionFlowsTests.Star(), new PassThroughAnalyzer(), new AnalysisRequest { Metrics = [new MetricRequest("density")] },
                new MultiLevelRequest { Levels = ["province"] }));
        Assert.Contains("'density'", ex.Message);
    }

    [Fact]
    public void Run_WithANullModel_ThrowsBecauseSignificanceRunsOnTheWholeNetwork()
    {
        var builder = RegionFlowsTests.Star().Analyze().Against(GlocalNetworks.NullModels.NullModel.DegreePreserving).AcrossLevels("province").Compute("degree");

        Assert.Throws<InvalidOperationException>(() => builder.Run());
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            RegionFlowsTests.LargeRandom(2, directed: false).Analyze().WithCancellation(cts.Token).AcrossLevels("city").Compute("degree").Run());
    }

    [Fact]
    public async System.Threading.Tasks.Task RunAsync_TimeRange_SlicesFirst()
    {
        // Mixed: within Bavaria m1–m2 (2012) and m1–n1 (2010); 2011..2020 keeps m1–m2 only.
        var r = await TinyNetworks.Mixed().Analyze().Between(2011, 2020).AcrossLevels("province").Compute("degree").WithinRegionsOnly().RunAsync();

        Assert.Equal(1.0, r.WithinRegions["m1", "degree@province"]);
        Assert.Equal(0.0, r.WithinRegions["n1", "degree@province"]);
    }

    [Fact]
    public void WriteCsv_NodesAndOneRegionFilePerLevel()
    {
        var r = RegionFlowsTests.Star().Analyze().AcrossLevels("province", "country").Compute("degree").Run();
        var dir = Path.Combine(Path.GetTempPath(), "glocal-across-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = r.WriteCsv(dir).Select(p => Path.GetFileName(p)).ToList();

            Assert.Equal(["across-levels-nodes.csv", "across-levels-regions-province.csv", "across-levels-regions-country.csv"], files);
            Assert.StartsWith("id,degree@province,degree@country\nc,2,5\n", File.ReadAllText(Path.Combine(dir, files[0]!)));
            Assert.Equal("region,degree\nBavaria,1\nSaxony,1\n", File.ReadAllText(Path.Combine(dir, files[1]!)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Property(MaxTest = 60)]
    public bool WithinRegions_EqualsTheMetricOnEachRegionsInducedSubnetwork(int seed, bool province)
    {
        var net = RandomNetworks.Build(RandomNetworks.Network(seed));
        var level = province ? "province" : "country";
        var r = net.Analyze().AcrossLevels(level).Compute("degree", "harmonic").WithinRegionsOnly().Run().WithinRegions;
        var at = net.RegionIndicesAt(level);
        for (var i = 0; i < net.Innovators.Count; i++)
        {
            var id = net.Innovators.IdOf(i);
            if (at[i] < 0)
            {
                if (!double.IsNaN(r[id, "degree@" + level]))
                {
                    return false;
                }

                continue;
            }

            var sub = net.Region(net.Regions[at[i]].Id).Induced();
            var result = sub.Analyze().Compute("degree", "harmonic").Run();
            if (!Same(((NodeTable)result["degree"])[id], r[id, "degree@" + level]) || !Same(((NodeTable)result["harmonic"])[id], r[id, "harmonic@" + level]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(double a, double b) => a.Equals(b);

    /// <summary>An <see cref="IAnalyzer"/> that is not <see cref="Analyzer"/>: ids are only checked when it runs.</summary>
    private sealed class PassThroughAnalyzer : IAnalyzer
    {
        private readonly Analyzer _inner = new(MetricRegistry.CreateDefault());

        public AnalysisResult Run(GlocalNetwork network, AnalysisRequest request, CancellationToken cancellationToken = default) =>
            _inner.Run(network, request, cancellationToken);
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<MetricProgress> report) : IProgress<MetricProgress>
    {
        public void Report(MetricProgress value) => report(value);
    }
}
