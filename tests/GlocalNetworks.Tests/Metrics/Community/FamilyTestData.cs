using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Metrics.Community;

/// <summary>A graph as plain arrays, for the community, structural-hole, core-periphery and small-world tests: turned into a
/// network with any innovator order and ids.</summary>
/// <param name="NodeCount">n; innovators are named <c>v0</c>, <c>v1</c>, ... unless renamed.</param>
/// <param name="Edges">The links (source, target, weight).</param>
/// <param name="Directed">Whether links are directed.</param>
internal sealed record GraphSpec(int NodeCount, IReadOnlyList<(int Source, int Target, double Weight)> Edges, bool Directed = false)
{
    public static string Name(int v) => "v" + v.ToString(CultureInfo.InvariantCulture);

    /// <summary>The network with innovator i named <see cref="Name"/>(i), innovators added in index order.</summary>
    public GlocalNetwork ToNetwork() => ToNetwork(Identity(NodeCount), Name);

    /// <summary>The network with innovators added in <paramref name="order"/> and innovator i named <paramref name="rename"/>(i).</summary>
    public GlocalNetwork ToNetwork(int[] order, Func<int, string> rename)
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        foreach (var v in order)
        {
            b.AddInnovator(rename(v), rename(v), InnovatorKind.Other, "R");
        }

        foreach (var (s, t, w) in Edges)
        {
            b.AddLink(rename(s), rename(t), LinkKind.Other, w, directed: Directed);
        }

        return b.Build();
    }

    /// <summary>G(n, p) with integer weights 1..3, seeded; no self-loops.</summary>
    public static GraphSpec Gnp(int n, double p, ulong seed, bool directed = false)
    {
        var rng = new TestRandom(seed);
        var edges = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = directed ? 0 : i + 1; j < n; j++)
            {
                if (i != j && rng.Chance(p))
                {
                    edges.Add((i, j, rng.Next(1, 3)));
                }
            }
        }

        return new GraphSpec(n, edges, directed);
    }

    /// <summary>A ring lattice: node i linked to i+1, ..., i+k/2 (mod n).</summary>
    public static GraphSpec Ring(int n, int k)
    {
        var edges = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            for (var d = 1; d <= k / 2; d++)
            {
                edges.Add((i, (i + d) % n, 1.0));
            }
        }

        return new GraphSpec(n, edges);
    }

    /// <summary>Watts-Strogatz: the ring lattice with each link's far end rewired with probability p (no loops or duplicates).</summary>
    public static GraphSpec WattsStrogatz(int n, int k, double p, ulong seed)
    {
        var rng = new TestRandom(seed);
        var set = new HashSet<(int, int)>();
        var edges = new List<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            for (var d = 1; d <= k / 2; d++)
            {
                var j = (i + d) % n;
                edges.Add((i, j));
                set.Add((Math.Min(i, j), Math.Max(i, j)));
            }
        }

        for (var e = 0; e < edges.Count; e++)
        {
            var (i, j) = edges[e];
            if (!rng.Chance(p))
            {
                continue;
            }

            var t = rng.Next(0, n - 1);
            if (t == i || set.Contains((Math.Min(i, t), Math.Max(i, t))))
            {
                continue;
            }

            set.Remove((Math.Min(i, j), Math.Max(i, j)));
            set.Add((Math.Min(i, t), Math.Max(i, t)));
            edges[e] = (i, t);
        }

        var list = new List<(int, int, double)>();
        foreach (var (i, j) in edges)
        {
            list.Add((i, j, 1.0));
        }

        return new GraphSpec(n, list);
    }

    /// <summary>A star: centre 0 and leaves 1..k.</summary>
    public static GraphSpec Star(int k)
    {
        var edges = new List<(int, int, double)>();
        for (var i = 1; i <= k; i++)
        {
            edges.Add((0, i, 1.0));
        }

        return new GraphSpec(k + 1, edges);
    }

    public static int[] Identity(int n)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = i;
        }

        return p;
    }
}

/// <summary>Reads a result property as a number.</summary>
internal static class ResultProperty
{
    /// <summary>A property of a result as a double (invariant culture; <c>NaN</c> allowed).</summary>
    public static double Of(MetricResult r, string name) => double.Parse(r.Properties[name], CultureInfo.InvariantCulture);
}
