using System.Globalization;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Glocal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// <c>distance-decay</c> on the seeded Barabasi-Albert graphs with every innovator at a seeded uniform point of the globe:
/// exact pair counts on ba-10k (10,000 innovators: 49,995,000 haversine distances in 64 fixed chunks) and seeded sampling
/// (K = 10⁷ pairs) on ba-100k. <see cref="Threads"/> is the degree of parallelism; the result is the same at any value.
/// </summary>
[MemoryDiagnoser]
public class DistanceDecayBenchmark
{
    private GlocalNetwork _small = null!;
    private GlocalNetwork _large = null!;

    /// <summary>The degree of parallelism.</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup(Target = nameof(Exact10k))]
    public void SetupSmall() => _small = Load("50k");

    [GlobalSetup(Target = nameof(Sampled100k))]
    public void SetupLarge() => _large = Load("500k");

    /// <summary>Exact P_b over all pairs of ba-10k.</summary>
    [Benchmark(Baseline = true)]
    public DistanceDecayResult Exact10k() =>
        new DistanceDecayMetric().Compute(new MetricContext(_small, maxDegreeOfParallelism: Threads), new DistanceDecayOptions());

    /// <summary>10⁷ sampled pairs on ba-100k.</summary>
    [Benchmark]
    public DistanceDecayResult Sampled100k() =>
        new DistanceDecayMetric().Compute(new MetricContext(_large, maxDegreeOfParallelism: Threads), new DistanceDecayOptions());

    private static GlocalNetwork Load(string links)
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf(links));
        var rng = new DeterministicRandom(DeterministicRandom.DefaultSeed, 7);
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        for (var i = 0; i < n; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            b.AddInnovator(id, id, InnovatorKind.Firm, "R", new GeoPoint((rng.NextDouble() * 180) - 90, (rng.NextDouble() * 360) - 180));
        }

        for (var k = 0; k < s.Length; k++)
        {
            b.AddLink(s[k].ToString(CultureInfo.InvariantCulture), t[k].ToString(CultureInfo.InvariantCulture));
        }

        return b.Build();
    }
}
