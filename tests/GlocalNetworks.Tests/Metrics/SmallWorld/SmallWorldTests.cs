using System;
using System.Collections.Generic;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.SmallWorld;
using GlocalNetworks.Tests.Metrics.Community;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.SmallWorld;

/// <summary>
/// Small-world σ and ω. The references are random, so values are checked against networkx's karate fixture roughly (its
/// tolerance 0.3), against the shapes the coefficients are built to tell apart (lattice, small world, random graph), and for
/// reproducibility; the swap kernel is checked exactly (degrees kept, simple, connected).
/// </summary>
public sealed class SmallWorldTests
{
    private static readonly SmallWorldOptions Quick = new() { SigmaIterations = 5, OmegaIterations = 5, References = 5 };

    private static ScalarResult Run(GraphSpec g, SmallWorldOptions? o = null, ulong seed = 42, int? threads = null) =>
        new SmallWorldMetric().Compute(new MetricContext(g.ToNetwork(), seed, threads), o ?? Quick);

    [Fact]
    public void SigmaOmega_Karate_NearNetworkx()
    {
        // networkx: nx.sigma(G, niter=5, nrand=5, seed=1) = 1.056, nx.omega(G, niter=5, nrand=5, seed=1) = -0.069.
        var f = OracleFixture.Load("networkx", "karate");
        var r = new SmallWorldMetric().Compute(new MetricContext(f.ToNetwork()), Quick);
        foreach (var (key, name) in new[] { ("small-world:sigma", "sigma"), ("small-world:omega", "omega") })
        {
            var expected = f.NetworkValue(key);
            Assert.True(Math.Abs(r[name] - expected) <= f.Tolerance(key) * Math.Max(1, Math.Abs(expected)), $"{name} {r[name]} vs networkx {expected}");
        }

        // The network's own statistics are exact: networkx transitivity 0.2557 and average clustering 0.5706 on karate.
        Assert.Equal(f.NetworkValue("transitivity"), r["transitivity"], 12);
        Assert.Equal(f.NetworkValue("average-shortest-path"), r["average-path-length"], 12);
        Assert.Equal("42", r.Properties["seed"]);
        Assert.Equal("true", r.Properties["connected"]);
    }

    [Fact]
    public void SigmaOmega_Defaults_KarateStillNearNetworkx()
    {
        var f = OracleFixture.Load("networkx", "karate");
        var r = new SmallWorldMetric().Compute(new MetricContext(f.ToNetwork()), new SmallWorldOptions());
        Assert.InRange(r["sigma"], 0.75, 1.4);
        Assert.InRange(r["omega"], -0.4, 0.25);
        Assert.Equal("100", r.Properties["sigma-niter"]);
        Assert.Equal("10", r.Properties["references"]);
    }

    [Fact]
    public void SigmaOmega_SameSeed_SameValuesAtAnyThreadCount()
    {
        var g = GraphSpec.WattsStrogatz(80, 6, 0.1, 3);
        var a = Run(g, seed: 9, threads: 1);
        var b = Run(g, seed: 9, threads: 8);
        var c = Run(g, seed: 9, threads: 2);
        Assert.Equal(a.Values.ToArray(), b.Values.ToArray());
        Assert.Equal(a.Values.ToArray(), c.Values.ToArray());
        Assert.Equal(a.Properties["swaps"], b.Properties["swaps"]);
        var other = Run(g, seed: 10);
        Assert.NotEqual(a["sigma"], other["sigma"]);
    }

    [Fact]
    public void Omega_RingLattice_NearMinusOne()
    {
        var r = Run(GraphSpec.Ring(200, 4), Quick with { Sigma = false });
        Assert.InRange(r["omega"], -1, -0.6);
        Assert.True(double.IsNaN(r["sigma"]));
    }

    [Fact]
    public void Omega_RandomGraph_NearPlusOne_SmallWorldNearZero()
    {
        // ω = L_r/L - C/C_l: a random graph has L ≈ L_r and C ≪ C_l (networkx gives 0.74 on a G(100, 0.08));
        // a Watts-Strogatz small world has L ≈ L_r and C ≈ C_l.
        var random = GraphSpec.Gnp(100, 0.08, 3);
        var r = Run(random);
        Assert.InRange(r["omega"], 0.4, 1);
        Assert.InRange(r["sigma"], 0.7, 1.3);
        var small = Run(GraphSpec.WattsStrogatz(200, 8, 0.1, 5));
        Assert.InRange(small["omega"], -0.4, 0.4);
        Assert.True(small["sigma"] > 2, $"sigma {small["sigma"]}");
    }

    [Fact]
    public void SmallWorld_Disconnected_NaNWithReason()
    {
        var g = new GraphSpec(8, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 3, 1), (4, 5, 1), (5, 6, 1), (6, 7, 1), (4, 7, 1)]);
        var r = Run(g);
        Assert.True(double.IsNaN(r["sigma"]));
        Assert.True(double.IsNaN(r["omega"]));
        Assert.Equal("false", r.Properties["connected"]);
        Assert.Contains("not connected", r.Properties["reason"], StringComparison.Ordinal);
        var tiny = Run(new GraphSpec(3, [(0, 1, 1), (1, 2, 1)]));
        Assert.True(double.IsNaN(tiny["sigma"]));
        Assert.Contains("at least 4", tiny.Properties["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public void SmallWorld_Star_Terminates()
    {
        // networkx loops forever here (no draw has four distinct ends); we stop redrawing and keep the star.
        var r = Run(GraphSpec.Star(6));
        Assert.Equal("0", r.Properties["swaps"]);
        Assert.True(double.IsNaN(r["sigma"]) || double.IsInfinity(r["sigma"]) || r["sigma"] >= 0);
    }

    [Fact]
    public void RandomReference_KeepsDegreesSimpleAndConnected()
    {
        var net = GraphSpec.WattsStrogatz(120, 6, 0.2, 8).ToNetwork();
        var g = new MetricContext(net).Graph(GraphView.UndirectedUnweighted);
        foreach (var lattice in new[] { false, true })
        {
            var s = new SwapGraph(g);
            var rng = new DeterministicRandom(5);
            var swaps = lattice ? ReferenceGraphs.LatticeReference(s, 5, true, rng) : ReferenceGraphs.RandomReference(s, 5, true, rng);
            Assert.True(swaps > 0);
            var edges = new HashSet<(int, int)>();
            for (var v = 0; v < s.NodeCount; v++)
            {
                Assert.Equal(g.Degree(v), s.Offsets[v + 1] - s.Offsets[v]);
                for (var e = s.Offsets[v]; e < s.Offsets[v + 1]; e++)
                {
                    var w = s.Neighbors[e];
                    Assert.NotEqual(v, w);
                    Assert.True(edges.Add((v, w)), "multi-edge");
                    Assert.True(s.HasEdge(v, w));
                }
            }

            // Symmetric, and connected.
            foreach (var (v, w) in edges)
            {
                Assert.Contains((w, v), edges);
            }

            for (var v = 1; v < s.NodeCount; v++)
            {
                Assert.True(s.Connected(0, v));
            }
        }
    }

    [Fact]
    public void LatticeReference_RaisesClusteringOfARandomGraph()
    {
        var g = new MetricContext(GraphSpec.Gnp(100, 0.08, 3).ToNetwork()).Graph(GraphView.UndirectedUnweighted);
        var before = new SwapGraph(g);
        SmallWorldStatistics.Transitivity(before, out var c0);
        var after = new SwapGraph(g);
        ReferenceGraphs.LatticeReference(after, 5, true, new DeterministicRandom(1));
        SmallWorldStatistics.Transitivity(after, out var c1);
        Assert.True(c1 > 2 * c0, $"{c0} -> {c1}");
    }

    [Fact]
    public void Statistics_MatchNetworkxOnFixtures()
    {
        foreach (var graph in new[] { "karate", "florentine", "lesmis", "davis" })
        {
            var f = OracleFixture.Load("networkx", graph);
            var g = new MetricContext(f.ToNetwork()).Graph(GraphView.UndirectedUnweighted);
            var s = new SwapGraph(g);
            var t = SmallWorldStatistics.Transitivity(s, out var avg);
            Assert.Equal(f.NetworkValue("transitivity"), t, 12);
            Assert.Equal(f.NetworkValue("average-clustering"), avg, 12);
        }
    }

    [Fact]
    public void SmallWorld_Cancelled_Throws()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        var ctx = new MetricContext(GraphSpec.Ring(50, 4).ToNetwork(), cancellationToken: cts.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => new SmallWorldMetric().Compute(ctx, Quick));
    }

    [Fact]
    public void Family_ListsAndHandle()
    {
        Assert.Equal("small-world", SmallWorldFamily.Create()[0].Id);
        Assert.Equal("small-world", StandardMetrics.SmallWorld.Id);
    }
}
