using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using GlocalNetworks.Model;

namespace GlocalNetworks.Tests.TestUtils;

/// <summary>
/// An oracle fixture (tests/GlocalNetworks.Tests/Fixtures/&lt;oracle&gt;/&lt;graph&gt;.json, written by tests/oracles/classic_metrics.py):
/// the graph, and expected metric values with their tolerance and the exact oracle call.
/// </summary>
internal sealed class OracleFixture
{
    private readonly JsonElement _metrics;

    private OracleFixture(string path, JsonElement root)
    {
        Path = path;
        Graph = root.GetProperty("graph").GetString()!;
        Oracle = root.GetProperty("oracle").GetString() + " " + root.GetProperty("oracle_version").GetString();
        Directed = root.GetProperty("directed").GetBoolean();
        var nodes = new List<string>();
        foreach (var n in root.GetProperty("nodes").EnumerateArray())
        {
            nodes.Add(n.GetString()!);
        }

        Nodes = nodes;
        var edges = new List<(string, string, double)>();
        foreach (var e in root.GetProperty("edges").EnumerateArray())
        {
            var w = e.GetArrayLength() > 2 && e[2].ValueKind == JsonValueKind.Number ? e[2].GetDouble() : 1.0;
            edges.Add((e[0].GetString()!, e[1].GetString()!, w));
        }

        Edges = edges;
        _metrics = root.GetProperty("metrics");
        Attributes = new Dictionary<string, Dictionary<string, string>>();
        if (root.TryGetProperty("attributes", out var attrs))
        {
            foreach (var a in attrs.EnumerateObject())
            {
                var d = new Dictionary<string, string>();
                foreach (var kv in a.Value.EnumerateObject())
                {
                    d[kv.Name] = kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString()! : kv.Value.GetRawText();
                }

                Attributes[a.Name] = d;
            }
        }
    }

    public string Path { get; }

    public string Graph { get; }

    public string Oracle { get; }

    public bool Directed { get; }

    public IReadOnlyList<string> Nodes { get; }

    public IReadOnlyList<(string Source, string Target, double Weight)> Edges { get; }

    /// <summary>Node attributes by attribute name, then node id.</summary>
    public Dictionary<string, Dictionary<string, string>> Attributes { get; }

    public static string Directory => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static OracleFixture Load(string oracle, string graph)
    {
        var path = System.IO.Path.Combine(Directory, oracle, graph + ".json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Oracle fixture '{oracle}/{graph}.json' is missing; regenerate it with tests/oracles/classic_metrics.py.", path);
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return new OracleFixture(path, doc.RootElement.Clone());
    }

    /// <summary>The fixture's graph as a network: every node an innovator in one region (attributes attached), every edge a link.</summary>
    public GlocalNetwork ToNetwork()
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        foreach (var n in Nodes)
        {
            Dictionary<string, string>? attrs = null;
            foreach (var (name, values) in Attributes)
            {
                if (values.TryGetValue(n, out var v))
                {
                    (attrs ??= [])[name] = v;
                }
            }

            b.AddInnovator(n, n, InnovatorKind.Other, "R", attributes: attrs);
        }

        foreach (var (s, t, w) in Edges)
        {
            b.AddLink(s, t, LinkKind.Other, w, directed: Directed);
        }

        return b.Build();
    }

    public bool Has(string metric) => _metrics.TryGetProperty(metric, out _);

    public double Tolerance(string metric) => Metric(metric).GetProperty("tolerance").GetDouble();

    public string Call(string metric) => Metric(metric).GetProperty("call").GetString()!;

    /// <summary>Per-node expected values.</summary>
    public Dictionary<string, double> NodeValues(string metric)
    {
        var d = new Dictionary<string, double>();
        foreach (var kv in Metric(metric).GetProperty("values").EnumerateObject())
        {
            d[kv.Name] = Number(kv.Value);
        }

        return d;
    }

    /// <summary>A network-level expected value (<c>value</c>, or <c>values[name]</c>).</summary>
    public double NetworkValue(string metric, string? name = null)
    {
        var m = Metric(metric);
        return name is null ? Number(m.GetProperty("value")) : Number(m.GetProperty("values").GetProperty(name));
    }

    public JsonElement Metric(string metric) =>
        _metrics.TryGetProperty(metric, out var m) ? m : throw new KeyNotFoundException($"Fixture {Oracle} '{Graph}' has no metric '{metric}'.");

    private static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.String => double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture), // "NaN", "Infinity"
        JsonValueKind.Null => double.NaN,
        _ => throw new InvalidDataException($"Not a number: {e}"),
    };
}
