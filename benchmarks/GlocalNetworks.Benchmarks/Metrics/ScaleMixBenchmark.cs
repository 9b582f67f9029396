using System.Globalization;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// The link-list compositions of the glocal family (<c>scale-mix</c>, <c>glocality</c>, <c>triple-helix</c>) on the seeded
/// Barabasi-Albert graphs, placed on a synthetic default-ladder tree: 4 world regions × 5 countries × 4 provinces × 5
/// cities (400 cities); node v sits in city (v · 2654435761) mod 400 and has kind v mod 6. Each is one or a few passes over
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
        var b = GlocalNetwork.CreateBuilder().AddRegion("world", "world", "world");
        for (var w = 0; w < 4; w++)
        {
            var wr = "w" + w.ToString(CultureInfo.InvariantCulture);
            b.AddRegion(wr, wr, "world-region", "world");
            for (var c = 0; c < 5; c++)
            {
                var country = wr + "c" + c.ToString(CultureInfo.InvariantCulture);
                b.AddRegion(country, country, "country", wr);
                for (var p = 0; p < 4; p++)
                {
                    var province = country + "p" + p.ToString(CultureInfo.InvariantCulture);
                    b.AddRegion(province, province, "province", country);
                    for (var t = 0; t < 5; t++)
                    {
                        var city = province + "t" + t.ToString(CultureInfo.InvariantCulture);
                        b.AddRegion(city, city, "city", province);
                    }
                }
            }
        }

        for (var v = 0; v < n; v++)
        {
            var cell = (int)((ulong)v * 2654435761UL % 400);
            var city = string.Create(CultureInfo.InvariantCulture, $"w{cell / 100}c{cell / 20 % 5}p{cell / 5 % 4}t{cell % 5}");
            b.AddInnovator(v.ToString(CultureInfo.InvariantCulture), "n", (InnovatorKind)(v % 6), city);
        }

        for (var l = 0; l < src.Length; l++)
        {
            b.AddLink(src[l].ToString(CultureInfo.InvariantCulture), dst[l].ToString(CultureInfo.InvariantCulture), weight: 1 + (l % 3));
        }

        _net = b.Build();
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
