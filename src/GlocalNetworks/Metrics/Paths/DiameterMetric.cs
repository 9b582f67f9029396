using System;

namespace GlocalNetworks.Metrics.Paths;

/// <summary>Options of <see cref="DiameterMetric"/> (networkx 3.6.1 <c>diameter</c>).</summary>
public sealed record DiameterOptions : ComponentDistanceOptions;

/// <summary>Diameter: the longest shortest-path distance (of the largest component, when asked to).</summary>
/// <remarks>
/// <para>Id <c>diameter</c>. D = max<sub>u,v</sub> d(u, v) = the largest eccentricity, over the largest connected
/// component (undirected) or the largest strongly connected component (directed), where every distance is finite.
/// Like networkx 3.6.1's <c>diameter</c>, it raises <see cref="DisconnectedGraphException"/> on a disconnected network
/// by default; with <see cref="ComponentDistanceOptions.Disconnected"/> = <see cref="DisconnectedPolicy.LargestComponent"/> it
/// measures the largest component and says so: values <c>value</c>, <c>component-size</c>, <c>component-share</c>, <c>components</c>; properties
/// <c>scope</c>, <c>connected</c>, <c>components</c>. On a connected network the value equals networkx's. Ties between
/// equally large components go to the one holding the lowest-indexed innovator.</para>
/// <para>Sampled (<see cref="ComponentDistanceOptions.Samples"/> = k): the largest eccentricity of k distinct sources of the
/// component drawn with <see cref="Kernels.DeterministicRandom"/>(seed, stream 2); a lower bound. Properties
/// <c>seed</c>, <c>samples</c>, <c>sampled-sources</c>.</para>
/// <para>Edge cases: a single innovator (or only isolated ones) gives 0; empty network NaN. igraph's
/// <c>diameter(unconn=TRUE)</c> takes the longest finite distance over all components instead.</para>
/// <para>Time O(s m) unweighted, O(s (m + s log s)) weighted for s = component size (k sources when sampled);
/// memory O(n) per thread; parallel and deterministic. Undirected exact runs reuse the all-sources pass of
/// closeness and harmonic centrality when it is cached.</para>
/// </remarks>
/// <seealso cref="AverageShortestPathMetric"/>
public sealed class DiameterMetric : Metric<DiameterOptions, ScalarResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "diameter";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Longest shortest-path distance; raises on a disconnected network unless told to use the largest component.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Network;

    /// <inheritdoc/>
    public override ScalarResult Compute(MetricContext context, DiameterOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ComponentDistances.Result(context, options, Id, static cd => cd.Diameter);
    }
}
