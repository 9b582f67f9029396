using GlocalNetworks.Glocal;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the glocal family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>distance-decay</c>.</summary>
    public static MetricHandle<DistanceDecayOptions, DistanceDecayResult> DistanceDecay { get; } = new(DistanceDecayMetric.MetricId);

    /// <summary><c>gravity</c>.</summary>
    public static MetricHandle<GravityOptions, GravityResult> Gravity { get; } = new(GravityMetric.MetricId);
}
