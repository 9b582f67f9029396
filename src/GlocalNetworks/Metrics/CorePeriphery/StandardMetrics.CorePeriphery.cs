using GlocalNetworks.Metrics.CorePeriphery;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the core-periphery family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>core-periphery</c>.</summary>
    public static MetricHandle<CorePeripheryOptions, NodeTable> CorePeriphery { get; } = new(CorePeripheryMetric.MetricId);
}
