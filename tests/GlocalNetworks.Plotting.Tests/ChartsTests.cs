using System;
using System.Collections.Generic;
using System.IO;
using GlocalNetworks.Data;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace GlocalNetworks.Plotting.Tests;

public class ChartsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static void AssertPng(byte[] png, int width, int height)
    {
        Assert.Equal(PngSignature, png[..8]);
        // IHDR: width and height as big-endian ints at bytes 16..23.
        Assert.Equal(width, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
        Assert.Equal(height, (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23]);
    }

    [Fact]
    public void Bars_RendersPngAndSvgOfTheChartsSize()
    {
        var chart = Charts.Bars("Shares", ["Local", "Global"], [0.25, 0.75], "share");

        AssertPng(chart.ToPng(), Charts.DefaultWidth, Charts.DefaultHeight);
        var svg = chart.ToSvg();
        Assert.Contains("<svg", svg);
        Assert.Contains("Local", svg);
        Assert.StartsWith("data:image/png;base64,", chart.ToDataUri());
    }

    [Fact]
    public void Bars_LengthMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Charts.Bars("x", ["a"], [1.0, 2.0]));
        Assert.Contains("1 labels for 2 values", ex.Message);
    }

    [Fact]
    public void Top_GrowsWithTheNumberOfBars()
    {
        var ids = new List<string>();
        var values = new double[30];
        for (var i = 0; i < 30; i++)
        {
            ids.Add("n" + i);
            values[i] = i;
        }

        var table = new NodeTable("degree", ids, values);
        var chart = Charts.Top("Top", table, k: 20);

        Assert.Equal(60 + (26 * 20), chart.Height);
        AssertPng(chart.ToPng(), chart.Width, chart.Height);
    }

    [Fact]
    public void Heatmap_RendersAMatrixWithNaN()
    {
        var m = new MatrixResult("region-flows", ["DE", "FR", "IT"], ["DE", "FR", "IT"],
            Matrix<double>.Build.DenseOfArray(new[,] { { 5.0, 1, 0 }, { 1, 3, double.NaN }, { 0, 2, 9 } }));

        var chart = Charts.Heatmap("Flows", m);

        AssertPng(chart.ToPng(), chart.Width, chart.Height);
    }

    [Fact]
    public void Lines_LogLog_SkipsNonPositivePoints()
    {
        var chart = Charts.Lines("Decay", [1.0, 10, 100], [new("p", [0.5, 0.0, 0.005])], "km", "p", logLog: true);

        AssertPng(chart.ToPng(), chart.Width, chart.Height);
        Assert.Throws<ArgumentException>(() => Charts.Lines("x", [1.0, 2], [new("p", [1.0])]));
    }

    [Fact]
    public void GroupedBars_OneBarPerSeriesAndCategory()
    {
        var chart = Charts.GroupedBars("Compare", ["density", "openness"], [new("ICT", [0.1, 0.6]), new("Bio", [0.2, 0.4])]);

        AssertPng(chart.ToPng(), chart.Width, chart.Height);
        Assert.Throws<ArgumentException>(() => Charts.GroupedBars("x", ["a"], [new("s", [1.0, 2.0])]));
    }

    [Fact]
    public void Comparison_GroupedBarsOfTheChosenRows()
    {
        var net = DefaultDataSet.Load().Network;
        var table = GlocalNetwork.Compare(("whole", net), ("local", net.AtScales(Scale.Local))).Compute("density").Run();

        var chart = Charts.Comparison(table, ["scale-mix.share.local", "scale-mix.share.global"], "Scale mix");

        Assert.Equal("Scale mix", chart.Title);
        AssertPng(chart.ToPng(), Charts.DefaultWidth, Charts.DefaultHeight);
        Assert.Throws<KeyNotFoundException>(() => Charts.Comparison(table, ["no-such-row"]));
    }

    [Fact]
    public void Save_PicksTheFormatByExtension()
    {
        var chart = Charts.Bars("S", ["a"], [1.0]);
        var dir = Path.Combine(Path.GetTempPath(), "glocal-chart-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            chart.Save(Path.Combine(dir, "c.png"));
            chart.Save(Path.Combine(dir, "c.svg"));
            Assert.Equal(PngSignature, File.ReadAllBytes(Path.Combine(dir, "c.png"))[..8]);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(dir, "c.svg")));
            var ex = Assert.Throws<ArgumentException>(() => chart.Save(Path.Combine(dir, "c.jpg")));
            Assert.Contains("save as .png or .svg", ex.Message);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
