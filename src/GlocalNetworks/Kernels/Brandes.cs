using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace GlocalNetworks.Kernels;

/// <summary>
/// Brandes' (2001) betweenness accumulation on a <see cref="CsrGraph"/>: for each source s, a BFS (unweighted) or
/// Dijkstra (weighted; weights are lengths) counts shortest paths σ, then a backward sweep in reverse distance order
/// accumulates the dependencies δ<sub>s</sub>(v) = Σ<sub>w: v∈P(w)</sub> σ(v)/σ(w) · (1 + δ<sub>s</sub>(w)).
/// Returns the raw sums Σ<sub>s</sub> δ<sub>s</sub>(v) over ordered pairs; callers rescale.
/// </summary>
/// <remarks>
/// <para>No predecessor lists: the backward sweep rescans each node's out-row. Unweighted, it needs no distance
/// test at all (see <c>Workspace.Backward</c>); the forward BFS is level-synchronous and direction-optimising (Beamer,
/// Asanović &amp; Patterson 2012): small frontiers push σ top-down, large levels are built bottom-up by every unseen node
/// pulling σ from its in-row as a branch-free sum. Weighted, the backward sweep keeps the out-neighbours w settled
/// after v with len(v) + ℓ(v, w) ≈ len(w), and the forward Dijkstra counts σ(w) when w is settled, from its settled
/// in-neighbours under the same predicate, so both passes see the same shortest-path DAG. Path lengths are compared
/// with one relative tolerance, <see cref="RelativeTolerance"/>: a ≈ b ⇔ |a - b| ≤ 1e-10 · max(|a|, |b|), so
/// 0.1 + 1/3 + 1/3 + 1/3 (1.0999999999999999 in doubles) ties with 0.1 + 1 (1.1).</para>
/// <para>Parallel and deterministic: the sources are cut into <see cref="SourceChunks"/> (a count independent of the
/// cores); each chunk sums into its own accumulator and the accumulators are added in chunk order, so the result is
/// bit-identical at any degree of parallelism. Per worker: O(n) scratch from <see cref="ArrayPool{T}.Shared"/>, and at
/// most 2 × workers finished accumulators wait for an earlier chunk (a worker ahead of that bound waits).</para>
/// <para>Time O(k m) unweighted, O(k (m + n log n)) weighted, for k sources. Cancellation is checked before every
/// source; a cancelled run throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
internal static class Brandes
{
    /// <summary>A BFS level is built bottom-up when its frontier's entries × this factor exceed the unseen nodes'
    /// (in-)entries: a bottom-up entry costs a branch-free load and add, a top-down one two unpredictable tests
    /// (4 was fastest of 1, 2, 4, 8 on the Barabási–Albert benchmark graphs).</summary>
    private const int BottomUpFactor = 4;

    /// <summary>The relative tolerance under which two weighted path lengths are equal: 1e-10.</summary>
    public const double RelativeTolerance = 1e-10;

    /// <summary>Whether two path lengths (≥ 0) are equal within <see cref="RelativeTolerance"/>.</summary>
    /// <param name="a">One length.</param>
    /// <param name="b">The other.</param>
    /// <returns>|a - b| ≤ 1e-10 · max(a, b).</returns>
    public static bool SameLength(double a, double b) => Math.Abs(a - b) <= RelativeTolerance * Math.Max(a, b);

    /// <summary>Accumulates betweenness dependencies from <paramref name="sources"/> (all nodes when <see langword="null"/>).</summary>
    /// <param name="graph">The graph; directed graphs follow arcs.</param>
    /// <param name="sources">The sources, or <see langword="null"/> for every node in order.</param>
    /// <param name="weighted">Use the entries' weights as lengths (Dijkstra); otherwise every entry has length 1 (BFS).</param>
    /// <param name="endpoints">Count the endpoints of each path too (networkx <c>endpoints=True</c>).</param>
    /// <param name="maxDegreeOfParallelism">Threads to use (does not change the result).</param>
    /// <param name="cancellationToken">Checked before each source.</param>
    /// <param name="progress">Called with (sources done, sources in all) after each source, from any thread; may be <see langword="null"/>.</param>
    /// <returns>The raw ordered-pair sums, one per node.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static double[] Accumulate(CsrGraph graph, int[]? sources, bool weighted, bool endpoints, int maxDegreeOfParallelism,
        CancellationToken cancellationToken = default, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var n = graph.NodeCount;
        var count = sources?.Length ?? n;
        var result = new double[n];
        weighted &= graph.IsWeighted;
        var chunks = SourceChunks.Count(count);
        if (chunks == 0)
        {
            return result;
        }

        var inGraph = graph.Transpose(); // in-rows: Dijkstra counts σ from them, the BFS pulls bottom-up from them
        var pending = new double[]?[chunks];
        var nextChunk = -1;
        var nextMerge = 0;
        var waiting = 0; // finished chunks not yet merged
        var aborted = 0;
        long done = 0;
        var gate = new object();
        var workers = SourceChunks.Workers(maxDegreeOfParallelism, chunks);
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
            {
                using var ws = new Workspace(n, weighted, graph.IsDirected);
                try
                {
                    Work(ws);
                }
                catch
                {
                    // A failing worker must not leave the others waiting for its chunk.
                    Volatile.Write(ref aborted, 1);
                    lock (gate)
                    {
                        Monitor.PulseAll(gate);
                    }

                    throw;
                }
            });
        }
        finally
        {
            foreach (var p in pending)
            {
                if (p is not null)
                {
                    ArrayPool<double>.Shared.Return(p);
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return result;

        void Work(Workspace ws)
        {
            while (true)
            {
                var c = Interlocked.Increment(ref nextChunk);
                if (c >= chunks || cancellationToken.IsCancellationRequested)
                {
                    return;
                }

                var acc = ArrayPool<double>.Shared.Rent(n);
                Array.Clear(acc, 0, n);
                var end = SourceChunks.Start(c + 1, chunks, count);
                for (var i = SourceChunks.Start(c, chunks, count); i < end; i++)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        ArrayPool<double>.Shared.Return(acc);
                        return;
                    }

                    var s = sources is null ? i : sources[i];
                    if (weighted)
                    {
                        ws.Dijkstra(graph, inGraph, s, acc, endpoints);
                    }
                    else
                    {
                        ws.Bfs(graph, inGraph, s, acc, endpoints);
                    }

                    var d = Interlocked.Increment(ref done);
                    progress?.Invoke(d, count);
                }

                lock (gate)
                {
                    pending[c] = acc;
                    waiting++;
                    while (nextMerge < chunks && pending[nextMerge] is { } p)
                    {
                        for (var v = 0; v < n; v++)
                        {
                            result[v] += p[v];
                        }

                        pending[nextMerge] = null;
                        ArrayPool<double>.Shared.Return(p);
                        nextMerge++;
                        waiting--;
                    }

                    // Bound the memory: at most 2 × workers finished chunks wait for an earlier one (whose worker
                    // is running, so the wait ends; the timeout re-checks cancellation).
                    Monitor.PulseAll(gate);
                    while (waiting > 2 * workers && !cancellationToken.IsCancellationRequested && Volatile.Read(ref aborted) == 0)
                    {
                        Monitor.Wait(gate, 50);
                    }
                }
            }
        }
    }

    /// <summary>One worker's scratch, reused for every source; every array is returned to the pool on dispose.</summary>
    private sealed class Workspace : IDisposable
    {
        private readonly int _n;
        private readonly int[] _stack;
        private readonly double[] _sigma;
        private readonly double[] _coef;
        private readonly byte[] _code;         // unweighted undirected: 0 unseen, else 1 + level mod 3
        private readonly int[] _dist;          // unweighted directed: hops, -1 unseen
        private readonly int[] _levels;        // unweighted: start of each BFS level in the stack
        private readonly double[] _tmp;        // unweighted: δ of the level being swept
        private readonly double[] _length;     // weighted: tentative or final length, +inf unseen
        private readonly int[] _order;         // weighted: position in the settle order, -1 unsettled
        private readonly IndexedHeap? _heap;

        public Workspace(int n, bool weighted, bool directed)
        {
            _n = n;
            _stack = ArrayPool<int>.Shared.Rent(n);
            _sigma = ArrayPool<double>.Shared.Rent(n);
            _coef = ArrayPool<double>.Shared.Rent(n);
            _code = [];
            _dist = [];
            _levels = [];
            _tmp = [];
            _length = [];
            _order = [];
            if (weighted)
            {
                _length = ArrayPool<double>.Shared.Rent(n);
                _order = ArrayPool<int>.Shared.Rent(n);
                _length.AsSpan(0, n).Fill(double.PositiveInfinity);
                _order.AsSpan(0, n).Fill(-1);
                _heap = new IndexedHeap(n);
                return;
            }

            if (directed)
            {
                _dist = ArrayPool<int>.Shared.Rent(n);
                _dist.AsSpan(0, n).Fill(-1);
            }
            else
            {
                _code = ArrayPool<byte>.Shared.Rent(n);
                _code.AsSpan(0, n).Clear();
            }

            _levels = ArrayPool<int>.Shared.Rent(n + 1);
            _tmp = ArrayPool<double>.Shared.Rent(n);
            _coef.AsSpan(0, n).Clear();
            _sigma.AsSpan(0, n).Clear();
        }

        /// <summary>BFS from <paramref name="s"/> counting σ, then the backward sweep adding δ into <paramref name="acc"/>.</summary>
        /// <remarks>
        /// <para>Between sources σ and coef are 0 and every node unseen, so the forward loop only tests two things per
        /// entry: "unseen" (then push it at the next level) and "at the next level" (then σ(w) += σ(v)). An undirected
        /// BFS only meets neighbours one level up, on the same level or one level down, so a byte holding
        /// 1 + level mod 3 tells them apart (a quarter of an int's cache footprint); a directed one can meet any earlier
        /// level and keeps full distances.</para>
        /// <para>Bounds checks are elided with <see cref="Unsafe"/> on indices that are CSR targets (always &lt; n) or
        /// stack positions (always &lt; reached ≤ n).</para>
        /// </remarks>
        public void Bfs(CsrGraph g, CsrGraph gin, int s, double[] acc, bool endpoints)
        {
            ref var off = ref MemoryMarshal.GetReference(g.Offsets);
            ref var tg = ref MemoryMarshal.GetReference(g.Targets);
            ref var sigma = ref MemoryMarshal.GetArrayDataReference(_sigma);
            ref var stack = ref MemoryMarshal.GetArrayDataReference(_stack);
            ref var levels = ref MemoryMarshal.GetArrayDataReference(_levels);
            stack = s;
            Unsafe.Add(ref sigma, s) = 1;
            int head = 0, tail = 1, depth = 0;
            if (g.IsDirected)
            {
                // As the undirected sweep below, with full distances: an arc may lead back to any earlier level. The
                // bottom-up pull reads the in-rows (an unseen node's in-neighbours lie on the current level or deeper).
                ref var dist = ref MemoryMarshal.GetArrayDataReference(_dist);
                ref var tmp = ref MemoryMarshal.GetArrayDataReference(_tmp);
                ref var inOff = ref MemoryMarshal.GetReference(gin.Offsets);
                ref var inTg = ref MemoryMarshal.GetReference(gin.Targets);
                var n = _n;
                Unsafe.Add(ref dist, s) = 0;
                long frontierEntries = Unsafe.Add(ref off, s + 1) - Unsafe.Add(ref off, s);
                var unseenInEntries = (long)Unsafe.Add(ref inOff, n) - (Unsafe.Add(ref inOff, s + 1) - Unsafe.Add(ref inOff, s));
                while (head < tail)
                {
                    var levelEnd = tail;
                    Unsafe.Add(ref levels, depth++) = head;
                    var dv = depth; // the level being built
                    long nextEntries = 0;
                    if (frontierEntries * BottomUpFactor > unseenInEntries)
                    {
                        for (var w = 0; w < n; w++)
                        {
                            if (Unsafe.Add(ref dist, w) >= 0)
                            {
                                continue;
                            }

                            int lo = Unsafe.Add(ref inOff, w), hi = Unsafe.Add(ref inOff, w + 1);
                            var a = SumCoefficients(ref sigma, ref inTg, lo, hi);
                            if (a > 0)
                            {
                                Unsafe.Add(ref dist, w) = dv;
                                Unsafe.Add(ref tmp, tail) = a;
                                Unsafe.Add(ref stack, tail++) = w;
                                nextEntries += Unsafe.Add(ref off, w + 1) - Unsafe.Add(ref off, w);
                                unseenInEntries -= hi - lo;
                            }
                        }

                        for (var i = levelEnd; i < tail; i++)
                        {
                            Unsafe.Add(ref sigma, Unsafe.Add(ref stack, i)) = Unsafe.Add(ref tmp, i);
                        }
                    }
                    else
                    {
                        for (var i = head; i < levelEnd; i++)
                        {
                            var v = Unsafe.Add(ref stack, i);
                            var sv = Unsafe.Add(ref sigma, v);
                            var end = Unsafe.Add(ref off, v + 1);
                            for (var k = Unsafe.Add(ref off, v); k < end; k++)
                            {
                                var w = Unsafe.Add(ref tg, k);
                                ref var dw = ref Unsafe.Add(ref dist, w);
                                if (dw < 0)
                                {
                                    dw = dv;
                                    Unsafe.Add(ref stack, tail++) = w;
                                    nextEntries += Unsafe.Add(ref off, w + 1) - Unsafe.Add(ref off, w);
                                    unseenInEntries -= Unsafe.Add(ref inOff, w + 1) - Unsafe.Add(ref inOff, w);
                                }

                                if (dw == dv)
                                {
                                    Unsafe.Add(ref sigma, w) += sv;
                                }
                            }
                        }
                    }

                    head = levelEnd;
                    frontierEntries = nextEntries;
                }

                for (var i = 0; i < tail; i++)
                {
                    Unsafe.Add(ref dist, Unsafe.Add(ref stack, i)) = -1;
                }
            }
            else
            {
                ref var code = ref MemoryMarshal.GetArrayDataReference(_code);
                ref var tmp = ref MemoryMarshal.GetArrayDataReference(_tmp);
                var n = _n;
                var allEntries = (long)Unsafe.Add(ref off, n);
                Unsafe.Add(ref code, s) = 1;
                long frontierEntries = Unsafe.Add(ref off, s + 1) - Unsafe.Add(ref off, s);
                var unseenEntries = allEntries - frontierEntries;
                byte current = 1;
                while (head < tail)
                {
                    var levelEnd = tail;
                    Unsafe.Add(ref levels, depth++) = head;
                    var next = (byte)(current == 3 ? 1 : current + 1);
                    long nextEntries = 0;
                    if (frontierEntries * BottomUpFactor > unseenEntries)
                    {
                        // Bottom-up: every unseen node pulls σ from its neighbours. Only the current level holds
                        // non-zero σ among them (an unseen node has no neighbour further up, and the level being built
                        // gets its σ only after the sweep), so the pull is a branch-free sum and σ > 0 means "next level".
                        for (var w = 0; w < n; w++)
                        {
                            if (Unsafe.Add(ref code, w) != 0)
                            {
                                continue;
                            }

                            int lo = Unsafe.Add(ref off, w), hi = Unsafe.Add(ref off, w + 1);
                            var a = SumCoefficients(ref sigma, ref tg, lo, hi);
                            if (a > 0)
                            {
                                Unsafe.Add(ref code, w) = next;
                                Unsafe.Add(ref tmp, tail) = a;
                                Unsafe.Add(ref stack, tail++) = w;
                                nextEntries += hi - lo;
                            }
                        }

                        for (var i = levelEnd; i < tail; i++)
                        {
                            Unsafe.Add(ref sigma, Unsafe.Add(ref stack, i)) = Unsafe.Add(ref tmp, i);
                        }
                    }
                    else
                    {
                        // Top-down: the frontier pushes σ to unseen neighbours and to those already put on the next level.
                        for (var i = head; i < levelEnd; i++)
                        {
                            var v = Unsafe.Add(ref stack, i);
                            var sv = Unsafe.Add(ref sigma, v);
                            var end = Unsafe.Add(ref off, v + 1);
                            for (var k = Unsafe.Add(ref off, v); k < end; k++)
                            {
                                var w = Unsafe.Add(ref tg, k);
                                ref var cw = ref Unsafe.Add(ref code, w);
                                if (cw == 0)
                                {
                                    cw = next;
                                    Unsafe.Add(ref stack, tail++) = w;
                                    nextEntries += Unsafe.Add(ref off, w + 1) - Unsafe.Add(ref off, w);
                                }

                                if (cw == next)
                                {
                                    Unsafe.Add(ref sigma, w) += sv;
                                }
                            }
                        }
                    }

                    head = levelEnd;
                    frontierEntries = nextEntries;
                    unseenEntries -= nextEntries;
                    current = next;
                }

                for (var i = 0; i < tail; i++)
                {
                    Unsafe.Add(ref code, Unsafe.Add(ref stack, i)) = 0;
                }
            }

            Unsafe.Add(ref levels, depth) = tail; // level l is stack[levels[l]..levels[l + 1]), l < depth
            Backward(g, s, tail, depth, acc, endpoints);
        }

        /// <summary>The backward sweep after a BFS: level by level, deepest first.</summary>
        /// <remarks>coef(w) = (1 + δ(w)) / σ(w) is set for the nodes of the levels already swept and 0 for every other
        /// node, and a level's coefficients are written only once the whole level is summed. So
        /// δ(v) = σ(v) Σ<sub>w ∈ N⁺(v)</sub> coef(w) needs no distance test: the successors one level down are the only
        /// non-zero terms; the others add exact zeros.</remarks>
        private void Backward(CsrGraph g, int s, int reached, int depth, double[] acc, bool endpoints)
        {
            ref var off = ref MemoryMarshal.GetReference(g.Offsets);
            ref var tg = ref MemoryMarshal.GetReference(g.Targets);
            ref var sigma = ref MemoryMarshal.GetArrayDataReference(_sigma);
            ref var coef = ref MemoryMarshal.GetArrayDataReference(_coef);
            ref var stack = ref MemoryMarshal.GetArrayDataReference(_stack);
            ref var levels = ref MemoryMarshal.GetArrayDataReference(_levels);
            ref var tmp = ref MemoryMarshal.GetArrayDataReference(_tmp);
            ref var bc = ref MemoryMarshal.GetArrayDataReference(acc);
            var extra = endpoints ? 1.0 : 0.0;
            for (var l = depth - 1; l >= 1; l--)
            {
                int lo = Unsafe.Add(ref levels, l), hi = Unsafe.Add(ref levels, l + 1);
                for (var i = lo; i < hi; i++)
                {
                    var v = Unsafe.Add(ref stack, i);
                    Unsafe.Add(ref tmp, i) = Unsafe.Add(ref sigma, v) * SumCoefficients(ref coef, ref tg, Unsafe.Add(ref off, v), Unsafe.Add(ref off, v + 1));
                }

                for (var i = lo; i < hi; i++)
                {
                    var v = Unsafe.Add(ref stack, i);
                    var delta = Unsafe.Add(ref tmp, i);
                    Unsafe.Add(ref bc, v) += delta + extra;
                    Unsafe.Add(ref coef, v) = (1.0 + delta) / Unsafe.Add(ref sigma, v);
                }
            }

            if (endpoints)
            {
                Unsafe.Add(ref bc, s) += reached - 1;
            }

            for (var i = 0; i < reached; i++)
            {
                var v = Unsafe.Add(ref stack, i);
                Unsafe.Add(ref coef, v) = 0;
                Unsafe.Add(ref sigma, v) = 0;
            }
        }

        /// <summary>Σ coef[tg[k]] for k in [start, end), in four interleaved partial sums ((a0 + a1) + (a2 + a3)) + tail,
        /// so that the adds do not wait on each other; the order is fixed, so the result is deterministic.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double SumCoefficients(ref double coef, ref int tg, int start, int end)
        {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            var k = start;
            for (; k + 3 < end; k += 4)
            {
                a0 += Unsafe.Add(ref coef, Unsafe.Add(ref tg, k));
                a1 += Unsafe.Add(ref coef, Unsafe.Add(ref tg, k + 1));
                a2 += Unsafe.Add(ref coef, Unsafe.Add(ref tg, k + 2));
                a3 += Unsafe.Add(ref coef, Unsafe.Add(ref tg, k + 3));
            }

            for (; k < end; k++)
            {
                a0 += Unsafe.Add(ref coef, Unsafe.Add(ref tg, k));
            }

            return (a0 + a1) + (a2 + a3);
        }

        /// <summary>Dijkstra from <paramref name="s"/> (σ counted at settle time from settled in-neighbours), then the backward sweep.</summary>
        public void Dijkstra(CsrGraph g, CsrGraph inGraph, int s, double[] acc, bool endpoints)
        {
            var off = g.Offsets;
            var tg = g.Targets;
            var wt = g.AllWeights;
            var inOff = inGraph.Offsets;
            var inTg = inGraph.Targets;
            var inWt = inGraph.AllWeights;
            var undirected = !g.IsDirected;
            var len = _length.AsSpan(0, _n);
            var order = _order.AsSpan(0, _n);
            var sigma = _sigma.AsSpan(0, _n);
            var coef = _coef.AsSpan(0, _n);
            var stack = _stack.AsSpan(0, _n);
            var heap = _heap!;
            len[s] = 0;
            heap.InsertOrDecrease(s, 0);
            var settled = 0;
            while (heap.Count > 0)
            {
                var v = heap.Pop(out var dv);
                order[v] = settled;
                stack[settled++] = v;
                var sv = v == s ? 1.0 : 0.0;
                var end = off[v + 1];
                if (undirected)
                {
                    // One scan: settled neighbours are candidate predecessors, the others are relaxed.
                    for (var k = off[v]; k < end; k++)
                    {
                        var u = tg[k];
                        var d = dv + wt[k];
                        if (order[u] >= 0)
                        {
                            if (u != v && SameLength(len[u] + wt[k], dv))
                            {
                                sv += sigma[u];
                            }
                        }
                        else if (d < len[u])
                        {
                            len[u] = d;
                            heap.InsertOrDecrease(u, d);
                        }
                    }
                }
                else
                {
                    var inEnd = inOff[v + 1];
                    for (var k = inOff[v]; k < inEnd; k++)
                    {
                        var u = inTg[k];
                        if (order[u] >= 0 && u != v && SameLength(len[u] + inWt[k], dv))
                        {
                            sv += sigma[u];
                        }
                    }

                    for (var k = off[v]; k < end; k++)
                    {
                        var u = tg[k];
                        var d = dv + wt[k];
                        if (order[u] < 0 && d < len[u])
                        {
                            len[u] = d;
                            heap.InsertOrDecrease(u, d);
                        }
                    }
                }

                sigma[v] = sv;
            }

            var extra = endpoints ? 1.0 : 0.0;
            for (var i = settled - 1; i > 0; i--)
            {
                var v = stack[i];
                var lv = len[v];
                var a = 0.0;
                var end = off[v + 1];
                for (var k = off[v]; k < end; k++)
                {
                    var w = tg[k];
                    if (order[w] > i && SameLength(lv + wt[k], len[w]))
                    {
                        a += coef[w];
                    }
                }

                var sv = sigma[v];
                var delta = sv * a;
                acc[v] += delta + extra;
                coef[v] = (1.0 + delta) / sv;
            }

            if (endpoints)
            {
                acc[s] += settled - 1;
            }

            for (var i = 0; i < settled; i++)
            {
                var v = stack[i];
                len[v] = double.PositiveInfinity;
                order[v] = -1;
            }
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_stack);
            ArrayPool<double>.Shared.Return(_sigma);
            ArrayPool<double>.Shared.Return(_coef);
            if (_heap is not null)
            {
                ArrayPool<double>.Shared.Return(_length);
                ArrayPool<int>.Shared.Return(_order);
                _heap.Dispose();
            }
            else
            {
                if (_dist.Length > 0)
                {
                    ArrayPool<int>.Shared.Return(_dist);
                }

                if (_code.Length > 0)
                {
                    ArrayPool<byte>.Shared.Return(_code);
                }

                ArrayPool<int>.Shared.Return(_levels);
                ArrayPool<double>.Shared.Return(_tmp);
            }
        }
    }
}
