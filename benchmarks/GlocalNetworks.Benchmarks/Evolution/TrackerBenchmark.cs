using BenchmarkDotNet.Attributes;
using GlocalNetworks.Evolution;
using GlocalNetworks.Model;

namespace GlocalNetworks.Benchmarks.Evolution;

/// <summary>
/// Issue 5's speed target: five metrics over 20 yearly slices of a seeded Barabasi-Albert network on the synthetic tree
/// (<see cref="SyntheticWorld"/>). Link l of m starts in year 2000 + ⌊20 l / m⌋ (the graph grows over time, as BA does) and
/// every third link lives three years (end year = start + 2), so slices carry links over. Each invocation uses a fresh
/// builder: every slice is built once, and each slice's CSR once, whatever the number of metrics.
/// </summary>
[MemoryDiagnoser]
public class TrackerBenchmark
{
    private GlocalNetwork _net = null!;

    /// <summary>The number of links: 500k (ba-100k), 1m (first million links of ba-1m).</summary>
    [Params("500k", "1m")]
    public string Links { get; set; } = "1m";

    [GlobalSetup]
    public void Setup()
    {
        var (src, dst, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        var m = src.Length;
        _net = SyntheticWorld.Build(src, dst, n, l => 2000 + (int)(20L * l / m), l => l % 3 == 0 ? 2002 + (int)(20L * l / m) : null);
    }

    /// <summary>Slicing alone: lifetimes expanded, 20 yearly slices built.</summary>
    [Benchmark]
    public int Slice()
    {
        var links = 0;
        foreach (var s in new TimeSlicer(_net).Yearly(2000, 2019))
        {
            links += s.LinkCount;
        }

        return links;
    }

    /// <summary>density, degree, pagerank, core-number and scale-mix on 20 yearly slices.</summary>
    [Benchmark(Baseline = true)]
    public TrajectorySet TrackFive() =>
        _net.Evolve().Yearly().Between(2000, 2019).Track("density", "degree", "pagerank", "core-number", "scale-mix").Run();

    /// <summary>Churn between the 20 yearly slices (identities, transitions, survival).</summary>
    [Benchmark]
    public ChurnResult Churn() => _net.Evolve().Yearly().Between(2000, 2019).Churn();
}
