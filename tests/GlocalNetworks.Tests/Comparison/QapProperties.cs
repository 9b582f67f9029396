using System;
using FsCheck.Xunit;
using GlocalNetworks.Comparison;
using GlocalNetworks.Tests.TestUtils;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Tests.Comparison;

/// <summary>Laws of QAP and MRQAP on seeded random matrices.</summary>
public sealed class QapProperties
{
    private static Matrix<double> Random(TestRandom rng, int n, bool symmetric)
    {
        var m = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < (symmetric ? i : n); j++)
            {
                if (i != j)
                {
                    m[i, j] = rng.Next(0, 9);
                    if (symmetric)
                    {
                        m[j, i] = m[i, j];
                    }
                }
            }
        }

        return m;
    }

    private static Matrix<double> Relabel(Matrix<double> m, int[] order) =>
        Matrix<double>.Build.Dense(m.RowCount, m.ColumnCount, (i, j) => m[order[i], order[j]]);

    /// <summary>Relabelling the nodes of every matrix alike changes neither the correlation nor the coefficients and t
    /// statistics; the correlation is symmetric in its arguments.</summary>
    [Property(MaxTest = 60)]
    public bool RelabellingNodes_ChangesNoObservedStatistic(int seed, bool undirected)
    {
        var rng = new TestRandom((ulong)(uint)seed + 99);
        var n = rng.Next(4, 12);
        var x1 = Random(rng, n, undirected);
        var x2 = Random(rng, n, undirected);
        var y = Random(rng, n, undirected) + x1;
        var order = rng.Permutation(n);
        var mode = undirected ? DyadMode.Undirected : DyadMode.Directed;
        var q = new QapOptions { Permutations = 0, Mode = mode };
        var a = Qap.Correlation(x1, y, q).Observed;
        var b = Qap.Correlation(Relabel(x1, order), Relabel(y, order), q).Observed;
        var c = Qap.Correlation(y, x1, q).Observed;
        if (!Same(a, b) || !Same(a, c))
        {
            return false;
        }

        MrqapResult fa, fb;
        try
        {
            fa = Qap.Mrqap(y, [x1, x2], new MrqapOptions { Permutations = 0, Mode = mode });
            fb = Qap.Mrqap(Relabel(y, order), [Relabel(x1, order), Relabel(x2, order)], new MrqapOptions { Permutations = 0, Mode = mode });
        }
        catch (ArgumentException)
        {
            return true;   // a constant or collinear covariate: rejected by design
        }

        for (var k = 0; k < 3; k++)
        {
            if (!Same(fa.Coefficients[k], fb.Coefficients[k]) || !Same(fa.T[k], fb.T[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));
}
