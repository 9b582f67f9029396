using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>Core numbers (Batagelj-Zaversnik, sequential) on the seeded Barabasi-Albert graphs, compared with igraph's
/// <c>coreness</c>.</summary>
[MemoryDiagnoser]
public class KCoreBenchmark
{
    private CsrGraph _graph = null!;

    /// <summary>The number of links: 50k (ba-10k.csv), 500k (ba-100k.csv), 5m (ba-1m.csv: 1,000,000 nodes).</summary>
    [Params("50k", "500k", "5m")]
    public string Links { get; set; } = "5m";

    [GlobalSetup]
    public void Setup()
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        _graph = CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);
    }

    /// <summary>Core numbers of every node.</summary>
    [Benchmark]
    public int CoreNumbers() => KCore.CoreNumbers(_graph, useMultiplicity: false, CancellationToken.None)[0];
}
