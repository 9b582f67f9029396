using System.Collections.Generic;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;

namespace GlocalNetworks.Tests.TestUtils;

/// <summary>
/// Hand-made region trees and networks whose scales can be worked out by hand. Reusable by any test.
/// </summary>
/// <remarks>
/// <para>The world tree (default ladder <c>city &lt; province &lt; country &lt; world-region &lt; world</c>):</para>
/// <code>
/// world (world)
///   Europe (world-region)
///     DE (country, centroid)
///       Bavaria (province, no centroid)
///         Munich (city), Nuremberg (city)
///       Saxony (province, no centroid)
///         Dresden (city)
///       Berlin (city directly under DE: its chain skips the province level)
///     FR (country, centroid)
///       Paris (city directly under FR)
///     IT (country)
///       Rome (city)
///   Asia (world-region)
///     JP (country, no centroid)
///       Tokyo (city)
///   Americas (world-region)
///     US (country)
///       NewYork (city)
/// </code>
/// <para>Every city has a centroid (the coordinates in <c>tests/oracles/haversine_check.py</c>); of the coarser regions
/// only DE and FR have one.</para>
/// </remarks>
public static class TinyNetworks
{
    /// <summary>Munich city centre.</summary>
    public static readonly GeoPoint MunichPoint = new(48.1374, 11.5755);

    /// <summary>Nuremberg city centre.</summary>
    public static readonly GeoPoint NurembergPoint = new(49.4521, 11.0767);

    /// <summary>Dresden city centre.</summary>
    public static readonly GeoPoint DresdenPoint = new(51.0504, 13.7373);

    /// <summary>Berlin city centre.</summary>
    public static readonly GeoPoint BerlinPoint = new(52.5200, 13.4050);

    /// <summary>Paris city centre.</summary>
    public static readonly GeoPoint ParisPoint = new(48.8566, 2.3522);

    /// <summary>Rome city centre.</summary>
    public static readonly GeoPoint RomePoint = new(41.9028, 12.4964);

    /// <summary>Tokyo city centre.</summary>
    public static readonly GeoPoint TokyoPoint = new(35.6762, 139.6503);

    /// <summary>New York City centre.</summary>
    public static readonly GeoPoint NewYorkPoint = new(40.7128, -74.0060);

    /// <summary>Garching near Munich: used as an innovator's own location (no region of its own).</summary>
    public static readonly GeoPoint GarchingPoint = new(48.2490, 11.6510);

    /// <summary>Germany's centroid.</summary>
    public static readonly GeoPoint GermanyPoint = new(51.1657, 10.4515);

    /// <summary>France's centroid.</summary>
    public static readonly GeoPoint FrancePoint = new(46.2276, 2.2137);

    /// <summary>The regions of the world tree, parents before children, on <see cref="RegionLadder.Default"/>.</summary>
    /// <returns>A new list.</returns>
    public static List<Region> WorldRegions()
    {
        var l = RegionLadder.Default;
        RegionLevel City() => l.GetLevel("city");
        RegionLevel Province() => l.GetLevel("province");
        RegionLevel Country() => l.GetLevel("country");
        RegionLevel WorldRegion() => l.GetLevel("world-region");
        return
        [
            new Region("world", "World", l.GetLevel("world"), null),
            new Region("Europe", "Europe", WorldRegion(), "world"),
            new Region("Asia", "Asia", WorldRegion(), "world"),
            new Region("Americas", "Americas", WorldRegion(), "world"),
            new Region("DE", "Germany", Country(), "Europe", GermanyPoint),
            new Region("FR", "France", Country(), "Europe", FrancePoint),
            new Region("IT", "Italy", Country(), "Europe"),
            new Region("JP", "Japan", Country(), "Asia"),
            new Region("US", "United States", Country(), "Americas"),
            new Region("Bavaria", "Bayern", Province(), "DE"),
            new Region("Saxony", "Sachsen", Province(), "DE"),
            new Region("Munich", "München", City(), "Bavaria", MunichPoint),
            new Region("Nuremberg", "Nürnberg", City(), "Bavaria", NurembergPoint),
            new Region("Dresden", "Dresden", City(), "Saxony", DresdenPoint),
            new Region("Berlin", "Berlin", City(), "DE", BerlinPoint),
            new Region("Paris", "Paris", City(), "FR", ParisPoint),
            new Region("Rome", "Roma", City(), "IT", RomePoint),
            new Region("Tokyo", "東京", City(), "JP", TokyoPoint),
            new Region("NewYork", "New York", City(), "US", NewYorkPoint),
        ];
    }

    /// <summary>The world tree, built.</summary>
    /// <returns>The tree.</returns>
    public static RegionTree WorldTree() => RegionTree.Build(WorldRegions(), RegionLadder.Default);

    /// <summary>A builder holding the world tree's regions (default ladder), ready for innovators and links.</summary>
    /// <returns>The builder.</returns>
    public static GlocalNetworkBuilder WorldBuilder() => AddAll(GlocalNetwork.CreateBuilder(), WorldRegions());

    /// <summary>
    /// The EU tree (ladder <see cref="RegionLadder.Eu"/>): world &gt; Europe &gt; DE, FR; DE &gt; DE1, DE2 (nuts1);
    /// DE1 &gt; DE11, DE12 (nuts2); DE11 &gt; DE111, DE112 (nuts3); DE12 &gt; DE121; DE2 &gt; DE21 &gt; DE211;
    /// FR &gt; FR1 &gt; FR10 &gt; FR101; world &gt; Asia &gt; CN (country).
    /// </summary>
    /// <returns>A new list.</returns>
    public static List<Region> EuRegions()
    {
        var l = RegionLadder.Eu;
        return
        [
            new Region("world", "World", l.GetLevel("world"), null),
            new Region("Europe", "Europe", l.GetLevel("world-region"), "world"),
            new Region("Asia", "Asia", l.GetLevel("world-region"), "world"),
            new Region("DE", "Deutschland", l.GetLevel("country"), "Europe"),
            new Region("FR", "France", l.GetLevel("country"), "Europe"),
            new Region("CN", "China", l.GetLevel("country"), "Asia"),
            new Region("DE1", "Baden-Württemberg", l.GetLevel("nuts1"), "DE"),
            new Region("DE2", "Bayern", l.GetLevel("nuts1"), "DE"),
            new Region("FR1", "Ile-de-France", l.GetLevel("nuts1"), "FR"),
            new Region("DE11", "Stuttgart", l.GetLevel("nuts2"), "DE1"),
            new Region("DE12", "Karlsruhe", l.GetLevel("nuts2"), "DE1"),
            new Region("DE21", "Oberbayern", l.GetLevel("nuts2"), "DE2"),
            new Region("FR10", "Ile-de-France", l.GetLevel("nuts2"), "FR1"),
            new Region("DE111", "Stuttgart, Stadtkreis", l.GetLevel("nuts3"), "DE11"),
            new Region("DE112", "Böblingen", l.GetLevel("nuts3"), "DE11"),
            new Region("DE121", "Baden-Baden, Stadtkreis", l.GetLevel("nuts3"), "DE12"),
            new Region("DE211", "Ingolstadt, Kreisfreie Stadt", l.GetLevel("nuts3"), "DE21"),
            new Region("FR101", "Paris", l.GetLevel("nuts3"), "FR10"),
        ];
    }

    /// <summary>A builder on <see cref="RegionLadder.Eu"/> holding <see cref="EuRegions"/>.</summary>
    /// <returns>The builder.</returns>
    public static GlocalNetworkBuilder EuBuilder() => AddAll(GlocalNetwork.CreateBuilder().WithLadder(RegionLadder.Eu), EuRegions());

    /// <summary>
    /// The China tree (ladder <see cref="RegionLadder.China"/>): world &gt; Asia &gt; CN; CN &gt; GD, JS (province);
    /// GD &gt; Shenzhen, Guangzhou (prefecture); Shenzhen &gt; Nanshan, Futian (county); Guangzhou &gt; Tianhe;
    /// JS &gt; Nanjing &gt; Xuanwu; world &gt; Europe &gt; DE (country).
    /// </summary>
    /// <returns>A new list.</returns>
    public static List<Region> ChinaRegions()
    {
        var l = RegionLadder.China;
        return
        [
            new Region("world", "World", l.GetLevel("world"), null),
            new Region("Asia", "Asia", l.GetLevel("world-region"), "world"),
            new Region("Europe", "Europe", l.GetLevel("world-region"), "world"),
            new Region("CN", "中国", l.GetLevel("country"), "Asia"),
            new Region("DE", "Deutschland", l.GetLevel("country"), "Europe"),
            new Region("GD", "广东省", l.GetLevel("province"), "CN"),
            new Region("JS", "江苏省", l.GetLevel("province"), "CN"),
            new Region("Shenzhen", "深圳市", l.GetLevel("prefecture"), "GD"),
            new Region("Guangzhou", "广州市", l.GetLevel("prefecture"), "GD"),
            new Region("Nanjing", "南京市", l.GetLevel("prefecture"), "JS"),
            new Region("Nanshan", "南山区", l.GetLevel("county"), "Shenzhen"),
            new Region("Futian", "福田区", l.GetLevel("county"), "Shenzhen"),
            new Region("Tianhe", "天河区", l.GetLevel("county"), "Guangzhou"),
            new Region("Xuanwu", "玄武区", l.GetLevel("county"), "Nanjing"),
        ];
    }

    /// <summary>A builder on <see cref="RegionLadder.China"/> holding <see cref="ChinaRegions"/>.</summary>
    /// <returns>The builder.</returns>
    public static GlocalNetworkBuilder ChinaBuilder() => AddAll(GlocalNetwork.CreateBuilder().WithLadder(RegionLadder.China), ChinaRegions());

    /// <summary>
    /// Adds two innovators <c>a</c> (in <paramref name="regionA"/>) and <c>b</c> (in <paramref name="regionB"/>) and one
    /// undirected link a–b to <paramref name="builder"/>, and builds.
    /// </summary>
    /// <param name="builder">A builder holding regions.</param>
    /// <param name="regionA">The home region of <c>a</c>.</param>
    /// <param name="regionB">The home region of <c>b</c>.</param>
    /// <param name="classifier">The classifier, or <see langword="null"/> for the default (LCA).</param>
    /// <returns>The network, with one link.</returns>
    public static GlocalNetwork Pair(GlocalNetworkBuilder builder, string regionA, string regionB, IScaleClassifier? classifier = null)
    {
        if (classifier is not null)
        {
            builder.WithClassifier(classifier);
        }

        return builder
            .AddInnovator("a", "A", InnovatorKind.Firm, regionA)
            .AddInnovator("b", "B", InnovatorKind.Firm, regionB)
            .AddLink("a", "b")
            .Build();
    }

    /// <summary><see cref="Pair(GlocalNetworkBuilder, string, string, IScaleClassifier?)"/> on the world tree.</summary>
    /// <param name="regionA">The home region of <c>a</c>.</param>
    /// <param name="regionB">The home region of <c>b</c>.</param>
    /// <param name="classifier">The classifier, or <see langword="null"/> for the default (LCA).</param>
    /// <returns>The network, with one link.</returns>
    public static GlocalNetwork WorldPair(string regionA, string regionB, IScaleClassifier? classifier = null) =>
        Pair(WorldBuilder(), regionA, regionB, classifier);

    /// <summary>
    /// A mixed network on the world tree for filter and ordering tests. Innovators (index: id, kind, home):
    /// 0: m1 Firm Munich; 1: m2 University Munich; 2: n1 Firm Nuremberg; 3: d1 ResearchInstitute Dresden;
    /// 4: de Government DE (country-located); 5: p1 Firm Paris; 6: t1 University Tokyo.
    /// </summary>
    /// <remarks>
    /// The nine links, deliberately added out of order. Sorted by (year, source, target), undated first, they are:
    /// <code>
    /// #  ends   kind           year  scale          flagged
    /// 0  1-6    CoPublication  -     Global
    /// 1  2-3    JointProject   -     National
    /// 2  0-2    CoPublication  2010  Regional
    /// 3  5-6    Citation       2010  Global         (directed)
    /// 4  0-1    CoPatent       2012  Local
    /// 5  0-3    CoPatent       2015  National       (end year 2017)
    /// 6  0-5    Alliance       2015  Supranational
    /// 7  1-5    JointProject   2015  Supranational
    /// 8  3-4    Alliance       2020  National       yes
    /// </code>
    /// </remarks>
    /// <returns>The network.</returns>
    public static GlocalNetwork Mixed() => WorldBuilder()
        .AddInnovator("m1", "Munich Firm", InnovatorKind.Firm, "Munich")
        .AddInnovator("m2", "TU München", InnovatorKind.University, "Munich")
        .AddInnovator("n1", "Nuremberg Firm", InnovatorKind.Firm, "Nuremberg")
        .AddInnovator("d1", "Dresden Institute", InnovatorKind.ResearchInstitute, "Dresden")
        .AddInnovator("de", "Federal Ministry", InnovatorKind.Government, "DE")
        .AddInnovator("p1", "Paris Firm", InnovatorKind.Firm, "Paris")
        .AddInnovator("t1", "University of Tokyo", InnovatorKind.University, "Tokyo")
        .AddLink("d1", "de", LinkKind.Alliance, 1.0, 2020)
        .AddLink("m2", "p1", LinkKind.JointProject, 2.0, 2015)
        .AddLink("m1", "m2", LinkKind.CoPatent, 3.0, 2012)
        .AddLink("n1", "d1", LinkKind.JointProject, 1.5)
        .AddLink("p1", "t1", LinkKind.Citation, 1.0, 2010, directed: true)
        .AddLink("m1", "p1", LinkKind.Alliance, 1.0, 2015)
        .AddLink("m1", "d1", LinkKind.CoPatent, 1.0, 2015, endYear: 2017)
        .AddLink("m2", "t1", LinkKind.CoPublication, 0.5)
        .AddLink("m1", "n1", LinkKind.CoPublication, 4.0, 2010)
        .Build();

    private static GlocalNetworkBuilder AddAll(GlocalNetworkBuilder b, List<Region> regions)
    {
        foreach (var r in regions)
        {
            b.AddRegion(r.Id, r.Name, r.Level.Name, r.ParentId, r.Centroid);
        }

        return b;
    }
}
