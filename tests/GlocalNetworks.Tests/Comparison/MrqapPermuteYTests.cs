using System;
using GlocalNetworks.Comparison;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using Xunit;

namespace GlocalNetworks.Tests.Comparison;

/// <summary>MRQAP with <see cref="MrqapNullHypothesis.PermuteY"/> (sna "qapy"): every replicate equals a literal refit of
/// the permuted Y on the design.</summary>
public sealed class MrqapPermuteYTests
{
    private static Matrix<double> M(int n, int salt) =>
        Matrix<double>.Build.Dense(n, n, (i, j) => Math.Sin((i * 7.3) + (j * 3.1) + salt) + (0.3 * Math.Cos(i * j * 0.7 * salt)));

    // t statistics of OLS y ~ X (X with the intercept column), by MathNet's QR.
    private static double[] T(Matrix<double> design, double[] y)
    {
        var qr = design.QR(QRMethod.Thin);
        var yv = Vector<double>.Build.DenseOfArray(y);
        var beta = qr.Solve(yv);
        var resid = yv - (design * beta);
        var sigma2 = resid.DotProduct(resid) / (y.Length - design.ColumnCount);
        var cov = (design.TransposeThisAndMultiply(design)).Inverse();
        var t = new double[beta.Count];
        for (var k = 0; k < t.Length; k++)
        {
            t[k] = beta[k] / Math.Sqrt(cov[k, k] * sigma2);
        }

        return t;
    }

    [Theory]
    [InlineData(DyadMode.Directed)]
    [InlineData(DyadMode.Undirected)]
    public void PermuteY_EachReplicateIsALiteralRefit(DyadMode mode)
    {
        const int n = 9;
        var y = M(n, 1);
        var x1 = M(n, 2);
        var x2 = M(n, 3);
        if (mode == DyadMode.Undirected)
        {
            (y, x1, x2) = (y + y.Transpose(), x1 + x1.Transpose(), x2 + x2.Transpose());
        }

        var r = Qap.Mrqap(y, [x1, x2], new MrqapOptions { Permutations = 12, Seed = 5, Mode = mode, NullHypothesis = MrqapNullHypothesis.PermuteY });

        Assert.Equal("qapy", r.NullHypothesis);
        var ones = Matrix<double>.Build.Dense(n, n, 1.0);
        var design = Matrix<double>.Build.DenseOfColumnArrays(QapMatrices.Vectorise(ones, mode), QapMatrices.Vectorise(x1, mode), QapMatrices.Vectorise(x2, mode));
        Assert.Equal(T(design, QapMatrices.Vectorise(y, mode)), r.T.ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
        var perm = new int[n];
        for (var k = 0; k < 12; k++)
        {
            Qap.Permutation(5, k, perm);
            var yp = Matrix<double>.Build.Dense(n, n, (i, j) => y[perm[i], perm[j]]);
            var expected = T(design, QapMatrices.Vectorise(yp, mode));
            for (var term = 0; term < 3; term++)
            {
                Assert.Equal(expected[term], r.Distribution(term)[k], 1e-9);
            }
        }
    }

    [Fact]
    public void MrqapMetric_Method_ReachesQap()
    {
        var net = ComparisonTests.Six();
        var table = net.SplitBy(NetworkSplit.ByLinkKind).WithoutGlocalSummary()
            .Compute("mrqap", new MrqapMetricOptions { Permutations = 30, Method = MrqapNullHypothesis.PermuteY }).Run();

        Assert.Equal("qapy", table.Comparison("mrqap").Detail<MrqapResult>("CoPatent ~ JointProject").NullHypothesis);
    }
}
