using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Statistics;

/// <summary>The R oracle of OLS, the within estimator and convergence: Fixtures/r-plm/panel.json, written by
/// tests/oracles/panel.R (R lm + sandwich, plm within + vcovHC). JSON null reads as NaN (R's NA).</summary>
internal sealed class PanelFixture
{
    private static readonly Lazy<PanelFixture> Instance = new(() => new PanelFixture());

    private PanelFixture()
    {
        var path = Path.Combine(OracleFixture.Directory, "r-plm", "panel.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Oracle fixture 'r-plm/panel.json' is missing; regenerate it with Rscript tests/oracles/panel.R.", path);
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        Root = doc.RootElement.Clone();
        Tolerance = Root.GetProperty("tolerance").GetDouble();
        Oracle = Root.GetProperty("oracle_version").GetString() + ", plm " + Root.GetProperty("plm_version").GetString();
    }

    public JsonElement Root { get; }

    public double Tolerance { get; }

    public string Oracle { get; }

    public static PanelFixture Load() => Instance.Value;

    public static double[] Numbers(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Number)
        {
            return [e.GetDouble()];
        }

        var list = new List<double>();
        foreach (var v in e.EnumerateArray())
        {
            list.Add(v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble());
        }

        return [.. list];
    }

    public static string[] Strings(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            return [e.GetString()!];
        }

        var list = new List<string>();
        foreach (var v in e.EnumerateArray())
        {
            list.Add(v.GetString()!);
        }

        return [.. list];
    }

    public void Close(double expected, double actual, string what) => OracleAssert.Close(expected, actual, Tolerance, what + " vs " + Oracle);

    public void Close(JsonElement c, string key, IReadOnlyList<double> actual, int count = int.MaxValue)
    {
        var expected = Numbers(c.GetProperty(key));
        Assert.Equal(expected.Length, Math.Min(count, actual.Count));
        for (var j = 0; j < expected.Length; j++)
        {
            Close(expected[j], actual[j], key + "[" + j.ToString(CultureInfo.InvariantCulture) + "]");
        }
    }
}
