using System;
using System.Buffers;
using System.Globalization;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>
/// A graph in compressed sparse row (CSR) form on dense <see langword="int"/> node ids 0..<see cref="NodeCount"/>-1:
/// <c>offsets</c> (n + 1), <c>targets</c> and, when weighted, <c>weights</c>, with every row sorted by target.
/// Immutable and thread-safe. Knows nothing of the domain.
/// </summary>
/// <remarks>
/// <para>Undirected graphs store each edge as two half-edges (u→v in row u, v→u in row v); a kept self-loop is stored once.
/// Per undirected link that is 2 × (4 + 8) = 24 bytes weighted, 8 unweighted, plus 4 bytes per node.</para>
/// <para>Directed graphs store out-rows; the in-rows (<see cref="InNeighbors"/>) are built on first use, in O(n + m).</para>
/// <para>Built by <see cref="Build"/> in O(n + m): two stable counting-sort passes (by target, then by source) put the
/// half-edges in row order with rows sorted by target, then one linear pass merges parallel entries by
/// <see cref="ParallelLinkPolicy"/>. No object per edge. Links already sorted by (source, target), as a network's undated
/// links are, take one scatter (of the reverse half-edges) and a merge instead; links that all weigh 1 move no weights.
/// Either way the graph is the same.</para>
/// </remarks>
public sealed class CsrGraph
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly double[]? _weights;
    private CsrGraph? _transpose;

    private CsrGraph(int nodeCount, int[] offsets, int[] targets, double[]? weights, bool directed, long edgeCount, int selfLoops)
    {
        NodeCount = nodeCount;
        _offsets = offsets;
        _targets = targets;
        _weights = weights;
        IsDirected = directed;
        EdgeCount = edgeCount;
        SelfLoopCount = selfLoops;
    }

    /// <summary>The number of nodes n.</summary>
    public int NodeCount { get; }

    /// <summary>The number of edges after merging parallel links: arcs for a directed graph, undirected edges (loops once) otherwise.</summary>
    public long EdgeCount { get; }

    /// <summary>The number of stored entries (half-edges for an undirected graph): the length of <see cref="Targets"/>.</summary>
    public int EntryCount => _offsets[NodeCount];

    /// <summary>The number of self-loops kept.</summary>
    public int SelfLoopCount { get; }

    /// <summary>Whether the graph is directed.</summary>
    public bool IsDirected { get; }

    /// <summary>Whether entries carry weights; unweighted graphs have no weight array and <see cref="Weights(int)"/> is empty.</summary>
    public bool IsWeighted => _weights is not null;

    /// <summary>The row offsets, length n + 1: row v is <c>Targets[Offsets[v]..Offsets[v + 1]]</c>.</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>All entries' targets, row after row.</summary>
    public ReadOnlySpan<int> Targets => _targets;

    /// <summary>All entries' weights, parallel to <see cref="Targets"/>; empty when unweighted.</summary>
    public ReadOnlySpan<double> AllWeights => _weights;

    /// <summary>The (out-)neighbours of <paramref name="v"/>, sorted ascending.</summary>
    /// <param name="v">A node.</param>
    /// <returns>The neighbours.</returns>
    public ReadOnlySpan<int> Neighbors(int v) => _targets.AsSpan(_offsets[v], _offsets[v + 1] - _offsets[v]);

    /// <summary>The weights of <paramref name="v"/>'s (out-)entries, parallel to <see cref="Neighbors"/>; empty when unweighted.</summary>
    /// <param name="v">A node.</param>
    /// <returns>The weights.</returns>
    public ReadOnlySpan<double> Weights(int v) =>
        _weights is null ? ReadOnlySpan<double>.Empty : _weights.AsSpan(_offsets[v], _offsets[v + 1] - _offsets[v]);

    /// <summary>The (out-)degree: the number of entries in row <paramref name="v"/> (a kept loop counts once).</summary>
    /// <param name="v">A node.</param>
    /// <returns>The degree.</returns>
    public int Degree(int v) => _offsets[v + 1] - _offsets[v];

    /// <summary>The (out-)strength: the sum of row <paramref name="v"/>'s weights, or its degree when unweighted.</summary>
    /// <param name="v">A node.</param>
    /// <returns>The strength.</returns>
    public double Strength(int v)
    {
        if (_weights is null)
        {
            return Degree(v);
        }

        var s = 0.0;
        foreach (var w in Weights(v))
        {
            s += w;
        }

        return s;
    }

    /// <summary>The in-neighbours of <paramref name="v"/>, sorted ascending (the out-neighbours for an undirected graph).</summary>
    /// <param name="v">A node.</param>
    /// <returns>The in-neighbours.</returns>
    public ReadOnlySpan<int> InNeighbors(int v) => Transpose().Neighbors(v);

    /// <summary>The weights of <paramref name="v"/>'s in-entries, parallel to <see cref="InNeighbors"/>.</summary>
    /// <param name="v">A node.</param>
    /// <returns>The weights.</returns>
    public ReadOnlySpan<double> InWeights(int v) => Transpose().Weights(v);

    /// <summary>The transposed graph (in-rows); the graph itself when undirected. Built once, on first use.</summary>
    /// <returns>The transpose.</returns>
    public CsrGraph Transpose()
    {
        if (!IsDirected)
        {
            return this;
        }

        var t = Volatile.Read(ref _transpose);
        if (t is not null)
        {
            return t;
        }

        t = BuildTranspose();
        Interlocked.CompareExchange(ref _transpose, t, null);
        return _transpose!;
    }

    /// <summary>The weight of entry u→v, or 0 when absent (1 when present and unweighted). O(log degree).</summary>
    /// <param name="u">The row node.</param>
    /// <param name="v">The target node.</param>
    /// <returns>The weight.</returns>
    public double WeightOf(int u, int v)
    {
        var row = Neighbors(u);
        var k = row.BinarySearch(v);
        if (k < 0)
        {
            return 0;
        }

        return _weights is null ? 1.0 : _weights[_offsets[u] + k];
    }

    /// <summary>
    /// Builds a CSR graph from link arrays in O(n + m).
    /// </summary>
    /// <param name="sources">Each link's source node, in [0, <paramref name="nodeCount"/>).</param>
    /// <param name="targets">Each link's target node, same length.</param>
    /// <param name="weights">Each link's weight (finite, &gt; 0), same length; empty for an unweighted graph.</param>
    /// <param name="nodeCount">n.</param>
    /// <param name="directed">Whether links are arcs; otherwise each link is stored in both rows.</param>
    /// <param name="parallel">How parallel links merge. Without weights, <see cref="ParallelLinkPolicy.Count"/> stores the
    /// multiplicities as weights; every other policy collapses them into one unweighted entry.</param>
    /// <param name="loops">What to do with links u→u.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentException">Lengths differ, a node is out of range, a weight is not finite and &gt; 0, a
    /// self-loop is rejected, or the graph has more than 2^31 - 1 entries.</exception>
    public static CsrGraph Build(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<double> weights, int nodeCount,
        bool directed, ParallelLinkPolicy parallel = ParallelLinkPolicy.Sum, SelfLoopPolicy loops = SelfLoopPolicy.Reject) =>
        BuildCore(sources, targets, weights, nodeCount, directed, parallel, loops, useSortedInput: true);

    /// <summary><see cref="Build"/>; <paramref name="useSortedInput"/> false always takes the general two-sort build (tests
    /// compare the two).</summary>
    internal static CsrGraph BuildCore(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<double> weights, int nodeCount,
        bool directed, ParallelLinkPolicy parallel, SelfLoopPolicy loops, bool useSortedInput)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        var m = sources.Length;
        if (targets.Length != m || (weights.Length != 0 && weights.Length != m))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"sources ({m}), targets ({targets.Length}) and weights ({weights.Length}) must have the same length (weights may be empty)."));
        }

        var weighted = weights.Length != 0;
        var countAsWeight = !weighted && parallel == ParallelLinkPolicy.Count;
        var allOne = true;
        var sorted = true;
        long half = 0;
        for (var i = 0; i < m; i++)
        {
            int s = sources[i], t = targets[i];
            sorted &= i == 0 || s > sources[i - 1] || (s == sources[i - 1] && t >= targets[i - 1]);
            if ((uint)s >= (uint)nodeCount || (uint)t >= (uint)nodeCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Link {i} joins nodes {s} and {t}; node ids must be in [0, {nodeCount})."));
            }

            if (weighted && !(weights[i] > 0 && double.IsFinite(weights[i])))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Link {i} has weight {weights[i]}; weights must be finite and > 0."));
            }

            allOne &= !weighted || weights[i] == 1.0;

            if (s == t)
            {
                switch (loops)
                {
                    case SelfLoopPolicy.Reject:
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"Link {i} is a self-loop on node {s}; the policy is Reject. Use SelfLoopPolicy.Ignore or Keep."));
                    case SelfLoopPolicy.Ignore:
                        continue;
                    default:
                        half++;
                        continue;
                }
            }

            half += directed ? 1 : 2;
        }

        if (half > Array.MaxLength || half > int.MaxValue)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The graph needs {half} entries; a CSR graph holds at most {int.MaxValue} (2^31 - 1)."));
        }

        var h = (int)half;
        var storeWeights = weighted || countAsWeight;

        // Unit weights (all links weigh 1, or multiplicities are counted): the sorts move no weights, and the merge makes
        // each entry's weight from its multiplicity, as every policy would from weights of 1 (sums of ones are exact).
        var unit = storeWeights && allOne;
        if (sorted && useSortedInput)
        {
            return BuildSorted(sources, targets, unit ? ReadOnlySpan<double>.Empty : weights, nodeCount, directed, parallel, loops, h, storeWeights);
        }

        // Pass 1: stable counting sort of the half-edges by target.
        var counts = new int[nodeCount + 1];
        for (var i = 0; i < m; i++)
        {
            int s = sources[i], t = targets[i];
            if (s == t)
            {
                if (loops == SelfLoopPolicy.Keep)
                {
                    counts[t + 1]++;
                }

                continue;
            }

            counts[t + 1]++;
            if (!directed)
            {
                counts[s + 1]++;
            }
        }

        for (var v = 0; v < nodeCount; v++)
        {
            counts[v + 1] += counts[v];
        }

        var bySrc = ArrayPool<int>.Shared.Rent(Math.Max(1, h));
        var byW = storeWeights && !unit ? ArrayPool<double>.Shared.Rent(Math.Max(1, h)) : null;
        var byTargetStart = (int[])counts.Clone();
        try
        {
            var cursor = counts; // reuse as write cursors per target bucket
            for (var i = 0; i < m; i++)
            {
                int s = sources[i], t = targets[i];
                if (s == t && loops != SelfLoopPolicy.Keep)
                {
                    continue;
                }

                var w = weighted ? weights[i] : 1.0;
                var p = cursor[t]++;
                bySrc[p] = s;
                if (byW is not null)
                {
                    byW[p] = w;
                }

                if (!directed && s != t)
                {
                    p = cursor[s]++;
                    bySrc[p] = t;
                    if (byW is not null)
                    {
                        byW[p] = w;
                    }
                }
            }

            // Pass 2: stable scatter by source; walking target buckets in order leaves each row sorted by target.
            var (offsets, tg, wt) = TransposeRows(nodeCount, byTargetStart, bySrc.AsSpan(0, h), byW);
            return MergeParallel(nodeCount, offsets, tg, unit ? GC.AllocateUninitializedArray<double>(h) : wt, !unit, directed, parallel, storeWeights);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bySrc);
            if (byW is not null)
            {
                ArrayPool<double>.Shared.Return(byW);
            }
        }
    }

    /// <summary>The weight of an entry after one more parallel link of weight <paramref name="w"/>.</summary>
    private static double Combine(double acc, double w, ParallelLinkPolicy parallel) => parallel switch
    {
        ParallelLinkPolicy.Sum => acc + w,
        ParallelLinkPolicy.Max => Math.Max(acc, w),
        ParallelLinkPolicy.Count => acc + 1,
        _ => acc,
    };

    /// <summary>
    /// <see cref="Build"/> for links sorted by (source, target), as a network's undated links are: row u is the merge of its
    /// forward entries (the links u→t, already in column order) and, undirected, its reverse entries (the links s→u, put in
    /// row order by one stable scatter, which leaves them in column order). Parallel entries meet in the order of their
    /// links, as in the general build (of a forward u→c and a reverse c→u, the one with the smaller source comes first), so
    /// the graph, weights included, is the same; it saves one scatter and the transposition.
    /// <paramref name="weights"/> holds the weights to read, or is empty for weights of 1; <paramref name="h"/> is the
    /// number of entries before merging.
    /// </summary>
    private static CsrGraph BuildSorted(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<double> weights, int n,
        bool directed, ParallelLinkPolicy parallel, SelfLoopPolicy loops, int h, bool storeWeights)
    {
        var m = sources.Length;
        var keepLoops = loops == SelfLoopPolicy.Keep;
        var readWeights = weights.Length != 0;

        // Reverse entries (undirected links that are not loops): row t, column s, stably scattered by row.
        var revStart = new int[directed ? 1 : n + 1];
        int[] rev = [];
        double[]? revW = null;
        if (!directed)
        {
            for (var i = 0; i < m; i++)
            {
                if (sources[i] != targets[i])
                {
                    revStart[targets[i] + 1]++;
                }
            }

            for (var v = 0; v < n; v++)
            {
                revStart[v + 1] += revStart[v];
            }

            rev = GC.AllocateUninitializedArray<int>(revStart[n]);
            revW = readWeights ? GC.AllocateUninitializedArray<double>(revStart[n]) : null;
            var cursor = (int[])revStart.Clone();
            for (var i = 0; i < m; i++)
            {
                int s = sources[i], t = targets[i];
                if (s != t)
                {
                    var p = cursor[t]++;
                    rev[p] = s;
                    if (revW is not null)
                    {
                        revW[p] = weights[i];
                    }
                }
            }
        }

        var offsets = new int[n + 1];
        var tg = GC.AllocateUninitializedArray<int>(h);
        var wt = storeWeights ? GC.AllocateUninitializedArray<double>(h) : null;
        var write = 0;
        var loopsKept = 0;
        long other = 0;
        var f = 0;
        for (var u = 0; u < n; u++)
        {
            offsets[u] = write;
            var fEnd = f;
            while (fEnd < m && sources[fEnd] == u)
            {
                fEnd++;
            }

            int r = directed ? 0 : revStart[u], rEnd = directed ? 0 : revStart[u + 1];
            while (f < fEnd || r < rEnd)
            {
                if (f < fEnd && targets[f] == u && !keepLoops)
                {
                    f++; // an ignored loop
                    continue;
                }

                int c;
                double w;
                if (r == rEnd || (f < fEnd && (targets[f] < rev[r] || (targets[f] == rev[r] && targets[f] > u))))
                {
                    c = targets[f];
                    w = readWeights ? weights[f] : 1.0;
                    f++;
                }
                else
                {
                    c = rev[r];
                    w = revW is not null ? revW[r] : 1.0;
                    r++;
                }

                if (!AppendMerged(tg, wt, ref write, offsets[u], c, w, parallel))
                {
                    continue;
                }

                if (c == u)
                {
                    loopsKept++;
                }
                else
                {
                    other++;
                }
            }
        }

        return Finish(n, offsets, tg, wt, write, directed, other, loopsKept);
    }

    /// <summary>Appends the entry (<paramref name="target"/>, <paramref name="weight"/>) to the row being written from
    /// <paramref name="rowStart"/>: a target equal to the row's last one (rows arrive sorted) is a parallel entry and merges
    /// into it by <paramref name="parallel"/>; otherwise the entry is written at <paramref name="write"/>, which advances.</summary>
    /// <returns>Whether a new entry was written.</returns>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool AppendMerged(int[] tg, double[]? wt, ref int write, int rowStart, int target, double weight, ParallelLinkPolicy parallel)
    {
        if (write > rowStart && tg[write - 1] == target)
        {
            if (wt is not null)
            {
                wt[write - 1] = Combine(wt[write - 1], weight, parallel);
            }

            return false;
        }

        tg[write] = target;
        if (wt is not null)
        {
            wt[write] = parallel == ParallelLinkPolicy.Count ? 1.0 : weight;
        }

        write++;
        return true;
    }

    /// <summary>Merges parallel entries of each row in place. <paramref name="wt"/> holds the entries' weights when
    /// <paramref name="readWeights"/>, otherwise it is only written: every entry then weighs 1.</summary>
    private static CsrGraph MergeParallel(int n, int[] offsets, int[] tg, double[]? wt, bool readWeights, bool directed, ParallelLinkPolicy parallel, bool storeWeights)
    {
        var write = 0;
        var start = 0;
        var loopsKept = 0;
        long directedOrHalf = 0;
        for (var v = 0; v < n; v++)
        {
            var end = offsets[v + 1];
            offsets[v] = write;
            for (var k = start; k < end; k++)
            {
                var t = tg[k];
                var w = readWeights && wt is not null ? wt[k] : 1.0;
                if (!AppendMerged(tg, wt, ref write, offsets[v], t, w, parallel))
                {
                    continue;
                }

                if (t == v)
                {
                    loopsKept++;
                }
                else
                {
                    directedOrHalf++;
                }
            }

            start = end;
        }

        return Finish(n, offsets, tg, storeWeights ? wt : null, write, directed, directedOrHalf, loopsKept);
    }

    /// <summary>Ends a build whose rows were written up to <paramref name="write"/>: closes the last row, trims the arrays to the
    /// entries kept and counts the edges (an undirected non-loop edge is two entries, a loop one).</summary>
    private static CsrGraph Finish(int n, int[] offsets, int[] tg, double[]? wt, int write, bool directed, long nonLoopEntries, int loopsKept)
    {
        offsets[n] = write;
        if (write != tg.Length)
        {
            Array.Resize(ref tg, write);
            if (wt is not null)
            {
                Array.Resize(ref wt, write);
            }
        }

        var edges = directed ? nonLoopEntries + loopsKept : (nonLoopEntries / 2) + loopsKept;
        return new CsrGraph(n, offsets, tg, wt, directed, edges, loopsKept);
    }

    private CsrGraph BuildTranspose()
    {
        var (offsets, tg, wt) = TransposeRows(NodeCount, _offsets, _targets.AsSpan(0, EntryCount), _weights);
        return new CsrGraph(NodeCount, offsets, tg, wt, directed: true, EdgeCount, SelfLoopCount);
    }

    /// <summary>
    /// The transpose of CSR rows: entry k of row u (<paramref name="offsets"/>[u]..[u + 1]) with column
    /// <paramref name="columns"/>[k] becomes an entry of row <paramref name="columns"/>[k] with column u. A stable counting
    /// sort in O(n + entries): walking the rows in order leaves every new row sorted by column.
    /// </summary>
    /// <param name="n">The number of rows (and columns).</param>
    /// <param name="offsets">The row offsets (n + 1 of them).</param>
    /// <param name="columns">The entries' columns, one per entry.</param>
    /// <param name="weights">The entries' weights (at least one per entry), or <see langword="null"/>.</param>
    private static (int[] Offsets, int[] Columns, double[]? Weights) TransposeRows(int n, ReadOnlySpan<int> offsets, ReadOnlySpan<int> columns, double[]? weights)
    {
        var e = columns.Length;
        var result = new int[n + 1];
        for (var k = 0; k < e; k++)
        {
            result[columns[k] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            result[v + 1] += result[v];
        }

        var cursor = (int[])result.Clone();
        var tg = GC.AllocateUninitializedArray<int>(e);
        var wt = weights is null ? null : GC.AllocateUninitializedArray<double>(e);
        for (var u = 0; u < n; u++)
        {
            for (var k = offsets[u]; k < offsets[u + 1]; k++)
            {
                var p = cursor[columns[k]]++;
                tg[p] = u;
                if (wt is not null)
                {
                    wt[p] = weights![k];
                }
            }
        }

        return (result, tg, wt);
    }
}
