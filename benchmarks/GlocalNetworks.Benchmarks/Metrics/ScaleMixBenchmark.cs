using BenchmarkDotNet.Attributes;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// The link-list compositions of the glocal family (<c>scale-mix</c>, <c>glocality</c>, <c>triple-helix</c>) on the seeded
/// Barabasi-Albert graphs, placed on a synthetic default-ladder tree (<see cref="SyntheticWorld"/>: 400 cities; node v
/// sits in city (v · 2654435761) mod 400 and has kind v mod 6). Each is one or a few passes over
/// the link arrays, O(m); a fresh context per call, so the region partition is rebuilt each time.
/// </summary>
[MemoryDiagnoser]
public class ScaleMixBenchmark
{
    private GlocalNetwork _net = null!;

    /// <summary>The number of links: 50k (ba-10k), 500k (ba-100k), 1m (first million links of ba-1m).</summary>
    [Params("50k", "500k", "1m")]
    public string Links { get; set; } = "500k";

    [GlobalSetup]
    public void Setup()
    {
        var (src, dst, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        _net = SyntheticWorld.Build(src, dst, n);
    }

    /// <summary><c>scale-mix</c> with its default groupings: network, provinces, innovator kinds, link kinds.</summary>
    [Benchmark(Baseline = true)]
    public ScaleMixResult ScaleMixDefault() => new ScaleMixMetric().Compute(new MetricContext(_net), new ScaleMixOptions());

    /// <summary><c>scale-mix</c> with every grouping, the per-innovator table included.</summary>
    [Benchmark]
    public ScaleMixResult ScaleMixAll() =>
        new ScaleMixMetric().Compute(new MetricContext(_net), new ScaleMixOptions { Groupings = ScaleMixGroupings.All });

    /// <summary><c>glocality</c>, weighted.</summary>
    [Benchmark]
    public NodeTable Glocality() => new GlocalityMetric().Compute(new MetricContext(_net), new GlocalityOptions());

    /// <summary><c>triple-helix</c>.</summary>
    [Benchmark]
    public TripleHelixResult TripleHelix() => new TripleHelixMetric().Compute(new MetricContext(_net), new TripleHelixOptions());
}
