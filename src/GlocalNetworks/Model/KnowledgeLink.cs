using System;

namespace GlocalNetworks.Model;

/// <summary>
/// One knowledge link between two innovators, as a value read from a <see cref="LinkTable"/>. Its ends are indices into
/// the network's <see cref="InnovatorTable"/>.
/// </summary>
/// <param name="Source">The source innovator index (for a directed link, where knowledge comes from).</param>
/// <param name="Target">The target innovator index.</param>
/// <param name="Kind">The link kind.</param>
/// <param name="Weight">The weight, finite and &gt; 0.</param>
/// <param name="Year">The (start) year, or <see langword="null"/> when the link has no time (FP7 co-participations).</param>
/// <param name="Date">The exact date where known.</param>
/// <param name="EndYear">The last year the link is active (inclusive), or <see langword="null"/> for a one-year link.</param>
/// <param name="Directed">Whether the link points from <paramref name="Source"/> to <paramref name="Target"/>.</param>
public readonly record struct KnowledgeLink(int Source, int Target, LinkKind Kind, double Weight, int? Year, DateOnly? Date, int? EndYear, bool Directed);
