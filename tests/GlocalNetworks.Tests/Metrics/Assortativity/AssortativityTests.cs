using System.Collections.Generic;
using GlocalNetworks.Internal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Assortativity;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.Metrics.Centrality;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Assortativity;

/// <summary>Degree and attribute assortativity against networkx 3.6.1 and python-igraph 0.10.2, and by hand.</summary>
public sealed class AssortativityTests
{
    public static TheoryData<string> Graphs => SpectralFixtures.All();

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Degree_MatchesNetworkxAndIgraph(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var ctx = new MetricContext(fx.ToNetwork());
        var r = new AssortativityMetric().Compute(ctx, new AssortativityOptions());
        SpectralFixtures.NetworkValue(fx, "assortativity", r.Value);
        SpectralFixtures.NetworkValue(OracleFixture.Load("igraph", graph), "assortativity", r.Value);
        Assert.Equal("degree", r.Properties["mode"]);
        SpectralFixtures.NetworkValue(fx, "assortativity:weighted",
            new AssortativityMetric().Compute(ctx, new AssortativityOptions { Weighted = true }).Value);
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Attribute_MatchesNetworkx(string graph)
    {
        var fx = OracleFixture.Load("networkx", graph);
        var r = new AssortativityMetric().Compute(new MetricContext(fx.ToNetwork()), new AssortativityOptions { Attribute = "group" });
        SpectralFixtures.NetworkValue(fx, "assortativity:attribute", r.Value);
        Assert.Equal("attribute", r.Properties["mode"]);
        Assert.Equal("3", r.Properties["categories"]);
    }

    /// <summary>a (Munich, Firm, sector x), b (Nuremberg, University, x), c (Dresden, Firm, y), d (Paris, Firm, no sector),
    /// e (Europe: no country, Government, y); links a-b, a-c, c-d, d-e.</summary>
    private static GlocalNetwork Places() => TinyNetworks.WorldBuilder()
        .AddInnovator("a", "A", InnovatorKind.Firm, "Munich", attributes: new Dictionary<string, string> { ["sector"] = "x", ["kind"] = "p" })
        .AddInnovator("b", "B", InnovatorKind.University, "Nuremberg", attributes: new Dictionary<string, string> { ["sector"] = "x", ["kind"] = "p" })
        .AddInnovator("c", "C", InnovatorKind.Firm, "Dresden", attributes: new Dictionary<string, string> { ["sector"] = "y", ["kind"] = "q" })
        .AddInnovator("d", "D", InnovatorKind.Firm, "Paris")
        .AddInnovator("e", "E", InnovatorKind.Government, "Europe", attributes: new Dictionary<string, string> { ["sector"] = "y", ["kind"] = "q" })
        .AddLink("a", "b").AddLink("a", "c").AddLink("c", "d").AddLink("d", "e")
        .Build();

    [Theory]
    [InlineData("region:country", 1.0 / 17, 3)]   // DE, DE, DE, FR, none
    [InlineData("REGION:province", 5.0 / 21, 3)]  // Bavaria, Bavaria, Saxony, none (Paris skips the level), none
    [InlineData("kind", -3.0 / 13, 3)]            // Firm, University, Firm, Firm, Government
    [InlineData("sector", -1.0 / 7, 3)]           // x, x, y, none, y
    [InlineData("attribute:kind", -1.0 / 7, 3)]   // the attribute called "kind": p, p, q, none, q
    public void Attribute_HandValues(string attribute, double expected, int categories)
    {
        var r = new AssortativityMetric().Compute(new MetricContext(Places()), new AssortativityOptions { Attribute = attribute });
        Assert.Equal(expected, r.Value, 14);
        Assert.Equal(categories.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Properties["categories"]);
        Assert.Equal("8", r.Properties["pairs"]);
    }

    [Fact]
    public void Attribute_UnknownLevel_ThrowsUnknownRegionLevel()
    {
        Assert.Throws<UnknownRegionLevelException>(() =>
            new AssortativityMetric().Compute(new MetricContext(Places()), new AssortativityOptions { Attribute = "region:nuts2" }));
    }

    [Fact]
    public void Degree_Star_IsMinusOne_AndRegularGraphIsNaN()
    {
        var star = SpectralFixtures.Build(4, false, (0, 1), (0, 2), (0, 3));
        Assert.Equal(-1, new AssortativityMetric().Compute(new MetricContext(star), new AssortativityOptions()).Value, 14);
        var cycle = SpectralFixtures.Build(4, false, (0, 1), (1, 2), (2, 3), (3, 0));
        Assert.True(double.IsNaN(new AssortativityMetric().Compute(new MetricContext(cycle), new AssortativityOptions()).Value));
    }

    [Fact]
    public void Directed_XAndYChooseTheDegrees()
    {
        // 0→1, 0→2, 1→2, 3→2. out: 2, 1, 0, 1; in: 0, 1, 3, 0.
        var net = SpectralFixtures.Build(4, true, (0, 1), (0, 2), (1, 2), (3, 2));
        var ctx = new MetricContext(net);
        // Arcs in order (0,1), (0,2), (1,2), (3,2).
        var outIn = Moments.Pearson([2, 2, 1, 1], [1, 3, 3, 3]);
        var inOut = Moments.Pearson([0, 0, 1, 0], [1, 0, 0, 0]);
        Assert.Equal(outIn, new AssortativityMetric().Compute(ctx, new AssortativityOptions()).Value, 14);
        Assert.Equal(inOut, new AssortativityMetric().Compute(ctx, new AssortativityOptions { X = AssortativityDegree.In, Y = AssortativityDegree.Out }).Value, 14);
    }

    [Fact]
    public void NoLinks_NaN()
    {
        var ctx = new MetricContext(SpectralFixtures.Build(3, false));
        Assert.True(double.IsNaN(new AssortativityMetric().Compute(ctx, new AssortativityOptions()).Value));
        Assert.True(double.IsNaN(new AssortativityMetric().Compute(ctx, new AssortativityOptions { Attribute = "kind" }).Value));
    }

    [Fact]
    public void IsRegistered()
    {
        Assert.Equal("assortativity", StandardMetrics.Assortativity.Id);
        Assert.Contains(BuiltInMetrics.Create(), m => m.Id == "assortativity");
    }
}
