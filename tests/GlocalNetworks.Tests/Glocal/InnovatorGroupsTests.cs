using System.Collections.Generic;
using System.IO;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class InnovatorGroupsTests
{
    [Fact]
    public void ByLevel_Province_GroupsRegionsWithInnovatorsAndCountsTheCoarselyLocated()
    {
        var net = TinyNetworks.Mixed();
        var g = InnovatorGroups.ByLevel(net, "province");

        Assert.Equal(["Bavaria", "Saxony"], g.Ids);
        Assert.Equal("province", g.Level);
        // m1, m2, n1 in Bavaria; d1 in Saxony; de (country), p1 (Paris under FR), t1 (Tokyo under JP) have no province.
        Assert.Equal([0, 0, 0, 1, -1, -1, -1], g.GroupOf.ToArray());
        Assert.Equal([3, 1], g.Sizes.ToArray());
        Assert.Equal(3, g.UngroupedCount);
    }

    [Fact]
    public void ByLevel_Country_EveryInnovatorHasAGroup()
    {
        var g = InnovatorGroups.ByLevel(TinyNetworks.Mixed(), "COUNTRY");

        Assert.Equal(["DE", "FR", "JP"], g.Ids);
        Assert.Equal("country", g.Name);
        Assert.Equal(0, g.UngroupedCount);
        Assert.Equal([0, 0, 0, 0, 0, 1, 2], g.GroupOf.ToArray());
    }

    [Fact]
    public void ByLevel_UnknownLevel_ThrowsListingLevels()
    {
        var ex = Assert.Throws<UnknownRegionLevelException>(() => InnovatorGroups.ByLevel(TinyNetworks.Mixed(), "nuts2"));
        Assert.Contains("province", ex.Message);
    }

    [Fact]
    public void ByKind_KindsThatOccur_InEnumOrder()
    {
        var g = InnovatorGroups.ByKind(TinyNetworks.Mixed());

        Assert.Equal(["Firm", "University", "ResearchInstitute", "Government"], g.Ids);
        Assert.Equal([0, 1, 0, 2, 3, 0, 1], g.GroupOf.ToArray());
    }

    [Fact]
    public void ByAttribute_MissingOrEmptyValues_AreUngrouped()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich", attributes: new Dictionary<string, string> { ["sector"] = "ict" })
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich", attributes: new Dictionary<string, string> { ["sector"] = "bio" })
            .AddInnovator("c", "C", InnovatorKind.Firm, "Munich", attributes: new Dictionary<string, string> { ["sector"] = "" })
            .AddInnovator("d", "D", InnovatorKind.Firm, "Munich")
            .AddLink("a", "b")
            .Build();

        var g = InnovatorGroups.ByAttribute(net, "sector");

        Assert.Equal(["bio", "ict"], g.Ids);
        Assert.Equal([1, 0, -1, -1], g.GroupOf.ToArray());
        Assert.Equal(2, g.UngroupedCount);
        Assert.Equal("attribute:sector", g.Name);
    }

    [Fact]
    public void FromMap_UnknownInnovator_ThrowsWithSuggestion()
    {
        var net = TinyNetworks.Mixed();
        var ex = Assert.Throws<ReferentialIntegrityException>(() =>
            InnovatorGroups.FromMap(net, new Dictionary<string, string> { ["m1"] = "x", ["p2"] = "y" }));

        Assert.Contains("'p2'", ex.Message);
        Assert.Contains("p1", ex.Suggestions);
    }

    [Fact]
    public void FromMap_UnlistedInnovators_AreUngrouped()
    {
        var g = InnovatorGroups.FromMap(TinyNetworks.Mixed(), new Dictionary<string, string> { ["m1"] = "x", ["t1"] = "a" }, "clusters");

        Assert.Equal(["a", "x"], g.Ids);
        Assert.Equal([1, -1, -1, -1, -1, -1, 0], g.GroupOf.ToArray());
        Assert.Equal(5, g.UngroupedCount);
    }

    [Theory]
    [InlineData("default", "province")]
    [InlineData("eu", "nuts2")]
    [InlineData("china", "province")]
    [InlineData("us", "state")]
    public void DefaultLevel_IsTheFinestRegionalLevel(string ladder, string expected)
    {
        var l = ladder switch
        {
            "eu" => RegionLadder.Eu,
            "china" => RegionLadder.China,
            "us" => RegionLadder.Us,
            _ => RegionLadder.Default,
        };

        Assert.Equal(expected, InnovatorGroups.DefaultLevel(l));
    }

    [Fact]
    public void Resolve_PrefersExplicitThenAttributeThenLevelThenAnalysisLevel()
    {
        var net = TinyNetworks.Mixed();
        var ctx = new MetricContext(net) { Level = "country" };
        var kinds = InnovatorGroups.ByKind(net);

        Assert.Same(kinds, InnovatorGroups.Resolve(ctx, kinds, "sector", "province"));
        Assert.Equal("province", InnovatorGroups.Resolve(ctx, null, null, "Province").Name);
        Assert.Equal("country", InnovatorGroups.Resolve(ctx, null, null, null).Name);
        Assert.Same(InnovatorGroups.Resolve(ctx, null, null, null), InnovatorGroups.Resolve(ctx, null, null, "country"));
        Assert.Equal("province", InnovatorGroups.Resolve(new MetricContext(net), null, null, null).Name);
    }

    [Fact]
    public void CompositeResult_WritesEveryPartAndRoutesPartsInAnalysisExport()
    {
        var net = TinyNetworks.Mixed();
        var ids = new string[net.Innovators.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = net.Innovators.IdOf(i);
        }

        var composite = new TwoParts(
            new ScalarResult("two", 0.5),
            new NodeTable("two", ids, new double[ids.Length]),
            new GroupTable("two", "band", ["0-10", "10-25"], [KeyedTable.Col("links", [3.0, 4.0])]));

        Assert.Equal(["network", "innovators", "bands"], composite.Columns);
        Assert.Equal(MetricScope.Composite, composite.Scope);
        var csv = composite.ToCsv();
        Assert.Contains("# part: bands\nband,links\n0-10,3\n10-25,4\n", csv);
        Assert.Throws<KeyNotFoundException>(() => composite.Part("nope"));

        var dir = Path.Combine(Path.GetTempPath(), "glocal-composite-" + System.Guid.NewGuid().ToString("N"));
        try
        {
            var result = new AnalysisResult(net, new AnalysisRequest(), [composite]);
            var written = result.WriteCsv(dir);
            Assert.Contains(Path.Combine(dir, "network.csv"), written);
            Assert.Contains(Path.Combine(dir, "nodes.csv"), written);
            Assert.Equal("band,links\n0-10,3\n10-25,4\n", File.ReadAllText(Path.Combine(dir, "two-bands.csv")));
            Assert.Equal("metric,value\ntwo,0.5\n", File.ReadAllText(Path.Combine(dir, "network.csv")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private sealed class TwoParts(ScalarResult network, NodeTable innovators, GroupTable bands)
        : CompositeResult("two", [new("network", network), new("innovators", innovators), new("bands", bands)], null);
}
