using System;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// Gould-Fernandez brokerage counts (sna's rule, the undirected graph read as a symmetric digraph) on the seeded
/// Barabasi-Albert graphs: 50k links (10,000 nodes) and 500k links (100,000 nodes), with 50 groups assigned by node
/// index modulo 50 (a stand-in for regions); binary and valued, one thread and all cores (the result is the same bits).
/// </summary>
[MemoryDiagnoser]
public class BrokerageBenchmark
{
    private const int Groups = 50;
    private CsrGraph _graph = null!;
    private int[] _group = [];
    private double[][] _counts = [];
    private double[][] _valued = [];

    /// <summary>The number of links: 50k (10,000 nodes) or 500k (100,000 nodes).</summary>
    [Params("50k", "500k")]
    public string Links { get; set; } = "500k";

    [GlobalSetup]
    public void Setup()
    {
        var (sources, targets, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        var weights = new double[sources.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = 1 + (i % 5);
        }

        _graph = CsrGraph.Build(sources, targets, weights, n, directed: false);
        _group = new int[n];
        for (var v = 0; v < n; v++)
        {
            _group[v] = v % Groups;
        }

        _counts = NewColumns(n);
        _valued = NewColumns(n);
    }

    /// <summary>Role counts on one thread.</summary>
    [Benchmark(Baseline = true)]
    public long CountsOneThread() => Brokerage.Count(_graph, _group, Groups, _counts, null, 1, default);

    /// <summary>Role counts on every core.</summary>
    [Benchmark]
    public long CountsAllCores() => Brokerage.Count(_graph, _group, Groups, _counts, null, Environment.ProcessorCount, default);

    /// <summary>Role counts and valued sums on every core.</summary>
    [Benchmark]
    public long ValuedAllCores() => Brokerage.Count(_graph, _group, Groups, _counts, _valued, Environment.ProcessorCount, default);

    private static double[][] NewColumns(int n)
    {
        var c = new double[Brokerage.Columns][];
        for (var i = 0; i < c.Length; i++)
        {
            c[i] = new double[n];
        }

        return c;
    }
}
