using System;
using System.Collections.Generic;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Glocal;

/// <summary>Options of <see cref="TripleHelixMetric"/> (none yet; the record keeps the signature stable).</summary>
public sealed record TripleHelixOptions;

/// <summary>The result of <see cref="TripleHelixMetric"/>: parts <c>kind-pairs</c> and <c>helix</c>.</summary>
public sealed class TripleHelixResult : CompositeResult
{
    /// <summary>The part name of the innovator-kind-pair table.</summary>
    public const string KindPairsPart = "kind-pairs";

    /// <summary>The part name of the helix-pair table.</summary>
    public const string HelixPart = "helix";

    /// <summary>Creates the result.</summary>
    /// <param name="parts">Part name → table.</param>
    /// <param name="properties">Facts about the computation.</param>
    public TripleHelixResult(IReadOnlyList<KeyValuePair<string, MetricResult>> parts, IReadOnlyDictionary<string, string>? properties)
        : base(TripleHelixMetric.MetricId, parts, properties)
    {
    }

    /// <summary>Link counts and weights by unordered innovator-kind pair (rows like <c>Firm-University</c>) and scale.</summary>
    public GroupTable KindPairs => Part<GroupTable>(KindPairsPart);

    /// <summary>The same by helix pair (rows like <c>academia-industry</c>).</summary>
    public GroupTable Helix => Part<GroupTable>(HelixPart);
}

/// <summary>Triple helix by scale: link counts and weights by unordered pair of innovator kinds crossed with scale, with
/// shares within each scale, and the coarser academia / industry / government / other grouping.</summary>
/// <remarks>
/// <para>Id <c>triple-helix</c> (DESIGN §2.10). T[{k1,k2}, s] = the links whose ends have kinds k1 ≤ k2 (enum order of
/// <see cref="InnovatorKind"/>, so a University–Firm link is row <c>Firm-University</c>) and whose scale is s; count and
/// weight.</para>
/// <para>Columns of both parts: <c>links</c>, <c>weight</c>, <c>share</c> (the row's share of all link weight),
/// <c>count-share</c> (of all links), <c>resolution-limited</c>, then per scale S (lowercase, the classifier's scales):
/// <c>count.S</c>, <c>weight.S</c>, <c>share.S</c> = W[row, s] / Σ<sub>rows</sub> W[·, s] and <c>count-share.S</c> =
/// c[row, s] / Σ<sub>rows</sub> c[·, s]: the share of that scale's links falling in this pair. Each share column sums to 1
/// over the rows, or is NaN in every row when no link has that scale.</para>
/// <para>Helix (Etzkowitz &amp; Leydesdorff): University and ResearchInstitute → <c>academia</c>, Firm → <c>industry</c>,
/// Government → <c>government</c>, every other kind → <c>other</c>; rows are unordered pairs in that order
/// (<c>academia-industry</c>, <c>industry-government</c>, ...).</para>
/// <para>Rows: only pairs with at least one link, in (k1, k2) order. Works on the link list (parallel links separate,
/// direction ignored). Resolution-limited links count at their scale. Properties: <c>scales</c>,
/// <c>resolution-limited</c>. Empty network: empty tables.</para>
/// <para>Time O(m + K²·S) with K the number of kinds. Reference: Etzkowitz &amp; Leydesdorff (2000), <i>Research
/// Policy</i> 29(2), 109-123. Checked by hand computation and property tests.</para>
/// </remarks>
public sealed class TripleHelixMetric : Metric<TripleHelixOptions, TripleHelixResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "triple-helix";

    private static readonly string[] HelixNames = ["academia", "industry", "government", "other"];

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Link counts and weights by innovator-kind pair and by helix pair (academia, industry, government) crossed with scale.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Composite;

    /// <summary>The helix of an innovator kind: 0 academia, 1 industry, 2 government, 3 other.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The helix number.</returns>
    private static int HelixOf(InnovatorKind kind) => kind switch
    {
        InnovatorKind.University or InnovatorKind.ResearchInstitute => 0,
        InnovatorKind.Firm => 1,
        InnovatorKind.Government => 2,
        _ => 3,
    };

    /// <inheritdoc/>
    public override TripleHelixResult Compute(MetricContext context, TripleHelixOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        var net = context.Network;
        var scales = ScaleTally.ScalesOf(net);
        var kinds = net.Innovators.Kinds;
        var kindCount = 1;
        foreach (var k in kinds)
        {
            kindCount = Math.Max(kindCount, (int)k + 1);
        }

        var pairs = new ScaleTally(scales, kindCount * kindCount);
        var helix = new ScaleTally(scales, HelixNames.Length * HelixNames.Length);
        var src = net.Links.Sources;
        var tgt = net.Links.Targets;
        var w = net.Links.Weights;
        var sc = net.LinkScales;
        var lim = net.LinkResolutionLimited;
        for (var l = 0; l < src.Length; l++)
        {
            int a = (int)kinds[src[l]], b = (int)kinds[tgt[l]];
            pairs.Add(Math.Min(a, b) * kindCount + Math.Max(a, b), sc[l], w[l], lim[l]);
            int ha = HelixOf((InnovatorKind)a), hb = HelixOf((InnovatorKind)b);
            helix.Add(Math.Min(ha, hb) * HelixNames.Length + Math.Max(ha, hb), sc[l], w[l], lim[l]);
        }

        var props = new Dictionary<string, string>
        {
            ["scales"] = ScaleTally.ScaleList(scales),
            ["resolution-limited"] = ScaleTally.Text(net.ResolutionLimitedCount),
        };
        var pairTable = Table(pairs, kindCount, "kind-pair", k => ((InnovatorKind)k).ToString(), props);
        var helixTable = Table(helix, HelixNames.Length, "helix-pair", h => HelixNames[h], props);
        return new TripleHelixResult([new(TripleHelixResult.KindPairsPart, pairTable), new(TripleHelixResult.HelixPart, helixTable)], props);
    }

    /// <summary>The non-empty pair rows of <paramref name="t"/> (row = a * width + b, a ≤ b) with column-wise scale shares.</summary>
    private GroupTable Table(ScaleTally t, int width, string key, Func<int, string> name, Dictionary<string, string> props)
    {
        var rows = new List<int>();
        var ids = new List<string>();
        for (var a = 0; a < width; a++)
        {
            for (var b = a; b < width; b++)
            {
                if (t.RowCount(a * width + b) > 0)
                {
                    rows.Add(a * width + b);
                    ids.Add(name(a) + "-" + name(b));
                }
            }
        }

        var s = t.S;
        var r = rows.Count;
        var scaleCount = new double[s];
        var scaleWeight = new double[s];
        double allCount = 0, allWeight = 0;
        foreach (var row in rows)
        {
            for (var k = 0; k < s; k++)
            {
                scaleCount[k] += t.Counts[row * s + k];
                scaleWeight[k] += t.Weights[row * s + k];
            }
        }

        for (var k = 0; k < s; k++)
        {
            allCount += scaleCount[k];
            allWeight += scaleWeight[k];
        }

        var links = new double[r];
        var weight = new double[r];
        var share = new double[r];
        var countShare = new double[r];
        var limited = new double[r];
        var count = ScaleTally.Jagged(s, r);
        var ws = ScaleTally.Jagged(s, r);
        var shares = ScaleTally.Jagged(s, r);
        var countShares = ScaleTally.Jagged(s, r);

        for (var i = 0; i < r; i++)
        {
            var row = rows[i];
            for (var k = 0; k < s; k++)
            {
                var c = t.Counts[row * s + k];
                var wt = t.Weights[row * s + k];
                count[k][i] = c;
                ws[k][i] = wt;
                shares[k][i] = scaleWeight[k] > 0 ? wt / scaleWeight[k] : double.NaN;
                countShares[k][i] = scaleCount[k] > 0 ? c / scaleCount[k] : double.NaN;
                links[i] += c;
                weight[i] += wt;
            }

            share[i] = weight[i] / allWeight;
            countShare[i] = links[i] / allCount;
            limited[i] = t.Limited[row];
        }

        var cols = new List<KeyValuePair<string, double[]>>(5 + 4 * s)
        {
            new("links", links), new("weight", weight), new("share", share), new("count-share", countShare),
            new("resolution-limited", limited),
        };
        t.AddScaleColumns(cols, count, ws, shares, countShares);
        return new GroupTable(Id, key, ids, cols, props);
    }
}
