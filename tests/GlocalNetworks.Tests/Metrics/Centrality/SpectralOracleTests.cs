using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Centrality;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Centrality;

/// <summary>PageRank, eigenvector and Katz centrality against networkx 3.6.1 (and python-igraph 0.10.2) on every oracle graph.</summary>
public sealed class SpectralOracleTests
{
    public static TheoryData<string> Graphs => SpectralFixtures.All();

    private static (OracleFixture Fixture, MetricContext Context) Load(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        return (fx, new MetricContext(fx.ToNetwork()));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void PageRank_Defaults_MatchNetworkx(string graph)
    {
        var (fx, ctx) = Load(graph);
        var r = new PageRankMetric().Compute(ctx, new PageRankOptions());
        OracleAssert.Nodes(fx, "pagerank", r);

        // The same iteration as networkx, stopped at the same step: equal to rounding, far inside the fixture's tolerance.
        OracleAssert.Nodes(fx, "pagerank", r, tolerance: 1e-13);
        Assert.Equal("true", r.Properties["weighted"]);
        Assert.Equal(fx.Directed ? "true" : "false", r.Properties["directed"]);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void PageRank_TightTolerance_MatchesNetworkxTo1e9(string graph)
    {
        var (fx, ctx) = Load(graph);
        var r = new PageRankMetric().Compute(ctx, new PageRankOptions { Tolerance = 1e-12 });
        OracleAssert.Nodes(fx, "pagerank:tight", r);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void PageRank_TightTolerance_MatchesIgraphPrpackTo1e9(string graph)
    {
        var ig = OracleFixture.Load("igraph", graph);
        var ctx = new MetricContext(OracleFixture.Load("networkx", graph).ToNetwork());
        var weighted = new PageRankMetric().Compute(ctx, new PageRankOptions { Tolerance = 1e-12 });
        var unweighted = new PageRankMetric().Compute(ctx, new PageRankOptions { Tolerance = 1e-12, Weighted = false });
        OracleAssert.Nodes(ig, "pagerank:weighted", weighted);
        OracleAssert.Nodes(ig, "pagerank", unweighted);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void PageRank_Variants_MatchNetworkx(string graph)
    {
        var (fx, ctx) = Load(graph);
        var m = new PageRankMetric();
        OracleAssert.Nodes(fx, "pagerank:unweighted", m.Compute(ctx, new PageRankOptions { Tolerance = 1e-12, Weighted = false }));
        OracleAssert.Nodes(fx, "pagerank:alpha-0.5", m.Compute(ctx, new PageRankOptions { Tolerance = 1e-12, Alpha = 0.5 }));
        var personalization = SpectralFixtures.Map(fx, "pagerank:personalized", "personalization");
        var personalized = m.Compute(ctx, new PageRankOptions { Tolerance = 1e-12, Personalization = personalization });
        OracleAssert.Nodes(fx, "pagerank:personalized", personalized);
        Assert.Equal("true", personalized.Properties["personalized"]);
    }

    [Fact]
    public void PageRank_DanglingToSink_MatchesNetworkx()
    {
        var (fx, ctx) = Load("dangling");
        var r = new PageRankMetric().Compute(ctx, new PageRankOptions
        {
            Tolerance = 1e-12,
            Dangling = SpectralFixtures.Map(fx, "pagerank:dangling-to-sink", "dangling"),
        });
        OracleAssert.Nodes(fx, "pagerank:dangling-to-sink", r);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Eigenvector_MatchesNetworkx(string graph)
    {
        var (fx, ctx) = Load(graph);
        var m = new EigenvectorMetric();
        OracleAssert.Nodes(fx, "eigenvector", m.Compute(ctx, new EigenvectorOptions { MaxIterations = 1000 }), tolerance: 1e-13);
        OracleAssert.Nodes(fx, "eigenvector:weighted", m.Compute(ctx, new EigenvectorOptions { MaxIterations = 1000, Weighted = true }));
        OracleAssert.Nodes(fx, "eigenvector:tight", m.Compute(ctx, new EigenvectorOptions { MaxIterations = 100_000, Tolerance = 1e-13 }));
        OracleAssert.Nodes(fx, "eigenvector:weighted-tight",
            m.Compute(ctx, new EigenvectorOptions { MaxIterations = 100_000, Tolerance = 1e-13, Weighted = true }));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Katz_MatchesNetworkx(string graph)
    {
        var (fx, ctx) = Load(graph);
        var m = new KatzMetric();
        foreach (var (key, weighted, tol) in new[]
        {
            ("katz", false, 1e-6), ("katz:weighted", true, 1e-6), ("katz:tight", false, 1e-13), ("katz:weighted-tight", true, 1e-13),
        })
        {
            var alpha = fx.Metric(key).GetProperty("alpha").GetDouble();
            var r = m.Compute(ctx, new KatzOptions { Alpha = alpha, Weighted = weighted, Tolerance = tol });
            OracleAssert.Nodes(fx, key, r, tolerance: 1e-13);
        }
    }
}
