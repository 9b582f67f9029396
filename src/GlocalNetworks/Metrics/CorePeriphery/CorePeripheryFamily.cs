using System.Collections.Generic;

namespace GlocalNetworks.Metrics.CorePeriphery;

/// <summary>Borgatti-Everett core-periphery.</summary>
public static class CorePeripheryFamily
{
    /// <summary>A new instance of each metric of the family.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new CorePeripheryMetric(),
    ];
}
