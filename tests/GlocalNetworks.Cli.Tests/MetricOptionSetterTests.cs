using System;
using System.Collections.Generic;
using GlocalNetworks.Comparison;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics.Centrality;
using GlocalNetworks.Metrics.Community;
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

    [Fact]
    public void Map_FileWithADuplicateKey_IsADataErrorNamingTheLine()
    {
        using var cli = new CliRun();
        var file = cli.File("weights.csv", "id,weight\na,3\nc,0.5\na,1\n");
        var e = Assert.Throws<DuplicateIdException>(() => Set("pagerank", new PageRankOptions(), "personalization", "@" + file));
        Assert.Contains("weights.csv:4: column 'key': value 'a' is a duplicate id", e.Message);
    }

    [Fact]
    public void Partition_FromANodesFile_GivesTheModularityOfThatPartition()
    {
        using var cli = new CliRun();
        var links = cli.File("l.csv", "source,target\na,b\nb,c\nc,a\nc,d\nd,e\ne,f\nf,d\n");
        var partition = cli.File("nodes.csv", "id,degree,louvain\na,2,0\nb,2,0\nc,3,0\nd,3,1\ne,2,1\nf,2,1\n");

        var (code, _, error) = cli.Run("metrics", "--links", links, "-m", "modularity", "--set", "modularity.partition=@" + partition,
            "--set", "modularity.partition-column=louvain", "--out", cli.Out);

        Assert.True(code == 0, error);
        // Two triangles joined by c-d: Q = Σ_c [l_c/m - (d_c/2m)²] = 2 × (3/7 - (7/14)²) = 0.357142857...
        Assert.Equal("metric,value\nmodularity,0.35714285714285715\nmodularity.communities,2\n", cli.Read("out/network.csv"));
        Assert.Equal("Option 'partition' of metric 'modularity' takes a file: @nodes.csv (id and columns of numbers, as glocal metrics writes it).",
            Error("modularity", new ModularityOptions(), "partition", "louvain"));
    }
}
