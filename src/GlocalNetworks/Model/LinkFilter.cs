using System.Collections.Generic;

namespace GlocalNetworks.Model;

/// <summary>
/// Which links a derived snapshot keeps (<see cref="GlocalNetwork.Where(LinkFilter)"/>). Every criterion that is set must
/// hold; unset criteria keep everything. Immutable; change with <c>f with { ... }</c>.
/// </summary>
public sealed record LinkFilter
{
    /// <summary>Keep links whose year is at least this (inclusive). Undated links fail any year criterion.</summary>
    public int? FromYear { get; init; }

    /// <summary>Keep links whose year is at most this (inclusive).</summary>
    public int? ToYear { get; init; }

    /// <summary>Keep links of these kinds.</summary>
    public IReadOnlyCollection<LinkKind>? LinkKinds { get; init; }

    /// <summary>Keep links whose two ends are both of these innovator kinds.</summary>
    public IReadOnlyCollection<InnovatorKind>? InnovatorKinds { get; init; }

    /// <summary>Keep links whose two ends both sit in this region (or below it).</summary>
    public string? WithinRegionId { get; init; }

    /// <summary>Keep links of these scales.</summary>
    public IReadOnlyCollection<Scale>? Scales { get; init; }

    /// <summary>Keep or drop links flagged <c>ResolutionLimited</c>; <see langword="null"/> keeps both.</summary>
    public bool? ResolutionLimited { get; init; }
}
