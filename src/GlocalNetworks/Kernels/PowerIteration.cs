using System;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>
/// Power iterations for eigenvector and Katz centrality, exactly as networkx 3.6.1's <c>eigenvector_centrality</c> and
/// <c>katz_centrality</c>: a pull over the in-rows (so directed graphs use in-links: the left eigenvector xᵀA), rows in
/// fixed chunks, reductions per chunk combined in chunk order (bit-identical for any degree of parallelism).
/// </summary>
internal static class PowerIteration
{
    /// <summary>
    /// Eigenvector centrality: from x = 1/n, repeat <c>x ← (A + I)ᵀ x</c> and divide by the Euclidean norm, until
    /// Σ |x_new - x_old| &lt; n · tol.
    /// </summary>
    /// <param name="graph">The graph (out-rows if directed).</param>
    /// <param name="useWeights">Whether A holds the weights (otherwise 1 per entry).</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <param name="tolerance">tol.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit.</param>
    /// <param name="cancellationToken">Checked every iteration.</param>
    /// <param name="onIteration">Called after each iteration, or <see langword="null"/>.</param>
    /// <returns>The unit-norm vector, iterations, residual and convergence.</returns>
    public static IterationResult Eigenvector(CsrGraph graph, bool useWeights, int maxIterations, double tolerance, int maxDegreeOfParallelism,
        CancellationToken cancellationToken, Action<int>? onIteration = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new IterationResult([], 0, 0, true);
        }

        var rows = graph.Transpose();
        var weighted = useWeights && rows.IsWeighted;
        var bounds = SpMV.ChunkBounds(rows);
        var chunks = bounds.Length - 1;
        var part = new double[chunks];
        var x = new double[n];
        var xn = new double[n];
        Array.Fill(x, 1.0 / n);
        var threshold = n * tolerance;
        var residual = double.NaN;
        for (var it = 1; it <= maxIterations; it++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var xc = x;
            var xnc = xn;

            // Pass 1: xn = x + Aᵀx, with the squared norm per chunk.
            SpMV.ForEachChunk(chunks, maxDegreeOfParallelism, cancellationToken, c =>
            {
                SpMV.MultiplyRows(rows, xc, xnc, weighted, bounds[c], bounds[c + 1]);
                var sq = 0.0;
                for (var v = bounds[c]; v < bounds[c + 1]; v++)
                {
                    var t = xnc[v] + xc[v];
                    xnc[v] = t;
                    sq += t * t;
                }

                part[c] = sq;
            });
            var norm = Math.Sqrt(Sum(part));
            if (norm == 0)
            {
                norm = 1;
            }

            // Pass 2: normalise, with the L1 change per chunk.
            SpMV.ForEachChunk(chunks, maxDegreeOfParallelism, cancellationToken, c =>
            {
                var err = 0.0;
                for (var v = bounds[c]; v < bounds[c + 1]; v++)
                {
                    var t = xnc[v] / norm;
                    xnc[v] = t;
                    err += Math.Abs(t - xc[v]);
                }

                part[c] = err;
            });
            residual = Sum(part);
            (x, xn) = (xn, x);
            onIteration?.Invoke(it);
            if (residual < threshold)
            {
                return new IterationResult(x, it, residual, true);
            }
        }

        return new IterationResult(x, maxIterations, residual, false);
    }

    /// <summary>
    /// Katz centrality: from x = 0, repeat <c>x ← α Aᵀ x + β</c> until Σ |x_new - x_old| &lt; n · tol, then (optionally)
    /// divide by the Euclidean norm.
    /// </summary>
    /// <param name="graph">The graph (out-rows if directed).</param>
    /// <param name="alpha">α (below 1/λ_max for convergence).</param>
    /// <param name="beta">β, the same for every node.</param>
    /// <param name="normalized">Whether to divide the result by its Euclidean norm.</param>
    /// <param name="useWeights">Whether A holds the weights.</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <param name="tolerance">tol.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit.</param>
    /// <param name="cancellationToken">Checked every iteration.</param>
    /// <param name="onIteration">Called after each iteration, or <see langword="null"/>.</param>
    /// <returns>The vector, iterations, residual and convergence.</returns>
    public static IterationResult Katz(CsrGraph graph, double alpha, double beta, bool normalized, bool useWeights, int maxIterations, double tolerance,
        int maxDegreeOfParallelism, CancellationToken cancellationToken, Action<int>? onIteration = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new IterationResult([], 0, 0, true);
        }

        var rows = graph.Transpose();
        var weighted = useWeights && rows.IsWeighted;
        var bounds = SpMV.ChunkBounds(rows);
        var chunks = bounds.Length - 1;
        var part = new double[chunks];
        var x = new double[n];
        var xn = new double[n];
        var threshold = n * tolerance;
        var residual = double.NaN;
        for (var it = 1; it <= maxIterations; it++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var xc = x;
            var xnc = xn;
            SpMV.ForEachChunk(chunks, maxDegreeOfParallelism, cancellationToken, c =>
            {
                SpMV.MultiplyRows(rows, xc, xnc, weighted, bounds[c], bounds[c + 1]);
                var err = 0.0;
                for (var v = bounds[c]; v < bounds[c + 1]; v++)
                {
                    var t = (alpha * xnc[v]) + beta;
                    xnc[v] = t;
                    err += Math.Abs(t - xc[v]);
                }

                part[c] = err;
            });
            residual = Sum(part);
            (x, xn) = (xn, x);
            onIteration?.Invoke(it);
            if (residual < threshold)
            {
                if (normalized)
                {
                    var sq = 0.0;
                    for (var v = 0; v < n; v++)
                    {
                        sq += x[v] * x[v];
                    }

                    var s = sq == 0 ? 1.0 : 1.0 / Math.Sqrt(sq);
                    for (var v = 0; v < n; v++)
                    {
                        x[v] *= s;
                    }
                }

                return new IterationResult(x, it, residual, true);
            }
        }

        return new IterationResult(x, maxIterations, residual, false);
    }

    private static double Sum(double[] parts)
    {
        var s = 0.0;
        foreach (var p in parts)
        {
            s += p;
        }

        return s;
    }
}
