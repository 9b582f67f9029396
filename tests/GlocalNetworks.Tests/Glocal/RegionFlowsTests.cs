using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class RegionFlowsTests
{
    private static MatrixResult Flows(GlocalNetwork net, RegionFlowsOptions? options = null, int? threads = null) =>
        new RegionFlowsMetric().Compute(new MetricContext(net, maxDegreeOfParallelism: threads), options ?? new RegionFlowsOptions());

    /// <summary>A star centred in Munich: c–a1 (1, Munich), c–a2 (2, Nuremberg), c–b1 (3), c–b2 (4), c–b3 (0.5) in Dresden.</summary>
    internal static GlocalNetwork Star() => TinyNetworks.WorldBuilder()
        .AddInnovator("c", "Centre", InnovatorKind.Firm, "Munich")
        .AddInnovator("a1", "A1", InnovatorKind.Firm, "Munich")
        .AddInnovator("a2", "A2", InnovatorKind.Firm, "Nuremberg")
        .AddInnovator("b1", "B1", InnovatorKind.Firm, "Dresden")
        .AddInnovator("b2", "B2", InnovatorKind.Firm, "Dresden")
        .AddInnovator("b3", "B3", InnovatorKind.Firm, "Dresden")
        .AddLink("c", "a1", weight: 1)
        .AddLink("c", "a2", weight: 2)
        .AddLink("c", "b1", weight: 3)
        .AddLink("c", "b2", weight: 4)
        .AddLink("c", "b3", weight: 0.5)
        .Build();

    [Fact]
    public void Compute_StarAcrossTwoProvinces_InternalAndCrossWeights()
    {
        var r = Flows(Star(), new RegionFlowsOptions { Level = "province" });

        Assert.Equal(["Bavaria", "Saxony"], r.RowIds);
        Assert.Equal(["Bavaria", "Saxony"], r.ColumnIds);
        Assert.Equal(3.0, r[0, 0]);   // c–a1 + c–a2 = 1 + 2, inside Bavaria (halved from 6)
        Assert.Equal(7.5, r[0, 1]);   // c–b1 + c–b2 + c–b3 = 3 + 4 + 0.5
        Assert.Equal(7.5, r[1, 0]);
        Assert.Equal(0.0, r[1, 1]);   // the leaves in Dresden are not linked to each other
        Assert.Equal("10.5", r.Properties["total"]);
        Assert.Equal("0", r.Properties["ungrouped"]);
        Assert.Equal("dense", r.Properties["storage"]);
    }

    [Fact]
    public void Compute_StarAtCityLevel_MunichNurembergDresden()
    {
        var r = Flows(Star(), new RegionFlowsOptions { Level = "city" });

        Assert.Equal(["Munich", "Nuremberg", "Dresden"], r.RowIds);
        Assert.Equal(1.0, r[0, 0]);   // c–a1
        Assert.Equal(2.0, r[0, 1]);   // c–a2
        Assert.Equal(7.5, r[0, 2]);   // 3 + 4 + 0.5
        Assert.Equal(0.0, r[1, 2]);
    }

    [Fact]
    public void Compute_TriangleInOneCity_AllWeightOnTheDiagonal()
    {
        var net = ScaleMixTests.Triangle();   // a–b 1, b–c 2, a–c 3 in Munich
        var weighted = Flows(net, new RegionFlowsOptions { Level = "city" });
        var counted = Flows(net, new RegionFlowsOptions { Level = "country", Weighted = false });

        Assert.Equal(["Munich"], weighted.RowIds);
        Assert.Equal(6.0, weighted[0, 0]);   // 1 + 2 + 3
        Assert.Equal(["DE"], counted.RowIds);
        Assert.Equal(3.0, counted[0, 0]);    // three links
        Assert.Equal("false", counted.Properties["weighted"]);
    }

    [Fact]
    public void Compute_Directed_ArcWeightsFromRowToColumn()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("m", "M", InnovatorKind.Firm, "Munich")
            .AddInnovator("n", "N", InnovatorKind.Firm, "Nuremberg")
            .AddInnovator("d", "D", InnovatorKind.Firm, "Dresden")
            .AddLink("m", "d", LinkKind.Citation, 2, directed: true)
            .AddLink("d", "m", LinkKind.Citation, 5, directed: true)
            .AddLink("m", "n", LinkKind.Citation, 1, directed: true)
            .AddLink("n", "d", LinkKind.Citation, 4, directed: true)
            .Build();

        var r = Flows(net, new RegionFlowsOptions { Level = "province" });

        Assert.Equal("true", r.Properties["directed"]);
        Assert.Equal(1.0, r[0, 0]);   // m -> n inside Bavaria, not halved
        Assert.Equal(6.0, r[0, 1]);   // m -> d 2, n -> d 4
        Assert.Equal(5.0, r[1, 0]);   // d -> m
        Assert.Equal("12", r.Properties["total"]);
    }

    [Fact]
    public void Compute_MixedAtProvince_ReportsUngroupedInnovatorsAndTheirWeight()
    {
        // Bavaria: m1, m2, n1; Saxony: d1; de, p1, t1 have no province (TinyNetworks.Mixed).
        var r = Flows(TinyNetworks.Mixed(), new RegionFlowsOptions { Level = "province" });

        Assert.Equal(7.0, r[0, 0]);   // m1–m2 3 + m1–n1 4
        Assert.Equal(2.5, r[0, 1]);   // n1–d1 1.5 + m1–d1 1
        Assert.Equal(0.0, r[1, 1]);
        Assert.Equal("3", r.Properties["ungrouped"]);
        Assert.Equal("5.5", r.Properties["ungroupedWeight"]);   // d1–de 1, m2–p1 2, p1–t1 1, m1–p1 1, m2–t1 0.5
        Assert.Equal("15", r.Properties["total"]);               // every link's weight
    }

    [Fact]
    public void Compute_DefaultLevel_IsTheAnalysisLevelThenProvince()
    {
        var net = Star();
        var byDefault = new RegionFlowsMetric().Compute(new MetricContext(net), new RegionFlowsOptions());
        var byAnalysis = new RegionFlowsMetric().Compute(new MetricContext(net) { Level = "country" }, new RegionFlowsOptions());

        Assert.Equal("province", byDefault.Properties["level"]);
        Assert.Equal(["DE"], byAnalysis.RowIds);
        Assert.Equal(10.5, byAnalysis[0, 0]);
    }

    [Fact]
    public void Compute_NoInnovators_EmptyMatrix()
    {
        var net = TinyNetworks.WorldBuilder().Build();
        var r = Flows(net, new RegionFlowsOptions { Level = "country" });

        Assert.Empty(r.RowIds);
        Assert.Equal("0", r.Properties["total"]);
    }

    [Fact]
    public void Compute_SparseStorage_EqualsDense()
    {
        var net = TinyNetworks.Mixed();
        var dense = Flows(net, new RegionFlowsOptions { Level = "city" });
        var sparse = Flows(net, new RegionFlowsOptions { Level = "city", DenseLimit = 1 });

        Assert.Equal("sparse", sparse.Properties["storage"]);
        Assert.IsType<MathNet.Numerics.LinearAlgebra.Double.SparseMatrix>(sparse.ToMatrix());
        Assert.Equal(dense.RowIds, sparse.RowIds);
        Assert.Equal(dense.ToMatrix().ToArray(), sparse.ToMatrix().ToArray());
        Assert.Equal(dense.Properties["ungroupedWeight"], sparse.Properties["ungroupedWeight"]);
        Assert.Equal(dense.Properties["total"], sparse.Properties["total"]);
    }

    [Fact]
    public void Registry_KnowsRegionFlows()
    {
        var m = MetricRegistry.CreateDefault().Get("region-flows");

        Assert.IsType<RegionFlowsMetric>(m);
        Assert.Equal(MetricScope.Matrix, m.Scope);
        Assert.Equal("region-flows", StandardMetrics.RegionFlows.Id);
    }

    [Fact]
    public void Analyze_ByHandle_RunsAtTheAnalysisLevel()
    {
        var result = Star().Analyze().AtLevel("country").Compute(StandardMetrics.RegionFlows).Run();

        Assert.Equal(10.5, result.Get(StandardMetrics.RegionFlows)[0, 0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Compute_OneAndEightThreads_BitIdentical(bool sparse)
    {
        var net = LargeRandom(7, directed: false);
        var o = new RegionFlowsOptions { Level = "city", DenseLimit = sparse ? 1 : 2048 };
        var one = Flows(net, o, threads: 1).ToMatrix().ToArray();
        var eight = Flows(net, o, threads: 8).ToMatrix().ToArray();

        Assert.Equal(one.Length, eight.Length);
        foreach (var (a, b) in Pairs(one, eight))
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(a), BitConverter.DoubleToInt64Bits(b));
        }
    }

    [Fact]
    public void Compute_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var context = new MetricContext(LargeRandom(3, directed: true), maxDegreeOfParallelism: 2, cancellationToken: cts.Token);

        Assert.ThrowsAny<OperationCanceledException>(() => new RegionFlowsMetric().Compute(context, new RegionFlowsOptions { Level = "city" }));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(2, true)]
    public void Compute_MatchesNumpyOracle(int index, bool sparse)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(OracleFixture.Directory, "numpy", "region_flows.json")));
        var root = doc.RootElement;
        Assert.Equal("numpy", root.GetProperty("oracle").GetString());
        var tolerance = root.GetProperty("tolerance").GetDouble();
        var spec = root.GetProperty("networks")[index];
        var net = FromOracle(spec);
        var level = spec.GetProperty("level").GetString()!;
        var ids = new List<string>();
        foreach (var id in spec.GetProperty("region_ids").EnumerateArray())
        {
            ids.Add(id.GetString()!);
        }

        foreach (var (key, weighted) in new[] { ("weighted", true), ("count", false) })
        {
            var r = Flows(net, new RegionFlowsOptions { Level = level, Weighted = weighted, DenseLimit = sparse ? 1 : 2048 });
            var expected = spec.GetProperty(key);
            Assert.Equal(ids, r.RowIds);
            Assert.Equal(spec.GetProperty("ungrouped").GetInt32().ToString(CultureInfo.InvariantCulture), r.Properties["ungrouped"]);
            var rows = expected.GetProperty("matrix");
            for (var i = 0; i < ids.Count; i++)
            {
                for (var j = 0; j < ids.Count; j++)
                {
                    Near(rows[i][j].GetDouble(), r[i, j], tolerance);
                }
            }

            Near(expected.GetProperty("total").GetDouble(), double.Parse(r.Properties["total"], CultureInfo.InvariantCulture), tolerance);
            Near(expected.GetProperty("ungrouped_weight").GetDouble(), double.Parse(r.Properties["ungroupedWeight"], CultureInfo.InvariantCulture), tolerance);
        }
    }

    private static void Near(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    private static IEnumerable<(double, double)> Pairs(double[,] a, double[,] b)
    {
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                yield return (a[i, j], b[i, j]);
            }
        }
    }

    /// <summary>The oracle's network: regions, innovators (id, home), links (source, target, weight).</summary>
    internal static GlocalNetwork FromOracle(JsonElement spec)
    {
        var directed = spec.GetProperty("directed").GetBoolean();
        var b = GlocalNetwork.CreateBuilder();
        foreach (var r in spec.GetProperty("regions").EnumerateArray())
        {
            b.AddRegion(r[0].GetString()!, r[0].GetString()!, r[1].GetString()!, r[2].ValueKind == JsonValueKind.Null ? null : r[2].GetString());
        }

        foreach (var i in spec.GetProperty("innovators").EnumerateArray())
        {
            b.AddInnovator(i[0].GetString()!, i[0].GetString()!, InnovatorKind.Firm, i[1].GetString()!);
        }

        foreach (var l in spec.GetProperty("links").EnumerateArray())
        {
            b.AddLink(l[0].GetString()!, l[1].GetString()!, LinkKind.Other, l[2].GetDouble(), directed: directed);
        }

        return b.Build();
    }

    /// <summary>A seeded network on the world tree large enough for several chunks: 3,000 innovators in the 8 cities and
    /// the countries (a few ungrouped at city level), 20,000 links with weights in {0.5, 1, ..., 3}.</summary>
    internal static GlocalNetwork LargeRandom(ulong seed, bool directed)
    {
        string[] homes = ["Munich", "Nuremberg", "Dresden", "Berlin", "Paris", "Rome", "Tokyo", "NewYork", "DE", "FR"];
        var rng = new TestRandom(seed);
        var b = TinyNetworks.WorldBuilder();
        const int n = 3000;
        for (var i = 0; i < n; i++)
        {
            var home = rng.Chance(0.03) ? homes[8 + rng.Next(0, 1)] : homes[rng.Next(0, 7)];
            b.AddInnovator("v" + i.ToString(CultureInfo.InvariantCulture), "v", InnovatorKind.Firm, home);
        }

        for (var k = 0; k < 20_000; k++)
        {
            var s = rng.Next(0, n - 1);
            var t = rng.Next(0, n - 2);
            t += t >= s ? 1 : 0;
            b.AddLink("v" + s.ToString(CultureInfo.InvariantCulture), "v" + t.ToString(CultureInfo.InvariantCulture), LinkKind.Other,
                rng.Next(1, 6) * 0.5, directed: directed);
        }

        return b.Build();
    }
}
