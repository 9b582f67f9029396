using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Scales;

namespace GlocalNetworks.Model;

/// <summary>
/// A mutable, fluent builder of a <see cref="GlocalNetwork"/>. It validates each item as it is added (duplicate ids,
/// unknown levels, weights, self-loops) and references (parents, home regions, link ends) at <see cref="Build"/>, where
/// every unknown id is reported with suggestions. After <see cref="Build"/> the builder refuses further changes.
/// </summary>
/// <remarks>
/// For large inputs use the readers in <c>GlocalNetworks.IO</c>, which fill columns directly instead of calling
/// <see cref="AddLink"/> per row.
/// </remarks>
public sealed class GlocalNetworkBuilder
{
    private readonly List<Region> _regions = [];
    private readonly HashSet<string> _regionIds = new(StringComparer.Ordinal);
    private readonly List<Innovator> _innovators = [];
    private readonly Dictionary<string, int> _innovatorIndex = new(StringComparer.Ordinal);
    private readonly List<PendingLink> _links = [];
    private readonly List<Organiser> _organisers = [];
    private RegionLadder _ladder = RegionLadder.Default;
    private IScaleClassifier _classifier = LcaScaleClassifier.Instance;
    private bool _built;

    /// <summary>Uses <paramref name="ladder"/> for the region levels (default <see cref="RegionLadder.Default"/>); set it before adding regions.</summary>
    /// <param name="ladder">The ladder.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">Regions were already added, or the builder was built.</exception>
    public GlocalNetworkBuilder WithLadder(RegionLadder ladder)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        EnsureOpen();
        if (_regions.Count > 0)
        {
            throw new InvalidOperationException("Set the ladder before adding regions: the regions' levels are read from it.");
        }

        _ladder = ladder;
        return this;
    }

    /// <summary>Uses <paramref name="classifier"/> to set link scales (default <see cref="LcaScaleClassifier"/>).</summary>
    /// <param name="classifier">The classifier.</param>
    /// <returns>This builder.</returns>
    public GlocalNetworkBuilder WithClassifier(IScaleClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        EnsureOpen();
        _classifier = classifier;
        return this;
    }

    /// <summary>Adds a region.</summary>
    /// <param name="id">The region id (unique).</param>
    /// <param name="name">The display name.</param>
    /// <param name="level">The level id on the ladder (case-insensitive).</param>
    /// <param name="parentId">The parent region id, or <see langword="null"/> for a root; may be added later.</param>
    /// <param name="centroid">A representative point, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    /// <exception cref="RegionTreeException">The id is empty or already used.</exception>
    public GlocalNetworkBuilder AddRegion(string id, string name, string level, string? parentId = null, GeoPoint? centroid = null)
    {
        EnsureOpen();
        var lvl = _ladder.GetLevel(level);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new RegionTreeException(null, null, "id", id ?? string.Empty, "is empty; every region needs an id.");
        }

        if (!_regionIds.Add(id))
        {
            throw new RegionTreeException(null, null, "id", id, "is a duplicate region id.");
        }

        _regions.Add(new Region(id, name ?? id, lvl, string.IsNullOrEmpty(parentId) ? null : parentId, centroid));
        return this;
    }

    /// <summary>Adds an innovator.</summary>
    /// <param name="id">The innovator id (unique).</param>
    /// <param name="name">The display name.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="regionId">The home region id; may be added later.</param>
    /// <param name="location">Its coordinates, or <see langword="null"/>.</param>
    /// <param name="attributes">Keyed attributes, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="DuplicateIdException">The id is already used.</exception>
    public GlocalNetworkBuilder AddInnovator(string id, string name, InnovatorKind kind, string regionId, GeoPoint? location = null,
        IReadOnlyDictionary<string, string>? attributes = null)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new GlocalDataException(null, null, "id", id ?? string.Empty, "is empty; every innovator needs an id.");
        }

        ArgumentNullException.ThrowIfNull(regionId);
        if (!_innovatorIndex.TryAdd(id, _innovators.Count))
        {
            throw new DuplicateIdException(null, null, "id", id, null);
        }

        var copy = attributes is null ? null : new Dictionary<string, string>(attributes, StringComparer.Ordinal);
        _innovators.Add(new Innovator(id, name ?? id, kind, regionId, location,
            copy is null ? null : new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(copy)));
        return this;
    }

    /// <summary>Adds a knowledge link.</summary>
    /// <param name="sourceId">The source innovator id; may be added later.</param>
    /// <param name="targetId">The target innovator id.</param>
    /// <param name="kind">The link kind.</param>
    /// <param name="weight">The weight, finite and &gt; 0.</param>
    /// <param name="year">The (start) year, or <see langword="null"/>.</param>
    /// <param name="directed">Whether knowledge flows from source to target.</param>
    /// <param name="endYear">The last active year (inclusive), or <see langword="null"/>.</param>
    /// <param name="date">The exact date, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidWeightException">The weight is not finite and &gt; 0.</exception>
    /// <exception cref="SelfLoopException">Both ends are the same innovator.</exception>
    /// <exception cref="ArgumentException"><paramref name="endYear"/> is before <paramref name="year"/>, or given without it.</exception>
    public GlocalNetworkBuilder AddLink(string sourceId, string targetId, LinkKind kind = LinkKind.Other, double weight = 1.0, int? year = null,
        bool directed = false, int? endYear = null, DateOnly? date = null)
    {
        EnsureOpen();
        ArgumentNullException.ThrowIfNull(sourceId);
        ArgumentNullException.ThrowIfNull(targetId);
        var where = $"link '{sourceId}' -> '{targetId}'";
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new InvalidWeightException(null, null, "weight", weight.ToString("R", CultureInfo.InvariantCulture),
                $"of {where} is not allowed; weights must be finite and > 0.");
        }

        if (string.Equals(sourceId, targetId, StringComparison.Ordinal))
        {
            throw new SelfLoopException(null, null, "target", targetId, "equals the source; self-loops are not knowledge links.");
        }

        if (endYear is { } e && (year is not { } y || e < y))
        {
            throw new ArgumentException($"The end year {e} of {where} needs a start year at or before it.", nameof(endYear));
        }

        _links.Add(new PendingLink(sourceId, targetId, kind, weight, year, endYear, date, directed));
        return this;
    }

    /// <summary>Adds an organiser (alliance, association, programme).</summary>
    /// <param name="id">The organiser id (unique among organisers).</param>
    /// <param name="name">The display name.</param>
    /// <param name="regionId">The home region id.</param>
    /// <param name="memberIds">The member innovator ids; checked at <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    public GlocalNetworkBuilder AddOrganiser(string id, string name, string regionId, IEnumerable<string> memberIds)
    {
        EnsureOpen();
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(memberIds);
        foreach (var o in _organisers)
        {
            if (string.Equals(o.Id, id, StringComparison.Ordinal))
            {
                throw new DuplicateIdException(null, null, "organiser", id, null);
            }
        }

        _organisers.Add(new Organiser(id, name ?? id, regionId, new List<string>(memberIds).AsReadOnly()));
        return this;
    }

    /// <summary>Validates every reference and builds the immutable network. The builder cannot be changed afterwards.</summary>
    /// <returns>The network.</returns>
    /// <exception cref="RegionTreeException">The regions do not form a valid tree.</exception>
    /// <exception cref="ReferentialIntegrityException">An innovator's region, a link's end, or an organiser's member or region is unknown.</exception>
    public GlocalNetwork Build()
    {
        EnsureOpen();
        var tree = RegionTree.Build(_regions, _ladder);
        var innovators = NetworkAssembly.CreateInnovatorTable(_innovators, tree, null, null);
        var cols = new LinkColumnsBuilder();
        foreach (var l in _links)
        {
            cols.Add(Resolve(innovators, l.Source, "source"), Resolve(innovators, l.Target, "target"), l.Weight, l.Kind, l.Year, l.EndYear, l.Date, l.Directed);
        }

        foreach (var o in _organisers)
        {
            if (!tree.Contains(o.RegionId))
            {
                throw new ReferentialIntegrityException(null, null, "organiser region", o.RegionId,
                    $"is not a known region id (organiser '{o.Id}').", tree.Suggest(o.RegionId));
            }

            foreach (var m in o.MemberIds)
            {
                if (!innovators.TryGetIndex(m, out _))
                {
                    throw new ReferentialIntegrityException(null, null, "members", m,
                        $"is not a known innovator id (member of organiser '{o.Id}').", innovators.Suggest(m));
                }
            }
        }

        var network = NetworkAssembly.Assemble(tree, innovators, cols, _organisers.ToArray(), _classifier);
        _built = true;
        return network;
    }

    private static int Resolve(InnovatorTable innovators, string id, string role)
    {
        if (innovators.TryGetIndex(id, out var i))
        {
            return i;
        }

        throw new ReferentialIntegrityException(null, null, role, id, "is not a known innovator id.", innovators.Suggest(id));
    }

    private void EnsureOpen()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built its network; start a new one with GlocalNetwork.CreateBuilder().");
        }
    }

    private readonly record struct PendingLink(string Source, string Target, LinkKind Kind, double Weight, int? Year, int? EndYear, DateOnly? Date, bool Directed);
}

/// <summary>The one path from validated parts to a network, shared by the builder and the bulk readers.</summary>
internal static class NetworkAssembly
{
    /// <summary>Indexes innovators and resolves their home regions; unknown regions raise <see cref="ReferentialIntegrityException"/>.</summary>
    public static InnovatorTable CreateInnovatorTable(IReadOnlyList<Innovator> list, RegionTree tree, string? filePath, IReadOnlyList<long>? lines)
    {
        var items = new Innovator[list.Count];
        var index = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
        var region = new int[list.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var inn = list[i];
            long? line = lines is null ? null : lines[i];
            if (!index.TryAdd(inn.Id, i))
            {
                throw new DuplicateIdException(filePath, line, "id", inn.Id, lines is null ? null : lines[index[inn.Id]]);
            }

            if (!tree.TryGetIndex(inn.RegionId, out region[i]))
            {
                throw new ReferentialIntegrityException(filePath, line, "region", inn.RegionId,
                    $"is not a known region id (home of innovator '{inn.Id}').", tree.Suggest(inn.RegionId));
            }

            items[i] = inn;
        }

        return new InnovatorTable(items, index, region);
    }

    /// <summary>Sorts the links, classifies their scales once, and creates the snapshot.</summary>
    public static GlocalNetwork Assemble(RegionTree tree, InnovatorTable innovators, LinkColumnsBuilder links,
        IReadOnlyList<Organiser> organisers, IScaleClassifier classifier) =>
        AssembleSorted(tree, innovators, links.ToSortedColumns(innovators.Count), organisers, classifier);

    /// <summary>Classifies the scales of links already sorted by (year, source, target) once, and creates the snapshot.</summary>
    public static GlocalNetwork AssembleSorted(RegionTree tree, InnovatorTable innovators, LinkColumns cols,
        IReadOnlyList<Organiser> organisers, IScaleClassifier classifier)
    {
        var m = cols.Length;
        var scales = new Scale[m];
        var limited = new bool[m];
        classifier.ClassifyAll(tree, innovators, cols.Source, cols.Target, scales, limited);
        return new GlocalNetwork(tree, innovators, new LinkTable(cols, 0, m), scales, limited, organisers, classifier);
    }
}
