using System;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// The all-sources shortest-path pass behind <c>closeness</c> and <c>harmonic</c> (one BFS per node, unweighted) on
/// ba-10k (10,000 nodes, 49,985 links; igraph 0.10.2's exact closeness takes ~3.6 s, see /work/shared/baseline/README.md),
/// and the weighted (Dijkstra) pass with weights 1..4 as a comparison.
/// </summary>
[MemoryDiagnoser]
public class ClosenessBenchmark
{
    private CsrGraph _graph = null!;
    private CsrGraph _weighted = null!;

    /// <summary>The degree of parallelism.</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf("50k"));
        _graph = CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Ignore);
        var w = new double[s.Length];
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = 1 + (i % 4);
        }

        _weighted = CsrGraph.Build(s, t, w, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Ignore);
    }

    /// <summary>Exact closeness (and harmonic) inputs for every node of ba-10k: 10,000 BFS.</summary>
    [Benchmark(Baseline = true)]
    public double[] Exact10k() => ShortestPaths.Summarise(_graph, _graph, null, weighted: false, null, 0, Threads).DistanceSum;

    /// <summary>The same with Dijkstra on weights 1..4.</summary>
    [Benchmark]
    public double[] Weighted10k() => ShortestPaths.Summarise(_weighted, null, null, weighted: true, null, 0, Threads).DistanceSum;
}
