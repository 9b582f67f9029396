using GlocalNetworks.Glocal;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the glocal family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>region-flows</c>.</summary>
    public static MetricHandle<RegionFlowsOptions, MatrixResult> RegionFlows { get; } = new(RegionFlowsMetric.MetricId);
}
