using GlocalNetworks.Glocal;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the glocal family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>ei-index</c>.</summary>
    public static MetricHandle<EiIndexOptions, EiIndexResult> EiIndex { get; } = new(EiIndexMetric.MetricId);

    /// <summary><c>buzz-pipelines</c>.</summary>
    public static MetricHandle<BuzzPipelinesOptions, RegionTable> BuzzPipelines { get; } = new(BuzzPipelinesMetric.MetricId);
}
