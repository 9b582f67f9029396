using GlocalNetworks.EconGeo;

namespace GlocalNetworks.Metrics;

/// <summary>Handles of the economic-geography family.</summary>
public static partial class StandardMetrics
{
    /// <summary><c>location-quotient</c> (alias <c>rca</c>).</summary>
    public static MetricHandle<LocationQuotientMetricOptions, MatrixResult> LocationQuotient { get; } = new(LocationQuotientMetric.MetricId);

    /// <summary><c>diversity</c>.</summary>
    public static MetricHandle<SpecialisationMetricOptions, RegionTable> Diversity { get; } = new(DiversityMetric.MetricId);

    /// <summary><c>ubiquity</c>.</summary>
    public static MetricHandle<SpecialisationMetricOptions, GroupTable> Ubiquity { get; } = new(UbiquityMetric.MetricId);

    /// <summary><c>eci</c>.</summary>
    public static MetricHandle<EciMetricOptions, RegionFieldResult> Eci { get; } = new(EciMetric.MetricId);

    /// <summary><c>relatedness</c>.</summary>
    public static MetricHandle<RelatednessMetricOptions, MatrixResult> Relatedness { get; } = new(RelatednessMetric.MetricId);

    /// <summary><c>relatedness-density</c>.</summary>
    public static MetricHandle<RelatednessMetricOptions, MatrixResult> RelatednessDensity { get; } = new(RelatednessDensityMetric.MetricId);
}
