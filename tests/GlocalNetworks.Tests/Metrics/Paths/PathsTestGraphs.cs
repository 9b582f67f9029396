using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.Tests.Metrics.Paths;

/// <summary>Small graphs for the shortest-path tests: networks from int edge lists, seeded random graphs, and a naive
/// reference Brandes (networkx's algorithm with predecessor lists) to check the kernel against.</summary>
internal static class PathsTestGraphs
{
    public static string Id(int v) => "n" + v.ToString(CultureInfo.InvariantCulture);

    /// <summary>A network of innovators n0..n(count-1) (added in the order given by <paramref name="addOrder"/>) and the links.</summary>
    public static GlocalNetwork Network(int count, IReadOnlyList<(int S, int T, double W)> edges, bool directed = false,
        Func<int, string>? name = null, int[]? addOrder = null, int[]? linkOrder = null)
    {
        name ??= Id;
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        for (var i = 0; i < count; i++)
        {
            var v = addOrder is null ? i : addOrder[i];
            b.AddInnovator(name(v), name(v), InnovatorKind.Other, "R");
        }

        for (var i = 0; i < edges.Count; i++)
        {
            var (s, t, w) = edges[linkOrder is null ? i : linkOrder[i]];
            b.AddLink(name(s), name(t), LinkKind.Other, w, directed: directed);
        }

        return b.Build();
    }

    public static List<(int, int, double)> Star(int leaves)
    {
        var e = new List<(int, int, double)>();
        for (var i = 1; i <= leaves; i++)
        {
            e.Add((0, i, 1.0));
        }

        return e;
    }

    public static List<(int, int, double)> Path(int n)
    {
        var e = new List<(int, int, double)>();
        for (var i = 0; i + 1 < n; i++)
        {
            e.Add((i, i + 1, 1.0));
        }

        return e;
    }

    /// <summary>A seeded G(n, p) graph (no self-loops, no parallel links) with integer weights in 1..maxWeight.</summary>
    public static List<(int, int, double)> Gnp(int n, double p, ulong seed, bool directed = false, int maxWeight = 1)
    {
        var rng = new DeterministicRandom(seed, 7);
        var e = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = directed ? 0 : i + 1; j < n; j++)
            {
                if (i != j && rng.NextDouble() < p)
                {
                    e.Add((i, j, 1 + rng.NextInt(maxWeight)));
                }
            }
        }

        return e;
    }

    /// <summary>A seeded Barabási–Albert-like graph: each new node links to <paramref name="m"/> distinct earlier nodes
    /// drawn in proportion to degree (uniform picks from the list of link ends), starting from a clique of m + 1 nodes.</summary>
    public static (int[] Sources, int[] Targets) BarabasiAlbert(int n, int m, ulong seed)
    {
        var rng = new DeterministicRandom(seed, 11);
        var src = new List<int>();
        var dst = new List<int>();
        var ends = new List<int>();
        for (var i = 0; i <= m; i++)
        {
            for (var j = i + 1; j <= m; j++)
            {
                src.Add(i);
                dst.Add(j);
                ends.Add(i);
                ends.Add(j);
            }
        }

        var picked = new int[m];
        for (var v = m + 1; v < n; v++)
        {
            var got = 0;
            while (got < m)
            {
                var t = ends[rng.NextInt(ends.Count)];
                if (Array.IndexOf(picked, t, 0, got) < 0)
                {
                    picked[got++] = t;
                }
            }

            for (var k = 0; k < m; k++)
            {
                src.Add(v);
                dst.Add(picked[k]);
                ends.Add(v);
                ends.Add(picked[k]);
            }
        }

        return (src.ToArray(), dst.ToArray());
    }

    /// <summary>networkx's Brandes, transcribed naively (predecessor lists, exact comparisons, lists everywhere):
    /// the raw ordered-pair sums from the given sources (all when null). Weighted uses Dijkstra on the link weights.</summary>
    public static double[] NaiveBrandes(int n, IReadOnlyList<(int S, int T, double W)> edges, bool directed, bool weighted, IEnumerable<int>? sources = null)
    {
        var adj = new List<(int To, double W)>[n];
        for (var i = 0; i < n; i++)
        {
            adj[i] = [];
        }

        foreach (var (s, t, w) in edges)
        {
            adj[s].Add((t, weighted ? w : 1.0));
            if (!directed)
            {
                adj[t].Add((s, weighted ? w : 1.0));
            }
        }

        var bc = new double[n];
        var all = new List<int>();
        for (var i = 0; i < n; i++)
        {
            all.Add(i);
        }

        foreach (var s in sources ?? all)
        {
            var dist = new double[n];
            Array.Fill(dist, double.PositiveInfinity);
            var sigma = new double[n];
            var preds = new List<int>[n];
            for (var i = 0; i < n; i++)
            {
                preds[i] = [];
            }

            var done = new bool[n];
            var order = new List<int>();
            dist[s] = 0;
            sigma[s] = 1;
            while (true)
            {
                // O(n) selection of the closest unsettled node: slow and obviously right.
                var v = -1;
                for (var i = 0; i < n; i++)
                {
                    if (!done[i] && !double.IsPositiveInfinity(dist[i]) && (v < 0 || dist[i] < dist[v]))
                    {
                        v = i;
                    }
                }

                if (v < 0)
                {
                    break;
                }

                done[v] = true;
                order.Add(v);
                foreach (var (w, len) in adj[v])
                {
                    var d = dist[v] + len;
                    if (done[w])
                    {
                        continue;
                    }

                    if (d < dist[w])
                    {
                        dist[w] = d;
                        sigma[w] = sigma[v];
                        preds[w] = [v];
                    }
                    else if (d == dist[w])
                    {
                        sigma[w] += sigma[v];
                        preds[w].Add(v);
                    }
                }
            }

            var delta = new double[n];
            for (var i = order.Count - 1; i >= 0; i--)
            {
                var w = order[i];
                foreach (var v in preds[w])
                {
                    delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
                }

                if (w != s)
                {
                    bc[w] += delta[w];
                }
            }
        }

        return bc;
    }
}
