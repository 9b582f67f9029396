using System;

namespace GlocalNetworks.Metrics.Paths;

/// <summary>Options of <see cref="HarmonicMetric"/> (networkx 3.6.1 <c>harmonic_centrality</c>).</summary>
public sealed record HarmonicOptions
{
    /// <summary>Use link weights as path LENGTHS (Dijkstra), as networkx's <c>distance="weight"</c> does.</summary>
    /// <value>The default value is <see langword="false"/> (networkx <c>distance=None</c>: every link has length 1).</value>
    public bool Weighted { get; init; }

    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>Harmonic centrality: the sum of inverse shortest-path distances from every other innovator.</summary>
/// <remarks>
/// <para>Id <c>harmonic</c>. H(u) = Σ<sub>v≠u</sub> 1/d(v, u), with 1/∞ = 0, <b>not normalised</b> (networkx 3.6.1
/// <c>harmonic_centrality</c>; divide by n - 1 for python-igraph's default). <b>Directed networks use incoming
/// distances</b> d(v, u): networkx sums 1/d over <c>shortest_path_length(G, v)</c> from every source v into the target
/// u (checked against networkx 3.6.1's source and on a directed path 0→1→2: H = 0, 1, 1.5).</para>
/// <para>Edge cases: isolated innovators 0; disconnected networks need no special case. Empty network: empty table.
/// igraph: R's default mode "out"; python-igraph mode "all", normalised.</para>
/// <para>Time O(n m) unweighted, O(n (m + n log n)) weighted; memory O(n) per thread. Shares its cached
/// all-sources pass with <see cref="ClosenessMetric"/>.</para>
/// <para>Reference: M. Marchiori &amp; V. Latora (2000), Harmony in the small-world, Physica A 285, 539-546;
/// P. Boldi &amp; S. Vigna (2014), Axioms for centrality, Internet Mathematics 10, 222-262.</para>
/// </remarks>
/// <seealso cref="ClosenessMetric"/>
public sealed class HarmonicMetric : Metric<HarmonicOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "harmonic";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Sum of inverse distances from every other innovator (not normalised).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, HarmonicOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var view = PathsCommon.View(context, options.Directed, options.Weighted);
        var g = context.Graph(view);
        var sums = PathsCommon.Inward(context, view, Id);
        var values = (double[])sums.InverseSum.Clone();
        var props = PathsCommon.BaseProperties(g.IsDirected, options.Weighted);
        props["normalized"] = "false";
        props["distances"] = g.IsDirected ? "incoming" : "undirected";
        return new NodeTable(Id, context.InnovatorIds, values, props);
    }
}
