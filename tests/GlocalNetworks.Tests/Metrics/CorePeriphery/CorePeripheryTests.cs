using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using GlocalNetworks.Internal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.CorePeriphery;
using GlocalNetworks.Tests.Metrics.Community;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.CorePeriphery;

/// <summary>
/// Borgatti-Everett core-periphery. Neither networkx nor igraph has it, so the tests use hand-built structures whose core is
/// known, the fixed-point property of the fit, an independent dense computation of the correlation, and brute force for the
/// discrete model on small graphs.
/// </summary>
public sealed class CorePeripheryTests
{
    /// <summary>An ideal core-periphery graph: a clique of <paramref name="core"/> nodes (0..core-1), each periphery node tied to
    /// <paramref name="ties"/> core nodes (all of them when ties ≥ core), no periphery-periphery ties.</summary>
    private static GraphSpec Ideal(int core, int periphery, int ties)
    {
        var edges = new List<(int, int, double)>();
        for (var i = 0; i < core; i++)
        {
            for (var j = i + 1; j < core; j++)
            {
                edges.Add((i, j, 1.0));
            }
        }

        for (var p = 0; p < periphery; p++)
        {
            for (var t = 0; t < Math.Min(ties, core); t++)
            {
                edges.Add((core + p, (p + t) % core, 1.0));
            }
        }

        return new GraphSpec(core + periphery, edges);
    }

    private static NodeTable Run(GraphSpec g, CorePeripheryOptions? o = null, int? threads = null) =>
        new CorePeripheryMetric().Compute(new MetricContext(g.ToNetwork(), maxDegreeOfParallelism: threads), o ?? new CorePeripheryOptions());

    [Theory]
    [InlineData(5, 10, 5)]
    [InlineData(6, 20, 2)]
    [InlineData(4, 12, 1)]
    public void Continuous_IdealStructure_CoreRanksAbovePeriphery(int core, int periphery, int ties)
    {
        var t = Run(Ideal(core, periphery, ties));
        var minCore = double.PositiveInfinity;
        var maxPeriphery = double.NegativeInfinity;
        for (var v = 0; v < core + periphery; v++)
        {
            var c = t[GraphSpec.Name(v)];
            if (v < core)
            {
                minCore = Math.Min(minCore, c);
            }
            else
            {
                maxPeriphery = Math.Max(maxPeriphery, c);
            }
        }

        Assert.True(minCore > maxPeriphery, $"core {minCore} vs periphery {maxPeriphery}");
        Assert.Equal("true", t.Properties["converged"]);
        Assert.True(ResultProperty.Of(t, "correlation") > 0.5);
    }

    [Theory]
    [InlineData(6, 20, 2)]
    [InlineData(4, 12, 1)]
    [InlineData(5, 10, 3)]
    public void Discrete_IdealStructure_RecoversTheCoreWithPerfectFit(int core, int periphery, int ties)
    {
        var t = Run(Ideal(core, periphery, ties), new CorePeripheryOptions { Model = CorePeripheryModel.Discrete });
        for (var v = 0; v < core + periphery; v++)
        {
            Assert.Equal(v < core ? 1.0 : 0.0, t[GraphSpec.Name(v)]);
        }

        // Core pairs all 1, periphery pairs all 0, core-periphery pairs left out: the correlation is exactly 1.
        Assert.Equal(1.0, ResultProperty.Of(t, "correlation"), 12);
        Assert.Equal(core.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Properties["core-size"]);
        Assert.Equal(["value", "coreness"], t.Columns);
    }

    [Fact]
    public void Discrete_FullyTiedPeriphery_CorePlusOneIsAlsoPerfect()
    {
        // With every periphery node tied to the whole core, the core plus any one periphery node is a clique too: both fit
        // perfectly, so the search may return either; it must contain the core and reach correlation 1.
        var t = Run(Ideal(5, 10, 5), new CorePeripheryOptions { Model = CorePeripheryModel.Discrete });
        for (var v = 0; v < 5; v++)
        {
            Assert.Equal(1.0, t[GraphSpec.Name(v)]);
        }

        Assert.InRange(ResultProperty.Of(t, "core-size"), 5, 6);
        Assert.Equal(1.0, ResultProperty.Of(t, "correlation"), 12);
    }

    [Fact]
    public void Continuous_Star_CentreIsTheCore()
    {
        var t = Run(GraphSpec.Star(8));
        for (var v = 1; v <= 8; v++)
        {
            Assert.True(t["v0"] > t[GraphSpec.Name(v)]);
        }

        // The leaves shrink towards 0 next to the centre.
        Assert.True(t["v1"] < 0.1 * t["v0"]);

        // The best least-squares fit lies at infinity (leaves → 0, centre → ∞): the sweeps stop at the limit, unconverged.
        Assert.Equal("false", t.Properties["converged"]);
        Assert.Equal("1000", t.Properties["iterations"]);
    }

    [Theory]
    [InlineData("karate", false)]
    [InlineData("karate", true)]
    [InlineData("lesmis", false)]
    [InlineData("lesmis", true)]
    [InlineData("gnp60", false)]
    [InlineData("davis", true)]
    public void Continuous_Converged_IsAFixedPointOfTheUpdate(string graph, bool weighted)
    {
        var net = OracleFixture.Load("networkx", graph).ToNetwork();
        var ctx = new MetricContext(net);
        var t = new CorePeripheryMetric().Compute(ctx, new CorePeripheryOptions { Weighted = weighted, Tolerance = 1e-12, MaxIterations = 100_000 });
        Assert.Equal("true", t.Properties["converged"]);
        var g = ctx.Graph(weighted ? GraphView.UndirectedWeighted : GraphView.UndirectedUnweighted);
        var c = t.Column().ToArray();
        var s2 = 0.0;
        var max = 0.0;
        foreach (var x in c)
        {
            s2 += x * x;
            max = Math.Max(max, x);
        }

        for (var i = 0; i < c.Length; i++)
        {
            // c_i = Σ_j a_ij c_j / Σ_{j≠i} c_j².
            var ac = 0.0;
            var nb = g.Neighbors(i);
            var w = g.Weights(i);
            for (var k = 0; k < nb.Length; k++)
            {
                ac += (weighted ? w[k] : 1.0) * c[nb[k]];
            }

            Assert.True(Math.Abs(c[i] - (ac / (s2 - (c[i] * c[i])))) <= 1e-9 * max, $"node {i}: {c[i]} vs {ac / (s2 - (c[i] * c[i]))}");
        }

        // And the fit is the plain Pearson correlation over the ordered pairs i ≠ j.
        Assert.Equal(DenseCorrelation(g, c, weighted), ResultProperty.Of(t, "correlation"), 10);
    }

    [Fact]
    public void Continuous_Karate_CoreIsTheTwoLeadersCircle()
    {
        // Zachary's karate club: the instructor (0) and the administrator (33) and their closest allies lead the coreness.
        Assert.Equal(0, Run(new GraphSpec(0, [])).Count);
        var karate = new CorePeripheryMetric().Compute(new MetricContext(OracleFixture.Load("networkx", "karate").ToNetwork()), new CorePeripheryOptions());
        var top = karate.Top(2);
        Assert.Contains(top, kv => kv.Key == "33");
        Assert.Contains(top, kv => kv.Key == "0");
    }

    [Fact]
    public void Discrete_SmallGraphs_NeverBeatsBruteForceAndMatchesItOnIdealOnes()
    {
        for (ulong seed = 1; seed <= 25; seed++)
        {
            var g = GraphSpec.Gnp(9, 0.35, seed);
            var ctx = new MetricContext(g.ToNetwork());
            var t = new CorePeripheryMetric().Compute(ctx, new CorePeripheryOptions { Model = CorePeripheryModel.Discrete });
            var best = BruteForce(ctx.Graph(GraphView.UndirectedUnweighted));
            var ours = ResultProperty.Of(t, "correlation");
            if (double.IsNaN(best))
            {
                Assert.True(double.IsNaN(ours));
                continue;
            }

            Assert.True(ours <= best + 1e-12, $"seed {seed}: {ours} > brute force {best}");
            Assert.True(ours >= best - 0.15, $"seed {seed}: {ours} far below brute force {best}");
        }

        var ideal = Ideal(4, 6, 2);
        var ic = new MetricContext(ideal.ToNetwork());
        Assert.Equal(BruteForce(ic.Graph(GraphView.UndirectedUnweighted)),
            ResultProperty.Of(new CorePeripheryMetric().Compute(ic, new CorePeripheryOptions { Model = CorePeripheryModel.Discrete }), "correlation"), 12);
    }

    [Fact]
    public void CorePeriphery_ThreadCounts_BitIdentical()
    {
        var g = GraphSpec.Gnp(300, 0.03, 21);
        foreach (var model in new[] { CorePeripheryModel.Continuous, CorePeripheryModel.Discrete })
        {
            var one = Run(g, new CorePeripheryOptions { Model = model, Weighted = true }, threads: 1);
            var eight = Run(g, new CorePeripheryOptions { Model = model, Weighted = true }, threads: 8);
            Assert.Equal(one.Column().ToArray(), eight.Column().ToArray());
            Assert.Equal(one.Properties["correlation"], eight.Properties["correlation"]);
        }
    }

    [Fact]
    public void CorePeriphery_Degenerate_NaN()
    {
        // No links, a single innovator, a complete graph: every pair alike, no correlation.
        foreach (var g in new[] { new GraphSpec(4, []), new GraphSpec(1, []), new GraphSpec(3, [(0, 1, 1), (1, 2, 1), (0, 2, 1)]) })
        {
            var t = Run(g);
            Assert.All(t.Column().ToArray(), x => Assert.True(double.IsNaN(x)));
            Assert.Equal("NaN", t.Properties["correlation"]);
        }

        // The discrete model needs two core and two periphery innovators.
        var d = Run(new GraphSpec(3, [(0, 1, 1)]), new CorePeripheryOptions { Model = CorePeripheryModel.Discrete });
        Assert.Equal("NaN", d.Properties["correlation"]);
    }

    [Fact]
    public void CorePeriphery_IsolatedInnovator_HasZeroCoreness()
    {
        var g = Ideal(4, 5, 2);
        var withIsolate = new GraphSpec(g.NodeCount + 1, g.Edges);
        Assert.Equal(0.0, Run(withIsolate)[GraphSpec.Name(g.NodeCount)]);
    }

    [Fact]
    public void CorePeriphery_Directed_EqualsTheSymmetrisedUndirectedFit()
    {
        var directed = GraphSpec.Gnp(30, 0.15, 3, directed: true);
        var sym = new List<(int, int, double)>();
        foreach (var (s, t, w) in directed.Edges)
        {
            sym.Add((s, t, w / 2));
        }

        var a = Run(directed, new CorePeripheryOptions { Weighted = true });
        var b = Run(new GraphSpec(30, sym), new CorePeripheryOptions { Weighted = true });
        for (var v = 0; v < 30; v++)
        {
            Assert.Equal(b[GraphSpec.Name(v)], a[GraphSpec.Name(v)], 9);
        }
    }

    [Fact]
    public void Family_ListsAndHandle()
    {
        Assert.Single(CorePeripheryFamily.Create());
        Assert.Equal("core-periphery", CorePeripheryFamily.Create()[0].Id);
        Assert.Equal("core-periphery", StandardMetrics.CorePeriphery.Id);
    }

    /// <summary>Pearson correlation of a_ij with c_i c_j over all ordered pairs i ≠ j, from the dense matrix.</summary>
    private static double DenseCorrelation(CsrGraph g, double[] c, bool weighted)
    {
        var n = g.NodeCount;
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j)
                {
                    var a = g.WeightOf(i, j);
                    xs.Add(weighted ? a : (a > 0 ? 1 : 0));
                    ys.Add(c[i] * c[j]);
                }
            }
        }

        return Moments.Pearson(CollectionsMarshal.AsSpan(xs), CollectionsMarshal.AsSpan(ys));
    }

    /// <summary>The best discrete correlation over every core of size 2..n-2 (core-periphery pairs left out).</summary>
    private static double BruteForce(CsrGraph g)
    {
        var n = g.NodeCount;
        var best = double.NaN;
        for (var mask = 0; mask < 1 << n; mask++)
        {
            var k = System.Numerics.BitOperations.PopCount((uint)mask);
            if (k < 2 || n - k < 2)
            {
                continue;
            }

            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var ci = (mask >> i & 1) == 1;
                    var cj = (mask >> j & 1) == 1;
                    if (i != j && ci == cj)
                    {
                        xs.Add(g.WeightOf(i, j) > 0 ? 1 : 0);
                        ys.Add(ci ? 1 : 0);
                    }
                }
            }

            var r = Moments.Pearson(CollectionsMarshal.AsSpan(xs), CollectionsMarshal.AsSpan(ys));
            if (!double.IsNaN(r) && (double.IsNaN(best) || r > best))
            {
                best = r;
            }
        }

        return best;
    }
}
