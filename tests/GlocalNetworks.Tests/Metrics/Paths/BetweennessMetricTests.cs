using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Paths;
using GlocalNetworks.Model;
using Xunit;
using static GlocalNetworks.Tests.Metrics.Paths.PathsTestGraphs;

namespace GlocalNetworks.Tests.Metrics.Paths;

/// <summary>A synchronous progress sink (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
internal sealed class CollectingProgress : IProgress<MetricProgress>
{
    private readonly List<MetricProgress> _reports = [];

    public List<MetricProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(MetricProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}

public sealed class BetweennessMetricTests
{
    private static NodeTable Run(GlocalNetwork net, BetweennessOptions? o = null, int? dop = null, ulong seed = DeterministicRandom.DefaultSeed) =>
        new BetweennessMetric().Compute(new MetricContext(net, seed, dop), o ?? new BetweennessOptions());

    [Fact]
    public void Defaults_AreNetworkx()
    {
        var o = new BetweennessOptions();

        Assert.True(o.Normalized);
        Assert.False(o.Weighted);
        Assert.False(o.Endpoints);
        Assert.Null(o.Samples);
        Assert.Null(o.Directed);
        Assert.Equal("betweenness", BetweennessMetric.MetricId);
        Assert.Contains(BuiltInMetrics.Create(), m => m.Id == "betweenness" && m.Scope == MetricScope.Node);
    }

    [Fact]
    public void PathGraph_ValuesByHand()
    {
        // P5: node i lies on the paths between its i left and 4 - i right neighbours: i(4 - i) unordered pairs.
        var net = Network(5, Path(5));

        var raw = Run(net, new BetweennessOptions { Normalized = false });
        var norm = Run(net);

        Assert.Equal(new[] { 0.0, 3, 4, 3, 0 }, raw.Column().ToArray());
        Assert.Equal(new[] { 0.0, 0.5, 4.0 / 6, 0.5, 0 }, norm.Column().ToArray()); // × 2/((n-1)(n-2)) = 1/6
    }

    [Fact]
    public void DirectedPath_UsesDirectedPathsAndDirectedNormalisation()
    {
        // 0→1→2→3: 1 carries (0,2), (0,3); 2 carries (0,3), (1,3). Normalised × 1/((n-1)(n-2)) = 1/6.
        var net = Network(4, Path(4), directed: true);

        var raw = Run(net, new BetweennessOptions { Normalized = false });
        var norm = Run(net);

        Assert.Equal(new[] { 0.0, 2, 2, 0 }, raw.Column().ToArray());
        Assert.Equal(new[] { 0.0, 2.0 / 6, 2.0 / 6, 0 }, norm.Column().ToArray());
        Assert.Equal("true", norm.Properties["directed"]);
        // The same links read as undirected: both directions of each pair, normalised × 2/((n-1)(n-2)).
        Assert.Equal(new[] { 0.0, 4.0 / 6, 4.0 / 6, 0 }, Run(net, new BetweennessOptions { Directed = false }).Column().ToArray());
    }

    [Fact]
    public void Star_CentreIsOne_LeavesZero()
    {
        var r = Run(Network(6, Star(5)));

        Assert.Equal(1.0, r["n0"], 15);
        Assert.All(Enumerable.Range(1, 5), i => Assert.Equal(0.0, r[Id(i)]));
    }

    [Fact]
    public void EmptyAndTinyNetworks_NoThrow()
    {
        var empty = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city").Build();
        Assert.Equal(0, Run(empty).Count);

        // n ≤ 2: no rescaling, every value 0 (networkx).
        Assert.Equal(new[] { 0.0, 0 }, Run(Network(2, [(0, 1, 1.0)])).Column().ToArray());
        Assert.Equal(new[] { 0.0 }, Run(Network(1, [])).Column().ToArray());
    }

    [Fact]
    public void Disconnected_CountsConnectedPairsOnly_IsolatesZero()
    {
        // P3 (0-1-2) + isolated 3 + edge 4-5: only 1 carries a pair; n = 6: 2/((5)(4)) = 0.1.
        var r = Run(Network(6, [(0, 1, 1.0), (1, 2, 1.0), (4, 5, 1.0)]));

        Assert.Equal(new[] { 0.0, 0.1, 0, 0, 0, 0 }, r.Column().ToArray());
    }

    [Fact]
    public void RandomGraphs_MatchNaiveReference()
    {
        foreach (var (directed, weighted, seed) in new[] { (false, false, 1UL), (true, false, 2UL), (false, true, 3UL), (true, true, 4UL) })
        {
            var edges = Gnp(40, 0.1, seed, directed, maxWeight: 3);
            var expected = NaiveBrandes(40, edges, directed, weighted);

            var actual = Run(Network(40, edges, directed), new BetweennessOptions { Normalized = false, Weighted = weighted });

            var halve = directed ? 1.0 : 0.5;
            for (var v = 0; v < 40; v++)
            {
                Assert.Equal(expected[v] * halve, actual[Id(v)], 1e-9);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HubGraph_TopDownAndBottomUpLevels_MatchNaiveReference(bool directed)
    {
        // Hubs make the middle BFS levels huge, so the sweep goes bottom-up there and top-down elsewhere.
        var (src, dst) = BarabasiAlbert(300, 2, 77);
        var edges = src.Select((x, i) => directed && i % 3 == 0 ? (dst[i], x, 1.0) : (x, dst[i], 1.0)).ToList();
        var expected = NaiveBrandes(300, edges, directed, weighted: false);

        var actual = Run(Network(300, edges, directed), new BetweennessOptions { Normalized = false });

        for (var v = 0; v < 300; v++)
        {
            Assert.Equal(expected[v] * (directed ? 1 : 0.5), actual[Id(v)], 1e-9);
        }
    }

    [Fact]
    public void Sampled_SeededDrawRecorded_ScaledAsNetworkx()
    {
        var edges = Gnp(60, 0.08, 5);
        var net = Network(60, edges);

        var r = Run(net, new BetweennessOptions { Samples = 10 }, seed: 7);
        var again = Run(net, new BetweennessOptions { Samples = 10 }, seed: 7);
        var other = Run(net, new BetweennessOptions { Samples = 10 }, seed: 8);

        Assert.Equal("true", r.Properties["sampled"]);
        Assert.Equal("7", r.Properties["seed"]);
        Assert.Equal("10", r.Properties["samples"]);
        Assert.Equal("10", r.Properties["sources"]);
        var ids = JsonSerializer.Deserialize<string[]>(r.Properties["sampled-sources"])!;
        Assert.Equal(10, ids.Distinct().Count());
        Assert.Equal(r.Column().ToArray(), again.Column().ToArray());
        Assert.NotEqual(r.Properties["sampled-sources"], other.Properties["sampled-sources"]);

        // networkx 3.6.1 _rescale (k sources, endpoints=False, normalised): sampled nodes × 1/((k-1)(n-2)), others × 1/(k(n-2)).
        var sources = ids.Select(id => int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var raw = NaiveBrandes(60, edges, directed: false, weighted: false, sources);
        for (var v = 0; v < 60; v++)
        {
            var scale = sources.Contains(v) ? 1.0 / (9 * 58) : 1.0 / (10 * 58);
            Assert.Equal(raw[v] * scale, r[Id(v)], 1e-12);
        }

        // Unnormalised: (n-1)/((k-1)·2) and (n-1)/(k·2).
        var u = Run(net, new BetweennessOptions { Samples = 10, Normalized = false }, seed: 7);
        for (var v = 0; v < 60; v++)
        {
            var scale = sources.Contains(v) ? 59.0 / (9 * 2) : 59.0 / (10 * 2);
            Assert.Equal(raw[v] * scale, u[Id(v)], 1e-10);
        }
    }

    [Fact]
    public void Sampled_OneSource_SourceIsNaN_AsNetworkx()
    {
        var r = Run(Network(6, Path(6)), new BetweennessOptions { Samples = 1 });
        var source = JsonSerializer.Deserialize<string[]>(r.Properties["sampled-sources"])!.Single();

        Assert.True(double.IsNaN(r[source]));
        Assert.All(r.Ids.Where(id => id != source), id => Assert.False(double.IsNaN(r[id])));
    }

    [Fact]
    public void Samples_AtLeastN_IsExact_AndBelowOneThrows()
    {
        var net = Network(30, Gnp(30, 0.15, 9));
        var exact = Run(net);

        Assert.Equal(exact.Column().ToArray(), Run(net, new BetweennessOptions { Samples = 30 }).Column().ToArray());
        Assert.Equal(exact.Column().ToArray(), Run(net, new BetweennessOptions { Samples = 1000 }).Column().ToArray());
        Assert.Equal("false", Run(net, new BetweennessOptions { Samples = 30 }).Properties["sampled"]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Run(net, new BetweennessOptions { Samples = 0 }));
        Assert.Contains("Metric 'betweenness' takes Samples >= 1 (or null for every source), not '0'.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(false, true, null)]
    [InlineData(true, false, null)]
    [InlineData(true, true, null)]
    [InlineData(false, false, 50)]
    public void Parallelism_OneVersusEight_BitIdentical(bool directed, bool weighted, int? samples)
    {
        var net = Network(400, Gnp(400, 0.02, 13, directed, maxWeight: 5), directed);
        var o = new BetweennessOptions { Weighted = weighted, Samples = samples };

        var one = Run(net, o, dop: 1).Column().ToArray();
        var eight = Run(net, o, dop: 8).Column().ToArray();

        Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), eight.Select(BitConverter.DoubleToInt64Bits));
        Assert.Contains(one, v => v > 0);
    }

    [Fact]
    public void Progress_ReportedSynchronously_EndsWithAllSources()
    {
        var sink = new CollectingProgress();
        var ctx = new MetricContext(Network(50, Gnp(50, 0.1, 3)), progress: sink);

        new BetweennessMetric().Compute(ctx, new BetweennessOptions());

        var reports = sink.Reports;
        Assert.NotEmpty(reports);
        Assert.All(reports, p => Assert.Equal("betweenness", p.MetricId));
        Assert.All(reports, p => Assert.Equal(50, p.Total));
        Assert.Contains(reports, p => p.Done == 50);
    }

    [Fact]
    public void Cancelled_BeforeStart_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var ctx = new MetricContext(Network(50, Gnp(50, 0.1, 3)), cancellationToken: cts.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => new BetweennessMetric().Compute(ctx, new BetweennessOptions()));
        Assert.ThrowsAny<OperationCanceledException>(() => new BetweennessMetric().Compute(ctx, new BetweennessOptions { Weighted = true }));
    }

    [Fact]
    public void Cancelled_DuringExactRunOn100kNodes_ThrowsWithinTwoSeconds()
    {
        var (src, dst) = BarabasiAlbert(100_000, 3, 2024);
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        for (var i = 0; i < 100_000; i++)
        {
            b.AddInnovator(Id(i), Id(i), InnovatorKind.Other, "R");
        }

        for (var i = 0; i < src.Length; i++)
        {
            b.AddLink(Id(src[i]), Id(dst[i]));
        }

        using var cts = new CancellationTokenSource();
        var ctx = new MetricContext(b.Build(), cancellationToken: cts.Token);
        ctx.Graph(GraphView.UndirectedUnweighted); // built before the clock starts: only Brandes is timed
        long cancelledAt = 0;
        using var reg = cts.Token.Register(() => Interlocked.Exchange(ref cancelledAt, Stopwatch.GetTimestamp()));

        cts.CancelAfter(TimeSpan.FromMilliseconds(200));
        Assert.ThrowsAny<OperationCanceledException>(() => new BetweennessMetric().Compute(ctx, new BetweennessOptions()));
        var after = Stopwatch.GetElapsedTime(Interlocked.Read(ref cancelledAt));

        Assert.True(after < TimeSpan.FromSeconds(2), $"OperationCanceledException came {after.TotalMilliseconds:F0} ms after cancellation.");
    }
}
