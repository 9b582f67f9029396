using GlocalNetworks.Metrics.StructuralHoles;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the structural-holes family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>constraint</c>.</summary>
    public static MetricHandle<ConstraintOptions, NodeTable> Constraint { get; } = new(ConstraintMetric.MetricId);

    /// <summary><c>effective-size</c>.</summary>
    public static MetricHandle<EffectiveSizeOptions, NodeTable> EffectiveSize { get; } = new(EffectiveSizeMetric.MetricId);
}
