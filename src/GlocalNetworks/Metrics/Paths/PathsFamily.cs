using System.Collections.Generic;

namespace GlocalNetworks.Metrics.Paths;

/// <summary>The shortest-path metrics: betweenness, closeness, harmonic centrality, diameter, average shortest path.</summary>
public static class PathsFamily
{
    /// <summary>A new instance of each metric of the family.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new BetweennessMetric(),
        new ClosenessMetric(),
        new HarmonicMetric(),
        new DiameterMetric(),
        new AverageShortestPathMetric(),
    ];
}
