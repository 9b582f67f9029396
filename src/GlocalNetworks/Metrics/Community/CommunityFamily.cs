using System.Collections.Generic;

namespace GlocalNetworks.Metrics.Community;

/// <summary>Community detection (Louvain, Leiden) and modularity.</summary>
public static class CommunityFamily
{
    /// <summary>A new instance of each metric of the family.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new ModularityMetric(),
        new LouvainMetric(),
        new LeidenMetric(),
    ];
}
