using GlocalNetworks.Glocal;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the glocal family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>brokerage</c>.</summary>
    public static MetricHandle<BrokerageOptions, BrokerageResult> Brokerage { get; } = new(BrokerageMetric.MetricId);

    /// <summary><c>gatekeepers</c>.</summary>
    public static MetricHandle<GatekeepersOptions, GatekeepersResult> Gatekeepers { get; } = new(GatekeepersMetric.MetricId);
}
