using System;
using System.Collections.Generic;
using GlocalNetworks.Internal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Comparison;

/// <summary>The correlation of a node metric between two networks on their shared innovators.</summary>
/// <param name="Pearson">Pearson's r (NaN when either side is constant or fewer than 2 innovators are shared).</param>
/// <param name="Spearman">Spearman's ρ (ties get average ranks; NaN likewise).</param>
/// <param name="Count">The innovators in both tables with a value (not NaN) in both.</param>
public readonly record struct NodeCorrelation(double Pearson, double Spearman, int Count);

/// <summary>
/// Distances between networks (DESIGN 2.12): the Jaccard similarity of their link sets on shared innovators, the
/// Kolmogorov-Smirnov distance of their degree distributions, and the correlation of a node metric on shared innovators.
/// Innovators are matched by id, so the networks may come from different loads.
/// </summary>
/// <remarks>
/// <para>Links are read as undirected ties: parallel links are one tie, direction is ignored and self-loops are left out.
/// Degree is the number of distinct partners.</para>
/// <para>References: P. Jaccard (1912), "The distribution of the flora in the alpine zone", <i>New Phytologist</i> 11(2),
/// 37-50; the two-sample Kolmogorov-Smirnov statistic (Smirnov 1948, <i>Ann. Math. Statist.</i> 19(2), 279-281);
/// C. Spearman (1904), <i>Am. J. Psychol.</i> 15(1), 72-101.</para>
/// </remarks>
public static class NetworkDistances
{
    /// <summary>The id of the table of <see cref="Pairwise"/>.</summary>
    public const string MetricId = "network-distances";

    /// <summary>
    /// The Jaccard similarity of the tie sets restricted to innovators present in both networks:
    /// J = |E1 ∩ E2| / |E1 ∪ E2|, with E_k the ties of network k whose two ends are shared innovators. 1 for identical tie
    /// sets, 0 for disjoint ones; NaN when both are empty. The distance is 1 - J. O(m1 + m2) expected time.
    /// </summary>
    /// <param name="first">The first network.</param>
    /// <param name="second">The second network.</param>
    /// <returns>J in [0, 1], or NaN.</returns>
    public static double Jaccard(GlocalNetwork first, GlocalNetwork second) => JaccardCounts(first, second).Jaccard;

    /// <summary>The counts behind <see cref="Jaccard"/>.</summary>
    /// <param name="first">The first network.</param>
    /// <param name="second">The second network.</param>
    /// <returns>Shared innovators, ties of each network on them, ties in both, and J.</returns>
    public static (int SharedInnovators, int FirstTies, int SecondTies, int CommonTies, double Jaccard) JaccardCounts(GlocalNetwork first, GlocalNetwork second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var shared = 0;
        var inFirst = new int[first.Innovators.Count];
        var inSecond = new int[second.Innovators.Count];
        Array.Fill(inFirst, -1);
        Array.Fill(inSecond, -1);
        for (var i = 0; i < inFirst.Length; i++)
        {
            if (second.Innovators.TryGetIndex(first.Innovators.IdOf(i), out var j))
            {
                inFirst[i] = shared;
                inSecond[j] = shared;
                shared++;
            }
        }

        var a = Ties(first, inFirst, shared);
        var b = Ties(second, inSecond, shared);
        var common = 0;
        foreach (var t in a)
        {
            common += b.Contains(t) ? 1 : 0;
        }

        var union = a.Count + b.Count - common;
        return (shared, a.Count, b.Count, common, union == 0 ? double.NaN : (double)common / union);
    }

    /// <summary>
    /// The two-sample Kolmogorov-Smirnov distance of the degree distributions, D = sup_k |F1(k) - F2(k)| with F the
    /// empirical cumulative distribution of the degrees (distinct partners). O(n log n).
    /// </summary>
    /// <param name="first">The first network.</param>
    /// <param name="second">The second network.</param>
    /// <param name="includeIsolated">Whether innovators without ties count (degree 0). The default leaves them out, as the
    /// parts of a split keep every innovator of the whole network.</param>
    /// <returns>D in [0, 1]; NaN when a side has no degree to count.</returns>
    public static double DegreeKs(GlocalNetwork first, GlocalNetwork second, bool includeIsolated = false)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return Ks(Degrees(first, includeIsolated), Degrees(second, includeIsolated));
    }

    /// <summary>The two-sample Kolmogorov-Smirnov statistic D = sup_x |F1(x) - F2(x)| of two samples (NaN values are
    /// not allowed). O(n log n).</summary>
    /// <param name="first">The first sample.</param>
    /// <param name="second">The second sample.</param>
    /// <returns>D in [0, 1]; NaN when a sample is empty.</returns>
    public static double Ks(IReadOnlyList<double> first, IReadOnlyList<double> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count == 0 || second.Count == 0)
        {
            return double.NaN;
        }

        var x = Sorted(first);
        var y = Sorted(second);
        int i = 0, j = 0;
        var d = 0.0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v)
            {
                i++;
            }

            while (j < y.Length && y[j] <= v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / x.Length) - ((double)j / y.Length)));
        }

        return d;
    }

    /// <summary>The Pearson and Spearman correlations of a column of two node tables (e.g. the degree or betweenness of
    /// each network) over the innovators in both, skipping those with NaN on either side.</summary>
    /// <param name="first">The first table.</param>
    /// <param name="second">The second table.</param>
    /// <param name="column">The column of both tables.</param>
    /// <returns>r, ρ and the number of innovators used.</returns>
    /// <exception cref="KeyNotFoundException">A table has no such column.</exception>
    public static NodeCorrelation Correlation(NodeTable first, NodeTable second, string column = KeyedTable.ValueColumn)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var a = first.Column(column);
        second.Column(column);
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < first.Count; i++)
        {
            if (double.IsNaN(a[i]) || !second.TryGetValue(first.Ids[i], out var y, column) || double.IsNaN(y))
            {
                continue;
            }

            xs.Add(a[i]);
            ys.Add(y);
        }

        var x = xs.ToArray();
        var yv = ys.ToArray();
        return x.Length < 2 ? new NodeCorrelation(double.NaN, double.NaN, x.Length)
            : new NodeCorrelation(Moments.Pearson(x, yv), Moments.Spearman(x, yv), x.Length);
    }

    /// <summary>Every pair of networks (i &lt; j, in the order given): a group table keyed by <c>pair</c> (<c>A vs B</c>)
    /// with <c>shared-innovators</c>, <c>ties.first</c>, <c>ties.second</c>, <c>ties.common</c>, <c>jaccard</c> and
    /// <c>ks-degree</c> (isolated innovators left out).</summary>
    /// <param name="networks">Name → network.</param>
    /// <returns>The table (id <see cref="MetricId"/>).</returns>
    public static GroupTable Pairwise(IReadOnlyList<KeyValuePair<string, GlocalNetwork>> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var ids = new List<string>();
        var cols = new List<double>[6];
        for (var c = 0; c < cols.Length; c++)
        {
            cols[c] = [];
        }

        for (var i = 0; i < networks.Count; i++)
        {
            for (var j = i + 1; j < networks.Count; j++)
            {
                var (a, b) = (networks[i].Value, networks[j].Value);
                var (shared, ta, tb, common, jac) = JaccardCounts(a, b);
                ids.Add(networks[i].Key + " vs " + networks[j].Key);
                cols[0].Add(shared);
                cols[1].Add(ta);
                cols[2].Add(tb);
                cols[3].Add(common);
                cols[4].Add(jac);
                cols[5].Add(DegreeKs(a, b));
            }
        }

        string[] names = ["shared-innovators", "ties.first", "ties.second", "ties.common", "jaccard", "ks-degree"];
        var columns = new List<KeyValuePair<string, double[]>>(names.Length);
        for (var c = 0; c < names.Length; c++)
        {
            columns.Add(KeyedTable.Col(names[c], cols[c].ToArray()));
        }

        return new GroupTable(MetricId, "pair", ids, columns);
    }

    private static HashSet<long> Ties(GlocalNetwork net, int[] sharedIndex, int shared)
    {
        var src = net.Links.Sources;
        var dst = net.Links.Targets;
        var set = new HashSet<long>();
        for (var l = 0; l < src.Length; l++)
        {
            int u = sharedIndex[src[l]], v = sharedIndex[dst[l]];
            if (u < 0 || v < 0 || u == v)
            {
                continue;
            }

            set.Add(((long)Math.Min(u, v) * shared) + Math.Max(u, v));
        }

        return set;
    }

    private static double[] Degrees(GlocalNetwork net, bool includeIsolated)
    {
        var n = net.Innovators.Count;
        var g = CsrGraph.Build(net.Links.Sources, net.Links.Targets, net.Links.Weights, n, directed: false, ParallelLinkPolicy.First, SelfLoopPolicy.Ignore);
        var result = new List<double>(n);
        for (var v = 0; v < n; v++)
        {
            var d = g.Degree(v);
            if (d > 0 || includeIsolated)
            {
                result.Add(d);
            }
        }

        return result.ToArray();
    }

    private static double[] Sorted(IReadOnlyList<double> values)
    {
        var a = new double[values.Count];
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = double.IsNaN(values[i]) ? throw new ArgumentException("A Kolmogorov-Smirnov sample contains NaN; remove it first.", nameof(values)) : values[i];
        }

        Array.Sort(a);
        return a;
    }
}
