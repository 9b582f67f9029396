using System;
using System.Buffers;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>The result of <see cref="Louvain.Run"/> or <see cref="Leiden.Run"/>.</summary>
/// <param name="Membership">Each node's community, numbered 0, 1, ... in order of each community's smallest node.</param>
/// <param name="Count">The number of communities.</param>
/// <param name="Modularity">The modularity of the partition (networkx's formula at the run's resolution); NaN without links.</param>
/// <param name="Levels">Louvain: the partitions produced (networkx's levels). Leiden: the aggregation levels of the last iteration.</param>
/// <param name="Passes">Louvain: local-moving passes over all nodes. Leiden: nodes visited by the queue-based local moving.</param>
/// <param name="Iterations">Leiden: iterations of the whole algorithm; Louvain: 1.</param>
/// <param name="Converged">Leiden: whether the last iteration left the partition unchanged; Louvain: always true.</param>
internal sealed record CommunityResult(int[] Membership, int Count, double Modularity, int Levels, long Passes, int Iterations, bool Converged);

/// <summary>
/// Louvain community detection (Blondel, Guillaume, Lambiotte &amp; Lefebvre 2008, J. Stat. Mech. P10008) as networkx
/// 3.6.1's <c>louvain_partitions</c>: the nodes of each level are shuffled once by the seed and visited in that order, pass
/// after pass, until a pass moves nobody; a node moves to the neighbouring community with the largest strictly positive
/// modularity gain (first one found on ties); levels stop when a level raises modularity by no more than the threshold.
/// Directed graphs use directed modularity (Dugué &amp; Perez 2015), as networkx does. With pruning (the default; Ozaki,
/// Tezuka &amp; Inaba 2016) a pass visits only the nodes that have had a neighbour change community since their last visit,
/// still in the seeded order; without it every pass visits every node, exactly as networkx.
/// </summary>
/// <remarks>
/// Every level is a <see cref="CommunityGraph"/> (CSR aggregation); local moving keeps a dense neighbour-community weight
/// array and a touched list, so a node's visit costs O(degree). The moving phase is sequential: the partition depends only on
/// the seed, never on the thread count.
/// </remarks>
internal static class Louvain
{
    /// <summary>Runs Louvain.</summary>
    /// <param name="graph">The graph (directed or undirected; weights used when present).</param>
    /// <param name="resolution">γ.</param>
    /// <param name="threshold">The smallest modularity gain of a level that lets the next level run (networkx 1e-7).</param>
    /// <param name="maxLevel">The most levels (partitions) to produce; 0 for no limit.</param>
    /// <param name="seed">The seed of the node order.</param>
    /// <param name="pruning">Revisit only nodes with a neighbour moved since their last visit (true), or every node in every
    /// pass, as networkx (false).</param>
    /// <param name="cancellationToken">Checked once per pass.</param>
    /// <param name="progress">Receives (level, pass) after each pass, or <see langword="null"/>.</param>
    /// <returns>The partition.</returns>
    public static CommunityResult Run(CsrGraph graph, double resolution = 1.0, double threshold = 1e-7, int maxLevel = 0,
        ulong seed = DeterministicRandom.DefaultSeed, bool pruning = true, CancellationToken cancellationToken = default, Action<int, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var level = CommunityGraph.FromCsr(graph);
        var m = level.TotalWeight;
        var original = new int[n];
        for (var v = 0; v < n; v++)
        {
            original[v] = v;
        }

        if (n == 0 || m == 0)
        {
            return new CommunityResult(original, n, double.NaN, 1, 0, 1, true);
        }

        // Strengths in the units of the gain: undirected, out = in = degree and norm = 4m; directed, out/in strengths and norm = m.
        double[] outS, inS;
        double norm;
        if (graph.IsDirected)
        {
            outS = new double[n];
            inS = new double[n];
            var off = graph.Offsets;
            var tg = graph.Targets;
            var w = graph.AllWeights;
            for (var u = 0; u < n; u++)
            {
                for (var e = off[u]; e < off[u + 1]; e++)
                {
                    var wt = graph.IsWeighted ? w[e] : 1.0;
                    outS[u] += wt;
                    inS[tg[e]] += wt;
                }
            }

            norm = m;
        }
        else
        {
            outS = level.Strengths();
            inS = outS;
            norm = 4 * m;
        }

        var rng = new DeterministicRandom(seed);
        var mod = LevelModularity(level, null, outS, inS, resolution, norm);
        var levels = 0;
        long passes = 0;
        var membership = new int[n];
        while (true)
        {
            var nl = level.NodeCount;
            for (var v = 0; v < nl; v++)
            {
                membership[v] = v;
            }

            var improved = OneLevel(level, membership, outS, inS, resolution, norm, pruning, rng, cancellationToken, progress, levels, ref passes);
            if (levels > 0 && !improved)
            {
                break;
            }

            var count = Modularity.Canonicalize(membership.AsSpan(0, nl));
            for (var v = 0; v < n; v++)
            {
                original[v] = membership[original[v]];
            }

            levels++;
            var newMod = LevelModularity(level, membership, outS, inS, resolution, norm);
            if (newMod - mod <= threshold || (maxLevel > 0 && levels >= maxLevel))
            {
                break;
            }

            mod = newMod;
            (outS, inS) = AggregateStrengths(membership.AsSpan(0, nl), count, outS, inS, graph.IsDirected);
            level = level.Aggregate(membership.AsSpan(0, nl), count);
        }

        var k = Modularity.Canonicalize(original);
        return new CommunityResult(original, k, Modularity.Compute(graph, original, resolution), levels, passes, 1, true);
    }

    private static bool OneLevel(CommunityGraph g, int[] node2com, double[] outS, double[] inS, double resolution, double norm, bool pruning,
        DeterministicRandom rng, CancellationToken ct, Action<int, long>? progress, int levelIndex, ref long passes)
    {
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.Weights;
        var order = ArrayPool<int>.Shared.Rent(n);
        var totOut = ArrayPool<double>.Shared.Rent(n);
        var totIn = ArrayPool<double>.Shared.Rent(n);
        var acc = ArrayPool<double>.Shared.Rent(n);
        var touched = ArrayPool<int>.Shared.Rent(n);
        var dirty = ArrayPool<bool>.Shared.Rent(n);
        var position = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var v = 0; v < n; v++)
            {
                order[v] = v;
                totOut[v] = outS[v];
                totIn[v] = inS[v];
                acc[v] = 0;
            }

            rng.Shuffle(order.AsSpan(0, n));
            for (var i = 0; i < n; i++)
            {
                position[order[i]] = i;
            }

            var directed = !ReferenceEquals(outS, inS);
            var improvement = false;
            var gamma = resolution / norm;
            Array.Fill(dirty, true, 0, n);
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var moves = 0;
                var dirtySpan = dirty.AsSpan(0, n);
                for (var i = dirtySpan.IndexOf(true); i >= 0 && i < n; i = NextDirty(dirtySpan, i + 1))
                {
                    var u = order[i];
                    dirty[i] = false;
                    var cu = node2com[u];
                    // acc[c] > 0 marks a touched community (weights are > 0); acc is all zeros between nodes.
                    var nt = 0;
                    for (var e = offsets[u]; e < offsets[u + 1]; e++)
                    {
                        var c = node2com[targets[e]];
                        if (acc[c] == 0)
                        {
                            touched[nt++] = c;
                        }

                        acc[c] += weights[e];
                    }

                    var ou = outS[u];
                    var iu = inS[u];
                    var best = cu;
                    var bestGain = 0.0;
                    if (directed)
                    {
                        totOut[cu] -= ou;
                        totIn[cu] -= iu;
                        var own = acc[cu] - (gamma * ((ou * totIn[cu]) + (iu * totOut[cu])));
                        for (var t = 0; t < nt; t++)
                        {
                            var c = touched[t];
                            var gain = acc[c] - (gamma * ((ou * totIn[c]) + (iu * totOut[c]))) - own;
                            acc[c] = 0;
                            if (gain > bestGain)
                            {
                                bestGain = gain;
                                best = c;
                            }
                        }

                        totOut[best] += ou;
                        totIn[best] += iu;
                    }
                    else
                    {
                        // Undirected: out = in = degree, so one total per community and the gain's second term doubles.
                        totOut[cu] -= ou;
                        var k = 2 * gamma * ou;
                        var own = acc[cu] - (k * totOut[cu]);
                        for (var t = 0; t < nt; t++)
                        {
                            var c = touched[t];
                            var gain = acc[c] - (k * totOut[c]) - own;
                            acc[c] = 0;
                            if (gain > bestGain)
                            {
                                bestGain = gain;
                                best = c;
                            }
                        }

                        totOut[best] += ou;
                    }

                    if (best != cu)
                    {
                        node2com[u] = best;
                        improvement = true;
                        moves++;
                        for (var e = offsets[u]; e < offsets[u + 1]; e++)
                        {
                            var w = targets[e];
                            if (node2com[w] != best)
                            {
                                dirty[position[w]] = true;
                            }
                        }
                    }
                }

                passes++;
                progress?.Invoke(levelIndex, passes);
                if (moves == 0)
                {
                    break;
                }

                if (!pruning)
                {
                    Array.Fill(dirty, true, 0, n);
                }
            }

            return improvement;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<double>.Shared.Return(totOut);
            ArrayPool<double>.Shared.Return(totIn);
            ArrayPool<double>.Shared.Return(acc);
            ArrayPool<int>.Shared.Return(touched);
            ArrayPool<bool>.Shared.Return(dirty);
            ArrayPool<int>.Shared.Return(position);
        }
    }

    /// <summary>The next dirty position at or after <paramref name="from"/>, or -1 (a vectorised search).</summary>
    private static int NextDirty(ReadOnlySpan<bool> dirty, int from)
    {
        if (from >= dirty.Length)
        {
            return -1;
        }

        var k = dirty[from..].IndexOf(true);
        return k < 0 ? -1 : from + k;
    }

    /// <summary>Modularity of a level's partition (singletons when <paramref name="membership"/> is null), in the level's units.</summary>
    private static double LevelModularity(CommunityGraph g, int[]? membership, double[] outS, double[] inS, double resolution, double norm)
    {
        var n = g.NodeCount;
        var m = g.TotalWeight;
        var inner = ArrayPool<double>.Shared.Rent(n);
        var to = ArrayPool<double>.Shared.Rent(n);
        var ti = ArrayPool<double>.Shared.Rent(n);
        try
        {
            Array.Clear(inner, 0, n);
            Array.Clear(to, 0, n);
            Array.Clear(ti, 0, n);
            for (var u = 0; u < n; u++)
            {
                var cu = membership is null ? u : membership[u];
                inner[cu] += g.Self[u];
                to[cu] += outS[u];
                ti[cu] += inS[u];
                if (membership is null)
                {
                    continue;
                }

                for (var e = g.Offsets[u]; e < g.Offsets[u + 1]; e++)
                {
                    if (membership[g.Targets[e]] == cu)
                    {
                        inner[cu] += 0.5 * g.Weights[e];
                    }
                }
            }

            var q = 0.0;
            for (var c = 0; c < n; c++)
            {
                q += (inner[c] / m) - (resolution * to[c] * ti[c] / (norm * m));
            }

            return q;
        }
        finally
        {
            ArrayPool<double>.Shared.Return(inner);
            ArrayPool<double>.Shared.Return(to);
            ArrayPool<double>.Shared.Return(ti);
        }
    }

    private static (double[] Out, double[] In) AggregateStrengths(ReadOnlySpan<int> membership, int count, double[] outS, double[] inS, bool directed)
    {
        var o = new double[count];
        for (var v = 0; v < membership.Length; v++)
        {
            o[membership[v]] += outS[v];
        }

        if (!directed)
        {
            return (o, o);
        }

        var i = new double[count];
        for (var v = 0; v < membership.Length; v++)
        {
            i[membership[v]] += inS[v];
        }

        return (o, i);
    }
}
