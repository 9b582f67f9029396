using System;

namespace GlocalNetworks.Metrics.Paths;

/// <summary>Options of <see cref="AverageShortestPathMetric"/> (networkx 3.6.1 <c>average_shortest_path_length</c>).</summary>
public sealed record AverageShortestPathOptions : ComponentDistanceOptions;

/// <summary>Average shortest-path length: the mean distance between ordered pairs (of the largest component, when asked to).</summary>
/// <remarks>
/// <para>Id <c>average-shortest-path</c>. L = Σ<sub>s≠t</sub> d(s, t) / (s(s-1)) over the largest connected component
/// (undirected) or the largest strongly connected component (directed) of size s. Like networkx 3.6.1's
/// <c>average_shortest_path_length</c>, it raises <see cref="DisconnectedGraphException"/> on a disconnected network by
/// default; with <see cref="ComponentDistanceOptions.Disconnected"/> = <see cref="DisconnectedPolicy.LargestComponent"/>
/// it measures the largest component and says so (values <c>value</c>, <c>component-size</c>, <c>component-share</c>, <c>components</c>; properties
/// <c>scope</c>, <c>connected</c>, <c>components</c>). On a connected network the value equals networkx's.</para>
/// <para>Sampled (<see cref="ComponentDistanceOptions.Samples"/> = k): Σ over k distinct seeded sources (stream 2) of
/// their distance sums / (k (s-1)); properties <c>seed</c>, <c>samples</c>, <c>sampled-sources</c>.</para>
/// <para>Edge cases: a single innovator (or only isolated ones) gives 0, as networkx for n = 1; empty network NaN
/// (networkx raises). igraph's <c>average_path_length(unconn=TRUE)</c> averages over all reachable pairs instead.</para>
/// <para>Time O(s m) unweighted, O(s (m + s log s)) weighted; memory O(n) per thread; parallel and deterministic;
/// shares its pass with <see cref="DiameterMetric"/> (and, undirected, with closeness and harmonic centrality).</para>
/// </remarks>
/// <seealso cref="DiameterMetric"/>
public sealed class AverageShortestPathMetric : Metric<AverageShortestPathOptions, ScalarResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "average-shortest-path";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Mean shortest-path distance between pairs; raises on a disconnected network unless told to use the largest component.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Network;

    /// <inheritdoc/>
    public override ScalarResult Compute(MetricContext context, AverageShortestPathOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ComponentDistances.Result(context, options, Id, static cd => cd.Average);
    }
}
