using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// The PageRank kernel on the seeded Barabasi-Albert graphs (undirected, unweighted, CSR built in setup): networkx's
/// stopping rule at its default tol = 1e-6 (L1 change &lt; n · 1e-6), the equal-accuracy run of DESIGN §0 (L1 change
/// &lt; 1e-10, as compared with igraph's PRPACK) by power iteration and by the Chebyshev solver, and one bare SpMV (y = Aᵀx) for the per-iteration bandwidth figure.
/// </summary>
[MemoryDiagnoser]
public class PageRankBenchmark
{
    private CsrGraph _graph = null!;
    private double[] _x = [];
    private double[] _y = [];
    private int[] _bounds = [];

    /// <summary>The number of links: 50k (ba-10k.csv), 500k (ba-100k.csv), 5m (ba-1m.csv: 1,000,000 nodes).</summary>
    [Params("50k", "500k", "5m")]
    public string Links { get; set; } = "5m";

    /// <summary>The degree of parallelism (the results are bit-identical for any value).</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        _graph = CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);
        _x = new double[n];
        _y = new double[n];
        Array.Fill(_x, 1.0 / n);
        _bounds = SpMV.ChunkBounds(_graph);
    }

    /// <summary>networkx defaults: α = 0.85, tol = 1e-6 (stops when the L1 change is below n · tol).</summary>
    [Benchmark(Baseline = true)]
    public int NetworkxTolerance() =>
        PageRankKernel.Run(_graph, 0.85, null, null, useWeights: false, 1000, 1e-6, Threads, CancellationToken.None).Iterations;

    /// <summary>Equal accuracy with igraph (DESIGN §0): stops when the L1 change is below 1e-10.</summary>
    [Benchmark]
    public int L1Change1e10() =>
        PageRankKernel.Run(_graph, 0.85, null, null, useWeights: false, 1000, 1e-10 / _graph.NodeCount, Threads, CancellationToken.None).Iterations;

    /// <summary>The same accuracy by the Chebyshev solver (<c>PageRankSolver.Chebyshev</c>): fewer passes.</summary>
    [Benchmark]
    public int L1Change1e10Chebyshev() =>
        PageRankKernel.Run(_graph, 0.85, null, null, useWeights: false, 1000, 1e-10 / _graph.NodeCount, Threads, CancellationToken.None,
            chebyshev: true).Iterations;

    /// <summary>One sparse matrix-vector product over the rows (4 bytes per entry plus the gathers): the bandwidth floor of
    /// one iteration.</summary>
    [Benchmark]
    public double SpMVOnce()
    {
        SpMV.Multiply(_graph, _x, _y, useWeights: false, _bounds, Threads, CancellationToken.None);
        return _y[0];
    }
}
