using System;
using System.Linq;
using System.Threading;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Paths;
using GlocalNetworks.Model;
using Xunit;
using static GlocalNetworks.Tests.Metrics.Paths.PathsTestGraphs;

namespace GlocalNetworks.Tests.Metrics.Paths;

public sealed class ClosenessHarmonicMetricTests
{
    private static NodeTable Closeness(GlocalNetwork net, ClosenessOptions? o = null, int? dop = null) =>
        new ClosenessMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: dop), o ?? new ClosenessOptions());

    private static NodeTable Harmonic(GlocalNetwork net, HarmonicOptions? o = null, int? dop = null) =>
        new HarmonicMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: dop), o ?? new HarmonicOptions());

    [Fact]
    public void Defaults_AreNetworkx()
    {
        Assert.True(new ClosenessOptions().WfImproved);
        Assert.False(new ClosenessOptions().Weighted);
        Assert.Null(new ClosenessOptions().Directed);
        Assert.False(new HarmonicOptions().Weighted);
        Assert.Null(new HarmonicOptions().Directed);
        Assert.Contains(BuiltInMetrics.Create(), m => m.Id == "closeness");
        Assert.Contains(BuiltInMetrics.Create(), m => m.Id == "harmonic");
    }

    [Fact]
    public void PathGraph_ValuesByHand()
    {
        // P5: distance sums 10, 7, 6, 7, 10 → closeness 4/Σ; harmonic 1 + 1/2 + 1/3 + 1/4 = 25/12 at the ends, 1 + 1 + 1/2 + 1/3 = 17/6 next, 1 + 1 + 1/2 + 1/2 = 3 in the middle.
        var net = Network(5, Path(5));

        Assert.Equal(new[] { 0.4, 4.0 / 7, 4.0 / 6, 4.0 / 7, 0.4 }, Closeness(net).Column().ToArray());
        var h = Harmonic(net).Column().ToArray();
        Assert.Equal(new[] { 25.0 / 12, 17.0 / 6, 3, 17.0 / 6, 25.0 / 12 }, h, (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Directed_UsesIncomingDistances()
    {
        // 0→1→2: who reaches u. Closeness (r-1)/Σd · (r-1)/(n-1): 0: nobody → 0; 1: 1/1 · 1/2; 2: 2/3 · 2/2. Harmonic 0, 1, 1.5.
        var net = Network(3, Path(3), directed: true);

        Assert.Equal(new[] { 0.0, 0.5, 2.0 / 3 }, Closeness(net).Column().ToArray());
        Assert.Equal(new[] { 0.0, 1.0, 1.5 }, Harmonic(net).Column().ToArray());
        Assert.Equal("incoming", Closeness(net).Properties["distances"]);
    }

    [Fact]
    public void Disconnected_WfScalesBySharedReach_IsolatedZero()
    {
        // Edge 0-1 and isolated 2 (n = 3): 0 reaches 1 at distance 1: closeness 1/1 · 1/2 = 0.5, without WF 1.
        var net = Network(3, [(0, 1, 1.0)]);

        Assert.Equal(new[] { 0.5, 0.5, 0 }, Closeness(net).Column().ToArray());
        Assert.Equal(new[] { 1.0, 1.0, 0 }, Closeness(net, new ClosenessOptions { WfImproved = false }).Column().ToArray());
        Assert.Equal(new[] { 1.0, 1.0, 0 }, Harmonic(net).Column().ToArray());
    }

    [Fact]
    public void EmptyAndSingle_NoThrow()
    {
        var empty = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city").Build();

        Assert.Equal(0, Closeness(empty).Count);
        Assert.Equal(0, Harmonic(empty).Count);
        Assert.Equal(new[] { 0.0 }, Closeness(Network(1, [])).Column().ToArray());
        Assert.Equal(new[] { 0.0 }, Harmonic(Network(1, [])).Column().ToArray());
    }

    [Fact]
    public void Weighted_DistancesAreWeights()
    {
        // 0 -2- 1 -3- 2: from 1: 2 + 3 = 5 → closeness 2/5; harmonic 1/2 + 1/3.
        var net = Network(3, [(0, 1, 2.0), (1, 2, 3.0)]);

        Assert.Equal(0.4, Closeness(net, new ClosenessOptions { Weighted = true })["n1"], 15);
        Assert.Equal((1.0 / 2) + (1.0 / 3), Harmonic(net, new HarmonicOptions { Weighted = true })["n1"], 15);
        Assert.Equal(1.0, Closeness(net)["n1"]);
    }

    [Fact]
    public void SharedPass_ClosenessAndHarmonic_ComputeItOnce()
    {
        var sink = new CollectingProgress();
        var ctx = new MetricContext(Network(60, Gnp(60, 0.08, 2)), progress: sink);

        new ClosenessMetric().Compute(ctx, new ClosenessOptions());
        new HarmonicMetric().Compute(ctx, new HarmonicOptions());
        new DiameterMetric().Compute(ctx, new DiameterOptions { Disconnected = DisconnectedPolicy.LargestComponent });

        // The all-sources pass reported its completion once (under the metric that ran it first).
        Assert.Equal(1, sink.Reports.Count(p => p.Done == p.Total));
        Assert.Equal("closeness", sink.Reports.Single(p => p.Done == p.Total).MetricId);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Parallelism_OneVersusEight_BitIdentical(bool directed, bool weighted)
    {
        var net = Network(300, Gnp(300, 0.02, 17, directed, maxWeight: 4), directed);

        foreach (var (a, b) in new[]
        {
            (Closeness(net, new ClosenessOptions { Weighted = weighted }, 1), Closeness(net, new ClosenessOptions { Weighted = weighted }, 8)),
            (Harmonic(net, new HarmonicOptions { Weighted = weighted }, 1), Harmonic(net, new HarmonicOptions { Weighted = weighted }, 8)),
        })
        {
            Assert.Equal(a.Column().ToArray().Select(BitConverter.DoubleToInt64Bits), b.Column().ToArray().Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var ctx = new MetricContext(Network(30, Gnp(30, 0.1, 1)), cancellationToken: cts.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => new ClosenessMetric().Compute(ctx, new ClosenessOptions()));
        Assert.ThrowsAny<OperationCanceledException>(() => new HarmonicMetric().Compute(ctx, new HarmonicOptions { Weighted = true }));
    }

    [Fact]
    public void IndexedHeap_PopsInKeyOrder_WithDecreaseKey()
    {
        using var heap = new IndexedHeap(100);
        var rng = new DeterministicRandom(1);
        var keys = new double[100];
        for (var v = 0; v < 100; v++)
        {
            keys[v] = rng.NextDouble();
            heap.InsertOrDecrease(v, keys[v]);
        }

        for (var v = 0; v < 100; v += 3)
        {
            keys[v] /= 2;
            heap.InsertOrDecrease(v, keys[v]);
            heap.InsertOrDecrease(v, keys[v] + 1); // a larger key changes nothing
        }

        var last = double.NegativeInfinity;
        var seen = 0;
        while (heap.Count > 0)
        {
            var v = heap.Pop(out var k);
            Assert.Equal(keys[v], k);
            Assert.True(k >= last);
            Assert.False(heap.Contains(v));
            last = k;
            seen++;
        }

        Assert.Equal(100, seen);
        Assert.Throws<InvalidOperationException>(() => heap.Pop(out _));
    }
}
