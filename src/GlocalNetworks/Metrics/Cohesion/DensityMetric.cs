using System.Collections.Generic;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Cohesion;

/// <summary>Options of <see cref="DensityMetric"/>.</summary>
public sealed record DensityOptions
{
    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>Density: the share of possible ties that exist (networkx <c>density</c>).</summary>
/// <remarks>
/// <para>Id <c>density</c>. Undirected: 2m / (n (n - 1)); directed: m / (n (n - 1)), where m counts distinct pairs
/// (parallel links once) without self-loops. n ≤ 1 gives 0, as networkx.</para>
/// <para>Time O(n + m).</para>
/// </remarks>
public sealed class DensityMetric : Metric<DensityOptions, ScalarResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "density";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Share of possible ties that exist: 2m / (n(n-1)) undirected, m / (n(n-1)) directed.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Network;

    /// <inheritdoc/>
    public override ScalarResult Compute(MetricContext context, DensityOptions options)
    {
        var g = context.Graph(GraphView.UndirectedUnweighted with { Directed = options.Directed ?? context.Network.Links.AllDirected });
        double n = g.NodeCount;
        double m = g.EdgeCount - g.SelfLoopCount;
        var d = n <= 1 ? 0.0 : (g.IsDirected ? m : 2 * m) / (n * (n - 1));
        return new ScalarResult(Id, d, new Dictionary<string, string> { ["directed"] = g.IsDirected ? "true" : "false" });
    }
}
