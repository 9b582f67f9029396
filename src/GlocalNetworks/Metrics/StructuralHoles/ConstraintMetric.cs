using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.StructuralHoles;

/// <summary>Burt's constraint: how much an innovator's ties are concentrated on partners who are tied to each other.</summary>
/// <remarks>
/// <para>Id <c>constraint</c>, as networkx 3.6.1's <c>constraint(G, weight=None)</c>:
/// c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)², with the proportional tie strength p_ij = s_ij / Σ_{k∈N(i)} s_ik, the
/// mutual weight s_ij = a_ij + a_ji (a_ij the link weight, or 1 when unweighted) and N(i) the neighbours in either
/// direction. Not normalised: a star's centre with k leaves has 1/k, a node in a clique of size k has ((k-1)·(1/(k-1) +
/// (k-2)/(k-1)²))², and a pendant node has 1.</para>
/// <para>Defaults: unweighted, as networkx (igraph's R <c>constraint</c> uses the <c>weight</c> attribute by default and
/// its own weighting). Parallel links are summed when weighted, collapsed when not.</para>
/// <para>Edge cases: isolated innovators get NaN (networkx); an empty network gives an empty table. Column <c>value</c>;
/// properties <c>weighted</c>, <c>directed</c>, <c>isolates</c>.</para>
/// <para>Time O(Σ_j d_j²) (every node scans its neighbours' rows), parallel over 256 fixed node chunks; the same result at
/// every thread count. Reference: Burt, R. S. (1992), <i>Structural Holes</i>, Harvard University Press, ch. 2.</para>
/// </remarks>
public sealed class ConstraintMetric : Metric<ConstraintOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "constraint";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Burt's constraint: how much each innovator's ties lead to partners tied to each other.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, ConstraintOptions options)
    {
        var (mutual, props) = StructuralHolesGraph.Mutual(context, options.Weighted, options.Directed);
        var values = new double[mutual.NodeCount];
        Constraint.Compute(mutual, values, context.MaxDegreeOfParallelism, context.CancellationToken, (done, total) => context.ReportProgress(Id, done, total));
        props["isolates"] = StructuralHolesGraph.CountNaN(values);
        return new NodeTable(Id, context.InnovatorIds, values, props);
    }
}

/// <summary>Burt's effective size: the number of an innovator's partners minus their redundancy.</summary>
/// <remarks>
/// <para>Id <c>effective-size</c>, as networkx 3.6.1's <c>effective_size(G, weight=None)</c>:
/// e_i = Σ_{j∈N(i)} (1 - Σ_{q∈N(i)} p_iq m_jq), with p as in <see cref="ConstraintMetric"/> and m_jq = s_jq / max_{k∈N(j)} s_jk.
/// For an unweighted undirected network this is Borgatti's (1997) |N(i)| - 2t_i/|N(i)|, t_i the links among i's
/// neighbours, computed from integer counts as networkx does. Not normalised (divide by |N(i)| for efficiency).</para>
/// <para>Defaults: unweighted, as networkx. Edge cases: isolated innovators get NaN; an empty network gives an empty table.
/// Properties <c>weighted</c>, <c>directed</c>, <c>isolates</c>.</para>
/// <para>Time O(Σ_j d_j²), parallel over 256 fixed node chunks, the same result at every thread count. References: Burt
/// (1992), <i>Structural Holes</i>; Borgatti, S. P. (1997), Structural holes: unpacking Burt's redundancy measures,
/// <i>Connections</i> 20(1), 35-38.</para>
/// </remarks>
public sealed class EffectiveSizeMetric : Metric<EffectiveSizeOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "effective-size";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Burt's effective size: each innovator's partners minus their redundancy.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, EffectiveSizeOptions options)
    {
        var (mutual, props) = StructuralHolesGraph.Mutual(context, options.Weighted, options.Directed);
        var values = new double[mutual.NodeCount];
        var closedForm = !options.Weighted && props["directed"] == "false";
        Constraint.EffectiveSize(mutual, closedForm, values, context.MaxDegreeOfParallelism, context.CancellationToken,
            (done, total) => context.ReportProgress(Id, done, total));
        props["isolates"] = StructuralHolesGraph.CountNaN(values);
        return new NodeTable(Id, context.InnovatorIds, values, props);
    }
}

/// <summary>The mutual-weight graph shared by the structural-hole metrics.</summary>
internal static class StructuralHolesGraph
{
    public static (CsrGraph Mutual, Dictionary<string, string> Properties) Mutual(MetricContext context, bool weighted, bool? directedOption)
    {
        var directed = directedOption ?? context.Network.Links.AllDirected;
        var view = (weighted ? GraphView.UndirectedWeighted : GraphView.UndirectedUnweighted) with { Directed = directed };
        var g = context.Graph(view);
        var mutual = directed
            ? context.GetOrAdd(new CacheKey("mutual-weights", view), _ => Constraint.Mutual(g))
            : g;
        var props = new Dictionary<string, string>
        {
            ["weighted"] = weighted ? "true" : "false",
            ["directed"] = directed ? "true" : "false",
        };
        return (mutual, props);
    }

    public static string CountNaN(double[] values)
    {
        var k = 0;
        foreach (var v in values)
        {
            k += double.IsNaN(v) ? 1 : 0;
        }

        return k.ToString(CultureInfo.InvariantCulture);
    }
}
