using System;
using System.Collections.Generic;
using FsCheck.Xunit;
using GlocalNetworks.Statistics;
using GlocalNetworks.Tests.TestUtils;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Tests.Statistics;

/// <summary>Laws of OLS and the within estimator on seeded random unbalanced panels.</summary>
public sealed class PanelRegressionProperties
{
    private static double U(TestRandom r) => (r.NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static readonly string[] Names = ["x1", "x2"];

    private sealed record Data(string[] Units, int[] Years, double[] Y, double[] X1, double[] X2, int UnitCount);

    private static Data Panel(int seed)
    {
        var rng = new TestRandom((ulong)(uint)seed * 104729 + 11);
        var g = 3 + rng.Next(0, 5);
        var units = new List<string>();
        var years = new List<int>();
        var y = new List<double>();
        var x1 = new List<double>();
        var x2 = new List<double>();
        for (var u = 0; u < g; u++)
        {
            var first = true;
            for (var t = 0; t < 6; t++)
            {
                if (!first && rng.Chance(0.2))
                {
                    continue; // unbalanced
                }

                first = false;
                var a = U(rng) * 4;
                var b = U(rng) - (0.3 * u);
                units.Add("u" + u.ToString(System.Globalization.CultureInfo.InvariantCulture));
                years.Add(2000 + t);
                x1.Add(a);
                x2.Add(b);
                y.Add(u + (0.5 * a) - (1.5 * b) + (0.1 * t) + U(rng));
            }

            // Two observations at least per unit, so every unit varies.
            units.Add("u" + u.ToString(System.Globalization.CultureInfo.InvariantCulture));
            years.Add(2010);
            x1.Add(U(rng) * 4);
            x2.Add(U(rng));
            y.Add(u + U(rng));
        }

        return new Data([.. units], [.. years], [.. y], [.. x1], [.. x2], g);
    }

    private static bool Close(double a, double b, double tol = 1e-9) => Math.Abs(a - b) <= tol * Math.Max(1, Math.Abs(a));

    [Property(MaxTest = 40)]
    public bool FixedEffects_AddingAUnitConstantToY_ChangesNothing(int seed, bool years)
    {
        var d = Panel(seed);
        var o = new PanelOptions { YearEffects = years };
        var a = PanelRegression.FixedEffects(d.Units, d.Years, d.Y, [d.X1, d.X2], Names, o);
        var shifted = new double[d.Y.Length];
        for (var i = 0; i < shifted.Length; i++)
        {
            shifted[i] = d.Y[i] + (17.0 * d.Units[i].Length) + (d.Units[i][^1] - '0');
        }

        var b = PanelRegression.FixedEffects(d.Units, d.Years, shifted, [d.X1, d.X2], Names, o);
        for (var j = 0; j < a.Coefficients.Count; j++)
        {
            if (!Close(a.Coefficients[j], b.Coefficients[j], 1e-8) || !Close(a.Inference().StandardErrors[j], b.Inference().StandardErrors[j], 1e-7))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 40)]
    public bool FixedEffects_EqualsOlsWithUnitDummies(int seed)
    {
        // LSDV: y on x1, x2 and one dummy per unit (no intercept) gives the same slopes and conventional SEs.
        var d = Panel(seed);
        var fe = PanelRegression.FixedEffects(d.Units, d.Years, d.Y, [d.X1, d.X2], Names);
        var n = d.Y.Length;
        var x = Matrix<double>.Build.Dense(n, 2 + d.UnitCount);
        var names = new List<string>(Names);
        for (var u = 0; u < d.UnitCount; u++)
        {
            names.Add("d" + u.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < n; i++)
        {
            x[i, 0] = d.X1[i];
            x[i, 1] = d.X2[i];
            x[i, 2 + int.Parse(d.Units[i][1..], System.Globalization.CultureInfo.InvariantCulture)] = 1;
        }

        var lsdv = Ols.Fit(x, d.Y, names, intercept: false);
        return lsdv.DegreesOfFreedom == fe.DegreesOfFreedom
            && Close(lsdv.Coefficients[0], fe.Coefficients[0], 1e-8) && Close(lsdv.Coefficients[1], fe.Coefficients[1], 1e-8)
            && Close(lsdv.Inference().StandardErrors[0], fe.Inference(PanelCovariance.Conventional).StandardErrors[0], 1e-7)
            && Close(lsdv.Inference().StandardErrors[1], fe.Inference(PanelCovariance.Conventional).StandardErrors[1], 1e-7);
    }

    [Property(MaxTest = 40)]
    public bool FixedEffects_ReorderingObservations_ChangesNothing(int seed)
    {
        var d = Panel(seed);
        var a = PanelRegression.FixedEffects(d.Units, d.Years, d.Y, [d.X1, d.X2], Names, new PanelOptions { YearEffects = true });
        var order = new int[d.Y.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = order.Length - 1 - i;
        }

        T[] P<T>(T[] v) => Array.ConvertAll(order, i => v[i]);
        var b = PanelRegression.FixedEffects(P(d.Units), P(d.Years), P(d.Y), [P(d.X1), P(d.X2)], Names, new PanelOptions { YearEffects = true });
        return Close(a.Coefficients[0], b.Coefficients[0]) && Close(a.Coefficients[1], b.Coefficients[1])
            && Close(a.Inference().StandardErrors[0], b.Inference().StandardErrors[0], 1e-8)
            && Close(a.ResidualVariance, b.ResidualVariance);
    }

    [Property(MaxTest = 40)]
    public bool Ols_ResidualsAreOrthogonalToTheRegressorsAndSumToZero(int seed)
    {
        var d = Panel(seed);
        var x = Matrix<double>.Build.Dense(d.Y.Length, 2, (i, j) => j == 0 ? d.X1[i] : d.X2[i]);
        var fit = Ols.Fit(x, d.Y, Names);
        double s = 0, s1 = 0, s2 = 0;
        for (var i = 0; i < d.Y.Length; i++)
        {
            s += fit.Residuals[i];
            s1 += fit.Residuals[i] * d.X1[i];
            s2 += fit.Residuals[i] * d.X2[i];
        }

        return Math.Abs(s) < 1e-9 && Math.Abs(s1) < 1e-8 && Math.Abs(s2) < 1e-8 && fit.RSquared is >= 0 and <= 1;
    }
}
