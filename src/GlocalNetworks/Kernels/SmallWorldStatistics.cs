using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;

namespace GlocalNetworks.Kernels;

/// <summary>The small-world coefficients of <see cref="SmallWorldStatistics.Compute"/> and the statistics behind them.</summary>
/// <param name="Sigma">σ = (C/C_r)/(L/L_r), C = transitivity; NaN when not computed.</param>
/// <param name="Omega">ω = L_r/L - C/C_l, C = average clustering; NaN when not computed.</param>
/// <param name="Transitivity">C of σ for the graph.</param>
/// <param name="AverageClustering">C of ω for the graph.</param>
/// <param name="AveragePathLength">L for the graph.</param>
/// <param name="RandomTransitivity">Mean transitivity of σ's random references.</param>
/// <param name="RandomPathLength">Mean L of σ's random references.</param>
/// <param name="OmegaRandomPathLength">Mean L of ω's random references.</param>
/// <param name="LatticeClustering">C_l: the largest average clustering of ω's lattice references and the graph.</param>
/// <param name="Swaps">Swaps kept over all reference graphs.</param>
internal sealed record SmallWorldCoefficients(double Sigma, double Omega, double Transitivity, double AverageClustering, double AveragePathLength,
    double RandomTransitivity, double RandomPathLength, double OmegaRandomPathLength, double LatticeClustering, long Swaps);

/// <summary>
/// Small-world coefficients against seeded degree-preserving references, as networkx 3.6.1's <c>sigma</c> and <c>omega</c>:
/// σ uses nrand random references of niter rounds, ω uses as many random references of 2·niter rounds
/// and lattice references of niter rounds. Reference k draws from its own stream of the seed, so the references run in
/// parallel and the result does not depend on the thread count. Also the unweighted clustering and path statistics.
/// </summary>
internal static class SmallWorldStatistics
{
    private const ulong SigmaStream = 0;
    private const ulong OmegaRandomStream = 1 << 20;
    private const ulong OmegaLatticeStream = 2 << 20;

    /// <summary>Computes σ and/or ω for a connected simple graph with n ≥ 4 and m ≥ 2.</summary>
    /// <param name="graph">An undirected graph (weights ignored).</param>
    /// <param name="sigma">Whether to compute σ.</param>
    /// <param name="omega">Whether to compute ω.</param>
    /// <param name="sigmaIterations">niter of σ.</param>
    /// <param name="omegaIterations">niter of ω.</param>
    /// <param name="nrand">References per coefficient.</param>
    /// <param name="connectivity">Keep the references connected.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="maxDegreeOfParallelism">Threads.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <param name="progress">Receives (references done, total) or <see langword="null"/>.</param>
    /// <returns>The coefficients.</returns>
    public static SmallWorldCoefficients Compute(CsrGraph graph, bool sigma, bool omega, int sigmaIterations, int omegaIterations, int nrand,
        bool connectivity, ulong seed, int maxDegreeOfParallelism, CancellationToken cancellationToken = default, Action<long, long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var original = new SwapGraph(graph);
        var transitivity = Transitivity(original, out var avgClustering);
        var l = AveragePathLength(original, maxDegreeOfParallelism, cancellationToken);

        var jobs = (sigma ? nrand : 0) + (omega ? nrand : 0);
        var randC = new double[nrand];
        var randL = new double[nrand];
        var omegaL = new double[nrand];
        var latticeC = new double[nrand];
        var swaps = new long[2 * nrand];
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, jobs, options, job =>
        {
            var isSigma = sigma && job < nrand;
            var k = isSigma || !sigma ? job % nrand : job - nrand;
            if (isSigma)
            {
                var r = new SwapGraph(graph);
                swaps[job] = ReferenceGraphs.RandomReference(r, sigmaIterations, connectivity, new DeterministicRandom(seed, SigmaStream + (ulong)k), cancellationToken);
                randC[k] = Transitivity(r, out _);
                randL[k] = AveragePathLength(r, 1, cancellationToken);
            }
            else
            {
                var r = new SwapGraph(graph);
                var s = ReferenceGraphs.RandomReference(r, 2 * omegaIterations, connectivity, new DeterministicRandom(seed, OmegaRandomStream + (ulong)k), cancellationToken);
                omegaL[k] = AveragePathLength(r, 1, cancellationToken);
                var lat = new SwapGraph(graph);
                s += ReferenceGraphs.LatticeReference(lat, omegaIterations, connectivity, new DeterministicRandom(seed, OmegaLatticeStream + (ulong)k), cancellationToken);
                Transitivity(lat, out latticeC[k]);
                swaps[job] = s;
            }

            progress?.Invoke(Interlocked.Increment(ref done), jobs);
        });

        double sigmaValue = double.NaN, omegaValue = double.NaN, cr = double.NaN, lr = double.NaN, lro = double.NaN, cl = double.NaN;
        if (sigma)
        {
            cr = Mean(randC);
            lr = Mean(randL);
            sigmaValue = transitivity / cr / (l / lr);
        }

        if (omega)
        {
            lro = Mean(omegaL);
            cl = avgClustering;
            foreach (var c in latticeC)
            {
                cl = Math.Max(cl, c);
            }

            omegaValue = (lro / l) - (avgClustering / cl);
        }

        long total = 0;
        foreach (var s in swaps)
        {
            total += s;
        }

        return new SmallWorldCoefficients(sigmaValue, omegaValue, transitivity, avgClustering, l, cr, lr, lro, cl, total);
    }

    /// <summary>Transitivity 3T / triads (networkx <c>transitivity</c>: 0 without triangles) and the average local clustering
    /// (networkx <c>average_clustering</c>, zeros counted) of a simple graph.</summary>
    /// <param name="g">The graph.</param>
    /// <param name="averageClustering">Receives the average clustering (NaN for an empty graph).</param>
    /// <returns>The transitivity.</returns>
    public static double Transitivity(SwapGraph g, out double averageClustering)
    {
        ArgumentNullException.ThrowIfNull(g);
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var nbr = g.Neighbors;
        var mark = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
        try
        {
            Array.Fill(mark, -1, 0, n);
            long twiceTriangles = 0;
            long triads = 0;
            var clusteringSum = 0.0;
            for (var v = 0; v < n; v++)
            {
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    mark[nbr[e]] = v;
                }

                long t = 0;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    var u = nbr[e];
                    for (var f = offsets[u]; f < offsets[u + 1]; f++)
                    {
                        t += mark[nbr[f]] == v ? 1 : 0;
                    }
                }

                long k = offsets[v + 1] - offsets[v];
                twiceTriangles += t;
                triads += k * (k - 1);
                clusteringSum += k < 2 ? 0 : (double)t / (k * (k - 1));
            }

            averageClustering = n == 0 ? double.NaN : clusteringSum / n;
            return twiceTriangles == 0 ? 0 : (double)twiceTriangles / triads;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(mark);
        }
    }

    /// <summary>The mean hop distance over ordered pairs (networkx <c>average_shortest_path_length</c>), by a breadth-first
    /// search from every node; sources split into 64 fixed chunks whose integer sums add exactly. Unreachable pairs are skipped
    /// (the caller checks connectivity).</summary>
    /// <param name="g">The graph.</param>
    /// <param name="maxDegreeOfParallelism">Threads.</param>
    /// <param name="ct">Checked once per chunk.</param>
    /// <returns>The mean distance; NaN for n &lt; 2.</returns>
    public static double AveragePathLength(SwapGraph g, int maxDegreeOfParallelism, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(g);
        var n = g.NodeCount;
        if (n < 2)
        {
            return double.NaN;
        }

        const int Chunks = 64;
        var partial = new long[Chunks];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = ct };
        Parallel.For(0, Chunks, options, chunk =>
        {
            ct.ThrowIfCancellationRequested();
            var lo = (int)((long)n * chunk / Chunks);
            var hi = (int)((long)n * (chunk + 1) / Chunks);
            if (lo == hi)
            {
                return;
            }

            var dist = ArrayPool<int>.Shared.Rent(n);
            var queue = ArrayPool<int>.Shared.Rent(n);
            try
            {
                long sum = 0;
                for (var s = lo; s < hi; s++)
                {
                    sum += Bfs(g, s, dist, queue);
                }

                partial[chunk] = sum;
            }
            finally
            {
                ArrayPool<int>.Shared.Return(dist);
                ArrayPool<int>.Shared.Return(queue);
            }
        });

        long total = 0;
        foreach (var p in partial)
        {
            total += p;
        }

        return (double)total / ((double)n * (n - 1));
    }

    private static long Bfs(SwapGraph g, int s, int[] dist, int[] queue)
    {
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var nbr = g.Neighbors;
        Array.Fill(dist, -1, 0, n);
        dist[s] = 0;
        int head = 0, tail = 0;
        queue[tail++] = s;
        long sum = 0;
        while (head < tail)
        {
            var x = queue[head++];
            var dx = dist[x] + 1;
            for (var e = offsets[x]; e < offsets[x + 1]; e++)
            {
                var y = nbr[e];
                if (dist[y] < 0)
                {
                    dist[y] = dx;
                    sum += dx;
                    queue[tail++] = y;
                }
            }
        }

        return sum;
    }

    private static double Mean(double[] values)
    {
        var s = 0.0;
        foreach (var v in values)
        {
            s += v;
        }

        return s / values.Length;
    }
}
