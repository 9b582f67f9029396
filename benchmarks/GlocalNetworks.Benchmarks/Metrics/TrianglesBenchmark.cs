using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// Triangles per node (the work behind clustering, average clustering and transitivity) on the seeded Barabasi-Albert
/// graphs: counting (unweighted clustering) and the weighted sum of Onnela et al.'s clustering (every entry a value),
/// compared with igraph's <c>transitivity_local_undirected</c> + <c>transitivity_undirected</c>.
/// </summary>
[MemoryDiagnoser]
public class TrianglesBenchmark
{
    private CsrGraph _graph = null!;
    private double[] _values = [];

    /// <summary>The number of links: 50k (ba-10k.csv), 500k (ba-100k.csv).</summary>
    [Params("50k", "500k")]
    public string Links { get; set; } = "500k";

    /// <summary>The degree of parallelism (the results are bit-identical for any value).</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        _graph = CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);
        _values = new double[_graph.EntryCount];
        for (var k = 0; k < _values.Length; k++)
        {
            _values[k] = Math.Cbrt((1 + (k % 4)) / 4.0);
        }
    }

    /// <summary>Triangle counts per node.</summary>
    [Benchmark(Baseline = true)]
    public double Count() => Triangles.PerNode(_graph, null, Threads, CancellationToken.None)[0];

    /// <summary>Weighted triangle sums per node (products of three entry values).</summary>
    [Benchmark]
    public double Weighted() => Triangles.PerNode(_graph, _values, Threads, CancellationToken.None)[0];
}
