using GlocalNetworks.Metrics.Clustering;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the clustering family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>clustering</c>.</summary>
    public static MetricHandle<ClusteringOptions, NodeTable> Clustering { get; } = new(ClusteringMetric.MetricId);

    /// <summary><c>average-clustering</c>.</summary>
    public static MetricHandle<AverageClusteringOptions, ScalarResult> AverageClustering { get; } = new(AverageClusteringMetric.MetricId);

    /// <summary><c>transitivity</c>.</summary>
    public static MetricHandle<TransitivityOptions, ScalarResult> Transitivity { get; } = new(TransitivityMetric.MetricId);
}
