using System;
using System.Buffers;
using System.Collections.Generic;

namespace GlocalNetworks.Kernels;

/// <summary>
/// Newman-Girvan modularity of a partition, exactly as networkx 3.6.1's <c>community.modularity</c>:
/// undirected Q = Σ_c [L_c / m - γ (d_c / 2m)²], directed Q = Σ_c [L_c / m - γ d_c^out d_c^in / m²], with L_c the weight of
/// the links inside c (a kept self-loop once), d_c the summed (in-, out-) strengths of c's nodes (a self-loop counts twice
/// in an undirected degree) and m the total link weight. Also canonical relabelling of partitions.
/// </summary>
internal static class Modularity
{
    /// <summary>The modularity of <paramref name="membership"/> on <paramref name="graph"/>; NaN when the graph has no links
    /// (networkx divides by zero there). Weights are the graph's, or 1 when it is unweighted. O(n + m), sequential (so the
    /// same bits at every thread count).</summary>
    /// <param name="graph">The graph (directed or undirected).</param>
    /// <param name="membership">The community of each node, in [0, n).</param>
    /// <param name="resolution">γ.</param>
    /// <returns>Q.</returns>
    public static double Compute(CsrGraph graph, ReadOnlySpan<int> membership, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (membership.Length != n)
        {
            throw new ArgumentException("membership must have one entry per node.", nameof(membership));
        }

        var k = 0;
        for (var v = 0; v < n; v++)
        {
            if ((uint)membership[v] >= (uint)n)
            {
                throw new ArgumentException("Community labels must lie in [0, n).", nameof(membership));
            }

            k = Math.Max(k, membership[v] + 1);
        }

        var inner = ArrayPool<double>.Shared.Rent(Math.Max(1, k));
        var outS = ArrayPool<double>.Shared.Rent(Math.Max(1, k));
        var inS = ArrayPool<double>.Shared.Rent(Math.Max(1, k));
        try
        {
            Array.Clear(inner, 0, k);
            Array.Clear(outS, 0, k);
            Array.Clear(inS, 0, k);
            var offsets = graph.Offsets;
            var targets = graph.Targets;
            var weights = graph.AllWeights;
            var weighted = graph.IsWeighted;
            double m = 0;
            for (var u = 0; u < n; u++)
            {
                var cu = membership[u];
                for (var e = offsets[u]; e < offsets[u + 1]; e++)
                {
                    var v = targets[e];
                    var w = weighted ? weights[e] : 1.0;
                    var cv = membership[v];
                    if (graph.IsDirected)
                    {
                        m += w;
                        outS[cu] += w;
                        inS[cv] += w;
                        if (cu == cv)
                        {
                            inner[cu] += w;
                        }
                    }
                    else if (v == u)
                    {
                        // A kept self-loop is stored once: once in L_c, twice in the degree.
                        m += w;
                        inner[cu] += w;
                        outS[cu] += 2 * w;
                    }
                    else
                    {
                        m += 0.5 * w;
                        outS[cu] += w;
                        if (cu == cv)
                        {
                            inner[cu] += 0.5 * w;
                        }
                    }
                }
            }

            if (m == 0)
            {
                return double.NaN;
            }

            var q = 0.0;
            if (graph.IsDirected)
            {
                var norm = 1.0 / (m * m);
                for (var c = 0; c < k; c++)
                {
                    q += (inner[c] / m) - (resolution * outS[c] * inS[c] * norm);
                }
            }
            else
            {
                var degSum = 2 * m;
                var norm = 1.0 / (degSum * degSum);
                for (var c = 0; c < k; c++)
                {
                    q += (inner[c] / m) - (resolution * outS[c] * outS[c] * norm);
                }
            }

            return q;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(inner);
            ArrayPool<double>.Shared.Return(outS);
            ArrayPool<double>.Shared.Return(inS);
        }
    }

    /// <summary>Renumbers arbitrary integer labels (any values, NaN-free) to 0, 1, ... in order of each community's
    /// smallest node, so that equal partitions get equal label vectors.</summary>
    /// <param name="labels">The labels, overwritten. Values may be any int (negative ones included).</param>
    /// <returns>The number of communities.</returns>
    public static int Canonicalize(Span<int> labels)
    {
        var n = labels.Length;
        var dense = true;
        for (var v = 0; v < n && dense; v++)
        {
            dense = (uint)labels[v] < (uint)n;
        }

        if (dense)
        {
            var remap = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            try
            {
                Array.Fill(remap, -1, 0, n);
                var next = 0;
                for (var v = 0; v < n; v++)
                {
                    ref var r = ref remap[labels[v]];
                    if (r < 0)
                    {
                        r = next++;
                    }

                    labels[v] = r;
                }

                return next;
            }
            finally
            {
                ArrayPool<int>.Shared.Return(remap);
            }
        }

        var map = new Dictionary<int, int>();
        for (var v = 0; v < n; v++)
        {
            if (!map.TryGetValue(labels[v], out var r))
            {
                r = map.Count;
                map.Add(labels[v], r);
            }

            labels[v] = r;
        }

        return map.Count;
    }
}
