using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>The outcome of an iterative kernel: the vector, the iterations run and the last L1 change.</summary>
/// <param name="Values">The result vector, length n (a fresh array owned by the caller).</param>
/// <param name="Iterations">Iterations run.</param>
/// <param name="Residual">The L1 change of the last iteration (Σ |x_new - x_old|).</param>
/// <param name="Converged">Whether the residual fell below the threshold within the iteration limit.</param>
internal readonly record struct IterationResult(double[] Values, int Iterations, double Residual, bool Converged);

/// <summary>
/// PageRank by power iteration, exactly as networkx 3.6.1's <c>pagerank</c> (its scipy path):
/// <c>x ← α (xᵀP + (Σ_dangling x) d) + (1 - α) p</c> from x = 1/n, with P the row-stochastic matrix of the out-weights,
/// stopping when Σ |x_new - x_old| &lt; n · tol.
/// </summary>
/// <remarks>
/// <para>Pull over the in-rows: each iteration computes, for every node v, the sum over its in-entries of
/// <c>w_uv · y[u]</c> where <c>y[u] = x[u] / s_u</c> (s_u the out-strength, 1/s_u precomputed), then
/// <c>x_new[v] = α (sum + D · d[v]) + (1 - α) p[v]</c> and <c>y_new[v]</c> in the same pass (double buffering). The L1
/// change and the dangling mass D of the next iteration are reduced per chunk and combined in chunk order, so the result
/// is bit-identical for any degree of parallelism.</para>
/// <para>Memory traffic per iteration (unweighted): 4 bytes per entry (indices) plus the gathers of y, and about
/// 44 bytes per node (offsets, 1/s, x, y read and written). Undirected unweighted graphs take 1/degree from the row
/// offsets and a small table instead of the 1/s array (36 bytes per node), with the same floating-point operations in
/// the same order. The sum over a row stays sequential in CSR order: four independent accumulators were measured
/// slower on the BA graphs (rows of about 10 entries) and would change the last bits.</para>
/// <para>Chebyshev mode (undirected graphs): after <see cref="ChebyshevWarmUp"/> power steps, the same pass computes the
/// power step g from x_k, its residual Σ |g - x_k| and writes <c>x_{k+1} = ω (g - x_{k-1}) + x_{k-1}</c> (a third vector),
/// with ω from the Chebyshev recurrence for the bound ρ that <see cref="EstimateRho"/> takes from the warm-up's residual
/// ratios. Undirected walks have real eigenvalues in [-α, α], for which the iteration converges whatever ρ; it stops on
/// the same residual rule and returns x_k. docs/metrics/spectral.md derives it.</para>
/// </remarks>
internal static class PageRankKernel
{
    /// <summary>Runs PageRank.</summary>
    /// <param name="graph">The graph: out-rows (directed) or symmetric rows (undirected: each edge both ways).</param>
    /// <param name="alpha">The damping factor α in [0, 1].</param>
    /// <param name="personalization">The teleport distribution p (length n, summing to 1), or <see langword="null"/> for uniform 1/n.</param>
    /// <param name="dangling">Where dangling nodes send their mass (length n, summing to 1), or <see langword="null"/> for p.</param>
    /// <param name="useWeights">Whether the out-weights define the transition probabilities (otherwise 1/out-degree).</param>
    /// <param name="maxIterations">The iteration limit.</param>
    /// <param name="tolerance">tol: converged when the L1 change is below n · tol.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit (the result does not depend on it).</param>
    /// <param name="cancellationToken">Checked every iteration and between chunks.</param>
    /// <param name="onIteration">Called after each iteration with its number, or <see langword="null"/>.</param>
    /// <param name="chebyshev">Whether to accelerate by Chebyshev semi-iteration after <see cref="ChebyshevWarmUp"/> power
    /// steps (undirected graphs only, see the class remarks); otherwise plain power iteration, as networkx.</param>
    /// <returns>The scores (not renormalised, as networkx), iterations, residual and whether it converged.</returns>
    /// <exception cref="ArgumentException"><paramref name="chebyshev"/> is set and the graph is directed.</exception>
    public static IterationResult Run(CsrGraph graph, double alpha, double[]? personalization, double[]? dangling, bool useWeights,
        int maxIterations, double tolerance, int maxDegreeOfParallelism, CancellationToken cancellationToken, Action<int>? onIteration = null,
        bool chebyshev = false)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new IterationResult([], 0, 0, true);
        }

        if (chebyshev && graph.IsDirected)
        {
            throw new ArgumentException("Chebyshev acceleration needs an undirected graph (a real spectrum); use power iteration for a directed one.",
                nameof(chebyshev));
        }

        var inRows = graph.Transpose();
        var state = new State(graph, inRows, alpha, personalization, dangling ?? personalization, useWeights && graph.IsWeighted, chebyshev);
        try
        {
            var threshold = n * tolerance;
            var residual = double.NaN;
            double r1 = double.NaN, r2 = double.NaN, rho = 0, omega = 0;
            for (var it = 1; it <= maxIterations; it++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (chebyshev && it > ChebyshevWarmUp)
                {
                    if (omega == 0)
                    {
                        rho = EstimateRho(alpha, r2, r1, residual);
                        omega = 1 / (1 - (rho * rho / 2));
                    }
                    else
                    {
                        omega = 1 / (1 - (rho * rho * omega / 4));
                    }
                }

                (r2, r1) = (r1, residual);
                residual = state.Iterate(omega, maxDegreeOfParallelism, cancellationToken);
                onIteration?.Invoke(it);
                if (residual < threshold)
                {
                    return new IterationResult(Measured(), it, residual, true);
                }
            }

            return new IterationResult(Measured(), maxIterations, residual, false);

            // The vector the residual belongs to: a power step returns its result (its own residual is smaller still); a
            // Chebyshev step returns the iterate whose residual was just measured, since the extrapolated one has not been.
            double[] Measured() => omega == 0 ? state.X : state.Previous;
        }
        finally
        {
            state.Release();
        }
    }

    /// <summary>The power steps run before Chebyshev acceleration starts; their residuals estimate the spectral radius.</summary>
    internal const int ChebyshevWarmUp = 6;

    /// <summary>
    /// The spectral-radius bound ρ for the Chebyshev steps: 1.1 times the larger of the last two residual ratios of the
    /// warm-up (the rate at which power iteration was converging), at most min(α, 0.99), the bound that holds for every
    /// undirected graph. An underestimate only slows the modes above it (they still shrink, as every eigenvalue lies in
    /// [-α, α] inside (-1, 1)); it never makes the iteration diverge.
    /// </summary>
    /// <param name="alpha">α.</param>
    /// <param name="r3">The residual three steps back.</param>
    /// <param name="r2">The residual two steps back.</param>
    /// <param name="r1">The last residual.</param>
    /// <returns>ρ in (0, min(α, 0.99)].</returns>
    internal static double EstimateRho(double alpha, double r3, double r2, double r1)
    {
        var cap = Math.Min(alpha, 0.99);
        var ratio = Math.Max(r2 / r3, r1 / r2) * 1.1;
        return ratio > 0 && ratio < cap ? ratio : cap;
    }

    /// <summary>The iteration state: the vectors and per-chunk partials, allocated once and reused by every iteration (also
    /// used directly by the per-iteration benchmark).</summary>
    internal sealed class State
    {
        /// <summary>1/k for the degrees k below 1024 (entry 0 is 0: a dangling node), the same doubles as computing
        /// <c>1.0 / k</c>: the symmetric unweighted path reads them from this L1-resident table instead of streaming an
        /// n-long 1/degree array.</summary>
        private static readonly double[] InverseTable = CreateInverseTable(1024);

        private readonly int _n;
        private readonly int[] _bounds;
        private readonly CsrGraph _in;
        private readonly bool _weighted;
        private readonly bool _symmetricUnweighted;
        private readonly double _alpha;
        private readonly double _uniform;
        private readonly double[]? _p;
        private readonly double[]? _d;
        private readonly double[] _inv;
        private readonly double[] _errPart;
        private readonly double[] _dangPart;
        private readonly Action<int> _body;
        private double[] _x;
        private double[] _xNew;
        private double[] _y;
        private double[] _yNew;
        private double[] _xPrev;
        private double _omega;
        private double _danglingMass;

        /// <summary>Allocates the state and sets x = 1/n.</summary>
        /// <param name="outRows">The out-rows (symmetric rows when undirected).</param>
        /// <param name="inRows">The in-rows (the transpose; the same graph when undirected).</param>
        /// <param name="alpha">α.</param>
        /// <param name="p">The teleport distribution, or <see langword="null"/> for uniform.</param>
        /// <param name="d">The dangling distribution, or <see langword="null"/> for uniform.</param>
        /// <param name="weighted">Whether the out-weights define the transition probabilities.</param>
        /// <param name="chebyshev">Whether Chebyshev steps will be run (keeps a third vector, the iterate before the last).</param>
        public State(CsrGraph outRows, CsrGraph inRows, double alpha, double[]? p, double[]? d, bool weighted, bool chebyshev = false)
        {
            _n = outRows.NodeCount;
            _in = inRows;
            _alpha = alpha;
            _p = p;
            _d = d;
            _weighted = weighted;
            _symmetricUnweighted = !weighted && ReferenceEquals(outRows, inRows);
            _uniform = 1.0 / _n;
            _bounds = SpMV.ChunkBounds(inRows);
            var chunks = _bounds.Length - 1;
            _errPart = new double[chunks];
            _dangPart = new double[chunks];
            _x = new double[_n];
            _xNew = new double[_n];
            _xPrev = chebyshev ? new double[_n] : [];
            _inv = ArrayPool<double>.Shared.Rent(_n);
            _y = ArrayPool<double>.Shared.Rent(_n);
            _yNew = ArrayPool<double>.Shared.Rent(_n);
            for (var u = 0; u < _n; u++)
            {
                var s = weighted ? outRows.Strength(u) : outRows.Degree(u);
                _inv[u] = s != 0 ? 1.0 / s : 0.0;
            }

            var dm = 0.0;
            for (var u = 0; u < _n; u++)
            {
                _x[u] = _uniform;
                _y[u] = _uniform * _inv[u];
                if (_inv[u] == 0)
                {
                    dm += _uniform;
                }
            }

            _danglingMass = dm;
            _body = RunChunk;
        }

        /// <summary>The current vector.</summary>
        public double[] X => _x;

        /// <summary>The vector before the last iteration (Chebyshev mode only; empty otherwise).</summary>
        public double[] Previous => _xPrev;

        /// <summary>Runs one power iteration.</summary>
        /// <param name="maxDegreeOfParallelism">The thread limit.</param>
        /// <param name="cancellationToken">Cancels between chunks.</param>
        /// <returns>The L1 change.</returns>
        public double Iterate(int maxDegreeOfParallelism, CancellationToken cancellationToken) => Iterate(0, maxDegreeOfParallelism, cancellationToken);

        /// <summary>Runs one iteration: a power step <c>x_new = g</c> when <paramref name="omega"/> is 0, otherwise the
        /// Chebyshev step <c>x_new = ω (g - x_prev) + x_prev</c>, where <c>g = α (xᵀP + D d) + (1 - α) p</c> is the power
        /// step from the current x.</summary>
        /// <param name="omega">0 for a power step, else the Chebyshev weight ω (needs the state built for Chebyshev).</param>
        /// <param name="maxDegreeOfParallelism">The thread limit.</param>
        /// <param name="cancellationToken">Cancels between chunks.</param>
        /// <returns>The L1 residual of the current x: Σ |g - x|, the change a power step makes.</returns>
        public double Iterate(double omega, int maxDegreeOfParallelism, CancellationToken cancellationToken)
        {
            _omega = omega;
            SpMV.ForEachChunk(_bounds.Length - 1, maxDegreeOfParallelism, cancellationToken, _body);
            double err = 0, dm = 0;
            for (var c = 0; c < _errPart.Length; c++)
            {
                err += _errPart[c];
                dm += _dangPart[c];
            }

            if (_xPrev.Length != 0)
            {
                (_xPrev, _x, _xNew) = (_x, _xNew, _xPrev);
            }
            else
            {
                (_x, _xNew) = (_xNew, _x);
            }

            (_y, _yNew) = (_yNew, _y);
            _danglingMass = dm;
            return err;
        }

        /// <summary>Returns the pooled buffers.</summary>
        public void Release()
        {
            ArrayPool<double>.Shared.Return(_inv);
            ArrayPool<double>.Shared.Return(_y);
            ArrayPool<double>.Shared.Return(_yNew);
        }

        private void RunChunk(int c)
        {
            if (_symmetricUnweighted)
            {
                RunChunkSymmetricUnweighted(c);
            }
            else
            {
                RunChunkGeneral(c);
            }
        }

        private static double[] CreateInverseTable(int length)
        {
            var t = new double[length];
            for (var k = 1; k < length; k++)
            {
                t[k] = 1.0 / k;
            }

            return t;
        }

        /// <summary>
        /// The chunk body for an undirected unweighted graph (in-rows = out-rows): the row length is the out-degree, so
        /// 1/degree comes from the offsets just read and <see cref="InverseTable"/> (or a division above 1023) rather
        /// than from the n-long <c>_inv</c> array, saving 8 bytes per node per iteration; no bounds checks on the
        /// per-node arrays either. Same operations in the same order as <see cref="RunChunkGeneral"/>, so bit-identical.
        /// </summary>
        /// <param name="c">The chunk.</param>
        private void RunChunkSymmetricUnweighted(int c)
        {
            int from = _bounds[c], to = _bounds[c + 1];
            var p = _p;
            var d = _d;
            var alpha = _alpha;
            var teleport = 1 - alpha;
            var uniform = _uniform;
            var dm = _danglingMass;
            ref var oRef = ref MemoryMarshal.GetReference(_in.Offsets);
            ref var tRef = ref MemoryMarshal.GetReference(_in.Targets);
            ref var yRef = ref MemoryMarshal.GetArrayDataReference(_y);
            ref var xRef = ref MemoryMarshal.GetArrayDataReference(_x);
            ref var xNewRef = ref MemoryMarshal.GetArrayDataReference(_xNew);
            ref var yNewRef = ref MemoryMarshal.GetArrayDataReference(_yNew);
            ref var xPrevRef = ref MemoryMarshal.GetArrayDataReference(_xPrev);
            ref var invRef = ref MemoryMarshal.GetArrayDataReference(InverseTable);
            var omega = _omega;
            double err = 0, dangling = 0;
            var k = Unsafe.Add(ref oRef, from);
            for (var v = from; v < to; v++)
            {
                var end = Unsafe.Add(ref oRef, v + 1);
                var deg = end - k;
                var s = 0.0;
                for (; k < end; k++)
                {
                    s += Unsafe.Add(ref yRef, Unsafe.Add(ref tRef, k));
                }

                var pv = p is null ? uniform : p[v];
                var dv = d is null ? uniform : d[v];
                var xv = (alpha * (s + (dm * dv))) + (teleport * pv);
                err += Math.Abs(xv - Unsafe.Add(ref xRef, v));
                if (omega != 0)
                {
                    var xp = Unsafe.Add(ref xPrevRef, v);
                    xv = (omega * (xv - xp)) + xp;
                }

                Unsafe.Add(ref xNewRef, v) = xv;
                double iv;
                if ((uint)deg < (uint)InverseTable.Length)
                {
                    iv = Unsafe.Add(ref invRef, deg);
                }
                else
                {
                    iv = deg != 0 ? 1.0 / deg : 0.0;
                }

                Unsafe.Add(ref yNewRef, v) = xv * iv;
                if (deg == 0)
                {
                    dangling += xv;
                }
            }

            _errPart[c] = err;
            _dangPart[c] = dangling;
        }

        /// <summary>The chunk body for directed or weighted graphs: 1/out-strength read from <c>_inv</c>.</summary>
        /// <param name="c">The chunk.</param>
        private void RunChunkGeneral(int c)
        {
            int from = _bounds[c], to = _bounds[c + 1];
            var offsets = _in.Offsets;
            var targets = _in.Targets;
            var weights = _in.AllWeights;
            var x = _x;
            var xNew = _xNew;
            var y = _y;
            var yNew = _yNew;
            var xPrev = _xPrev;
            var omega = _omega;
            var inv = _inv;
            var p = _p;
            var d = _d;
            var alpha = _alpha;
            var teleport = 1 - alpha;
            var uniform = _uniform;
            var dm = _danglingMass;
            ref var yRef = ref MemoryMarshal.GetArrayDataReference(y);
            ref var tRef = ref MemoryMarshal.GetReference(targets);
            ref var wRef = ref MemoryMarshal.GetReference(weights);
            double err = 0, dangling = 0;
            for (var v = from; v < to; v++)
            {
                var s = 0.0;
                int k = offsets[v], end = offsets[v + 1];

                // The hot loop, without bounds checks: CsrGraph guarantees 0 <= k < EntryCount and 0 <= target < n <= y.Length.
                if (_weighted)
                {
                    for (; k < end; k++)
                    {
                        s += Unsafe.Add(ref yRef, Unsafe.Add(ref tRef, k)) * Unsafe.Add(ref wRef, k);
                    }
                }
                else
                {
                    for (; k < end; k++)
                    {
                        s += Unsafe.Add(ref yRef, Unsafe.Add(ref tRef, k));
                    }
                }

                var pv = p is null ? uniform : p[v];
                var dv = d is null ? uniform : d[v];
                var xv = (alpha * (s + (dm * dv))) + (teleport * pv);
                err += Math.Abs(xv - x[v]);
                if (omega != 0)
                {
                    var xp = xPrev[v];
                    xv = (omega * (xv - xp)) + xp;
                }

                xNew[v] = xv;
                var iv = inv[v];
                yNew[v] = xv * iv;
                if (iv == 0)
                {
                    dangling += xv;
                }
            }

            _errPart[c] = err;
            _dangPart[c] = dangling;
        }
    }
}
