using System;
using System.Collections.Generic;
using GlocalNetworks.Comparison;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Comparison;

public sealed class ComparisonTests
{
    // a, b Munich; c Nuremberg (Bavaria, DE); d Paris (FR); e Tokyo (JP); f Rome (IT, no sector).
    // CoPatent: a-b Local, a-c Regional, d-e Global. JointProject: b-c Regional, c-d Supranational, a-f Supranational.
    internal static GlocalNetwork Six()
    {
        static Dictionary<string, string> Sector(string s) => new() { ["sector"] = s };
        return TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich", attributes: Sector("auto"))
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich", attributes: Sector("auto"))
            .AddInnovator("c", "C", InnovatorKind.University, "Nuremberg", attributes: Sector("auto"))
            .AddInnovator("d", "D", InnovatorKind.Firm, "Paris", attributes: Sector("bio"))
            .AddInnovator("e", "E", InnovatorKind.Firm, "Tokyo", attributes: Sector("bio"))
            .AddInnovator("f", "F", InnovatorKind.Firm, "Rome")
            .AddLink("a", "b", LinkKind.CoPatent)
            .AddLink("a", "c", LinkKind.CoPatent)
            .AddLink("d", "e", LinkKind.CoPatent)
            .AddLink("b", "c", LinkKind.JointProject)
            .AddLink("c", "d", LinkKind.JointProject)
            .AddLink("a", "f", LinkKind.JointProject)
            .Build();
    }

    [Fact]
    public void SplitByLinkKind_PartsKeepInnovatorsAndRegions()
    {
        var net = Six();
        var parts = NetworkSplit.ByLinkKind.Apply(net);

        Assert.Equal(["CoPatent", "JointProject"], [parts[0].Key, parts[1].Key]);
        Assert.Equal(3, parts[0].Value.Links.Count);
        Assert.Equal(3, parts[1].Value.Links.Count);
        Assert.Same(net.Regions, parts[0].Value.Regions);
        Assert.Same(net.Innovators, parts[1].Value.Innovators);
    }

    [Fact]
    public void SplitByAttribute_LinksWithBothEndsOfOneValue()
    {
        var parts = NetworkSplit.ByAttribute("sector").Apply(Six());

        Assert.Equal(2, parts.Count);
        Assert.Equal("auto", parts[0].Key);
        Assert.Equal(3, parts[0].Value.Links.Count);   // a-b, a-c, b-c; c-d is mixed, a-f has no sector at f
        Assert.Equal("bio", parts[1].Key);
        Assert.Equal(1, parts[1].Value.Links.Count);   // d-e
    }

    [Fact]
    public void SplitByLinks_NamedPredicatesMayOverlap()
    {
        var parts = NetworkSplit.ByLinks(
            ("all", (_, _) => true),
            ("from-a", (n, l) => n.Innovators.IdOf(l.Source) == "a")).Apply(Six());

        Assert.Equal(6, parts[0].Value.Links.Count);
        Assert.Equal(3, parts[1].Value.Links.Count);
    }

    [Fact]
    public void Run_WithoutGlocalSummary_OneRowPerNetworkValue()
    {
        var t = Six().SplitBy(NetworkSplit.ByLinkKind).Compute("density").WithoutGlocalSummary().Run();

        Assert.Equal(["density"], t.Rows);
        Assert.Equal(["CoPatent", "JointProject"], t.Networks);
        Assert.Equal(0.2, t["density", "CoPatent"], 12);   // 3 links / C(6, 2)
        Assert.Equal("metric,CoPatent,JointProject\ndensity,0.2,0.2\n", t.ToCsv());
        Assert.Equal("| metric | CoPatent | JointProject |\n|---|---:|---:|\n| density | 0.2 | 0.2 |\n", t.ToMarkdown());
    }

    [Fact]
    public void Run_GlocalSummary_HandComputedValues()
    {
        var t = Six().SplitBy(NetworkSplit.ByLinkKind).AtLevel("country").Run();

        Assert.Equal([3, 3], t.Row("links").ToArray());
        Assert.Equal([5, 5], t.Row("innovators.active").ToArray());
        Assert.Equal(1.0 / 3, t["scale-mix.share.local", "CoPatent"], 12);
        Assert.Equal(1.0 / 3, t["scale-mix.share.global", "CoPatent"], 12);
        Assert.Equal(2.0 / 3, t["scale-mix.share.supranational", "JointProject"], 12);
        Assert.Equal(0, t["scale-mix.share.local", "JointProject"]);
        // Countries as groups: CoPatent E = 1 (d-e), I = 2; JointProject E = 2, I = 1.
        Assert.Equal(-1.0 / 3, t["ei-index.ei.country", "CoPatent"], 12);
        Assert.Equal(2.0 / 3, t["ei-index.openness.country", "JointProject"], 12);
        // Glocal actors (near = up to Regional): only c in JointProject (b-c Regional, c-d Supranational).
        Assert.Equal([0, 1], t.Row("glocality.glocal-actors").ToArray());
        // Gatekeepers, countries as clusters, CoPatent: a has 2 internal partners (> DE's mean 4/3) and no external one.
        Assert.Equal(0, t["gatekeepers.gatekeeper", "CoPatent"]);
        Assert.Equal(1, t["gatekeepers.mutual-exchanger", "CoPatent"]);
    }

    [Fact]
    public void Compare_NamedPairsAndDictionary_SameTable()
    {
        var net = Six();
        var cp = net.WithLinkKinds(LinkKind.CoPatent);
        var all = new Dictionary<string, GlocalNetwork> { ["all"] = net, ["co-patents"] = cp };

        var a = GlocalNetwork.Compare(("all", net), ("co-patents", cp)).Compute("density").Run();
        var b = GlocalNetwork.Compare(all).Compute("density").Run();

        Assert.Equal(a.ToCsv(), b.ToCsv());
        Assert.Equal(0.4, a["density", "all"], 12);
        Assert.Same(net, a.Result("all").Network);
    }

    [Fact]
    public void Compare_RepeatedName_Throws()
    {
        var net = Six();
        var e = Assert.Throws<ArgumentException>(() => GlocalNetwork.Compare(("x", net), ("x", net)));
        Assert.Contains("'x' occurs twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SameMetricTwice_SecondRowsSuffixed()
    {
        var t = Six().SplitBy("sector").Compute("density", "density").WithoutGlocalSummary().Run();

        Assert.Equal(["density", "density#2"], t.Rows);
        Assert.Equal(0.2, t["density#2", "auto"], 12);
    }

    [Fact]
    public void ToSeries_RowsAsCategoriesNetworksAsSeries()
    {
        var t = Six().SplitBy(NetworkSplit.ByLinkKind).Run();
        var (categories, series) = t.ToSeries("links", "glocality.glocal-actors");

        Assert.Equal(["links", "glocality.glocal-actors"], categories);
        Assert.Equal("JointProject", series[1].Key);
        Assert.Equal([3, 1], series[1].Value);
    }

    [Fact]
    public void Row_Unknown_ListsRows()
    {
        var t = Six().SplitBy(NetworkSplit.ByLinkKind).Compute("density").WithoutGlocalSummary().Run();

        var e = Assert.Throws<KeyNotFoundException>(() => t["densty", "CoPatent"]);
        Assert.Contains("no row 'densty'; it has density", e.Message, StringComparison.Ordinal);
    }
}
