using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Glocal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// The region flow matrix F = MᵀAM (DESIGN 2.7, 3.7) against one SpMV pass over the same CSR: the target is
/// flows ≤ 2 × SpMV on a million-link network. The input is generated in setup (no files needed): a seeded
/// Barabási-Albert graph with 200,000 innovators and m = 5 (999,975 links, weights 1..4), placed at random in 300
/// provinces of 30 countries (2% located only at their country, so ungrouped at province level). The CSR (undirected,
/// weighted) and the groups are built once in setup; the timed work is the one pass.
/// </summary>
[MemoryDiagnoser]
public class RegionFlowsBenchmark
{
    private const int Innovators = 200_000;
    private const int LinksPerNode = 5;
    private const int Countries = 30;
    private const int ProvincesPerCountry = 10;

    private CsrGraph _graph = null!;
    private double[] _x = [];
    private double[] _y = [];
    private int[] _bounds = [];
    private InnovatorGroups _provinces = null!;
    private InnovatorGroups _countries = null!;
    private MetricContext _context = null!;

    /// <summary>The degree of parallelism (the results are bit-identical for any value).</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        var network = Generate(seed: 42);
        _context = new MetricContext(network, maxDegreeOfParallelism: Threads);
        _graph = _context.Graph(GraphView.UndirectedWeighted);
        _provinces = InnovatorGroups.ByLevel(network, "province");
        _countries = InnovatorGroups.ByLevel(network, "country");
        _x = new double[_graph.NodeCount];
        _y = new double[_graph.NodeCount];
        Array.Fill(_x, 1.0 / _graph.NodeCount);
        _bounds = SpMV.ChunkBounds(_graph);

        // Warm the metric's caches (CSR view and groups), so that the metric benchmark times the pass and the result.
        new RegionFlowsMetric().Compute(_context, new RegionFlowsOptions { Level = "province" });
    }

    /// <summary>One weighted SpMV y = Ax over the same CSR: the yardstick.</summary>
    [Benchmark(Baseline = true)]
    public double SpMVOnce()
    {
        SpMV.Multiply(_graph, _x, _y, useWeights: true, _bounds, Threads, CancellationToken.None);
        return _y[0];
    }

    /// <summary>The flow kernel at province level (r = 300, dense accumulators).</summary>
    [Benchmark]
    public double FlowsProvinces() =>
        GroupFlows.Compute(_graph, _provinces.GroupOf, _provinces.Count, undirected: true, Threads, CancellationToken.None).UngroupedWeight;

    /// <summary>The flow kernel at country level (r = 30).</summary>
    [Benchmark]
    public double FlowsCountries() =>
        GroupFlows.Compute(_graph, _countries.GroupOf, _countries.Count, undirected: true, Threads, CancellationToken.None).UngroupedWeight;

    /// <summary>The flow kernel at province level forced onto the sparse path (per-row accumulation, CSR output).</summary>
    [Benchmark]
    public double FlowsProvincesSparse() =>
        GroupFlows.Compute(_graph, _provinces.GroupOf, _provinces.Count, undirected: true, Threads, CancellationToken.None, denseLimit: 1).UngroupedWeight;

    /// <summary>The whole <c>region-flows</c> metric at province level (cached CSR and groups): the pass, the MathNet
    /// matrix and the result's properties.</summary>
    [Benchmark]
    public MatrixResult MetricProvinces() => new RegionFlowsMetric().Compute(_context, new RegionFlowsOptions { Level = "province" });

    /// <summary>A seeded Barabási-Albert network (preferential attachment through the repeated-endpoints list) on a
    /// synthetic tree: world &gt; 30 countries &gt; 10 provinces each.</summary>
    private static GlocalNetwork Generate(ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var regions = new List<Region> { new("world", "world", RegionLadder.Default.GetLevel("world"), null) };
        var country = RegionLadder.Default.GetLevel("country");
        var province = RegionLadder.Default.GetLevel("province");
        for (var c = 0; c < Countries; c++)
        {
            var cid = "C" + c.ToString(CultureInfo.InvariantCulture);
            regions.Add(new Region(cid, cid, country, "world"));
            for (var p = 0; p < ProvincesPerCountry; p++)
            {
                var pid = cid + "P" + p.ToString(CultureInfo.InvariantCulture);
                regions.Add(new Region(pid, pid, province, cid));
            }
        }

        var tree = RegionTree.Build(regions, RegionLadder.Default);
        var innovators = new Innovator[Innovators];
        for (var i = 0; i < innovators.Length; i++)
        {
            var c = rng.NextInt(Countries);
            var home = rng.NextDouble() < 0.02
                ? "C" + c.ToString(CultureInfo.InvariantCulture)
                : "C" + c.ToString(CultureInfo.InvariantCulture) + "P" + rng.NextInt(ProvincesPerCountry).ToString(CultureInfo.InvariantCulture);
            innovators[i] = new Innovator(i.ToString(CultureInfo.InvariantCulture), "x", InnovatorKind.Firm, home);
        }

        var table = NetworkAssembly.CreateInnovatorTable(innovators, tree, null, null);
        var links = new LinkColumnsBuilder();
        var ends = new int[2 * LinksPerNode * Innovators];
        var count = 0;
        for (var v = 1; v <= LinksPerNode; v++)
        {
            links.Add(0, v, 1 + rng.NextInt(4), LinkKind.Other, null, null, null, false);
            ends[count++] = 0;
            ends[count++] = v;
        }

        var chosen = new HashSet<int>();
        for (var v = LinksPerNode + 1; v < Innovators; v++)
        {
            chosen.Clear();
            while (chosen.Count < LinksPerNode)
            {
                chosen.Add(ends[rng.NextInt(count)]);
            }

            foreach (var u in chosen)
            {
                links.Add(u, v, 1 + rng.NextInt(4), LinkKind.Other, null, null, null, false);
                ends[count++] = u;
                ends[count++] = v;
            }
        }

        return NetworkAssembly.Assemble(tree, table, links, [], LcaScaleClassifier.Instance);
    }
}
