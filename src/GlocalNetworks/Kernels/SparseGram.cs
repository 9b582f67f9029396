using System;
using System.Buffers;

namespace GlocalNetworks.Kernels;

/// <summary>
/// The Gram product C = B Bᵀ of a sparse CSR matrix B (rows × columns), itself in CSR form with each row's columns
/// ascending: Gustavson's row-by-row algorithm over B and its transpose, with a dense accumulator and a touched list.
/// Time O(Σ_e d_e²) where d_e is the number of non-zeros in column e; memory O(nnz(B) + nnz(C) + rows).
/// </summary>
/// <remarks>Each entry c_ij is summed over the columns of B in ascending order in both paths below, so the result does not
/// depend on the path or on anything but the input. When C has at most <see cref="DenseLimit"/> entries (e.g. up to 2,048
/// fields), the products are accumulated event by event into a dense C, which streams through Bᵀ once (Gustavson's
/// row-by-row pass jumps through Bᵀ once per row of C and misses the cache when B has millions of columns); the result is
/// then compressed to CSR.</remarks>
internal static class SparseGram
{
    /// <summary>The largest C (rows²) accumulated densely: 2^22 entries, 32 MiB.</summary>
    public const long DenseLimit = 1L << 22;

    /// <summary>C = B Bᵀ.</summary>
    /// <param name="rows">The number of rows of B.</param>
    /// <param name="columns">The number of columns of B.</param>
    /// <param name="offsets">B's row offsets (rows + 1).</param>
    /// <param name="indices">B's column indices.</param>
    /// <param name="values">B's values.</param>
    /// <param name="zeroDiagonal">Leave the diagonal out of C.</param>
    /// <param name="denseLimit">The largest rows² accumulated densely (tests force either path).</param>
    /// <returns>C's row offsets, column indices and values (explicit zeros dropped).</returns>
    public static (int[] Offsets, int[] Indices, double[] Values) Multiply(int rows, int columns, ReadOnlySpan<int> offsets,
        ReadOnlySpan<int> indices, ReadOnlySpan<double> values, bool zeroDiagonal, long denseLimit = DenseLimit)
    {
        // Bᵀ in CSR (column e → the rows that have it): rows come out ascending.
        var (tOffsets, tRows, tValues) = Transpose(rows, columns, offsets, indices, values);
        if ((long)rows * rows <= denseLimit)
        {
            return DenseAccumulate(rows, columns, tOffsets, tRows, tValues, zeroDiagonal);
        }

        var acc = ArrayPool<double>.Shared.Rent(Math.Max(rows, 1));
        var mark = ArrayPool<int>.Shared.Rent(Math.Max(rows, 1));
        var touched = ArrayPool<int>.Shared.Rent(Math.Max(rows, 1));
        try
        {
            mark.AsSpan(0, rows).Fill(-1);
            var cOffsets = new int[rows + 1];
            var cIndices = new int[Math.Max(16, indices.Length)];
            var cValues = new double[cIndices.Length];
            var nnz = 0;
            for (var i = 0; i < rows; i++)
            {
                var count = 0;
                for (var k = offsets[i]; k < offsets[i + 1]; k++)
                {
                    var e = indices[k];
                    var bie = values[k];
                    for (var t = tOffsets[e]; t < tOffsets[e + 1]; t++)
                    {
                        var j = tRows[t];
                        if (zeroDiagonal && j == i)
                        {
                            continue;
                        }

                        if (mark[j] != i)
                        {
                            mark[j] = i;
                            acc[j] = 0;
                            touched[count++] = j;
                        }

                        acc[j] += bie * tValues[t];
                    }
                }

                Array.Sort(touched, 0, count);
                if (nnz + count > cIndices.Length)
                {
                    var size = Math.Max(nnz + count, cIndices.Length * 2);
                    Array.Resize(ref cIndices, size);
                    Array.Resize(ref cValues, size);
                }

                for (var t = 0; t < count; t++)
                {
                    var j = touched[t];
                    if (acc[j] != 0)
                    {
                        cIndices[nnz] = j;
                        cValues[nnz++] = acc[j];
                    }
                }

                cOffsets[i + 1] = nnz;
            }

            Array.Resize(ref cIndices, nnz);
            Array.Resize(ref cValues, nnz);
            return (cOffsets, cIndices, cValues);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(acc);
            ArrayPool<int>.Shared.Return(mark);
            ArrayPool<int>.Shared.Return(touched);
        }
    }

    /// <summary>The transpose of a CSR matrix (rows × columns) in CSR form, by a counting sort over the column indices;
    /// each output row lists its columns (the input rows) ascending. O(rows + columns + nnz).</summary>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="offsets">Row offsets (rows + 1).</param>
    /// <param name="indices">Column indices.</param>
    /// <param name="values">Values.</param>
    /// <returns>The transpose's row offsets (columns + 1), column indices and values.</returns>
    public static (int[] Offsets, int[] Indices, double[] Values) Transpose(int rows, int columns, ReadOnlySpan<int> offsets,
        ReadOnlySpan<int> indices, ReadOnlySpan<double> values)
    {
        var tOffsets = new int[columns + 1];
        foreach (var e in indices)
        {
            tOffsets[e + 1]++;
        }

        for (var e = 0; e < columns; e++)
        {
            tOffsets[e + 1] += tOffsets[e];
        }

        var next = ArrayPool<int>.Shared.Rent(columns + 1);
        var tIndices = new int[indices.Length];
        var tValues = new double[indices.Length];
        try
        {
            tOffsets.AsSpan().CopyTo(next);
            for (var i = 0; i < rows; i++)
            {
                for (var k = offsets[i]; k < offsets[i + 1]; k++)
                {
                    var at = next[indices[k]]++;
                    tIndices[at] = i;
                    tValues[at] = values[k];
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(next);
        }

        return (tOffsets, tIndices, tValues);
    }

    // C accumulated event by event into a dense rows × rows array (one pass over Bᵀ), then compressed to CSR.
    private static (int[] Offsets, int[] Indices, double[] Values) DenseAccumulate(int rows, int columns, int[] tOffsets, int[] tRows,
        double[] tValues, bool zeroDiagonal)
    {
        var c = new double[(long)rows * rows];
        for (var e = 0; e < columns; e++)
        {
            for (var a = tOffsets[e]; a < tOffsets[e + 1]; a++)
            {
                var at = (long)tRows[a] * rows;
                var v = tValues[a];
                for (var b = tOffsets[e]; b < tOffsets[e + 1]; b++)
                {
                    c[at + tRows[b]] += v * tValues[b];
                }
            }
        }

        var nnz = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < rows; j++)
            {
                nnz += c[((long)i * rows) + j] != 0 && !(zeroDiagonal && i == j) ? 1 : 0;
            }
        }

        var offsets = new int[rows + 1];
        var indices = new int[nnz];
        var values = new double[nnz];
        var k = 0;
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < rows; j++)
            {
                var v = c[((long)i * rows) + j];
                if (v != 0 && !(zeroDiagonal && i == j))
                {
                    indices[k] = j;
                    values[k++] = v;
                }
            }

            offsets[i + 1] = k;
        }

        return (offsets, indices, values);
    }
}
