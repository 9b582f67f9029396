using GlocalNetworks.IO.Events;

namespace GlocalNetworks.Data;

/// <summary>Options of the CORDIS loaders (<see cref="CordisFp7"/>, <see cref="CordisH2020"/>). Immutable; change with <c>o with { InferKinds = true }</c>.</summary>
public sealed record CordisOptions
{
    /// <summary>The default options.</summary>
    public static CordisOptions Default { get; } = new();

    /// <summary>Whether to infer each organisation's kind from its name with <see cref="InnovatorKindRule"/>; the report
    /// then counts the innovators of each kind, including those that stay <c>Other</c>.</summary>
    /// <value>The default value is <see langword="false"/>: every organisation is <c>Other</c> (the tables have no activity types).</value>
    public bool InferKinds { get; init; }

    /// <summary>How projects are projected to co-participation links (full or fractional counting, size limit).</summary>
    /// <value>The default value is <see cref="EventProjectionOptions.Default"/>: full counting, no size limit, links of kind <c>JointProject</c>.</value>
    public EventProjectionOptions Projection { get; init; } = EventProjectionOptions.Default;
}
