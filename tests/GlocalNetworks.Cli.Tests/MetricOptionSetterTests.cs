using System;
using System.Collections.Generic;
using GlocalNetworks.Comparison;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics.Centrality;
using Xunit;

namespace GlocalNetworks.Cli.Tests;

/// <summary><c>--set</c> for object-valued options: enums, nullable numbers, lists, maps, nested records and files.</summary>
public sealed class MetricOptionSetterTests
{
    private static T Set<T>(string id, T options, string path, string text)
        where T : class => (T)MetricOptionSetter.Set(id, options, path, text);

    private static string Error<T>(string id, T options, string path, string text)
        where T : class => Assert.Throws<ArgumentException>(() => Set(id, options, path, text)).Message;

    [Theory]
    [InlineData("region-flows", ComparisonMatrix.RegionFlows)]
    [InlineData("RegionFlows", ComparisonMatrix.RegionFlows)]
    [InlineData("binary-adjacency", ComparisonMatrix.BinaryAdjacency)]
    public void Enum_CaseInsensitiveDashesIgnored(string text, ComparisonMatrix expected) =>
        Assert.Equal(expected, Set("qap", new QapMetricOptions(), "matrix", text).Matrix);

    [Fact]
    public void Enum_BadValue_ListsTheNames()
    {
        Assert.Equal("Option 'matrix' of metric 'qap': value 'flows' is not one of Adjacency, BinaryAdjacency, RegionFlows.",
            Error("qap", new QapMetricOptions(), "matrix", "flows"));
        Assert.Contains("is not one of Adjacency", Error("qap", new QapMetricOptions(), "matrix", "1"));
    }

    [Fact]
    public void NullableEnumAndNumber_ValueOrNull()
    {
        var o = Set("qap", new QapMetricOptions(), "mode", "undirected");
        Assert.Equal(DyadMode.Undirected, o.Mode);
        o = Set("qap", o, "seed", "7");
        Assert.Equal(7UL, o.Seed);
        Assert.Null(Set("qap", o, "seed", "null").Seed);
        Assert.Null(Set("qap", o, "mode", string.Empty).Mode);
        Assert.Contains("value '-1' is not a UInt64", Error("qap", o, "seed", "-1"));
    }

    [Fact]
    public void Flags_JoinedWithPlus()
    {
        var o = Set("scale-mix", new ScaleMixOptions(), "groupings", "network+regions");
        Assert.Equal(ScaleMixGroupings.Network | ScaleMixGroupings.Regions, o.Groupings);
        Assert.Contains("(combine with +)", Error("scale-mix", new ScaleMixOptions(), "groupings", "network+nowhere"));
    }

    [Fact]
    public void Lists_OfStringsAndNumbers_CommaSeparated()
    {
        Assert.Equal(["nuts2", "country"], Set("ei-index", new EiIndexOptions(), "levels", "nuts2,country").Levels!);
        Assert.Equal([0.0, 50, 100.5], Set("distance-decay", new DistanceDecayOptions(), "edges", "0, 50,100.5").Edges);
        Assert.Equal("Option 'edges' of metric 'distance-decay': value 'x' is not a Double.",
            Error("distance-decay", new DistanceDecayOptions(), "edges", "0,x"));
    }

    [Fact]
    public void NestedRecord_DottedPath_SetsParts()
    {
        var o = Set("gatekeepers", new GatekeepersOptions(), "threshold.kind", "quantile");
        o = Set("gatekeepers", o, "threshold.value", "0.9");
        Assert.Equal(GatekeeperThreshold.Quantile(0.9), o.Threshold);
        Assert.Equal(GatekeeperThreshold.Mean, new GatekeepersOptions().Threshold);

        // A null nested option starts from a blank value (unset numbers NaN).
        var i = Set("gatekeepers", new GatekeepersOptions(), "internal-threshold.kind", "median");
        Assert.Equal(GatekeeperThresholdKind.Median, i.InternalThreshold!.Kind);
        Assert.True(double.IsNaN(i.InternalThreshold.Value));
    }

    [Fact]
    public void NestedRecord_Mistakes_ListTheParts()
    {
        Assert.Equal("Option 'threshold' of metric 'gatekeepers' is a GatekeeperThreshold; set its parts: threshold.Kind, threshold.Value.",
            Error("gatekeepers", new GatekeepersOptions(), "threshold", "quantile"));
        Assert.Equal("Option 'threshold' of metric 'gatekeepers' has no part 'kindd'; its parts are Kind, Value.",
            Error("gatekeepers", new GatekeepersOptions(), "threshold.kindd", "mean"));
        Assert.Contains("is a Double, which has no parts", Error("pagerank", new PageRankOptions(), "alpha.x", "1"));
        Assert.Contains("one of Mean, Median, Quantile, Absolute", Error("gatekeepers", new GatekeepersOptions(), "threshold.kind", "mode"));
    }

    [Fact]
    public void Map_InlineAndFile()
    {
        var o = Set("pagerank", new PageRankOptions(), "personalization", "a:1,b:2.5");
        Assert.Equal(new Dictionary<string, double> { ["a"] = 1, ["b"] = 2.5 }, o.Personalization);
        using var cli = new CliRun();
        var file = cli.File("weights.csv", "id,weight\na,3\nc,0.5\n");
        Assert.Equal(new Dictionary<string, double> { ["a"] = 3, ["c"] = 0.5 }, Set("pagerank", o, "personalization", "@" + file).Personalization);
        Assert.Contains("is not KEY:NUMBER", Error("pagerank", o, "personalization", "a=1"));
        Assert.Throws<System.IO.FileNotFoundException>(() => Set("pagerank", o, "personalization", "@" + file + ".missing"));
    }

    [Fact]
    public void Groups_NeedAFile()
    {
        Assert.Equal("Option 'groups' of metric 'brokerage' takes a file: @groups.csv (id,group), as --groups.",
            Error("brokerage", new BrokerageOptions(), "groups", "sector"));
    }
}
