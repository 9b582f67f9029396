using System;
using System.Buffers;

namespace GlocalNetworks.Kernels;

/// <summary>
/// The working graph of one Louvain or Leiden level: symmetric CSR rows without diagonal entries (the weight between two
/// nodes, both directions summed for a directed input), plus each node's internal weight (<see cref="Self"/>: the links
/// inside the node, each counted once; self-loops of the input land here). Rows need not be sorted. Built once from a
/// <see cref="CsrGraph"/>, then by <see cref="Aggregate"/> from the previous level in O(n + m).
/// </summary>
internal sealed class CommunityGraph
{
    private CommunityGraph(int nodeCount, int[] offsets, int[] targets, double[] weights, double[] self)
    {
        NodeCount = nodeCount;
        Offsets = offsets;
        Targets = targets;
        Weights = weights;
        Self = self;
        var total = 0.0;
        for (var v = 0; v < nodeCount; v++)
        {
            total += self[v];
        }

        var half = 0.0;
        for (var e = 0; e < offsets[nodeCount]; e++)
        {
            half += weights[e];
        }

        TotalWeight = total + (0.5 * half);
    }

    /// <summary>The number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>Row offsets, length n + 1.</summary>
    public int[] Offsets { get; }

    /// <summary>Row entries' targets (never the row's own node); may be longer than <c>Offsets[n]</c>.</summary>
    public int[] Targets { get; }

    /// <summary>Row entries' weights, parallel to <see cref="Targets"/>.</summary>
    public double[] Weights { get; }

    /// <summary>Each node's internal weight (links inside it, each once).</summary>
    public double[] Self { get; }

    /// <summary>The total weight m: internal weights plus half the row weights.</summary>
    public double TotalWeight { get; }

    /// <summary>The symmetric level-0 graph of <paramref name="graph"/>: an undirected graph's rows as they are; a directed
    /// graph's arcs u→v and v→u merged into one symmetric weight. Unweighted graphs get weight 1 per link.</summary>
    /// <param name="graph">The input graph.</param>
    /// <returns>The working graph.</returns>
    public static CommunityGraph FromCsr(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (graph.IsDirected)
        {
            var e = graph.EntryCount;
            var src = new int[e];
            var dst = new int[e];
            var w = new double[e];
            var off = graph.Offsets;
            var tg = graph.Targets;
            var aw = graph.AllWeights;
            for (var u = 0; u < n; u++)
            {
                for (var k = off[u]; k < off[u + 1]; k++)
                {
                    src[k] = u;
                    dst[k] = tg[k];
                    w[k] = graph.IsWeighted ? aw[k] : 1.0;
                }
            }

            graph = CsrGraph.Build(src, dst, w, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Keep);
        }

        var offsets = new int[n + 1];
        var targets = new int[graph.EntryCount];
        var weights = new double[graph.EntryCount];
        var self = new double[n];
        var o = graph.Offsets;
        var t = graph.Targets;
        var ws = graph.AllWeights;
        var write = 0;
        for (var u = 0; u < n; u++)
        {
            offsets[u] = write;
            for (var k = o[u]; k < o[u + 1]; k++)
            {
                var wt = graph.IsWeighted ? ws[k] : 1.0;
                if (t[k] == u)
                {
                    self[u] += wt;
                    continue;
                }

                targets[write] = t[k];
                weights[write++] = wt;
            }
        }

        offsets[n] = write;
        return new CommunityGraph(n, offsets, targets, weights, self);
    }

    /// <summary>Each node's strength in the symmetric graph: row weights plus twice the internal weight (an undirected
    /// degree, self-loops counted twice as networkx does).</summary>
    /// <returns>The strengths.</returns>
    public double[] Strengths()
    {
        var s = new double[NodeCount];
        for (var v = 0; v < NodeCount; v++)
        {
            var acc = 2 * Self[v];
            for (var e = Offsets[v]; e < Offsets[v + 1]; e++)
            {
                acc += Weights[e];
            }

            s[v] = acc;
        }

        return s;
    }

    /// <summary>The graph of the communities: one node per label in [0, <paramref name="count"/>), row weights summed
    /// between communities, internal weights gathered into <see cref="Self"/>. O(n + m).</summary>
    /// <param name="membership">Each node's community, in [0, <paramref name="count"/>).</param>
    /// <param name="count">The number of communities (every label used).</param>
    /// <returns>The aggregated graph.</returns>
    public CommunityGraph Aggregate(ReadOnlySpan<int> membership, int count)
    {
        var n = NodeCount;
        var start = ArrayPool<int>.Shared.Rent(count + 1);
        var order = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        var mark = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        var touched = ArrayPool<int>.Shared.Rent(Math.Max(1, count));
        var acc = ArrayPool<double>.Shared.Rent(Math.Max(1, count));
        try
        {
            Array.Clear(start, 0, count + 1);
            Array.Clear(mark, 0, count);
            for (var v = 0; v < n; v++)
            {
                start[membership[v] + 1]++;
            }

            for (var c = 0; c < count; c++)
            {
                start[c + 1] += start[c];
            }

            for (var v = 0; v < n; v++)
            {
                order[start[membership[v]]++] = v;
            }

            // start[c] now holds the end of c's block; shift back.
            for (var c = count; c > 0; c--)
            {
                start[c] = start[c - 1];
            }

            start[0] = 0;

            var offsets = new int[count + 1];
            var targets = new int[Offsets[n]];
            var weights = new double[Offsets[n]];
            var self = new double[count];
            var write = 0;
            for (var c = 0; c < count; c++)
            {
                offsets[c] = write;
                var nt = 0;
                var inner = 0.0;
                var own = 0.0;
                var stamp = c + 1;
                for (var i = start[c]; i < start[c + 1]; i++)
                {
                    var u = order[i];
                    own += Self[u];
                    for (var e = Offsets[u]; e < Offsets[u + 1]; e++)
                    {
                        var d = membership[Targets[e]];
                        var w = Weights[e];
                        if (d == c)
                        {
                            inner += w;
                        }
                        else if (mark[d] != stamp)
                        {
                            mark[d] = stamp;
                            acc[d] = w;
                            touched[nt++] = d;
                        }
                        else
                        {
                            acc[d] += w;
                        }
                    }
                }

                for (var i = 0; i < nt; i++)
                {
                    var d = touched[i];
                    targets[write] = d;
                    weights[write++] = acc[d];
                }

                self[c] = own + (0.5 * inner);
            }

            offsets[count] = write;
            return new CommunityGraph(count, offsets, targets, weights, self);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(start);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<int>.Shared.Return(mark);
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<double>.Shared.Return(acc);
        }
    }
}
