using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Glocal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Evolution;

/// <summary>Options of <see cref="EvolutionBuilder.Formation"/>.</summary>
public sealed record FormationOptions
{
    /// <summary>Whether common neighbours are looked for in the previous slice only (<see langword="true"/>) instead of the
    /// cumulative network of every slice up to t.</summary>
    /// <value>The default value is <see langword="false"/>: the cumulative network up to t.</value>
    public bool PreviousSliceOnly { get; init; }

    /// <summary>The region level of the same-region share; <see langword="null"/>: the builder's level
    /// (<see cref="EvolutionBuilder.AtLevel"/>), else <see cref="InnovatorGroups.DefaultLevel"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>The link identity (unordered pair, ordered, by kind): the same as churn's.</summary>
    /// <value>The default value is <c>new ChurnOptions()</c>.</value>
    public ChurnOptions Identity { get; init; } = new();
}

/// <summary>
/// How new links form (DESIGN §2.13), per consecutive slice pair and pooled: the part <c>closure</c> (triadic closure
/// share) and the part <c>homophily</c> (same region, kind and organiser against the baseline of all active pairs). Rows
/// are keyed by the later slice's label, plus a pooled row <c>all</c>. Immutable.
/// </summary>
public sealed class FormationResult : CompositeResult
{
    /// <summary>The result's id.</summary>
    public const string Id = "formation";

    /// <summary>The part name of the closure table.</summary>
    public const string ClosurePart = "closure";

    /// <summary>The part name of the homophily table.</summary>
    public const string HomophilyPart = "homophily";

    internal FormationResult(GroupTable closure, GroupTable homophily, IReadOnlyDictionary<string, string> properties)
        : base(Id, [new(ClosurePart, closure), new(HomophilyPart, homophily)], properties)
    {
    }

    /// <summary>Columns <c>new-links</c> (first-time identities in t+1, self-loops aside), <c>between-present</c> (both ends
    /// present by t), <c>closed</c> (of those, ends with at least one common neighbour), <c>closure-share</c> =
    /// closed / between-present (NaN when 0), <c>adjacent</c> (ends already linked by another identity, e.g. another kind),
    /// <c>newcomer-present</c> (one end new in t+1) and <c>newcomer-newcomer</c> (both ends new).</summary>
    public GroupTable Closure => Part<GroupTable>(ClosurePart);

    /// <summary>For each attribute a = <c>region</c>, <c>kind</c>, <c>organiser</c>: <c>a.links</c> (new links where both
    /// ends have the attribute), <c>a.same</c>, <c>a.share</c> = same / links, <c>a.baseline</c> (the share of same-group
    /// pairs among all pairs of active innovators with the attribute) and <c>a.ratio</c> = share / baseline; plus
    /// <c>active</c> (innovators active in t+1) and <c>new-links</c>.</summary>
    public GroupTable Homophily => Part<GroupTable>(HomophilyPart);
}

/// <summary>Triadic closure and homophily of new links.</summary>
internal static class Formation
{
    private static readonly string[] ClosureColumns =
        ["new-links", "between-present", "closed", "closure-share", "adjacent", "newcomer-present", "newcomer-newcomer"];

    private static readonly string[] Attributes = ["region", "kind", "organiser"];

    public static FormationResult Compute(SliceSet slices, FormationOptions options, string? builderLevel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var t = slices.Count;
        var net = t > 0 ? slices[0].Network : null;
        var n = net?.Innovators.Count ?? 0;
        string? level = null;
        int[] region = [];
        int[] kind = [];
        Memberships? orgs = null;
        if (net is not null)
        {
            level = net.Ladder.GetLevel(options.Level ?? builderLevel ?? InnovatorGroups.DefaultLevel(net.Ladder)).Name;
            region = InnovatorGroups.ByLevel(net, level).GroupOf.ToArray();
            kind = InnovatorGroups.ByKind(net).GroupOf.ToArray();
            orgs = Memberships.Of(net);
        }

        var keys = SlicePairs.KeysOf(slices, options.Identity, cancellationToken);
        var rows = Math.Max(0, t - 1) + 1;
        var ids = new string[rows];
        var closure = new double[ClosureColumns.Length][];
        for (var c = 0; c < closure.Length; c++)
        {
            closure[c] = new double[rows];
        }

        // Homophily counters per attribute: links, same, baseline (and expected same = Σ links·baseline for the pooled row).
        var hLinks = new double[3, rows];
        var hSame = new double[3, rows];
        var hBase = new double[3, rows];
        var active = new double[rows];
        var newLinks = new double[rows];
        var cumulative = Array.Empty<UInt128>();
        var present = new bool[n];
        var groupsBuffer = new int[n];
        for (var s = 0; s + 1 < t; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var r = s;
            ids[r] = slices[s + 1].Label;
            cumulative = SlicePairs.Union(cumulative, keys[s]);
            foreach (var key in keys[s])
            {
                var (a, b) = SlicePairs.Ends(key);
                present[a] = present[b] = true;
            }

            CsrGraph? g = null; // built on the first new link between present innovators
            var fresh = SlicePairs.Except(keys[s + 1], cumulative);
            foreach (var key in fresh)
            {
                var (a, b) = SlicePairs.Ends(key);
                if (a == b)
                {
                    continue;
                }

                closure[0][r]++;
                if (present[a] && present[b])
                {
                    closure[1][r]++;
                    g ??= Undirected(options.PreviousSliceOnly ? keys[s] : cumulative, n);
                    var (common, adjacent) = CommonNeighbour(g, a, b);
                    closure[2][r] += common ? 1 : 0;
                    closure[4][r] += adjacent ? 1 : 0;
                }
                else if (present[a] || present[b])
                {
                    closure[5][r]++;
                }
                else
                {
                    closure[6][r]++;
                }

                Tally(0, region[a], region[b]);
                Tally(1, kind[a], kind[b]);
                if (orgs!.Has(a) && orgs.Has(b))
                {
                    hLinks[2, r]++;
                    hSame[2, r] += orgs.Share(a, b) ? 1 : 0;
                }
            }

            newLinks[r] = closure[0][r];

            // Baselines over the innovators active in t+1.
            var act = ActiveIn(keys[s + 1], n);
            active[r] = act.Length;
            hBase[0, r] = SameGroupShare(act, region, groupsBuffer);
            hBase[1, r] = SameGroupShare(act, kind, groupsBuffer);
            hBase[2, r] = orgs!.SharedPairShare(act, cancellationToken);

            void Tally(int attr, int ga, int gb)
            {
                if (ga >= 0 && gb >= 0)
                {
                    hLinks[attr, r]++;
                    hSame[attr, r] += ga == gb ? 1 : 0;
                }
            }
        }

        // The pooled row: counts summed; the baseline is the expected share Σ links_t · baseline_t / Σ links_t.
        var all = rows - 1;
        ids[all] = "all";
        for (var r = 0; r < all; r++)
        {
            for (var c = 0; c < closure.Length; c++)
            {
                closure[c][all] += closure[c][r];
            }

            for (var a = 0; a < 3; a++)
            {
                hLinks[a, all] += hLinks[a, r];
                hSame[a, all] += hSame[a, r];
                hBase[a, all] += hLinks[a, r] > 0 ? hLinks[a, r] * hBase[a, r] : 0;
            }

            active[all] += active[r];
            newLinks[all] += newLinks[r];
        }

        for (var a = 0; a < 3; a++)
        {
            hBase[a, all] = hLinks[a, all] > 0 ? hBase[a, all] / hLinks[a, all] : double.NaN;
        }

        for (var r = 0; r < rows; r++)
        {
            closure[3][r] = closure[1][r] > 0 ? closure[2][r] / closure[1][r] : double.NaN;
        }

        var closureCols = new List<KeyValuePair<string, double[]>>();
        for (var c = 0; c < ClosureColumns.Length; c++)
        {
            closureCols.Add(new(ClosureColumns[c], closure[c]));
        }

        var homCols = new List<KeyValuePair<string, double[]>> { new("new-links", newLinks), new("active", active) };
        for (var a = 0; a < 3; a++)
        {
            var (links, same, share, baseline, ratio) = (new double[rows], new double[rows], new double[rows], new double[rows], new double[rows]);
            for (var r = 0; r < rows; r++)
            {
                (links[r], same[r], baseline[r]) = (hLinks[a, r], hSame[a, r], hBase[a, r]);
                share[r] = links[r] > 0 ? same[r] / links[r] : double.NaN;
                ratio[r] = baseline[r] > 0 ? share[r] / baseline[r] : double.NaN;
            }

            var p = Attributes[a] + ".";
            homCols.Add(new(p + "links", links));
            homCols.Add(new(p + "same", same));
            homCols.Add(new(p + "share", share));
            homCols.Add(new(p + "baseline", baseline));
            homCols.Add(new(p + "ratio", ratio));
        }

        var props = new Dictionary<string, string>
        {
            ["mode"] = slices.Mode.ToString(),
            ["closure-network"] = options.PreviousSliceOnly ? "previous-slice" : "cumulative",
            ["level"] = level ?? string.Empty,
            ["identity"] = SlicePairs.IdentityText(options.Identity),
            ["organisers"] = (net?.Organisers.Count ?? 0).ToString(CultureInfo.InvariantCulture),
            ["undated-excluded"] = slices.Report.UndatedExcluded.ToString(CultureInfo.InvariantCulture),
        };
        return new FormationResult(
            new GroupTable(FormationResult.Id, "slice", ids, closureCols, props),
            new GroupTable(FormationResult.Id, "slice", ids, homCols, props),
            props);
    }

    /// <summary>The simple undirected graph of identity keys (direction and kind dropped, self-loops ignored); rows sorted.</summary>
    private static CsrGraph Undirected(UInt128[] keys, int n)
    {
        var src = new int[keys.Length];
        var tgt = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            (src[i], tgt[i]) = SlicePairs.Ends(keys[i]);
        }

        return CsrGraph.Build(src, tgt, [], n, directed: false, ParallelLinkPolicy.First, SelfLoopPolicy.Ignore);
    }

    /// <summary>Whether a and b have a common neighbour (merge of the sorted rows) and whether they are adjacent already.</summary>
    internal static (bool Common, bool Adjacent) CommonNeighbour(CsrGraph g, int a, int b)
    {
        var x = g.Neighbors(a);
        var y = g.Neighbors(b);
        int i = 0, j = 0;
        var adjacent = x.BinarySearch(b) >= 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                return (true, adjacent);
            }

            if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (false, adjacent);
    }

    /// <summary>The innovators that are an end of a key (self-loops included), ascending.</summary>
    private static int[] ActiveIn(UInt128[] keys, int n)
    {
        var seen = new bool[n];
        var count = 0;
        foreach (var key in keys)
        {
            var (a, b) = SlicePairs.Ends(key);
            count += seen[a] ? 0 : 1;
            seen[a] = true;
            count += seen[b] ? 0 : 1;
            seen[b] = true;
        }

        var r = new int[count];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            if (seen[i])
            {
                r[k++] = i;
            }
        }

        return r;
    }

    /// <summary>Σ_g n_g(n_g − 1)/2 / C(n, 2) over the active innovators with a group (n of them); NaN when n &lt; 2.</summary>
    internal static double SameGroupShare(int[] active, int[] group, int[] buffer)
    {
        Array.Clear(buffer);
        double n = 0, same = 0;
        foreach (var i in active)
        {
            var g = group[i];
            if (g >= 0)
            {
                same += buffer[g]++;
                n++;
            }
        }

        return n < 2 ? double.NaN : same / (n * (n - 1) / 2);
    }

    /// <summary>Organiser memberships with the baseline share of pairs that share an organiser.</summary>
    private sealed class Memberships(OrganiserMemberships m)
    {
        public static Memberships Of(GlocalNetwork net) => new(OrganiserMemberships.Of(net));

        public bool Has(int i) => m.IsMember(i);

        public bool Share(int a, int b) => m.Share(a, b);

        /// <summary>Among the pairs of active innovators that belong to at least one organiser, the share that share one
        /// (exact with overlapping organisers; equal to Σ_g n_g(n_g − 1)/2 / C(n, 2) when organisers are disjoint). Time
        /// Σ_i Σ_{O ∋ i} |O| over active members i.</summary>
        public double SharedPairShare(int[] active, CancellationToken cancellationToken)
        {
            var (orgStart, orgOf, memberStart, memberOf) = (m.OrgStart, m.OrgOf, m.MemberStart, m.Members);
            var n = orgStart.Length - 1;
            var isActive = new bool[n];
            double members = 0;
            foreach (var i in active)
            {
                if (Has(i))
                {
                    isActive[i] = true;
                    members++;
                }
            }

            if (members < 2)
            {
                return double.NaN;
            }

            var stamp = new int[n];
            double pairs = 0;
            var visited = 0;
            foreach (var i in active)
            {
                if (!isActive[i])
                {
                    continue;
                }

                if ((++visited & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                for (var p = orgStart[i]; p < orgStart[i + 1]; p++)
                {
                    var o = orgOf[p];
                    for (var q = memberStart[o]; q < memberStart[o + 1]; q++)
                    {
                        var j = memberOf[q];
                        if (j > i && isActive[j] && stamp[j] != i + 1)
                        {
                            stamp[j] = i + 1;
                            pairs++;
                        }
                    }
                }
            }

            return pairs / (members * (members - 1) / 2);
        }
    }
}
