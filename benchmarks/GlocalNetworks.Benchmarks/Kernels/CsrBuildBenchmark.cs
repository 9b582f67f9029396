using System;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Kernels;

/// <summary>
/// <see cref="CsrGraph.Build"/> from link arrays (the seeded Barabasi-Albert edge lists, parsed in setup): undirected,
/// unweighted (the baseline) and weighted (every link a weight in 1..4), parallel links summed, self-loops rejected.
/// </summary>
[MemoryDiagnoser]
public class CsrBuildBenchmark
{
    private int[] _sources = [];
    private int[] _targets = [];
    private double[] _weights = [];
    private int _nodeCount;

    /// <summary>The number of links: 500k (ba-100k.csv), 1m (first million links of ba-1m.csv), 5m (ba-1m.csv).</summary>
    [Params("500k", "1m", "5m")]
    public string Links { get; set; } = "1m";

    [GlobalSetup]
    public void Setup()
    {
        (_sources, _targets, _nodeCount) = BenchData.ReadEdges(BenchData.PathOf(Links));
        _weights = new double[_sources.Length];
        for (var i = 0; i < _weights.Length; i++)
        {
            _weights[i] = 1 + (i % 4);
        }
    }

    /// <summary>Undirected, unweighted: offsets + targets, 8 bytes per link.</summary>
    [Benchmark(Baseline = true)]
    public CsrGraph Unweighted() =>
        CsrGraph.Build(_sources, _targets, ReadOnlySpan<double>.Empty, _nodeCount, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);

    /// <summary>Undirected, weighted: offsets + targets + weights, 24 bytes per link.</summary>
    [Benchmark]
    public CsrGraph Weighted() =>
        CsrGraph.Build(_sources, _targets, _weights, _nodeCount, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);
}
