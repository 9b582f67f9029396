using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Clustering;

/// <summary>Options of <see cref="ClusteringMetric"/>; the defaults are networkx 3.6.1's <c>clustering</c>.</summary>
public sealed record ClusteringOptions
{
    /// <summary>Use Onnela et al.'s weighted coefficient (geometric mean of the normalised weights w / max w).</summary>
    /// <value>The default value is <see langword="false"/> (networkx <c>weight=None</c>).</value>
    public bool Weighted { get; init; }

    /// <summary>Whether to read links as directed (Fagiolo's directed clustering); <see langword="null"/>: directed exactly
    /// when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>The local clustering coefficient, as networkx 3.6.1's <c>clustering</c>.</summary>
/// <remarks>
/// <para>Id <c>clustering</c>. Undirected, unweighted: the share of pairs of i's neighbours that are linked,</para>
/// <code>c_i = 2 T_i / (k_i (k_i - 1))</code>
/// <para>with T_i the triangles through i and k_i its number of distinct neighbours; 0 when k_i &lt; 2 or T_i = 0
/// (igraph's default returns NaN for k_i &lt; 2).</para>
/// <para>Weighted (<see cref="ClusteringOptions.Weighted"/>; Onnela, Saramäki, Kertész and Kaski 2005):
/// <c>c_i = 1/(k_i (k_i - 1)) Σ_{j,k} (ŵ_ij ŵ_ik ŵ_jk)^(1/3)</c> over ordered pairs of neighbours, with ŵ = w / max w over
/// the whole network (parallel links summed first). igraph's weighted coefficient is Barrat et al.'s, a different
/// quantity.</para>
/// <para>Directed (Fagiolo 2007): with S = Ŵ + Ŵᵀ (Ŵ the 0/1 adjacency, or (w / max w)^(1/3) when weighted),
/// <c>c_i = (S³)_ii / (2 (k_i^tot (k_i^tot - 1) - 2 k_i^↔))</c>, k^tot the in- plus out-degree and k^↔ the number of
/// reciprocated neighbours; 0 when (S³)_ii = 0.</para>
/// <para>Edge cases: empty network, an empty table; isolated innovators get 0. Self-loops are ignored. Time
/// O(Σ_j k_j k_j⁺) ≤ O(m √m) by the degree-ordered forward algorithm, nodes in fixed chunks in parallel with a marker
/// array per thread; each node's sum is computed by one thread in order, so the result is bit-identical for any degree
/// of parallelism.</para>
/// <para>References: J.-P. Onnela, J. Saramäki, J. Kertész, K. Kaski (2005), Physical Review E 71, 065103;
/// G. Fagiolo (2007), "Clustering in complex directed networks", Physical Review E 76, 026107.</para>
/// </remarks>
public sealed class ClusteringMetric : Metric<ClusteringOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "clustering";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Local clustering coefficient: share of pairs of an innovator's partners that are linked (networkx defaults).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, ClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var directed = options.Directed ?? context.Network.Links.AllDirected;
        var c = LocalClustering.Coefficients(context, directed, options.Weighted, MetricId);
        return new NodeTable(Id, context.InnovatorIds, c, new Dictionary<string, string>
        {
            ["directed"] = directed ? "true" : "false",
            ["weighted"] = options.Weighted ? "true" : "false",
        });
    }
}

/// <summary>Options of <see cref="AverageClusteringMetric"/>; the defaults are networkx 3.6.1's <c>average_clustering</c>.</summary>
public sealed record AverageClusteringOptions
{
    /// <summary>Whether innovators with clustering 0 count in the mean; when <see langword="false"/>, every zero is left
    /// out (not only those with fewer than two neighbours), as networkx.</summary>
    /// <value>The default value is <see langword="true"/> (networkx <c>count_zeros</c>).</value>
    public bool CountZeros { get; init; } = true;

    /// <summary>Average Onnela et al.'s weighted coefficient (see <see cref="ClusteringOptions.Weighted"/>).</summary>
    /// <value>The default value is <see langword="false"/> (networkx <c>weight=None</c>).</value>
    public bool Weighted { get; init; }

    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>The average local clustering coefficient, as networkx 3.6.1's <c>average_clustering</c>.</summary>
/// <remarks>
/// <para>Id <c>average-clustering</c>. <c>C = (1/n) Σ_i c_i</c> with c_i from <see cref="ClusteringMetric"/> (0 for
/// innovators with fewer than two neighbours). With <see cref="AverageClusteringOptions.CountZeros"/> false the mean runs
/// over the innovators with c_i ≠ 0 only. igraph's <c>transitivity_avglocal_undirected()</c> leaves out only the
/// innovators with fewer than two neighbours by default (mode "nan"), so it differs (triangle plus a pendant: igraph
/// 0.778, networkx 0.583).</para>
/// <para>Edge cases: empty network (or nothing left after dropping zeros): NaN (networkx raises ZeroDivisionError).
/// Time: that of <see cref="ClusteringMetric"/>, whose per-node values are shared through the context cache.</para>
/// <para>Reference: D. J. Watts, S. H. Strogatz (1998), "Collective dynamics of 'small-world' networks", Nature 393, 440-442.</para>
/// </remarks>
public sealed class AverageClusteringMetric : Metric<AverageClusteringOptions, ScalarResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "average-clustering";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Mean local clustering coefficient over the innovators (networkx defaults: zeros counted).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Network;

    /// <inheritdoc/>
    public override ScalarResult Compute(MetricContext context, AverageClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var directed = options.Directed ?? context.Network.Links.AllDirected;
        var c = LocalClustering.Coefficients(context, directed, options.Weighted, MetricId);
        double sum = 0;
        var count = 0;
        foreach (var v in c)
        {
            if (options.CountZeros || Math.Abs(v) > 0)
            {
                sum += v;
                count++;
            }
        }

        return new ScalarResult(Id, count == 0 ? double.NaN : sum / count, new Dictionary<string, string>
        {
            ["directed"] = directed ? "true" : "false",
            ["weighted"] = options.Weighted ? "true" : "false",
            ["count-zeros"] = options.CountZeros ? "true" : "false",
        });
    }
}

/// <summary>Options of <see cref="TransitivityMetric"/> (networkx's <c>transitivity</c> has none).</summary>
public sealed record TransitivityOptions
{
}

/// <summary>Transitivity, the global clustering coefficient, as networkx 3.6.1's <c>transitivity</c>.</summary>
/// <remarks>
/// <para>Id <c>transitivity</c>. <c>T = 3 × triangles / connected triples = Σ_i 2 T_i / Σ_i k_i (k_i - 1)</c> on the
/// undirected, unweighted view (directions, weights, parallel links and self-loops ignored). igraph's
/// <c>transitivity_undirected()</c> gives the same value.</para>
/// <para>Edge cases: 0 when there is no triangle (empty network included), as networkx. Directed networks: networkx has no
/// directed definition (on a DiGraph it silently counts successor sets only); we use the undirected view.</para>
/// <para>Time: one triangle count, shared with <see cref="ClusteringMetric"/> through the context cache.</para>
/// <para>Reference: M. E. J. Newman (2003), "The structure and function of complex networks", SIAM Review 45(2), 167-256.</para>
/// </remarks>
public sealed class TransitivityMetric : Metric<TransitivityOptions, ScalarResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "transitivity";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Transitivity: 3 x triangles / connected triples (undirected, unweighted; networkx).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Network;

    /// <inheritdoc/>
    public override ScalarResult Compute(MetricContext context, TransitivityOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        var g = context.Graph(GraphView.UndirectedUnweighted);
        var t = LocalClustering.TriangleCounts(context, MetricId);
        double triangles = 0, triples = 0;
        for (var v = 0; v < t.Length; v++)
        {
            double d = g.Degree(v);
            triangles += t[v];
            triples += d * (d - 1);
        }

        var value = triangles == 0 ? 0 : 2 * triangles / triples;
        return new ScalarResult(Id, value, new Dictionary<string, string>
        {
            ["triangles"] = (triangles / 3).ToString("R", CultureInfo.InvariantCulture),
        });
    }
}
