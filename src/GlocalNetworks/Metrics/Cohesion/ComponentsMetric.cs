using System.Collections.Generic;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Cohesion;

/// <summary>Options of <see cref="ComponentsMetric"/>.</summary>
public sealed record ComponentsOptions
{
    /// <summary>Count strongly connected components of a directed network instead of weak ones.</summary>
    /// <value>The default value is <see langword="false"/> (weak components, networkx <c>number_weakly_connected_components</c>
    /// for directed networks and <c>number_connected_components</c> for undirected ones).</value>
    public bool Strong { get; init; }
}

/// <summary>Connected components: how many, and how large the largest is.</summary>
/// <remarks>
/// <para>Id <c>components</c>. Values: <c>count</c> (isolated innovators are components of their own), <c>largest</c>
/// (innovators in the largest component), <c>largest-share</c> (largest / n), <c>isolates</c>. Directed networks count weak
/// components unless <see cref="ComponentsOptions.Strong"/>. Empty network: count 0, largest 0, share NaN.</para>
/// <para>Time O(n + m). Union-find for weak, iterative Tarjan for strong components.</para>
/// </remarks>
public sealed class ComponentsMetric : Metric<ComponentsOptions, ScalarResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "components";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Number of connected components (weak when directed, or strong) and the size of the largest.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Network;

    /// <inheritdoc/>
    public override ScalarResult Compute(MetricContext context, ComponentsOptions options)
    {
        var directed = context.Network.Links.AllDirected && options.Strong;
        var g = context.Graph(GraphView.UndirectedUnweighted with { Directed = directed });
        var n = g.NodeCount;
        var labels = new int[n];
        var count = directed ? Components.Strong(g, labels) : Components.Weak(g, labels);
        var sizes = new int[count];
        foreach (var l in labels)
        {
            sizes[l]++;
        }

        var largest = 0;
        var isolates = 0;
        foreach (var s in sizes)
        {
            largest = System.Math.Max(largest, s);
        }

        var u = directed ? context.Graph(GraphView.UndirectedUnweighted) : g;
        for (var v = 0; v < n; v++)
        {
            isolates += u.Degree(v) == 0 ? 1 : 0;
        }

        return new ScalarResult(Id,
        [
            new("count", count), new("largest", largest), new("largest-share", n == 0 ? double.NaN : (double)largest / n), new("isolates", isolates),
        ], new Dictionary<string, string> { ["kind"] = directed ? "strong" : "weak" });
    }
}
