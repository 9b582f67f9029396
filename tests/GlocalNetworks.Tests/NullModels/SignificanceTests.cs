using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Clustering;
using GlocalNetworks.Model;
using GlocalNetworks.NullModels;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.NullModels;

/// <summary>The number of links, and each innovator's number of links: statistics a test can predict exactly.</summary>
public sealed class LinkCountMetric : Metric<LinkCountOptions, ScalarResult>
{
    public override string Id => "link-count";

    public override string Description => "Number of links.";

    public override MetricScope Scope => MetricScope.Network;

    public override ScalarResult Compute(MetricContext context, LinkCountOptions options) =>
        new(Id, [new("value", context.Network.Links.Count), new("twice", 2.0 * context.Network.Links.Count)]);
}

public sealed record LinkCountOptions;

/// <summary>Whether the links a–b join innovators of one city: 1 or 0 (the within-city link count on a one-link network).</summary>
public sealed class SameCityMetric : Metric<LinkCountOptions, ScalarResult>
{
    public override string Id => "same-city";

    public override string Description => "Links inside a city.";

    public override MetricScope Scope => MetricScope.Network;

    public override ScalarResult Compute(MetricContext context, LinkCountOptions options)
    {
        var n = 0;
        foreach (var s in context.Network.LinkScales)
        {
            n += s == Scale.Local ? 1 : 0;
        }

        return new ScalarResult(Id, n);
    }
}

/// <summary>A value looked up by the number of links: lets a test choose each replicate's value.</summary>
public sealed class ByLinkCountMetric(double[] values) : Metric<LinkCountOptions, ScalarResult>
{
    public override string Id => "by-link-count";

    public override string Description => "A value chosen by the link count.";

    public override MetricScope Scope => MetricScope.Network;

    public override ScalarResult Compute(MetricContext context, LinkCountOptions options) => new(Id, values[context.Network.Links.Count]);
}

/// <summary>A composite of a network part and a per-innovator part, to check how composites are read.</summary>
public sealed class TwoPartResult(IReadOnlyList<KeyValuePair<string, MetricResult>> parts) : CompositeResult("two-part", parts, null);

public sealed class TwoPartMetric : Metric<LinkCountOptions, TwoPartResult>
{
    public override string Id => "two-part";

    public override string Description => "Links and degrees.";

    public override MetricScope Scope => MetricScope.Composite;

    public override TwoPartResult Compute(MetricContext context, LinkCountOptions options)
    {
        var deg = NullModelNetworks.LinkDegrees(context.Network);
        var d = new double[deg.Length];
        var half = new double[deg.Length];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = deg[i];
            half[i] = deg[i] / 2.0;
        }

        return new TwoPartResult(
        [
            new("network", new ScalarResult(Id, context.Network.Links.Count)),
            new("nodes", new NodeTable(Id, context.InnovatorIds, [KeyedTable.Col("value", d), KeyedTable.Col("half", half)])),
        ]);
    }
}

/// <summary>A null model that returns prepared networks: replicate k is networks[k].</summary>
public sealed class FixedModel(IReadOnlyList<GlocalNetwork> networks) : INullModel
{
    public string Name => "fixed";

    public NullReplicate Sample(GlocalNetwork network, ulong seed, int replicate, CancellationToken cancellationToken = default) =>
        new(networks[replicate], HitAttemptLimit: replicate == 0);
}

public sealed class SignificanceTests
{
    /// <summary>A path i0 - i1 - ... with the first <paramref name="links"/> links, on 6 innovators.</summary>
    private static GlocalNetwork Path(int links)
    {
        var b = TinyNetworks.WorldBuilder();
        for (var i = 0; i < 6; i++)
        {
            b.AddInnovator(NullModelNetworks.Id(i), "x", InnovatorKind.Firm, "Munich");
        }

        for (var i = 0; i < links; i++)
        {
            b.AddLink(NullModelNetworks.Id(i), NullModelNetworks.Id(i + 1));
        }

        return b.Build();
    }

    [Fact]
    public void Test_KnownReplicateValues_HandComputedSummary()
    {
        // t0 = 5 links; replicates 1, 3, 5, 2 links.
        // mean = 11/4 = 2.75; squared deviations 3.0625 + 0.0625 + 5.0625 + 0.5625 = 8.75; sd = sqrt(8.75 / 3) = 1.707825...
        // z = (5 - 2.75) / sd = 1.317465...; p-upper = (1 + #{t* >= 5} = 1) / 5 = 0.4; p-lower = (1 + 4) / 5 = 1;
        // p-two = min(1, 2 * 0.4) = 0.8. "twice" doubles every value: z and p are the same, mean and sd double.
        var model = new FixedModel([Path(1), Path(3), Path(5), Path(2)]);
        var t = Significance.Test(Path(5), new LinkCountMetric(), null, model, new SignificanceOptions { Replicates = 4, Seed = 7 });

        var sd = Math.Sqrt(8.75 / 3);
        Assert.Equal(["value", "twice"], t.Ids);
        Assert.Equal(5, t["value", SignificanceTable.ObservedColumn]);
        Assert.Equal(2.75, t["value", SignificanceTable.MeanColumn], 12);
        Assert.Equal(sd, t["value", SignificanceTable.SdColumn], 12);
        Assert.Equal(2.25 / sd, t["value", SignificanceTable.ZColumn], 12);
        Assert.Equal(0.4, t["value", SignificanceTable.PUpperColumn], 12);
        Assert.Equal(1.0, t["value", SignificanceTable.PLowerColumn], 12);
        Assert.Equal(0.8, t["value", SignificanceTable.PTwoColumn], 12);
        Assert.Equal(4, t["value", SignificanceTable.ReplicatesColumn]);
        Assert.Equal(5.5, t["twice", SignificanceTable.MeanColumn], 12);
        Assert.Equal(2 * sd, t["twice", SignificanceTable.SdColumn], 12);
        Assert.Equal(2.25 / sd, t["twice", SignificanceTable.ZColumn], 12);
        Assert.Equal(0.8, t["twice", SignificanceTable.PTwoColumn], 12);
        Assert.Equal(1, t.AttemptLimitHits);
        Assert.Equal(4, t.Replicates);
        Assert.Equal(7UL, t.Seed);
        Assert.Equal("fixed", t.NullModel);
        Assert.Equal("link-count", t.MetricId);
        Assert.Equal("1", t.Properties["attempt-limit-hits"]);
    }

    [Fact]
    public void Test_ObservedBelowAll_LowerTailSmallest()
    {
        // t0 = 1, replicates 2, 3, 4: p-lower = (1 + 0) / 4 = 0.25, p-upper = (1 + 3) / 4 = 1, p-two = 0.5.
        var t = Significance.Test(Path(1), new LinkCountMetric(), null, new FixedModel([Path(2), Path(3), Path(4)]),
            new SignificanceOptions { Replicates = 3 });

        Assert.Equal(0.25, t["value", SignificanceTable.PLowerColumn], 12);
        Assert.Equal(1.0, t["value", SignificanceTable.PUpperColumn], 12);
        Assert.Equal(0.5, t["value", SignificanceTable.PTwoColumn], 12);
        Assert.Equal(-2.0, t["value", SignificanceTable.ZColumn], 12); // (1 - 3) / 1
    }

    [Fact]
    public void Test_ConstantNull_ZIsNaNAndPValuesOne()
    {
        // Density counts distinct pairs: swaps keep it exactly, so sd = 0, z = NaN, every replicate ties with t0.
        var net = NullModelNetworks.Random(1, 30, 70);
        var t = net.TestSignificance("density", NullModel.DegreePreserving, new SignificanceOptions { Replicates = 19 });

        Assert.Equal(0.0, t["value", SignificanceTable.SdColumn]);
        Assert.True(double.IsNaN(t["value", SignificanceTable.ZColumn]));
        Assert.Equal(1.0, t["value", SignificanceTable.PUpperColumn]);
        Assert.Equal(1.0, t["value", SignificanceTable.PLowerColumn]);
        Assert.Equal(1.0, t["value", SignificanceTable.PTwoColumn]);
        Assert.Equal(19, t["value", SignificanceTable.ReplicatesColumn]);
    }

    [Fact]
    public void Test_EnumerableNull_FrequencyMatchesAndPValueCountsReplicates()
    {
        // Homes Munich, Munich, Paris; one link a-b, Local when a and b get the two Munich homes. Of the 3! = 6 equally
        // likely permutations, 2 give a and b Munich: P(t* = 1) = 1/3. t0 = 1, so p-upper = (1 + #{t* = 1}) / (R + 1);
        // #{t* = 1} is recounted here from the same replicates; over R = 3000 it must lie within 4 sd of 1000.
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich").AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Paris").AddLink("a", "b").Build();
        const int r = 3000;
        var t = Significance.Test(net, new SameCityMetric(), null, NullModel.LocationShuffle, new SignificanceOptions { Replicates = r, Seed = 11 });

        var local = 0;
        for (var k = 0; k < r; k++)
        {
            local += NullModel.LocationShuffle.Sample(net, 11, k).Network.LinkScales[0] == Scale.Local ? 1 : 0;
        }

        Assert.InRange(local, 1000 - 4 * 26, 1000 + 4 * 26); // sd = sqrt(3000 * 1/3 * 2/3) = 25.8
        Assert.Equal(1.0, t["value", SignificanceTable.ObservedColumn]);
        Assert.Equal((1.0 + local) / (r + 1), t["value", SignificanceTable.PUpperColumn], 15);
        Assert.Equal(1.0, t["value", SignificanceTable.PLowerColumn], 15);
        Assert.Equal((double)local / r, t["value", SignificanceTable.MeanColumn], 12);
    }

    [Fact]
    public void Test_RoundingNoiseAndNaN_TiesAndLeftOut()
    {
        // t0 = 0.3; two replicates give 0.1 + 0.2 = 0.30000000000000004 (a tie within 1e-12), one gives NaN (left out):
        // R = 2, sd = 0, z = NaN, p-upper = p-lower = (1 + 2) / 3 = 1.
        var metric = new ByLinkCountMetric([0.3, 0.1 + 0.2, 0.1 + 0.2, double.NaN]);
        var t = Significance.Test(Path(0), metric, null, new FixedModel([Path(1), Path(3), Path(2)]), new SignificanceOptions { Replicates = 3 });

        Assert.Equal(2, t["value", SignificanceTable.ReplicatesColumn]);
        Assert.Equal(0.0, t["value", SignificanceTable.SdColumn]);
        Assert.True(double.IsNaN(t["value", SignificanceTable.ZColumn]));
        Assert.Equal(1.0, t["value", SignificanceTable.PUpperColumn]);
        Assert.Equal(1.0, t["value", SignificanceTable.PLowerColumn]);
        Assert.Equal(3, t.Replicates);
    }

    [Fact]
    public void Test_NodeTableAndComposite_EveryCellKeyed()
    {
        // Replicate 0 drops the last link of the 3-link path i0-i1-i2-i3, replicate 1 keeps all three.
        var model = new FixedModel([Path(2), Path(3)]);
        var t = Significance.Test(Path(3), new TwoPartMetric(), null, model, new SignificanceOptions { Replicates = 2 });

        // 1 network value + 6 innovators × 2 columns.
        Assert.Equal(13, t.Count);
        Assert.Equal("network/value", t.Ids[0]);
        Assert.Equal("nodes/i3", t.Ids[1 + 3]);
        Assert.Equal("nodes/i3.half", t.Ids[1 + 6 + 3]);
        var i3 = t.IndexOf("i3", "value", "nodes");
        Assert.Equal(4, i3);
        Assert.Equal(1.0, t[i3, SignificanceTable.ObservedColumn]);
        Assert.Equal(0.5, t[i3, SignificanceTable.MeanColumn]); // i3 has degree 0, then 1
        Assert.Equal(Math.Sqrt(0.5), t[i3, SignificanceTable.SdColumn], 12);
        Assert.Equal(0.5, t["nodes/i3.half", SignificanceTable.ObservedColumn]);
        Assert.Equal(2.5, t["network/value", SignificanceTable.MeanColumn]);
        Assert.Equal(-1, t.IndexOf("i3", "value", null));
    }

    [Fact]
    public void Test_OneVersusEightThreads_BitIdentical()
    {
        var net = NullModelNetworks.Random(2, 50, 140, directedShare: 0.2);
        SignificanceTable Run(int dop) => Significance.Test(net, new ClusteringMetric(), null, NullModel.DegreePreserving,
            new SignificanceOptions { Replicates = 24, MaxDegreeOfParallelism = dop });

        var a = Run(1);
        var b = Run(8);

        Assert.Equal(a.Ids, b.Ids);
        foreach (var c in a.Columns)
        {
            var x = a.Column(c).ToArray();
            var y = b.Column(c).ToArray();
            for (var i = 0; i < x.Length; i++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(x[i]), BitConverter.DoubleToInt64Bits(y[i]));
            }
        }

        Assert.Contains(a.Column(SignificanceTable.ZColumn).ToArray(), z => double.IsFinite(z) && z != 0);
    }

    [Fact]
    public void Test_Cancelled_ThrowsAndReturnsNothing()
    {
        var net = NullModelNetworks.Random(3, 40, 100);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            net.TestSignificance("clustering", NullModel.DegreePreserving, cancellationToken: cts.Token));
    }

    [Fact]
    public void Test_CancelledMidway_Throws()
    {
        // The first progress report (after the first replicate) cancels; the remaining replicates must not complete.
        var net = NullModelNetworks.Random(4, 40, 100);
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(_ => cts.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => net.TestSignificance("clustering", NullModel.DegreePreserving,
            new SignificanceOptions { Replicates = 200, MaxDegreeOfParallelism = 2, Progress = progress }, cts.Token));
    }

    [Fact]
    public void Test_Progress_ReportsReplicates()
    {
        var net = NullModelNetworks.Random(5, 20, 40);
        var reports = new List<MetricProgress>();
        var progress = new SyncProgress(p =>
        {
            lock (reports)
            {
                reports.Add(p);
            }
        });

        net.TestSignificance("density", NullModel.LocationShuffle, new SignificanceOptions { Replicates = 9, Progress = progress });

        Assert.NotEmpty(reports);
        Assert.All(reports, p => Assert.Equal(("density", 9L, "null model location-shuffle"), (p.MetricId, p.Total, p.Stage)));
        Assert.Contains(reports, p => p.Done == 9);
    }

    [Fact]
    public void Test_ZeroReplicates_Throws()
    {
        var net = NullModelNetworks.Random(6, 10, 10);

        Assert.Throws<ArgumentOutOfRangeException>(() => net.TestSignificance("density", NullModel.LocationShuffle, new SignificanceOptions { Replicates = 0 }));
    }

    [Fact]
    public void Test_UnknownMetric_Throws()
    {
        var net = NullModelNetworks.Random(6, 10, 10);

        Assert.Throws<UnknownMetricException>(() => net.TestSignificance("densty", NullModel.LocationShuffle));
    }

    [Fact]
    public void Against_Fluent_SameAsStandaloneAndExported()
    {
        var net = NullModelNetworks.Random(7, 40, 100);

        var r = net.Analyze().Compute("density", "clustering").WithSeed(5).Against(NullModel.DegreePreserving, replicates: 9).Run();
        var alone = net.TestSignificance("clustering", NullModel.DegreePreserving, new SignificanceOptions { Replicates = 9, Seed = 5 });

        Assert.Equal(2, r.SignificanceTables.Count);
        Assert.True(double.IsNaN(r.Significance("density")["value", SignificanceTable.ZColumn]));
        var fluent = r.Significance("clustering");
        Assert.Equal(alone.Ids, fluent.Ids);
        foreach (var c in alone.Columns)
        {
            Assert.Equal(alone.Column(c).ToArray(), fluent.Column(c).ToArray());
        }

        var dir = Directory.CreateTempSubdirectory("glocal-sig-").FullName;
        try
        {
            var files = r.WriteCsv(dir);
            var csv = File.ReadAllText(System.IO.Path.Combine(dir, "clustering-significance.csv"));
            Assert.Contains(System.IO.Path.Combine(dir, "density-significance.csv"), files);
            Assert.StartsWith("statistic,observed,mean,sd,z,p-upper,p-lower,p-two,replicates\n", csv, StringComparison.Ordinal);
            Assert.Contains("## clustering against degree-preserving (9 replicates)", r.ToMarkdown(), StringComparison.Ordinal);
            var json = File.ReadAllText(r.WriteJson(dir).Single(f => f.EndsWith("density-significance.json", StringComparison.Ordinal)));
            Assert.Contains("\"statistic\": \"value\"", json, StringComparison.Ordinal);
            Assert.Contains("\"z\": null", json, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Against_TimeSliceAndLevel_ReplicatesDrawnFromTheSlice()
    {
        // The analysed network is the slice; every replicate has the slice's link count.
        var net = NullModelNetworks.Random(8, 40, 150);
        var r = net.Analyze().Between(2002, 2006).AtLevel("country").Compute(new MetricHandle<LinkCountOptions, ScalarResult>("link-count"))
            .Using(MetricRegistry.CreateDefault([new LinkCountMetric()])).Against(NullModel.DegreePreserving, 5).Run();

        var t = r.Significance("link-count");
        Assert.Equal(r.Network.Links.Count, t["value", SignificanceTable.ObservedColumn]);
        Assert.Equal(r.Network.Links.Count, t["value", SignificanceTable.MeanColumn]);
        Assert.True(r.Network.Links.Count < net.Links.Count);
    }

    [Fact]
    public void Significance_WithoutNullModel_Throws()
    {
        var r = NullModelNetworks.Random(9, 10, 10).Analyze().Compute("density").Run();

        Assert.Empty(r.SignificanceTables);
        var e = Assert.Throws<KeyNotFoundException>(() => r.Significance("density"));
        Assert.Contains("Against", e.Message, StringComparison.Ordinal);
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (Progress&lt;T&gt; posts to the pool).</summary>
    private sealed class SyncProgress(Action<MetricProgress> onReport) : IProgress<MetricProgress>
    {
        public void Report(MetricProgress value) => onReport(value);
    }
}
