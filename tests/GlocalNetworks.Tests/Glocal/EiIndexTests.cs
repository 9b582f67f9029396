using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.Metrics.Paths;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class EiIndexTests
{
    private const double Tol = 1e-15;

    /// <summary>
    /// a1, a2 in Munich, b1 in Nuremberg (Bavaria); d1 in Dresden (Saxony); p1 in Paris (FR, no province); x in DE only.
    /// Links a1-a2 (2), a1-b1 (1), a2-d1 (3), b1-p1 (1), d1-x (1).
    /// </summary>
    private static GlocalNetwork Hand() => TinyNetworks.WorldBuilder()
        .AddInnovator("a1", "A1", InnovatorKind.Firm, "Munich")
        .AddInnovator("a2", "A2", InnovatorKind.Firm, "Munich")
        .AddInnovator("b1", "B1", InnovatorKind.Firm, "Nuremberg")
        .AddInnovator("d1", "D1", InnovatorKind.Firm, "Dresden")
        .AddInnovator("p1", "P1", InnovatorKind.Firm, "Paris")
        .AddInnovator("x", "X", InnovatorKind.Government, "DE")
        .AddLink("a1", "a2", weight: 2)
        .AddLink("a1", "b1")
        .AddLink("a2", "d1", weight: 3)
        .AddLink("b1", "p1")
        .AddLink("d1", "x")
        .Build();

    private static EiIndexResult Run(GlocalNetwork net, EiIndexOptions o, int? threads = null, ulong seed = 42, CancellationToken token = default) =>
        new EiIndexMetric().Compute(new MetricContext(net, seed, threads, cancellationToken: token), o);

    [Fact]
    public void Compute_Province_HandCounts()
    {
        var r = Run(Hand(), new EiIndexOptions { Level = "province" });

        // Ties: a1-a2 and a1-b1 internal to Bavaria (weights 2 + 1), a2-d1 external (3); b1-p1 and d1-x have an
        // ungrouped end (p1 has no province, x is located in DE only): counted in neither.
        var net = r.Network;
        Assert.Equal(1, net["external.province"]);
        Assert.Equal(2, net["internal.province"]);
        Assert.Equal(3, net["external-weight.province"]);
        Assert.Equal(3, net["internal-weight.province"]);
        Assert.Equal(-1.0 / 3, net["ei.province"], Tol);       // (1 - 2) / 3
        Assert.Equal(0, net["ei-weighted.province"], Tol);      // (3 - 3) / 6
        Assert.Equal(1.0 / 3, net["openness.province"], Tol);
        Assert.Equal(0.5, net["openness-weighted.province"], Tol);
        Assert.Equal("2", r.Properties["ungrouped.province"]);
        Assert.Equal("2", r.Properties["ungrouped-links.province"]);
        Assert.Equal(["province"], r.Levels);

        var reg = r.Regions("province");
        Assert.Equal(["Bavaria", "Saxony"], reg.Ids);
        Assert.Equal("province", reg.Level);
        // Bavaria: E = 1 (a2-d1), I = 2; Saxony: E = 1, I = 0.
        Assert.Equal([1, 1], reg.Column("external").ToArray());
        Assert.Equal([2, 0], reg.Column("internal").ToArray());
        Assert.Equal([3, 3], reg.Column("external-weight").ToArray());
        Assert.Equal([3, 0], reg.Column("internal-weight").ToArray());
        Assert.Equal(-1.0 / 3, reg["Bavaria", "ei"], Tol);
        Assert.Equal(0, reg["Bavaria", "ei-weighted"], Tol);
        Assert.Equal(1.0 / 3, reg["Bavaria", "openness"], Tol);
        Assert.Equal(1, reg["Saxony", "ei"]);
        Assert.Equal(1, reg["Saxony", "openness-weighted"]);
        Assert.Equal([3, 1], reg.Column("members").ToArray());

        // Innovators: a1 I = 2 (a2, b1); a2 E = 1 (d1), I = 1; b1 I = 1 (p1 ungrouped); d1 E = 1 (x ungrouped).
        var inn = r.Innovators;
        Assert.Equal(-1, inn["a1", "ei"]);
        Assert.Equal(0, inn["a2", "ei"]);
        Assert.Equal((3.0 - 2) / 5, inn["a2", "ei-weighted"], Tol);
        Assert.Equal(-1, inn["b1", "ei"]);
        Assert.Equal(1, inn["d1", "ei"]);
        Assert.Equal(1, inn["d1", "external"]);
        Assert.Equal(0, inn["d1", "internal"]);
        Assert.True(double.IsNaN(inn["p1", "ei"]));
        Assert.True(double.IsNaN(inn["x", "external"]));
    }

    [Fact]
    public void Compute_TwoLevelsInOneCall_NetworkRegionsAndFinestInnovators()
    {
        var r = Run(Hand(), new EiIndexOptions { Levels = ["country", "province"] });

        Assert.Equal(["country", "province"], r.Levels);
        // Country: DE holds a1, a2, b1, d1, x; FR holds p1. Only b1-p1 is external: E = 1, I = 4; weights 1 and 7.
        Assert.Equal(-0.6, r.Network["ei.country"], Tol);
        Assert.Equal(-0.75, r.Network["ei-weighted.country"], Tol);
        Assert.Equal(-1.0 / 3, r.Network["ei.province"], Tol);
        Assert.Equal("0", r.Properties["ungrouped-links.country"]);
        var country = r.Regions("COUNTRY");
        Assert.Equal(["DE", "FR"], country.Ids);
        Assert.Equal(-0.6, country["DE", "ei"], Tol);
        Assert.Equal(1, country["FR", "ei"]);
        Assert.Equal([5, 1], country.Column("members").ToArray());
        // The innovator table is the finest level's (province): p1 has no province.
        Assert.True(double.IsNaN(r.Innovators["p1", "ei"]));
        Assert.Equal(-1, r.Innovators["b1", "ei"]);
        Assert.Equal(["network", "regions-country", "regions-province", "innovators"], r.Columns);
    }

    [Fact]
    public void Compute_PerMember_CountsInternalTiesOncePerEnd()
    {
        var r = Run(Hand(), new EiIndexOptions { Level = "province", Counting = EiCounting.PerMember });

        // Bavaria: I = 2 ties x 2 ends = 4, E = 1: EI = (1 - 4) / 5; weights (3 - 6) / 9. The network value is unchanged.
        Assert.Equal(4, r.Regions("province")["Bavaria", "internal"]);
        Assert.Equal(-0.6, r.Regions("province")["Bavaria", "ei"], Tol);
        Assert.Equal(-1.0 / 3, r.Regions("province")["Bavaria", "ei-weighted"], Tol);
        Assert.Equal(-1.0 / 3, r.Network["ei.province"], Tol);
    }

    [Fact]
    public void Compute_OutAndIn_CountSentAndReceivedArcs()
    {
        // a1 -> d1, d1 -> a2, a1 -> a2 (all arcs), province level.
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a1", "A1", InnovatorKind.Firm, "Munich")
            .AddInnovator("a2", "A2", InnovatorKind.Firm, "Munich")
            .AddInnovator("d1", "D1", InnovatorKind.Firm, "Dresden")
            .AddLink("a1", "d1", directed: true)
            .AddLink("d1", "a2", directed: true, weight: 4)
            .AddLink("a1", "a2", directed: true)
            .Build();

        var o = Run(net, new EiIndexOptions { Level = "province", Direction = EiDirection.Out });
        var i = Run(net, new EiIndexOptions { Level = "province", Direction = EiDirection.In });

        // Out: Bavaria sends a1 -> d1 (E = 1) and has a1 -> a2 (I = 1); Saxony sends d1 -> a2 (E = 1, weight 4).
        Assert.Equal(1, o.Regions("province")["Bavaria", "external"]);
        Assert.Equal(1, o.Regions("province")["Bavaria", "internal"]);
        Assert.Equal(4, o.Regions("province")["Saxony", "external-weight"]);
        // In: Bavaria receives d1 -> a2 (weight 4), Saxony receives a1 -> d1 (weight 1).
        Assert.Equal(4, i.Regions("province")["Bavaria", "external-weight"]);
        Assert.Equal(1, i.Regions("province")["Saxony", "external-weight"]);
        // Network: two external arcs, one internal, whichever end owns them.
        Assert.Equal(1.0 / 3, o.Network["ei.province"], Tol);
        Assert.Equal(1.0 / 3, i.Network["ei.province"], Tol);
        // Innovators: a1 sends one external and one internal arc; a2 sends nothing (NaN), receives one of each.
        Assert.Equal(0, o.Innovators["a1", "ei"]);
        Assert.True(double.IsNaN(o.Innovators["a2", "ei"]));
        Assert.Equal(0, i.Innovators["a2", "ei"]);
        Assert.Equal("Out", o.Properties["direction"]);
    }

    [Fact]
    public void Compute_UndirectedLinkWithDirectionOut_IsTwoArcs()
    {
        var net = TinyNetworks.WorldPair("Munich", "Dresden");

        var r = Run(net, new EiIndexOptions { Level = "province", Direction = EiDirection.Out });

        Assert.Equal(2, r.Network["external.province"]);
        Assert.Equal(1, r.Regions("province")["Bavaria", "external"]);
        Assert.Equal(1, r.Regions("province")["Saxony", "external"]);
    }

    [Fact]
    public void Compute_ByAttribute_UsesGroupsLabel()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich", attributes: new Dictionary<string, string> { ["sector"] = "ict" })
            .AddInnovator("b", "B", InnovatorKind.Firm, "Paris", attributes: new Dictionary<string, string> { ["sector"] = "ict" })
            .AddInnovator("c", "C", InnovatorKind.Firm, "Munich", attributes: new Dictionary<string, string> { ["sector"] = "bio" })
            .AddInnovator("d", "D", InnovatorKind.Firm, "Munich")
            .AddLink("a", "b").AddLink("a", "c").AddLink("c", "d")
            .Build();

        var r = Run(net, new EiIndexOptions { GroupAttribute = "sector" });

        // a-b internal (ict), a-c external, c-d ungrouped: EI = 0.
        Assert.Equal(["groups"], r.Levels);
        Assert.Equal(0, r.Network["ei.groups"]);
        Assert.Equal(["bio", "ict"], r.Regions("groups").Ids);
        Assert.Equal("attribute:sector", r.Properties["groups.groups"]);
        Assert.Equal("1", r.Properties["ungrouped-links.groups"]);
    }

    [Fact]
    public void Compute_EmptyNetworkAndNoTies_NaN()
    {
        var lone = TinyNetworks.WorldBuilder().AddInnovator("a", "A", InnovatorKind.Firm, "Munich").Build();

        var r = Run(lone, new EiIndexOptions { Level = "province", Permutations = 10 });

        Assert.True(double.IsNaN(r.Network["ei.province"]));
        Assert.True(double.IsNaN(r.Network["ei.province.p-two"]));
        Assert.True(double.IsNaN(r.Regions("province")["Bavaria", "ei"]));
        Assert.True(double.IsNaN(r.Innovators["a", "ei"]));
        Assert.Equal(0, r.Innovators["a", "external"]);
    }

    [Fact]
    public void Compute_InvalidOptions_Throw()
    {
        var net = Hand();
        Assert.Throws<ArgumentException>(() => Run(net, new EiIndexOptions { Levels = ["country"], Level = "province" }));
        Assert.Throws<ArgumentException>(() => Run(net, new EiIndexOptions { Levels = ["country", "Country"] }));
        Assert.Throws<ArgumentException>(() => Run(net, new EiIndexOptions { Levels = [] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(net, new EiIndexOptions { Permutations = -1 }));
        Assert.Throws<UnknownRegionLevelException>(() => Run(net, new EiIndexOptions { Levels = ["nuts2"] }));
    }

    [Fact]
    public void Compute_DefaultLevel_IsProvince()
    {
        var r = ((IMetric)new EiIndexMetric()).Compute(new MetricContext(Hand()), null);

        Assert.Equal(["province"], ((EiIndexResult)r).Levels);
    }

    /// <summary>Two cliques of 10 (Munich, Dresden) joined by one bridge: 90 internal ties, 1 external.</summary>
    private static GlocalNetwork TwoCliques()
    {
        var b = TinyNetworks.WorldBuilder();
        for (var i = 0; i < 20; i++)
        {
            b.AddInnovator("v" + i, "V", InnovatorKind.Firm, i < 10 ? "Munich" : "Dresden");
        }

        for (var i = 0; i < 20; i++)
        {
            for (var j = i + 1; j < 20; j++)
            {
                if (i / 10 == j / 10)
                {
                    b.AddLink("v" + i, "v" + j, weight: 1 + ((i + j) % 3));
                }
            }
        }

        return b.AddLink("v0", "v10").Build();
    }

    [Fact]
    public void Permutations_ClusteredRegions_AreSignificantlyClosed()
    {
        var r = Run(TwoCliques(), new EiIndexOptions { Level = "province", Permutations = 200 });
        var n = r.Network;

        Assert.Equal(-89.0 / 91, n["ei.province"], Tol);
        // No relabelling of 10 + 10 among 200 recovers the two cliques: every replicate is above the observed value.
        Assert.Equal(1.0 / 201, n["ei.province.p-lower"]);
        Assert.Equal(1.0, n["ei.province.p-upper"]);
        Assert.Equal(2.0 / 201, n["ei.province.p-two"]);
        Assert.True(n["ei.province.z"] < -10);
        // Random labels: about half of the ties are external; E[EI] = (2·10·10/190·91 - ...) is near 0.05.
        Assert.InRange(n["ei.province.mean"], -0.1, 0.2);
        Assert.True(n["ei.province.sd"] > 0);
        Assert.Equal(1.0 / 201, n["ei-weighted.province.p-lower"]);
        Assert.Equal("42", r.Properties["seed"]);
        Assert.Equal("200", r.Properties["permutations"]);
    }

    [Fact]
    public void Permutations_OneAndEightThreads_BitIdentical()
    {
        var o = new EiIndexOptions { Levels = ["province", "country"], Permutations = 300 };
        var one = Run(Hand(), o, threads: 1).Network;
        var eight = Run(Hand(), o, threads: 8).Network;
        var big1 = Run(TwoCliques(), o with { Levels = null, Level = "province" }, threads: 1).Network;
        var big8 = Run(TwoCliques(), o with { Levels = null, Level = "province" }, threads: 8).Network;

        Assert.Equal(one.Columns, eight.Columns);
        for (var i = 0; i < one.Values.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.Values[i]), BitConverter.DoubleToInt64Bits(eight.Values[i]));
        }

        for (var i = 0; i < big1.Values.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(big1.Values[i]), BitConverter.DoubleToInt64Bits(big8.Values[i]));
        }

        Assert.Contains("ei-weighted.country.sd", one.Columns);
    }

    [Fact]
    public void Permutations_SeedOption_OverridesContextSeedAndChangesTheDraws()
    {
        var o = new EiIndexOptions { Level = "province", Permutations = 100 };
        var a = Run(TwoCliques(), o, seed: 1);
        var b = Run(TwoCliques(), o with { Seed = 1 }, seed: 99);
        var c = Run(TwoCliques(), o, seed: 2);

        Assert.Equal(a.Network["ei.province.mean"], b.Network["ei.province.mean"]);
        Assert.Equal("1", b.Properties["seed"]);
        Assert.NotEqual(a.Network["ei.province.mean"], c.Network["ei.province.mean"]);
    }

    [Fact]
    public void Permutations_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Run(TwoCliques(), new EiIndexOptions { Level = "province", Permutations = 5000 }, token: cts.Token));
    }

    [Fact]
    public void Permutations_ReportProgressToTheTotal()
    {
        var progress = new CollectingProgress();
        var ctx = new MetricContext(TwoCliques(), progress: progress);

        new EiIndexMetric().Compute(ctx, new EiIndexOptions { Level = "province", Permutations = 2000 });

        Assert.Contains(progress.Reports, p => p.MetricId == "ei-index" && p.Done == 2000 && p.Total == 2000 && p.Stage == "permutations province");
    }

    [Fact]
    public void PermutationSummary_HandValues()
    {
        // t0 = 2 against 1, 2, 3, 4: mean 2.5, sd sqrt(5/3); 3 of 4 >= 2, 2 of 4 <= 2.
        var s = PermutationSummary.Of(2, [1, 2, 3, 4]);

        Assert.Equal(2.5, s.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3), s.Sd, 1e-15);
        Assert.Equal(-0.5 / Math.Sqrt(5.0 / 3), s.Z, 1e-15);
        Assert.Equal(4.0 / 5, s.PUpper);
        Assert.Equal(3.0 / 5, s.PLower);
        Assert.Equal(1.0, s.PTwo);
        Assert.True(double.IsNaN(PermutationSummary.Of(1, [1, 1, 1]).Z));
    }

    [Fact]
    public void Analyze_TwoLevelsWithBuzz_ExportsEveryPartToItsFile()
    {
        var result = Hand().Analyze()
            .Compute(StandardMetrics.EiIndex, o => o with { Levels = ["province", "country"] })
            .Compute(StandardMetrics.BuzzPipelines, o => o with { Level = "province" })
            .Run();
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "glocal-ei-" + Guid.NewGuid().ToString("N"));
        try
        {
            result.WriteCsv(dir);

            var network = System.IO.File.ReadAllText(System.IO.Path.Combine(dir, "network.csv"));
            Assert.Contains("ei-index.ei.country,-0.6\n", network);
            Assert.Contains("ei-index.openness.province,", network);
            var province = System.IO.File.ReadAllLines(System.IO.Path.Combine(dir, "regions-province.csv"));
            Assert.StartsWith("region,ei-index.external,ei-index.internal,", province[0]);
            Assert.Contains("buzz-pipelines.density", province[0]);
            Assert.Equal(3, province.Length);          // header, Bavaria, Saxony
            Assert.StartsWith("DE,1,4,", System.IO.File.ReadAllLines(System.IO.Path.Combine(dir, "regions-country.csv"))[1]);
            Assert.Contains("ei-index.ei-weighted", System.IO.File.ReadAllLines(System.IO.Path.Combine(dir, "nodes.csv"))[0]);
        }
        finally
        {
            System.IO.Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Registry_ListsEiIndexAndBuzzPipelines()
    {
        var ids = new List<string>();
        foreach (var m in GlocalFamily.Create())
        {
            ids.Add(m.Id);
        }

        Assert.Contains("ei-index", ids);
        Assert.Contains("buzz-pipelines", ids);
        Assert.Equal("ei-index", StandardMetrics.EiIndex.Id);
        Assert.Equal("buzz-pipelines", StandardMetrics.BuzzPipelines.Id);
    }
}
