using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace GlocalNetworks.Kernels;

/// <summary>
/// Triangles through each node of a symmetric CSR graph, plain (counts) or with a value per entry (the sum over
/// triangles of the product of the three entries' values, as weighted clustering needs).
/// </summary>
/// <remarks>
/// <para>Degree-ordered forward algorithm: rank nodes by (degree, index) and keep, for every node j, only its
/// "forward" neighbours of higher rank. For node i, mark N(i) in a per-thread marker array, then for every j in N(i)
/// scan j's forward neighbours k: every marked k closes the triangle (i, j, k). Each adjacent pair {j, k} of
/// neighbours of i is found exactly once (from the lower-ranked of the two), at cost Σ_j d(j) d⁺(j), where
/// d⁺(j) ≤ √(2m) under degree ordering.</para>
/// <para>Every node's sum is computed by one thread in CSR order, so the results are bit-identical for any degree
/// of parallelism (no atomics, no reduction across threads). Self-loops are ignored.</para>
/// </remarks>
internal static class Triangles
{
    /// <summary>
    /// For every node i, <c>Σ_{j,k} s_ij s_jk s_ik</c> over unordered pairs {j, k} of distinct neighbours of i that are
    /// adjacent: the number of triangles through i when <paramref name="entryValues"/> is <see langword="null"/>.
    /// </summary>
    /// <param name="graph">An undirected (symmetric) graph; a directed one is read as given, which is only meaningful when symmetric.</param>
    /// <param name="entryValues">A value per stored entry (parallel to <see cref="CsrGraph.Targets"/>, symmetric), or
    /// <see langword="null"/> to count.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit.</param>
    /// <param name="cancellationToken">Checked every 1024 nodes.</param>
    /// <param name="onProgress">Called with the number of nodes done (from any thread), or <see langword="null"/>.</param>
    /// <returns>The per-node sums.</returns>
    public static double[] PerNode(CsrGraph graph, double[]? entryValues, int maxDegreeOfParallelism, CancellationToken cancellationToken,
        Action<long>? onProgress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (entryValues is not null && entryValues.Length != graph.EntryCount)
        {
            throw new ArgumentException("entryValues must have one value per stored entry.", nameof(entryValues));
        }

        var result = new double[n];
        if (n == 0)
        {
            return result;
        }

        var forward = Forward.Build(graph, entryValues);
        var bounds = SpMV.ChunkBounds(graph);
        var chunks = bounds.Length - 1;
        long done = 0;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = chunks <= 1 ? 1 : maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, chunks, options,
            () => Markers.Rent(n, entryValues is not null),
            (c, _, markers) =>
            {
                for (int from = bounds[c], to = bounds[c + 1], i = from; i < to; i++)
                {
                    if (((i - from) & 1023) == 1023)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    result[i] = entryValues is null
                        ? CountAt(graph, forward, markers.Stamp, i)
                        : SumAt(graph, entryValues, forward, markers.Stamp, markers.Value!, i);
                }

                if (onProgress is not null)
                {
                    onProgress(Interlocked.Add(ref done, bounds[c + 1] - bounds[c]));
                }

                return markers;
            },
            markers => markers.Return());
        return result;
    }

    private static double CountAt(CsrGraph g, Forward f, int[] stamp, int i)
    {
        var offsets = g.Offsets;
        var targets = g.Targets;
        int start = offsets[i], end = offsets[i + 1];
        for (var k = start; k < end; k++)
        {
            stamp[targets[k]] = i;
        }

        stamp[i] = -1; // a self-loop entry must not count i as its own neighbour
        long count = 0;
        var fo = f.Offsets;
        ref var ftRef = ref MemoryMarshal.GetArrayDataReference(f.Targets);
        ref var sRef = ref MemoryMarshal.GetArrayDataReference(stamp);
        for (var a = start; a < end; a++)
        {
            var j = targets[a];
            if (j == i)
            {
                continue;
            }

            // Branch-free and without bounds checks: forward targets are node indices < n <= stamp.Length.
            for (int b = fo[j], bEnd = fo[j + 1]; b < bEnd; b++)
            {
                count += Unsafe.Add(ref sRef, Unsafe.Add(ref ftRef, b)) == i ? 1 : 0;
            }
        }

        return count;
    }

    private static double SumAt(CsrGraph g, double[] values, Forward f, int[] stamp, double[] value, int i)
    {
        var offsets = g.Offsets;
        var targets = g.Targets;
        int start = offsets[i], end = offsets[i + 1];
        for (var k = start; k < end; k++)
        {
            var t = targets[k];
            stamp[t] = i;
            value[t] = values[k];
        }

        stamp[i] = -1;
        var sum = 0.0;
        var fo = f.Offsets;
        var ft = f.Targets;
        var fv = f.Values!;
        for (var a = start; a < end; a++)
        {
            var j = targets[a];
            if (j == i)
            {
                continue;
            }

            var sij = values[a];
            for (int b = fo[j], bEnd = fo[j + 1]; b < bEnd; b++)
            {
                var k = ft[b];
                if (stamp[k] == i)
                {
                    sum += sij * fv[b] * value[k];
                }
            }
        }

        return sum;
    }

    /// <summary>The forward (higher-rank) neighbours of every node, ranks by (degree, index); self-loops dropped.</summary>
    private sealed class Forward
    {
        private Forward(int[] offsets, int[] targets, double[]? values)
        {
            Offsets = offsets;
            Targets = targets;
            Values = values;
        }

        public int[] Offsets { get; }

        public int[] Targets { get; }

        public double[]? Values { get; }

        public static Forward Build(CsrGraph g, double[]? values)
        {
            var n = g.NodeCount;
            var offsets = g.Offsets;
            var targets = g.Targets;

            // Rank by (degree, index): a stable counting sort by degree.
            var maxDegree = 0;
            for (var v = 0; v < n; v++)
            {
                maxDegree = Math.Max(maxDegree, g.Degree(v));
            }

            var start = new int[maxDegree + 2];
            for (var v = 0; v < n; v++)
            {
                start[g.Degree(v) + 1]++;
            }

            for (var d = 0; d <= maxDegree; d++)
            {
                start[d + 1] += start[d];
            }

            var rank = ArrayPool<int>.Shared.Rent(n);
            try
            {
                for (var v = 0; v < n; v++)
                {
                    rank[v] = start[g.Degree(v)]++;
                }

                var fo = new int[n + 1];
                for (var v = 0; v < n; v++)
                {
                    var rv = rank[v];
                    var c = 0;
                    for (int k = offsets[v], end = offsets[v + 1]; k < end; k++)
                    {
                        c += rank[targets[k]] > rv ? 1 : 0;
                    }

                    fo[v + 1] = fo[v] + c;
                }

                var ft = new int[fo[n]];
                var fv = values is null ? null : new double[fo[n]];
                for (var v = 0; v < n; v++)
                {
                    var rv = rank[v];
                    var p = fo[v];
                    for (int k = offsets[v], end = offsets[v + 1]; k < end; k++)
                    {
                        var t = targets[k];
                        if (rank[t] > rv)
                        {
                            ft[p] = t;
                            if (fv is not null)
                            {
                                fv[p] = values![k];
                            }

                            p++;
                        }
                    }
                }

                return new Forward(fo, ft, fv);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(rank);
            }
        }
    }

    /// <summary>A thread's marker arrays: the node whose neighbourhood is marked, and the marked entries' values.</summary>
    private sealed class Markers
    {
        private Markers(int[] stamp, double[]? value)
        {
            Stamp = stamp;
            Value = value;
        }

        public int[] Stamp { get; }

        public double[]? Value { get; }

        public static Markers Rent(int n, bool withValues)
        {
            var stamp = ArrayPool<int>.Shared.Rent(n);
            Array.Fill(stamp, -1, 0, n);
            return new Markers(stamp, withValues ? ArrayPool<double>.Shared.Rent(n) : null);
        }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Stamp);
            if (Value is not null)
            {
                ArrayPool<double>.Shared.Return(Value);
            }
        }
    }
}
