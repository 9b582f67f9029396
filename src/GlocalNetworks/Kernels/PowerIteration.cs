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
        return Iterate(graph, useWeights, 1.0, maxIterations, tolerance, maxDegreeOfParallelism, cancellationToken, onIteration, (k, x, xn) =>
        {
            // Pass 1: xn = x + Aᵀx, with the squared norm per chunk.
            k.ForEachChunk((c, from, to) =>
            {
                SpMV.MultiplyRows(k.Rows, x, xn, k.Weighted, from, to);
                var sq = 0.0;
                for (var v = from; v < to; v++)
                {
                    var t = xn[v] + x[v];
                    xn[v] = t;
                    sq += t * t;
                }

                return sq;
            });
            var norm = Math.Sqrt(k.Sum());
            if (norm == 0)
            {
                norm = 1;
            }

            // Pass 2: normalise, with the L1 change per chunk.
            k.ForEachChunk((c, from, to) =>
            {
                var err = 0.0;
                for (var v = from; v < to; v++)
                {
                    var t = xn[v] / norm;
                    xn[v] = t;
                    err += Math.Abs(t - x[v]);
                }

                return err;
            });
            return k.Sum();
        }, finish: null);
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
        return Iterate(graph, useWeights, 0.0, maxIterations, tolerance, maxDegreeOfParallelism, cancellationToken, onIteration, (k, x, xn) =>
        {
            k.ForEachChunk((c, from, to) =>
            {
                SpMV.MultiplyRows(k.Rows, x, xn, k.Weighted, from, to);
                var err = 0.0;
                for (var v = from; v < to; v++)
                {
                    var t = (alpha * xn[v]) + beta;
                    xn[v] = t;
                    err += Math.Abs(t - x[v]);
                }

                return err;
            });
            return k.Sum();
        }, finish: normalized ? Normalize : null);
    }

    /// <summary>Divides x by its Euclidean norm (a zero vector stays zero).</summary>
    private static void Normalize(double[] x)
    {
        var sq = 0.0;
        for (var v = 0; v < x.Length; v++)
        {
            sq += x[v] * x[v];
        }

        var s = sq == 0 ? 1.0 : 1.0 / Math.Sqrt(sq);
        for (var v = 0; v < x.Length; v++)
        {
            x[v] *= s;
        }
    }

    /// <summary>One iteration: reads x, writes xn, returns the L1 change.</summary>
    private delegate double Step(Chunks chunks, double[] x, double[] xn);

    /// <summary>
    /// The loop both iterations share: x = <paramref name="start"/> everywhere, then <paramref name="step"/> until the L1 change
    /// is below n · tol (double buffering; cancellation and progress every iteration), then <paramref name="finish"/> on
    /// the converged vector.
    /// </summary>
    private static IterationResult Iterate(CsrGraph graph, bool useWeights, double start, int maxIterations, double tolerance,
        int maxDegreeOfParallelism, CancellationToken cancellationToken, Action<int>? onIteration, Step step, Action<double[]>? finish)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new IterationResult([], 0, 0, true);
        }

        var rows = graph.Transpose();
        var chunks = new Chunks(rows, useWeights && rows.IsWeighted, maxDegreeOfParallelism, cancellationToken);
        var x = new double[n];
        var xn = new double[n];
        Array.Fill(x, start == 0 ? 0.0 : start / n);
        var threshold = n * tolerance;
        var residual = double.NaN;
        for (var it = 1; it <= maxIterations; it++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            residual = step(chunks, x, xn);
            (x, xn) = (xn, x);
            onIteration?.Invoke(it);
            if (residual < threshold)
            {
                finish?.Invoke(x);
                return new IterationResult(x, it, residual, true);
            }
        }

        return new IterationResult(x, maxIterations, residual, false);
    }

    /// <summary>The in-rows cut into fixed chunks, with one partial per chunk summed in chunk order (DESIGN 3.5).</summary>
    private sealed class Chunks(CsrGraph rows, bool weighted, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        private readonly int[] _bounds = SpMV.ChunkBounds(rows);
        private double[]? _part;

        public CsrGraph Rows => rows;

        public bool Weighted => weighted;

        /// <summary>Runs <paramref name="body"/> (chunk, first row, end row → the chunk's partial) on every chunk.</summary>
        public void ForEachChunk(Func<int, int, int, double> body)
        {
            var part = _part ??= new double[_bounds.Length - 1];
            var bounds = _bounds;
            SpMV.ForEachChunk(part.Length, maxDegreeOfParallelism, cancellationToken, c => part[c] = body(c, bounds[c], bounds[c + 1]));
        }

        /// <summary>The partials of the last <see cref="ForEachChunk"/>, summed in chunk order.</summary>
        public double Sum()
        {
            var s = 0.0;
            foreach (var p in _part!)
            {
                s += p;
            }

            return s;
        }
    }
}
