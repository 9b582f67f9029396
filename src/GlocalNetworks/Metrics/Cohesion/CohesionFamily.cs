using System.Collections.Generic;

namespace GlocalNetworks.Metrics.Cohesion;

/// <summary>The cohesion metrics: density, components, core numbers.</summary>
public static class CohesionFamily
{
    /// <summary>A new instance of each metric of the family.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new DensityMetric(),
        new ComponentsMetric(),
        new CoreNumberMetric(),
    ];
}
