namespace GlocalNetworks.Model;

/// <summary>A region: a node of the <see cref="RegionTree"/> at one level of a <see cref="RegionLadder"/>. Immutable.</summary>
/// <param name="Id">The region id, unique in its tree and compared ordinally (case-sensitive), e.g. <c>DE300</c> or <c>geonames:2950159</c>.</param>
/// <param name="Name">The display name, kept exactly as given (accents, CJK).</param>
/// <param name="Level">The region's level on the ladder.</param>
/// <param name="ParentId">The id of the parent region, at any coarser level; <see langword="null"/> for a root.</param>
/// <param name="Centroid">A representative point (a centroid or a label point), or <see langword="null"/>.</param>
public sealed record Region(string Id, string Name, RegionLevel Level, string? ParentId, GeoPoint? Centroid = null);
