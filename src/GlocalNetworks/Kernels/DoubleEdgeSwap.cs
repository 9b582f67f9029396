using System;
using System.Collections.Generic;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>What a run of <see cref="DoubleEdgeSwap.Run"/> did.</summary>
/// <param name="Swaps">The swaps made.</param>
/// <param name="Attempts">The attempts drawn (made and rejected).</param>
/// <param name="HitAttemptLimit">Whether the run stopped at the attempt limit before making the swaps asked for.</param>
internal readonly record struct SwapOutcome(long Swaps, long Attempts, bool HitAttemptLimit);

/// <summary>
/// Degree-preserving double-edge swaps (Maslov &amp; Sneppen 2002) on a simple edge list kept in two arrays, so that the
/// caller can carry anything it likes along with each edge position (weights, link bundles). Each attempt draws two edge
/// positions uniformly (with replacement); undirected edges (a, b), (c, d) become (a, d), (c, b) or (a, c), (b, d) with
/// probability 1/2 each, directed edges a→b, c→d become a→d, c→b (out-degrees stay with the first end, in-degrees with
/// the second). An attempt is rejected when the two positions coincide, or when a new edge would be a self-loop or an edge
/// that already exists. Every attempt, kept or rejected, counts toward the limit.
/// </summary>
/// <remarks>Unlike <see cref="SwapGraph"/> (networkx's reference-graph rules for small-world coefficients) this keeps edge
/// identities: edge position e keeps its position, only its ends change. Expected time O(attempts) with a hash set of edges.</remarks>
internal static class DoubleEdgeSwap
{
    /// <summary>Rewires the edges (<paramref name="u"/>[e], <paramref name="v"/>[e]) in place.</summary>
    /// <param name="u">First ends (sources when directed); rewritten.</param>
    /// <param name="v">Second ends (targets when directed); rewritten.</param>
    /// <param name="directed">Whether the edges are directed.</param>
    /// <param name="swaps">The swaps to make.</param>
    /// <param name="maxAttempts">The most attempts.</param>
    /// <param name="rng">The generator.</param>
    /// <param name="cancellationToken">Checked every 1024 attempts.</param>
    /// <returns>The swaps made and the attempts used.</returns>
    /// <exception cref="ArgumentException">The arrays differ in length, hold a self-loop or hold an edge twice.</exception>
    public static SwapOutcome Run(Span<int> u, Span<int> v, bool directed, long swaps, long maxAttempts, DeterministicRandom rng,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (u.Length != v.Length)
        {
            throw new ArgumentException("The two end arrays must have the same length.", nameof(v));
        }

        var m = u.Length;
        var edges = new HashSet<long>(m);
        for (var e = 0; e < m; e++)
        {
            if (u[e] == v[e] || !edges.Add(Key(u[e], v[e], directed)))
            {
                throw new ArgumentException($"Edge {u[e]}-{v[e]} is a self-loop or occurs twice; the edge list must be simple.", nameof(u));
            }
        }

        long done = 0;
        long attempts = 0;
        while (done < swaps && attempts < maxAttempts)
        {
            if ((attempts & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            attempts++;
            var e1 = rng.NextInt(m);
            var e2 = rng.NextInt(m);
            if (e1 == e2)
            {
                continue;
            }

            int a = u[e1], b = v[e1], c = u[e2], d = v[e2];
            int x1 = a, y1 = d, x2 = c, y2 = b;
            if (!directed && (rng.NextUInt64() & 1) == 0)
            {
                y1 = c;
                x2 = b;
                y2 = d;
            }

            if (x1 == y1 || x2 == y2)
            {
                continue;
            }

            var k1 = Key(x1, y1, directed);
            var k2 = Key(x2, y2, directed);
            if (k1 == k2 || edges.Contains(k1) || edges.Contains(k2))
            {
                continue;
            }

            edges.Remove(Key(a, b, directed));
            edges.Remove(Key(c, d, directed));
            edges.Add(k1);
            edges.Add(k2);
            u[e1] = x1;
            v[e1] = y1;
            u[e2] = x2;
            v[e2] = y2;
            done++;
        }

        return new SwapOutcome(done, attempts, done < swaps);
    }

    private static long Key(int x, int y, bool directed) => directed ? ((long)x << 32) | (uint)y : SwapGraph.Key(x, y);
}
