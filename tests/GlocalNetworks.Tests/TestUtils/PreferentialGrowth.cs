using System;
using System.Globalization;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.Tests.TestUtils;

/// <summary>
/// A network grown by a known attachment rule, for the preferential-attachment tests: a clique of <c>linksPerNode + 1</c>
/// seed innovators, then each new innovator links to <c>linksPerNode</c> distinct existing innovators chosen with
/// probability ∝ k^α (k = the current degree). Innovator i arrives in year <c>FirstYear + i·years/n</c>, and its links
/// carry its year, so yearly slices cut the growth into equal arrival cohorts. Randomness: <see cref="DeterministicRandom"/>
/// (seed, stream 0); sampling by a Fenwick tree over the weights k^α, O(log n) per draw.
/// </summary>
public static class PreferentialGrowth
{
    /// <summary>The first year.</summary>
    public const int FirstYear = 2000;

    /// <summary>Grows the network.</summary>
    /// <param name="n">Innovators in all.</param>
    /// <param name="linksPerNode">Links each newcomer makes.</param>
    /// <param name="alpha">The attachment exponent α.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="years">Years the arrivals are spread over.</param>
    /// <returns>The network (all innovators in Munich; links undirected, kind Other).</returns>
    public static GlocalNetwork Grow(int n, int linksPerNode, double alpha, ulong seed, int years = 20)
    {
        var rng = new DeterministicRandom(seed);
        var degree = new int[n];
        var tree = new double[n + 1];
        var b = TinyNetworks.WorldBuilder();
        for (var i = 0; i < n; i++)
        {
            b.AddInnovator(Id(i), Id(i), InnovatorKind.Firm, "Munich");
        }

        var seedSize = linksPerNode + 1;
        for (var i = 0; i < seedSize; i++)
        {
            for (var j = i + 1; j < seedSize; j++)
            {
                b.AddLink(Id(i), Id(j), LinkKind.Other, 1.0, FirstYear);
                degree[i]++;
                degree[j]++;
            }
        }

        for (var i = 0; i < seedSize; i++)
        {
            Add(tree, i, Math.Pow(degree[i], alpha));
        }

        var chosen = new int[linksPerNode];
        for (var v = seedSize; v < n; v++)
        {
            var year = FirstYear + (int)((long)v * years / n);
            for (var c = 0; c < linksPerNode; c++)
            {
                int u;
                do
                {
                    u = Find(tree, rng.NextDouble() * Sum(tree, v));
                }
                while (u >= v || Array.IndexOf(chosen, u, 0, c) >= 0);
                chosen[c] = u;
            }

            for (var c = 0; c < linksPerNode; c++)
            {
                var u = chosen[c];
                b.AddLink(Id(v), Id(u), LinkKind.Other, 1.0, year);
                Add(tree, u, Math.Pow(degree[u] + 1, alpha) - Math.Pow(degree[u], alpha));
                degree[u]++;
            }

            degree[v] = linksPerNode;
            Add(tree, v, Math.Pow(linksPerNode, alpha));
        }

        return b.Build();
    }

    private static string Id(int i) => "v" + i.ToString(CultureInfo.InvariantCulture);

    private static void Add(double[] tree, int i, double delta)
    {
        for (var k = i + 1; k < tree.Length; k += k & -k)
        {
            tree[k] += delta;
        }
    }

    /// <summary>The sum of the weights of nodes 0..count-1.</summary>
    private static double Sum(double[] tree, int count)
    {
        var s = 0.0;
        for (var k = count; k > 0; k -= k & -k)
        {
            s += tree[k];
        }

        return s;
    }

    /// <summary>The smallest node whose prefix sum exceeds <paramref name="target"/>.</summary>
    private static int Find(double[] tree, double target)
    {
        var pos = 0;
        var step = 1;
        while (step * 2 < tree.Length)
        {
            step *= 2;
        }

        for (; step > 0; step >>= 1)
        {
            if (pos + step < tree.Length && tree[pos + step] <= target)
            {
                pos += step;
                target -= tree[pos];
            }
        }

        return pos;
    }
}
