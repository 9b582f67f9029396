using System.Collections.Generic;

namespace GlocalNetworks.Metrics.StructuralHoles;

/// <summary>Burt's structural holes: constraint and effective size.</summary>
public static class StructuralHolesFamily
{
    /// <summary>A new instance of each metric of the family.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new ConstraintMetric(),
        new EffectiveSizeMetric(),
    ];
}
