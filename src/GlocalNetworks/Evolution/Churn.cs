using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Evolution;

/// <summary>Options of <see cref="EvolutionBuilder.Churn"/>.</summary>
public sealed record ChurnOptions
{
    /// <summary>Whether a link's identity includes its kind (a co-patent and a joint project between the same pair are then
    /// two links).</summary>
    /// <value>The default value is <see langword="false"/>: the identity is the innovator pair only.</value>
    public bool ByKind { get; init; }

    /// <summary>Whether identities are ordered pairs: <see langword="true"/> for all links, <see langword="false"/> for none,
    /// <see langword="null"/> to follow each link's own <see cref="KnowledgeLink.Directed"/> flag.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>
/// Change between consecutive slices (DESIGN §2.13): the part <c>transitions</c> has one row per slice after the first
/// (keyed by its label) with entering, leaving and persisting links and innovators, Jaccard, persistence and the scale
/// composition of entering versus leaving links; the part <c>survival</c> has one row per birth cohort with S(τ) and the
/// half-life, and a pooled row <c>all</c>. Immutable.
/// </summary>
public sealed class ChurnResult : CompositeResult
{
    /// <summary>The result's id.</summary>
    public const string Id = "churn";

    /// <summary>The part name of the transition table.</summary>
    public const string TransitionsPart = "transitions";

    /// <summary>The part name of the survival table.</summary>
    public const string SurvivalPart = "survival";

    internal ChurnResult(GroupTable transitions, GroupTable survival, IReadOnlyList<TimeSlice> slices, IReadOnlyDictionary<string, string> properties)
        : base(Id, [new(TransitionsPart, transitions), new(SurvivalPart, survival)], properties)
    {
        Slices = slices;
    }

    /// <summary>One row per consecutive slice pair (keyed by the later slice's label).</summary>
    public GroupTable Transitions => Part<GroupTable>(TransitionsPart);

    /// <summary>One row per birth cohort (keyed by the birth slice's label) and the pooled row <c>all</c>.</summary>
    public GroupTable Survival => Part<GroupTable>(SurvivalPart);

    /// <summary>The slices compared, in time order.</summary>
    public IReadOnlyList<TimeSlice> Slices { get; }
}

/// <summary>Link identities of each slice and the churn between them.</summary>
internal static class Churn
{
    /// <summary>The distinct link identities of one slice, sorted, with the summed weight, the scale and the resolution flag
    /// of each.</summary>
    internal sealed class Identities
    {
        public required UInt128[] Keys { get; init; }

        public required double[] Weights { get; init; }

        public required Scale[] Scales { get; init; }

        public required bool[] Limited { get; init; }

        public required int[] Innovators { get; init; }
    }

    /// <summary>The identity of a link: unordered pair (ordered if directed), crossed with the kind when asked.</summary>
    public static UInt128 Key(int source, int target, LinkKind kind, bool directed, bool byKind)
    {
        var (a, b) = directed || source <= target ? (source, target) : (target, source);
        var extra = (byKind ? ((ulong)kind + 1) << 1 : 0UL) | (directed ? 1UL : 0UL);
        return ((UInt128)extra << 64) | ((ulong)(uint)a << 32) | (uint)b;
    }

    public static Identities Of(GlocalNetwork net, ChurnOptions options)
    {
        var links = net.Links;
        var m = links.Count;
        var src = links.Sources;
        var tgt = links.Targets;
        var kinds = links.Kinds;
        var dir = links.Directed;
        var w = links.Weights;
        var sc = net.LinkScales;
        var lim = net.LinkResolutionLimited;
        var keys = new UInt128[m];
        var order = new int[m];
        for (var l = 0; l < m; l++)
        {
            keys[l] = Key(src[l], tgt[l], kinds[l], options.Directed ?? dir[l], options.ByKind);
            order[l] = l;
        }

        Array.Sort(keys, order);
        var u = 0;
        for (var l = 0; l < m; l++)
        {
            u += l == 0 || keys[l] != keys[l - 1] ? 1 : 0;
        }

        var uk = new UInt128[u];
        var uw = new double[u];
        var us = new Scale[u];
        var ul = new bool[u];
        var k = -1;
        for (var l = 0; l < m; l++)
        {
            var o = order[l];
            if (l == 0 || keys[l] != keys[l - 1])
            {
                k++;
                uk[k] = keys[l];
                us[k] = sc[o];
                ul[k] = lim[o];
            }

            uw[k] += w[o];
        }

        // Active innovators: the ends of the slice's links, sorted and distinct.
        var ends = new int[2 * m];
        for (var l = 0; l < m; l++)
        {
            ends[2 * l] = src[l];
            ends[(2 * l) + 1] = tgt[l];
        }

        Array.Sort(ends);
        var n = 0;
        for (var i = 0; i < ends.Length; i++)
        {
            if (i == 0 || ends[i] != ends[i - 1])
            {
                ends[n++] = ends[i];
            }
        }

        return new Identities { Keys = uk, Weights = uw, Scales = us, Limited = ul, Innovators = ends[..n] };
    }

    public static ChurnResult Compute(SliceSet slices, ChurnOptions options, CancellationToken cancellationToken)
    {
        var t = slices.Count;
        var sets = new Identities[t];
        for (var s = 0; s < t; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sets[s] = Of(slices[s].Network, options);
        }

        var scales = t > 0 ? ScaleTally.ScalesOf(slices[0].Network) : [];
        var rows = Math.Max(0, t - 1);
        var ids = new string[rows];
        string[] names =
        [
            "previous-links", "links", "entering", "leaving", "persisting", "jaccard", "persistence",
            "previous-innovators", "innovators", "innovators.entering", "innovators.leaving", "innovators.persisting",
        ];
        var cols = new double[names.Length][];
        for (var c = 0; c < cols.Length; c++)
        {
            cols[c] = new double[rows];
        }

        var tally = new ScaleTally(scales, 2 * rows);
        var cohorts = new UInt128[t][];
        for (var s = 1; s < t; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var r = s - 1;
            ids[r] = slices[s].Label;
            var (prev, cur) = (sets[s - 1], sets[s]);
            var entering = new List<UInt128>();
            int i = 0, j = 0, persisting = 0;
            while (i < prev.Keys.Length || j < cur.Keys.Length)
            {
                var cmp = i == prev.Keys.Length ? 1 : j == cur.Keys.Length ? -1 : prev.Keys[i].CompareTo(cur.Keys[j]);
                if (cmp == 0)
                {
                    persisting++;
                    i++;
                    j++;
                }
                else if (cmp < 0)
                {
                    tally.Add((2 * r) + 1, prev.Scales[i], prev.Weights[i], prev.Limited[i]);
                    i++;
                }
                else
                {
                    tally.Add(2 * r, cur.Scales[j], cur.Weights[j], cur.Limited[j]);
                    entering.Add(cur.Keys[j]);
                    j++;
                }
            }

            cohorts[s] = [.. entering];
            double p = prev.Keys.Length, c = cur.Keys.Length;
            var union = p + c - persisting;
            var innPersisting = CountCommon(prev.Innovators, cur.Innovators);
            cols[0][r] = p;
            cols[1][r] = c;
            cols[2][r] = c - persisting;
            cols[3][r] = p - persisting;
            cols[4][r] = persisting;
            cols[5][r] = union == 0 ? double.NaN : persisting / union;
            cols[6][r] = p == 0 ? double.NaN : persisting / p;
            cols[7][r] = prev.Innovators.Length;
            cols[8][r] = cur.Innovators.Length;
            cols[9][r] = cur.Innovators.Length - innPersisting;
            cols[10][r] = prev.Innovators.Length - innPersisting;
            cols[11][r] = innPersisting;
        }

        var columns = new List<KeyValuePair<string, double[]>>();
        for (var c = 0; c < names.Length; c++)
        {
            columns.Add(new(names[c], cols[c]));
        }

        // The scale mix of entering (even tally rows) versus leaving links (odd rows), with scale-mix's columns.
        var even = new int[rows];
        var odd = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            even[r] = 2 * r;
            odd[r] = (2 * r) + 1;
        }

        foreach (var (prefix, sel) in new[] { ("entering.", even), ("leaving.", odd) })
        {
            foreach (var (name, values) in tally.RowCompositionColumns(sel))
            {
                if (name != "links")
                {
                    columns.Add(new(prefix + name, values));
                }
            }
        }

        var props = new Dictionary<string, string>
        {
            ["mode"] = slices.Mode.ToString(),
            ["identity"] = (options.ByKind ? "pair+kind" : "pair") + (options.Directed switch { true => ",ordered", false => ",unordered", null => ",per-link" }),
            ["slices"] = t.ToString(CultureInfo.InvariantCulture),
            ["undated-excluded"] = slices.Report.UndatedExcluded.ToString(CultureInfo.InvariantCulture),
            ["scales"] = ScaleTally.ScaleList(scales),
        };
        var transitions = new GroupTable(ChurnResult.Id, "slice", ids, columns, props);
        return new ChurnResult(transitions, Survival(slices, sets, cohorts, props), [.. slices], props);
    }

    /// <summary>S(τ) per cohort: the share of the links entering at slice t0 that are present in slice t0 + τ; the pooled
    /// row sums survivors and cohort sizes over the cohorts observed at τ. Half-life: the first τ ≥ 1 with S ≤ 0.5.</summary>
    private static GroupTable Survival(SliceSet slices, Identities[] sets, UInt128[][] cohorts, Dictionary<string, string> props)
    {
        var t = slices.Count;
        var maxTau = Math.Max(0, t - 2);
        var rows = Math.Max(0, t - 1) + 1;
        var ids = new string[rows];
        var born = new double[rows];
        var surv = new double[maxTau + 1][];
        for (var k = 0; k <= maxTau; k++)
        {
            surv[k] = new double[rows];
            Array.Fill(surv[k], double.NaN);
        }

        var pooledAlive = new double[maxTau + 1];
        var pooledSize = new double[maxTau + 1];
        for (var s = 1; s < t; s++)
        {
            var r = s - 1;
            var cohort = cohorts[s];
            ids[r] = slices[s].Label;
            born[r] = cohort.Length;
            for (var tau = 0; s + tau < t; tau++)
            {
                var alive = CountCommon(cohort, sets[s + tau].Keys);
                surv[tau][r] = cohort.Length == 0 ? double.NaN : (double)alive / cohort.Length;
                pooledAlive[tau] += alive;
                pooledSize[tau] += cohort.Length;
            }
        }

        var all = rows - 1;
        ids[all] = "all";
        for (var tau = 0; tau <= maxTau; tau++)
        {
            born[all] += tau == 0 ? pooledSize[0] : 0;
            surv[tau][all] = pooledSize[tau] == 0 ? double.NaN : pooledAlive[tau] / pooledSize[tau];
        }

        var halfLife = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            halfLife[r] = double.NaN;
            for (var tau = 1; tau <= maxTau; tau++)
            {
                if (surv[tau][r] <= 0.5)
                {
                    halfLife[r] = tau;
                    break;
                }
            }
        }

        var columns = new List<KeyValuePair<string, double[]>> { new("born", born) };
        for (var tau = 0; tau <= maxTau; tau++)
        {
            columns.Add(new("s." + tau.ToString(CultureInfo.InvariantCulture), surv[tau]));
        }

        columns.Add(new("half-life", halfLife));
        return new GroupTable(ChurnResult.Id, "cohort", ids, columns, props);
    }

    private static int CountCommon<T>(T[] a, T[] b)
        where T : IComparable<T>
    {
        int i = 0, j = 0, c = 0;
        while (i < a.Length && j < b.Length)
        {
            var cmp = a[i].CompareTo(b[j]);
            if (cmp == 0)
            {
                c++;
                i++;
                j++;
            }
            else if (cmp < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return c;
    }
}
