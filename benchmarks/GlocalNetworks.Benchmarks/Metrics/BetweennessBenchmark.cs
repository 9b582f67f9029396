using System;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// The Brandes kernel behind <c>betweenness</c> (unweighted, networkx defaults) on the seeded Barabasi-Albert graphs:
/// exact on ba-10k (10,000 nodes, 49,985 links; igraph 0.10.2 takes ~9.5 s single-threaded, see
/// /work/shared/baseline/README.md) and 2,000 seeded sources on ba-100k (100,000 nodes, 499,985 links; DESIGN §0's
/// side-by-side protocol: extrapolate × 50 for the exact figure). <see cref="Threads"/> is the degree of parallelism;
/// the result is the same at any value.
/// </summary>
[MemoryDiagnoser]
public class BetweennessBenchmark
{
    private CsrGraph _small = null!;
    private CsrGraph _large = null!;
    private int[] _sources = [];

    /// <summary>The degree of parallelism.</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup(Target = nameof(Exact10k))]
    public void SetupSmall() => _small = Load("50k");

    [GlobalSetup(Target = nameof(Sampled2000On100k))]
    public void SetupLarge()
    {
        _large = Load("500k");
        // 2,000 distinct sources drawn as the metric draws them (seed 42, betweenness stream 1), in index order.
        var all = new int[_large.NodeCount];
        for (var v = 0; v < all.Length; v++)
        {
            all[v] = v;
        }

        var rng = new DeterministicRandom(DeterministicRandom.DefaultSeed, 1);
        rng.Shuffle(all.AsSpan());
        _sources = all.AsSpan(0, 2000).ToArray();
        Array.Sort(_sources);
    }

    /// <summary>Exact betweenness of every node of ba-10k: 10,000 BFS and backward sweeps.</summary>
    [Benchmark(Baseline = true)]
    public double[] Exact10k() => Brandes.Accumulate(_small, null, weighted: false, endpoints: false, Threads);

    /// <summary>2,000 seeded sources on ba-100k.</summary>
    [Benchmark]
    public double[] Sampled2000On100k() => Brandes.Accumulate(_large, _sources, weighted: false, endpoints: false, Threads);

    private static CsrGraph Load(string links)
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf(links));
        return CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Ignore);
    }
}
