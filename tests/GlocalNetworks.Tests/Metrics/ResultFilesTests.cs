using System;
using System.IO;
using System.Text.Json;
using GlocalNetworks.Metrics;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics;

public class ResultFilesTests
{
    private static AnalysisResult Result(params MetricResult[] results) =>
        new(TinyNetworks.Mixed(), new AnalysisRequest(), [.. results]);

    [Fact]
    public void RegionTablesWithDifferentRows_ShareAFileWithTheUnionOfRows()
    {
        var a = new RegionTable("a", "country", ["DE", "FR"], [KeyedTable.Col("value", [1.0, 2.0])]);
        var b = new RegionTable("b", "country", ["FR", "JP"], [KeyedTable.Col("x", [3.0, 4.0])]);
        var dir = Path.Combine(Path.GetTempPath(), "glocal-files-" + Guid.NewGuid().ToString("N"));
        try
        {
            Result(a, b).WriteCsv(dir);
            Assert.Equal("region,a,b.x\nDE,1,NaN\nFR,2,3\nJP,NaN,4\n", File.ReadAllText(Path.Combine(dir, "regions.csv")));

            Result(a, b).WriteJson(dir);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "regions.json")));
            var rows = doc.RootElement;
            Assert.Equal(3, rows.GetArrayLength());
            Assert.Equal("JP", rows[2].GetProperty("region").GetString());
            Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("a").ValueKind);
            Assert.Equal(4, rows[2].GetProperty("b.x").GetDouble());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void MatrixAndGroupTables_GetFilesOfTheirOwn_InBothFormats()
    {
        var m = new MatrixResult("flows", ["DE", "FR"], ["DE", "FR"], MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2 }, { 2, double.NaN } }));
        var g = new GroupTable("mix", "kind", ["Firm"], [KeyedTable.Col("share", [0.5])]);
        var dir = Path.Combine(Path.GetTempPath(), "glocal-files-" + Guid.NewGuid().ToString("N"));
        try
        {
            var csv = Result(m, g).WriteCsv(dir);
            Assert.Equal(2, csv.Count);
            Assert.Equal("kind,share\nFirm,0.5\n", File.ReadAllText(Path.Combine(dir, "mix.csv")));

            Result(m, g).WriteJson(dir);
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "flows.json")));
            Assert.Equal("FR", doc.RootElement.GetProperty("rows")[1].GetString());
            Assert.Equal(2, doc.RootElement.GetProperty("values")[0][1].GetDouble());
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("values")[1][1].ValueKind);
            using var mix = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "mix.json")));
            Assert.Equal(0.5, mix.RootElement[0].GetProperty("share").GetDouble());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
