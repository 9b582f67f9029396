using GlocalNetworks.Evolution;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the evolution family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>main-path</c>.</summary>
    public static MetricHandle<MainPathOptions, MainPathResult> MainPath { get; } = new(MainPathMetric.MetricId);
}
