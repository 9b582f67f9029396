using BenchmarkDotNet.Attributes;
using GlocalNetworks.Evolution;
using GlocalNetworks.Model;

namespace GlocalNetworks.Benchmarks.Evolution;

/// <summary>
/// The mechanisms of link formation over 20 yearly slices of the network of <see cref="TrackerBenchmark"/> (seeded
/// Barabasi-Albert links on the synthetic tree, link l of m starting in 2000 + ⌊20 l / m⌋, every third living three years):
/// preferential attachment (19 pairs, cumulative snapshots) and triadic closure with homophily (19 pairs).
/// </summary>
[MemoryDiagnoser]
public class FormationBenchmark
{
    private GlocalNetwork _net = null!;

    /// <summary>The number of links: 1m (first million links of ba-1m).</summary>
    [Params("1m")]
    public string Links { get; set; } = "1m";

    [GlobalSetup]
    public void Setup()
    {
        var (src, dst, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        var m = src.Length;
        _net = SyntheticWorld.Build(src, dst, n, l => 2000 + (int)(20L * l / m), l => l % 3 == 0 ? 2002 + (int)(20L * l / m) : null);
    }

    /// <summary>Jeong and Newman counts and fits for 19 consecutive pairs, pooled.</summary>
    [Benchmark]
    public AttachmentResult Attachment() => _net.Evolve().Yearly().Between(2000, 2019).Attachment();

    /// <summary>Triadic closure and homophily (region, kind, organiser) for 19 consecutive pairs.</summary>
    [Benchmark]
    public FormationResult Formation() => _net.Evolve().Yearly().Between(2000, 2019).Formation();
}
