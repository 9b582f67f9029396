using System;
using System.IO;
using GlocalNetworks.Data;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class ScaleMixTests
{
    private const double Tol = 1e-12;

    private static ScaleMixResult Run(GlocalNetwork net, ScaleMixOptions? options = null) =>
        new ScaleMixMetric().Compute(new MetricContext(net), options ?? new ScaleMixOptions());

    /// <summary>a, b, c in Munich; links a-b (1), b-c (2), a-c (3).</summary>
    internal static GlocalNetwork Triangle() => TinyNetworks.WorldBuilder()
        .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
        .AddInnovator("b", "B", InnovatorKind.University, "Munich")
        .AddInnovator("c", "C", InnovatorKind.Firm, "Munich")
        .AddLink("a", "b", weight: 1)
        .AddLink("b", "c", weight: 2)
        .AddLink("a", "c", weight: 3)
        .Build();

    /// <summary>Centre a in Munich; leaves b, c in Munich (Local) and d, e in Paris (DE-FR: Supranational); weight 1 each.</summary>
    internal static GlocalNetwork Star() => TinyNetworks.WorldBuilder()
        .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
        .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
        .AddInnovator("c", "C", InnovatorKind.University, "Munich")
        .AddInnovator("d", "D", InnovatorKind.Firm, "Paris")
        .AddInnovator("e", "E", InnovatorKind.Government, "Paris")
        .AddLink("a", "b")
        .AddLink("a", "c")
        .AddLink("a", "d")
        .AddLink("a", "e")
        .Build();

    /// <summary>a, b in Munich linked; lonely in Dresden without links.</summary>
    internal static GlocalNetwork WithIsolate() => TinyNetworks.WorldBuilder()
        .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
        .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
        .AddInnovator("lonely", "L", InnovatorKind.Firm, "Dresden")
        .AddLink("a", "b")
        .Build();

    [Fact]
    public void Compute_TriangleInOneCity_AllLocal()
    {
        var r = Run(Triangle(), new ScaleMixOptions { Groupings = ScaleMixGroupings.All });
        var net = r.Network!;

        Assert.Equal(3, net["links"]);
        Assert.Equal(6, net["weight"]);
        Assert.Equal(1.0, net["share.local"]);
        Assert.Equal(1.0, net["count-share.local"]);
        Assert.Equal(0.0, net["share.regional"]);
        Assert.Equal(0.0, net["share.global"]);
        Assert.Equal(0.0, net["resolution-limited"]);
        // Default level: province; the only region with innovators is Bavaria, holding all three links.
        Assert.Equal("province", r.Regions!.Level);
        Assert.Equal(["Bavaria"], r.Regions.Ids);
        Assert.Equal(3, r.Regions["Bavaria", "count.local"]);
        Assert.Equal(1.0, r.Regions["Bavaria", "share.local"]);
        // b's incident links: a-b (1) and b-c (2).
        Assert.Equal(2, r.Innovators!["b", "count.local"]);
        Assert.Equal(3, r.Innovators["b", "weight.local"]);
    }

    [Fact]
    public void Compute_StarAcrossTwoCountries_HalfLocalHalfSupranational()
    {
        var r = Run(Star(), new ScaleMixOptions { Level = "country", Groupings = ScaleMixGroupings.All });

        // 2 Local (a-b, a-c) and 2 Supranational (a-d, a-e), weight 1 each: shares 2/4 and 2/4.
        Assert.Equal(0.5, r.Network!["share.local"]);
        Assert.Equal(0.5, r.Network["share.supranational"]);
        Assert.Equal(0.0, r.Network["share.national"]);
        // DE holds an end of all four links; FR only of a-d and a-e.
        Assert.Equal(["DE", "FR"], r.Regions!.Ids);
        Assert.Equal(4, r.Regions["DE", "links"]);
        Assert.Equal(0.5, r.Regions["DE", "share.local"]);
        Assert.Equal(2, r.Regions["FR", "links"]);
        Assert.Equal(1.0, r.Regions["FR", "share.supranational"]);
        Assert.Equal(0.0, r.Regions["FR", "count.local"]);
        // Leaves: one link each; the centre has all four.
        Assert.Equal(1.0, r.Innovators!["d", "share.supranational"]);
        Assert.Equal(4, r.Innovators["a", "links"]);
        // Innovator kinds: Firm touches all 4 links (a is a Firm); University only a-c; Government only a-e.
        Assert.Equal(["Firm", "University", "Government"], r.InnovatorKinds!.Ids);
        Assert.Equal(4, r.InnovatorKinds["Firm", "links"]);
        Assert.Equal(1.0, r.InnovatorKinds["University", "share.local"]);
        Assert.Equal(1.0, r.InnovatorKinds["Government", "share.supranational"]);
    }

    [Fact]
    public void Compute_Mixed_NetworkByHand()
    {
        var r = Run(TinyNetworks.Mixed()).Network!;

        // Mixed's nine links by scale (weights from the builder calls):
        // Local: m1-m2 3 | Regional: m1-n1 4 | National: d1-de 1, n1-d1 1.5, m1-d1 1 (3.5) |
        // Supranational: m2-p1 2, m1-p1 1 (3) | Global: p1-t1 1, m2-t1 0.5 (1.5). Total weight 15.
        Assert.Equal(9, r["links"]);
        Assert.Equal(15, r["weight"], Tol);
        Assert.Equal([1.0, 1, 3, 2, 2], [r["count.local"], r["count.regional"], r["count.national"], r["count.supranational"], r["count.global"]]);
        Assert.Equal(3.5, r["weight.national"], Tol);
        Assert.Equal(3.0 / 15, r["share.local"], Tol);
        Assert.Equal(4.0 / 15, r["share.regional"], Tol);
        Assert.Equal(3.5 / 15, r["share.national"], Tol);
        Assert.Equal(3.0 / 15, r["share.supranational"], Tol);
        Assert.Equal(1.5 / 15, r["share.global"], Tol);
        Assert.Equal(3.0 / 9, r["count-share.national"], Tol);
        // d1-de (Dresden - country-located DE) is the one resolution-limited link, counted as National.
        Assert.Equal(1, r["resolution-limited"]);
    }

    [Fact]
    public void Compute_MixedByProvince_LinksWithAnEndInTheRegionCountedOnce()
    {
        var r = Run(TinyNetworks.Mixed());
        var t = r.Regions!;

        Assert.Equal(["Bavaria", "Saxony"], t.Ids);
        // Bavaria = {m1, m2, n1}: every link but d1-de and p1-t1, 7 links; m1-m2 and m1-n1 (both ends inside) once each.
        // Weight 2 + 3 + 1.5 + 1 + 1 + 0.5 + 4 = 13; national n1-d1 1.5 + m1-d1 1 = 2.5.
        Assert.Equal(7, t["Bavaria", "links"]);
        Assert.Equal(13, t["Bavaria", "weight"], Tol);
        Assert.Equal(2.5 / 13, t["Bavaria", "share.national"], Tol);
        Assert.Equal(4.0 / 13, t["Bavaria", "share.regional"], Tol);
        Assert.Equal(0, t["Bavaria", "resolution-limited"]);
        // Saxony = {d1}: d1-de 1 (flagged), n1-d1 1.5, m1-d1 1: all National, weight 3.5.
        Assert.Equal(3, t["Saxony", "links"]);
        Assert.Equal(1.0, t["Saxony", "share.national"]);
        Assert.Equal(1, t["Saxony", "resolution-limited"]);
        // de (country), p1 (Paris, no province), t1 (Tokyo, no province) are ungrouped.
        Assert.Equal("3", r.Properties["ungrouped"]);
        Assert.Equal("province", r.Properties["level"]);
    }

    [Fact]
    public void Compute_MixedByKind_LinksCountedOncePerKind()
    {
        var t = Run(TinyNetworks.Mixed()).InnovatorKinds!;

        Assert.Equal(["Firm", "University", "ResearchInstitute", "Government"], t.Ids);
        // Firm {m1, n1, p1}: all but d1-de and m2-t1 -> 7 links, weight 2 + 3 + 1.5 + 1 + 1 + 1 + 4 = 13.5.
        Assert.Equal(7, t["Firm", "links"]);
        Assert.Equal(13.5, t["Firm", "weight"], Tol);
        // University {m2, t1}: m2-p1 2, m1-m2 3, p1-t1 1, m2-t1 0.5 (University-University, once) -> 4 links, 6.5.
        Assert.Equal(4, t["University", "links"]);
        Assert.Equal(6.5, t["University", "weight"], Tol);
        Assert.Equal(1.5 / 6.5, t["University", "share.global"], Tol);
        // ResearchInstitute {d1}: 3 National links, one flagged. Government {de}: d1-de only.
        Assert.Equal(3, t["ResearchInstitute", "count.national"]);
        Assert.Equal(1, t["ResearchInstitute", "resolution-limited"]);
        Assert.Equal(1, t["Government", "links"]);
        Assert.Equal(1, t["Government", "resolution-limited"]);
    }

    [Fact]
    public void Compute_MixedByLinkKind_APartition()
    {
        var t = Run(TinyNetworks.Mixed()).LinkKinds!;

        Assert.Equal(["CoPatent", "CoPublication", "JointProject", "Alliance", "Citation"], t.Ids);
        // CoPatent: m1-m2 Local 3, m1-d1 National 1. CoPublication: m1-n1 Regional 4, m2-t1 Global 0.5.
        // JointProject: m2-p1 Supranational 2, n1-d1 National 1.5. Alliance: d1-de National 1 (flagged), m1-p1 Supra 1.
        // Citation: p1-t1 Global 1.
        Assert.Equal(0.75, t["CoPatent", "share.local"], Tol);
        Assert.Equal(0.5, t["CoPatent", "count-share.national"], Tol);
        Assert.Equal(4.0 / 4.5, t["CoPublication", "share.regional"], Tol);
        Assert.Equal(1.5 / 3.5, t["JointProject", "share.national"], Tol);
        Assert.Equal(1, t["Alliance", "resolution-limited"]);
        Assert.Equal(1.0, t["Citation", "share.global"]);
        var links = 0.0;
        foreach (var v in t.Column("links"))
        {
            links += v;
        }

        Assert.Equal(9, links);
    }

    [Fact]
    public void Compute_CountryLocatedPair_ResolutionLimitedCountedInItsScale()
    {
        // Two innovators known only by their country: National, flagged; counted, not dropped.
        var r = Run(TinyNetworks.WorldPair("DE", "DE"), new ScaleMixOptions { Level = "country" });

        Assert.Equal(1, r.Network!["links"]);
        Assert.Equal(1, r.Network["count.national"]);
        Assert.Equal(1.0, r.Network["share.national"]);
        Assert.Equal(1, r.Network["resolution-limited"]);
        Assert.Equal(1, r.Regions!["DE", "resolution-limited"]);
        Assert.Equal("1", r.Properties["resolution-limited"]);
    }

    [Fact]
    public void Compute_EmptyNetwork_NaNSharesAndEmptyTables()
    {
        var r = Run(TinyNetworks.WorldBuilder().Build(), new ScaleMixOptions { Groupings = ScaleMixGroupings.All });

        Assert.Equal(0, r.Network!["links"]);
        Assert.True(double.IsNaN(r.Network["share.local"]));
        Assert.True(double.IsNaN(r.Network["count-share.global"]));
        Assert.Equal(0, r.Regions!.Count);
        Assert.Equal(0, r.Innovators!.Count);
        Assert.Equal(0, r.InnovatorKinds!.Count);
        Assert.Equal(0, r.LinkKinds!.Count);
    }

    [Fact]
    public void Compute_InnovatorWithoutLinks_NaNShares()
    {
        var net = WithIsolate();
        var r = Run(net, new ScaleMixOptions { Groupings = ScaleMixGroupings.All });

        Assert.Equal(0, r.Innovators!["lonely", "links"]);
        Assert.True(double.IsNaN(r.Innovators["lonely", "share.local"]));
        Assert.Equal(0, r.Regions!["Saxony", "links"]);
        Assert.True(double.IsNaN(r.Regions["Saxony", "count-share.local"]));
    }

    [Fact]
    public void Compute_CancelledToken_Throws()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        var context = new MetricContext(TinyNetworks.Mixed(), cancellationToken: cts.Token);

        Assert.Throws<OperationCanceledException>(() => new ScaleMixMetric().Compute(context, new ScaleMixOptions()));
        Assert.Throws<OperationCanceledException>(() => new GlocalityMetric().Compute(context, new GlocalityOptions()));
        Assert.Throws<OperationCanceledException>(() => new TripleHelixMetric().Compute(context, new TripleHelixOptions()));
        Assert.Throws<OperationCanceledException>(() => new OrganiserReachMetric().Compute(context, new OrganiserReachOptions()));
    }

    [Fact]
    public void Compute_DefaultGroupings_NoPerInnovatorPart()
    {
        var r = Run(TinyNetworks.Mixed());

        Assert.Equal(["network", "regions", "innovator-kinds", "link-kinds"], r.Columns);
        Assert.Null(r.Innovators);
        var only = Run(TinyNetworks.Mixed(), new ScaleMixOptions { Groupings = ScaleMixGroupings.LinkKinds });
        Assert.Equal(["link-kinds"], only.Columns);
        Assert.Null(only.Network);
    }

    [Fact]
    public void Compute_ColumnsFollowTheClassifierScales()
    {
        var t = Run(TinyNetworks.Mixed()).LinkKinds!;

        Assert.Equal("links", t.Columns[0]);
        Assert.Equal("weight", t.Columns[1]);
        Assert.Equal("resolution-limited", t.Columns[2]);
        Assert.Equal(["count.local", "weight.local", "share.local", "count-share.local"], new[] { t.Columns[3], t.Columns[4], t.Columns[5], t.Columns[6] });
        Assert.Equal(3 + (4 * 5), t.Columns.Count);
        Assert.Equal("local,regional,national,supranational,global", t.Properties["scales"]);
    }

    [Fact]
    public void Analyze_ByHandle_ExportsPartsToTheirFiles()
    {
        var result = TinyNetworks.Mixed().Analyze().Compute(StandardMetrics.ScaleMix).Run();
        var mix = result.Get(StandardMetrics.ScaleMix);
        Assert.Equal(9, mix.Network!["links"]);

        var dir = Path.Combine(Path.GetTempPath(), "scale-mix-" + Guid.NewGuid().ToString("N"));
        try
        {
            result.WriteCsv(dir);
            var network = File.ReadAllText(Path.Combine(dir, "network.csv"));
            Assert.Contains("scale-mix.share.local,0.2\n", network, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir, "regions.csv")));
            Assert.True(File.Exists(Path.Combine(dir, "scale-mix-link-kinds.csv")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Compute_DefaultDataSet_SharesSumToOneAndCountsMatchLinkScales()
    {
        var net = DefaultDataSet.Load().Network;
        var r = Run(net).Network!;

        var direct = new double[5];
        foreach (var s in net.LinkScales)
        {
            direct[(int)s]++;
        }

        double share = 0, countShare = 0;
        foreach (var s in Enum.GetValues<Scale>())
        {
            var name = s.ToString().ToLowerInvariant();
            Assert.Equal(direct[(int)s], r["count." + name]);
            share += r["share." + name];
            countShare += r["count-share." + name];
        }

        Assert.Equal(net.Links.Count, r["links"]);
        Assert.Equal(1.0, share, Tol);
        Assert.Equal(1.0, countShare, Tol);
        // The extract's counts (DefaultDataSetTests): 96 Local of 935 links.
        Assert.Equal(96, r["count.local"]);
    }
}
