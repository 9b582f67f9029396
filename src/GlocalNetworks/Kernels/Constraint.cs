using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace GlocalNetworks.Kernels;

/// <summary>
/// Burt's structural-hole measures on mutual weights, as networkx 3.6.1 defines them: with s_ij = a_ij + a_ji (the
/// mutual weight; 1 + 1 for an undirected link) and N(i) the neighbours in either direction,
/// p_ij = s_ij / Σ_{k∈N(i)} s_ik and m_ij = s_ij / max_{k∈N(j)} s_jk.
/// <list type="bullet">
/// <item>constraint c_i = Σ_{j∈N(i)} (p_ij + Σ_{q∈N(i)} p_iq p_qj)²;</item>
/// <item>effective size e_i = Σ_{j∈N(i)} (1 - Σ_{q∈N(i)} p_iq m_jq); for an unweighted undirected graph networkx's
/// closed form |N(i)| - 2t/|N(i)| (Borgatti 1997), t the links among the neighbours.</item>
/// </list>
/// Isolated nodes get NaN. Nodes are split into a fixed number of chunks run in parallel; each node's value is summed by
/// one thread in a fixed order, so the result is the same at every thread count.
/// </summary>
internal static class Constraint
{
    private const int Chunks = 256;

    /// <summary>The symmetric mutual-weight graph: an undirected graph itself (its weights, or none); a directed graph's
    /// arcs u→v and v→u summed into one undirected entry (weight 1 per arc when unweighted).</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>An undirected graph whose entry weights are the mutual weights up to a common factor.</returns>
    public static CsrGraph Mutual(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!graph.IsDirected)
        {
            return graph;
        }

        var n = graph.NodeCount;
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

        return CsrGraph.Build(src, dst, w, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Ignore);
    }

    /// <summary>Burt's constraint of every node of a mutual-weight graph (see <see cref="Mutual"/>).</summary>
    /// <param name="mutual">An undirected graph (self-loops are skipped).</param>
    /// <param name="result">Receives c_i; length n.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use.</param>
    /// <param name="cancellationToken">Checked once per chunk.</param>
    /// <param name="progress">Receives (nodes done, n) after each chunk, or <see langword="null"/>.</param>
    public static void Compute(CsrGraph mutual, double[] result, int maxDegreeOfParallelism = 1, CancellationToken cancellationToken = default,
        Action<long, long>? progress = null) =>
        Run(mutual, result, maxDegreeOfParallelism, cancellationToken, progress, effectiveSize: false, closedForm: false);

    /// <summary>Effective size of every node of a mutual-weight graph.</summary>
    /// <param name="mutual">An undirected graph (self-loops are skipped).</param>
    /// <param name="closedForm">Use networkx's unweighted undirected formula |N| - 2t/|N| (exact integer counts).</param>
    /// <param name="result">Receives e_i; length n.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use.</param>
    /// <param name="cancellationToken">Checked once per chunk.</param>
    /// <param name="progress">Receives (nodes done, n) after each chunk, or <see langword="null"/>.</param>
    public static void EffectiveSize(CsrGraph mutual, bool closedForm, double[] result, int maxDegreeOfParallelism = 1,
        CancellationToken cancellationToken = default, Action<long, long>? progress = null) =>
        Run(mutual, result, maxDegreeOfParallelism, cancellationToken, progress, effectiveSize: true, closedForm);

    private static void Run(CsrGraph g, double[] result, int maxDop, CancellationToken ct, Action<long, long>? progress, bool effectiveSize, bool closedForm)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(result);
        if (g.IsDirected)
        {
            throw new ArgumentException("The mutual-weight graph must be undirected; see Constraint.Mutual.", nameof(g));
        }

        var n = g.NodeCount;
        if (result.Length < n)
        {
            throw new ArgumentException("result must have one entry per node.", nameof(result));
        }

        if (n == 0)
        {
            return;
        }

        // Row sums and maxima of the mutual weights, self-loops skipped.
        var sum = new double[n];
        var max = new double[n];
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.AllWeights;
        var weighted = g.IsWeighted;
        for (var u = 0; u < n; u++)
        {
            double s = 0, mx = 0;
            for (var e = offsets[u]; e < offsets[u + 1]; e++)
            {
                if (targets[e] == u)
                {
                    continue;
                }

                var w = weighted ? weights[e] : 1.0;
                s += w;
                mx = Math.Max(mx, w);
            }

            sum[u] = s;
            max[u] = mx;
        }

        var chunks = Math.Min(Chunks, n);
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDop, CancellationToken = ct };
        Parallel.For(0, chunks, options,
            () => new Scratch(n),
            (chunk, _, scratch) =>
            {
                ct.ThrowIfCancellationRequested();
                var lo = (int)((long)n * chunk / chunks);
                var hi = (int)((long)n * (chunk + 1) / chunks);
                for (var u = lo; u < hi; u++)
                {
                    result[u] = sum[u] == 0 ? double.NaN
                        : !effectiveSize ? NodeConstraint(g, u, sum, scratch)
                        : closedForm ? ClosedFormEffectiveSize(g, u, scratch)
                        : NodeEffectiveSize(g, u, sum, max, scratch);
                }

                progress?.Invoke(Interlocked.Add(ref done, hi - lo), n);
                return scratch;
            },
            static scratch => scratch.Dispose());
    }

    private static double NodeConstraint(CsrGraph g, int u, double[] sum, Scratch s)
    {
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.AllWeights;
        var weighted = g.IsWeighted;
        var stamp = u + 1;
        for (var e = offsets[u]; e < offsets[u + 1]; e++)
        {
            var w = targets[e];
            if (w == u)
            {
                continue;
            }

            var p = (weighted ? weights[e] : 1.0) / sum[u];
            s.Mark[w] = stamp;
            s.P[w] = p;
            s.Acc[w] = p;
        }

        for (var e = offsets[u]; e < offsets[u + 1]; e++)
        {
            var q = targets[e];
            if (q == u)
            {
                continue;
            }

            var piq = s.P[q];
            for (var f = offsets[q]; f < offsets[q + 1]; f++)
            {
                var j = targets[f];
                if (j != u && s.Mark[j] == stamp)
                {
                    s.Acc[j] += piq * ((weighted ? weights[f] : 1.0) / sum[q]);
                }
            }
        }

        var c = 0.0;
        for (var e = offsets[u]; e < offsets[u + 1]; e++)
        {
            var j = targets[e];
            if (j != u)
            {
                c += s.Acc[j] * s.Acc[j];
            }
        }

        return c;
    }

    private static double NodeEffectiveSize(CsrGraph g, int u, double[] sum, double[] max, Scratch s)
    {
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.AllWeights;
        var weighted = g.IsWeighted;
        var stamp = u + 1;
        for (var e = offsets[u]; e < offsets[u + 1]; e++)
        {
            var w = targets[e];
            if (w != u)
            {
                s.Mark[w] = stamp;
                s.P[w] = (weighted ? weights[e] : 1.0) / sum[u];
            }
        }

        var es = 0.0;
        for (var e = offsets[u]; e < offsets[u + 1]; e++)
        {
            var j = targets[e];
            if (j == u)
            {
                continue;
            }

            var r = 0.0;
            for (var f = offsets[j]; f < offsets[j + 1]; f++)
            {
                var q = targets[f];
                if (q != j && s.Mark[q] == stamp)
                {
                    r += s.P[q] * ((weighted ? weights[f] : 1.0) / max[j]);
                }
            }

            es += 1 - r;
        }

        return es;
    }

    private static double ClosedFormEffectiveSize(CsrGraph g, int u, Scratch s)
    {
        var offsets = g.Offsets;
        var targets = g.Targets;
        var stamp = u + 1;
        long k = 0;
        for (var e = offsets[u]; e < offsets[u + 1]; e++)
        {
            if (targets[e] != u)
            {
                s.Mark[targets[e]] = stamp;
                k++;
            }
        }

        long twiceT = 0;
        for (var e = offsets[u]; e < offsets[u + 1]; e++)
        {
            var j = targets[e];
            if (j == u)
            {
                continue;
            }

            for (var f = offsets[j]; f < offsets[j + 1]; f++)
            {
                var q = targets[f];
                if (q != j && s.Mark[q] == stamp)
                {
                    twiceT++;
                }
            }
        }

        return k - ((double)twiceT / k);
    }

    private sealed class Scratch : IDisposable
    {
        public Scratch(int n)
        {
            Mark = ArrayPool<int>.Shared.Rent(n);
            P = ArrayPool<double>.Shared.Rent(n);
            Acc = ArrayPool<double>.Shared.Rent(n);
            Array.Clear(Mark, 0, n);
        }

        public int[] Mark { get; }

        public double[] P { get; }

        public double[] Acc { get; }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(Mark);
            ArrayPool<double>.Shared.Return(P);
            ArrayPool<double>.Shared.Return(Acc);
        }
    }
}
