using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Internal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace GlocalNetworks.Comparison;

/// <summary>
/// The quadratic assignment procedure (DESIGN 2.12) for matrices over the same nodes (innovators or regions): the QAP
/// correlation test (R sna's <c>gcor</c> + <c>qaptest</c>) and MRQAP regression with double semi-partialling (Dekker,
/// Krackhardt and Snijders 2007; sna's <c>netlm(nullhyp = "qapspp", test.statistic = "t-value")</c>).
/// </summary>
/// <remarks>
/// <para>Permutations are seeded and run in parallel deterministically: replicate k draws its permutation from
/// <c>DeterministicRandom(seed, k)</c> (a fresh shuffle of the identity) and writes only its own slot of the distribution,
/// so results are bit-identical for any degree of parallelism. Replicates run in 64 fixed chunks; a running chunk takes a
/// buffer set (a permutation and a dyad vector) from a pool for the call and gives it back when done, so there are at most
/// as many sets as threads running at once (not one per chunk and term) and no mutable state is shared between threads:
/// each replicate overwrites the whole set before reading it. Cancellation is checked for every replicate.</para>
/// <para>The p-values are sna's (p_ge, p_le, p_abs without +1) and the +1-corrected ones of Phipson and Smyth (2010).
/// Replicates whose statistic is NaN are left out of both.</para>
/// </remarks>
public static class Qap
{
    /// <summary>The fixed number of chunks replicates run in.</summary>
    internal const int Chunks = 64;

    /// <summary>
    /// QAP correlation test: the Pearson correlation of the dyad values of <paramref name="x"/> and <paramref name="y"/>
    /// (all i ≠ j, or the lower triangle for <see cref="DyadMode.Undirected"/>), and its distribution when the rows and
    /// columns of <paramref name="y"/> are permuted together (sna permutes both matrices, which is equal in distribution).
    /// O(R · n²) time, O(n²) memory per chunk.
    /// </summary>
    /// <param name="x">The first matrix (n × n).</param>
    /// <param name="y">The second matrix (n × n), permuted.</param>
    /// <param name="options">Permutations, seed, dyads; defaults when null.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit; <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">Cancels the permutations (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The observed correlation (NaN when a side is constant), the distribution and the p-values.</returns>
    /// <exception cref="ArgumentException">The matrices are not square or differ in size, or have fewer than 2 nodes.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The number of permutations is negative.</exception>
    public static QapResult Correlation(Matrix<double> x, Matrix<double> y, QapOptions? options = null, int? maxDegreeOfParallelism = null,
        CancellationToken cancellationToken = default) => CorrelationWithProgress(x, y, options, maxDegreeOfParallelism, cancellationToken, null);

    /// <summary><see cref="Correlation(Matrix{double}, Matrix{double}, QapOptions?, int?, CancellationToken)"/>, calling
    /// <paramref name="chunkDone"/> (from worker threads) as each of the <see cref="Chunks"/> chunks of replicates ends.</summary>
    internal static QapResult CorrelationWithProgress(Matrix<double> x, Matrix<double> y, QapOptions? options, int? maxDegreeOfParallelism,
        CancellationToken cancellationToken, Action? chunkDone)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        options ??= new QapOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Permutations);
        var n = SameSize(x, [y]);
        var dyads = Dyads.Of(n, options.Mode);
        var xv = QapMatrices.Vectorise(x, options.Mode);
        var yFlat = y.ToRowMajorArray();
        var identity = Identity(n);
        var yv = new double[dyads.Count];
        dyads.Gather(yFlat, identity, yv);
        var observed = Moments.Pearson(xv, yv);
        var dist = new double[options.Permutations];
        var pool = new BufferPool(n, dyads.Count, 0, chunkDone);
        RunReplicates(options.Permutations, maxDegreeOfParallelism, cancellationToken, pool, (from, to, b) =>
        {
            for (var k = from; k < to; k++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Permutation(options.Seed, k, b.Permutation);
                dyads.Gather(yFlat, b.Permutation, b.Values);
                dist[k] = Moments.Pearson(xv, b.Values);
            }
        });

        return new QapResult(observed, dist, dyads.Count, options);
    }

    /// <summary>QAP correlation between two networks over the same innovators: their adjacency matrices
    /// (<see cref="QapMatrices.Adjacency"/>) over the innovators of <paramref name="first"/>, in its index order.</summary>
    /// <param name="first">The first network.</param>
    /// <param name="second">The second network; it must contain every innovator of <paramref name="first"/> (others are ignored).</param>
    /// <param name="weighted">Use link weights; otherwise 0/1.</param>
    /// <param name="options">Options; defaults when null (the mode defaults to directed: set
    /// <see cref="DyadMode.Undirected"/> for undirected networks).</param>
    /// <param name="maxDegreeOfParallelism">The thread limit.</param>
    /// <param name="cancellationToken">Cancels the permutations.</param>
    /// <returns>The test.</returns>
    /// <exception cref="ArgumentException">An innovator of the first network is missing from the second.</exception>
    public static QapResult Correlation(GlocalNetwork first, GlocalNetwork second, bool weighted = true, QapOptions? options = null,
        int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var ids = new string[first.Innovators.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = first.Innovators.IdOf(i);
        }

        return Correlation(QapMatrices.Adjacency(first, weighted), QapMatrices.Adjacency(second, weighted, ids), options, maxDegreeOfParallelism, cancellationToken);
    }

    /// <summary>
    /// MRQAP: OLS of the dyad values of <paramref name="y"/> on an intercept (optional) and the covariates
    /// <paramref name="x"/>, with t statistics t_k = β_k / sqrt([(XᵀX)⁻¹]_kk · RSS/(N - p)), tested by double
    /// semi-partialling exactly as <c>sna::netlm(y, x, nullhyp = "qapspp", test.statistic = "t-value")</c>.
    /// </summary>
    /// <remarks>
    /// <para>For every term k (the intercept included, as sna): regress X_k on the other terms over the dyads and put the
    /// residuals into an n × n matrix E_k (cells off the dyad set keep X_k's values; undirected matrices are symmetrised
    /// from the lower triangle); for each permutation π refit y on [X_-k, E_k^π] and record the t of the last column. By
    /// Frisch-Waugh-Lovell that t is computed in O(N p) from the thin QR of X_-k: with u = M e (M the residual maker of
    /// X_-k) and a = M y, β = uᵀa/uᵀu and RSS = aᵀa - (uᵀa)²/uᵀu.</para>
    /// <para>With a single term (no intercept and one covariate, or an intercept only) sna falls back to <c>qapy</c>: Y is
    /// permuted and refitted. <see cref="MrqapResult.NullHypothesis"/> says which was used.</para>
    /// <para>Cost: O(N p²) for the fits plus O(p · R · N p) for the permutations; memory O(n² p). A design that is rank
    /// deficient (a covariate constant or collinear over the dyads) is rejected.</para>
    /// </remarks>
    /// <param name="y">The dependent matrix (n × n).</param>
    /// <param name="x">The covariate matrices (each n × n), at least one unless there is an intercept.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit; <see langword="null"/> for the default.</param>
    /// <param name="cancellationToken">Cancels the permutations.</param>
    /// <returns>Coefficients, t statistics, distributions and p-values per term.</returns>
    /// <exception cref="ArgumentException">Sizes differ, there are no terms, the names do not match the covariates, or the
    /// design is rank deficient.</exception>
    public static MrqapResult Mrqap(Matrix<double> y, IReadOnlyList<Matrix<double>> x, MrqapOptions? options = null, int? maxDegreeOfParallelism = null,
        CancellationToken cancellationToken = default) => MrqapWithProgress(y, x, options, maxDegreeOfParallelism, cancellationToken, null);

    /// <summary><see cref="Mrqap(Matrix{double}, IReadOnlyList{Matrix{double}}, MrqapOptions?, int?, CancellationToken)"/>,
    /// calling <paramref name="chunkDone"/> (from worker threads) as each chunk of replicates ends: <see cref="Chunks"/>
    /// per term (one term with <c>qapy</c>).</summary>
    internal static MrqapResult MrqapWithProgress(Matrix<double> y, IReadOnlyList<Matrix<double>> x, MrqapOptions? options, int? maxDegreeOfParallelism,
        CancellationToken cancellationToken, Action? chunkDone)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(x);
        options ??= new MrqapOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Permutations);
        var n = SameSize(y, x);
        if (options.Names is { } names && names.Count != x.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There are {names.Count} names for {x.Count} covariates."), nameof(options));
        }

        var p = x.Count + (options.Intercept ? 1 : 0);
        if (p == 0)
        {
            throw new ArgumentException("MRQAP needs at least one term: a covariate or the intercept.", nameof(x));
        }

        var dyads = Dyads.Of(n, options.Mode);
        var count = dyads.Count;
        if (count <= p)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"There are {count} dyads for {p} terms; OLS needs more dyads than terms."), nameof(y));
        }

        // The terms as full n × n row-major matrices (the intercept: ones) and as dyad columns.
        var terms = new string[p];
        var flats = new double[p][];
        var columns = new double[p][];
        var identity = Identity(n);
        for (var k = 0; k < p; k++)
        {
            var cov = k - (options.Intercept ? 1 : 0);
            terms[k] = cov < 0 ? "(intercept)" : options.Names?[cov] ?? "x" + (cov + 1).ToString(CultureInfo.InvariantCulture);
            if (cov < 0)
            {
                flats[k] = new double[n * n];
                Array.Fill(flats[k], 1.0);
            }
            else
            {
                flats[k] = x[cov].ToRowMajorArray();
            }

            columns[k] = new double[count];
            dyads.Gather(flats[k], identity, columns[k]);
        }

        var yv = new double[count];
        dyads.Gather(y.ToRowMajorArray(), identity, yv);
        var design = Matrix<double>.Build.DenseOfColumnArrays(columns);
        var (beta, t, rss) = Fit(design, yv, terms);
        var r2 = RSquared(yv, rss, options.Intercept);
        var dist = new double[p][];
        var pool = new BufferPool(n, count, p, chunkDone);
        string nullHypothesis;
        if (p == 1)
        {
            nullHypothesis = "qapy";
            dist[0] = PermuteY(dyads, y.ToRowMajorArray(), columns[0], options, maxDegreeOfParallelism, pool, cancellationToken);
        }
        else if (options.NullHypothesis == MrqapNullHypothesis.PermuteY)
        {
            nullHypothesis = "qapy";
            dist = PermuteYRefit(dyads, y.ToRowMajorArray(), design, options, maxDegreeOfParallelism, pool, cancellationToken);
        }
        else
        {
            nullHypothesis = "qapspp";
            for (var k = 0; k < p; k++)
            {
                dist[k] = SemiPartial(dyads, k, flats[k], columns, yv, options, maxDegreeOfParallelism, pool, cancellationToken);
            }
        }

        return new MrqapResult(terms, beta, t, dist, nullHypothesis, count, r2, options);
    }

    // OLS by thin QR: coefficients, t statistics and RSS; rank deficiency is an error (sna would pivot the column out).
    private static (double[] Beta, double[] T, double Rss) Fit(Matrix<double> design, double[] y, string[] terms)
    {
        var qr = design.QR(QRMethod.Thin);
        CheckRank(qr.R, terms);
        var yv = Vector<double>.Build.DenseOfArray(y);
        var beta = qr.Solve(yv);
        var resid = yv - (design * beta);
        var rss = resid.DotProduct(resid);
        var df = y.Length - design.ColumnCount;
        var rInv = qr.R.Inverse();
        var t = new double[design.ColumnCount];
        for (var k = 0; k < t.Length; k++)
        {
            double d = 0;
            for (var j = 0; j < t.Length; j++)
            {
                d += rInv[k, j] * rInv[k, j];
            }

            t[k] = beta[k] / Math.Sqrt(d * rss / df);
        }

        return (beta.ToArray(), t, rss);
    }

    private static void CheckRank(Matrix<double> r, string[] terms)
    {
        double max = 0;
        for (var k = 0; k < r.RowCount; k++)
        {
            max = Math.Max(max, Math.Abs(r[k, k]));
        }

        for (var k = 0; k < r.RowCount; k++)
        {
            if (!(Math.Abs(r[k, k]) > 1e-7 * max))
            {
                throw new ArgumentException($"The design is rank deficient: term '{terms[k]}' is constant or collinear with the other terms over the dyads.", nameof(terms));
            }
        }
    }

    private static double RSquared(double[] y, double rss, bool centred) =>
        1 - (rss / Moments.SumOfSquares(y, centred ? Moments.Mean(y) : 0));

    // Double semi-partialling for term k (Frisch-Waugh-Lovell; see Mrqap's remarks).
    private static double[] SemiPartial(Dyads dyads, int k, double[] flat, double[][] columns, double[] y, MrqapOptions options, int? maxDop,
        BufferPool pool, CancellationToken token)
    {
        var count = dyads.Count;
        var n = dyads.NodeCount;
        var others = new double[columns.Length - 1][];
        for (int j = 0, o = 0; j < columns.Length; j++)
        {
            if (j != k)
            {
                others[o++] = columns[j];
            }
        }

        var q = Matrix<double>.Build.DenseOfColumnArrays(others).QR(QRMethod.Thin).Q.ToColumnArrays();
        var a = Residual(q, y);
        var rssZ = Dot(a, a);
        var df = count - columns.Length;

        // E_k: X_k's full matrix with its residuals on the dyads (and mirrored for undirected dyads).
        var e = (double[])flat.Clone();
        var ek = Residual(q, columns[k]);
        for (var d = 0; d < count; d++)
        {
            e[(dyads.Rows[d] * n) + dyads.Columns[d]] = ek[d];
            if (options.Mode == DyadMode.Undirected)
            {
                e[(dyads.Columns[d] * n) + dyads.Rows[d]] = ek[d];
            }
        }

        var dist = new double[options.Permutations];
        RunReplicates(options.Permutations, maxDop, token, pool, (from, to, b) =>
        {
            var ev = b.Values;
            for (var r = from; r < to; r++)
            {
                token.ThrowIfCancellationRequested();
                Permutation(options.Seed, r, b.Permutation);
                dyads.Gather(e, b.Permutation, ev);
                ResidualInPlace(q, ev, b.Coefficients);
                var uu = Dot(ev, ev);
                var ua = Dot(ev, a);
                var rss = rssZ - (ua * ua / uu);
                dist[r] = uu > 0 ? ua / Math.Sqrt(uu) / Math.Sqrt(rss / df) : double.NaN;
            }
        });
        return dist;
    }

    // qapy with one term x: permute Y, t of the single coefficient.
    private static double[] PermuteY(Dyads dyads, double[] yFlat, double[] x, MrqapOptions options, int? maxDop, BufferPool pool, CancellationToken token)
    {
        var xx = Dot(x, x);
        var df = dyads.Count - 1;
        var dist = new double[options.Permutations];
        RunReplicates(options.Permutations, maxDop, token, pool, (from, to, b) =>
        {
            var yv = b.Values;
            for (var r = from; r < to; r++)
            {
                token.ThrowIfCancellationRequested();
                Permutation(options.Seed, r, b.Permutation);
                dyads.Gather(yFlat, b.Permutation, yv);
                var xy = Dot(x, yv);
                var rss = Dot(yv, yv) - (xy * xy / xx);
                dist[r] = xy / xx / Math.Sqrt(rss / df / xx);
            }
        });
        return dist;
    }

    // qapy with p terms: permute Y and refit on the fixed design. With the thin QR X = QR: c = Qᵀy, β = R⁻¹c,
    // RSS = yᵀy - cᵀc, t_k = β_k / sqrt([(XᵀX)⁻¹]_kk RSS/(N - p)), [(XᵀX)⁻¹]_kk = Σ_j (R⁻¹)_kj². O(N p) per permutation.
    private static double[][] PermuteYRefit(Dyads dyads, double[] yFlat, Matrix<double> design, MrqapOptions options, int? maxDop, BufferPool pool,
        CancellationToken token)
    {
        var qr = design.QR(QRMethod.Thin);
        var q = qr.Q.ToColumnArrays();
        var rInv = qr.R.Inverse().ToArray();
        var p = q.Length;
        var scale = new double[p];
        for (var k = 0; k < p; k++)
        {
            for (var j = 0; j < p; j++)
            {
                scale[k] += rInv[k, j] * rInv[k, j];
            }
        }

        var df = dyads.Count - p;
        var dist = new double[p][];
        for (var k = 0; k < p; k++)
        {
            dist[k] = new double[options.Permutations];
        }

        RunReplicates(options.Permutations, maxDop, token, pool, (from, to, b) =>
        {
            var yv = b.Values;
            var c = b.Coefficients;
            for (var r = from; r < to; r++)
            {
                token.ThrowIfCancellationRequested();
                Permutation(options.Seed, r, b.Permutation);
                dyads.Gather(yFlat, b.Permutation, yv);
                var rss = Dot(yv, yv);
                for (var j = 0; j < p; j++)
                {
                    c[j] = Dot(q[j], yv);
                    rss -= c[j] * c[j];
                }

                for (var k = 0; k < p; k++)
                {
                    double beta = 0;
                    for (var j = k; j < p; j++)
                    {
                        beta += rInv[k, j] * c[j];
                    }

                    dist[k][r] = beta / Math.Sqrt(scale[k] * rss / df);
                }
            }
        });
        return dist;
    }

    // v - Q Qᵀ v, as a new array.
    private static double[] Residual(double[][] q, double[] v)
    {
        var r = (double[])v.Clone();
        ResidualInPlace(q, r, new double[q.Length]);
        return r;
    }

    private static void ResidualInPlace(double[][] q, double[] v, double[] coef)
    {
        for (var j = 0; j < q.Length; j++)
        {
            coef[j] = Dot(q[j], v);
        }

        for (var j = 0; j < q.Length; j++)
        {
            var qj = q[j];
            var c = coef[j];
            for (var d = 0; d < v.Length; d++)
            {
                v[d] -= c * qj[d];
            }
        }
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    private static int[] Identity(int n)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = i;
        }

        return p;
    }

    // Replicate k's permutation: a shuffle of the identity by DeterministicRandom(seed, k).
    internal static void Permutation(ulong seed, int replicate, int[] perm)
    {
        for (var i = 0; i < perm.Length; i++)
        {
            perm[i] = i;
        }

        new DeterministicRandom(seed, (ulong)replicate).Shuffle(perm.AsSpan());
    }

    // Runs replicates [0, count) in 64 fixed chunks; body(from, to, buffers) has the buffer set to itself while it runs
    // (taken from the pool and given back after) and writes only its own slots.
    private static void RunReplicates(int count, int? maxDop, CancellationToken token, BufferPool pool, Action<int, int, ReplicateBuffers> body)
    {
        var po = new ParallelOptions { CancellationToken = token, MaxDegreeOfParallelism = maxDop ?? -1 };
        Parallel.For(0, Chunks, po, c =>
        {
            var from = (int)((long)count * c / Chunks);
            var to = (int)((long)count * (c + 1) / Chunks);
            if (from == to)
            {
                pool.ChunkDone?.Invoke();
                return;
            }

            var buffers = pool.Rent();
            try
            {
                body(from, to, buffers);
            }
            finally
            {
                pool.Return(buffers);
            }

            pool.ChunkDone?.Invoke();
        });
    }

    // One replicate's scratch space: a permutation, a dyad vector and the projection coefficients. Every replicate
    // overwrites all three before reading them, so a set can go from chunk to chunk (and term to term) without changing
    // any result.
    private sealed class ReplicateBuffers(int nodes, int dyads, int coefficients)
    {
        public int[] Permutation { get; } = new int[nodes];

        public double[] Values { get; } = new double[dyads];

        public double[] Coefficients { get; } = new double[coefficients];
    }

    // The buffer sets of one QAP or MRQAP call (at most one per concurrently running chunk), and the call's progress hook.
    private sealed class BufferPool(int nodes, int dyads, int coefficients, Action? chunkDone)
    {
        private readonly ConcurrentBag<ReplicateBuffers> _free = [];

        public Action? ChunkDone => chunkDone;

        public ReplicateBuffers Rent() => _free.TryTake(out var b) ? b : new ReplicateBuffers(nodes, dyads, coefficients);

        public void Return(ReplicateBuffers b) => _free.Add(b);
    }

    private static int SameSize(Matrix<double> first, IReadOnlyList<Matrix<double>> others)
    {
        var n = QapMatrices.Square(first, nameof(first));
        foreach (var m in others)
        {
            ArgumentNullException.ThrowIfNull(m, nameof(others));
            if (QapMatrices.Square(m, nameof(others)) != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The matrices have {n} and {m.RowCount} nodes; QAP needs matrices over the same nodes."), nameof(others));
            }
        }

        if (n < 2)
        {
            throw new ArgumentException("QAP needs at least 2 nodes.", nameof(first));
        }

        return n;
    }
}
