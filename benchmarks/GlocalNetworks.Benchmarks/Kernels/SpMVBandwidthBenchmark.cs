using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Kernels;

/// <summary>
/// One PageRank iteration (the pull SpMV over the in-rows with the fused dangling-mass and L1-residual reductions) and one
/// bare SpMV on ba-1m.csv (1,000,000 nodes, 4,999,985 links, 9,999,970 CSR entries), unweighted and weighted (weights
/// 1 + (k mod 7), CSR built in setup; the state is allocated in setup, so the figure is the iteration alone).
/// Bandwidth = bytes / time with the bytes the SpMV must stream per iteration: offsets 4 (n + 1) + columns 4 nnz
/// (+ weights 8 nnz if weighted) + x 8 n + y 8 n = 60 MB unweighted, 140 MB weighted on ba-1m; compare with
/// <see cref="StreamTriadBenchmark"/> run in the same session.
/// </summary>
[MemoryDiagnoser]
public class SpMVBandwidthBenchmark
{
    private CsrGraph _graph = null!;
    private PageRankKernel.State _state = null!;
    private double[] _x = [];
    private double[] _y = [];
    private int[] _bounds = [];

    /// <summary>Whether the graph carries weights (and PageRank uses them).</summary>
    [Params(false, true)]
    public bool Weighted { get; set; }

    /// <summary>The degree of parallelism (the results are bit-identical for any value).</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf("5m"));
        var w = new double[Weighted ? s.Length : 0];
        for (var k = 0; k < w.Length; k++)
        {
            w[k] = 1 + (k % 7);
        }

        _graph = CsrGraph.Build(s, t, w, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);
        _state = new PageRankKernel.State(_graph, _graph.Transpose(), 0.85, null, null, Weighted);
        _x = new double[n];
        _y = new double[n];
        Array.Fill(_x, 1.0 / n);
        _bounds = SpMV.ChunkBounds(_graph);

        // One iteration here starts the persistent SpMV workers (a one-off allocation of their threads and events), so the
        // memory diagnoser sees only what an iteration itself allocates.
        _state.Iterate(Threads, CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup() => _state.Release();

    /// <summary>One PageRank iteration.</summary>
    [Benchmark(Baseline = true)]
    public double PageRankIteration() => _state.Iterate(Threads, CancellationToken.None);

    /// <summary>One bare SpMV y = A x (no reductions), as used by eigenvector and Katz centrality.</summary>
    [Benchmark]
    public double SpMVOnce()
    {
        SpMV.Multiply(_graph, _x, _y, useWeights: Weighted, _bounds, Threads, CancellationToken.None);
        return _y[0];
    }
}
