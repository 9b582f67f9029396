using GlocalNetworks.Glocal;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the glocal family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>scale-mix</c>.</summary>
    public static MetricHandle<ScaleMixOptions, ScaleMixResult> ScaleMix { get; } = new(ScaleMixMetric.MetricId);

    /// <summary><c>glocality</c>.</summary>
    public static MetricHandle<GlocalityOptions, NodeTable> Glocality { get; } = new(GlocalityMetric.MetricId);

    /// <summary><c>triple-helix</c>.</summary>
    public static MetricHandle<TripleHelixOptions, TripleHelixResult> TripleHelix { get; } = new(TripleHelixMetric.MetricId);

    /// <summary><c>organiser-reach</c>.</summary>
    public static MetricHandle<OrganiserReachOptions, OrganiserReachResult> OrganiserReach { get; } = new(OrganiserReachMetric.MetricId);

    /// <summary><c>ei-index</c>.</summary>
    public static MetricHandle<EiIndexOptions, EiIndexResult> EiIndex { get; } = new(EiIndexMetric.MetricId);

    /// <summary><c>buzz-pipelines</c>.</summary>
    public static MetricHandle<BuzzPipelinesOptions, RegionTable> BuzzPipelines { get; } = new(BuzzPipelinesMetric.MetricId);

    /// <summary><c>brokerage</c>.</summary>
    public static MetricHandle<BrokerageOptions, BrokerageResult> Brokerage { get; } = new(BrokerageMetric.MetricId);

    /// <summary><c>gatekeepers</c>.</summary>
    public static MetricHandle<GatekeepersOptions, GatekeepersResult> Gatekeepers { get; } = new(GatekeepersMetric.MetricId);

    /// <summary><c>distance-decay</c>.</summary>
    public static MetricHandle<DistanceDecayOptions, DistanceDecayResult> DistanceDecay { get; } = new(DistanceDecayMetric.MetricId);

    /// <summary><c>gravity</c>.</summary>
    public static MetricHandle<GravityOptions, GravityResult> Gravity { get; } = new(GravityMetric.MetricId);

    /// <summary><c>region-flows</c>.</summary>
    public static MetricHandle<RegionFlowsOptions, MatrixResult> RegionFlows { get; } = new(RegionFlowsMetric.MetricId);
}
