using System;
using System.Collections.Generic;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Glocal;

/// <summary>Options of <see cref="GlocalityMetric"/>.</summary>
public sealed record GlocalityOptions
{
    /// <summary>Profile by link weight; <see langword="false"/>: by link count (each link counts 1).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Weighted { get; init; } = true;

    /// <summary>The farthest scale that counts as "near" for the local share, the balance and the glocal-actor flag
    /// (DESIGN §0: one cutoff everywhere).</summary>
    /// <value>The default value is <see cref="Scale.Regional"/> (within the innovator's own province or NUTS-2 region).</value>
    public Scale LocalCutoff { get; init; } = Scale.Regional;
}

/// <summary>Innovator scale profile and glocality: each innovator's tie weight by scale, the normalised entropy of that
/// profile, the local share, the local/non-local balance, and whether it is a glocal actor.</summary>
/// <remarks>
/// <para>Id <c>glocality</c> (DESIGN §2.2). Let w<sub>is</sub> be the total weight (or, with
/// <see cref="GlocalityOptions.Weighted"/> false, the number) of innovator i's incident links at scale s, for each scale
/// s the classifier can emit (S of them), and p<sub>is</sub> = w<sub>is</sub> / Σ<sub>s</sub> w<sub>is</sub>.</para>
/// <list type="bullet">
/// <item><c>weight.S</c> per scale (named <c>count.S</c> when unweighted), and <c>total</c> = Σ<sub>s</sub> w<sub>is</sub>.</item>
/// <item><c>glocality</c> G<sub>i</sub> = H(p<sub>i</sub>) / ln S with H(p) = -Σ p<sub>s</sub> ln p<sub>s</sub> (0·ln 0 = 0);
/// in [0, 1]; NaN for an isolated innovator and when S = 1.</item>
/// <item><c>local-share</c> λ<sub>i</sub> = Σ<sub>s ≤ s*</sub> w<sub>is</sub> / Σ<sub>s</sub> w<sub>is</sub>, s* =
/// <see cref="GlocalityOptions.LocalCutoff"/>; NaN when isolated.</item>
/// <item><c>balance</c> B<sub>i</sub> = 1 - |2λ<sub>i</sub> - 1| = 2·min(λ<sub>i</sub>, 1 - λ<sub>i</sub>), in [0, 1]: 1 when
/// near and far weights are equal, 0 when all weight is on one side; NaN when isolated.</item>
/// <item><c>glocal-actor</c> 1 when i has at least one link at a scale ≤ s* and at least one beyond it (Graf 2011), else 0
/// (always by link count, whatever the weighting); isolated innovators are 0.</item>
/// </list>
/// <para>Works on the link list: parallel links are separate links, direction is ignored, a self-loop counts once.
/// Resolution-limited links count at their (upper-bound) scale; their number is in the property
/// <c>resolution-limited</c>. Properties: <c>weighted</c>, <c>local-cutoff</c>, <c>scales</c>, <c>glocal-actors</c>.</para>
/// <para>Ranking: <see cref="TopGlocalActors"/> orders glocal actors by balance, then glocality, then total, all
/// descending, then id (ordinal), as DESIGN §2.2 asks of reports.</para>
/// <para>Empty network: an empty table. Time O(n·S + m); memory O(n·S).</para>
/// <para>References: Graf (2011), <i>Cambridge Journal of Economics</i> 35(1), 173-198 (gatekeepers with local and
/// extra-local ties); Swyngedouw (1997) on glocalisation. Checked by hand computation and property tests.</para>
/// </remarks>
public sealed class GlocalityMetric : Metric<GlocalityOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "glocality";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Each innovator's tie weight by scale, its glocality (normalised entropy), local share, balance and glocal-actor flag.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, GlocalityOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        context.CancellationToken.ThrowIfCancellationRequested();
        var net = context.Network;
        var n = net.Innovators.Count;
        var scales = ScaleTally.ScalesOf(net);
        var t = ScaleTally.ByInnovator(net, scales);
        var s = t.S;
        var profile = options.Weighted ? t.Weights : t.Counts;
        var byScale = ScaleTally.Jagged(s, n);
        var total = new double[n];
        var glocality = new double[n];
        var localShare = new double[n];
        var balance = new double[n];
        var actor = new double[n];
        var lnS = Math.Log(s);
        var actors = 0;
        for (var i = 0; i < n; i++)
        {
            double sum = 0, near = 0, nearCount = 0, farCount = 0;
            for (var k = 0; k < s; k++)
            {
                var v = profile[i * s + k];
                byScale[k][i] = v;
                sum += v;
                if (scales[k] <= options.LocalCutoff)
                {
                    near += v;
                    nearCount += t.Counts[i * s + k];
                }
                else
                {
                    farCount += t.Counts[i * s + k];
                }
            }

            total[i] = sum;
            if (sum > 0)
            {
                var h = 0.0;
                for (var k = 0; k < s; k++)
                {
                    var p = profile[i * s + k] / sum;
                    h -= p > 0 ? p * Math.Log(p) : 0;
                }

                glocality[i] = s > 1 ? Math.Clamp(h / lnS, 0, 1) : double.NaN;
                localShare[i] = near / sum;
                balance[i] = 1 - Math.Abs(2 * localShare[i] - 1);
            }
            else
            {
                glocality[i] = localShare[i] = balance[i] = double.NaN;
            }

            if (nearCount > 0 && farCount > 0)
            {
                actor[i] = 1;
                actors++;
            }
        }

        var prefix = options.Weighted ? "weight." : "count.";
        var cols = new List<KeyValuePair<string, double[]>>(s + 5);
        for (var k = 0; k < s; k++)
        {
            cols.Add(new(prefix + ScaleTally.NameOf(scales[k]), byScale[k]));
        }

        cols.Add(new("total", total));
        cols.Add(new("glocality", glocality));
        cols.Add(new("local-share", localShare));
        cols.Add(new("balance", balance));
        cols.Add(new("glocal-actor", actor));
        var props = new Dictionary<string, string>
        {
            ["weighted"] = options.Weighted ? "true" : "false",
            ["local-cutoff"] = ScaleTally.NameOf(options.LocalCutoff),
            ["scales"] = ScaleTally.ScaleList(scales),
            ["glocal-actors"] = ScaleTally.Text(actors),
            ["resolution-limited"] = ScaleTally.Text(net.ResolutionLimitedCount),
        };
        return new NodeTable(Id, context.InnovatorIds, cols, props);
    }

    /// <summary>
    /// The ids of the <paramref name="k"/> highest-ranked glocal actors of a <c>glocality</c> result: innovators with
    /// <c>glocal-actor</c> = 1, ordered by <c>balance</c>, then <c>glocality</c>, then <c>total</c> (each descending, NaN
    /// last), then id (ordinal). Fewer than <paramref name="k"/> when there are fewer glocal actors.
    /// </summary>
    /// <param name="glocality">A result of this metric.</param>
    /// <param name="k">How many.</param>
    /// <returns>The ids, best first.</returns>
    /// <exception cref="KeyNotFoundException">The table lacks the columns of a <c>glocality</c> result.</exception>
    public static IReadOnlyList<string> TopGlocalActors(NodeTable glocality, int k)
    {
        ArgumentNullException.ThrowIfNull(glocality);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var flag = glocality.Column("glocal-actor");
        var rows = new List<int>();
        for (var i = 0; i < flag.Length; i++)
        {
            if (flag[i] == 1)
            {
                rows.Add(i);
            }
        }

        var b = glocality.Column("balance").ToArray();
        var g = glocality.Column("glocality").ToArray();
        var t = glocality.Column("total").ToArray();
        var ids = glocality.Ids;
        rows.Sort((x, y) =>
        {
            var c = Descending(b[x], b[y]);
            c = c != 0 ? c : Descending(g[x], g[y]);
            c = c != 0 ? c : Descending(t[x], t[y]);
            return c != 0 ? c : string.CompareOrdinal(ids[x], ids[y]);
        });
        var result = new string[Math.Min(k, rows.Count)];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ids[rows[i]];
        }

        return result;
    }

    private static int Descending(double x, double y)
    {
        var nx = double.IsNaN(x);
        var ny = double.IsNaN(y);
        return nx || ny ? nx.CompareTo(ny) : y.CompareTo(x);
    }
}
