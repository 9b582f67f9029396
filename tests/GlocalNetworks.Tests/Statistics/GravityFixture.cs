using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Statistics;

/// <summary>
/// The R oracle of the Poisson GLM, gravity and distance decay: Fixtures/r/gravity.json and the seeded network in
/// Fixtures/r/gravity/*.csv, both written by tests/oracles/gravity.R (R glm quasipoisson + sandwich::vcovHC).
/// </summary>
internal sealed class GravityFixture
{
    private static readonly Lazy<GravityFixture> Instance = new(() => new GravityFixture());

    private readonly JsonElement _root;

    private GravityFixture()
    {
        var path = Path.Combine(OracleFixture.Directory, "r", "gravity.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Oracle fixture 'r/gravity.json' is missing; regenerate it with Rscript tests/oracles/gravity.R.", path);
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        _root = doc.RootElement.Clone();
        Tolerance = _root.GetProperty("tolerance").GetDouble();
        Oracle = _root.GetProperty("oracle_version").GetString()!;
    }

    public static GravityFixture Load() => Instance.Value;

    public double Tolerance { get; }

    public string Oracle { get; }

    public JsonElement Case(string name) => _root.GetProperty("cases").GetProperty(name);

    public static double[] Numbers(JsonElement e)
    {
        var list = new List<double>();
        foreach (var v in e.EnumerateArray())
        {
            list.Add(v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!, CultureInfo.InvariantCulture) : v.GetDouble());
        }

        return [.. list];
    }

    public static string[] Strings(JsonElement e)
    {
        var list = new List<string>();
        foreach (var v in e.EnumerateArray())
        {
            list.Add(v.GetString()!);
        }

        return [.. list];
    }

    public void Close(double expected, double actual, string what) => OracleAssert.Close(expected, actual, Tolerance, what + " vs " + Oracle);

    public void Close(JsonElement c, string key, IReadOnlyList<double> actual)
    {
        var expected = Numbers(c.GetProperty(key));
        Assert.Equal(expected.Length, actual.Count);
        for (var j = 0; j < expected.Length; j++)
        {
            Close(expected[j], actual[j], key + "[" + j.ToString(CultureInfo.InvariantCulture) + "]");
        }
    }

    private static List<string[]> Csv(string name)
    {
        var rows = new List<string[]>();
        var first = true;
        foreach (var line in File.ReadAllLines(Path.Combine(OracleFixture.Directory, "r", "gravity", name)))
        {
            if (first || line.Length == 0)
            {
                first = false;
                continue;
            }

            rows.Add(line.Split(','));
        }

        return rows;
    }

    private static GeoPoint? Point(string lat, string lon) =>
        lat.Length == 0 ? null : new GeoPoint(double.Parse(lat, CultureInfo.InvariantCulture), double.Parse(lon, CultureInfo.InvariantCulture));

    /// <summary>The seeded network of gravity.R: regions W (world) &gt; C1..C4 (country) &gt; provinces; 244 innovators
    /// (four at country level, one of them unlocated); 700 links with integer weights 1-5, undirected unless
    /// <paramref name="directed"/> (then arcs source → target, as the <c>gravity-directed</c> case reads them).</summary>
    public static GlocalNetwork Network(bool directed = false)
    {
        var b = GlocalNetwork.CreateBuilder();
        foreach (var r in Csv("regions.csv"))
        {
            b.AddRegion(r[0], r[0], r[1], r[2].Length == 0 ? null : r[2], Point(r[3], r[4]));
        }

        foreach (var r in Csv("innovators.csv"))
        {
            b.AddInnovator(r[0], r[0], InnovatorKind.Firm, r[1], Point(r[2], r[3]));
        }

        foreach (var r in Csv("links.csv"))
        {
            b.AddLink(r[0], r[1], LinkKind.Other, double.Parse(r[2], CultureInfo.InvariantCulture), directed: directed);
        }

        return b.Build();
    }

    /// <summary>The proximity covariate of gravity.R, by (R, S) province pair.</summary>
    public static Dictionary<(string, string), double> Proximity()
    {
        var d = new Dictionary<(string, string), double>();
        foreach (var r in Csv("proximity.csv"))
        {
            d[(r[0], r[1])] = double.Parse(r[2], CultureInfo.InvariantCulture);
        }

        return d;
    }
}
