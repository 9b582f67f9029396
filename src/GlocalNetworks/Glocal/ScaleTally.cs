using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using GlocalNetworks.Model;

namespace GlocalNetworks.Glocal;

/// <summary>
/// Link counts, link weights and resolution-limited counts by (row, scale): the accumulator of every scale composition
/// (scale mix, glocality profiles, triple helix). Rows are whatever the caller groups by (regions, innovators, kind
/// pairs); columns are the scales of <see cref="ScalesOf(GlocalNetwork)"/>. Flat arrays, no allocation per link.
/// </summary>
internal sealed class ScaleTally
{
    private readonly int[] _slot;

    /// <summary>Creates an empty tally.</summary>
    /// <param name="scales">The scale columns, nearest first (from <see cref="ScalesOf(GlocalNetwork)"/>).</param>
    /// <param name="rows">The number of rows.</param>
    public ScaleTally(Scale[] scales, int rows)
    {
        Scales = scales;
        Rows = rows;
        S = scales.Length;
        _slot = new int[256];
        Array.Fill(_slot, -1);
        for (var k = 0; k < scales.Length; k++)
        {
            _slot[(int)scales[k]] = k;
        }

        Counts = new double[rows * S];
        Weights = new double[rows * S];
        Limited = new double[rows];
    }

    /// <summary>The scale columns, nearest first.</summary>
    public Scale[] Scales { get; }

    /// <summary>The number of scale columns.</summary>
    public int S { get; }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>Link counts, row-major: <c>[row * S + slot]</c>.</summary>
    public double[] Counts { get; }

    /// <summary>Link weights, row-major: <c>[row * S + slot]</c>.</summary>
    public double[] Weights { get; }

    /// <summary>Resolution-limited link counts by row.</summary>
    public double[] Limited { get; }

    /// <summary>The column of <paramref name="scale"/>, or -1 when it is not one of <see cref="Scales"/>.</summary>
    /// <param name="scale">A scale.</param>
    /// <returns>The column.</returns>
    public int SlotOf(Scale scale) => _slot[(int)scale];

    /// <summary>
    /// The scales a composition of <paramref name="network"/> reports, nearest first: those its classifier can emit
    /// (<see cref="Scales.IScaleClassifier.Scales"/>), plus, defensively, any scale a link carries that the classifier
    /// does not list (so no link is ever dropped). O(m).
    /// </summary>
    /// <param name="network">The network.</param>
    /// <returns>The scales in enum order.</returns>
    public static Scale[] ScalesOf(GlocalNetwork network)
    {
        Span<bool> seen = stackalloc bool[256];
        foreach (var s in network.Classifier.Scales)
        {
            seen[(int)s] = true;
        }

        foreach (var s in network.LinkScales)
        {
            seen[(int)s] = true;
        }

        var list = new List<Scale>(5);
        for (var s = 0; s < seen.Length; s++)
        {
            if (seen[s])
            {
                list.Add((Scale)s);
            }
        }

        return [.. list];
    }

    /// <summary>The lowercase column suffix of a scale: <c>local</c>, <c>regional</c>, ...</summary>
    /// <param name="scale">The scale.</param>
    /// <returns>The name.</returns>
    public static string NameOf(Scale scale) => scale.ToString().ToLowerInvariant();

    /// <summary>The scale names joined by commas, for result properties.</summary>
    /// <param name="scales">The scales.</param>
    /// <returns>e.g. <c>local,regional,national,supranational,global</c>.</returns>
    public static string ScaleList(Scale[] scales)
    {
        var sb = new StringBuilder();
        foreach (var s in scales)
        {
            sb.Append(sb.Length == 0 ? string.Empty : ",").Append(NameOf(s));
        }

        return sb.ToString();
    }

    /// <summary>Adds one link to a row.</summary>
    /// <param name="row">The row.</param>
    /// <param name="scale">The link's scale (one of <see cref="Scales"/>).</param>
    /// <param name="weight">The link's weight.</param>
    /// <param name="limited">Whether the link is resolution-limited.</param>
    public void Add(int row, Scale scale, double weight, bool limited)
    {
        var k = row * S + _slot[(int)scale];
        Counts[k] += 1;
        Weights[k] += weight;
        if (limited)
        {
            Limited[row] += 1;
        }
    }

    /// <summary>Tallies each link of <paramref name="network"/> once in the group of each end: once when both ends share
    /// the group, not at all for an end without a group (-1).</summary>
    /// <param name="network">The network.</param>
    /// <param name="scales">The scale columns.</param>
    /// <param name="rows">The number of groups.</param>
    /// <param name="groupOf">Each innovator's group, or -1.</param>
    /// <returns>The tally.</returns>
    public static ScaleTally ByEitherEnd(GlocalNetwork network, Scale[] scales, int rows, ReadOnlySpan<int> groupOf) =>
        ByEnds(network, scales, rows, groupOf, byInnovator: false);

    /// <summary>Tallies each innovator's incident links (a self-loop once): row = innovator index.</summary>
    /// <param name="network">The network.</param>
    /// <param name="scales">The scale columns.</param>
    /// <returns>The tally.</returns>
    public static ScaleTally ByInnovator(GlocalNetwork network, Scale[] scales) =>
        ByEnds(network, scales, network.Innovators.Count, default, byInnovator: true);

    private static ScaleTally ByEnds(GlocalNetwork network, Scale[] scales, int rows, ReadOnlySpan<int> groupOf, bool byInnovator)
    {
        var t = new ScaleTally(scales, rows);
        var src = network.Links.Sources;
        var tgt = network.Links.Targets;
        var w = network.Links.Weights;
        var sc = network.LinkScales;
        var lim = network.LinkResolutionLimited;
        for (var l = 0; l < src.Length; l++)
        {
            var a = byInnovator ? src[l] : groupOf[src[l]];
            var b = byInnovator ? tgt[l] : groupOf[tgt[l]];
            if (a >= 0)
            {
                t.Add(a, sc[l], w[l], lim[l]);
            }

            if (b >= 0 && b != a)
            {
                t.Add(b, sc[l], w[l], lim[l]);
            }
        }

        return t;
    }

    /// <summary>A new <c>double[scales][rows]</c>.</summary>
    /// <param name="scales">The outer length.</param>
    /// <param name="rows">The inner length.</param>
    /// <returns>The arrays.</returns>
    public static double[][] Jagged(int scales, int rows)
    {
        var a = new double[scales][];
        for (var k = 0; k < scales; k++)
        {
            a[k] = new double[rows];
        }

        return a;
    }

    /// <summary>The number of links in a row (all scales).</summary>
    /// <param name="row">The row.</param>
    /// <returns>The count.</returns>
    public double RowCount(int row)
    {
        var c = 0.0;
        for (var k = 0; k < S; k++)
        {
            c += Counts[row * S + k];
        }

        return c;
    }

    /// <summary>
    /// The composition columns of the selected rows, shares taken within each row: <c>links</c>, <c>weight</c>,
    /// <c>resolution-limited</c>, then per scale <c>count.S</c>, <c>weight.S</c>, <c>share.S</c> (W_s / W) and
    /// <c>count-share.S</c> (c_s / c). A row without links has NaN shares.
    /// </summary>
    /// <param name="rows">The rows to output, in order.</param>
    /// <returns>The columns.</returns>
    public List<KeyValuePair<string, double[]>> RowCompositionColumns(ReadOnlySpan<int> rows)
    {
        var r = rows.Length;
        var links = new double[r];
        var weight = new double[r];
        var limited = new double[r];
        var count = Jagged(S, r);
        var w = Jagged(S, r);
        var share = Jagged(S, r);
        var countShare = Jagged(S, r);

        for (var i = 0; i < r; i++)
        {
            var row = rows[i];
            double c = 0, t = 0;
            for (var k = 0; k < S; k++)
            {
                c += Counts[row * S + k];
                t += Weights[row * S + k];
            }

            links[i] = c;
            weight[i] = t;
            limited[i] = Limited[row];
            for (var k = 0; k < S; k++)
            {
                count[k][i] = Counts[row * S + k];
                w[k][i] = Weights[row * S + k];
                share[k][i] = t > 0 ? Weights[row * S + k] / t : double.NaN;
                countShare[k][i] = c > 0 ? Counts[row * S + k] / c : double.NaN;
            }
        }

        var cols = new List<KeyValuePair<string, double[]>>(3 + 4 * S)
        {
            new("links", links), new("weight", weight), new("resolution-limited", limited),
        };
        AddScaleColumns(cols, count, w, share, countShare);
        return cols;
    }

    /// <summary>Appends <c>count.S</c>, <c>weight.S</c>, <c>share.S</c>, <c>count-share.S</c> per scale.</summary>
    /// <param name="cols">The column list.</param>
    /// <param name="count">Counts by slot.</param>
    /// <param name="weight">Weights by slot.</param>
    /// <param name="share">Weight shares by slot.</param>
    /// <param name="countShare">Count shares by slot.</param>
    public void AddScaleColumns(List<KeyValuePair<string, double[]>> cols, double[][] count, double[][] weight, double[][] share, double[][] countShare)
    {
        for (var k = 0; k < S; k++)
        {
            var name = NameOf(Scales[k]);
            cols.Add(new("count." + name, count[k]));
            cols.Add(new("weight." + name, weight[k]));
            cols.Add(new("share." + name, share[k]));
            cols.Add(new("count-share." + name, countShare[k]));
        }
    }

    /// <summary>The identity selection 0..<paramref name="n"/>-1.</summary>
    /// <param name="n">The length.</param>
    /// <returns>The rows.</returns>
    public static int[] AllRows(int n)
    {
        var a = new int[n];
        for (var i = 0; i < n; i++)
        {
            a[i] = i;
        }

        return a;
    }

    /// <summary>An invariant-culture integer, for properties.</summary>
    /// <param name="v">The value.</param>
    /// <returns>The text.</returns>
    public static string Text(long v) => v.ToString(CultureInfo.InvariantCulture);
}
