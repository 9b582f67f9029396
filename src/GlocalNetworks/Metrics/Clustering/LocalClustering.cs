using System;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Clustering;

/// <summary>The shared intermediates of the clustering family, cached in the <see cref="MetricContext"/>: triangles per
/// innovator and local clustering coefficients.</summary>
internal static class LocalClustering
{
    /// <summary>Triangles through each innovator in the undirected, unweighted view (self-loops and parallel links ignored).</summary>
    /// <param name="context">The context.</param>
    /// <param name="metricId">The metric asking, for progress.</param>
    /// <returns>The counts (shared: do not modify).</returns>
    public static double[] TriangleCounts(MetricContext context, string metricId) =>
        context.GetOrAdd(new CacheKey("triangles", GraphView.UndirectedUnweighted), c =>
            Triangles.PerNode(c.Graph(GraphView.UndirectedUnweighted), null, c.MaxDegreeOfParallelism, c.CancellationToken,
                done => c.ReportProgress(metricId, done, c.Network.Innovators.Count, "triangles")));

    /// <summary>The local clustering coefficient of every innovator, as networkx 3.6.1's <c>clustering</c>.</summary>
    /// <param name="context">The context.</param>
    /// <param name="directed">Fagiolo's directed clustering on the directed view, or the undirected coefficient.</param>
    /// <param name="weighted">Onnela et al.'s weighted coefficient (geometric mean of w / max w), or the unweighted one.</param>
    /// <param name="metricId">The metric asking, for progress.</param>
    /// <returns>The coefficients (shared: do not modify).</returns>
    public static double[] Coefficients(MetricContext context, bool directed, bool weighted, string metricId) =>
        context.GetOrAdd(new CacheKey("local-clustering", new Key(directed, weighted)), c => directed
            ? Directed(c, weighted, metricId)
            : Undirected(c, weighted, metricId));

    private static double[] Undirected(MetricContext context, bool weighted, string metricId)
    {
        var g = context.Graph(weighted ? GraphView.UndirectedWeighted : GraphView.UndirectedUnweighted);
        var n = g.NodeCount;
        double[] sums;
        if (weighted && g.IsWeighted)
        {
            sums = Triangles.PerNode(g, CubeRootOfNormalised(g.AllWeights), context.MaxDegreeOfParallelism, context.CancellationToken,
                done => context.ReportProgress(metricId, done, n, "triangles"));
        }
        else
        {
            sums = TriangleCounts(context, metricId);
        }

        var c = new double[n];
        for (var v = 0; v < n; v++)
        {
            double d = g.Degree(v);
            c[v] = sums[v] == 0 ? 0 : 2 * sums[v] / (d * (d - 1));
        }

        return c;
    }

    private static double[] Directed(MetricContext context, bool weighted, string metricId)
    {
        var g = context.Graph(weighted ? GraphView.DirectedWeighted : GraphView.DirectedWeighted with { Weighted = false });
        var n = g.NodeCount;
        var t = g.Transpose();

        // The symmetric union S = Ŵ + Ŵᵀ (Ŵ = 0/1, or (w / max w)^(1/3)): every arc becomes an undirected link and the
        // two arcs of a reciprocated pair merge into one entry, by count or by sum.
        var e = g.EntryCount;
        var src = new int[e];
        var offsets = g.Offsets;
        for (var u = 0; u < n; u++)
        {
            for (var k = offsets[u]; k < offsets[u + 1]; k++)
            {
                src[k] = u;
            }
        }

        var values = weighted && g.IsWeighted ? CubeRootOfNormalised(g.AllWeights) : [];
        var union = CsrGraph.Build(src, g.Targets, values, n, directed: false,
            weighted && g.IsWeighted ? ParallelLinkPolicy.Sum : ParallelLinkPolicy.Count, SelfLoopPolicy.Ignore);
        var sums = Triangles.PerNode(union, union.AllWeights.ToArray(), context.MaxDegreeOfParallelism, context.CancellationToken,
            done => context.ReportProgress(metricId, done, n, "triangles"));

        var c = new double[n];
        for (var v = 0; v < n; v++)
        {
            // (S³)_vv counts ordered pairs: twice the sum over unordered pairs.
            var tv = 2 * sums[v];
            if (tv == 0)
            {
                continue;
            }

            double dt = g.Degree(v) + t.Degree(v);
            double db = Reciprocal(g.Neighbors(v), t.Neighbors(v));
            c[v] = tv / (((dt * (dt - 1)) - (2 * db)) * 2);
        }

        return c;
    }

    /// <summary>(w / max w)^(1/3) for every entry.</summary>
    private static double[] CubeRootOfNormalised(ReadOnlySpan<double> weights)
    {
        var max = 0.0;
        foreach (var w in weights)
        {
            max = Math.Max(max, w);
        }

        var r = new double[weights.Length];
        for (var k = 0; k < r.Length; k++)
        {
            r[k] = Math.Cbrt(weights[k] / max);
        }

        return r;
    }

    /// <summary>|out ∩ in| of two sorted rows.</summary>
    private static int Reciprocal(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, count = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                count++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return count;
    }

    private readonly record struct Key(bool Directed, bool Weighted);
}
