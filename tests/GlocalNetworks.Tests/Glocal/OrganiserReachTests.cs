using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class OrganiserReachTests
{
    private const double Tol = 1e-12;

    private static OrganiserReachResult Run(GlocalNetwork net, OrganiserReachOptions? options = null) =>
        new OrganiserReachMetric().Compute(new MetricContext(net), options ?? new OrganiserReachOptions());

    /// <summary>
    /// a, b Munich; c Nuremberg; d Dresden; e Paris; f Tokyo. Links a-b, a-c, c-d, d-e, e-f, a-e.
    /// cluster {a, b, c}; alliance {a, d, e, a (again)}; solo {f}; empty {}.
    /// </summary>
    private static GlocalNetwork Net() => TinyNetworks.WorldBuilder()
        .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
        .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
        .AddInnovator("c", "C", InnovatorKind.Firm, "Nuremberg")
        .AddInnovator("d", "D", InnovatorKind.University, "Dresden")
        .AddInnovator("e", "E", InnovatorKind.Firm, "Paris")
        .AddInnovator("f", "F", InnovatorKind.Firm, "Tokyo")
        .AddLink("a", "b")
        .AddLink("a", "c")
        .AddLink("c", "d")
        .AddLink("d", "e")
        .AddLink("e", "f")
        .AddLink("a", "e")
        .AddOrganiser("cluster", "Bavarian cluster", "Bavaria", ["a", "b", "c"])
        .AddOrganiser("alliance", "EU alliance", "Europe", ["a", "d", "e", "a"])
        .AddOrganiser("solo", "Solo", "Tokyo", ["f"])
        .AddOrganiser("empty", "Empty", "world", [])
        .Build();

    [Fact]
    public void Compute_ByHand()
    {
        var r = Run(Net());
        var t = r.Organisers;

        Assert.Equal(["cluster", "alliance", "solo", "empty"], t.Ids);
        Assert.Equal("organiser", t.KeyColumn);
        // cluster {a, b, c}: internal a-b, a-c (2); incident a-b, a-c, c-d, a-e (4); share 1/2.
        // Province: all in Bavaria (1 region); one country; LCA(Munich, Munich, Nuremberg) = Bavaria -> Regional.
        Assert.Equal(3, t["cluster", "members"]);
        Assert.Equal(2, t["cluster", "internal-links"]);
        Assert.Equal(4, t["cluster", "incident-links"]);
        Assert.Equal(0.5, t["cluster", "share"]);
        Assert.Equal(1, t["cluster", "regions"]);
        Assert.Equal(1, t["cluster", "countries"]);
        Assert.Equal((int)Scale.Regional, t["cluster", "span"]);
        Assert.Equal(Scale.Regional, r.SpanOf("cluster"));
        // alliance {a, d, e} (a listed twice counts once): internal d-e, a-e (2); incident: all 6 links; share 1/3.
        // Provinces: Bavaria, Saxony (e in Paris has none); countries DE, FR; LCA = Europe -> Supranational.
        Assert.Equal(3, t["alliance", "members"]);
        Assert.Equal(2, t["alliance", "internal-links"]);
        Assert.Equal(6, t["alliance", "incident-links"]);
        Assert.Equal(1.0 / 3, t["alliance", "share"], Tol);
        Assert.Equal(2, t["alliance", "regions"]);
        Assert.Equal(2, t["alliance", "countries"]);
        Assert.Equal(Scale.Supranational, r.SpanOf("alliance"));
        // solo {f}: no internal link, incident e-f; Tokyo has no province; one country; span = Tokyo's level -> Local.
        Assert.Equal(0.0, t["solo", "share"]);
        Assert.Equal(0, t["solo", "regions"]);
        Assert.Equal(1, t["solo", "countries"]);
        Assert.Equal(Scale.Local, r.SpanOf("solo"));
        // empty: nothing; share and span NaN.
        Assert.Equal(0, t["empty", "members"]);
        Assert.True(double.IsNaN(t["empty", "share"]));
        Assert.True(double.IsNaN(t["empty", "span"]));
        Assert.Null(r.SpanOf("empty"));
        // e (alliance) and f (solo) sit above the province level.
        Assert.Equal("2", t.Properties["members-above-level"]);
        Assert.Equal("province", t.Properties["level"]);
    }

    [Fact]
    public void Compute_NetworkShareOfCoMemberLinks()
    {
        var n = Run(Net()).Network;

        // Co-member links: a-b, a-c (cluster), d-e, a-e (alliance); c-d and e-f are not: 4 of 6.
        Assert.Equal(4, n["co-member-links"]);
        Assert.Equal(2.0 / 3, n["co-member-share"], Tol);
        Assert.Equal(6, n["links"]);
        Assert.Equal(4, n["organisers"]);
    }

    [Fact]
    public void Compute_LevelCountry_CountsCountries()
    {
        var t = Run(Net(), new OrganiserReachOptions { Level = "country" }).Organisers;

        Assert.Equal(2, t["alliance", "regions"]);
        Assert.Equal(1, t["solo", "regions"]);
    }

    [Fact]
    public void Compute_NoOrganisers_EmptyTable()
    {
        var r = Run(TinyNetworks.Mixed());

        Assert.Equal(0, r.Organisers.Count);
        Assert.Equal(0.0, r.Network["co-member-share"]);
        var empty = Run(TinyNetworks.WorldBuilder().Build());
        Assert.True(double.IsNaN(empty.Network["co-member-share"]));
    }

    [Fact]
    public void Compute_LadderWithoutCountry_CountriesNaN()
    {
        var ladder = RegionLadder.Create("two", ["town", "land"], [Scale.Local, Scale.Global]);
        var net = GlocalNetwork.CreateBuilder().WithLadder(ladder)
            .AddRegion("land", "Land", "land", null)
            .AddRegion("t1", "T1", "town", "land")
            .AddRegion("t2", "T2", "town", "land")
            .AddInnovator("a", "A", InnovatorKind.Firm, "t1")
            .AddInnovator("b", "B", InnovatorKind.Firm, "t2")
            .AddLink("a", "b")
            .AddOrganiser("o", "O", "land", ["a", "b"])
            .Build();
        var r = Run(net, new OrganiserReachOptions { Level = "town" });

        Assert.True(double.IsNaN(r.Organisers["o", "countries"]));
        Assert.Equal(2, r.Organisers["o", "regions"]);
        Assert.Equal(Scale.Global, r.SpanOf("o"));
        Assert.Contains("no 'country' level", r.Properties["countries"], System.StringComparison.Ordinal);
    }
}
