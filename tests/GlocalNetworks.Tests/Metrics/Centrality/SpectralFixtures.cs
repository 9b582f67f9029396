using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Centrality;

/// <summary>Shared helpers of the spectral, clustering, cohesion and assortativity tests: the oracle graphs as theory
/// data, fixture entries, and small hand-made and seeded networks (the tolerance rule is <see cref="OracleAssert"/>'s).</summary>
internal static class SpectralFixtures
{
    private static TheoryData<string> Data(string[] graphs)
    {
        var d = new TheoryData<string>();
        foreach (var g in graphs)
        {
            d.Add(g);
        }

        return d;
    }

    /// <summary>Every oracle graph, as theory data.</summary>
    public static TheoryData<string> All() => Data(OracleAssert.AllGraphs);

    /// <summary>The undirected oracle graphs, as theory data.</summary>
    public static TheoryData<string> Undirected() => Data(OracleAssert.UndirectedGraphs);

    /// <summary>Compares a scalar with a fixture's network entry, with the fixture's tolerance.</summary>
    public static void NetworkValue(OracleFixture fx, string key, double actual) =>
        OracleAssert.Close(fx.NetworkValue(key), actual, fx.Tolerance(key), $"{fx.Oracle} {fx.Graph} {key}");

    /// <summary>A dictionary of numbers from a fixture entry's property (e.g. <c>personalization</c>).</summary>
    public static Dictionary<string, double> Map(OracleFixture fx, string key, string property)
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var kv in fx.Metric(key).GetProperty(property).EnumerateObject())
        {
            d[kv.Name] = kv.Value.GetDouble();
        }

        return d;
    }

    /// <summary>A network in one region from (source, target) pairs of node names "0".."n-1" (all innovators added first).</summary>
    public static GlocalNetwork Build(int n, bool directed, params (int S, int T)[] links) => Build(n, directed, links, null);

    /// <summary>As <see cref="Build(int, bool, ValueTuple{int, int}[])"/> with weights.</summary>
    public static GlocalNetwork Build(int n, bool directed, (int S, int T)[] links, double[]? weights)
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        for (var i = 0; i < n; i++)
        {
            var id = i.ToString(CultureInfo.InvariantCulture);
            b.AddInnovator(id, id, InnovatorKind.Firm, "R");
        }

        for (var k = 0; k < links.Length; k++)
        {
            b.AddLink(links[k].S.ToString(CultureInfo.InvariantCulture), links[k].T.ToString(CultureInfo.InvariantCulture), LinkKind.Other,
                weights?[k] ?? 1.0, directed: directed);
        }

        return b.Build();
    }

    /// <summary>The complete graph on <paramref name="n"/> innovators.</summary>
    public static GlocalNetwork Complete(int n)
    {
        var links = new List<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                links.Add((i, j));
            }
        }

        return Build(n, false, links.ToArray());
    }

    /// <summary>A seeded random network: n innovators, each pair linked with probability p, weights 1..5, optionally
    /// directed (each ordered pair with probability p).</summary>
    public static GlocalNetwork Random(ulong seed, int n, double p, bool directed, bool weighted = true)
    {
        var r = new SplitMix(seed);
        var links = new List<(int, int)>();
        var w = new List<double>();
        for (var i = 0; i < n; i++)
        {
            for (var j = directed ? 0 : i + 1; j < n; j++)
            {
                if (i != j && r.NextDouble() < p)
                {
                    links.Add((i, j));
                    w.Add(weighted ? 1 + r.Next(5) : 1);
                }
            }
        }

        return Build(n, directed, links.ToArray(), w.ToArray());
    }

    /// <summary>The network with its innovators added in the order <paramref name="order"/> and renamed "v" + old id;
    /// links (with weights and directions) kept.</summary>
    public static GlocalNetwork Relabel(GlocalNetwork net, int[] order)
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        foreach (var i in order)
        {
            var inn = net.Innovators[i];
            b.AddInnovator("v" + inn.Id, inn.Name, inn.Kind, "R", attributes: inn.Attributes);
        }

        var links = net.Links;
        var src = links.Sources;
        var tgt = links.Targets;
        for (var k = links.Count - 1; k >= 0; k--)
        {
            b.AddLink("v" + net.Innovators[src[k]].Id, "v" + net.Innovators[tgt[k]].Id, LinkKind.Other, links[k].Weight, directed: links[k].Directed);
        }

        return b.Build();
    }
}
