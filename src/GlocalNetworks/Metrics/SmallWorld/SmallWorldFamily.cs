using System.Collections.Generic;

namespace GlocalNetworks.Metrics.SmallWorld;

/// <summary>Small-world sigma and omega against seeded null models.</summary>
public static class SmallWorldFamily
{
    /// <summary>A new instance of each metric of the family.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new SmallWorldMetric(),
    ];
}
