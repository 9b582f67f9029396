using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using GlocalNetworks.Internal;

namespace GlocalNetworks.Model;

/// <summary>
/// The regions as a validated tree on a <see cref="RegionLadder"/>, with ancestors, lowest common ancestors and the
/// region of any coarser level, each in O(depth). Immutable.
/// </summary>
/// <remarks>
/// <para>Built by <see cref="Build(IEnumerable{Region}, RegionLadder)"/>, which checks that ids are unique, every parent
/// exists, there is no cycle, and every parent sits at a strictly coarser level than its child (at any coarser level,
/// not only the next). Problems raise <see cref="RegionTreeException"/>.</para>
/// <para>The root: when exactly one region has no parent and it sits at the ladder's coarsest level, it is the root.
/// Otherwise, if no parentless region sits at the coarsest level, an implicit root with id <see cref="ImplicitRootId"/>
/// is added at the coarsest level and the parentless regions hang from it (so countries without a <c>world</c> row
/// still form one tree). Several parentless regions at the coarsest level are an error.</para>
/// <para>Regions are indexed 0..<see cref="Count"/>-1 in the order given (the implicit root last); these indices are
/// what the network's arrays use.</para>
/// </remarks>
public sealed class RegionTree : IReadOnlyList<Region>
{
    /// <summary>The id of the implicit root added when the regions have no single root: <c>(world)</c>.</summary>
    public const string ImplicitRootId = "(world)";

    private readonly Region[] _regions;
    private readonly int[] _parent;
    private readonly int[] _depth;
    private readonly int[] _rank;
    private readonly IdIndex<Region> _ids;

    private RegionTree(RegionLadder ladder, Region[] regions, int[] parent, int[] depth, int[] rank, Dictionary<string, int> index, int root)
    {
        Ladder = ladder;
        _regions = regions;
        _parent = parent;
        _depth = depth;
        _rank = rank;
        _ids = new IdIndex<Region>(regions, index, "region");
        RootIndex = root;
    }

    /// <summary>The ladder the regions' levels come from.</summary>
    public RegionLadder Ladder { get; }

    /// <summary>The number of regions, the implicit root included.</summary>
    public int Count => _regions.Length;

    /// <summary>The index of the root region.</summary>
    public int RootIndex { get; }

    /// <summary>The root region.</summary>
    public Region Root => _regions[RootIndex];

    /// <summary>The region with index <paramref name="index"/>.</summary>
    /// <param name="index">A region index in [0, <see cref="Count"/>).</param>
    public Region this[int index] => _regions[index];

    /// <summary>The region with the given id.</summary>
    /// <param name="id">The region id (ordinal, case-sensitive).</param>
    /// <exception cref="KeyNotFoundException">No such region; the message suggests close ids.</exception>
    public Region this[string id] => _regions[IndexOf(id)];

    /// <summary>An empty tree on <paramref name="ladder"/>: only the implicit root.</summary>
    /// <param name="ladder">The ladder.</param>
    /// <returns>The tree.</returns>
    public static RegionTree Empty(RegionLadder ladder) => Build([], ladder);

    /// <summary>Builds and validates a tree.</summary>
    /// <param name="regions">The regions in any order (a parent may come after its child).</param>
    /// <param name="ladder">The ladder every region's level belongs to.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="RegionTreeException">A duplicate id, a level not on the ladder, an unknown parent, a cycle (listed),
    /// a parent not coarser than its child, or several roots at the coarsest level.</exception>
    public static RegionTree Build(IEnumerable<Region> regions, RegionLadder ladder) => Build(regions, ladder, null, null);

    /// <summary>A flat tree for data that names regions but has no tree: each distinct id (first occurrence order;
    /// <see cref="ImplicitRootId"/> left out) becomes a region at the ladder's finest level, named by its id, under the implicit root.</summary>
    /// <param name="regionIds">The region ids as met.</param>
    /// <param name="ladder">The ladder.</param>
    /// <param name="regionCount">How many regions the ids gave (the implicit root not counted).</param>
    internal static RegionTree Flat(IEnumerable<string> regionIds, RegionLadder ladder, out int regionCount)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var regions = new List<Region>();
        foreach (var id in regionIds)
        {
            if (id != ImplicitRootId && seen.Add(id))
            {
                regions.Add(new Region(id, id, ladder.Finest, null));
            }
        }

        regionCount = regions.Count;
        return Build(regions, ladder);
    }

    internal static RegionTree Build(IEnumerable<Region> regions, RegionLadder ladder, string? filePath, IReadOnlyList<long>? lines)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(ladder);
        var list = new List<Region>(regions);
        var index = new Dictionary<string, int>(list.Count + 1, StringComparer.Ordinal);
        long? Line(int i) => lines is null ? null : lines[i];

        for (var i = 0; i < list.Count; i++)
        {
            var r = list[i] ?? throw new ArgumentException("A region is null.", nameof(regions));
            if (string.IsNullOrWhiteSpace(r.Id))
            {
                throw new RegionTreeException(filePath, Line(i), "id", r.Id ?? string.Empty, "is empty; every region needs an id.");
            }

            if (!ladder.TryGetLevel(r.Level.Name, out var lvl) || lvl.Rank != r.Level.Rank)
            {
                throw new RegionTreeException(filePath, Line(i), "level", r.Level.Name,
                    $"is not a level of the ladder '{ladder.Name}'; its levels are {string.Join(", ", ladder.LevelNames())}.");
            }

            if (!index.TryAdd(r.Id, i))
            {
                var first = index[r.Id];
                throw new RegionTreeException(filePath, Line(i), "id", r.Id,
                    lines is null ? "is a duplicate region id." : $"is a duplicate region id; it first occurs on line {lines[first]}.");
            }
        }

        var n = list.Count;
        var parent = new int[n + 1];
        var roots = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var pid = list[i].ParentId;
            if (string.IsNullOrEmpty(pid))
            {
                parent[i] = -1;
                roots.Add(i);
            }
            else if (index.TryGetValue(pid, out var p))
            {
                parent[i] = p;
            }
            else
            {
                throw new RegionTreeException(filePath, Line(i), "parent", pid,
                    $"is not a known region id (parent of region '{list[i].Id}').{Suggestions.DidYouMean(Suggestions.Closest(pid, index.Keys))}");
            }
        }

        // Cycles: colour walk (0 = unvisited, 1 = on the current path, 2 = done).
        var state = new byte[n];
        var path = new List<int>();
        for (var s = 0; s < n; s++)
        {
            if (state[s] != 0)
            {
                continue;
            }

            path.Clear();
            var v = s;
            while (v >= 0 && state[v] == 0)
            {
                state[v] = 1;
                path.Add(v);
                v = parent[v];
            }

            if (v >= 0 && state[v] == 1)
            {
                var start = path.IndexOf(v);
                var cycle = new List<string>();
                for (var k = start; k < path.Count; k++)
                {
                    cycle.Add(list[path[k]].Id);
                }

                cycle.Add(list[v].Id);
                throw new RegionTreeException(filePath, Line(v), "parent", list[v].ParentId,
                    $"closes a cycle of regions: {string.Join(" -> ", cycle)}; a region cannot be its own ancestor.", cycle);
            }

            foreach (var p in path)
            {
                state[p] = 2;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var p = parent[i];
            if (p >= 0 && list[p].Level.Rank <= list[i].Level.Rank)
            {
                throw new RegionTreeException(filePath, Line(i), "parent", list[i].ParentId,
                    $"sits at level '{list[p].Level.Name}', which is not coarser than this region's level '{list[i].Level.Name}'; a parent must sit at a coarser level.");
            }
        }

        var coarsest = ladder.Coarsest;
        int root;
        var coarsestRoots = 0;
        foreach (var r in roots)
        {
            if (list[r].Level.Rank == coarsest.Rank)
            {
                coarsestRoots++;
            }
        }

        Region[] all;
        if (roots.Count == 1 && coarsestRoots == 1)
        {
            root = roots[0];
            all = list.ToArray();
            Array.Resize(ref parent, n);
        }
        else if (coarsestRoots == 0)
        {
            if (index.TryGetValue(ImplicitRootId, out var reserved))
            {
                throw new RegionTreeException(filePath, Line(reserved), "id", ImplicitRootId, "is reserved for the implicit root; rename the region.");
            }

            root = n;
            all = new Region[n + 1];
            list.CopyTo(all);
            all[n] = new Region(ImplicitRootId, "World", coarsest, null);
            index.Add(ImplicitRootId, n);
            parent[n] = -1;
            foreach (var r in roots)
            {
                parent[r] = n;
            }
        }
        else
        {
            var ids = new List<string>();
            foreach (var r in roots)
            {
                ids.Add(list[r].Id);
            }

            throw new RegionTreeException(filePath, null, "parent", null,
                $"has several roots ({string.Join(", ", ids.GetRange(0, Math.Min(5, ids.Count)))}{(ids.Count > 5 ? ", ..." : string.Empty)}) and one of them sits at the coarsest level '{coarsest.Name}'; give them one root region at level '{coarsest.Name}', or leave every root below that level so an implicit root is added.");
        }

        var count = all.Length;
        var depth = new int[count];
        var rank = new int[count];
        for (var i = 0; i < count; i++)
        {
            rank[i] = all[i].Level.Rank;
            depth[i] = -1;
        }

        depth[root] = 0;
        var stack = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var v = i;
            stack.Clear();
            while (depth[v] < 0)
            {
                stack.Add(v);
                v = parent[v];
            }

            var d = depth[v];
            for (var k = stack.Count - 1; k >= 0; k--)
            {
                depth[stack[k]] = ++d;
            }
        }

        return new RegionTree(ladder, all, parent, depth, rank, index, root);
    }

    /// <summary>The index of the region with the given id.</summary>
    /// <param name="id">The region id.</param>
    /// <returns>The index.</returns>
    /// <exception cref="KeyNotFoundException">No such region; the message suggests up to three close ids.</exception>
    public int IndexOf(string id) => _ids.IndexOf(id);

    /// <summary>Looks up a region index by id.</summary>
    /// <param name="id">The region id.</param>
    /// <param name="index">The index when found, else -1.</param>
    /// <returns>Whether the region exists.</returns>
    public bool TryGetIndex(string id, out int index) => _ids.TryGetIndex(id, out index);

    /// <summary>Looks up a region by id.</summary>
    /// <param name="id">The region id.</param>
    /// <param name="region">The region when found.</param>
    /// <returns>Whether the region exists.</returns>
    public bool TryGet(string id, [NotNullWhen(true)] out Region? region) => _ids.TryGet(id, out region);

    /// <summary>Whether a region with this id exists.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Up to three region ids close to <paramref name="id"/>, for "did you mean" messages.</summary>
    internal IReadOnlyList<string> Suggest(string id) => _ids.Suggest(id);

    /// <summary>The parent's index, or -1 for the root.</summary>
    /// <param name="index">A region index.</param>
    /// <returns>The parent index.</returns>
    public int ParentIndex(int index) => _parent[index];

    /// <summary>The depth (root = 0).</summary>
    /// <param name="index">A region index.</param>
    /// <returns>The number of edges from the root.</returns>
    public int Depth(int index) => _depth[index];

    /// <summary>The level rank of a region (0 = finest).</summary>
    /// <param name="index">A region index.</param>
    /// <returns>The rank.</returns>
    public int LevelRank(int index) => _rank[index];

    /// <summary>The ancestors of <paramref name="region"/>, from its parent up to the root (the region itself excluded).</summary>
    /// <param name="region">A region of this tree.</param>
    /// <returns>The ancestors, nearest first.</returns>
    public IEnumerable<Region> Ancestors(Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var v = _parent[IndexOf(region.Id)];
        while (v >= 0)
        {
            yield return _regions[v];
            v = _parent[v];
        }
    }

    /// <summary>The lowest common ancestor of two regions (a region is its own ancestor), in O(depth).</summary>
    /// <param name="a">A region.</param>
    /// <param name="b">Another region.</param>
    /// <returns>The deepest region that is an ancestor of both.</returns>
    public Region Lca(Region a, Region b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return _regions[LcaIndex(IndexOf(a.Id), IndexOf(b.Id))];
    }

    /// <summary>The lowest common ancestor of two regions by index, in O(depth): walk up from the deeper one, then both.</summary>
    /// <param name="a">A region index.</param>
    /// <param name="b">Another region index.</param>
    /// <returns>The index of the lowest common ancestor.</returns>
    public int LcaIndex(int a, int b)
    {
        var da = _depth[a];
        var db = _depth[b];
        while (da > db)
        {
            a = _parent[a];
            da--;
        }

        while (db > da)
        {
            b = _parent[b];
            db--;
        }

        while (a != b)
        {
            a = _parent[a];
            b = _parent[b];
        }

        return a;
    }

    /// <summary>The region at <paramref name="level"/> that contains <paramref name="region"/> (the region itself when it sits at that level).</summary>
    /// <param name="region">A region.</param>
    /// <param name="level">A level of the ladder.</param>
    /// <returns>The ancestor at that level, or <see langword="null"/> when the region sits above that level or its chain of
    /// parents skips it.</returns>
    public Region? AncestorAt(Region region, RegionLevel level)
    {
        ArgumentNullException.ThrowIfNull(region);
        var i = AncestorIndexAt(IndexOf(region.Id), level.Rank);
        return i < 0 ? null : _regions[i];
    }

    /// <summary>The region at <paramref name="level"/> (by id) that contains <paramref name="region"/>.</summary>
    /// <param name="region">A region.</param>
    /// <param name="level">A level id of the ladder, e.g. <c>country</c>.</param>
    /// <returns>The ancestor, or <see langword="null"/>.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    public Region? AncestorAt(Region region, string level) => AncestorAt(region, Ladder.GetLevel(level));

    /// <summary>The index of the ancestor at level <paramref name="rank"/>, or -1.</summary>
    /// <param name="index">A region index.</param>
    /// <param name="rank">A level rank.</param>
    /// <returns>The ancestor's index, or -1 when the region sits above the level or its parents skip it.</returns>
    public int AncestorIndexAt(int index, int rank)
    {
        var v = index;
        while (v >= 0 && _rank[v] < rank)
        {
            v = _parent[v];
        }

        return v >= 0 && _rank[v] == rank ? v : -1;
    }

    /// <summary>The regions at one level, in index order.</summary>
    /// <param name="level">A level id.</param>
    /// <returns>The regions.</returns>
    public IReadOnlyList<Region> RegionsAt(string level)
    {
        var rank = Ladder.GetLevel(level).Rank;
        var result = new List<Region>();
        for (var i = 0; i < _regions.Length; i++)
        {
            if (_rank[i] == rank)
            {
                result.Add(_regions[i]);
            }
        }

        return result;
    }

    /// <inheritdoc/>
    public IEnumerator<Region> GetEnumerator() => ((IEnumerable<Region>)_regions).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
