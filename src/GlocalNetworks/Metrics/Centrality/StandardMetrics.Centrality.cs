using GlocalNetworks.Metrics.Centrality;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the centrality family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>degree</c>.</summary>
    public static MetricHandle<DegreeOptions, NodeTable> Degree { get; } = new(DegreeMetric.MetricId);

    /// <summary><c>strength</c>.</summary>
    public static MetricHandle<StrengthOptions, NodeTable> Strength { get; } = new(StrengthMetric.MetricId);

    /// <summary><c>eigenvector</c>.</summary>
    public static MetricHandle<EigenvectorOptions, NodeTable> Eigenvector { get; } = new(EigenvectorMetric.MetricId);

    /// <summary><c>pagerank</c>.</summary>
    public static MetricHandle<PageRankOptions, NodeTable> PageRank { get; } = new(PageRankMetric.MetricId);

    /// <summary><c>katz</c>.</summary>
    public static MetricHandle<KatzOptions, NodeTable> Katz { get; } = new(KatzMetric.MetricId);
}
