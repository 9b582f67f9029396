using System;
using System.Collections.Generic;
using GlocalNetworks.EconGeo;
using GlocalNetworks.Glocal;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.EconGeo;

public sealed class ActivityMatrixTests
{
    [Fact]
    public void ReadCsv_LongForm_SparseCellsInFirstAppearanceOrder()
    {
        var x = ActivityMatrix.ReadCsv(CsvInput.FromText("activity.csv",
            "region,field,count\nR2,F2,3\nR1,F1,2\nR1,F2,0\nR2,F1,1.5\nR3,F3,0\n"));

        Assert.Equal(["R2", "R1", "R3"], x.RegionIds);
        Assert.Equal(["F2", "F1", "F3"], x.FieldIds);
        Assert.Equal(3, x.NonZeroCount);   // zeros declare ids but are not stored
        Assert.Equal(3, x["R2", "F2"]);
        Assert.Equal(1.5, x["R2", "F1"]);
        Assert.Equal(0, x["R1", "F2"]);
        Assert.Equal(6.5, x.Total);
        Assert.Equal([4.5, 2, 0], x.RegionTotals.ToArray());
        Assert.Equal([3, 3.5, 0], x.FieldTotals.ToArray());
        Assert.Equal([0, 1], x.FieldsOf(0).ToArray());   // R2: F2 (index 0), F1 (index 1), ascending
        Assert.Equal("region", x.Level);
    }

    [Fact]
    public void ReadCsv_Negative_InvalidWeightWithFileAndLine()
    {
        var ex = Assert.Throws<InvalidWeightException>(() => ActivityMatrix.ReadCsv(CsvInput.FromText("activity.csv",
            "region,field,count\nR1,F1,2\nR1,F2,-1\n")));

        Assert.Equal("activity.csv:3: column 'count': value '-1' is negative; counts must be >= 0.", ex.Message);
        Assert.Equal(3, ex.Line);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("x")]
    [InlineData("Infinity")]
    public void ReadCsv_NotAFiniteNumber_CsvFormat(string value)
    {
        var ex = Assert.Throws<CsvFormatException>(() => ActivityMatrix.ReadCsv(CsvInput.FromText("a.csv",
            "region,field,count\nR1,F1," + value + "\n")));

        Assert.Equal($"a.csv:2: column 'count': value '{value}' is not a finite number; counts must be numbers >= 0.", ex.Message);
    }

    [Fact]
    public void ReadCsv_DuplicateCell_NamesFirstLine()
    {
        var ex = Assert.Throws<DuplicateIdException>(() => ActivityMatrix.ReadCsv(CsvInput.FromText("a.csv",
            "region,field,count\nR1,F1,2\nR2,F1,1\nR1,F1,4\n")));

        Assert.Equal(4, ex.Line);
        Assert.Equal(2, ex.FirstLine);
        Assert.Equal("a.csv:4: column 'field': value 'R1,F1' is a duplicate id; it first occurs on line 2.", ex.Message);
    }

    [Fact]
    public void ReadCsv_MissingColumnAndEmptyId_CsvFormat()
    {
        Assert.Throws<CsvFormatException>(() => ActivityMatrix.ReadCsv(CsvInput.FromText("a.csv", "region,count\nR1,2\n")));
        var ex = Assert.Throws<CsvFormatException>(() => ActivityMatrix.ReadCsv(CsvInput.FromText("a.csv", "region,field,count\n,F1,2\n")));
        Assert.Equal(2, ex.Line);
        Assert.Equal("region", ex.Column);
    }

    [Fact]
    public void Create_NegativeValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => ActivityMatrix.Create(["A"], ["p"], new double[,] { { -1 } }));
        Assert.Throws<ArgumentException>(() => ActivityMatrix.Create(["A"], ["p"], new double[,] { { double.NaN } }));
        Assert.Throws<ArgumentException>(() => ActivityMatrix.Create(["A", "A"], ["p"], new double[,] { { 1 }, { 1 } }));
    }

    [Fact]
    public void Transpose_SwapsAxes()
    {
        var x = EconGeoIndicatorsTests.Small();
        var t = x.Transpose();

        Assert.Equal(x.FieldIds, t.RegionIds);
        Assert.Equal(x.RegionIds, t.FieldIds);
        for (var c = 0; c < 3; c++)
        {
            for (var p = 0; p < 3; p++)
            {
                Assert.Equal(x[c, p], t[p, c]);
            }
        }

        Assert.Equal(x.ToMatrix().Transpose(), t.ToMatrix());
    }

    /// <summary>
    /// Munich: m1 (tech A), m2 (tech B); Nuremberg: n1 (tech A); Dresden: d1 (tech A), d2 (no tech); Paris (no province): p1 (A).
    /// Links m1-m2 (CoPatent, w 2), m1-n1 (CoPatent), n1-d1 (JointProject, w 3), d1-p1 (JointProject), m2-d2 (CoPatent).
    /// </summary>
    private static GlocalNetwork Net()
    {
        static Dictionary<string, string> Tech(string t) => new() { ["tech"] = t };
        return TinyNetworks.WorldBuilder()
            .AddInnovator("m1", "M1", InnovatorKind.Firm, "Munich", attributes: Tech("A"))
            .AddInnovator("m2", "M2", InnovatorKind.Firm, "Munich", attributes: Tech("B"))
            .AddInnovator("n1", "N1", InnovatorKind.University, "Nuremberg", attributes: Tech("A"))
            .AddInnovator("d1", "D1", InnovatorKind.Firm, "Dresden", attributes: Tech("A"))
            .AddInnovator("d2", "D2", InnovatorKind.Firm, "Dresden")
            .AddInnovator("p1", "P1", InnovatorKind.Firm, "Paris", attributes: Tech("A"))
            .AddLink("m1", "m2", LinkKind.CoPatent, weight: 2)
            .AddLink("m1", "n1", LinkKind.CoPatent)
            .AddLink("n1", "d1", LinkKind.JointProject, weight: 3)
            .AddLink("d1", "p1", LinkKind.JointProject)
            .AddLink("m2", "d2", LinkKind.CoPatent)
            .Build();
    }

    [Fact]
    public void FromNetwork_Innovators_CountsPerProvinceAndTech()
    {
        var net = Net();
        var x = ActivityMatrix.FromNetwork(net, "province", InnovatorGroups.ByAttribute(net, "tech"));

        // Bavaria: m1 (A), m2 (B), n1 (A) -> A 2, B 1; Saxony: d1 (A) -> A 1 (d2 has no tech); p1 has no province.
        Assert.Equal(["Bavaria", "Saxony"], x.RegionIds);
        Assert.Equal(["A", "B"], x.FieldIds);
        Assert.Equal(2, x["Bavaria", "A"]);
        Assert.Equal(1, x["Bavaria", "B"]);
        Assert.Equal(1, x["Saxony", "A"]);
        Assert.Equal(0, x["Saxony", "B"]);
        Assert.Equal(2, x.UnassignedCount);   // d2 (no tech), p1 (no province)
        Assert.Equal("province", x.Level);
    }

    [Fact]
    public void FromNetwork_Participations_AndWeight()
    {
        var net = Net();
        var tech = InnovatorGroups.ByAttribute(net, "tech");
        var x = ActivityMatrix.FromNetwork(net, "province", tech, ActivityCount.Participations);
        var w = ActivityMatrix.FromNetwork(net, "province", tech, ActivityCount.Weight);

        // Link ends: m1 2 (A), m2 2 (B), n1 2 (A), d1 2 (A), d2 1 (none), p1 1 (no province).
        Assert.Equal(4, x["Bavaria", "A"]);
        Assert.Equal(2, x["Bavaria", "B"]);
        Assert.Equal(2, x["Saxony", "A"]);
        Assert.Equal(2, x.UnassignedCount);

        // Weights: m1 2 + 1, n1 1 + 3 -> A 7; m2 2 + 1 -> B 3; d1 3 + 1 -> 4.
        Assert.Equal(7, w["Bavaria", "A"]);
        Assert.Equal(3, w["Bavaria", "B"]);
        Assert.Equal(4, w["Saxony", "A"]);
    }

    [Fact]
    public void FromLinkKinds_LinkEndsPerRegionAndKind()
    {
        var x = ActivityMatrix.FromLinkKinds(Net(), "country");

        // Country DE holds m1, m2, n1, d1, d2; FR holds p1. CoPatent ends: m1-m2 2, m1-n1 2, m2-d2 2 -> DE 6.
        // JointProject ends: n1-d1 2 -> DE, d1-p1: DE 1, FR 1.
        Assert.Equal(["DE", "FR"], x.RegionIds);
        Assert.Equal(["CoPatent", "JointProject"], x.FieldIds);
        Assert.Equal(6, x["DE", "CoPatent"]);
        Assert.Equal(3, x["DE", "JointProject"]);
        Assert.Equal(1, x["FR", "JointProject"]);
        Assert.Equal(0, x["FR", "CoPatent"]);
        Assert.Equal(0, x.UnassignedCount);
    }

    [Fact]
    public void ToResult_LongFormCsv()
    {
        var csv = EconGeoIndicatorsTests.Small().ToResult().ToCsv();

        // MatrixResult writes the non-zero cells in MathNet's (column-major) order.
        Assert.Equal("row,column,value\nR1,F1,2\nR2,F1,1\nR1,F2,1\nR2,F2,1\nR3,F2,1\nR2,F3,2\nR3,F3,3\n", csv);
    }
}
