using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Metrics;
using GlocalNetworks.Statistics;

namespace GlocalNetworks.Evolution;

/// <summary>Options of <see cref="EvolutionBuilder.Attachment"/>.</summary>
public sealed record AttachmentOptions
{
    /// <summary>The default <see cref="Delta"/>.</summary>
    public const int DefaultDelta = 1;

    /// <summary>The default <see cref="MinNodes"/>.</summary>
    public const int DefaultMinNodes = 5;

    /// <summary>How many slices ahead the later snapshot lies: pair (t, t + Δ) counts the links formed in slices t+1..t+Δ.</summary>
    /// <value>The default value is <see cref="DefaultDelta"/> (1).</value>
    public int Delta { get; init; } = DefaultDelta;

    /// <summary>The smallest N_k for a degree k to enter a fit (Jeong et al. and Newman alike).</summary>
    /// <value>The default value is <see cref="DefaultMinNodes"/> (5).</value>
    public int MinNodes { get; init; } = DefaultMinNodes;

    /// <summary>Whether the snapshot at t is the cumulative network of every slice up to t (<see langword="true"/>) or
    /// slice t alone. Links of innovation networks are mostly one-year events (a co-patent, a project start), so a
    /// yearly slice holds one year's activity and its degrees are small and noisy, and most innovators active earlier
    /// would count as newcomers; the cumulative network measures the connectivity accumulated so far, which is what the
    /// rich-get-richer hypothesis is about (Jeong et al. 2003 measure degree in the cumulative network too).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Cumulative { get; init; } = true;

    /// <summary>The link identity (unordered pair, ordered, by kind): the same as churn's.</summary>
    /// <value>The default value is <c>new ChurnOptions()</c>: the unordered innovator pair (ordered for directed links).</value>
    public ChurnOptions Identity { get; init; } = new();
}

/// <summary>
/// Preferential attachment estimated from the data (DESIGN §2.13): Jeong, Néda and Barabási's cumulative κ(k) and
/// Newman's R(k), per consecutive slice pair and pooled. Parts: <c>degrees</c> (one row per pair and degree, keyed
/// <c>label|k</c>, and pooled rows <c>all|k</c>), <c>pairs</c> (one row per pair, keyed by the later slice's label, and a
/// pooled row <c>all</c>) and <c>network</c> (the pooled fits). Immutable.
/// </summary>
public sealed class AttachmentResult : CompositeResult
{
    /// <summary>The result's id.</summary>
    public const string Id = "attachment";

    /// <summary>The part name of the per-degree table.</summary>
    public const string DegreesPart = "degrees";

    /// <summary>The part name of the per-pair table.</summary>
    public const string PairsPart = "pairs";

    /// <summary>The part name of the pooled fits.</summary>
    public const string NetworkPart = "network";

    internal AttachmentResult(GroupTable degrees, GroupTable pairs, ScalarResult network, IReadOnlyDictionary<string, string> properties)
        : base(Id, [new(DegreesPart, degrees), new(PairsPart, pairs), new(NetworkPart, network)], properties)
    {
    }

    /// <summary>Per pair and degree k (rows <c>label|k</c>; pooled rows <c>all|k</c>): <c>k</c>, <c>nodes</c> (N_k),
    /// <c>jeong.ends</c> (A_k from newcomer-to-old links), <c>jeong.pi</c> (Π = A_k/N_k), <c>jeong.kappa</c> (κ(k)),
    /// <c>jeong.fitted</c> (1 when the point is in the fit), <c>newman.ends</c> (A_k from every new link),
    /// <c>newman.r</c> (R = A_k/N_k), <c>newman.fitted</c>. Only degrees with N_k &gt; 0 have rows.</summary>
    public GroupTable Degrees => Part<GroupTable>(DegreesPart);

    /// <summary>Per pair (keyed by the later slice's label; pooled row <c>all</c>): <c>old-nodes</c>, <c>new-links</c>,
    /// <c>newcomer-old-links</c>, <c>old-old-links</c>, <c>newcomer-links</c> (both ends newcomers), <c>jeong.alpha</c>,
    /// <c>jeong.se</c>, <c>jeong.points</c>, <c>newman.alpha</c>, <c>newman.se</c>, <c>newman.points</c>.</summary>
    public GroupTable Pairs => Part<GroupTable>(PairsPart);

    /// <summary>The pooled fits: <c>jeong.alpha</c>, <c>jeong.se</c>, <c>jeong.points</c>, <c>newman.alpha</c>,
    /// <c>newman.se</c>, <c>newman.points</c>, <c>pairs</c> (slice pairs pooled), <c>new-links</c>.</summary>
    public ScalarResult Network => Part<ScalarResult>(NetworkPart);

    /// <summary>The pooled Jeong et al. exponent α̂ = slope − 1 of ln κ on ln k.</summary>
    public double AlphaJeong => Network["jeong.alpha"];

    /// <summary>The pooled Newman exponent α̂ = slope of ln R on ln k.</summary>
    public double AlphaNewman => Network["newman.alpha"];
}

/// <summary>The one-regressor least-squares slope with its conventional standard error, by <see cref="Ols"/>.</summary>
internal static class SlopeFit
{
    /// <summary>OLS of y on a + b·x (<see cref="Ols.Fit(IReadOnlyList{double}, IReadOnlyList{double}, string)"/>): the slope b and
    /// its conventional SE √(s² / Σ(x−x̄)²), s² = Σ ê² / (n − 2). Where a fit is undefined the estimates say so instead of
    /// throwing, as a per-slice statistic must: fewer than two points or no spread in x give a NaN slope; two points a NaN SE.</summary>
    /// <param name="x">The regressor.</param>
    /// <param name="y">The response, same length.</param>
    /// <returns>The slope and its SE.</returns>
    public static (double Slope, double Se) Fit(double[] x, double[] y)
    {
        if (x.Length < 2 || !HasSpread(x))
        {
            return (double.NaN, double.NaN);
        }

        var fit = Ols.Fit(x, y);
        return (fit.Coefficients[1], x.Length == 2 ? double.NaN : fit.Inference(OlsCovariance.Conventional).StandardErrors[1]);
    }

    private static bool HasSpread(double[] x)
    {
        for (var i = 1; i < x.Length; i++)
        {
            if (x[i] != x[0])
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The link sets of slice pairs: the snapshot at t and the links new in (t, t + Δ], as sorted identity keys.</summary>
internal static class SlicePairs
{
    /// <summary>The link identity as churn writes it in its properties: <c>pair</c> or <c>pair+kind</c>, then
    /// <c>,ordered</c>, <c>,unordered</c> or <c>,per-link</c>.</summary>
    public static string IdentityText(ChurnOptions identity) =>
        (identity.ByKind ? "pair+kind" : "pair") + (identity.Directed switch { true => ",ordered", false => ",unordered", null => ",per-link" });

    /// <summary>The two innovator indices of an identity key (<see cref="Churn.Key"/>).</summary>
    public static (int A, int B) Ends(UInt128 key) => ((int)(uint)(ulong)(key >> 32), (int)(uint)(ulong)key);

    /// <summary>The sorted union of two sorted distinct key arrays.</summary>
    public static UInt128[] Union(UInt128[] a, UInt128[] b)
    {
        if (a.Length == 0)
        {
            return b;
        }

        if (b.Length == 0)
        {
            return a;
        }

        // Two passes (count, then fill) so the result is allocated once at its exact size.
        var r = Array.Empty<UInt128>();
        for (var pass = 0; pass < 2; pass++)
        {
            int i = 0, j = 0, k = 0;
            while (i < a.Length || j < b.Length)
            {
                var cmp = i == a.Length ? 1 : j == b.Length ? -1 : a[i].CompareTo(b[j]);
                if (pass == 1)
                {
                    r[k] = cmp <= 0 ? a[i] : b[j];
                }

                k++;
                i += cmp <= 0 ? 1 : 0;
                j += cmp >= 0 ? 1 : 0;
            }

            r = pass == 0 ? new UInt128[k] : r;
        }

        return r;
    }

    /// <summary>The keys of sorted <paramref name="a"/> that are not in sorted <paramref name="b"/>.</summary>
    public static UInt128[] Except(UInt128[] a, UInt128[] b)
    {
        var r = new List<UInt128>();
        var j = 0;
        foreach (var x in a)
        {
            while (j < b.Length && b[j] < x)
            {
                j++;
            }

            if (j == b.Length || b[j] != x)
            {
                r.Add(x);
            }
        }

        return [.. r];
    }

    /// <summary>The number of identities at each innovator (self-loops ignored).</summary>
    public static int[] Degrees(UInt128[] keys, int n)
    {
        var deg = new int[n];
        foreach (var key in keys)
        {
            var (a, b) = Ends(key);
            if (a != b)
            {
                deg[a]++;
                deg[b]++;
            }
        }

        return deg;
    }

    /// <summary>The identity keys of every slice.</summary>
    public static UInt128[][] KeysOf(SliceSet slices, ChurnOptions identity, CancellationToken cancellationToken)
    {
        var keys = new UInt128[slices.Count][];
        for (var s = 0; s < keys.Length; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            keys[s] = Churn.Of(slices[s].Network, identity).Keys;
        }

        return keys;
    }
}

/// <summary>Preferential attachment: the counts A_k and N_k per slice pair and the log-log fits.</summary>
internal static class Attachment
{
    private static readonly string[] DegreeColumns =
        ["k", "nodes", "jeong.ends", "jeong.pi", "jeong.kappa", "jeong.fitted", "newman.ends", "newman.r", "newman.fitted"];

    private static readonly string[] PairColumns =
    [
        "old-nodes", "new-links", "newcomer-old-links", "old-old-links", "newcomer-links",
        "jeong.alpha", "jeong.se", "jeong.points", "newman.alpha", "newman.se", "newman.points",
    ];

    public static AttachmentResult Compute(SliceSet slices, AttachmentOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Delta, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinNodes, 1);
        var t = slices.Count;
        var n = t > 0 ? slices[0].Network.Innovators.Count : 0;
        var keys = SlicePairs.KeysOf(slices, options.Identity, cancellationToken);
        var degreeRows = new List<string>();
        var degreeCols = NewColumns(DegreeColumns.Length);
        var pairRows = new List<string>();
        var pairCols = NewColumns(PairColumns.Length);
        var poolNodes = new List<double>();
        var poolJeong = new List<double>();
        var poolNewman = new List<double>();
        var pooledLinks = new double[5];
        var pairs = 0;
        var cumulative = Array.Empty<UInt128>();
        for (var s = 0; s + options.Delta < t; s++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            cumulative = SlicePairs.Union(cumulative, keys[s]);
            var snapshot = options.Cumulative ? cumulative : keys[s];
            var later = Array.Empty<UInt128>();
            for (var u = s + 1; u <= s + options.Delta; u++)
            {
                later = SlicePairs.Union(later, keys[u]);
            }

            var fresh = SlicePairs.Except(later, snapshot);
            var deg = SlicePairs.Degrees(snapshot, n);
            var kmax = 0;
            foreach (var d in deg)
            {
                kmax = Math.Max(kmax, d);
            }

            var nodes = new double[kmax + 1];
            var jeong = new double[kmax + 1];
            var newman = new double[kmax + 1];
            double oldNodes = 0, newOld = 0, oldOld = 0, newNew = 0, links = 0;
            foreach (var d in deg)
            {
                if (d > 0)
                {
                    nodes[d]++;
                    oldNodes++;
                }
            }

            foreach (var key in fresh)
            {
                var (a, b) = SlicePairs.Ends(key);
                if (a == b)
                {
                    continue;
                }

                links++;
                var (da, db) = (deg[a], deg[b]);
                newman[da] += da > 0 ? 1 : 0;
                newman[db] += db > 0 ? 1 : 0;
                if (da > 0 && db > 0)
                {
                    oldOld++;
                }
                else if (da > 0 || db > 0)
                {
                    newOld++;
                    jeong[Math.Max(da, db)]++;
                }
                else
                {
                    newNew++;
                }
            }

            var label = slices[s + options.Delta].Label;
            AddPair(label, nodes, jeong, newman, [oldNodes, links, newOld, oldOld, newNew]);
            Accumulate(poolNodes, nodes);
            Accumulate(poolJeong, jeong);
            Accumulate(poolNewman, newman);
            pooledLinks[1] += links;
            pooledLinks[2] += newOld;
            pooledLinks[3] += oldOld;
            pooledLinks[4] += newNew;
            pairs++;
        }

        // The pooled row: old-nodes is the sum over pairs (node-pair observations), like N_k.
        foreach (var x in poolNodes)
        {
            pooledLinks[0] += x;
        }

        var pooled = AddPair("all", [.. poolNodes], [.. poolJeong], [.. poolNewman], pooledLinks);
        var props = new Dictionary<string, string>
        {
            ["mode"] = slices.Mode.ToString(),
            ["delta"] = options.Delta.ToString(CultureInfo.InvariantCulture),
            ["min-nodes"] = options.MinNodes.ToString(CultureInfo.InvariantCulture),
            ["snapshot"] = options.Cumulative ? "cumulative" : "slice",
            ["identity"] = SlicePairs.IdentityText(options.Identity),
            ["pairs"] = pairs.ToString(CultureInfo.InvariantCulture),
            ["undated-excluded"] = slices.Report.UndatedExcluded.ToString(CultureInfo.InvariantCulture),
        };
        var network = new ScalarResult(AttachmentResult.Id,
        [
            new("jeong.alpha", pooled.JeongAlpha), new("jeong.se", pooled.JeongSe), new("jeong.points", pooled.JeongPoints),
            new("newman.alpha", pooled.NewmanAlpha), new("newman.se", pooled.NewmanSe), new("newman.points", pooled.NewmanPoints),
            new("pairs", pairs), new("new-links", pooledLinks[1]),
        ], props);
        return new AttachmentResult(
            new GroupTable(AttachmentResult.Id, "pair-degree", [.. degreeRows], Named(DegreeColumns, degreeCols), props),
            new GroupTable(AttachmentResult.Id, "pair", [.. pairRows], Named(PairColumns, pairCols), props),
            network, props);

        (double JeongAlpha, double JeongSe, int JeongPoints, double NewmanAlpha, double NewmanSe, int NewmanPoints) AddPair(
            string label, double[] nodes, double[] jeong, double[] newman, double[] counts)
        {
            var fit = FitBoth(nodes, jeong, newman, options.MinNodes, out var kappa, out var jeongUsed, out var newmanUsed);
            for (var k = 1; k < nodes.Length; k++)
            {
                if (nodes[k] == 0)
                {
                    continue;
                }

                degreeRows.Add(label + "|" + k.ToString(CultureInfo.InvariantCulture));
                double[] row =
                [
                    k, nodes[k], jeong[k], jeong[k] / nodes[k], kappa[k], jeongUsed[k] ? 1 : 0,
                    newman[k], newman[k] / nodes[k], newmanUsed[k] ? 1 : 0,
                ];
                for (var c = 0; c < row.Length; c++)
                {
                    degreeCols[c].Add(row[c]);
                }
            }

            pairRows.Add(label);
            double[] values = [.. counts, fit.JeongAlpha, fit.JeongSe, fit.JeongPoints, fit.NewmanAlpha, fit.NewmanSe, fit.NewmanPoints];
            for (var c = 0; c < values.Length; c++)
            {
                pairCols[c].Add(values[c]);
            }

            return fit;
        }
    }

    /// <summary>Both fits from the counts by degree (index k; index 0 unused). Jeong: κ(k) = Σ_{k' ≤ k, N_k' &gt; 0} A_k'/N_k',
    /// ln κ on ln k over k ≥ 1 with N_k ≥ minNodes and κ &gt; 0, α̂ = slope − 1. Newman: ln(A_k/N_k) on ln k over k ≥ 1
    /// with N_k ≥ minNodes and A_k &gt; 0, α̂ = slope.</summary>
    internal static (double JeongAlpha, double JeongSe, int JeongPoints, double NewmanAlpha, double NewmanSe, int NewmanPoints) FitBoth(
        double[] nodes, double[] jeong, double[] newman, int minNodes, out double[] kappa, out bool[] jeongUsed, out bool[] newmanUsed)
    {
        var len = nodes.Length;
        kappa = new double[len];
        jeongUsed = new bool[len];
        newmanUsed = new bool[len];
        var jx = new List<double>();
        var jy = new List<double>();
        var nx = new List<double>();
        var ny = new List<double>();
        var sum = 0.0;
        for (var k = 1; k < len; k++)
        {
            if (nodes[k] > 0)
            {
                sum += jeong[k] / nodes[k];
            }

            kappa[k] = sum;
            if (nodes[k] < minNodes)
            {
                continue;
            }

            var lk = Math.Log(k);
            if (sum > 0)
            {
                jeongUsed[k] = true;
                jx.Add(lk);
                jy.Add(Math.Log(sum));
            }

            if (newman[k] > 0)
            {
                newmanUsed[k] = true;
                nx.Add(lk);
                ny.Add(Math.Log(newman[k] / nodes[k]));
            }
        }

        var (js, jse) = SlopeFit.Fit([.. jx], [.. jy]);
        var (ns, nse) = SlopeFit.Fit([.. nx], [.. ny]);
        return (js - 1, jse, jx.Count, ns, nse, nx.Count);
    }

    private static void Accumulate(List<double> pool, double[] values)
    {
        for (var k = 0; k < values.Length; k++)
        {
            if (k == pool.Count)
            {
                pool.Add(0);
            }

            pool[k] += values[k];
        }
    }

    internal static List<double>[] NewColumns(int count)
    {
        var cols = new List<double>[count];
        for (var c = 0; c < count; c++)
        {
            cols[c] = [];
        }

        return cols;
    }

    internal static List<KeyValuePair<string, double[]>> Named(string[] names, List<double>[] cols)
    {
        var r = new List<KeyValuePair<string, double[]>>(names.Length);
        for (var c = 0; c < names.Length; c++)
        {
            r.Add(new(names[c], cols[c].ToArray()));
        }

        return r;
    }
}
