using System;
using System.Buffers;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>
/// The Leiden algorithm (Traag, Waltman &amp; van Eck 2019, Scientific Reports 9, 5233) as igraph's
/// <c>igraph_community_leiden</c> runs it: (1) queue-based fast local moving (all nodes queued in a seeded random order;
/// a moved node re-queues its stable neighbours outside its new community; an empty community is always a candidate);
/// (2) refinement of each community from singletons, where only well-connected singletons move, to a well-connected
/// sub-community chosen at random with probability ∝ exp(Δ/β) among those with Δ ≥ 0; (3) aggregation of the refined
/// partition, the aggregate starting from the unrefined one. Iterated until an iteration leaves the partition unchanged.
/// </summary>
/// <remarks>
/// <para>Quality (igraph's): Σ_ij (A_ij - γ' n_i n_j) δ(s_i, s_j). Modularity: node weights n_i = strengths and
/// γ' = γ / 2m. CPM: n_i = 1 and γ' = γ. Δ is in link-weight units, as in igraph, so with β = 0.01 the choice is nearly greedy.</para>
/// <para>Sequential: the partition depends only on the seed, never on the thread count. Undirected graphs only.</para>
/// </remarks>
internal static class Leiden
{
    /// <summary>The iteration limit when iterating until stable.</summary>
    public const int MaxIterationsUntilStable = 1000;

    /// <summary>Runs Leiden.</summary>
    /// <param name="graph">An undirected graph (weights used when present).</param>
    /// <param name="modularityObjective">Optimise modularity (true) or the Constant Potts Model (false).</param>
    /// <param name="resolution">γ.</param>
    /// <param name="beta">The randomness of the refinement, &gt; 0.</param>
    /// <param name="iterations">Iterations of the whole algorithm; negative: until an iteration changes nothing
    /// (at most <see cref="MaxIterationsUntilStable"/>).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="cancellationToken">Checked every 1024 node visits.</param>
    /// <param name="progress">Receives (iteration, node visits) after each level, or <see langword="null"/>.</param>
    /// <returns>The partition; <see cref="CommunityResult.Modularity"/> is networkx's modularity at γ (at γ = 1 for CPM).</returns>
    public static CommunityResult Run(CsrGraph graph, bool modularityObjective = true, double resolution = 1.0, double beta = 0.01,
        int iterations = -1, ulong seed = DeterministicRandom.DefaultSeed, CancellationToken cancellationToken = default,
        Action<int, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.IsDirected)
        {
            throw new ArgumentException("Leiden needs an undirected graph; build the graph with an undirected view.", nameof(graph));
        }

        if (!(beta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be > 0.");
        }

        var n = graph.NodeCount;
        var g0 = CommunityGraph.FromCsr(graph);
        var m = g0.TotalWeight;
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = v;
        }

        var qResolution = modularityObjective ? resolution : 1.0;
        if (n == 0 || m == 0 || iterations == 0)
        {
            return new CommunityResult(membership, Modularity.Canonicalize(membership), Modularity.Compute(graph, membership, qResolution), 0, 0, 0, iterations != 0);
        }

        double[] nw;
        double gamma;
        if (modularityObjective)
        {
            nw = g0.Strengths();
            gamma = resolution / (2 * m);
        }
        else
        {
            nw = new double[n];
            Array.Fill(nw, 1.0);
            gamma = resolution;
        }

        var rng = new DeterministicRandom(seed);
        var previous = new int[n];
        var done = 0;
        var converged = false;
        var levels = 0;
        long visits = 0;
        var limit = iterations < 0 ? MaxIterationsUntilStable : iterations;
        while (done < limit)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Copy(membership, previous, n);
            levels = OneIteration(g0, nw, gamma, beta, membership, rng, cancellationToken, progress, done, ref visits);
            Modularity.Canonicalize(membership);
            done++;
            if (membership.AsSpan().SequenceEqual(previous))
            {
                converged = true;
                if (iterations < 0)
                {
                    break;
                }
            }
            else
            {
                converged = false;
            }
        }

        var k = Modularity.Canonicalize(membership);
        return new CommunityResult(membership, k, Modularity.Compute(graph, membership, qResolution), levels, visits, done, converged);
    }

    private static int OneIteration(CommunityGraph g0, double[] nw0, double gamma, double beta, int[] membership, DeterministicRandom rng,
        CancellationToken ct, Action<int, long>? progress, int iteration, ref long visits)
    {
        var n = g0.NodeCount;
        var g = g0;
        var nw = nw0;
        var memb = (int[])membership.Clone();
        var aggNode = new int[n];
        for (var i = 0; i < n; i++)
        {
            aggNode[i] = i;
        }

        var levels = 0;
        while (true)
        {
            var k = FastMove(g, nw, gamma, memb, rng, ct, ref visits);
            for (var i = 0; i < n; i++)
            {
                membership[i] = memb[aggNode[i]];
            }

            levels++;
            progress?.Invoke(iteration, visits);
            var nl = g.NodeCount;
            if (k >= nl)
            {
                return levels;
            }

            var refined = new int[nl];
            var r = Refine(g, nw, gamma, beta, memb, k, refined, rng);
            if (r >= nl)
            {
                Array.Copy(memb, refined, nl);
                r = k;
            }

            for (var i = 0; i < n; i++)
            {
                aggNode[i] = refined[aggNode[i]];
            }

            var newMemb = new int[r];
            var newNw = new double[r];
            for (var v = 0; v < nl; v++)
            {
                newMemb[refined[v]] = memb[v];
                newNw[refined[v]] += nw[v];
            }

            g = g.Aggregate(refined, r);
            nw = newNw;
            memb = newMemb;
        }
    }

    /// <summary>Queue-based local moving; renumbers <paramref name="memb"/> to 0..K-1 and returns K.</summary>
    private static int FastMove(CommunityGraph g, double[] nw, double gamma, int[] memb, DeterministicRandom rng, CancellationToken ct, ref long visits)
    {
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.Weights;
        var cw = ArrayPool<double>.Shared.Rent(n);
        var cnt = ArrayPool<int>.Shared.Rent(n);
        var empty = ArrayPool<int>.Shared.Rent(n);
        var queue = ArrayPool<int>.Shared.Rent(n);
        var stable = ArrayPool<bool>.Shared.Rent(n);
        var acc = ArrayPool<double>.Shared.Rent(n);
        var added = ArrayPool<bool>.Shared.Rent(n);
        var cand = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            Array.Clear(cw, 0, n);
            Array.Clear(cnt, 0, n);
            Array.Clear(stable, 0, n);
            Array.Clear(acc, 0, n);
            Array.Clear(added, 0, n);
            for (var v = 0; v < n; v++)
            {
                cw[memb[v]] += nw[v];
                cnt[memb[v]]++;
                queue[v] = v;
            }

            var top = 0;
            for (var c = 0; c < n; c++)
            {
                if (cnt[c] == 0)
                {
                    empty[top++] = c;
                }
            }

            rng.Shuffle(queue.AsSpan(0, n));
            int head = 0, size = n;
            var tick = 0;
            while (size > 0)
            {
                if (++tick == 1024)
                {
                    tick = 0;
                    ct.ThrowIfCancellationRequested();
                }

                var v = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                size--;
                visits++;
                var cur = memb[v];
                var wv = nw[v];
                cw[cur] -= wv;
                if (--cnt[cur] == 0)
                {
                    empty[top++] = cur;
                }

                var emptyTop = empty[top - 1];
                cand[0] = emptyTop;
                added[emptyTop] = true;
                var nc = 1;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var c = memb[targets[e]];
                    if (!added[c])
                    {
                        added[c] = true;
                        cand[nc++] = c;
                    }

                    acc[c] += weights[e];
                }

                var best = cur;
                var maxDiff = acc[cur] - (wv * cw[cur] * gamma);
                for (var i = 0; i < nc; i++)
                {
                    var c = cand[i];
                    var diff = acc[c] - (wv * cw[c] * gamma);
                    if (diff > maxDiff)
                    {
                        best = c;
                        maxDiff = diff;
                    }

                    acc[c] = 0;
                    added[c] = false;
                }

                cw[best] += wv;
                cnt[best]++;
                if (best == emptyTop)
                {
                    top--;
                }

                stable[v] = true;
                if (best != cur)
                {
                    memb[v] = best;
                    for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    {
                        var u = targets[e];
                        if (stable[u] && memb[u] != best)
                        {
                            stable[u] = false;
                            var tail = head + size;
                            queue[tail >= n ? tail - n : tail] = u;
                            size++;
                        }
                    }
                }
            }

            return Modularity.Canonicalize(memb.AsSpan(0, n));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(cw);
            ArrayPool<int>.Shared.Return(cnt);
            ArrayPool<int>.Shared.Return(empty);
            ArrayPool<int>.Shared.Return(queue);
            ArrayPool<bool>.Shared.Return(stable);
            ArrayPool<double>.Shared.Return(acc);
            ArrayPool<bool>.Shared.Return(added);
            ArrayPool<int>.Shared.Return(cand);
        }
    }

    /// <summary>Refines every community from singletons; writes labels 0..R-1 into <paramref name="refinedOut"/> and returns R.</summary>
    private static int Refine(CommunityGraph g, double[] nw, double gamma, double beta, int[] memb, int k, int[] refinedOut, DeterministicRandom rng)
    {
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.Weights;
        var start = ArrayPool<int>.Shared.Rent(k + 1);
        var members = ArrayPool<int>.Shared.Rent(n);
        var order = ArrayPool<int>.Shared.Rent(n);
        var refined = ArrayPool<int>.Shared.Rent(n);
        var rcw = ArrayPool<double>.Shared.Rent(n);
        var ext = ArrayPool<double>.Shared.Rent(n);
        var nonSingleton = ArrayPool<bool>.Shared.Rent(n);
        var acc = ArrayPool<double>.Shared.Rent(n);
        var added = ArrayPool<bool>.Shared.Rent(n);
        var cand = ArrayPool<int>.Shared.Rent(n + 1);
        var diffs = ArrayPool<double>.Shared.Rent(n + 1);
        var cum = ArrayPool<double>.Shared.Rent(n + 1);
        var remap = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Array.Clear(start, 0, k + 1);
            Array.Clear(acc, 0, n);
            Array.Clear(added, 0, n);
            Array.Fill(remap, -1, 0, n);
            for (var v = 0; v < n; v++)
            {
                start[memb[v] + 1]++;
            }

            for (var c = 0; c < k; c++)
            {
                start[c + 1] += start[c];
            }

            for (var v = 0; v < n; v++)
            {
                members[start[memb[v]]++] = v;
            }

            for (var c = k; c > 0; c--)
            {
                start[c] = start[c - 1];
            }

            start[0] = 0;
            var r = 0;
            for (var c = 0; c < k; c++)
            {
                var s0 = start[c];
                var s1 = start[c + 1];
                var total = 0.0;
                for (var i = s0; i < s1; i++)
                {
                    var v = members[i];
                    refined[v] = v;
                    rcw[v] = nw[v];
                    nonSingleton[v] = false;
                    var e0 = 0.0;
                    for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    {
                        if (memb[targets[e]] == c)
                        {
                            e0 += weights[e];
                        }
                    }

                    ext[v] = e0;
                    total += nw[v];
                    order[i] = v;
                }

                rng.Shuffle(order.AsSpan(s0, s1 - s0));
                for (var i = s0; i < s1; i++)
                {
                    var v = order[i];
                    var cur = refined[v];
                    if (nonSingleton[cur] || ext[cur] < rcw[cur] * (total - rcw[cur]) * gamma)
                    {
                        continue;
                    }

                    var wv = nw[v];
                    rcw[cur] = 0;
                    ext[cur] = 0;
                    cand[0] = cur;
                    added[cur] = true;
                    var nc = 1;
                    for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    {
                        var u = targets[e];
                        if (memb[u] != c)
                        {
                            continue;
                        }

                        var ru = refined[u];
                        if (!added[ru])
                        {
                            added[ru] = true;
                            cand[nc++] = ru;
                        }

                        acc[ru] += weights[e];
                    }

                    var maxDiff = double.NegativeInfinity;
                    var best = cur;
                    for (var j = 0; j < nc; j++)
                    {
                        var rc = cand[j];
                        var diff = double.NaN;
                        if (ext[rc] >= rcw[rc] * (total - rcw[rc]) * gamma)
                        {
                            var d = acc[rc] - (wv * rcw[rc] * gamma);
                            if (d >= 0)
                            {
                                diff = d;
                                if (d > maxDiff)
                                {
                                    maxDiff = d;
                                    best = rc;
                                }
                            }
                        }

                        diffs[j] = diff;
                        acc[rc] = 0;
                        added[rc] = false;
                    }

                    var totalCum = 0.0;
                    for (var j = 0; j < nc; j++)
                    {
                        if (!double.IsNaN(diffs[j]))
                        {
                            totalCum += Math.Exp((diffs[j] - maxDiff) / beta);
                        }

                        cum[j] = totalCum;
                    }

                    var chosen = best;
                    var x = rng.NextDouble() * totalCum;
                    for (var j = 0; j < nc; j++)
                    {
                        if (!double.IsNaN(diffs[j]) && cum[j] > x)
                        {
                            chosen = cand[j];
                            break;
                        }
                    }

                    rcw[chosen] += wv;
                    for (var e = offsets[v]; e < offsets[v + 1]; e++)
                    {
                        var u = targets[e];
                        if (memb[u] != c || u == v)
                        {
                            continue;
                        }

                        ext[chosen] += refined[u] == chosen ? -weights[e] : weights[e];
                    }

                    if (chosen != cur)
                    {
                        refined[v] = chosen;
                        nonSingleton[chosen] = true;
                    }
                }

                for (var i = s0; i < s1; i++)
                {
                    var v = members[i];
                    ref var id = ref remap[refined[v]];
                    if (id < 0)
                    {
                        id = r++;
                    }

                    refinedOut[v] = id;
                }
            }

            return r;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(start);
            ArrayPool<int>.Shared.Return(members);
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<int>.Shared.Return(refined);
            ArrayPool<double>.Shared.Return(rcw);
            ArrayPool<double>.Shared.Return(ext);
            ArrayPool<bool>.Shared.Return(nonSingleton);
            ArrayPool<double>.Shared.Return(acc);
            ArrayPool<bool>.Shared.Return(added);
            ArrayPool<int>.Shared.Return(cand);
            ArrayPool<double>.Shared.Return(diffs);
            ArrayPool<double>.Shared.Return(cum);
            ArrayPool<int>.Shared.Return(remap);
        }
    }
}
