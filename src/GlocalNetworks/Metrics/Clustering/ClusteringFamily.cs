using System.Collections.Generic;

namespace GlocalNetworks.Metrics.Clustering;

/// <summary>The clustering metrics: local and average clustering, transitivity.</summary>
public static class ClusteringFamily
{
    /// <summary>A new instance of each metric of the family.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new ClusteringMetric(),
        new AverageClusteringMetric(),
        new TransitivityMetric(),
    ];
}
