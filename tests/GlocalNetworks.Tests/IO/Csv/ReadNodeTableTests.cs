using System;
using System.IO;
using FsCheck.Xunit;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Community;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.IO.Csv;

/// <summary><see cref="GlocalCsv.ReadNodeTable"/>: the reader of what <see cref="KeyedTable.WriteCsv(TextWriter)"/> writes.</summary>
public sealed class ReadNodeTableTests
{
    [Fact]
    public void ReadNodeTable_ReadsColumnsIdsAndMissingValues()
    {
        var t = GlocalCsv.ReadNodeTable(CsvInput.FromText("nodes.csv", "id,louvain,score\n a ,0,1.5\n\"b,c\",1,\nd,1,NaN\ne,2,null\n"));

        Assert.Equal("nodes.csv", t.MetricId);
        Assert.Equal(["a", "b,c", "d", "e"], t.Ids);
        Assert.Equal([0.0, 1, 1, 2], t.Column("louvain").ToArray());
        Assert.Equal(1.5, t["a", "score"]);
        Assert.True(double.IsNaN(t["b,c", "score"]));
        Assert.True(double.IsNaN(t["d", "score"]));
        Assert.True(double.IsNaN(t["e", "score"]));
    }

    [Theory]
    [InlineData("key,value\na,1\n", "column 'id'")]
    [InlineData("id\na\n", "is the only column")]
    [InlineData("id,v\na,1\nb,x1\n", "nodes.csv:3: column 'v': value 'x1' is not a number")]
    [InlineData("id,v\na,1\n,2\n", "nodes.csv:3: column 'id'")]
    [InlineData("id,v\na,1\nb,2,3\n", "nodes.csv:3")]
    public void ReadNodeTable_BadInput_NamesFileLineAndColumn(string csv, string message)
    {
        var e = Assert.ThrowsAny<GlocalDataException>(() => GlocalCsv.ReadNodeTable(CsvInput.FromText("nodes.csv", csv)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadNodeTable_DuplicateId_NamesBothLines()
    {
        var e = Assert.Throws<DuplicateIdException>(() => GlocalCsv.ReadNodeTable(CsvInput.FromText("nodes.csv", "id,v\na,1\nb,2\na,3\n")));
        Assert.Contains("nodes.csv:4: column 'id': value 'a' is a duplicate id; it first occurs on line 2.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadNodeTable_LouvainWrittenAndReadBack_GivesTheSameModularity()
    {
        var net = OracleFixture.Load("networkx", "karate").ToNetwork();
        var ctx = new MetricContext(net);
        var louvain = new LouvainMetric().Compute(ctx, new LouvainOptions());
        using var w = new StringWriter();
        louvain.WriteCsv(w);

        var back = GlocalCsv.ReadNodeTable(CsvInput.FromText("nodes.csv", w.ToString()));
        var fromFile = new ModularityMetric().Compute(ctx, new ModularityOptions { Partition = back, PartitionColumn = back.Columns[0] });
        var direct = new ModularityMetric().Compute(ctx, new ModularityOptions { Partition = louvain });

        Assert.Equal(direct.Value, fromFile.Value, 15);
        Assert.True(direct.Value > 0.4, "karate's Louvain modularity is about 0.42");
    }

    [Property(MaxTest = 100)]
    public bool WriteThenRead_RoundTripsEveryValue(int seed)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 1 + r.Next(20);
        var ids = new string[n];
        var a = new double[n];
        var b = new double[n];
        for (var i = 0; i < n; i++)
        {
            ids[i] = i % 3 == 0 ? $"id \"{i}\", x" : "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            a[i] = r.NextDouble() < 0.1 ? double.NaN : (r.NextDouble() - 0.5) * Math.Pow(10, r.Next(30) - 15);
            b[i] = r.Next(1000);
        }

        var table = new NodeTable("m", ids, new System.Collections.Generic.KeyValuePair<string, double[]>[] { new("a", a), new("b", b) });
        using var w = new StringWriter();
        table.WriteCsv(w);
        var back = GlocalCsv.ReadNodeTable(CsvInput.FromText("t.csv", w.ToString()));
        for (var i = 0; i < n; i++)
        {
            if (back.Ids[i] != ids[i] || !a[i].Equals(back[ids[i], "a"]) || !b[i].Equals(back[ids[i], "b"]))
            {
                return false;
            }
        }

        return back.Ids.Count == n;
    }
}
