using System.Collections.Generic;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Evolution;

/// <summary>The evolution metrics that run on one network through the registry (knowledge trajectories); slicing,
/// tracking and churn work on several slices and are reached through <c>network.Evolve()</c> instead.</summary>
public static class EvolutionFamily
{
    /// <summary>A new list of the family's metrics, one instance each.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new MainPathMetric(),
    ];
}
