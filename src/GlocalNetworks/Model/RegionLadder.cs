using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Internal;

namespace GlocalNetworks.Model;

/// <summary>
/// An ordered list of region levels from finest to coarsest, with the map from the level of a link's lowest common
/// ancestor region to the link's <see cref="Scale"/>. Immutable.
/// </summary>
/// <remarks>
/// <para>Ready ladders (level ids are case-insensitive kebab-case):</para>
/// <list type="bullet">
/// <item><see cref="Default"/>: <c>city &lt; province &lt; country &lt; world-region &lt; world</c>; city → Local,
/// province → Regional, country → National, world-region → Supranational, world → Global.</item>
/// <item><see cref="Eu"/>: <c>nuts3 &lt; nuts2 &lt; nuts1 &lt; country &lt; world-region &lt; world</c>; nuts3 → Local,
/// nuts2 and nuts1 → Regional.</item>
/// <item><see cref="China"/>: <c>county &lt; prefecture &lt; province &lt; country &lt; world-region &lt; world</c>; county and
/// prefecture → Local (the prefecture city is the local unit), province → Regional.</item>
/// <item><see cref="Us"/>: <c>county &lt; state &lt; country &lt; world-region &lt; world</c>; county → Local, state → Regional.</item>
/// </list>
/// <para>Users define their own with <see cref="Create"/>. A region's parent may sit at any coarser level, not only the next.</para>
/// </remarks>
public sealed class RegionLadder
{
    private readonly RegionLevel[] _levels;
    private readonly Scale[] _scaleByRank;
    private readonly Dictionary<string, int> _rankByName;
    private readonly Scale[] _scales;

    private RegionLadder(string name, RegionLevel[] levels, Scale[] scaleByRank)
    {
        Name = name;
        _levels = levels;
        _scaleByRank = scaleByRank;
        _rankByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var l in levels)
        {
            _rankByName.Add(l.Name, l.Rank);
        }

        var seen = new bool[5];
        var list = new List<Scale>();
        foreach (var s in scaleByRank)
        {
            seen[(int)s] = true;
        }

        for (var s = 0; s < seen.Length; s++)
        {
            if (seen[s])
            {
                list.Add((Scale)s);
            }
        }

        _scales = list.ToArray();
    }

    /// <summary>The default ladder: <c>city &lt; province &lt; country &lt; world-region &lt; world</c>.</summary>
    public static RegionLadder Default { get; } = Create("default",
        ["city", "province", "country", "world-region", "world"],
        [Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global]);

    /// <summary>The EU NUTS ladder: <c>nuts3 &lt; nuts2 &lt; nuts1 &lt; country &lt; world-region &lt; world</c>.</summary>
    public static RegionLadder Eu { get; } = Create("eu",
        ["nuts3", "nuts2", "nuts1", "country", "world-region", "world"],
        [Scale.Local, Scale.Regional, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global]);

    /// <summary>China's GB/T 2260 ladder: <c>county &lt; prefecture &lt; province &lt; country &lt; world-region &lt; world</c>.</summary>
    public static RegionLadder China { get; } = Create("china",
        ["county", "prefecture", "province", "country", "world-region", "world"],
        [Scale.Local, Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global]);

    /// <summary>The US ladder: <c>county &lt; state &lt; country &lt; world-region &lt; world</c>.</summary>
    public static RegionLadder Us { get; } = Create("us",
        ["county", "state", "country", "world-region", "world"],
        [Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global]);

    /// <summary>The ladder's name (e.g. <c>default</c>, <c>eu</c>).</summary>
    public string Name { get; }

    /// <summary>The levels, finest first; <see cref="RegionLevel.Rank"/> equals the index.</summary>
    public IReadOnlyList<RegionLevel> Levels => _levels;

    /// <summary>The finest level (rank 0).</summary>
    public RegionLevel Finest => _levels[0];

    /// <summary>The coarsest level (the root's level).</summary>
    public RegionLevel Coarsest => _levels[^1];

    /// <summary>The scales the map can emit, nearest first.</summary>
    public IReadOnlyList<Scale> Scales => _scales;

    /// <summary>Creates a ladder.</summary>
    /// <param name="name">The ladder's name.</param>
    /// <param name="levelNames">Level ids, finest first; lowercase kebab-case, unique ignoring case, at least one.</param>
    /// <param name="scales">The scale of a link whose lowest common ancestor sits at each level; same length as
    /// <paramref name="levelNames"/> and never decreasing (a coarser level cannot give a nearer scale).</param>
    /// <returns>The ladder.</returns>
    /// <exception cref="ArgumentException">The names or scales break a rule above; the message lists every problem.</exception>
    public static RegionLadder Create(string name, IReadOnlyList<string> levelNames, IReadOnlyList<Scale> scales)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(levelNames);
        ArgumentNullException.ThrowIfNull(scales);
        var problems = new List<string>();
        if (levelNames.Count == 0)
        {
            problems.Add("a ladder needs at least one level");
        }

        if (scales.Count != levelNames.Count)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{levelNames.Count} level(s) but {scales.Count} scale(s); give one scale per level"));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var levels = new RegionLevel[levelNames.Count];
        for (var i = 0; i < levelNames.Count; i++)
        {
            var n = levelNames[i];
            if (!TextRules.IsKebab(n, allowUpper: true))
            {
                problems.Add($"level '{n}' is not lowercase kebab-case (letters, digits and single hyphens)");
            }
            else if (!seen.Add(n))
            {
                problems.Add($"level '{n}' occurs twice");
            }

            levels[i] = new RegionLevel(n?.ToLowerInvariant() ?? string.Empty, i);
        }

        var map = new Scale[scales.Count];
        for (var i = 0; i < scales.Count; i++)
        {
            map[i] = scales[i];
            if (!Enum.IsDefined(scales[i]))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"scale {(int)scales[i]} at level {i} is not a defined Scale"));
            }
            else if (i > 0 && i < levelNames.Count && scales[i] < scales[i - 1])
            {
                problems.Add($"scale {scales[i]} of level '{levelNames[i]}' is nearer than {scales[i - 1]} of the finer level '{levelNames[i - 1]}'");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid region ladder '{name}': {string.Join("; ", problems)}.", nameof(levelNames));
        }

        return new RegionLadder(name, levels, map);
    }

    /// <summary>Returns a copy of this ladder whose scale map is changed for the named levels.</summary>
    /// <param name="map">Level id → scale; levels not named keep their scale.</param>
    /// <returns>The new ladder.</returns>
    /// <exception cref="UnknownRegionLevelException">A key is not a level of this ladder.</exception>
    /// <exception cref="ArgumentException">The resulting map decreases from a finer to a coarser level.</exception>
    public RegionLadder WithScaleMap(IReadOnlyDictionary<string, Scale> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        var scales = (Scale[])_scaleByRank.Clone();
        foreach (var kv in map)
        {
            scales[GetLevel(kv.Key).Rank] = kv.Value;
        }

        var names = new string[_levels.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _levels[i].Name;
        }

        return Create(Name, names, scales);
    }

    /// <summary>The scale of a link whose lowest common ancestor region sits at <paramref name="level"/>.</summary>
    /// <param name="level">A level of this ladder.</param>
    /// <returns>The mapped scale.</returns>
    public Scale ScaleOf(RegionLevel level)
    {
        if ((uint)level.Rank >= (uint)_levels.Length || !string.Equals(_levels[level.Rank].Name, level.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new UnknownRegionLevelException(level.Name, LevelNames());
        }

        return _scaleByRank[level.Rank];
    }

    /// <summary>The scale for a level given by rank (no checks; used by kernels).</summary>
    /// <param name="rank">The level rank.</param>
    /// <returns>The mapped scale.</returns>
    internal Scale ScaleOfRank(int rank) => _scaleByRank[rank];

    /// <summary>The level with the given id (case-insensitive).</summary>
    /// <param name="name">The level id, e.g. <c>country</c>.</param>
    /// <returns>The level.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level; the message lists the levels.</exception>
    public RegionLevel GetLevel(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGetLevel(name, out var l) ? l : throw new UnknownRegionLevelException(name, LevelNames());
    }

    /// <summary>Looks up a level by id (case-insensitive).</summary>
    /// <param name="name">The level id.</param>
    /// <param name="level">The level when found.</param>
    /// <returns>Whether the ladder has the level.</returns>
    public bool TryGetLevel(string name, out RegionLevel level)
    {
        if (name is not null && _rankByName.TryGetValue(name, out var r))
        {
            level = _levels[r];
            return true;
        }

        level = default;
        return false;
    }

    /// <summary>The level ids, finest first.</summary>
    /// <returns>The names.</returns>
    public IReadOnlyList<string> LevelNames()
    {
        var names = new string[_levels.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _levels[i].Name;
        }

        return names;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {string.Join(" < ", LevelNames())}";

}
