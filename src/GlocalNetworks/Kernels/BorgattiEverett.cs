using System;
using System.Threading;

namespace GlocalNetworks.Kernels;

/// <summary>The continuous core-periphery fit of <see cref="BorgattiEverett.Continuous"/>.</summary>
/// <param name="Coreness">c_i ≥ 0 for every node (NaN everywhere when the fit is undefined).</param>
/// <param name="Correlation">The Pearson correlation between a_ij and c_i c_j over the ordered pairs i ≠ j.</param>
/// <param name="Iterations">Steps run.</param>
/// <param name="Residual">The largest change of a c_i in the last step, relative to max c.</param>
/// <param name="Converged">Whether the residual fell below the tolerance.</param>
internal sealed record CorenessFit(double[] Coreness, double Correlation, int Iterations, double Residual, bool Converged);

/// <summary>
/// Borgatti &amp; Everett's (1999, Social Networks 21, 375-395) core-periphery models on a symmetric (undirected) weight
/// matrix A without its diagonal.
/// <list type="bullet">
/// <item>Continuous: the coreness vector c ≥ 0 of the pattern δ_ij = c_i c_j, fitted by least squares to a_ij over the
/// pairs i ≠ j (minimise Σ_{i≠j} (a_ij - c_i c_j)², a minres fit whose solution is close to the principal eigenvector of A,
/// the relation to eigenvector centrality that Borgatti and Everett point out), by the iterative method: every step sets
/// each c_i to its exact minimiser with the others fixed, u_i = Σ_{j≠i} a_ij c_j / Σ_{j≠i} c_j² (all at once, so the result
/// does not depend on the node order), averages u with c (damping the alternation of bipartite-like graphs), and rescales
/// to the best scale s² = Σ a_ij u_i u_j / Σ_{i≠j} u_i² u_j². Its fixed points are the stationary points of the fit, where
/// c_i Σ_{j≠i} c_j² = Σ_j a_ij c_j. The fit is reported as the Pearson correlation between a_ij and c_i c_j. (Maximising
/// that correlation directly is ill-posed: with a free intercept its supremum is approached by c growing without bound,
/// the pattern turning additive.)</item>
/// <item>Discrete: a core set maximising the correlation between a_ij and δ_ij = 1 (both in the core) or 0 (both in the
/// periphery), core-periphery pairs left out. Start: the best prefix of the nodes sorted by continuous coreness; then
/// single-node flips that raise the correlation, in node order, until none does. A local optimum, deterministic.</item>
/// </list>
/// Sequential (O(n + m) per step): the same bits at every thread count.
/// </summary>
internal static class BorgattiEverett
{
    /// <summary>Fits the continuous model.</summary>
    /// <param name="graph">An undirected graph (weights used when present, 1 otherwise; self-loops skipped).</param>
    /// <param name="weightScale">A factor applied to every weight (0.5 for a directed graph's summed mutual weights).</param>
    /// <param name="maxIterations">The most steps.</param>
    /// <param name="tolerance">Stop when no c_i changes by more than tolerance × max c.</param>
    /// <param name="cancellationToken">Checked every step.</param>
    /// <returns>The fit; NaN coreness and correlation when n &lt; 2 or every pair has the same weight (no links, or complete).</returns>
    public static CorenessFit Continuous(CsrGraph graph, double weightScale, int maxIterations, double tolerance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var c = new double[n];
        var (sa, saa) = PairSums(graph, weightScale);
        var pairs = (double)n * (n - 1);
        if (n < 2 || !((saa / pairs) - ((sa / pairs) * (sa / pairs)) > 0))
        {
            Array.Fill(c, double.NaN);
            return new CorenessFit(c, double.NaN, 0, double.NaN, true);
        }

        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.AllWeights;
        var weighted = graph.IsWeighted;

        // Start from the configuration-model scale: c_i c_j ≈ k_i k_j / 2m.
        var total = 0.0;
        for (var i = 0; i < n; i++)
        {
            c[i] = RowSum(graph, i, weightScale);
            total += c[i];
        }

        var rootTotal = Math.Sqrt(total);
        var s2 = 0.0;
        for (var i = 0; i < n; i++)
        {
            c[i] /= rootTotal;
            s2 += c[i] * c[i];
        }

        var iterations = 0;
        var residual = double.PositiveInfinity;
        var u = new double[n];
        while (iterations < maxIterations && !(residual <= tolerance))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Every c_i's exact minimiser with the others fixed, all at once (Jacobi): u_i = Σ_j a_ij c_j / Σ_{j≠i} c_j².
            // Averaged with c, which damps the alternation a bipartite-like graph causes, then rescaled to the best scale.
            for (var i = 0; i < n; i++)
            {
                var ac = 0.0;
                for (var e = offsets[i]; e < offsets[i + 1]; e++)
                {
                    var j = targets[e];
                    if (j != i)
                    {
                        ac += (weighted ? weights[e] : 1.0) * c[j];
                    }
                }

                var denom = s2 - (c[i] * c[i]);
                u[i] = 0.5 * (c[i] + (denom > 0 ? ac * weightScale / denom : c[i]));
            }

            var scale = BestScale(graph, weightScale, u);
            var maxChange = 0.0;
            var maxC = 0.0;
            s2 = 0;
            for (var i = 0; i < n; i++)
            {
                var next = u[i] * scale;
                maxChange = Math.Max(maxChange, Math.Abs(next - c[i]));
                maxC = Math.Max(maxC, next);
                c[i] = next;
                s2 += next * next;
            }

            iterations++;
            residual = maxC > 0 ? maxChange / maxC : 0;
        }

        return new CorenessFit(c, Correlation(graph, weightScale, c), iterations, residual, residual <= tolerance);
    }

    /// <summary>The Pearson correlation between a_ij and c_i c_j over the ordered pairs i ≠ j, in O(n + m).</summary>
    /// <param name="graph">An undirected graph.</param>
    /// <param name="weightScale">The weight factor.</param>
    /// <param name="c">The coreness.</param>
    /// <returns>ρ; NaN when either side is constant.</returns>
    public static double Correlation(CsrGraph graph, double weightScale, ReadOnlySpan<double> c)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var pairs = (double)n * (n - 1);
        var (sa, saa) = PairSums(graph, weightScale);
        double s1 = 0, s2 = 0, s4 = 0, sad = 0;
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.AllWeights;
        for (var i = 0; i < n; i++)
        {
            s1 += c[i];
            s2 += c[i] * c[i];
            s4 += c[i] * c[i] * c[i] * c[i];
            for (var e = offsets[i]; e < offsets[i + 1]; e++)
            {
                var j = targets[e];
                if (j != i)
                {
                    sad += (graph.IsWeighted ? weights[e] : 1.0) * weightScale * c[i] * c[j];
                }
            }
        }

        var sd = (s1 * s1) - s2;
        var sdd = (s2 * s2) - s4;
        var ma = sa / pairs;
        var md = sd / pairs;
        var cov = (sad / pairs) - (ma * md);
        var va = (saa / pairs) - (ma * ma);
        var vd = (sdd / pairs) - (md * md);
        return va > 0 && vd > 0 ? cov / Math.Sqrt(va * vd) : double.NaN;
    }

    /// <summary>Finds a discrete core (see the class remarks), starting from the order of <paramref name="coreness"/>.</summary>
    /// <param name="graph">An undirected graph.</param>
    /// <param name="weightScale">The weight factor.</param>
    /// <param name="coreness">The continuous coreness, used to order the nodes (ties by index); NaN entries sort last.</param>
    /// <param name="core">Receives true for core nodes; length n.</param>
    /// <param name="maxSweeps">The most improvement sweeps.</param>
    /// <returns>The correlation of the core found; NaN when n &lt; 4 (a core and a periphery of two nodes each are needed) or
    /// every pair has the same weight.</returns>
    public static double Discrete(CsrGraph graph, double weightScale, ReadOnlySpan<double> coreness, Span<bool> core, int maxSweeps = 1000)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        core.Clear();
        if (n < 4)
        {
            return double.NaN;
        }

        var state = new DiscreteState(graph, weightScale);
        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = double.IsNaN(coreness[i]) ? double.PositiveInfinity : -coreness[i];
        }

        Array.Sort(keys, order);

        // Stable by index among equal keys: Array.Sort is not stable, so re-sort runs of equal keys by index.
        for (int i = 0, j; i < n; i = j)
        {
            for (j = i + 1; j < n && keys[j].Equals(keys[i]); j++)
            {
            }

            Array.Sort(order, i, j - i);
        }

        var best = double.NegativeInfinity;
        var bestK = 2;
        for (var k = 0; k < n - 2; k++)
        {
            state.Flip(order[k]);
            if (k + 1 >= 2)
            {
                var r = state.Correlation();
                if (r > best)
                {
                    best = r;
                    bestK = k + 1;
                }
            }
        }

        state = new DiscreteState(graph, weightScale);
        for (var k = 0; k < bestK; k++)
        {
            state.Flip(order[k]);
        }

        var current = state.Correlation();
        if (double.IsNaN(current))
        {
            return double.NaN;
        }

        for (var sweep = 0; sweep < maxSweeps; sweep++)
        {
            var flipped = false;
            for (var v = 0; v < n; v++)
            {
                var r = state.CorrelationIfFlipped(v);
                if (r > current + 1e-12)
                {
                    state.Flip(v);
                    current = r;
                    flipped = true;
                }
            }

            if (!flipped)
            {
                break;
            }
        }

        for (var v = 0; v < n; v++)
        {
            core[v] = state.InCore(v);
        }

        return current;
    }

    /// <summary>The factor s minimising Σ_{i≠j} (a_ij - s² u_i u_j)²: s² = Σ a_ij u_i u_j / Σ_{i≠j} u_i² u_j² (1 when undefined).</summary>
    private static double BestScale(CsrGraph graph, double weightScale, double[] u)
    {
        var n = graph.NodeCount;
        double s2 = 0, s4 = 0, num = 0;
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var weights = graph.AllWeights;
        for (var i = 0; i < n; i++)
        {
            var ui = u[i];
            s2 += ui * ui;
            s4 += ui * ui * ui * ui;
            var row = 0.0;
            for (var e = offsets[i]; e < offsets[i + 1]; e++)
            {
                var j = targets[e];
                if (j != i)
                {
                    row += (graph.IsWeighted ? weights[e] : 1.0) * u[j];
                }
            }

            num += weightScale * ui * row;
        }

        var den = (s2 * s2) - s4;
        return num > 0 && den > 0 ? Math.Sqrt(num / den) : 1.0;
    }

    private static (double Sum, double SumSquares) PairSums(CsrGraph g, double scale)
    {
        double s = 0, ss = 0;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.AllWeights;
        for (var i = 0; i < g.NodeCount; i++)
        {
            for (var e = offsets[i]; e < offsets[i + 1]; e++)
            {
                if (targets[e] != i)
                {
                    var a = (g.IsWeighted ? weights[e] : 1.0) * scale;
                    s += a;
                    ss += a * a;
                }
            }
        }

        return (s, ss);
    }

    private static double RowSum(CsrGraph g, int i, double scale)
    {
        var s = 0.0;
        var targets = g.Targets;
        var weights = g.AllWeights;
        for (var e = g.Offsets[i]; e < g.Offsets[i + 1]; e++)
        {
            if (targets[e] != i)
            {
                s += (g.IsWeighted ? weights[e] : 1.0) * scale;
            }
        }

        return s;
    }

    /// <summary>Sums over the core-core and periphery-periphery pairs, with each node's weight to the core and to the periphery.</summary>
    private sealed class DiscreteState
    {
        private readonly CsrGraph _g;
        private readonly double _scale;
        private readonly bool[] _core;
        private readonly double[] _toCore;
        private readonly double[] _toCore2;
        private readonly double[] _toPer;
        private readonly double[] _toPer2;
        private readonly int _n;
        private int _k;
        private double _s1;
        private double _s0;
        private double _q1;
        private double _q0;

        public DiscreteState(CsrGraph g, double scale)
        {
            _g = g;
            _scale = scale;
            _n = g.NodeCount;
            _core = new bool[_n];
            _toCore = new double[_n];
            _toCore2 = new double[_n];
            _toPer = new double[_n];
            _toPer2 = new double[_n];
            for (var i = 0; i < _n; i++)
            {
                for (var e = g.Offsets[i]; e < g.Offsets[i + 1]; e++)
                {
                    if (g.Targets[e] != i)
                    {
                        var a = Weight(e);
                        _toPer[i] += a;
                        _toPer2[i] += a * a;
                        _s0 += a;
                        _q0 += a * a;
                    }
                }
            }
        }

        public bool InCore(int v) => _core[v];

        public double Correlation() => Correlation(_k, _s1, _s0, _q1, _q0);

        public double CorrelationIfFlipped(int v) => _core[v]
            ? Correlation(_k - 1, _s1 - (2 * _toCore[v]), _s0 + (2 * _toPer[v]), _q1 - (2 * _toCore2[v]), _q0 + (2 * _toPer2[v]))
            : Correlation(_k + 1, _s1 + (2 * _toCore[v]), _s0 - (2 * _toPer[v]), _q1 + (2 * _toCore2[v]), _q0 - (2 * _toPer2[v]));

        public void Flip(int v)
        {
            var toCore = !_core[v];
            if (toCore)
            {
                _k++;
                _s1 += 2 * _toCore[v];
                _s0 -= 2 * _toPer[v];
                _q1 += 2 * _toCore2[v];
                _q0 -= 2 * _toPer2[v];
            }
            else
            {
                _k--;
                _s1 -= 2 * _toCore[v];
                _s0 += 2 * _toPer[v];
                _q1 -= 2 * _toCore2[v];
                _q0 += 2 * _toPer2[v];
            }

            _core[v] = toCore;
            for (var e = _g.Offsets[v]; e < _g.Offsets[v + 1]; e++)
            {
                var u = _g.Targets[e];
                if (u == v)
                {
                    continue;
                }

                var a = Weight(e);
                var sign = toCore ? 1.0 : -1.0;
                _toCore[u] += sign * a;
                _toCore2[u] += sign * a * a;
                _toPer[u] -= sign * a;
                _toPer2[u] -= sign * a * a;
            }
        }

        private double Weight(int e) => (_g.IsWeighted ? _g.AllWeights[e] : 1.0) * _scale;

        private double Correlation(int k, double s1, double s0, double q1, double q0)
        {
            var n1 = (double)k * (k - 1);
            var n0 = (double)(_n - k) * (_n - k - 1);
            var pairs = n1 + n0;
            if (k < 2 || _n - k < 2)
            {
                return double.NaN;
            }

            var mean = (s1 + s0) / pairs;
            var va = ((q1 + q0) / pairs) - (mean * mean);
            var p = n1 / pairs;
            var cov = (s1 / pairs) - (mean * p);
            var vd = p * (1 - p);
            return va > 0 && vd > 0 ? cov / Math.Sqrt(va * vd) : double.NaN;
        }
    }
}
