using GlocalNetworks.Metrics.Cohesion;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the cohesion family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>density</c>.</summary>
    public static MetricHandle<DensityOptions, ScalarResult> Density { get; } = new(DensityMetric.MetricId);

    /// <summary><c>components</c>.</summary>
    public static MetricHandle<ComponentsOptions, ScalarResult> Components { get; } = new(ComponentsMetric.MetricId);

    /// <summary><c>core-number</c>.</summary>
    public static MetricHandle<CoreNumberOptions, NodeTable> CoreNumber { get; } = new(CoreNumberMetric.MetricId);
}
