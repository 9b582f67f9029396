using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Comparison;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Xunit;

namespace GlocalNetworks.Tests.Comparison;

public sealed class QapTests
{
    private static Matrix<double> Random(int n, ulong seed, double scale = 1, Matrix<double>? add = null, bool symmetric = false)
    {
        var rng = new TestRandom(seed);
        var m = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && (!symmetric || j < i))
                {
                    m[i, j] = (scale * ((rng.NextUInt64() >> 11) * (1.0 / (1UL << 53)))) + (add?[i, j] ?? 0);
                    if (symmetric)
                    {
                        m[j, i] = m[i, j];
                    }
                }
            }
        }

        return m;
    }

    [Fact]
    public void Vectorise_DirectedAndUndirected_DyadOrder()
    {
        var m = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1, 2 }, { 3, 0, 4 }, { 5, 6, 0 } });

        Assert.Equal([1, 2, 3, 4, 5, 6], QapMatrices.Vectorise(m, DyadMode.Directed));   // row-major, i ≠ j
        Assert.Equal([3, 5, 6], QapMatrices.Vectorise(m, DyadMode.Undirected));         // lower triangle i > j
    }

    [Fact]
    public void Correlation_IdenticalMatrices_ObservedOneAndPGreaterOrEqualSmall()
    {
        var x = Random(12, 1);
        var r = Qap.Correlation(x, x, new QapOptions { Permutations = 200 });

        Assert.Equal(1, r.Observed, 1e-12);
        Assert.Equal(132, r.Dyads);   // 12 · 11
        // Only the identity permutation can reach 1: p_ge counts t* >= 1 - rounding.
        Assert.True(r.PGreaterOrEqual <= 0.01);
        Assert.Equal((1.0 + (r.PGreaterOrEqual * 200)) / 201, r.PUpper, 1e-12);
        Assert.Equal(1, r.PLessOrEqual);
        Assert.Equal("42", r.Statistics.Properties["seed"]);
        Assert.Equal(r.Observed, r.Statistics["value"]);
    }

    [Fact]
    public void Correlation_ConstantMatrix_NaN()
    {
        var ones = Matrix<double>.Build.Dense(5, 5, 1);
        var r = Qap.Correlation(Random(5, 2), ones, new QapOptions { Permutations = 10 });

        Assert.True(double.IsNaN(r.Observed));
        Assert.True(double.IsNaN(r.PGreaterOrEqual));
    }

    [Fact]
    public void Correlation_OneAndEightThreads_BitIdentical()
    {
        var x = Random(30, 3);
        var y = Random(30, 4, add: x * 0.2);
        var o = new QapOptions { Permutations = 500, Seed = 7 };
        var a = Qap.Correlation(x, y, o, maxDegreeOfParallelism: 1);
        var b = Qap.Correlation(x, y, o, maxDegreeOfParallelism: 8);

        Assert.Equal(a.Distribution.ToArray(), b.Distribution.ToArray());
        Assert.Equal(a.PGreaterOrEqual, b.PGreaterOrEqual);
        Assert.NotEqual(a.Distribution.ToArray(), Qap.Correlation(x, y, o with { Seed = 8 }).Distribution.ToArray());
    }

    [Fact]
    public void Mrqap_OneAndEightThreads_BitIdentical()
    {
        var x1 = Random(25, 5);
        var x2 = Random(25, 6);
        var y = Random(25, 7, add: (x1 * 0.5) + (x2 * 0.1));
        var o = new MrqapOptions { Permutations = 300, Seed = 11 };
        var a = Qap.Mrqap(y, [x1, x2], o, maxDegreeOfParallelism: 1);
        var b = Qap.Mrqap(y, [x1, x2], o, maxDegreeOfParallelism: 8);

        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(a.Distribution(k).ToArray(), b.Distribution(k).ToArray());
        }

        Assert.Equal(["(intercept)", "x1", "x2"], a.Terms);
        Assert.Equal("qapspp", a.NullHypothesis);
        Assert.Equal("11", a.Table.Properties["seed"]);
    }

    /// <summary>The Frisch-Waugh-Lovell shortcut equals sna's literal step 3: regress X_k on the others, put the residuals in
    /// a matrix (diagonal keeps X_k), permute it, refit y on [X_-k, E^π] by QR and take the last t.</summary>
    [Theory]
    [InlineData(DyadMode.Directed)]
    [InlineData(DyadMode.Undirected)]
    public void Mrqap_SemiPartialShortcut_EqualsFullRefit(DyadMode mode)
    {
        const int n = 9;
        var sym = mode == DyadMode.Undirected;
        var x1 = Random(n, 21, symmetric: sym);
        var x2 = Random(n, 22, symmetric: sym);
        var y = Random(n, 23, add: x1 * 0.7, symmetric: sym);
        var o = new MrqapOptions { Permutations = 5, Seed = 3, Mode = mode };
        var r = Qap.Mrqap(y, [x1, x2], o);

        var ones = Matrix<double>.Build.Dense(n, n, 1);
        Matrix<double>[] terms = [ones, x1, x2];
        var yv = Vector<double>.Build.DenseOfArray(QapMatrices.Vectorise(y, mode));
        for (var k = 0; k < 3; k++)
        {
            var others = new List<double[]>();
            for (var j = 0; j < 3; j++)
            {
                if (j != k)
                {
                    others.Add(QapMatrices.Vectorise(terms[j], mode));
                }
            }

            var z = Matrix<double>.Build.DenseOfColumnArrays(others);
            var xk = Vector<double>.Build.DenseOfArray(QapMatrices.Vectorise(terms[k], mode));
            var resid = xk - (z * z.QR(QRMethod.Thin).Solve(xk));
            var e = terms[k].Clone();
            var d = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i != j && (mode == DyadMode.Directed || j < i))
                    {
                        e[i, j] = resid[d++];
                        if (sym)
                        {
                            e[j, i] = e[i, j];
                        }
                    }
                }
            }

            for (var rep = 0; rep < 5; rep++)
            {
                var perm = new int[n];
                Qap.Permutation(3, rep, perm);
                var ep = Matrix<double>.Build.Dense(n, n, (i, j) => e[perm[i], perm[j]]);
                var cols = new List<double[]>(others) { QapMatrices.Vectorise(ep, mode) };
                var design = Matrix<double>.Build.DenseOfColumnArrays(cols);
                var qr = design.QR(QRMethod.Thin);
                var beta = qr.Solve(yv);
                var res = yv - (design * beta);
                var rss = res.DotProduct(res);
                var rInv = qr.R.Inverse();
                var last = cols.Count - 1;
                var se = Math.Sqrt(rInv.Row(last).DotProduct(rInv.Row(last)) * rss / (yv.Count - cols.Count));
                Assert.Equal(beta[last] / se, r.Distribution(k)[rep], 1e-9);
            }
        }
    }

    [Fact]
    public void Mrqap_SingleTerm_FallsBackToQapy()
    {
        var x = Random(10, 31);
        var y = Random(10, 32, add: x);
        var r = Qap.Mrqap(y, [x], new MrqapOptions { Intercept = false, Permutations = 50, Names = ["tie"] });

        Assert.Equal("qapy", r.NullHypothesis);
        Assert.Equal(["tie"], r.Terms);
        // Through the origin: β = Σxy / Σx².
        var xv = QapMatrices.Vectorise(x, DyadMode.Directed);
        var yv = QapMatrices.Vectorise(y, DyadMode.Directed);
        double xy = 0, xx = 0;
        for (var i = 0; i < xv.Length; i++)
        {
            xy += xv[i] * yv[i];
            xx += xv[i] * xv[i];
        }

        Assert.Equal(xy / xx, r.Coefficients[0], 1e-12);
    }

    [Fact]
    public void Mrqap_CollinearCovariate_Throws()
    {
        var x = Random(8, 41);
        var ex = Assert.Throws<ArgumentException>(() => Qap.Mrqap(Random(8, 42), [x, x * 2], new MrqapOptions { Permutations = 10 }));
        Assert.Contains("'x2'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Correlation_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Qap.Correlation(Random(10, 1), Random(10, 2), null, 2, cts.Token));
    }

    [Fact]
    public void Correlation_SizesDiffer_Throws()
    {
        Assert.Throws<ArgumentException>(() => Qap.Correlation(Random(4, 1), Random(5, 2)));
        Assert.Throws<ArgumentException>(() => Qap.Correlation(Matrix<double>.Build.Dense(3, 4), Matrix<double>.Build.Dense(3, 4)));
    }

    /// <summary>a-b (w 2), a-b again (w 1), b-c (w 1), c→a directed (w 5); d isolated.</summary>
    private static GlocalNetwork Net(bool extraLink = false)
    {
        var b = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Dresden")
            .AddInnovator("d", "D", InnovatorKind.Firm, "Paris")
            .AddLink("a", "b", weight: 2)
            .AddLink("a", "b")
            .AddLink("b", "c")
            .AddLink("c", "a", weight: 5, directed: true);
        return (extraLink ? b.AddLink("a", "d") : b).Build();
    }

    [Fact]
    public void Adjacency_SumsParallelLinksBothDirections()
    {
        var a = QapMatrices.Adjacency(Net());

        Assert.Equal(3, a[0, 1]);
        Assert.Equal(3, a[1, 0]);
        Assert.Equal(1, a[1, 2]);
        Assert.Equal(5, a[2, 0]);
        Assert.Equal(0, a[0, 2]);   // c → a is directed
        var binary = QapMatrices.Adjacency(Net(), weighted: false);
        Assert.Equal(1, binary[0, 1]);
        var sub = QapMatrices.Adjacency(Net(), innovatorIds: ["c", "a"]);
        Assert.Equal(5, sub[0, 1]);
        Assert.Throws<ArgumentException>(() => QapMatrices.Adjacency(Net(), innovatorIds: ["zz"]));
    }

    [Fact]
    public void Correlation_TwoNetworks_SameInnovators()
    {
        var r = Qap.Correlation(Net(), Net(extraLink: true), weighted: false, new QapOptions { Permutations = 100 });

        // Binary directed dyads over 4 innovators (12): first has a-b, b-a, b-c, c-b, c-a (5 ones); the second also a-d, d-a.
        // r = (Σxy - Σx Σy / N) / sqrt((Σx² - (Σx)²/N)(Σy² - (Σy)²/N)) = (5 - 5·7/12) / sqrt((5 - 25/12)(7 - 49/12)).
        Assert.Equal((5 - (35.0 / 12)) / Math.Sqrt((5 - (25.0 / 12)) * (7 - (49.0 / 12))), r.Observed, 1e-12);
    }
}
