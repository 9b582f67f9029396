using System.Collections.Generic;

namespace GlocalNetworks.Metrics.Assortativity;

/// <summary>Assortativity by degree and by a categorical attribute.</summary>
public static class AssortativityFamily
{
    /// <summary>A new instance of each metric of the family.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new AssortativityMetric(),
    ];
}
