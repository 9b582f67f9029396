using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>
/// Sparse matrix-vector products over CSR rows (pull style: row v gathers from the entries it stores), and the fixed row
/// chunking every parallel row kernel uses.
/// </summary>
/// <remarks>
/// <para>Determinism (DESIGN 3.5): the rows are cut into chunks that depend only on the graph (never on the core count);
/// every row is summed sequentially in CSR order, and reductions keep one partial per chunk, combined in chunk order.
/// The results are therefore bit-identical for any degree of parallelism.</para>
/// </remarks>
internal static class SpMV
{
    /// <summary>The most chunks a row kernel is cut into.</summary>
    public const int MaxChunks = 256;

    /// <summary>The work (rows + entries) a chunk should hold at least, so that tiny graphs run as one chunk.</summary>
    public const int MinChunkWork = 16_384;

    /// <summary>
    /// Cuts the rows of <paramref name="rows"/> into chunks of about equal work (rows + entries): chunk c is rows
    /// <c>bounds[c]</c> to <c>bounds[c + 1]</c>. Depends only on the graph's shape.
    /// </summary>
    /// <param name="rows">The graph whose rows are processed.</param>
    /// <returns>The chunk bounds, length chunks + 1, starting at 0 and ending at n.</returns>
    public static int[] ChunkBounds(CsrGraph rows) => ChunkBounds(rows, MinChunkWork, MaxChunks);

    /// <summary>
    /// Cuts the rows of <paramref name="rows"/> into at most <paramref name="maxChunks"/> chunks of about equal work, each
    /// holding at least <paramref name="minChunkWork"/> (rows + entries) unless there is less work in all. Depends only on
    /// the graph's shape and the two limits.
    /// </summary>
    /// <param name="rows">The graph whose rows are processed.</param>
    /// <param name="minChunkWork">The least work per chunk (at least 1).</param>
    /// <param name="maxChunks">The most chunks (at least 1).</param>
    /// <returns>The chunk bounds, length chunks + 1, starting at 0 and ending at n.</returns>
    public static int[] ChunkBounds(CsrGraph rows, long minChunkWork, int maxChunks)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(minChunkWork, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChunks, 1);
        var n = rows.NodeCount;
        var offsets = rows.Offsets;
        long work = (long)n + offsets[n];
        var chunks = (int)Math.Clamp((work + minChunkWork - 1) / minChunkWork, 1, maxChunks);
        if (n == 0)
        {
            return [0, 0];
        }

        var bounds = new int[chunks + 1];
        bounds[chunks] = n;
        for (var c = 1; c < chunks; c++)
        {
            var target = work * c / chunks;

            // The first row v with v + offsets[v] >= target (monotone in v).
            int lo = bounds[c - 1], hi = n;
            while (lo < hi)
            {
                var mid = lo + ((hi - lo) >> 1);
                if (mid + (long)offsets[mid] >= target)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            bounds[c] = lo;
        }

        return bounds;
    }

    /// <summary>Runs <paramref name="body"/> for every chunk, in parallel up to <paramref name="maxDegreeOfParallelism"/>
    /// threads (sequentially, in chunk order, when that is 1 or there is one chunk). The parallel case runs on the
    /// persistent <see cref="SpMVWorkers"/>, so a call allocates nothing when <paramref name="body"/> is a cached
    /// delegate; cancellation throws <see cref="OperationCanceledException"/> and a failing body its own exception.</summary>
    /// <param name="chunks">The number of chunks.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit.</param>
    /// <param name="cancellationToken">Cancels between chunks.</param>
    /// <param name="body">The chunk body.</param>
    public static void ForEachChunk(int chunks, int maxDegreeOfParallelism, CancellationToken cancellationToken, Action<int> body)
    {
        if (chunks <= 1 || maxDegreeOfParallelism <= 1)
        {
            for (var c = 0; c < chunks; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                body(c);
            }

            return;
        }

        SpMVWorkers.Shared.Run(chunks, maxDegreeOfParallelism, cancellationToken, body);
    }

    /// <summary>
    /// y = M x where row v of M is row v of <paramref name="rows"/>: <c>y[v] = Σ_k w_k x[t_k]</c> (w_k = 1 when
    /// <paramref name="useWeights"/> is false or the graph is unweighted). Pass the in-rows (the transpose) of a directed
    /// graph to compute Aᵀx, i.e. the left product xᵀA.
    /// </summary>
    /// <param name="rows">The rows to gather over.</param>
    /// <param name="x">The input vector, length n.</param>
    /// <param name="y">The output vector, length n (must not be <paramref name="x"/>).</param>
    /// <param name="useWeights">Whether to multiply by the entries' weights.</param>
    /// <param name="bounds">Chunk bounds from <see cref="ChunkBounds(CsrGraph)"/>.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit.</param>
    /// <param name="cancellationToken">Cancels between chunks.</param>
    public static void Multiply(CsrGraph rows, double[] x, double[] y, bool useWeights, int[] bounds, int maxDegreeOfParallelism,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(bounds);
        var weighted = useWeights && rows.IsWeighted;
        ForEachChunk(bounds.Length - 1, maxDegreeOfParallelism, cancellationToken, c => MultiplyRows(rows, x, y, weighted, bounds[c], bounds[c + 1]));
    }

    /// <summary>y[v] = Σ_k w_k x[t_k] for the rows <paramref name="from"/> to <paramref name="to"/> (exclusive).</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="x">The input.</param>
    /// <param name="y">The output.</param>
    /// <param name="weighted">Whether to use the weights.</param>
    /// <param name="from">The first row.</param>
    /// <param name="to">One past the last row.</param>
    public static void MultiplyRows(CsrGraph rows, double[] x, double[] y, bool weighted, int from, int to)
    {
        var offsets = rows.Offsets;
        if (x.Length < rows.NodeCount || y.Length < to || from < 0)
        {
            throw new ArgumentException("x must hold n values and y the rows' results.", nameof(x));
        }

        // The hot loops, without bounds checks: CsrGraph guarantees 0 <= k < EntryCount and 0 <= target < n <= x.Length.
        ref var tRef = ref MemoryMarshal.GetReference(rows.Targets);
        ref var xRef = ref MemoryMarshal.GetArrayDataReference(x);
        if (weighted)
        {
            var weights = rows.AllWeights;
            ref var wRef = ref MemoryMarshal.GetReference(weights);
            for (var v = from; v < to; v++)
            {
                var s = 0.0;
                for (int k = offsets[v], end = offsets[v + 1]; k < end; k++)
                {
                    s += Unsafe.Add(ref wRef, k) * Unsafe.Add(ref xRef, Unsafe.Add(ref tRef, k));
                }

                y[v] = s;
            }
        }
        else
        {
            for (var v = from; v < to; v++)
            {
                var s = 0.0;
                for (int k = offsets[v], end = offsets[v + 1]; k < end; k++)
                {
                    s += Unsafe.Add(ref xRef, Unsafe.Add(ref tRef, k));
                }

                y[v] = s;
            }
        }
    }
}
