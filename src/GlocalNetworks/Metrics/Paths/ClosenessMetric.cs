using System;

namespace GlocalNetworks.Metrics.Paths;

/// <summary>Options of <see cref="ClosenessMetric"/> (networkx 3.6.1 <c>closeness_centrality</c>).</summary>
public sealed record ClosenessOptions
{
    /// <summary>Scale by the share of the other innovators that reach the node, (r-1)/(n-1) (Wasserman &amp; Faust 1994),
    /// so that innovators of small components do not look central.</summary>
    /// <value>The default value is <see langword="true"/> (networkx <c>wf_improved=True</c>).</value>
    public bool WfImproved { get; init; } = true;

    /// <summary>Use link weights as path LENGTHS (Dijkstra), as networkx's <c>distance="weight"</c> does.</summary>
    /// <value>The default value is <see langword="false"/> (networkx <c>distance=None</c>: every link has length 1).</value>
    public bool Weighted { get; init; }

    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>Closeness centrality: the inverse mean shortest-path distance from the innovators that reach each innovator.</summary>
/// <remarks>
/// <para>Id <c>closeness</c>. C(u) = (r-1)/Σ<sub>v</sub> d(v, u) · (r-1)/(n-1), with r the number of innovators
/// that reach u (u included) and the sum over them; without <see cref="ClosenessOptions.WfImproved"/> the second factor
/// is dropped. <b>Directed networks use incoming distances</b> d(v, u) (paths to u), as networkx.</para>
/// <para>Edge cases as networkx 3.6.1: isolated innovators (and any u that nobody reaches) get 0, a single innovator
/// 0; disconnected networks are handled by r. Empty network: empty table. igraph differs: reachable nodes only, no WF
/// factor, NaN for isolated nodes; R's default mode is "out", python-igraph's "all".</para>
/// <para>Time O(n m) unweighted, O(n (m + n log n)) weighted; memory O(n) per thread. One BFS/Dijkstra per
/// innovator, parallel and deterministic; the pass is cached in the context and shared with
/// <see cref="HarmonicMetric"/> (and with diameter and average shortest path on undirected networks).</para>
/// <para>Reference: A. Bavelas (1950), J. Acoust. Soc. Am. 22(6), 725-730; S. Wasserman &amp; K. Faust (1994),
/// Social Network Analysis, Cambridge University Press.</para>
/// </remarks>
/// <seealso cref="HarmonicMetric"/>
public sealed class ClosenessMetric : Metric<ClosenessOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "closeness";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Inverse mean distance from the innovators that reach each innovator (Wasserman-Faust scaled).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, ClosenessOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var view = PathsCommon.View(context, options.Directed, options.Weighted);
        var g = context.Graph(view);
        var n = g.NodeCount;
        var sums = PathsCommon.Inward(context, view, Id);
        var values = new double[n];
        for (var u = 0; u < n; u++)
        {
            var total = sums.DistanceSum[u];
            if (total > 0 && n > 1)
            {
                var r1 = sums.Reached[u] - 1.0;
                var c = r1 / total;
                if (options.WfImproved)
                {
                    c *= r1 / (n - 1);
                }

                values[u] = c;
            }
        }

        var props = PathsCommon.BaseProperties(g.IsDirected, options.Weighted);
        props["wf-improved"] = PathsCommon.Text(options.WfImproved);
        props["distances"] = g.IsDirected ? "incoming" : "undirected";
        return new NodeTable(Id, context.InnovatorIds, values, props);
    }
}
