using System;
using System.Collections.Generic;
using System.Threading;
using FsCheck.Xunit;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Centrality;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Centrality;

/// <summary>PageRank's Chebyshev solver: the oracles' values, the stopping rule it reports, fewer passes, determinism and its
/// refusal of directed networks.</summary>
public sealed class PageRankChebyshevTests
{
    private static readonly PageRankOptions Chebyshev = new() { Solver = PageRankSolver.Chebyshev, Tolerance = 1e-12 };

    public static TheoryData<string> Undirected => SpectralFixtures.Undirected();

    [Theory]
    [MemberData(nameof(Undirected))]
    public void Chebyshev_TightTolerance_MatchesNetworkxAndIgraph(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var ig = OracleFixture.Load("igraph", graph);
        var ctx = new MetricContext(fx.ToNetwork());
        var m = new PageRankMetric();
        var r = m.Compute(ctx, Chebyshev);
        OracleAssert.Nodes(fx, "pagerank:tight", r);
        OracleAssert.Nodes(ig, "pagerank:weighted", r);
        OracleAssert.Nodes(ig, "pagerank", m.Compute(ctx, Chebyshev with { Weighted = false }));
        OracleAssert.Nodes(fx, "pagerank:unweighted", m.Compute(ctx, Chebyshev with { Weighted = false }));
        OracleAssert.Nodes(fx, "pagerank:alpha-0.5", m.Compute(ctx, Chebyshev with { Alpha = 0.5 }));
        var personalization = SpectralFixtures.Map(fx, "pagerank:personalized", "personalization");
        OracleAssert.Nodes(fx, "pagerank:personalized", m.Compute(ctx, Chebyshev with { Personalization = personalization }));
        Assert.Equal("chebyshev", r.Properties["solver"]);
    }

    [Fact]
    public void Chebyshev_DirectedNetwork_ThrowsNamingTheSolver()
    {
        var net = SpectralFixtures.Build(3, true, (0, 1), (1, 2), (2, 0));
        var e = Assert.Throws<ArgumentException>(() => new PageRankMetric().Compute(new MetricContext(net), Chebyshev));
        Assert.Contains("'Chebyshev' needs an undirected network", e.Message, StringComparison.Ordinal);

        // The same links read as undirected are accepted.
        var r = new PageRankMetric().Compute(new MetricContext(net), Chebyshev with { Directed = false });
        Assert.Equal(1.0 / 3, r[0], 12);
    }

    [Fact]
    public void Chebyshev_ReportedResidual_IsTheL1ChangeOfAPowerStepFromTheResult()
    {
        // Isolated innovators (dangling), weights, a non-uniform teleport and a loose tolerance so that it stops on a Chebyshev step.
        var net = Fragmented(7, components: 40, extraIsolated: 15);
        var n = net.Innovators.Count;
        var p = new Dictionary<string, double>();
        for (var i = 0; i < n; i += 3)
        {
            p[net.Innovators[i].Id] = 1 + (i % 5);
        }

        var options = new PageRankOptions { Solver = PageRankSolver.Chebyshev, Tolerance = 1e-9, Personalization = p };
        var ctx = new MetricContext(net);
        var r = new PageRankMetric().Compute(ctx, options);
        Assert.True(int.Parse(r.Properties["iterations"], System.Globalization.CultureInfo.InvariantCulture) > PageRankKernel.ChebyshevWarmUp);

        // One power step from the result, written out by hand.
        var g = ctx.Graph(GraphView.UndirectedWeighted);
        var x = r.Column().ToArray();
        double pSum = 0;
        var pv = new double[n];
        for (var i = 0; i < n; i++)
        {
            pv[i] = p.TryGetValue(net.Innovators[i].Id, out var w) ? w : 0;
            pSum += pv[i];
        }

        double dangling = 0;
        var strength = new double[n];
        for (var u = 0; u < n; u++)
        {
            strength[u] = g.Strength(u);
            if (strength[u] == 0)
            {
                dangling += x[u];
            }
        }

        double change = 0;
        for (var v = 0; v < n; v++)
        {
            double s = 0;
            var targets = g.Neighbors(v);
            var weights = g.Weights(v);
            for (var k = 0; k < targets.Length; k++)
            {
                s += weights[k] * x[targets[k]] / strength[targets[k]];
            }

            var step = (0.85 * (s + (dangling * pv[v] / pSum))) + (0.15 * pv[v] / pSum);
            change += Math.Abs(step - x[v]);
        }

        var reported = double.Parse(r.Properties["residual"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(reported, change, 1e-14);
        Assert.True(change < n * 1e-9);
    }

    [Fact]
    public void Chebyshev_SplitNetwork_NeedsFarFewerPassesThanPowerIteration()
    {
        // Many components: the walk has eigenvalue 1 many times over, so power iteration converges at α per step.
        var net = Fragmented(3, components: 300, extraIsolated: 0);
        var power = new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions { Tolerance = 1e-12, MaxIterations = 1000 });
        var cheb = new PageRankMetric().Compute(new MetricContext(net), Chebyshev with { MaxIterations = 1000 });
        var ip = int.Parse(power.Properties["iterations"], System.Globalization.CultureInfo.InvariantCulture);
        var ic = int.Parse(cheb.Properties["iterations"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ic * 2 < ip, $"Chebyshev {ic} passes, power iteration {ip}");
        WithinErrorBound(net, cheb);
    }

    /// <summary>
    /// The L1 distance to the fixed point is at most residual / (1 - α) (the iteration map contracts by α in L1), so the
    /// result must lie that close to a reference computed to a residual at least 10 times smaller.
    /// </summary>
    private static void WithinErrorBound(GlocalNetwork net, NodeTable result)
    {
        var reference = new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions { Tolerance = 1e-16, MaxIterations = 10_000 });
        double distance = 0;
        for (var i = 0; i < result.Count; i++)
        {
            distance += Math.Abs(result[i] - reference[i]);
        }

        var bound = (Residual(result) + Residual(reference)) / 0.15;
        Assert.True(distance <= bound, $"L1 distance {distance:R} above the bound {bound:R}");
        Assert.True(Residual(reference) < Residual(result) / 10, "the reference is more accurate");
    }

    private static double Residual(NodeTable t) => double.Parse(t.Properties["residual"], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Chebyshev_ConnectedSparseNetwork_NeedsFewerPasses()
    {
        var net = SpectralTests.Sparse(21, 20_000, 100_000, directed: false);
        var o = new PageRankOptions { Tolerance = 1e-10 / 20_000 };
        var power = new PageRankMetric().Compute(new MetricContext(net), o);
        var cheb = new PageRankMetric().Compute(new MetricContext(net), o with { Solver = PageRankSolver.Chebyshev });
        var ip = int.Parse(power.Properties["iterations"], System.Globalization.CultureInfo.InvariantCulture);
        var ic = int.Parse(cheb.Properties["iterations"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ic < ip, $"Chebyshev {ic} passes, power iteration {ip}");
        WithinErrorBound(net, cheb);
    }

    [Fact]
    public void Chebyshev_OneVersusEightThreads_BitIdentical()
    {
        var net = SpectralTests.Sparse(11, 30_000, 120_000, directed: false);
        var o = Chebyshev with { Tolerance = 1e-10 };
        var one = new PageRankMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 1), o);
        var eight = new PageRankMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 8), o);
        for (var i = 0; i < one.Count; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(one[i]), BitConverter.DoubleToInt64Bits(eight[i]));
        }

        Assert.Equal(one.Properties["residual"], eight.Properties["residual"]);
    }

    [Fact]
    public void Kernel_ChebyshevOnDirectedGraph_Throws()
    {
        var g = CsrGraph.Build([0, 1], [1, 2], ReadOnlySpan<double>.Empty, 3, directed: true);
        Assert.Throws<ArgumentException>(() => PageRankKernel.Run(g, 0.85, null, null, false, 100, 1e-6, 1, CancellationToken.None, chebyshev: true));
    }

    [Theory]
    [InlineData(0.85, 0.40, 0.45, 0.44)]
    [InlineData(0.85, 0.40, 0.30, 0.29)]
    public void EstimateRho_TakesTheLargerRecentRatioWithMargin(double alpha, double expectedRatio, double r2OverR3, double r1OverR2)
    {
        _ = expectedRatio;
        var rho = PageRankKernel.EstimateRho(alpha, 1, r2OverR3, r2OverR3 * r1OverR2);
        Assert.Equal(1.1 * Math.Max(r2OverR3, r1OverR2), rho, 12);
    }

    [Theory]
    [InlineData(0.85, 0.95, 0.85)]
    [InlineData(1.0, 1.0, 0.99)]
    [InlineData(0.85, double.NaN, 0.85)]
    public void EstimateRho_CapsAtAlphaAnd099(double alpha, double ratio, double expected)
    {
        Assert.Equal(expected, PageRankKernel.EstimateRho(alpha, 1, ratio, ratio * ratio), 12);
    }

    [Property(MaxTest = 100)]
    public bool Chebyshev_AgreesWithPowerIteration_OnRandomUndirectedNetworks(int seed, bool weighted)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 2 + r.Next(40);
        var net = SpectralFixtures.Random(((ulong)(uint)seed * 17) + 3, n, 0.02 + (0.25 * r.NextDouble()), directed: false);
        var o = new PageRankOptions { Tolerance = 1e-14, MaxIterations = 10_000, Weighted = weighted };
        var a = new PageRankMetric().Compute(new MetricContext(net), o);
        var b = new PageRankMetric().Compute(new MetricContext(net), o with { Solver = PageRankSolver.Chebyshev });
        var sum = 0.0;
        for (var i = 0; i < a.Count; i++)
        {
            if (!(Math.Abs(a[i] - b[i]) < 1e-12) || !(b[i] > 0))
            {
                return false;
            }

            sum += b[i];
        }

        return Math.Abs(sum - 1) < 1e-11;
    }

    /// <summary>A network of <paramref name="components"/> small weighted components (paths, triangles and stars of 2-7
    /// innovators) plus isolated innovators.</summary>
    private static GlocalNetwork Fragmented(ulong seed, int components, int extraIsolated)
    {
        var r = new SplitMix(seed);
        var links = new List<(int, int)>();
        var weights = new List<double>();
        var next = 0;
        for (var c = 0; c < components; c++)
        {
            var size = 2 + r.Next(6);
            for (var i = 1; i < size; i++)
            {
                var j = r.NextDouble() < 0.5 ? i - 1 : r.Next(i);
                links.Add((next + j, next + i));
                weights.Add(1 + r.Next(4));
            }

            if (size >= 3 && r.NextDouble() < 0.5)
            {
                links.Add((next, next + size - 1));
                weights.Add(1);
            }

            next += size;
        }

        return SpectralFixtures.Build(next + extraIsolated, false, links.ToArray(), weights.ToArray());
    }
}
