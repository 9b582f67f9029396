using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Centrality;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Centrality;

/// <summary>PageRank, eigenvector and Katz: edge cases, errors, recorded facts, determinism, cancellation.</summary>
public sealed class SpectralTests
{
    /// <summary>A sparse seeded network large enough to be cut into many chunks: n innovators, m random links.</summary>
    internal static GlocalNetwork Sparse(ulong seed, int n, int m, bool directed)
    {
        var r = new SplitMix(seed);
        var links = new (int, int)[m];
        var w = new double[m];
        for (var k = 0; k < m; k++)
        {
            // Preferential-ish: half the ends among the first tenth, to make hubs.
            var a = r.Next(n);
            var b = r.NextDouble() < 0.5 ? r.Next(Math.Max(1, n / 10)) : r.Next(n);
            if (a == b)
            {
                b = (b + 1) % n;
            }

            links[k] = (a, b);
            w[k] = 1 + r.Next(4);
        }

        return SpectralFixtures.Build(n, directed, links, w);
    }

    private static void BitIdentical(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Assert.Equal(a.Length, b.Length);
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(a[i]), BitConverter.DoubleToInt64Bits(b[i]));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PageRank_OneVersusEightThreads_BitIdentical(bool directed)
    {
        var net = Sparse(11, 30_000, 120_000, directed);
        var o = new PageRankOptions { Tolerance = 1e-10 };
        var one = new PageRankMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 1), o);
        var eight = new PageRankMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 8), o);
        BitIdentical(one.Column(), eight.Column());
        Assert.Equal(one.Properties["iterations"], eight.Properties["iterations"]);
        Assert.Equal(one.Properties["residual"], eight.Properties["residual"]);
    }

    [Fact]
    public void EigenvectorAndKatz_OneVersusEightThreads_BitIdentical()
    {
        var net = Sparse(12, 30_000, 120_000, directed: false);
        var e1 = new EigenvectorMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 1), new EigenvectorOptions { MaxIterations = 1000 });
        var e8 = new EigenvectorMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 8), new EigenvectorOptions { MaxIterations = 1000 });
        BitIdentical(e1.Column(), e8.Column());
        var k1 = new KatzMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 1), new KatzOptions { Alpha = 0.001 });
        var k8 = new KatzMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: 8), new KatzOptions { Alpha = 0.001 });
        BitIdentical(k1.Column(), k8.Column());
    }

    [Fact]
    public void PageRank_RecordsIterationsResidualAndOptions()
    {
        var fx = OracleFixture.Load("networkx", "karate");
        var r = new PageRankMetric().Compute(new MetricContext(fx.ToNetwork()), new PageRankOptions());
        var iterations = int.Parse(r.Properties["iterations"], System.Globalization.CultureInfo.InvariantCulture);
        var residual = double.Parse(r.Properties["residual"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(iterations, 2, 100);
        Assert.InRange(residual, 0, 34 * 1e-6);
        Assert.Equal("0.85", r.Properties["alpha"]);
        Assert.Equal("1E-06", r.Properties["tolerance"]);
        Assert.Equal("false", r.Properties["personalized"]);
        Assert.Equal("false", r.Properties["directed"]);
    }

    [Fact]
    public void PageRank_TooFewIterations_ThrowsConvergenceException()
    {
        var fx = OracleFixture.Load("networkx", "karate");
        var e = Assert.Throws<ConvergenceException>(() =>
            new PageRankMetric().Compute(new MetricContext(fx.ToNetwork()), new PageRankOptions { MaxIterations = 3 }));
        Assert.Equal("pagerank", e.MetricId);
        Assert.Equal(3, e.Iterations);
        Assert.True(e.Residual > 34 * 1e-6);
        Assert.Equal(34 * 1e-6, e.Tolerance, 15);
    }

    [Fact]
    public void Katz_AlphaAboveInverseSpectralRadius_ThrowsConvergenceException()
    {
        // Triangle: λ_max = 2, so α = 0.6 > 1/2 diverges.
        var net = SpectralFixtures.Build(3, false, (0, 1), (1, 2), (0, 2));
        var e = Assert.Throws<ConvergenceException>(() => new KatzMetric().Compute(new MetricContext(net), new KatzOptions { Alpha = 0.6 }));
        Assert.Equal(1000, e.Iterations);
    }

    [Fact]
    public void Katz_Triangle_IsUniform()
    {
        var net = SpectralFixtures.Build(3, false, (0, 1), (1, 2), (0, 2));
        var r = new KatzMetric().Compute(new MetricContext(net), new KatzOptions());
        foreach (var v in r.Column())
        {
            Assert.Equal(1 / Math.Sqrt(3), v, 12);
        }

        // Unnormalised: x = β / (1 - 2α) = 1.25.
        var raw = new KatzMetric().Compute(new MetricContext(net), new KatzOptions { Normalized = false, Tolerance = 1e-14 });
        Assert.Equal(1.25, raw[0], 12);
    }

    [Fact]
    public void AllThree_EmptyNetwork_EmptyTables()
    {
        var net = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city").Build();
        var ctx = new MetricContext(net);
        Assert.Equal(0, new PageRankMetric().Compute(ctx, new PageRankOptions()).Count);
        Assert.Equal(0, new EigenvectorMetric().Compute(ctx, new EigenvectorOptions()).Count);
        Assert.Equal(0, new KatzMetric().Compute(ctx, new KatzOptions()).Count);
    }

    [Fact]
    public void AllThree_NoLinks_UniformScores()
    {
        var net = SpectralFixtures.Build(4, false);
        var ctx = new MetricContext(net);
        foreach (var v in new PageRankMetric().Compute(ctx, new PageRankOptions()).Column())
        {
            Assert.Equal(0.25, v, 15);
        }

        foreach (var v in new EigenvectorMetric().Compute(ctx, new EigenvectorOptions()).Column())
        {
            Assert.Equal(0.5, v, 15);
        }

        foreach (var v in new KatzMetric().Compute(ctx, new KatzOptions()).Column())
        {
            Assert.Equal(0.5, v, 15);
        }
    }

    [Fact]
    public void PageRank_StarDirectedToHub_HandValues()
    {
        // 1 -> 0, 2 -> 0; 0 dangling. Stationary: x1 = x2 = (1 - α)/3 + α x0/3 and x0 + 2 x1 = 1, so x1 = 1/(3 + 2α).
        var net = SpectralFixtures.Build(3, true, (1, 0), (2, 0));
        var r = new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions { Tolerance = 1e-15, MaxIterations = 1000 });
        const double a = 0.85;
        var leaf = 1 / (3 + (2 * a));
        var hub = 1 - (2 * leaf);
        Assert.Equal(hub, r["0"], 12);
        Assert.Equal(leaf, r["1"], 12);
        Assert.Equal(leaf, r["2"], 12);
    }

    [Fact]
    public void PageRank_UnknownPersonalizationId_ThrowsArgumentException()
    {
        var net = SpectralFixtures.Build(3, false, (0, 1));
        var e = Assert.Throws<ArgumentException>(() => new PageRankMetric().Compute(new MetricContext(net),
            new PageRankOptions { Personalization = new Dictionary<string, double> { ["nobody"] = 1 } }));
        Assert.StartsWith("Personalization names innovator 'nobody', which is not in the network.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void PageRank_AlphaOutOfRange_ThrowsArgumentException(double alpha)
    {
        var net = SpectralFixtures.Build(2, false, (0, 1));
        Assert.Throws<ArgumentException>(() => new PageRankMetric().Compute(new MetricContext(net), new PageRankOptions { Alpha = alpha }));
    }

    [Fact]
    public void PageRank_PersonalizationSummingToZero_ThrowsArgumentException()
    {
        var net = SpectralFixtures.Build(2, false, (0, 1));
        var e = Assert.Throws<ArgumentException>(() => new PageRankMetric().Compute(new MetricContext(net),
            new PageRankOptions { Personalization = new Dictionary<string, double> { ["0"] = 0 } }));
        Assert.StartsWith("The weights of Personalization sum to 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PageRank_Cancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var net = SpectralFixtures.Build(3, false, (0, 1), (1, 2));
        Assert.ThrowsAny<OperationCanceledException>(() =>
            new PageRankMetric().Compute(new MetricContext(net, cancellationToken: cts.Token), new PageRankOptions()));
    }

    [Fact]
    public void PageRank_ReportsProgressToTheEnd()
    {
        var seen = new List<MetricProgress>();
        var progress = new SyncProgress(seen);
        var net = SpectralFixtures.Build(3, false, (0, 1), (1, 2));
        new PageRankMetric().Compute(new MetricContext(net, progress: progress), new PageRankOptions());
        Assert.NotEmpty(seen);
        Assert.Equal(new MetricProgress("pagerank", 100, 100), seen[^1]);
    }

    [Fact]
    public void Registry_HasTheThreeIds()
    {
        var ids = new HashSet<string>();
        foreach (var m in BuiltInMetrics.Create())
        {
            ids.Add(m.Id);
        }

        Assert.Contains("pagerank", ids);
        Assert.Contains("eigenvector", ids);
        Assert.Contains("katz", ids);
        Assert.Equal("pagerank", StandardMetrics.PageRank.Id);
        Assert.Equal("eigenvector", StandardMetrics.Eigenvector.Id);
        Assert.Equal("katz", StandardMetrics.Katz.Id);
    }

    private sealed class SyncProgress(List<MetricProgress> sink) : IProgress<MetricProgress>
    {
        public void Report(MetricProgress value) => sink.Add(value);
    }
}
