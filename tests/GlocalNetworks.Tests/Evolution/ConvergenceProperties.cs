using System;
using FsCheck.Xunit;
using GlocalNetworks.Evolution;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Laws of rank trajectories and σ/β convergence on seeded random region series.</summary>
public sealed class ConvergenceProperties
{
    private static double U(TestRandom r) => (r.NextUInt64() >> 11) * (1.0 / (1UL << 53));

    private static RegionSeries Series(int seed, double scale = 1, Func<double, double>? f = null)
    {
        var rng = new TestRandom((ulong)(uint)seed * 6151 + 5);
        var n = 4 + rng.Next(0, 11);
        var ids = new string[n];
        var rows = new double[n][];
        for (var r = 0; r < n; r++)
        {
            ids[r] = "r" + r.ToString(System.Globalization.CultureInfo.InvariantCulture);
            rows[r] = new double[5];
            for (var t = 0; t < 5; t++)
            {
                var v = 1 + Math.Floor(U(rng) * 20); // small integers: ties happen
                rows[r][t] = (f ?? (x => x))(v) * scale;
            }
        }

        return new RegionSeries("x", ids, [2001, 2002, 2003, 2004, 2005], rows);
    }

    [Property(MaxTest = 50)]
    public bool ScalingBySomeConstant_LeavesSdLogCvAndBetaSlopeUnchanged(int seed)
    {
        var a = Series(seed);
        var b = Series(seed, 37.5);
        var sa = Convergence.Sigma(a);
        var sb = Convergence.Sigma(b);
        var ca = Convergence.Sigma(a, SigmaMeasure.CoefficientOfVariation);
        var cb = Convergence.Sigma(b, SigmaMeasure.CoefficientOfVariation);
        var ba = Convergence.Beta(a);
        var bb = Convergence.Beta(b);
        for (var t = 0; t < 5; t++)
        {
            if (Math.Abs(sa.Sigma[t] - sb.Sigma[t]) > 1e-12 || Math.Abs(ca.Sigma[t] - cb.Sigma[t]) > 1e-12)
            {
                return false;
            }
        }

        return Math.Abs(ba.B - bb.B) < 1e-10 && Math.Abs(ba.Fit.Inference().StandardErrors[1] - bb.Fit.Inference().StandardErrors[1]) < 1e-10;
    }

    [Property(MaxTest = 50)]
    public bool Ranks_InvariantUnderIncreasingTransforms_AndSumToTriangularNumber(int seed)
    {
        var a = Convergence.Ranks(Series(seed));
        var b = Convergence.Ranks(Series(seed, 1, x => Math.Exp(x / 5) + (x * x)));
        var n = a.Regions.Count;
        for (var t = 0; t < 5; t++)
        {
            double sum = 0;
            foreach (var id in a.Regions)
            {
                if (a.Rank(id)[t] != b.Rank(id)[t])
                {
                    return false;
                }

                sum += a.Rank(id)[t];
            }

            if (sum != n * (n + 1) / 2.0)
            {
                return false;
            }
        }

        return true;
    }
}
