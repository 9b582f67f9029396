using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Paths;
using GlocalNetworks.Tests.TestUtils;
using Xunit;
using static GlocalNetworks.Tests.Metrics.Paths.PathsTestGraphs;

namespace GlocalNetworks.Tests.Metrics.Paths;

/// <summary>Laws of the shortest-path family on seeded random graphs; FsCheck supplies the integers the graphs are built from.</summary>
public sealed class PathsProperties
{
    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * Math.Max(1, Math.Abs(b));

    /// <summary>A connected graph: a path through every node plus random extra links, integer weights 1..4.</summary>
    private static List<(int, int, double)> ConnectedGraph(int n, ulong seed, bool directed)
    {
        var e = Gnp(n, 0.08, seed, directed, maxWeight: 4);
        for (var i = 0; i + 1 < n; i++)
        {
            e.Add((i, i + 1, 1.0 + (i % 3)));
            if (directed)
            {
                e.Add((i + 1, i, 2.0));
            }
        }

        return e.DistinctBy(x => (x.Item1, x.Item2)).ToList();
    }

    [Property(MaxTest = 40)]
    public void Star_CentreBetweennessIsOne_LeavesZero(byte size)
    {
        var leaves = 2 + (size % 60);

        var r = new BetweennessMetric().Compute(new MetricContext(Network(leaves + 1, Star(leaves))), new BetweennessOptions());

        Assert.Equal(1.0, r["n0"], 14);
        Assert.All(Enumerable.Range(1, leaves), i => Assert.Equal(0.0, r[Id(i)]));
    }

    [Property(MaxTest = 30)]
    public void Relabelling_PermutesEveryScore(int a, int b, bool directed, bool weighted)
    {
        var n = 10 + (int)((uint)a % 30);
        var edges = Gnp(n, 0.15, (ulong)(uint)a, directed, maxWeight: 3);
        var rng = new TestRandom(unchecked((ulong)b * 0x9E3779B97F4A7C15UL));
        var rename = rng.Permutation(n);
        var net = Network(n, edges, directed);
        var relabelled = Network(n, edges, directed, v => "z" + rename[v].ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            addOrder: rng.Permutation(n), linkOrder: rng.Permutation(edges.Count));
        var c1 = new MetricContext(net);
        var c2 = new MetricContext(relabelled);
        string Renamed(string id) => "z" + rename[int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture)].ToString("D3", System.Globalization.CultureInfo.InvariantCulture);

        foreach (var metric in new IMetric[] { new BetweennessMetric(), new ClosenessMetric(), new HarmonicMetric() })
        {
            object options = metric switch
            {
                BetweennessMetric => new BetweennessOptions { Weighted = weighted },
                ClosenessMetric => new ClosenessOptions { Weighted = weighted },
                _ => new HarmonicOptions { Weighted = weighted },
            };
            var x = (NodeTable)metric.Compute(c1, options);
            var y = (NodeTable)metric.Compute(c2, options);
            Assert.All(x.Ids, id => Assert.True(Close(x[id], y[Renamed(id)]), $"{metric.Id} '{id}': {x[id]:R} vs {y[Renamed(id)]:R}"));
        }

        // Diameter and mean distance of the largest component: label-free only when that component is unique (two
        // equally large ones are told apart by their lowest-indexed innovator, which relabelling may change).
        var d1 = new DiameterMetric().Compute(c1, new DiameterOptions { Disconnected = DisconnectedPolicy.LargestComponent, Weighted = weighted });
        var d2 = new DiameterMetric().Compute(c2, new DiameterOptions { Disconnected = DisconnectedPolicy.LargestComponent, Weighted = weighted });
        Assert.Equal(d1["component-size"], d2["component-size"]);
        Assert.Equal(d1["components"], d2["components"]);
        if (d1["component-size"] * 2 > n)
        {
            Assert.True(Close(d1.Value, d2.Value));
            Assert.True(Close(new AverageShortestPathMetric().Compute(c1, new AverageShortestPathOptions { Disconnected = DisconnectedPolicy.LargestComponent, Weighted = weighted }).Value,
                new AverageShortestPathMetric().Compute(c2, new AverageShortestPathOptions { Disconnected = DisconnectedPolicy.LargestComponent, Weighted = weighted }).Value));
        }
    }

    [Property(MaxTest = 30)]
    public void BetweennessSum_IsInnerNodesOfAllShortestPaths(int a, bool directed)
    {
        // Σ_v B(v) over ordered pairs = Σ_{s≠t} (d(s,t) - 1) = (L - 1) n (n-1) on a (strongly) connected graph.
        var n = 5 + (int)((uint)a % 40);
        var net = Network(n, ConnectedGraph(n, (ulong)(uint)a, directed), directed);
        var ctx = new MetricContext(net);

        var raw = new BetweennessMetric().Compute(ctx, new BetweennessOptions { Normalized = false }).Column().ToArray().Sum();
        var average = new AverageShortestPathMetric().Compute(ctx, new AverageShortestPathOptions { Disconnected = DisconnectedPolicy.LargestComponent }).Value;

        var ordered = directed ? raw : 2 * raw;
        Assert.Equal((average - 1) * n * (n - 1), ordered, 1e-9);
    }

    [Property(MaxTest = 30)]
    public void Betweenness_MatchesNaiveReference(int a, bool directed, bool weighted)
    {
        var n = 3 + (int)((uint)a % 35);
        var edges = Gnp(n, 0.15, (ulong)(uint)a + 99, directed, maxWeight: 3);
        var expected = NaiveBrandes(n, edges, directed, weighted);

        var actual = new BetweennessMetric().Compute(new MetricContext(Network(n, edges, directed)),
            new BetweennessOptions { Normalized = false, Weighted = weighted });

        for (var v = 0; v < n; v++)
        {
            Assert.Equal(expected[v] * (directed ? 1 : 0.5), actual[Id(v)], 1e-9);
        }
    }

    [Property(MaxTest = 30)]
    public void Harmonic_IsAtLeastReachTimesCloseness(int a)
    {
        // For each node: harmonic ≥ (r-1)² / Σd (Cauchy-Schwarz / HM ≤ AM) = (r-1) · closeness(no WF).
        var n = 5 + (int)((uint)a % 40);
        var ctx = new MetricContext(Network(n, Gnp(n, 0.1, (ulong)(uint)a + 5)));

        var c = new ClosenessMetric().Compute(ctx, new ClosenessOptions { WfImproved = false });
        var cw = new ClosenessMetric().Compute(ctx, new ClosenessOptions());
        var h = new HarmonicMetric().Compute(ctx, new HarmonicOptions());

        for (var v = 0; v < n; v++)
        {
            var noWf = c[v];
            Assert.True(cw[v] <= noWf + 1e-15);
            if (noWf > 0)
            {
                // (r - 1) from the WF factor: closeness_wf = noWf · (r-1)/(n-1).
                var reach = cw[v] / noWf * (n - 1);
                Assert.True(h[v] >= (reach * noWf) - 1e-12, $"node {v}: harmonic {h[v]:R} < {reach * noWf:R}");
            }
        }
    }
}
