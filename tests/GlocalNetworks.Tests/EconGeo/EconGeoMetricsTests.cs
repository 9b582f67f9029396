using System.Collections.Generic;
using GlocalNetworks.EconGeo;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.EconGeo;

/// <summary>The economic-geography ids in the engine give exactly the static API's values on the network's activity matrix.</summary>
public class EconGeoMetricsTests
{
    // Six innovators in three provinces-worth of cities (Munich and Nuremberg in Bavaria, Dresden in Saxony) with a
    // technology field each: Bavaria has ict, ict, bio, bio; Saxony has ict and ict.
    private static GlocalNetwork Network()
    {
        static Dictionary<string, string> F(string f) => new() { ["field"] = f };
        return TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich", attributes: F("ict"))
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich", attributes: F("bio"))
            .AddInnovator("c", "C", InnovatorKind.Firm, "Nuremberg", attributes: F("ict"))
            .AddInnovator("d", "D", InnovatorKind.Firm, "Nuremberg", attributes: F("bio"))
            .AddInnovator("e", "E", InnovatorKind.Firm, "Dresden", attributes: F("ict"))
            .AddInnovator("f", "F", InnovatorKind.Firm, "Dresden", attributes: F("ict"))
            .AddLink("a", "b").AddLink("c", "e").AddLink("d", "f")
            .Build();
    }

    [Fact]
    public void LocationQuotient_ByIdAndAlias_EqualsTheStaticApi()
    {
        var net = Network();
        var r = net.Analyze().AtLevel("province")
            .Compute(StandardMetrics.LocationQuotient, o => o with { FieldAttribute = "field" })
            .Compute("rca", new LocationQuotientMetricOptions { FieldAttribute = "field" })
            .Run();
        var activity = ActivityMatrix.FromNetwork(net, "province", InnovatorGroups.ByAttribute(net, "field"));
        var expected = EconGeoIndicators.LocationQuotient(activity);

        var lq = r.Get(StandardMetrics.LocationQuotient);
        var rca = (MatrixResult)r["rca"];
        // Bavaria, bio: (2/4) / (2/6) = 1.5; Saxony, ict: (2/2) / (4/6) = 1.5; Bavaria, ict: (2/4) / (4/6) = 0.75.
        Assert.Equal(["Bavaria", "Saxony"], lq.RowIds);
        Assert.Equal(["bio", "ict"], lq.ColumnIds);
        Assert.Equal(1.5, lq[0, 0], 15);
        Assert.Equal(0.75, lq[0, 1], 15);
        Assert.Equal(1.5, lq[1, 1], 15);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                Assert.Equal(expected[i, j], lq[i, j]);
                Assert.Equal(expected[i, j], rca[i, j]);
            }
        }
    }

    [Fact]
    public void DiversityUbiquityEciRelatedness_EqualTheStaticApi()
    {
        var net = Network();
        var r = net.Analyze().AtLevel("province")
            .Compute(StandardMetrics.Diversity, o => o with { FieldAttribute = "field" })
            .Compute(StandardMetrics.Ubiquity, o => o with { FieldAttribute = "field" })
            .Compute(StandardMetrics.Eci, o => o with { FieldAttribute = "field" })
            .Compute(StandardMetrics.RelatednessDensity, o => o with { FieldAttribute = "field" })
            .Run();
        var activity = ActivityMatrix.FromNetwork(net, "province", InnovatorGroups.ByAttribute(net, "field"));

        // M: Bavaria specialised in bio only (RCA 1.5 vs 0.75), Saxony in ict only: diversity 1 and 1, ubiquity 1 and 1.
        Assert.Equal(1, r.Get(StandardMetrics.Diversity)["Bavaria"]);
        Assert.Equal(EconGeoIndicators.Diversity(activity)["Saxony"], r.Get(StandardMetrics.Diversity)["Saxony"]);
        Assert.Equal(EconGeoIndicators.Ubiquity(activity)["ict"], r.Get(StandardMetrics.Ubiquity)["ict"]);
        var eci = r.Get(StandardMetrics.Eci);
        Assert.Equal(EconGeoIndicators.Complexity(activity).ToCsv(), eci.ToCsv());
        var incidence = EconGeoIndicators.Binary(activity).Transpose();
        var phi = EconGeoIndicators.Relatedness(EconGeoIndicators.CoOccurrence(incidence));
        var density = EconGeoIndicators.RelatednessDensity(activity, phi);
        var got = r.Get(StandardMetrics.RelatednessDensity);
        Assert.Equal(density.RowIds, got.RowIds);
        for (var i = 0; i < density.RowIds.Count; i++)
        {
            for (var j = 0; j < density.ColumnIds.Count; j++)
            {
                Assert.Equal(density[i, j], got[i, j]);
            }
        }
    }

    [Fact]
    public void WithoutAnAttribute_FieldsAreLinkKinds()
    {
        var net = TinyNetworks.Mixed();
        var lq = net.Analyze().AtLevel("country").Compute(StandardMetrics.LocationQuotient).Run().Get(StandardMetrics.LocationQuotient);
        var expected = EconGeoIndicators.LocationQuotient(ActivityMatrix.FromLinkKinds(net, "country"));

        Assert.Equal(expected.ColumnIds, lq.ColumnIds);
        Assert.Equal(expected.ToMatrix(), lq.ToMatrix());
    }

    [Fact]
    public void Registry_HasTheContractIds()
    {
        var registry = MetricRegistry.CreateDefault();
        foreach (var id in new[] { "location-quotient", "rca", "diversity", "ubiquity", "eci", "relatedness", "relatedness-density" })
        {
            Assert.True(registry.TryGet(id, out _), id);
        }

        Assert.Contains("relatedness-density", registry.Suggest("relatedness-densty"));
    }
}
