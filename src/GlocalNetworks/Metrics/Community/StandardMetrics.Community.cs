using GlocalNetworks.Metrics.Community;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the community family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>modularity</c>.</summary>
    public static MetricHandle<ModularityOptions, ScalarResult> Modularity { get; } = new(ModularityMetric.MetricId);

    /// <summary><c>louvain</c>.</summary>
    public static MetricHandle<LouvainOptions, NodeTable> Louvain { get; } = new(LouvainMetric.MetricId);

    /// <summary><c>leiden</c>.</summary>
    public static MetricHandle<LeidenOptions, NodeTable> Leiden { get; } = new(LeidenMetric.MetricId);
}
