using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Glocal;

/// <summary>
/// A partition of a network's innovators into groups: the regions at one level of the ladder (the default), the values of
/// an innovator attribute, the innovator kinds, or an explicit id → group map (the CLI's <c>--groups</c> file). Innovators
/// with no group (located above the level, attribute missing, not in the map) get group -1: every metric that uses groups
/// excludes them and reports how many (<see cref="UngroupedCount"/>), never silently. Immutable.
/// </summary>
/// <remarks>Groups are numbered 0..<see cref="Count"/>-1. By level: the regions at that level that hold at least one
/// innovator, in region-tree order. By attribute or map: the distinct values in ordinal order. By kind: the kinds that
/// occur, in enum order.</remarks>
public sealed class InnovatorGroups
{
    private readonly int[] _group;
    private readonly string[] _ids;
    private readonly int[] _sizes;

    private InnovatorGroups(string name, string? level, int[] group, string[] ids)
    {
        Name = name;
        Level = level;
        _group = group;
        _ids = ids;
        _sizes = new int[ids.Length];
        var ungrouped = 0;
        foreach (var g in group)
        {
            if (g < 0)
            {
                ungrouped++;
            }
            else
            {
                _sizes[g]++;
            }
        }

        UngroupedCount = ungrouped;
    }

    /// <summary>What the groups are: a level id (<c>country</c>), <c>attribute:NAME</c>, <c>kind</c> or the map's name.</summary>
    public string Name { get; }

    /// <summary>The level id when the groups are regions at a level, otherwise <see langword="null"/>.</summary>
    public string? Level { get; }

    /// <summary>Each innovator's group (by innovator index), or -1 when it has none.</summary>
    public ReadOnlySpan<int> GroupOf => _group;

    /// <summary>The group ids (region ids, attribute values, kind names), by group number.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The number of groups.</summary>
    public int Count => _ids.Length;

    /// <summary>The number of innovators in each group, by group number.</summary>
    public ReadOnlySpan<int> Sizes => _sizes;

    /// <summary>The number of innovators without a group; metrics exclude them and report this count.</summary>
    public int UngroupedCount { get; }

    /// <summary>The regions at <paramref name="level"/> that hold at least one innovator; an innovator located above the
    /// level (a country-only address grouped by province) has no group.</summary>
    /// <param name="network">The network.</param>
    /// <param name="level">A level id of the network's ladder.</param>
    /// <returns>The groups.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    public static InnovatorGroups ByLevel(GlocalNetwork network, string level)
    {
        ArgumentNullException.ThrowIfNull(network);
        var lv = network.Ladder.GetLevel(level);
        var regionOf = network.RegionIndicesAt(lv);
        var number = new int[network.Regions.Count];
        for (var i = 0; i < regionOf.Length; i++)
        {
            if (regionOf[i] >= 0)
            {
                number[regionOf[i]] = 1;
            }
        }

        var ids = new List<string>();
        for (var r = 0; r < number.Length; r++)
        {
            if (number[r] != 0)
            {
                number[r] = ids.Count;
                ids.Add(network.Regions[r].Id);
            }
        }

        var group = new int[regionOf.Length];
        for (var i = 0; i < group.Length; i++)
        {
            group[i] = regionOf[i] >= 0 ? number[regionOf[i]] : -1;
        }

        return new InnovatorGroups(lv.Name, lv.Name, group, [.. ids]);
    }

    /// <summary>The values of an innovator attribute (a column of the innovators file, e.g. <c>sector</c>); innovators
    /// without it, or with an empty value, have no group.</summary>
    /// <param name="network">The network.</param>
    /// <param name="attribute">The attribute name (case-sensitive, as in <see cref="Innovator.Attributes"/>).</param>
    /// <returns>The groups.</returns>
    public static InnovatorGroups ByAttribute(GlocalNetwork network, string attribute)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        var values = new string?[network.Innovators.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = network.Innovators[i].Attributes.TryGetValue(attribute, out var v) && v.Length > 0 ? v : null;
        }

        return FromValues("attribute:" + attribute, values);
    }

    /// <summary>The innovator kinds that occur, in enum order.</summary>
    /// <param name="network">The network.</param>
    /// <returns>The groups.</returns>
    public static InnovatorGroups ByKind(GlocalNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var kinds = network.Innovators.Kinds;
        var present = new int[256];
        foreach (var k in kinds)
        {
            present[(int)k] = 1;
        }

        var ids = new List<string>();
        for (var k = 0; k < present.Length; k++)
        {
            if (present[k] != 0)
            {
                present[k] = ids.Count;
                ids.Add(((InnovatorKind)k).ToString());
            }
        }

        var group = new int[kinds.Length];
        for (var i = 0; i < group.Length; i++)
        {
            group[i] = present[(int)kinds[i]];
        }

        return new InnovatorGroups("kind", null, group, [.. ids]);
    }

    /// <summary>An explicit id → group map (e.g. read from an <c>id,group</c> CSV). Innovators missing from the map have
    /// no group and are counted in <see cref="UngroupedCount"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="groupById">Innovator id → group id.</param>
    /// <param name="name">What the groups are, for reports.</param>
    /// <returns>The groups.</returns>
    /// <exception cref="ReferentialIntegrityException">The map names an innovator the network does not have (with
    /// suggestions).</exception>
    public static InnovatorGroups FromMap(GlocalNetwork network, IReadOnlyDictionary<string, string> groupById, string name = "groups")
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(groupById);
        var values = new string?[network.Innovators.Count];
        foreach (var (id, group) in groupById)
        {
            if (!network.Innovators.TryGetIndex(id, out var i))
            {
                throw new ReferentialIntegrityException(null, null, "id", id,
                    "is not an innovator of the network; group maps may only name its innovators",
                    Internal.Suggestions.Closest(id, InnovatorIdsOf(network)));
            }

            values[i] = string.IsNullOrEmpty(group) ? null : group;
        }

        return FromValues(name, values);
    }

    /// <summary>The groups a glocal metric uses: an explicit partition if given, else an attribute if named, else the
    /// regions at <paramref name="level"/>, else at the analysis level (<see cref="MetricContext.Level"/>), else at
    /// <see cref="DefaultLevel(RegionLadder)"/>. Cached in the context per choice, so metrics of one run share it.</summary>
    /// <param name="context">The metric context.</param>
    /// <param name="groups">An explicit partition, or <see langword="null"/>.</param>
    /// <param name="attribute">An innovator attribute, or <see langword="null"/>.</param>
    /// <param name="level">A level id, or <see langword="null"/>.</param>
    /// <returns>The groups.</returns>
    /// <exception cref="UnknownRegionLevelException">The level is not on the ladder.</exception>
    public static InnovatorGroups Resolve(MetricContext context, InnovatorGroups? groups, string? attribute, string? level)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (groups is not null)
        {
            return groups;
        }

        if (!string.IsNullOrEmpty(attribute))
        {
            return context.GetOrAdd(new CacheKey("groups:attribute", attribute), c => ByAttribute(c.Network, attribute));
        }

        var lv = ResolveLevel(context, level);
        return context.GetOrAdd(new CacheKey("groups:level", lv), c => ByLevel(c.Network, lv));
    }

    /// <summary>The level id a glocal metric works at: <paramref name="level"/> if given, else the analysis level, else
    /// <see cref="DefaultLevel(RegionLadder)"/>, in the ladder's own spelling.</summary>
    /// <param name="context">The metric context.</param>
    /// <param name="level">A level id, or <see langword="null"/>.</param>
    /// <returns>The level id.</returns>
    /// <exception cref="UnknownRegionLevelException">The level is not on the ladder.</exception>
    public static string ResolveLevel(MetricContext context, string? level)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ladder = context.Network.Ladder;
        return ladder.GetLevel(level ?? context.Level ?? DefaultLevel(ladder)).Name;
    }

    /// <summary>The default level of the glocal metrics: the finest level the ladder maps to <see cref="Scale.Regional"/>
    /// (province, NUTS-2, state: the regional innovation system of the buzz-and-pipelines literature), or the second
    /// finest level when none maps there, or the only one.</summary>
    /// <param name="ladder">The ladder.</param>
    /// <returns>The level id.</returns>
    public static string DefaultLevel(RegionLadder ladder)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        foreach (var lv in ladder.Levels)
        {
            if (ladder.ScaleOf(lv) == Scale.Regional)
            {
                return lv.Name;
            }
        }

        return ladder.Levels[Math.Min(1, ladder.Levels.Count - 1)].Name;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} groups by {Name}, {UngroupedCount} innovators ungrouped");

    private static InnovatorGroups FromValues(string name, string?[] values)
    {
        var distinct = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (v is not null)
            {
                distinct.Add(v);
            }
        }

        var ids = new string[distinct.Count];
        distinct.CopyTo(ids);
        var number = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var g = 0; g < ids.Length; g++)
        {
            number[ids[g]] = g;
        }

        var group = new int[values.Length];
        for (var i = 0; i < group.Length; i++)
        {
            group[i] = values[i] is { } v ? number[v] : -1;
        }

        return new InnovatorGroups(name, null, group, ids);
    }

    private static IEnumerable<string> InnovatorIdsOf(GlocalNetwork network)
    {
        for (var i = 0; i < network.Innovators.Count; i++)
        {
            yield return network.Innovators.IdOf(i);
        }
    }
}
