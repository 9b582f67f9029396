using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Scales;

namespace GlocalNetworks.Model;

/// <summary>
/// An immutable snapshot of a glocal innovation network: regions, innovators, knowledge links (each with its scale,
/// computed once) and organisers, with O(1) lookup by id and cheap filters that return new snapshots sharing the region
/// tree and innovator table.
/// </summary>
/// <remarks>
/// <para>Create one with <see cref="CreateBuilder"/>, or load one with the readers in <c>GlocalNetworks.IO</c>.</para>
/// <para>Links are sorted by (year, source, target), undated links first; <see cref="Between"/> is therefore an index
/// range over shared arrays (no copy). The other filters copy the kept rows of the link columns (O(m)) and share
/// everything else. Filters keep every innovator, so an innovator may be isolated in a derived snapshot.</para>
/// </remarks>
public sealed class GlocalNetwork
{
    private readonly Scale[] _scales;
    private readonly bool[] _limited;
    private readonly int[]?[] _membership;

    internal GlocalNetwork(RegionTree regions, InnovatorTable innovators, LinkTable links, Scale[] scales, bool[] limited,
        IReadOnlyList<Organiser> organisers, IScaleClassifier classifier)
    {
        Regions = regions;
        Innovators = innovators;
        Links = links;
        _scales = scales;
        _limited = limited;
        Organisers = organisers;
        Classifier = classifier;
        _membership = new int[]?[regions.Ladder.Levels.Count];
        var c = 0;
        foreach (var l in LinkResolutionLimited)
        {
            c += l ? 1 : 0;
        }

        ResolutionLimitedCount = c;
    }

    /// <summary>Starts a fluent builder.</summary>
    /// <returns>A new, empty builder on <see cref="RegionLadder.Default"/>.</returns>
    public static GlocalNetworkBuilder CreateBuilder() => new();

    /// <summary>The region tree.</summary>
    public RegionTree Regions { get; }

    /// <summary>The region ladder (the tree's).</summary>
    public RegionLadder Ladder => Regions.Ladder;

    /// <summary>The innovators.</summary>
    public InnovatorTable Innovators { get; }

    /// <summary>The knowledge links, sorted by (year, source, target), undated first.</summary>
    public LinkTable Links { get; }

    /// <summary>The organisers (alliances, associations, programmes).</summary>
    public IReadOnlyList<Organiser> Organisers { get; }

    /// <summary>The classifier that set <see cref="LinkScales"/>.</summary>
    public IScaleClassifier Classifier { get; }

    /// <summary>The scale of each link, parallel to <see cref="Links"/>; computed once when the network was built.</summary>
    public ReadOnlySpan<Scale> LinkScales => _scales.AsSpan(Links.Start, Links.Count);

    /// <summary>Whether each link's scale is only an upper bound because an end is located coarsely; parallel to <see cref="Links"/>.</summary>
    public ReadOnlySpan<bool> LinkResolutionLimited => _limited.AsSpan(Links.Start, Links.Count);

    /// <summary>How many links are <c>ResolutionLimited</c>.</summary>
    public int ResolutionLimitedCount { get; }

    /// <summary>
    /// Each innovator's region index at <paramref name="level"/> (its home region's ancestor at that level), or -1 when
    /// the innovator is located above that level or its home region's chain skips it. Computed once per level and cached.
    /// </summary>
    /// <param name="level">A level id of the ladder, e.g. <c>country</c>.</param>
    /// <returns>Region indices by innovator index.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    public ReadOnlySpan<int> RegionIndicesAt(string level) => RegionIndicesAt(Ladder.GetLevel(level));

    /// <summary>Each innovator's region index at <paramref name="level"/>, or -1 (see <see cref="RegionIndicesAt(string)"/>).</summary>
    /// <param name="level">A level of the ladder.</param>
    /// <returns>Region indices by innovator index.</returns>
    public ReadOnlySpan<int> RegionIndicesAt(RegionLevel level)
    {
        var rank = Ladder.GetLevel(level.Name).Rank;
        var cached = Volatile.Read(ref _membership[rank]);
        if (cached is not null)
        {
            return cached;
        }

        var homes = Innovators.RegionIndices;
        var result = new int[homes.Length];
        for (var i = 0; i < homes.Length; i++)
        {
            result[i] = Regions.AncestorIndexAt(homes[i], rank);
        }

        Interlocked.CompareExchange(ref _membership[rank], result, null);
        return _membership[rank]!;
    }

    /// <summary>The links whose year lies in [<paramref name="fromYear"/>, <paramref name="toYear"/>], both ends included;
    /// undated links are left out (see <see cref="LinkTable.UndatedCount"/> on the source network for how many).</summary>
    /// <param name="fromYear">The first year (inclusive).</param>
    /// <param name="toYear">The last year (inclusive).</param>
    /// <returns>A snapshot sharing this one's arrays (an index range; no copy).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    public GlocalNetwork Between(int fromYear, int toYear)
    {
        if (toYear < fromYear)
        {
            throw new ArgumentOutOfRangeException(nameof(toYear), toYear, $"The range ends before it starts ({fromYear}..{toYear}).");
        }

        var (lo, hi) = Links.DatedRange(fromYear, toYear);
        return WithLinks(new LinkTable(Links.Columns, Links.Start + lo, hi - lo), _scales, _limited);
    }

    /// <summary>The links that pass <paramref name="filter"/>.</summary>
    /// <param name="filter">The criteria; all set criteria must hold.</param>
    /// <returns>A snapshot sharing the regions and innovators, with copies of the kept link rows.</returns>
    /// <exception cref="KeyNotFoundException"><see cref="LinkFilter.WithinRegionId"/> is not a region id.</exception>
    public GlocalNetwork Where(LinkFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var net = this;
        if (filter.FromYear is not null || filter.ToYear is not null)
        {
            net = net.Between(filter.FromYear ?? int.MinValue + 1, filter.ToYear ?? int.MaxValue);
        }

        var links = net.Links;
        var m = links.Count;
        var keep = new bool[m];
        var linkKinds = ToMask(filter.LinkKinds, 8);
        var innKinds = ToMask(filter.InnovatorKinds, 7);
        var scaleMask = ToMask(filter.Scales, 5);
        var region = filter.WithinRegionId is null ? -1 : Regions.IndexOf(filter.WithinRegionId);
        var src = links.Sources;
        var dst = links.Targets;
        var kinds = links.Kinds;
        var ik = Innovators.Kinds;
        var scales = net.LinkScales;
        var limited = net.LinkResolutionLimited;
        var homes = Innovators.RegionIndices;
        var kept = 0;
        for (var i = 0; i < m; i++)
        {
            var ok = (linkKinds is null || linkKinds[(int)kinds[i]])
                && (innKinds is null || (innKinds[(int)ik[src[i]]] && innKinds[(int)ik[dst[i]]]))
                && (scaleMask is null || scaleMask[(int)scales[i]])
                && (filter.ResolutionLimited is not { } rl || limited[i] == rl)
                && (region < 0 || (IsWithin(homes[src[i]], region) && IsWithin(homes[dst[i]], region)));
            keep[i] = ok;
            kept += ok ? 1 : 0;
        }

        if (kept == m)
        {
            return net;
        }

        var indices = new int[kept];
        var k = 0;
        for (var i = 0; i < m; i++)
        {
            if (keep[i])
            {
                indices[k++] = i;
            }
        }

        return net.SelectLinks(indices);
    }

    /// <summary>
    /// The links at <paramref name="indices"/> (indices into <see cref="Links"/>, strictly ascending, so the (year, source,
    /// target) order is kept): a snapshot sharing the regions and innovators. A contiguous run of indices is an index range
    /// over the shared arrays (no copy); otherwise the kept link rows are copied (O(k)). Used by <c>Where</c> and by time
    /// slices that are a union of index ranges (links with a lifetime).
    /// </summary>
    /// <param name="indices">Ascending link indices of this snapshot.</param>
    /// <returns>The derived snapshot.</returns>
    internal GlocalNetwork SelectLinks(ReadOnlySpan<int> indices)
    {
        var kept = indices.Length;
        var start = Links.Start;
        if (kept == 0 || indices[kept - 1] - indices[0] == kept - 1)
        {
            return WithLinks(new LinkTable(Links.Columns, start + (kept == 0 ? 0 : indices[0]), kept), _scales, _limited);
        }

        var c = Links.Columns;
        var nc = new LinkColumns(new int[kept], new int[kept], new double[kept], new LinkKind[kept], new int[kept], new int[kept], new int[kept], new bool[kept]);
        var ns = new Scale[kept];
        var nl = new bool[kept];
        for (var k = 0; k < kept; k++)
        {
            var j = start + indices[k];
            nc.Source[k] = c.Source[j];
            nc.Target[k] = c.Target[j];
            nc.Weight[k] = c.Weight[j];
            nc.Kind[k] = c.Kind[j];
            nc.Year[k] = c.Year[j];
            nc.EndYear[k] = c.EndYear[j];
            nc.Date[k] = c.Date[j];
            nc.Directed[k] = c.Directed[j];
            ns[k] = _scales[j];
            nl[k] = _limited[j];
        }

        return WithLinks(new LinkTable(nc, 0, kept), ns, nl);
    }

    /// <summary>The links of the given kinds.</summary>
    /// <param name="kinds">The kinds to keep.</param>
    /// <returns>A derived snapshot.</returns>
    public GlocalNetwork WithLinkKinds(params LinkKind[] kinds) => Where(new LinkFilter { LinkKinds = kinds });

    /// <summary>The links whose two ends are both of the given innovator kinds.</summary>
    /// <param name="kinds">The innovator kinds.</param>
    /// <returns>A derived snapshot.</returns>
    public GlocalNetwork WithInnovatorKinds(params InnovatorKind[] kinds) => Where(new LinkFilter { InnovatorKinds = kinds });

    /// <summary>The links of the given scales.</summary>
    /// <param name="scales">The scales.</param>
    /// <returns>A derived snapshot.</returns>
    public GlocalNetwork AtScales(params Scale[] scales) => Where(new LinkFilter { Scales = scales });

    /// <summary>The links whose two ends both sit in region <paramref name="regionId"/> or below it.</summary>
    /// <param name="regionId">A region id.</param>
    /// <returns>A derived snapshot.</returns>
    public GlocalNetwork WithinRegion(string regionId) => Where(new LinkFilter { WithinRegionId = regionId });

    /// <inheritdoc/>
    public override string ToString() =>
        $"GlocalNetwork: {Innovators.Count} innovators, {Links.Count} links, {Regions.Count} regions on ladder '{Ladder.Name}'";

    private GlocalNetwork WithLinks(LinkTable links, Scale[] scales, bool[] limited) =>
        new(Regions, Innovators, links, scales, limited, Organisers, Classifier);

    private bool IsWithin(int home, int region)
    {
        var target = Regions.Depth(region);
        var v = home;
        while (v >= 0 && Regions.Depth(v) > target)
        {
            v = Regions.ParentIndex(v);
        }

        return v == region;
    }

    private static bool[]? ToMask<T>(IReadOnlyCollection<T>? values, int size)
        where T : struct, Enum
    {
        if (values is null)
        {
            return null;
        }

        var mask = new bool[size];
        foreach (var v in values)
        {
            var i = Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture);
            if ((uint)i < (uint)size)
            {
                mask[i] = true;
            }
        }

        return mask;
    }
}
