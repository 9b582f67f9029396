using System.Collections.Generic;

namespace GlocalNetworks.Metrics;

/// <summary>The built-in metrics, one instance each (metrics are stateless), gathered from each family's list.</summary>
public static class BuiltInMetrics
{
    /// <summary>A new list of every built-in metric, in a stable order (family by family).</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create()
    {
        var all = new List<IMetric>();
        all.AddRange(Centrality.CentralityFamily.Create());
        all.AddRange(Cohesion.CohesionFamily.Create());
        all.AddRange(Paths.PathsFamily.Create());
        all.AddRange(Clustering.ClusteringFamily.Create());
        all.AddRange(Assortativity.AssortativityFamily.Create());
        all.AddRange(StructuralHoles.StructuralHolesFamily.Create());
        all.AddRange(Community.CommunityFamily.Create());
        all.AddRange(CorePeriphery.CorePeripheryFamily.Create());
        all.AddRange(SmallWorld.SmallWorldFamily.Create());
        all.AddRange(GlocalNetworks.Glocal.GlocalFamily.Create());
        all.AddRange(GlocalNetworks.EconGeo.EconGeoFamily.Create());
        all.AddRange(GlocalNetworks.Evolution.EvolutionFamily.Create());
        return all;
    }
}

/// <summary>Typed handles of the built-in metrics, for the fluent API: <c>.Compute(StandardMetrics.Degree, o =&gt; o with { Normalized = true })</c>.
/// Each family adds its handles in its own part of this class.</summary>
public static partial class StandardMetrics
{
}
