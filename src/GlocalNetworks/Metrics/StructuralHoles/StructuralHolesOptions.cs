namespace GlocalNetworks.Metrics.StructuralHoles;

/// <summary>Options of <see cref="ConstraintMetric"/> (networkx's <c>weight=None</c> default).</summary>
public sealed record ConstraintOptions
{
    /// <summary>Use link weights as tie strengths in the proportions p_ij (parallel links summed).</summary>
    /// <value>The default value is <see langword="false"/> (every link counts 1, networkx <c>weight=None</c>).</value>
    public bool Weighted { get; init; }

    /// <summary>Whether to read links as directed (then p_ij uses the mutual weight a_ij + a_ji and N(i) is in ∪ out);
    /// <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>Options of <see cref="EffectiveSizeMetric"/> (networkx's <c>weight=None</c> default).</summary>
public sealed record EffectiveSizeOptions
{
    /// <summary>Use link weights as tie strengths in the proportions p_ij (parallel links summed).</summary>
    /// <value>The default value is <see langword="false"/> (every link counts 1, networkx <c>weight=None</c>).</value>
    public bool Weighted { get; init; }

    /// <summary>Whether to read links as directed (then p_ij uses the mutual weight a_ij + a_ji and N(i) is in ∪ out);
    /// <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}
