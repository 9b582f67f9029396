using System;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class BuzzPipelinesTests
{
    private const double Tol = 1e-15;

    private static RegionTable Run(GlocalNetwork net, BuzzPipelinesOptions o) => new BuzzPipelinesMetric().Compute(new MetricContext(net), o);

    [Fact]
    public void Compute_TriangleInsideOneCity_IsAllBuzzNoPipeline()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Munich")
            .AddLink("a", "b").AddLink("b", "c", weight: 2).AddLink("a", "c")
            .Build();

        var t = Run(net, new BuzzPipelinesOptions { Level = "city" });

        Assert.Equal(["Munich"], t.Ids);
        Assert.Equal("city", t.Level);
        Assert.Equal(3, t["Munich", "members"]);
        Assert.Equal(3, t["Munich", "internal"]);
        Assert.Equal(4, t["Munich", "internal-weight"]);
        Assert.Equal(1, t["Munich", "density"]);               // 3 / (3·2/2)
        Assert.Equal(1, t["Munich", "transitivity"]);
        Assert.Equal(1, t["Munich", "average-clustering"]);
        Assert.Equal(0, t["Munich", "external"]);
        Assert.Equal(0, t["Munich", "external-weight"]);
        Assert.Equal(0, t["Munich", "regions-reached"]);
        Assert.Equal(0, t["Munich", "partners"]);
        Assert.True(double.IsNaN(t["Munich", "hhi"]));          // no external tie: Σx = 0
        Assert.True(double.IsNaN(t["Munich", "hhi-normalised"]));
        Assert.True(double.IsNaN(t["Munich", "gini"]));
        Assert.Equal(0, t["Munich", "pipeline-share"]);          // 0 / (0 + 3)
    }

    /// <summary>
    /// A star: hub h in Munich with leaves m1, m2 (Munich), n1 (Nuremberg), d1, d2 (Dresden), p1 (Paris), plus the leaf
    /// link d1-d2 (weight 3). Hub links weigh 1, except h-p1 (2).
    /// </summary>
    private static GlocalNetwork Star() => TinyNetworks.WorldBuilder()
        .AddInnovator("h", "Hub", InnovatorKind.Firm, "Munich")
        .AddInnovator("m1", "M1", InnovatorKind.Firm, "Munich")
        .AddInnovator("m2", "M2", InnovatorKind.Firm, "Munich")
        .AddInnovator("n1", "N1", InnovatorKind.Firm, "Nuremberg")
        .AddInnovator("d1", "D1", InnovatorKind.Firm, "Dresden")
        .AddInnovator("d2", "D2", InnovatorKind.Firm, "Dresden")
        .AddInnovator("p1", "P1", InnovatorKind.Firm, "Paris")
        .AddLink("h", "m1").AddLink("h", "m2").AddLink("h", "n1").AddLink("h", "d1").AddLink("h", "d2")
        .AddLink("h", "p1", weight: 2)
        .AddLink("d1", "d2", weight: 3)
        .Build();

    [Fact]
    public void Compute_StarAcrossTwoProvinces_HandValues()
    {
        var t = Run(Star(), new BuzzPipelinesOptions { Level = "province", ReachLevel = "country" });

        Assert.Equal(["Bavaria", "Saxony"], t.Ids);
        // Bavaria = {h, m1, m2, n1}: G[R] is a star with 3 edges; density 3/6; no triangle.
        Assert.Equal(4, t["Bavaria", "members"]);
        Assert.Equal(3, t["Bavaria", "internal"]);
        Assert.Equal(0.5, t["Bavaria", "density"]);
        Assert.Equal(0, t["Bavaria", "transitivity"]);
        Assert.Equal(0, t["Bavaria", "average-clustering"]);
        // External (p1 has no province: h-p1 counts in neither): h-d1, h-d2. Saxony is the one region reached, both d's the partners.
        Assert.Equal(2, t["Bavaria", "external"]);
        Assert.Equal(1, t["Bavaria", "regions-reached"]);
        Assert.Equal(2, t["Bavaria", "partners"]);
        // Countries: Saxony is in DE like Bavaria, and p1 is ungrouped: no other country reached.
        Assert.Equal(0, t["Bavaria", "regions-reached.country"]);
        // x = (2, 0, 0, 0): HHI 1, normalised 1; Gini = Σ|xi - xj| / (2 n² mean) = (2·3·2) / (2·16·0.5) = 0.75.
        Assert.Equal(1, t["Bavaria", "hhi"]);
        Assert.Equal(1, t["Bavaria", "hhi-normalised"]);
        Assert.Equal(0.75, t["Bavaria", "gini"], Tol);
        Assert.Equal(0.4, t["Bavaria", "pipeline-share"], Tol);  // 2 / (2 + 3)

        // Saxony = {d1, d2}: one internal edge (weight 3), density 1, no triangle; x = (1, 1): HHI 1/2, normalised 0, Gini 0.
        Assert.Equal(1, t["Saxony", "density"]);
        Assert.Equal(3, t["Saxony", "internal-weight"]);
        Assert.Equal(0, t["Saxony", "transitivity"]);
        Assert.Equal(2, t["Saxony", "external"]);
        Assert.Equal(1, t["Saxony", "partners"]);
        Assert.Equal(0.5, t["Saxony", "hhi"]);
        Assert.Equal(0, t["Saxony", "hhi-normalised"]);
        Assert.Equal(0, t["Saxony", "gini"]);
        Assert.Equal(2.0 / 3, t["Saxony", "pipeline-share"], Tol);
        Assert.Equal("1", t.Properties["ungrouped"]);            // p1 (Paris sits directly under FR)
        Assert.Equal("1", t.Properties["ungrouped-links"]);      // h-p1
    }

    [Fact]
    public void Compute_StarAtCountryLevel_ReachAndConcentration()
    {
        var t = Run(Star(), new BuzzPipelinesOptions { Level = "country", ReachLevel = "world-region", Weighted = false });

        // DE = 6 members, FR = {p1}. DE's only external tie is h-p1: one partner, one region; both in Europe.
        Assert.Equal(["DE", "FR"], t.Ids);
        Assert.Equal(1, t["DE", "external"]);
        Assert.Equal(2, t["DE", "external-weight"]);
        Assert.Equal(1, t["DE", "regions-reached"]);
        Assert.Equal(0, t["DE", "regions-reached.world-region"]);
        Assert.Equal(1, t["DE", "hhi"]);
        // Counts x = (1, 0, 0, 0, 0, 0): Gini = 2·6·1/(6·1) - 7/6 = 5/6.
        Assert.Equal(5.0 / 6, t["DE", "gini"], 1e-15);
        // FR: one member: density NaN (n < 2), average clustering 0, HHI 1, normalised NaN, Gini 0.
        Assert.True(double.IsNaN(t["FR", "density"]));
        Assert.Equal(0, t["FR", "average-clustering"]);
        Assert.Equal(1, t["FR", "hhi"]);
        Assert.True(double.IsNaN(t["FR", "hhi-normalised"]));
        Assert.Equal(0, t["FR", "gini"]);
        Assert.Equal(1, t["FR", "pipeline-share"]);
        Assert.Equal("false", t.Properties["weighted"]);
        Assert.Equal("world-region", t.Properties["reach-level"]);
    }

    [Fact]
    public void Compute_TriangleWithPendant_ClusteringAsNetworkx()
    {
        // Munich: triangle a-b-c plus pendant d on c. networkx: transitivity 3·1/5 triads = 0.6;
        // clustering a = b = 1, c = 1/3, d = 0: average (1 + 1 + 1/3) / 4 = 7/12.
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Munich")
            .AddInnovator("d", "D", InnovatorKind.Firm, "Munich")
            .AddInnovator("e", "E", InnovatorKind.Firm, "Nuremberg")
            .AddLink("a", "b").AddLink("b", "c").AddLink("a", "c").AddLink("c", "d")
            .AddLink("d", "e").AddLink("a", "e").AddLink("b", "e") // external ties close no triangle inside Munich
            .Build();

        var t = Run(net, new BuzzPipelinesOptions { Level = "city" });

        Assert.Equal(0.6, t["Munich", "transitivity"], Tol);
        Assert.Equal(7.0 / 12, t["Munich", "average-clustering"], Tol);
        Assert.Equal(4.0 / 6, t["Munich", "density"], Tol);
        Assert.Equal(3, t["Munich", "external"]);
        Assert.Equal(1, t["Munich", "partners"]);
    }

    [Fact]
    public void Compute_ReachLevelNotCoarser_Throws()
    {
        Assert.Throws<ArgumentException>(() => Run(Star(), new BuzzPipelinesOptions { Level = "country", ReachLevel = "province" }));
        Assert.Throws<UnknownRegionLevelException>(() => Run(Star(), new BuzzPipelinesOptions { ReachLevel = "nuts1" }));
    }

    [Fact]
    public void Concentration_HandValues()
    {
        // x = (3, 1, 0, 0): s = (0.75, 0.25, 0, 0), HHI 0.625, normalised (0.625 - 0.25)/0.75 = 0.5;
        // Gini: Σ_ij |xi - xj| = 2·(2 + 3 + 3 + 1 + 1 + 0) = 20, / (2·16·1) = 0.625.
        var (hhi, normalised, gini) = BuzzPipelinesMetric.Concentration(new double[] { 0, 3, 0, 1 });

        Assert.Equal(0.625, hhi, Tol);
        Assert.Equal(0.5, normalised, Tol);
        Assert.Equal(0.625, gini, Tol);
    }
}
