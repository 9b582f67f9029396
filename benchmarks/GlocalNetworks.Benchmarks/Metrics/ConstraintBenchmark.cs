using System;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// Burt's constraint and effective size (networkx definitions, unweighted) on the seeded Barabasi-Albert graphs: 50k links
/// (10,000 nodes) and 500k links (100,000 nodes); one thread and all cores (the result is the same bits).
/// </summary>
[MemoryDiagnoser]
public class ConstraintBenchmark
{
    private CsrGraph _graph = null!;
    private double[] _result = [];

    /// <summary>The number of links: 50k (10,000 nodes) or 500k (100,000 nodes).</summary>
    [Params("50k", "500k")]
    public string Links { get; set; } = "500k";

    [GlobalSetup]
    public void Setup()
    {
        var (sources, targets, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        _graph = CsrGraph.Build(sources, targets, ReadOnlySpan<double>.Empty, n, directed: false);
        _result = new double[n];
    }

    /// <summary>Constraint on one thread.</summary>
    [Benchmark(Baseline = true)]
    public double[] ConstraintOneThread()
    {
        Constraint.Compute(_graph, _result, 1);
        return _result;
    }

    /// <summary>Constraint on every core.</summary>
    [Benchmark]
    public double[] ConstraintAllCores()
    {
        Constraint.Compute(_graph, _result, Environment.ProcessorCount);
        return _result;
    }

    /// <summary>Effective size (closed form) on every core.</summary>
    [Benchmark]
    public double[] EffectiveSizeAllCores()
    {
        Constraint.EffectiveSize(_graph, closedForm: true, _result, Environment.ProcessorCount);
        return _result;
    }
}
