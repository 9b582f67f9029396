using System;
using System.Buffers;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>Core numbers by the Batagelj-Zaversnik bin algorithm, O(n + m).</summary>
/// <remarks>
/// Batagelj, V. and Zaversnik, M. (2003), "An O(m) algorithm for cores decomposition of networks",
/// arXiv:cs/0310049. Nodes are kept in an array sorted by current degree with the start of every degree's bin; the
/// node of least degree is removed in turn and each neighbour of higher degree moves one bin down. Sequential and
/// deterministic.
/// </remarks>
internal static class KCore
{
    /// <summary>The core number of every node: the largest k such that the node belongs to a subgraph in which every
    /// node has degree at least k.</summary>
    /// <param name="graph">A symmetric graph (undirected). Self-loops are ignored.</param>
    /// <param name="useMultiplicity">Read each entry's weight as an integer multiplicity (a multigraph: an entry of weight 2
    /// is two parallel edges), as networkx's <c>core_number</c> does on a directed graph, where a reciprocated pair
    /// counts twice in the degree; otherwise every entry counts once.</param>
    /// <param name="cancellationToken">Checked every 1024 nodes.</param>
    /// <param name="onProgress">Called with the number of nodes removed, every 65,536 nodes and at the end, or <see langword="null"/>.</param>
    /// <returns>The core numbers.</returns>
    public static int[] CoreNumbers(CsrGraph graph, bool useMultiplicity, CancellationToken cancellationToken, Action<long>? onProgress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.AllWeights;
        var multi = useMultiplicity && graph.IsWeighted;
        var deg = new int[n];
        var maxDeg = 0;
        for (var v = 0; v < n; v++)
        {
            var d = 0;
            for (int k = offsets[v], end = offsets[v + 1]; k < end; k++)
            {
                if (targets[k] != v)
                {
                    d += multi ? Multiplicity(weights[k]) : 1;
                }
            }

            deg[v] = d;
            maxDeg = Math.Max(maxDeg, d);
        }

        var bin = ArrayPool<int>.Shared.Rent(maxDeg + 1);
        var pos = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        var vert = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        try
        {
            Array.Clear(bin, 0, maxDeg + 1);
            for (var v = 0; v < n; v++)
            {
                bin[deg[v]]++;
            }

            var start = 0;
            for (var d = 0; d <= maxDeg; d++)
            {
                var num = bin[d];
                bin[d] = start;
                start += num;
            }

            for (var v = 0; v < n; v++)
            {
                var p = bin[deg[v]]++;
                pos[v] = p;
                vert[p] = v;
            }

            for (var d = maxDeg; d > 0; d--)
            {
                bin[d] = bin[d - 1];
            }

            bin[0] = 0;
            for (var i = 0; i < n; i++)
            {
                if ((i & 1023) == 1023)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if ((i & 65535) == 65535)
                    {
                        onProgress?.Invoke(i + 1);
                    }
                }

                var v = vert[i];
                var dv = deg[v];
                for (int k = offsets[v], end = offsets[v + 1]; k < end; k++)
                {
                    var u = targets[k];
                    if (u == v)
                    {
                        continue;
                    }

                    for (var times = multi ? Multiplicity(weights[k]) : 1; times > 0 && deg[u] > dv; times--)
                    {
                        // Move u to the start of its bin, then shift the bin's start past it: u drops one degree.
                        var du = deg[u];
                        var pu = pos[u];
                        var pw = bin[du];
                        var w = vert[pw];
                        if (u != w)
                        {
                            pos[u] = pw;
                            vert[pu] = w;
                            pos[w] = pu;
                            vert[pw] = u;
                        }

                        bin[du]++;
                        deg[u] = du - 1;
                    }
                }
            }

            onProgress?.Invoke(n);
            return deg;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(bin);
            ArrayPool<int>.Shared.Return(pos);
            ArrayPool<int>.Shared.Return(vert);
        }
    }

    private static int Multiplicity(double weight) => weight >= 1 ? (int)Math.Round(weight) : 1;
}
