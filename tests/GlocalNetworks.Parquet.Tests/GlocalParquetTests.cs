using System;
using System.Collections.Generic;
using System.IO;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;
using ParquetSharp;
using Xunit;

namespace GlocalNetworks.Parquet.Tests;

public sealed class GlocalParquetTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "glocal-parquet-" + Guid.NewGuid().ToString("N"));

    public GlocalParquetTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public void WriteThenLoad_RandomNetwork_ReproducesItExactly(int seed)
    {
        var net = NetworkAssert.Random(seed);
        var dir = Path.Combine(_dir, "p" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        GlocalParquet.Write(net, dir);
        var (back, report) = GlocalParquet.LoadDirectory(dir);
        NetworkAssert.Equal(net, back);
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Write_NetworkWithOrganisers_WritesFourFilesAndLoadsThemBack()
    {
        var net = NetworkAssert.Random(11);
        var paths = GlocalParquet.Write(net, _dir);
        Assert.Equal(net.Organisers.Count > 0 ? 4 : 3, paths.Count);
        Assert.Equal(net.Links.Count, GlocalParquet.LoadDirectory(_dir).Network.Links.Count);
    }

    [Fact]
    public void Load_ParquetAndCsvOfTheSameNetwork_GiveEqualNetworksAndReports()
    {
        var net = NetworkAssert.Random(5);
        GlocalParquet.Write(net, _dir);
        GlocalCsvWriter.Write(net, _dir);
        var fromParquet = GlocalParquet.Load(Path.Combine(_dir, "links.parquet"), Path.Combine(_dir, "innovators.parquet"), Path.Combine(_dir, "regions.parquet"));
        var fromCsv = GlocalCsv.Load(Path.Combine(_dir, "links.csv"), Path.Combine(_dir, "innovators.csv"), Path.Combine(_dir, "regions.csv"));
        NetworkAssert.Equal(fromCsv.Network, fromParquet.Network);
        Assert.Equal(fromCsv.Report.Counts["links loaded"], fromParquet.Report.Counts["links loaded"]);
        Assert.Equal(fromCsv.Report.Counts["links"], fromParquet.Report.Counts["links"]);
        Assert.Equal(net.Links.Count, fromParquet.Report.Counts["links.parquet rows"]);
    }

    [Fact]
    public void Load_OnlyLinksWithIntegerIds_InfersInnovatorsAsTheirDecimalText()
    {
        var path = Path.Combine(_dir, "links.parquet");
        WriteLinks(path, new Column[] { new Column<long>("source"), new Column<long>("target"), new Column<float>("weight") }, rg =>
        {
            Write(rg, new long[] { 10, 20, 10 });
            Write(rg, new long[] { 20, 30, 30 });
            Write(rg, new float[] { 1, 2.5f, 0.5f });
        });
        var net = GlocalParquet.Load(path).Network;
        Assert.Equal(["10", "20", "30"], Ids(net));
        Assert.Equal([1.0, 0.5, 2.5], net.Links.Weights.ToArray()); // sorted by (source, target)
    }

    [Fact]
    public void Load_NegativeWeight_ThrowsInvalidWeightNamingFileRowColumnAndValue()
    {
        var path = Path.Combine(_dir, "links.parquet");
        WriteLinks(path, [new Column<string>("source"), new Column<string>("target"), new Column<double>("weight")], rg =>
        {
            Write(rg, new[] { "a", "b", "c" });
            Write(rg, new[] { "b", "c", "a" });
            Write(rg, new[] { 1.0, -3.0, 2.0 });
        });
        var e = Assert.Throws<InvalidWeightException>(() => GlocalParquet.Load(path));
        Assert.Equal("links.parquet:2: column 'weight': value '-3' is negative; weights must be > 0.", e.Message);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Load_NegativeWeightInLenientMode_SkipsTheRowWithAnIssue()
    {
        var path = Path.Combine(_dir, "links.parquet");
        WriteLinks(path, [new Column<string>("source"), new Column<string>("target"), new Column<double?>("weight")], rg =>
        {
            Write(rg, new[] { "a", "b", "c" });
            Write(rg, new[] { "b", "c", "a" });
            Write(rg, new double?[] { null, -3.0, 2.0 });
        });
        var (net, report) = GlocalParquet.Load(path, options: LoadOptions.Default with { Mode = LoadMode.Lenient });
        Assert.Equal([1.0, 2.0], net.Links.Weights.ToArray());
        var issue = Assert.Single(report.Issues);
        Assert.Equal(("links.parquet", 2L, "weight", "-3", LoadAction.Skipped), (issue.File, issue.Line!.Value, issue.Column, issue.Value, issue.Action));
    }

    [Fact]
    public void Load_WeightStoredAsBoolean_ThrowsParquetFormatExceptionNamingTheType()
    {
        var path = Path.Combine(_dir, "links.parquet");
        WriteLinks(path, [new Column<string>("source"), new Column<string>("target"), new Column<bool>("weight")], rg =>
        {
            Write(rg, new[] { "a" });
            Write(rg, new[] { "b" });
            Write(rg, new[] { true });
        });
        var e = Assert.Throws<ParquetFormatException>(() => GlocalParquet.Load(path));
        Assert.Equal("links.parquet: column 'weight': value 'BOOLEAN' is the column's type; expected a number (DOUBLE, FLOAT, an integer type, or text holding numbers).", e.Message);
        Assert.Null(e.Line);
    }

    [Fact]
    public void Load_NumbersStoredAsText_AreParsedAsCsvCellsAndBadOnesNamed()
    {
        var path = Path.Combine(_dir, "links.parquet");
        WriteLinks(path, [new Column<string>("source"), new Column<string>("target"), new Column<string>("weight"), new Column<string>("year")], rg =>
        {
            Write(rg, new[] { "a", "b", "c" });
            Write(rg, new[] { "b", "c", "a" });
            Write(rg, new[] { "1.5", null, "heavy" });
            Write(rg, new[] { " 2015 ", "", "2016" });
        });
        var e = Assert.Throws<InvalidWeightException>(() => GlocalParquet.Load(path));
        Assert.Equal("links.parquet:3: column 'weight': value 'heavy' is not a number; weights must be > 0.", e.Message);
        var (net, _) = GlocalParquet.Load(path, options: LoadOptions.Default with { Mode = LoadMode.Lenient });
        Assert.Equal([1.0, 1.5], net.Links.Weights.ToArray());
        Assert.Equal([null, 2015], [net.Links.YearOf(0), net.Links.YearOf(1)]);
    }

    [Fact]
    public void Load_MissingTargetColumn_ThrowsParquetFormatExceptionListingTheColumns()
    {
        var path = Path.Combine(_dir, "links.parquet");
        WriteLinks(path, [new Column<string>("source"), new Column<double>("weight")], rg =>
        {
            Write(rg, new[] { "a" });
            Write(rg, new[] { 1.0 });
        });
        var e = Assert.Throws<ParquetFormatException>(() => GlocalParquet.Load(path));
        Assert.Equal("links.parquet: column 'target': is missing; the columns are source, weight.", e.Message);
    }

    [Fact]
    public void Load_NotAParquetFile_ThrowsParquetFormatException()
    {
        var path = Path.Combine(_dir, "links.parquet");
        File.WriteAllText(path, "source,target\na,b\n");
        var e = Assert.Throws<ParquetFormatException>(() => GlocalParquet.Load(path));
        Assert.StartsWith("links.parquet: cannot be read as Parquet: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownInnovatorInLinks_ThrowsWithSuggestion()
    {
        var net = NetworkAssert.Random(3);
        GlocalParquet.Write(net, _dir);
        var links = Path.Combine(_dir, "bad-links.parquet");
        var first = net.Innovators.IdOf(0);
        WriteLinks(links, [new Column<string>("source"), new Column<string>("target")], rg =>
        {
            Write(rg, new[] { first, first + "x" });
            Write(rg, new[] { net.Innovators.IdOf(1), first });
        });
        var e = Assert.Throws<ReferentialIntegrityException>(() =>
            GlocalParquet.Load(links, Path.Combine(_dir, "innovators.parquet"), Path.Combine(_dir, "regions.parquet")));
        Assert.Equal(2, e.Line);
        Assert.Equal("source", e.Column);
        Assert.Contains(first, e.Suggestions);
    }

    [Fact]
    public void Load_ManyRowGroupsAndBatches_ReadsEveryRowInOrder()
    {
        // More rows than one read batch, in three row groups of uneven size, with nulls across batch ends.
        var path = Path.Combine(_dir, "links.parquet");
        const int m = 150_000;
        var cols = new Column[] { new Column<string>("source"), new Column<string>("target"), new Column<int?>("year") };
        using (var file = new ParquetFileWriter(path, cols))
        {
            foreach (var (start, count) in new[] { (0, 70_000), (70_000, 1), (70_001, m - 70_001) })
            {
                using var rg = file.AppendRowGroup();
                var s = new string[count];
                var t = new string[count];
                var y = new int?[count];
                for (var i = 0; i < count; i++)
                {
                    var k = start + i;
                    s[i] = "n" + (k % 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    t[i] = "n" + ((k % 1000) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    y[i] = k % 7 == 0 ? null : 2000 + (k % 20);
                }

                Write(rg, s);
                Write(rg, t);
                Write(rg, y);
            }

            file.Close();
        }

        var (net, report) = GlocalParquet.Load(path);
        Assert.Equal(m, net.Links.Count);
        Assert.Equal(m, report.Counts["links.parquet rows"]);
        var undated = 0;
        for (var k = 0; k < m; k++)
        {
            undated += k % 7 == 0 ? 1 : 0;
        }

        Assert.Equal(undated, net.Links.UndatedCount);
        Assert.Equal(1001, net.Innovators.Count);
    }

    private static List<string> Ids(GlocalNetwork net)
    {
        var ids = new List<string>();
        foreach (var i in net.Innovators)
        {
            ids.Add(i.Id);
        }

        return ids;
    }

    private static void WriteLinks(string path, Column[] columns, Action<RowGroupWriter> body)
    {
        using var file = new ParquetFileWriter(path, columns);
        using (var rg = file.AppendRowGroup())
        {
            body(rg);
        }

        file.Close();
    }

    private static void Write<T>(RowGroupWriter rg, T[] values)
    {
        using var w = rg.NextColumn().LogicalWriter<T>();
        w.WriteBatch(values);
    }
}
