using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Model;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Comparison;

/// <summary>Which dyads (ordered or unordered pairs of distinct nodes) a QAP statistic uses.</summary>
public enum DyadMode
{
    /// <summary>All ordered pairs i ≠ j: n(n - 1) dyads (sna mode <c>"digraph"</c>, <c>diag = FALSE</c>).</summary>
    Directed,

    /// <summary>Unordered pairs: the lower triangle i &gt; j, n(n - 1)/2 dyads (sna mode <c>"graph"</c>); for symmetric
    /// matrices this is the same as i &lt; j.</summary>
    Undirected,
}

/// <summary>
/// Square matrices over the same nodes for QAP and MRQAP (<see cref="Qap"/>): the adjacency of a
/// <see cref="GlocalNetwork"/> by innovator index (weighted or binary), optionally over a given list of innovator ids so
/// that two networks line up; and the dyad vectorisation of a matrix.
/// </summary>
public static class QapMatrices
{
    /// <summary>
    /// The n × n adjacency matrix of a network: A_ij = Σ of the weights of the links i → j (both directions for undirected
    /// links; parallel links summed), or 1 where any link exists when <paramref name="weighted"/> is false. Self-loops are
    /// kept on the diagonal, which QAP ignores.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="weighted">Use link weights; otherwise 0/1.</param>
    /// <param name="innovatorIds">The rows and columns, in order (e.g. the innovators two networks share); links to other
    /// innovators are left out. <see langword="null"/>: every innovator, by index.</param>
    /// <returns>The matrix (dense).</returns>
    /// <exception cref="ArgumentException">An id is not an innovator of the network, or repeats.</exception>
    public static Matrix<double> Adjacency(GlocalNetwork network, bool weighted = true, IReadOnlyList<string>? innovatorIds = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        var count = network.Innovators.Count;
        var row = new int[count];
        int n;
        if (innovatorIds is null)
        {
            n = count;
            for (var i = 0; i < count; i++)
            {
                row[i] = i;
            }
        }
        else
        {
            n = innovatorIds.Count;
            Array.Fill(row, -1);
            for (var k = 0; k < n; k++)
            {
                if (!network.Innovators.TryGetIndex(innovatorIds[k], out var i))
                {
                    throw new ArgumentException($"The network has no innovator '{innovatorIds[k]}'; every id must be an innovator of the network.", nameof(innovatorIds));
                }

                if (row[i] >= 0)
                {
                    throw new ArgumentException($"The innovator '{innovatorIds[k]}' occurs twice in the id list.", nameof(innovatorIds));
                }

                row[i] = k;
            }
        }

        var a = new double[n * n];
        var src = network.Links.Sources;
        var dst = network.Links.Targets;
        var w = network.Links.Weights;
        var directed = network.Links.Directed;
        for (var l = 0; l < src.Length; l++)
        {
            int s = row[src[l]], t = row[dst[l]];
            if (s < 0 || t < 0)
            {
                continue;
            }

            var v = weighted ? w[l] : 1.0;
            Add(a, (s * n) + t, v, weighted);
            if (!directed[l] && s != t)
            {
                Add(a, (t * n) + s, v, weighted);
            }
        }

        return Matrix<double>.Build.Dense(n, n, (i, j) => a[(i * n) + j]);
    }

    /// <summary>The dyad values of a square matrix, in the order QAP uses: row-major over i ≠ j
    /// (<see cref="DyadMode.Directed"/>) or over the lower triangle i &gt; j (<see cref="DyadMode.Undirected"/>).</summary>
    /// <param name="matrix">The matrix.</param>
    /// <param name="mode">The dyads.</param>
    /// <returns>n(n - 1) or n(n - 1)/2 values.</returns>
    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    public static double[] Vectorise(Matrix<double> matrix, DyadMode mode)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = Square(matrix, nameof(matrix));
        var dyads = Dyads.Of(n, mode);
        var flat = matrix.ToRowMajorArray();
        var v = new double[dyads.Count];
        for (var d = 0; d < v.Length; d++)
        {
            v[d] = flat[(dyads.Rows[d] * n) + dyads.Columns[d]];
        }

        return v;
    }

    internal static int Square(Matrix<double> m, string name)
    {
        if (m.RowCount != m.ColumnCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The matrix is {m.RowCount} x {m.ColumnCount}; QAP needs square matrices over the same nodes."), name);
        }

        return m.RowCount;
    }

    private static void Add(double[] a, int at, double v, bool weighted) => a[at] = weighted ? a[at] + v : 1;
}

/// <summary>The dyads of n nodes: parallel arrays of row and column indices, in QAP order.</summary>
internal sealed class Dyads
{
    private Dyads(int n, int[] rows, int[] columns)
    {
        NodeCount = n;
        Rows = rows;
        Columns = columns;
    }

    public int NodeCount { get; }

    public int[] Rows { get; }

    public int[] Columns { get; }

    public int Count => Rows.Length;

    public static Dyads Of(int n, DyadMode mode)
    {
        var count = mode == DyadMode.Directed ? (long)n * (n - 1) : (long)n * (n - 1) / 2;
        if (count > Array.MaxLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{n} nodes have {count} dyads, more than an array holds."), nameof(n));
        }

        var rows = new int[count];
        var cols = new int[count];
        var d = 0;
        for (var i = 0; i < n; i++)
        {
            var end = mode == DyadMode.Directed ? n : i;
            for (var j = 0; j < end; j++)
            {
                if (j == i)
                {
                    continue;
                }

                rows[d] = i;
                cols[d++] = j;
            }
        }

        return new Dyads(n, rows, cols);
    }

    /// <summary>The values of a row-major matrix at the dyads, rows and columns permuted by <paramref name="perm"/>:
    /// v[d] = m[perm[i_d], perm[j_d]].</summary>
    public void Gather(ReadOnlySpan<double> flat, ReadOnlySpan<int> perm, Span<double> v)
    {
        var n = NodeCount;
        var rows = Rows;
        var cols = Columns;
        for (var d = 0; d < v.Length; d++)
        {
            v[d] = flat[(perm[rows[d]] * n) + perm[cols[d]]];
        }
    }
}
