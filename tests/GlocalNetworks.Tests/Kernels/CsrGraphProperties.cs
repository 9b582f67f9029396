using System;
using System.Collections.Generic;
using FsCheck.Xunit;
using GlocalNetworks.Kernels;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Kernels;

/// <summary>CSR invariants on random multigraphs (seeded by FsCheck's ints).</summary>
public sealed class CsrGraphProperties
{
    private static (int[] S, int[] T, double[] W, int N) RandomLinks(int seed, int size, bool loops)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 1 + (Math.Abs(size) % 40);
        var m = r.Next(3 * n + 1);
        var s = new List<int>();
        var t = new List<int>();
        var w = new List<double>();
        for (var i = 0; i < m; i++)
        {
            int a = r.Next(n), b = r.Next(n);
            if (a == b && !loops)
            {
                continue;
            }

            s.Add(a);
            t.Add(b);
            w.Add(0.25 * (1 + r.Next(8)));
        }

        return (s.ToArray(), t.ToArray(), w.ToArray(), n);
    }

    private static Dictionary<(int, int), double> Aggregate(int[] s, int[] t, double[] w, bool directed)
    {
        var d = new Dictionary<(int, int), double>();
        for (var i = 0; i < s.Length; i++)
        {
            var key = directed ? (s[i], t[i]) : (Math.Min(s[i], t[i]), Math.Max(s[i], t[i]));
            d[key] = d.GetValueOrDefault(key) + w[i];
        }

        return d;
    }

    [Property(MaxTest = 300)]
    public bool Undirected_DegreeSumIsTwiceTheEdgeCount(int seed, int size)
    {
        var (s, t, w, n) = RandomLinks(seed, size, loops: false);
        var g = CsrGraph.Build(s, t, w, n, directed: false);
        long sum = 0;
        for (var v = 0; v < n; v++)
        {
            sum += g.Degree(v);
        }

        return sum == 2 * g.EdgeCount && g.EdgeCount == Aggregate(s, t, w, false).Count;
    }

    [Property(MaxTest = 300)]
    public bool Undirected_IsSymmetric(int seed, int size)
    {
        var (s, t, w, n) = RandomLinks(seed, size, loops: false);
        var g = CsrGraph.Build(s, t, w, n, directed: false);
        for (var u = 0; u < n; u++)
        {
            var nb = g.Neighbors(u);
            var wt = g.Weights(u);
            for (var k = 0; k < nb.Length; k++)
            {
                if (g.WeightOf(nb[k], u) != wt[k])
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool RoundTrip_LinksToCsrToLinks_PreservesSummedWeights(int seed, int size, bool directed)
    {
        var (s, t, w, n) = RandomLinks(seed, size, loops: true);
        var g = CsrGraph.Build(s, t, w, n, directed, loops: SelfLoopPolicy.Keep);
        var expected = Aggregate(s, t, w, directed);
        var actual = new Dictionary<(int, int), double>();
        for (var u = 0; u < n; u++)
        {
            var nb = g.Neighbors(u);
            var wt = g.Weights(u);
            for (var k = 0; k < nb.Length; k++)
            {
                if (!directed && nb[k] < u)
                {
                    continue;
                }

                actual[(u, nb[k])] = wt[k];
            }
        }

        if (actual.Count != expected.Count)
        {
            return false;
        }

        foreach (var (key, value) in expected)
        {
            // Summation order is input order in both, so the sums are bit-identical.
            if (!actual.TryGetValue(key, out var a) || a != value)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 300)]
    public bool Rows_AreStrictlyIncreasing(int seed, int size, bool directed)
    {
        var (s, t, w, n) = RandomLinks(seed, size, loops: false);
        var g = CsrGraph.Build(s, t, w, n, directed);
        for (var u = 0; u < n; u++)
        {
            var nb = g.Neighbors(u);
            for (var k = 1; k < nb.Length; k++)
            {
                if (nb[k] <= nb[k - 1])
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 200)]
    public bool Directed_InRowsAreTheTranspose(int seed, int size)
    {
        var (s, t, w, n) = RandomLinks(seed, size, loops: false);
        var g = CsrGraph.Build(s, t, w, n, directed: true);
        long inEntries = 0;
        for (var v = 0; v < n; v++)
        {
            var inn = g.InNeighbors(v);
            var inw = g.InWeights(v);
            inEntries += inn.Length;
            for (var k = 0; k < inn.Length; k++)
            {
                if (g.WeightOf(inn[k], v) != inw[k])
                {
                    return false;
                }
            }
        }

        return inEntries == g.EntryCount;
    }

    [Property(MaxTest = 200)]
    public bool Relabelling_PermutesDegreesAndWeights(int seed, int size)
    {
        var (s, t, w, n) = RandomLinks(seed, size, loops: false);
        var r = new SplitMix((ulong)(uint)seed ^ 0xABCDEF);
        var perm = new int[n];
        for (var i = 0; i < n; i++)
        {
            perm[i] = i;
        }

        for (var i = n - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (perm[i], perm[j]) = (perm[j], perm[i]);
        }

        var ps = Array.ConvertAll(s, x => perm[x]);
        var pt = Array.ConvertAll(t, x => perm[x]);
        var g = CsrGraph.Build(s, t, w, n, directed: false);
        var h = CsrGraph.Build(ps, pt, w, n, directed: false);
        for (var v = 0; v < n; v++)
        {
            if (g.Degree(v) != h.Degree(perm[v]) || g.Strength(v) != h.Strength(perm[v]))
            {
                // Strength sums may differ in order; weights are multiples of 0.25, so sums are exact.
                return false;
            }
        }

        return true;
    }
}
