using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace GlocalNetworks.Kernels;

/// <summary>
/// Per-source summaries of single-source shortest paths on a <see cref="CsrGraph"/>: for each source s, the number of
/// nodes reached (s included), Σ d(s, t), Σ 1/d(s, t) and max d(s, t) over the nodes t ≠ s it reaches. BFS when
/// unweighted, Dijkstra with an <see cref="IndexedHeap"/> when weighted (weights are lengths). These four numbers are
/// all that closeness, harmonic centrality, eccentricity, diameter and the average shortest path need, so one pass
/// serves them all with O(n) memory per thread and no n × n matrix.
/// </summary>
/// <remarks>
/// <para>For distances <em>to</em> a node (networkx's closeness and harmonic centrality on directed graphs), run on
/// <see cref="CsrGraph.Transpose"/>. An optional component labelling restricts the search to one component (the
/// nodes labelled otherwise are treated as absent).</para>
/// <para>Parallel over sources in fixed chunks; each source writes only its own slots, so the result does not depend
/// on the degree of parallelism. Cancellation is checked before every source. Time O(k m) unweighted,
/// O(k (m + n log n)) weighted, for k sources.</para>
/// </remarks>
internal static class ShortestPaths
{
    private const byte Unseen = 0;
    private const byte Blocked = 255;

    /// <summary>Computes the summaries of every source in <paramref name="sources"/> (all nodes when <see langword="null"/>).</summary>
    /// <param name="graph">The graph (out-arcs are followed).</param>
    /// <param name="inGraph">The in-rows of <paramref name="graph"/> (the graph itself when undirected, its transpose
    /// when directed), which lets the BFS go bottom-up on large levels; <see langword="null"/>: top-down only.</param>
    /// <param name="sources">The sources, or <see langword="null"/> for every node in order.</param>
    /// <param name="weighted">Use the entries' weights as lengths; otherwise every entry has length 1.</param>
    /// <param name="labels">A component label per node to restrict the search, or <see langword="null"/>.</param>
    /// <param name="label">The label of the nodes to keep (ignored without <paramref name="labels"/>).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use.</param>
    /// <param name="cancellationToken">Checked before each source.</param>
    /// <param name="progress">Called with (sources done, sources in all) after each source, from any thread; may be <see langword="null"/>.</param>
    /// <returns>The summaries, indexed like the sources.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SourceSummaries Summarise(CsrGraph graph, CsrGraph? inGraph, int[]? sources, bool weighted, int[]? labels, int label,
        int maxDegreeOfParallelism, CancellationToken cancellationToken = default, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (inGraph is not null && inGraph.NodeCount != graph.NodeCount)
        {
            throw new ArgumentException("inGraph must have the nodes of graph.", nameof(inGraph));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var n = graph.NodeCount;
        if (labels is not null && labels.Length < n)
        {
            throw new ArgumentException("labels must have one entry per node.", nameof(labels));
        }

        var count = sources?.Length ?? n;
        var result = new SourceSummaries(count);
        weighted &= graph.IsWeighted;
        var chunks = SourceChunks.Count(count);
        if (chunks == 0)
        {
            return result;
        }

        var nextChunk = -1;
        long done = 0;
        var workers = SourceChunks.Workers(maxDegreeOfParallelism, chunks);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
        {
            // Nodes outside the kept component are marked "seen" (BFS) or given length -1 (Dijkstra) once, so the
            // inner loops never look at the labels.
            var seen = weighted ? [] : ArrayPool<byte>.Shared.Rent(n);
            var len = weighted ? ArrayPool<double>.Shared.Rent(n) : [];
            var queue = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            using var heap = weighted ? new IndexedHeap(n) : null;
            try
            {
                long keptInEntries = 0;
                var inOff = inGraph is null ? graph.Offsets : inGraph.Offsets;
                for (var v = 0; v < n; v++)
                {
                    var outside = labels is not null && labels[v] != label;
                    if (weighted)
                    {
                        len[v] = outside ? -1 : double.PositiveInfinity;
                    }
                    else
                    {
                        seen[v] = outside ? Blocked : Unseen;
                        keptInEntries += outside ? 0 : inOff[v + 1] - inOff[v];
                    }
                }

                while (true)
                {
                    var c = Interlocked.Increment(ref nextChunk);
                    if (c >= chunks || cancellationToken.IsCancellationRequested)
                    {
                        return;
                    }

                    var end = SourceChunks.Start(c + 1, chunks, count);
                    for (var i = SourceChunks.Start(c, chunks, count); i < end; i++)
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            return;
                        }

                        var s = sources is null ? i : sources[i];
                        if (labels is not null && labels[s] != label)
                        {
                            result.Reached[i] = 0;
                        }
                        else if (weighted)
                        {
                            Dijkstra(graph, s, len, queue, heap!, result, i);
                        }
                        else
                        {
                            Bfs(graph, inGraph, s, seen, queue, keptInEntries, result, i);
                        }

                        var d = Interlocked.Increment(ref done);
                        progress?.Invoke(d, count);
                    }
                }
            }
            finally
            {
                if (weighted)
                {
                    ArrayPool<double>.Shared.Return(len);
                }
                else
                {
                    ArrayPool<byte>.Shared.Return(seen);
                }

                ArrayPool<int>.Shared.Return(queue);
            }
        });

        cancellationToken.ThrowIfCancellationRequested();
        return result;
    }

    /// <summary>
    /// Level-synchronous, direction-optimising BFS (Beamer, Asanović &amp; Patterson 2012): the nodes of one level are a
    /// contiguous run of the queue, so each level adds count · d to Σd and count / d to Σ1/d at once. A level is expanded
    /// top-down (scan the frontier's out-rows) while the frontier is small, and bottom-up (each unseen node scans its
    /// in-row until it finds a frontier node) once the frontier's entries exceed 1/14 of the unseen nodes' in-entries,
    /// back to top-down when the frontier holds fewer than n/24 nodes. Codes: 0 unseen, 1 + level mod 3 seen, 255
    /// outside the kept component; an unseen node's in-neighbours lie on the current level or the one being built,
    /// which the codes tell apart.
    /// </summary>
    private static void Bfs(CsrGraph g, CsrGraph? gin, int s, byte[] codeArray, int[] queueArray, long keptInEntries, SourceSummaries r, int slot)
    {
        const int Alpha = 14;
        const int Beta = 24;
        var n = g.NodeCount;
        ref var off = ref MemoryMarshal.GetReference(g.Offsets);
        ref var tg = ref MemoryMarshal.GetReference(g.Targets);
        ref var inOff = ref MemoryMarshal.GetReference(gin is null ? g.Offsets : gin.Offsets);
        ref var inTg = ref MemoryMarshal.GetReference(gin is null ? g.Targets : gin.Targets);
        ref var code = ref MemoryMarshal.GetArrayDataReference(codeArray);
        ref var queue = ref MemoryMarshal.GetArrayDataReference(queueArray);
        queue = s;
        Unsafe.Add(ref code, s) = 1;
        int head = 0, tail = 1, level = 0;
        long sum = 0;
        var inverse = 0.0;
        long frontierEntries = Unsafe.Add(ref off, s + 1) - Unsafe.Add(ref off, s);
        var unseenInEntries = keptInEntries - (Unsafe.Add(ref inOff, s + 1) - Unsafe.Add(ref inOff, s));
        var bottomUp = false;
        while (true)
        {
            var levelEnd = tail;
            if (level > 0)
            {
                var count = levelEnd - head;
                sum += (long)count * level;
                inverse += count / (double)level;
            }

            var current = (byte)(1 + (level % 3));
            var next = (byte)(current == 3 ? 1 : current + 1);
            if (gin is not null && !bottomUp && frontierEntries * Alpha > unseenInEntries)
            {
                bottomUp = true;
            }
            else if (bottomUp && (long)(levelEnd - head) * Beta < n)
            {
                bottomUp = false;
            }

            long nextEntries = 0;
            if (bottomUp)
            {
                for (var w = 0; w < n; w++)
                {
                    if (Unsafe.Add(ref code, w) != Unseen)
                    {
                        continue;
                    }

                    var end = Unsafe.Add(ref inOff, w + 1);
                    for (var k = Unsafe.Add(ref inOff, w); k < end; k++)
                    {
                        if (Unsafe.Add(ref code, Unsafe.Add(ref inTg, k)) == current)
                        {
                            Unsafe.Add(ref code, w) = next;
                            Unsafe.Add(ref queue, tail++) = w;
                            nextEntries += Unsafe.Add(ref off, w + 1) - Unsafe.Add(ref off, w);
                            unseenInEntries -= end - Unsafe.Add(ref inOff, w);
                            break;
                        }
                    }
                }
            }
            else
            {
                for (var i = head; i < levelEnd; i++)
                {
                    var v = Unsafe.Add(ref queue, i);
                    var end = Unsafe.Add(ref off, v + 1);
                    for (var k = Unsafe.Add(ref off, v); k < end; k++)
                    {
                        var w = Unsafe.Add(ref tg, k);
                        ref var cw = ref Unsafe.Add(ref code, w);
                        if (cw == Unseen)
                        {
                            cw = next;
                            Unsafe.Add(ref queue, tail++) = w;
                            nextEntries += Unsafe.Add(ref off, w + 1) - Unsafe.Add(ref off, w);
                            unseenInEntries -= Unsafe.Add(ref inOff, w + 1) - Unsafe.Add(ref inOff, w);
                        }
                    }
                }
            }

            head = levelEnd;
            if (tail == levelEnd)
            {
                break;
            }

            frontierEntries = nextEntries;
            level++;
        }

        r.Reached[slot] = tail;
        r.DistanceSum[slot] = sum;
        r.InverseSum[slot] = inverse;
        r.Eccentricity[slot] = level;
        for (var i = 0; i < tail; i++)
        {
            Unsafe.Add(ref code, Unsafe.Add(ref queue, i)) = Unseen;
        }
    }

    private static void Dijkstra(CsrGraph g, int s, double[] lenArray, int[] settledArray, IndexedHeap heap, SourceSummaries r, int slot)
    {
        var n = g.NodeCount;
        var off = g.Offsets;
        var tg = g.Targets;
        var wt = g.AllWeights;
        var len = lenArray.AsSpan(0, n);
        var settledNodes = settledArray.AsSpan(0, n);
        len[s] = 0;
        heap.InsertOrDecrease(s, 0);
        var settled = 0;
        double sum = 0, inverse = 0, max = 0;
        while (heap.Count > 0)
        {
            var v = heap.Pop(out var dv);
            settledNodes[settled++] = v;
            if (dv > 0)
            {
                sum += dv;
                inverse += 1.0 / dv;
                max = Math.Max(max, dv);
            }

            // A popped node's length is final and below any tentative one, so the strict comparison never reopens it;
            // nodes outside the kept component hold -1 and are never entered.
            var end = off[v + 1];
            for (var k = off[v]; k < end; k++)
            {
                var w = tg[k];
                var d = dv + wt[k];
                if (d < len[w])
                {
                    len[w] = d;
                    heap.InsertOrDecrease(w, d);
                }
            }
        }

        r.Reached[slot] = settled;
        r.DistanceSum[slot] = sum;
        r.InverseSum[slot] = inverse;
        r.Eccentricity[slot] = max;
        for (var i = 0; i < settled; i++)
        {
            len[settledNodes[i]] = double.PositiveInfinity;
        }
    }
}

/// <summary>Per-source shortest-path summaries from <see cref="ShortestPaths.Summarise"/>, indexed like the sources.</summary>
internal sealed class SourceSummaries
{
    /// <summary>Creates empty summaries for <paramref name="count"/> sources.</summary>
    /// <param name="count">The number of sources.</param>
    public SourceSummaries(int count)
    {
        Reached = new int[count];
        DistanceSum = new double[count];
        InverseSum = new double[count];
        Eccentricity = new double[count];
    }

    /// <summary>The number of sources.</summary>
    public int Count => Reached.Length;

    /// <summary>Nodes reached from each source, the source included (0 for a source outside the kept component).</summary>
    public int[] Reached { get; }

    /// <summary>Σ d(s, t) over the nodes t reached.</summary>
    public double[] DistanceSum { get; }

    /// <summary>Σ 1/d(s, t) over the nodes t ≠ s reached.</summary>
    public double[] InverseSum { get; }

    /// <summary>max d(s, t) over the nodes t reached (0 when only s is).</summary>
    public double[] Eccentricity { get; }
}
