using System;
using System.Collections.Generic;
using System.Linq;
using GlocalNetworks.Glocal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Statistics;
using GlocalNetworks.Tests.Statistics;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class GravityMetricTests
{
    private static readonly GravityOptions Tight = new() { Level = "province", Tolerance = 1e-14 };

    private static GravityResult Run(GlocalNetwork net, GravityOptions options) => new GravityMetric().Compute(new MetricContext(net), options);

    private static Dictionary<string, IReadOnlyDictionary<(string From, string To), double>> ProximityCovariate() =>
        new() { ["proximity"] = GravityFixture.Proximity() };

    [Fact]
    public void Compute_SeededNetworkCounts_MatchesRGlmQuasipoissonAndSandwich()
    {
        var f = GravityFixture.Load();
        var c = f.Case("gravity-count");

        var result = Run(GravityFixture.Network(), Tight with { Covariates = ProximityCovariate() });

        PoissonGlmTests.AssertMatchesR(f, c, result.Fit!);
        var table = result.Coefficients;
        Assert.Equal(GravityFixture.Strings(c.GetProperty("terms")), table.Ids);
        var estimate = GravityFixture.Numbers(c.GetProperty("estimate"));
        var se = GravityFixture.Numbers(c.GetProperty("se_hc1"));
        var seQuasi = GravityFixture.Numbers(c.GetProperty("se_quasi"));
        for (var j = 0; j < table.Count; j++)
        {
            f.Close(estimate[j], table[j, "estimate"], "estimate");
            f.Close(se[j], table[j, "se"], "se (HC1)");
            f.Close(seQuasi[j], table[j, "se.quasi"], "se.quasi");
        }

        Assert.Equal(171, result.Network["observations"]);
        Assert.Equal(6, result.Network["parameters"]);
        f.Close(c.GetProperty("deviance").GetDouble(), result.Network["deviance"], "deviance");
        f.Close(c.GetProperty("pseudo_r2").GetDouble(), result.Network["pseudo-r2"], "pseudo-r2");
        Assert.Equal("country", result.Properties["same-parent-level"]);
        Assert.Equal("4", result.Properties["ungrouped"]); // k1..k4 are located at country level
    }

    [Fact]
    public void Compute_SeededNetworkWeightedDegreeMass_MatchesRGlm()
    {
        var f = GravityFixture.Load();

        var result = Run(GravityFixture.Network(), Tight with { Weighted = true, Mass = GravityMass.Degree });

        PoissonGlmTests.AssertMatchesR(f, f.Case("gravity-weighted"), result.Fit!);
        Assert.Equal("degree", result.Properties["mass"]);
    }

    [Fact]
    public void Compute_SeededNetworkDirected_MatchesRGlmOnOrderedPairs()
    {
        var f = GravityFixture.Load();

        var result = Run(GravityFixture.Network(directed: true), Tight);

        PoissonGlmTests.AssertMatchesR(f, f.Case("gravity-directed"), result.Fit!);
        Assert.Equal("true", result.Properties["directed"]);
        Assert.Equal(19 * 18, result.Network["observations"]);
    }

    [Fact]
    public void Compute_Hc0Covariance_PutsHc0InTheMainColumns()
    {
        var result = Run(GravityFixture.Network(), Tight with { Covariance = GlmCovariance.HC0 });

        Assert.Equal(result.Fit!.Inference(GlmCovariance.HC0).StandardErrors[3], result.Coefficients["ln-distance", "se"]);
        Assert.DoesNotContain("se.hc0", result.Coefficients.Columns);
    }

    [Fact]
    public void RegionFlows_MixedAtProvince_CountsBetweenInternalAndExcluded()
    {
        // Provinces: Bavaria (m1, m2, n1) = group 0, Saxony (d1) = group 1; de, p1, t1 have no province.
        // Bavaria-Saxony: n1-d1 (1.5), m1-d1 (1.0): 2 links, weight 2.5. Internal: m1-m2, m1-n1. Excluded: the 5 links
        // touching de, p1 or t1.
        var net = TinyNetworks.Mixed();
        var context = new MetricContext(net);
        var groups = InnovatorGroups.ByLevel(net, "province");

        var count = GravityMetric.RegionFlows(context, groups, false, false);
        var weight = GravityMetric.RegionFlows(context, groups, false, true);

        Assert.Equal(2.0, count.Flows.At(0, 1));
        Assert.Equal(2.0, count.Flows.At(1, 0));
        Assert.Equal(2.5, weight.Flows.At(0, 1));
        Assert.Equal(5, count.ExcludedLinks);
        Assert.Equal(2, count.InternalLinks);
        Assert.Equal(5, weight.ExcludedLinks);
        Assert.Equal(2, weight.InternalLinks); // links, not the internal weight 7
    }

    [Fact]
    public void RegionFlows_DirectedAtCountry_ArcOneWayUndirectedLinkBothWays()
    {
        // Countries: DE = 0, FR = 1, JP = 2. p1 -> t1 is directed (FR -> JP once); m2-p1 and m1-p1 are undirected
        // (DE -> FR and FR -> DE twice each); m2-t1 undirected (DE <-> JP once each).
        var net = TinyNetworks.Mixed();
        var groups = InnovatorGroups.ByLevel(net, "country");

        var f = GravityMetric.RegionFlows(new MetricContext(net), groups, true, false);

        Assert.Equal(1.0, f.Flows.At(1, 2));
        Assert.Equal(0.0, f.Flows.At(2, 1));
        Assert.Equal(2.0, f.Flows.At(0, 1));
        Assert.Equal(2.0, f.Flows.At(1, 0));
        Assert.Equal(1.0, f.Flows.At(0, 2));
        Assert.Equal(1.0, f.Flows.At(2, 0));
        Assert.Equal(0, f.ExcludedLinks);
        Assert.Equal(5, f.InternalLinks); // m1-m2, m1-n1, n1-d1, m1-d1 and d1-de are inside DE, each once (not as two arcs)
    }

    [Fact]
    public void RegionFlows_ParallelLinksCountedEach_CountsFromTheFlowMatrix()
    {
        // All arcs: a -> b twice (parallel, each counted), a -> d and d -> a inside Munich (parallel once undirected), b -> c
        // (Paris -> Tokyo), c -> k (k is located in JP, above the city level: excluded).
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Paris")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Tokyo")
            .AddInnovator("d", "D", InnovatorKind.Firm, "Munich")
            .AddInnovator("k", "K", InnovatorKind.Firm, "JP")
            .AddLink("a", "b", LinkKind.Alliance, 2.0, directed: true)
            .AddLink("a", "b", LinkKind.CoPatent, 3.0, directed: true)
            .AddLink("a", "d", LinkKind.CoPatent, 3.0, directed: true)
            .AddLink("d", "a", LinkKind.CoPatent, 1.0, directed: true)
            .AddLink("b", "c", LinkKind.CoPatent, 1.0, directed: true)
            .AddLink("c", "k", LinkKind.CoPatent, 1.0, directed: true)
            .Build();
        var context = new MetricContext(net);
        var groups = InnovatorGroups.ByLevel(net, "city");
        var ids = groups.Ids.ToList();
        var (munich, paris, tokyo) = (ids.IndexOf("Munich"), ids.IndexOf("Paris"), ids.IndexOf("Tokyo"));

        foreach (var directed in new[] { true, false })
        {
            var f = GravityMetric.RegionFlows(context, groups, directed, false);

            Assert.Equal(2.0, f.Flows.At(munich, paris));
            Assert.Equal(directed ? 0.0 : 2.0, f.Flows.At(paris, munich));
            Assert.Equal(1.0, f.Flows.At(paris, tokyo));
            Assert.Equal(2, f.InternalLinks); // a -> d and d -> a
            Assert.Equal(1, f.ExcludedLinks);
        }

        Assert.Equal(5.0, GravityMetric.RegionFlows(context, groups, true, true).Flows.At(munich, paris));
    }

    [Fact]
    public void FlowMatrixAt_MoreThanTheDenseLimit_SparseEqualsDense()
    {
        var net = GravityFixture.Network(directed: true);
        var graph = new MetricContext(net).Graph(RegionFlowsMetric.FlowView(true, true));
        var groups = InnovatorGroups.ByLevel(net, "province");

        var dense = GroupFlows.Compute(graph, groups.GroupOf, groups.Count, false, 1, default);
        var sparse = GroupFlows.Compute(graph, groups.GroupOf, groups.Count, false, 1, default, denseLimit: 0);

        Assert.True(dense.IsDense);
        Assert.False(sparse.IsDense);
        var nonZero = 0;
        for (var a = 0; a < groups.Count; a++)
        {
            for (var b = 0; b < groups.Count; b++)
            {
                Assert.Equal(dense.At(a, b), sparse.At(a, b), 12);
                nonZero += dense.At(a, b) > 0 ? 1 : 0;
            }
        }

        Assert.True(nonZero > groups.Count);
    }

    [Fact]
    public void Compute_RegionsWithoutCentroid_ThrowNamingThem()
    {
        // At province level the world tree's Bavaria and Saxony have no centroid.
        var e = Assert.Throws<GlocalDataException>(() => Run(TinyNetworks.Mixed(), new GravityOptions()));

        Assert.Contains("'Bavaria, Saxony'", e.Message, StringComparison.Ordinal);
        Assert.Equal("centroid", e.Column);
    }

    [Fact]
    public void Compute_RegionsWithoutCentroidDropped_NoObservationsGivesNaNWithReason()
    {
        var result = Run(TinyNetworks.Mixed(), new GravityOptions { MissingCentroids = MissingCentroidPolicy.DropPairs });

        Assert.Equal(1, result.Network["pairs-dropped"]);
        Assert.Equal(0, result.Network["observations"]);
        Assert.True(double.IsNaN(result.Coefficients["ln-distance", "estimate"]));
        Assert.Equal("no region pairs to observe", result.Properties["reason"]);
        Assert.Null(result.Fit);
    }

    [Fact]
    public void Compute_NoLinks_ReturnsNaNNeverThrows()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Paris")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Tokyo")
            .Build();

        var result = Run(net, new GravityOptions { Level = "city" });

        Assert.Equal(3, result.Network["observations"]);
        Assert.True(double.IsNaN(result.Network["deviance"]));
        Assert.Equal("no links between regions", result.Properties["reason"]);
        Assert.Equal(["intercept", "ln-mass-r", "ln-mass-s", "ln-distance", "same-parent"], result.Coefficients.Ids);
    }

    [Fact]
    public void Compute_CovariatePairMissing_ThrowsNamingThePair()
    {
        var prox = GravityFixture.Proximity();
        prox.Remove(("C1P1", "C1P2"));

        var e = Assert.Throws<GlocalDataException>(() =>
            Run(GravityFixture.Network(), Tight with { Covariates = new Dictionary<string, IReadOnlyDictionary<(string, string), double>> { ["proximity"] = prox } }));

        Assert.Contains("proximity:C1P1|C1P2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CovariateOnlyOnPairsWithoutFlow_ThrowsEstimationExceptionNamingIt()
    {
        var net = GravityFixture.Network();
        var groups = InnovatorGroups.ByLevel(net, "province");
        var flows = GravityMetric.RegionFlows(new MetricContext(net), groups, false, false).Flows;
        var dummy = new Dictionary<(string, string), double>();
        for (var a = 0; a < groups.Count; a++)
        {
            for (var b = a + 1; b < groups.Count; b++)
            {
                dummy[(groups.Ids[a], groups.Ids[b])] = flows.At(a, b) > 0 ? 0 : 1;
            }
        }

        var e = Assert.Throws<EstimationException>(() =>
            Run(net, Tight with { Covariates = new Dictionary<string, IReadOnlyDictionary<(string, string), double>> { ["no-flow"] = dummy } }));

        Assert.Equal(["no-flow"], e.Regressors);
    }

    [Fact]
    public void Compute_UserMasses_UsedAndMissingOnesNamed()
    {
        var net = GravityFixture.Network();
        var groups = InnovatorGroups.ByLevel(net, "province");
        var masses = new Dictionary<string, double>();
        for (var g = 0; g < groups.Count; g++)
        {
            masses[groups.Ids[g]] = groups.Sizes[g];
        }

        var user = Run(net, Tight with { Masses = masses });
        var innovators = Run(net, Tight);
        masses.Remove("C2P3");
        var e = Assert.Throws<GlocalDataException>(() => Run(net, Tight with { Masses = masses }));

        Assert.Equal(innovators.Fit!.Coefficients, user.Fit!.Coefficients);
        Assert.Equal("user", user.Properties["mass"]);
        Assert.Contains("'C2P3'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_SameParentSwitches()
    {
        var net = GravityFixture.Network();

        var off = Run(net, Tight with { SameParent = false });

        Assert.DoesNotContain("same-parent", off.Coefficients.Ids);
        Assert.Equal("off", off.Properties["same-parent-level"]);
        Assert.Throws<ArgumentException>(() => Run(net, Tight with { Level = "country", SameParent = true }));
        // At country level the dummy is off by default (no links here: NaN estimates, but the terms are listed).
        var countries = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Paris")
            .Build();
        Assert.Equal(["intercept", "ln-mass-r", "ln-mass-s", "ln-distance"], Run(countries, new GravityOptions { Level = "country" }).Coefficients.Ids);
    }

    [Fact]
    public void Compute_InnovatorsInReverseOrder_SameEstimates()
    {
        // Relabelling innovators (here: adding them in reverse order) changes neither pairs, flows nor masses.
        var net = GravityFixture.Network();
        var b = GlocalNetwork.CreateBuilder();
        foreach (var r in net.Regions)
        {
            if (r.Id != RegionTree.ImplicitRootId)
            {
                b.AddRegion(r.Id, r.Name, r.Level.Name, r.ParentId, r.Centroid);
            }
        }

        for (var i = net.Innovators.Count - 1; i >= 0; i--)
        {
            var inn = net.Innovators[i];
            b.AddInnovator(inn.Id, inn.Name, inn.Kind, inn.RegionId, inn.Location);
        }

        foreach (var l in net.Links)
        {
            b.AddLink(net.Innovators.IdOf(l.Source), net.Innovators.IdOf(l.Target), l.Kind, l.Weight);
        }

        var a = Run(net, Tight).Fit!;
        var z = Run(b.Build(), Tight).Fit!;

        Assert.Equal(a.Coefficients, z.Coefficients);
        Assert.Equal(a.Inference().StandardErrors, z.Inference().StandardErrors);
    }

    [Fact]
    public void Registry_HasGravityInTheGlocalFamily()
    {
        Assert.IsType<GravityMetric>(MetricRegistry.CreateDefault().Get("gravity"));
        Assert.Equal("gravity", StandardMetrics.Gravity.Id);
        Assert.Contains(GlocalFamily.Create(), m => m.Id == "gravity");
    }
}
