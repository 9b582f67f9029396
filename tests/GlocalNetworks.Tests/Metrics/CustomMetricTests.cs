using System;
using System.IO;
using System.Linq;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace GlocalNetworks.Tests.Metrics;

/// <summary>The options of the custom metric below: written only against the public API.</summary>
public sealed record ForeignShareOptions
{
    /// <summary>The level that defines "home".</summary>
    public string Level { get; init; } = "country";
}

/// <summary>A user's metric: the share of each innovator's link weight that goes to partners outside its own region at a level.</summary>
public sealed class ForeignShareMetric : Metric<ForeignShareOptions, NodeTable>
{
    public override string Id => "foreign-share";

    public override string Description => "Share of each innovator's link weight that crosses its region at a level.";

    public override MetricScope Scope => MetricScope.Node;

    public override NodeTable Compute(MetricContext context, ForeignShareOptions options)
    {
        var region = context.Network.RegionIndicesAt(options.Level);
        var g = context.Graph();
        var share = new double[g.NodeCount];
        for (var v = 0; v < g.NodeCount; v++)
        {
            double all = 0, foreign = 0;
            var nb = g.Neighbors(v);
            var w = g.Weights(v);
            for (var k = 0; k < nb.Length; k++)
            {
                all += w[k];
                foreign += region[nb[k]] != region[v] ? w[k] : 0;
            }

            share[v] = all == 0 ? double.NaN : foreign / all;
        }

        return new NodeTable(Id, context.InnovatorIds, share);
    }
}

public sealed class CustomMetricTests
{
    private static readonly MetricHandle<ForeignShareOptions, NodeTable> ForeignShare = new("foreign-share");

    private static GlocalNetwork Net() => GlocalNetwork.CreateBuilder()
        .AddRegion("w", "World", "world")
        .AddRegion("EU", "Europe", "world-region", "w")
        .AddRegion("DE", "Germany", "country", "EU")
        .AddRegion("FR", "France", "country", "EU")
        .AddInnovator("a", "A", InnovatorKind.Firm, "DE")
        .AddInnovator("b", "B", InnovatorKind.Firm, "DE")
        .AddInnovator("c", "C", InnovatorKind.University, "FR")
        .AddInnovator("d", "D", InnovatorKind.Other, "FR")
        .AddLink("a", "b", weight: 3)
        .AddLink("a", "c", weight: 1)
        .Build();

    private static void AssertShares(NodeTable t)
    {
        Assert.Equal(0.25, t["a"], 15);
        Assert.Equal(0.0, t["b"]);
        Assert.Equal(1.0, t["c"]);
        Assert.True(double.IsNaN(t["d"]));
    }

    [Fact]
    public void Direct_Compute()
    {
        AssertShares(new ForeignShareMetric().Compute(new MetricContext(Net()), new ForeignShareOptions()));
    }

    [Fact]
    public void Registry_ResolvesById_UntypedOptions()
    {
        var registry = MetricRegistry.CreateDefault([new ForeignShareMetric()]);

        var m = registry.Get("foreign-share");

        AssertShares((NodeTable)m.Compute(new MetricContext(Net()), null));
        Assert.Contains(registry.All, x => x.Id == "degree");
    }

    [Fact]
    public void Fluent_ById_AndByHandleWithOptions()
    {
        var registry = MetricRegistry.CreateDefault([new ForeignShareMetric()]);

        var byId = Net().Analyze().Using(registry).Compute("foreign-share", "degree").Run();
        var byHandle = Net().Analyze().Using(registry).Compute(ForeignShare, o => o with { Level = "world-region" }).Run();

        AssertShares((NodeTable)byId["foreign-share"]);
        Assert.All(byHandle.Get(ForeignShare).Column().ToArray().Where(v => !double.IsNaN(v)), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void DependencyInjection_AddMetric_RunsThroughFluentApi_AndExportsCsv()
    {
        using var sp = new ServiceCollection().AddGlocalNetworks(b => b.AddMetric<ForeignShareMetric>().WithDefaultSeed(7)).BuildServiceProvider();
        var analyzer = sp.GetRequiredService<IAnalyzer>();

        var result = Net().Analyze(analyzer).Compute("foreign-share", "density").Run();
        var dir = Path.Combine(Path.GetTempPath(), "glocal-custom-" + Guid.NewGuid().ToString("N"));
        try
        {
            var files = result.WriteCsv(dir);

            AssertShares((NodeTable)result["foreign-share"]);
            Assert.Equal(7UL, sp.GetRequiredService<GlocalNetworksDefaults>().Seed);
            Assert.Equal(new[] { "nodes.csv", "network.csv" }, files.Select(Path.GetFileName));
            Assert.Equal("id,foreign-share\na,0.25\nb,0\nc,1\nd,NaN\n", File.ReadAllText(Path.Combine(dir, "nodes.csv")));
            Assert.Equal("metric,value\ndensity,0.3333333333333333\n", File.ReadAllText(Path.Combine(dir, "network.csv")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void DependencyInjection_TryAdd_LetsAppsReplaceServices_AndIsIdempotent()
    {
        var mine = new Analyzer(new MetricRegistry([new ForeignShareMetric()]));
        var services = new ServiceCollection().AddSingleton<IAnalyzer>(mine);
        services.AddGlocalNetworks().AddGlocalNetworks(b => b.AddMetric<ForeignShareMetric>().AddMetric<ForeignShareMetric>());
        using var sp = services.BuildServiceProvider();

        Assert.Same(mine, sp.GetRequiredService<IAnalyzer>());
        Assert.Equal(sp.GetServices<IMetric>().Count(), sp.GetServices<IMetric>().Select(m => m.GetType()).Distinct().Count());
        Assert.True(sp.GetRequiredService<IMetricRegistry>().TryGet("foreign-share", out _));
        Assert.IsType<GlocalNetworks.Scales.LcaScaleClassifier>(sp.GetRequiredService<GlocalNetworks.Scales.IScaleClassifier>());
    }

    [Fact]
    public void UnknownId_SuggestsCloseIds_BeforeAnythingRuns()
    {
        var e = Assert.Throws<UnknownMetricException>(() => Net().Analyze().Compute("density", "degre").Run());

        Assert.Equal("Unknown metric id 'degre'. Did you mean 'degree'? Known ids are listed by 'glocal metrics --list'.", e.Message);
    }

    [Fact]
    public void Registry_DuplicateId_NamesBothTypes()
    {
        var e = Assert.Throws<ArgumentException>(() => new MetricRegistry([new ForeignShareMetric(), new OtherForeignShare()]));

        Assert.StartsWith("Metric id 'foreign-share' is registered twice: 'ForeignShareMetric' and 'OtherForeignShare'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongOptionsType_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => Net().Analyze().Compute("foreign-share", new GlocalNetworks.Metrics.Cohesion.DensityOptions())
            .Using(MetricRegistry.CreateDefault([new ForeignShareMetric()])).Run());

        Assert.StartsWith("Metric 'foreign-share' takes options of type 'ForeignShareOptions', not 'DensityOptions'.", e.Message, StringComparison.Ordinal);
    }

    private sealed class OtherForeignShare : Metric<ForeignShareOptions, NodeTable>
    {
        public override string Id => "foreign-share";

        public override string Description => "A clash.";

        public override MetricScope Scope => MetricScope.Node;

        public override NodeTable Compute(MetricContext context, ForeignShareOptions options) => throw new NotSupportedException();
    }
}
