using System.Collections.Generic;

namespace GlocalNetworks.Metrics.Centrality;

/// <summary>The centrality metrics: degree, strength, betweenness, closeness, harmonic, eigenvector, PageRank, Katz.</summary>
public static class CentralityFamily
{
    /// <summary>A new instance of each metric of the family.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new DegreeMetric(),
        new StrengthMetric(),
        new EigenvectorMetric(),
        new PageRankMetric(),
        new KatzMetric(),
    ];
}
