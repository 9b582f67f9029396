using System;
using System.Collections.Generic;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Interop;
using GlocalNetworks.Kernels;
using QuikGraph;
using QuikGraph.Algorithms;

namespace GlocalNetworks.Benchmarks.Evolution;

/// <summary>
/// The main path kernel (<c>main-path</c>) on a citation-like DAG: the seeded Barabasi-Albert links of ba-10k and ba-100k
/// (see /work/shared/baseline/README.md) oriented from the lower to the higher node index (older → newer, the
/// knowledge-flow direction). <see cref="OwnTopologicalOrder"/> against <see cref="QuikGraphTopologicalSort"/> measures
/// the choice of issue 5 (our Kahn pass on the CSR arrays, or QuikGraph's sort on a converted graph; the conversion is
/// not timed).
/// </summary>
[MemoryDiagnoser]
public class MainPathBenchmark
{
    private CsrGraph _dag = null!;
    private AdjacencyGraph<int, TaggedEdge<int, double>> _quik = null!;

    /// <summary>The link file: 50k (10,000 nodes) or 500k (100,000 nodes).</summary>
    [Params("50k", "500k")]
    public string Links { get; set; } = "50k";

    /// <summary>Loads and orients the links.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] > t[i])
            {
                (s[i], t[i]) = (t[i], s[i]);
            }
        }

        _dag = CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, n, directed: true, ParallelLinkPolicy.First, SelfLoopPolicy.Ignore);
        _quik = _dag.ToQuikGraph();
    }

    /// <summary>SPC counts, then the local and the global main path (ties kept).</summary>
    /// <returns>The number of arcs on both paths.</returns>
    [Benchmark(Baseline = true)]
    public int SpcAndBothPaths()
    {
        var c = MainPathKernel.Traverse(_dag, MainPathKernel.Count.Spc, CancellationToken.None);
        return MainPathKernel.LocalPath(_dag, c, keepAll: true).Length + MainPathKernel.GlobalPath(_dag, c, keepAll: true, out _).Length;
    }

    /// <summary>Our topological order (Kahn on the CSR and its in-CSR).</summary>
    /// <returns>The order.</returns>
    [Benchmark]
    public int[]? OwnTopologicalOrder() => MainPathKernel.TopologicalOrder(_dag, _dag.Transpose());

    /// <summary>QuikGraph's topological sort on the converted graph.</summary>
    /// <returns>The order.</returns>
    [Benchmark]
    public List<int> QuikGraphTopologicalSort() => new(_quik.TopologicalSort());
}
