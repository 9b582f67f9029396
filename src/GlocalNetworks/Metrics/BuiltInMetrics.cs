using System.Collections.Generic;
using GlocalNetworks.Metrics.Centrality;
using GlocalNetworks.Metrics.Cohesion;

namespace GlocalNetworks.Metrics;

/// <summary>The built-in metrics, one instance each (metrics are stateless).</summary>
public static class BuiltInMetrics
{
    /// <summary>A new list of every built-in metric, in a stable order.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new DegreeMetric(),
        new StrengthMetric(),
        new DensityMetric(),
        new ComponentsMetric(),
    ];
}

/// <summary>Typed handles of the built-in metrics, for the fluent API: <c>.Compute(StandardMetrics.Degree, o =&gt; o with { Normalized = true })</c>.</summary>
public static class StandardMetrics
{
    /// <summary><c>degree</c>.</summary>
    public static MetricHandle<DegreeOptions, NodeTable> Degree { get; } = new(DegreeMetric.MetricId);

    /// <summary><c>strength</c>.</summary>
    public static MetricHandle<StrengthOptions, NodeTable> Strength { get; } = new(StrengthMetric.MetricId);

    /// <summary><c>density</c>.</summary>
    public static MetricHandle<DensityOptions, ScalarResult> Density { get; } = new(DensityMetric.MetricId);

    /// <summary><c>components</c>.</summary>
    public static MetricHandle<ComponentsOptions, ScalarResult> Components { get; } = new(ComponentsMetric.MetricId);
}
