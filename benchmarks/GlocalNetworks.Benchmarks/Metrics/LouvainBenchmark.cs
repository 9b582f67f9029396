using System;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// Louvain (networkx's algorithm, seed 42, with and without pruning) and Leiden (modularity, igraph's default 2 iterations)
/// on the seeded Barabasi-Albert graphs,
/// unweighted and undirected: 50k links (ba-10k.csv, 10,000 nodes) and 500k links (ba-100k.csv, 100,000 nodes). igraph 0.10.2's
/// <c>community_multilevel</c> takes about 0.36 s and 28 s on them, reaching modularity 0.2858 and 0.2453
/// (/work/shared/baseline/README.md). Each benchmark returns the modularity reached.
/// </summary>
[MemoryDiagnoser]
public class LouvainBenchmark
{
    private CsrGraph _graph = null!;

    /// <summary>The number of links: 50k (10,000 nodes) or 500k (100,000 nodes).</summary>
    [Params("50k", "500k")]
    public string Links { get; set; } = "500k";

    [GlobalSetup]
    public void Setup()
    {
        var (sources, targets, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        _graph = CsrGraph.Build(sources, targets, ReadOnlySpan<double>.Empty, n, directed: false);
    }

    /// <summary>Louvain to the last level, pruned passes (the default).</summary>
    [Benchmark(Baseline = true)]
    public double Louvain() => GlocalNetworks.Kernels.Louvain.Run(_graph, seed: DeterministicRandom.DefaultSeed).Modularity;

    /// <summary>Louvain visiting every node in every pass, exactly as networkx.</summary>
    [Benchmark]
    public double LouvainWithoutPruning() => GlocalNetworks.Kernels.Louvain.Run(_graph, seed: DeterministicRandom.DefaultSeed, pruning: false).Modularity;

    /// <summary>Leiden optimising modularity, two iterations (igraph's default; iterating until stable takes hundreds on these
    /// structureless graphs).</summary>
    [Benchmark]
    public double Leiden() => GlocalNetworks.Kernels.Leiden.Run(_graph, iterations: 2, seed: DeterministicRandom.DefaultSeed).Modularity;
}
