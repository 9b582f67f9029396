using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>Small networks for the brokerage and gatekeeper tests: graphs with a group attribute <c>g</c> (every innovator
/// in one city), and innovators placed in the regions of <see cref="TinyNetworks.WorldBuilder"/>.</summary>
internal static class GlocalTestNetworks
{
    /// <summary>A world-tree builder (<see cref="TinyNetworks.WorldBuilder"/>) holding firms with the given ids and home
    /// regions, ready for links.</summary>
    public static GlocalNetworkBuilder InWorld(params (string Id, string Region)[] innovators)
    {
        var b = TinyNetworks.WorldBuilder();
        foreach (var (id, region) in innovators)
        {
            b.AddInnovator(id, id.ToUpperInvariant(), InnovatorKind.Firm, region);
        }

        return b;
    }

    /// <summary>A triangle a, b, c inside Munich.</summary>
    public static GlocalNetwork TriangleInMunich() =>
        InWorld(("a", "Munich"), ("b", "Munich"), ("c", "Munich")).AddLink("a", "b").AddLink("b", "c").AddLink("a", "c").Build();

    /// <summary>A network from node ids, their groups (null: no group) and links (source, target, weight).</summary>
    public static GlocalNetwork Build(IReadOnlyList<string> ids, IReadOnlyList<string?> groups, IEnumerable<(string S, string T, double W)> links,
        bool directed)
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        for (var i = 0; i < ids.Count; i++)
        {
            var attrs = groups[i] is { } g ? new Dictionary<string, string> { ["g"] = g } : null;
            b.AddInnovator(ids[i], ids[i], InnovatorKind.Other, "R", attributes: attrs);
        }

        foreach (var (s, t, w) in links)
        {
            b.AddLink(s, t, LinkKind.Other, w, directed: directed);
        }

        return b.Build();
    }

    /// <summary>A seeded random graph: n nodes <c>v0..</c>, each arc (or edge) present with probability p, weights in
    /// {1, ..., 5} (or 1), groups <c>G0..</c> drawn among <paramref name="groupCount"/>.</summary>
    public static (List<string> Ids, List<string?> Groups, List<(string S, string T, double W)> Links) Random(
        ulong seed, int n, double p, int groupCount, bool directed, bool weighted)
    {
        var r = new SplitMix(seed);
        var ids = new List<string>(n);
        var groups = new List<string?>(n);
        for (var i = 0; i < n; i++)
        {
            ids.Add("v" + i.ToString(CultureInfo.InvariantCulture));
            groups.Add("G" + r.Next(groupCount).ToString(CultureInfo.InvariantCulture));
        }

        var links = new List<(string, string, double)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = directed ? 0 : i + 1; j < n; j++)
            {
                if (i != j && r.NextDouble() < p)
                {
                    links.Add((ids[i], ids[j], weighted ? 1 + r.Next(5) : 1.0));
                }
            }
        }

        return (ids, groups, links);
    }

    /// <summary>Brute force: every ordered 2-path a → b → c with no arc a → c, on the 0/1 (or valued) adjacency; ungrouped
    /// nodes (null) excluded. Returns [role][node] counts and valued sums (w_ab · w_bc).</summary>
    public static (double[][] Counts, double[][] Valued) BruteForce(IReadOnlyList<string?> groups, IReadOnlyList<(string S, string T, double W)> links,
        IReadOnlyList<string> ids, bool directed)
    {
        var n = ids.Count;
        var index = new Dictionary<string, int>();
        for (var i = 0; i < n; i++)
        {
            index[ids[i]] = i;
        }

        var w = new double[n, n];
        foreach (var (s, t, x) in links)
        {
            w[index[s], index[t]] += x;
            if (!directed)
            {
                w[index[t], index[s]] += x;
            }
        }

        var counts = new double[6][];
        var valued = new double[6][];
        for (var r = 0; r < 6; r++)
        {
            counts[r] = new double[n];
            valued[r] = new double[n];
        }

        for (var b = 0; b < n; b++)
        {
            for (var a = 0; a < n; a++)
            {
                for (var c = 0; c < n; c++)
                {
                    if (a == b || b == c || a == c || groups[a] is null || groups[b] is null || groups[c] is null
                        || w[a, b] == 0 || w[b, c] == 0 || w[a, c] != 0)
                    {
                        continue;
                    }

                    var (ga, gb, gc) = (groups[a], groups[b], groups[c]);
                    var role = ga == gb ? (gb == gc ? 0 : 2) : gb == gc ? 3 : ga == gc ? 1 : 4;
                    counts[role][b]++;
                    counts[5][b]++;
                    valued[role][b] += w[a, b] * w[b, c];
                    valued[5][b] += w[a, b] * w[b, c];
                }
            }
        }

        return (counts, valued);
    }
}
