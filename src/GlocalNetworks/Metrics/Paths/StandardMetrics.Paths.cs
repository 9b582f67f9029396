using GlocalNetworks.Metrics.Paths;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the shortest-path family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>betweenness</c>.</summary>
    public static MetricHandle<BetweennessOptions, NodeTable> Betweenness { get; } = new(BetweennessMetric.MetricId);

    /// <summary><c>closeness</c>.</summary>
    public static MetricHandle<ClosenessOptions, NodeTable> Closeness { get; } = new(ClosenessMetric.MetricId);

    /// <summary><c>harmonic</c>.</summary>
    public static MetricHandle<HarmonicOptions, NodeTable> Harmonic { get; } = new(HarmonicMetric.MetricId);

    /// <summary><c>diameter</c>.</summary>
    public static MetricHandle<DiameterOptions, ScalarResult> Diameter { get; } = new(DiameterMetric.MetricId);

    /// <summary><c>average-shortest-path</c>.</summary>
    public static MetricHandle<AverageShortestPathOptions, ScalarResult> AverageShortestPath { get; } = new(AverageShortestPathMetric.MetricId);
}
