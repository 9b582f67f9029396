using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>
/// The group-by-group flow matrix F = MᵀAM of a CSR graph for a node partition (M the n × r membership matrix, one 1 per
/// row at most), in one pass over the stored entries: for each entry (i, j, w), <c>F[g(i), g(j)] += w</c>. Never an n × n
/// matrix. For an undirected graph F_RR is the internal weight (each link once, as if the diagonal of the two half-edges
/// were halved) and F_RS = F_SR the weight between R and S.
/// </summary>
/// <remarks>
/// <para>Dense (r ≤ <see cref="DenseLimit"/>): the rows are streamed in CSR order, cut into chunks that depend only on
/// the graph and r (each chunk holds at least 16r² work, so combining costs at most a sixteenth of the pass); every chunk
/// accumulates into its own (r + 1)² matrix, the extra row and column collecting entries with an ungrouped end, and
/// the partial matrices are added in chunk order. An undirected graph is symmetric, so the dense pass reads only each
/// row's entries with j ≥ i (each link once, half the entries: a suffix of the row, which is sorted by target) into U,
/// and F = U + Uᵀ off the diagonal, F_RR = U_RR: the same F as halving the diagonal of the full pass, for half the
/// memory traffic.</para>
/// <para>Sparse (r &gt; <see cref="DenseLimit"/>): three streaming passes. (1) Over fixed row chunks, count the entries
/// each chunk holds for each row of F. (2) Scatter every entry's (g(j), w) into its F row's bucket, chunk after chunk
/// within a bucket, so each bucket keeps CSR order. (3) Over fixed chunks of F rows, sum each bucket into a dense scratch
/// row with a touched list and emit it sorted by column; the chunks' rows are concatenated into CSR arrays. Time
/// O(n + m + chunks · r + nnz log r), memory O(m + chunks · r).</para>
/// <para>Both are bit-identical for any degree of parallelism (DESIGN 3.5). Undirected graphs store each link twice; the
/// sparse path therefore halves the diagonal: F_RR is then the internal link weight.</para>
/// </remarks>
internal static class GroupFlows
{
    /// <summary>The largest group count that uses a dense r × r accumulator.</summary>
    public const int DenseLimit = 2048;

    /// <summary>The least work (rows + entries) a dense chunk holds per cell of its accumulator, so that clearing and
    /// combining the partial matrices costs at most a sixteenth of the pass.</summary>
    private const long MinWorkPerCell = 16;

    /// <summary>The most chunks a flow pass is cut into.</summary>
    private const int MaxChunks = 64;

    /// <summary>
    /// Computes the flow matrix.
    /// </summary>
    /// <param name="graph">The graph (weighted, or every entry counts 1).</param>
    /// <param name="group">Each node's group in [0, <paramref name="groupCount"/>), or -1 for no group (its entries are
    /// left out of F and added to <see cref="FlowMatrix.UngroupedWeight"/>).</param>
    /// <param name="groupCount">r.</param>
    /// <param name="undirected">Whether the graph is undirected (symmetric, each link stored twice): F_RR is then the
    /// internal weight, each link counted once.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit; the result does not depend on it.</param>
    /// <param name="cancellationToken">Cancels the pass (checked every 1024 rows and between chunks).</param>
    /// <param name="denseLimit">The largest r computed densely (tests lower it to exercise the sparse path).</param>
    /// <param name="chunkDone">Called after each chunk with (chunks done, chunks), from any thread; or <see langword="null"/>.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">The group array does not match the graph, or a group is out of range.</exception>
    /// <exception cref="OperationCanceledException">The pass was cancelled.</exception>
    public static FlowMatrix Compute(CsrGraph graph, ReadOnlySpan<int> group, int groupCount, bool undirected, int maxDegreeOfParallelism,
        CancellationToken cancellationToken, int denseLimit = DenseLimit, Action<long, long>? chunkDone = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(groupCount);
        var n = graph.NodeCount;
        if (group.Length != n)
        {
            throw new ArgumentException($"The partition has {group.Length} entries for {n} nodes.", nameof(group));
        }

        for (var i = 0; i < n; i++)
        {
            if (group[i] >= groupCount)
            {
                throw new ArgumentException($"Node {i} has group {group[i]}; groups must be below {groupCount} (or -1 for none).", nameof(group));
            }
        }

        // Ungrouped nodes go to the sink group r, so that the hot loop has no branch. The dense path keeps the map in
        // 16 bits (half the cache footprint of the gather).
        if (groupCount <= Math.Min(denseLimit, ushort.MaxValue - 1))
        {
            var g16 = ArrayPool<ushort>.Shared.Rent(Math.Max(1, n));
            try
            {
                for (var i = 0; i < n; i++)
                {
                    g16[i] = (ushort)(group[i] < 0 ? groupCount : group[i]);
                }

                return Dense(graph, g16, groupCount, undirected, maxDegreeOfParallelism, cancellationToken, chunkDone);
            }
            finally
            {
                ArrayPool<ushort>.Shared.Return(g16);
            }
        }

        var g = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        try
        {
            for (var i = 0; i < n; i++)
            {
                g[i] = group[i] < 0 ? groupCount : group[i];
            }

            return Sparse(graph, g, groupCount, undirected, maxDegreeOfParallelism, cancellationToken, chunkDone);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(g);
        }
    }

    private static FlowMatrix Dense(CsrGraph graph, ushort[] g, int r, bool undirected, int dop, CancellationToken ct, Action<long, long>? chunkDone)
    {
        var size = r + 1;
        var cells = size * size;
        var bounds = SpMV.ChunkBounds(graph, Math.Max(SpMV.MinChunkWork, MinWorkPerCell * cells), MaxChunks);
        var chunks = bounds.Length - 1;
        var partials = new double[chunks][];
        long done = 0;
        try
        {
            SpMV.ForEachChunk(chunks, dop, ct, c =>
            {
                var acc = ArrayPool<double>.Shared.Rent(cells);
                Array.Clear(acc, 0, cells);
                partials[c] = acc;
                AccumulateRows(graph, g, acc, size, bounds[c], bounds[c + 1], undirected, ct);
                chunkDone?.Invoke(Interlocked.Increment(ref done), chunks);
            });

            var result = partials[0];
            for (var c = 1; c < chunks; c++)
            {
                var p = partials[c];
                for (var k = 0; k < cells; k++)
                {
                    result[k] += p[k];
                }
            }

            // Entries with an ungrouped end sit in the sink row r and column r.
            var ungrouped = 0.0;
            for (var s = 0; s < size; s++)
            {
                ungrouped += result[(r * size) + s];
            }

            for (var q = 0; q < r; q++)
            {
                ungrouped += result[(q * size) + r];
            }

            // F in column-major order (MathNet's dense storage): F[q, s] at s · r + q. Undirected: the pass saw each link
            // once (upper half-edges), so F = U + Uᵀ off the diagonal and U on it.
            var f = new double[r * r];
            for (var q = 0; q < r; q++)
            {
                for (var s = 0; s < r; s++)
                {
                    var u = result[(q * size) + s];
                    f[(s * r) + q] = undirected && s != q ? u + result[(s * size) + q] : u;
                }
            }

            return new FlowMatrix(r, f, null, null, null, ungrouped);
        }
        finally
        {
            foreach (var p in partials)
            {
                if (p is not null)
                {
                    ArrayPool<double>.Shared.Return(p);
                }
            }
        }
    }

    /// <summary>acc[g(v) · size + g(t)] += w for every entry of the rows [from, to); with <paramref name="upper"/> only for
    /// the entries with t ≥ v (each undirected link once: rows are sorted by target, so these end the row).</summary>
    private static void AccumulateRows(CsrGraph graph, ushort[] g, double[] acc, int size, int from, int to, bool upper, CancellationToken ct)
    {
        var offsets = graph.Offsets;

        // The hot loop without bounds checks: CsrGraph guarantees 0 <= target < n = g.Length, and g maps into [0, size).
        ref var tRef = ref MemoryMarshal.GetReference(graph.Targets);
        ref var gRef = ref MemoryMarshal.GetArrayDataReference(g);
        ref var aRef = ref MemoryMarshal.GetArrayDataReference(acc);
        var weighted = graph.IsWeighted;
        ref var wRef = ref MemoryMarshal.GetReference(graph.AllWeights);
        for (var v = from; v < to; v++)
        {
            if (((v - from) & 1023) == 1023)
            {
                ct.ThrowIfCancellationRequested();
            }

            ref var row = ref Unsafe.Add(ref aRef, g[v] * size);
            int begin = offsets[v], k = offsets[v + 1] - 1;
            if (upper)
            {
                // Only the row's entries with t >= v: a suffix of the row, read from its end.
                for (; k >= begin; k--)
                {
                    var t = Unsafe.Add(ref tRef, k);
                    if (t < v)
                    {
                        break;
                    }

                    Unsafe.Add(ref row, Unsafe.Add(ref gRef, t)) += weighted ? Unsafe.Add(ref wRef, k) : 1.0;
                }
            }
            else if (weighted)
            {
                for (; k >= begin; k--)
                {
                    Unsafe.Add(ref row, Unsafe.Add(ref gRef, Unsafe.Add(ref tRef, k))) += Unsafe.Add(ref wRef, k);
                }
            }
            else
            {
                for (; k >= begin; k--)
                {
                    Unsafe.Add(ref row, Unsafe.Add(ref gRef, Unsafe.Add(ref tRef, k))) += 1.0;
                }
            }
        }
    }

    private static FlowMatrix Sparse(CsrGraph graph, int[] g, int r, bool halve, int dop, CancellationToken ct, Action<long, long>? chunkDone)
    {
        var size = r + 1;

        // Fixed row chunks, each with at least 4 (r + 1) work so that the per-chunk counts cost at most a quarter of the pass.
        var bounds = SpMV.ChunkBounds(graph, Math.Max(SpMV.MinChunkWork, 4L * size), MaxChunks);
        var chunks = bounds.Length - 1;

        // Pass 1: entries per (chunk, F row); rows of ungrouped nodes are not bucketed.
        var cursor = new int[chunks * size];
        SpMV.ForEachChunk(chunks, dop, ct, c =>
        {
            var o = graph.Offsets;
            for (var v = bounds[c]; v < bounds[c + 1]; v++)
            {
                cursor[(c * size) + g[v]] += o[v + 1] - o[v];
            }
        });

        // Bucket starts: F row by F row, chunk by chunk within a row (so each row's entries keep CSR order).
        var rowStart = new int[r + 1];
        var at = 0;
        for (var q = 0; q < r; q++)
        {
            rowStart[q] = at;
            for (var c = 0; c < chunks; c++)
            {
                var count = cursor[(c * size) + q];
                cursor[(c * size) + q] = at;
                at += count;
            }
        }

        rowStart[r] = at;
        var columns = new int[at];
        var weights = new double[at];
        var total = chunks + 1L;
        long done = 0;

        // Pass 2: scatter each entry's (g(j), w) into its F row's bucket; rows of ungrouped nodes only add their weight.
        var chunkUngrouped = new double[chunks];
        SpMV.ForEachChunk(chunks, dop, ct, c =>
        {
            chunkUngrouped[c] = Scatter(graph, g, r, bounds[c], bounds[c + 1], cursor.AsSpan(c * size, size), columns, weights);
            chunkDone?.Invoke(Interlocked.Increment(ref done), total);
        });

        // Pass 3: each F row summed from its bucket into a scratch row with a touched list, in fixed chunks of rows.
        var rowChunks = (int)Math.Clamp(((long)at + r + SpMV.MinChunkWork - 1) / SpMV.MinChunkWork, 1, MaxChunks);
        var rowBounds = new int[rowChunks + 1];
        rowBounds[rowChunks] = r;
        for (int c = 1, q = 0; c < rowChunks; c++)
        {
            var target = ((long)at + r) * c / rowChunks;
            while (q < r && (long)rowStart[q] + q < target)
            {
                q++;
            }

            rowBounds[c] = q;
        }

        var rowCounts = new int[r];
        var chunkColumns = new int[rowChunks][];
        var chunkValues = new double[rowChunks][];
        var rowUngrouped = new double[rowChunks];
        SpMV.ForEachChunk(rowChunks, dop, ct, c =>
            rowUngrouped[c] = SumRows(columns, weights, rowStart, r, halve, rowBounds[c], rowBounds[c + 1], rowCounts,
                out chunkColumns[c], out chunkValues[c], ct));
        chunkDone?.Invoke(Interlocked.Increment(ref done), total);

        var rowPointers = new int[r + 1];
        for (var q = 0; q < r; q++)
        {
            rowPointers[q + 1] = rowPointers[q] + rowCounts[q];
        }

        var nnz = rowPointers[r];
        var outColumns = new int[nnz];
        var outValues = new double[nnz];
        var ungrouped = 0.0;
        var write = 0;
        for (var c = 0; c < rowChunks; c++)
        {
            chunkColumns[c].CopyTo(outColumns, write);
            chunkValues[c].CopyTo(outValues, write);
            write += chunkColumns[c].Length;
        }

        foreach (var u in chunkUngrouped)
        {
            ungrouped += u;
        }

        foreach (var u in rowUngrouped)
        {
            ungrouped += u;
        }

        return new FlowMatrix(r, null, rowPointers, outColumns, outValues, halve ? ungrouped * 0.5 : ungrouped);
    }

    /// <summary>Scatters the entries of rows [from, to) into their F rows' buckets at <paramref name="cursor"/> (this chunk's
    /// write positions, by F row); returns the weight of the rows of ungrouped nodes.</summary>
    private static double Scatter(CsrGraph graph, int[] g, int r, int from, int to, Span<int> cursor, int[] columns, double[] weights)
    {
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var w = graph.AllWeights;
        var weighted = graph.IsWeighted;
        var ungrouped = 0.0;
        for (var v = from; v < to; v++)
        {
            var q = g[v];
            int k = offsets[v], end = offsets[v + 1];
            if (q == r)
            {
                for (; k < end; k++)
                {
                    ungrouped += weighted ? w[k] : 1.0;
                }

                continue;
            }

            var p = cursor[q];
            for (; k < end; k++, p++)
            {
                columns[p] = g[targets[k]];
                weights[p] = weighted ? w[k] : 1.0;
            }

            cursor[q] = p;
        }

        return ungrouped;
    }

    /// <summary>F rows [from, to), each summed from its bucket in order into a scratch row, emitted sorted by column;
    /// returns the weight of the bucket entries whose column is the sink (an ungrouped end).</summary>
    private static double SumRows(int[] columns, double[] weights, int[] rowStart, int r, bool halve, int from, int to, int[] rowCounts,
        out int[] outColumns, out double[] outValues, CancellationToken ct)
    {
        var scratch = ArrayPool<double>.Shared.Rent(Math.Max(1, r));
        var stamp = ArrayPool<int>.Shared.Rent(Math.Max(1, r));
        var touched = ArrayPool<int>.Shared.Rent(Math.Max(1, r));
        try
        {
            Array.Clear(stamp, 0, r);
            var cols = new List<int>(1024);
            var vals = new List<double>(1024);
            var ungrouped = 0.0;
            for (var q = from; q < to; q++)
            {
                if (((q - from) & 1023) == 1023)
                {
                    ct.ThrowIfCancellationRequested();
                }

                var count = 0;
                for (var k = rowStart[q]; k < rowStart[q + 1]; k++)
                {
                    var s = columns[k];
                    if (s == r)
                    {
                        ungrouped += weights[k];
                        continue;
                    }

                    if (stamp[s] != q + 1)
                    {
                        stamp[s] = q + 1;
                        scratch[s] = 0;
                        touched[count++] = s;
                    }

                    scratch[s] += weights[k];
                }

                Array.Sort(touched, 0, count);
                for (var k = 0; k < count; k++)
                {
                    var s = touched[k];
                    cols.Add(s);
                    vals.Add(halve && s == q ? scratch[s] * 0.5 : scratch[s]);
                }

                rowCounts[q] = count;
            }

            outColumns = cols.ToArray();
            outValues = vals.ToArray();
            return ungrouped;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(scratch);
            ArrayPool<int>.Shared.Return(stamp);
            ArrayPool<int>.Shared.Return(touched);
        }
    }
}

/// <summary>
/// A group-by-group flow matrix: dense (column-major r × r, MathNet's dense layout: F[q, s] at s · r + q, <see cref="Dense"/>) or sparse CSR (<see cref="RowPointers"/>,
/// <see cref="Columns"/>, <see cref="Values"/>, columns sorted within each row).
/// </summary>
/// <param name="Size">r.</param>
/// <param name="Dense">The column-major values, or <see langword="null"/> when sparse.</param>
/// <param name="RowPointers">The CSR row offsets (r + 1), or <see langword="null"/> when dense.</param>
/// <param name="Columns">The CSR column indices, or <see langword="null"/> when dense.</param>
/// <param name="Values">The CSR values, or <see langword="null"/> when dense.</param>
/// <param name="UngroupedWeight">The weight of the links with an ungrouped end (each link once), left out of F.</param>
internal sealed record FlowMatrix(int Size, double[]? Dense, int[]? RowPointers, int[]? Columns, double[]? Values, double UngroupedWeight)
{
    /// <summary>Whether the matrix is dense.</summary>
    public bool IsDense => Dense is not null;

    /// <summary>F[row, column]: an array read when dense, a binary search of the row when sparse.</summary>
    /// <param name="row">The row group, in [0, <see cref="Size"/>).</param>
    /// <param name="column">The column group, in [0, <see cref="Size"/>).</param>
    /// <returns>The entry (0 when not stored).</returns>
    public double At(int row, int column)
    {
        if (Dense is not null)
        {
            return Dense[(column * Size) + row];
        }

        var from = RowPointers![row];
        var k = Array.BinarySearch(Columns!, from, RowPointers[row + 1] - from, column);
        return k >= 0 ? Values![k] : 0;
    }
}
