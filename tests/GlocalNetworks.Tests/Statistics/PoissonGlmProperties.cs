using System;
using FsCheck.Xunit;
using GlocalNetworks.Statistics;
using GlocalNetworks.Tests.TestUtils;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Tests.Statistics;

/// <summary>Laws of the Poisson GLM / PPML on seeded random designs.</summary>
public sealed class PoissonGlmProperties
{
    private static (Matrix<double> X, double[] Y) Design(int seed)
    {
        var rng = new TestRandom((ulong)(uint)seed * 7919 + 3);
        var n = rng.Next(12, 60);
        var x = Matrix<double>.Build.Dense(n, 3);
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i, 0] = 1;
            x[i, 1] = (rng.NextUInt64() % 1000) / 250.0;
            x[i, 2] = rng.Chance(0.5) ? 1 : 0;
            var mu = Math.Exp(0.3 + (0.4 * x[i, 1]) - (0.5 * x[i, 2]));
            y[i] = Math.Floor(mu * (rng.NextUInt64() % 2000) / 1000.0);
        }

        y[0] = 1; // at least one positive outcome on each dummy value
        x[0, 2] = 0;
        y[1] = 1;
        x[1, 2] = 1;
        return (x, y);
    }

    private static readonly string[] Names = ["intercept", "x", "d"];

    private static readonly GlmOptions Tight = new() { Tolerance = 1e-13 };

    [Property(MaxTest = 60)]
    public bool ScalingY_ShiftsOnlyTheIntercept(int seed, bool big)
    {
        // PPML is scale-invariant: y -> c y leaves the slopes unchanged and adds ln c to the intercept.
        var (x, y) = Design(seed);
        var c = big ? 1000.0 : 0.01;
        var scaled = Array.ConvertAll(y, v => v * c);

        var a = PoissonGlm.Fit(x, y, Names, options: Tight);
        var b = PoissonGlm.Fit(x, scaled, Names, options: Tight);

        return Math.Abs(b.Coefficients[0] - a.Coefficients[0] - Math.Log(c)) < 1e-8
            && Math.Abs(b.Coefficients[1] - a.Coefficients[1]) < 1e-8
            && Math.Abs(b.Coefficients[2] - a.Coefficients[2]) < 1e-8
            && Math.Abs(b.Inference().StandardErrors[1] - a.Inference().StandardErrors[1]) < 1e-7;
    }

    [Property(MaxTest = 60)]
    public bool WithIntercept_FittedMeansSumToOutcomes(int seed)
    {
        // The score equation of the intercept: sum (y - mu) = 0 at the estimate.
        var (x, y) = Design(seed);
        var fit = PoissonGlm.Fit(x, y, Names, options: Tight);
        double sy = 0, sm = 0;
        for (var i = 0; i < y.Length; i++)
        {
            sy += y[i];
            sm += fit.Fitted[i];
        }

        return Math.Abs(sy - sm) < 1e-6 * Math.Max(1, sy);
    }
}
