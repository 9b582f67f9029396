using GlocalNetworks.Metrics.SmallWorld;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the small-world family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>small-world</c>.</summary>
    public static MetricHandle<SmallWorldOptions, ScalarResult> SmallWorld { get; } = new(SmallWorldMetric.MetricId);
}
