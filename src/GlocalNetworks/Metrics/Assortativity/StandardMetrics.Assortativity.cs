using GlocalNetworks.Metrics.Assortativity;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the assortativity family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>assortativity</c>.</summary>
    public static MetricHandle<AssortativityOptions, ScalarResult> Assortativity { get; } = new(AssortativityMetric.MetricId);
}
