using System;

namespace GlocalNetworks.Glocal;

/// <summary>
/// An observed statistic against its permutation distribution (DESIGN 2.11): the null mean, the null standard deviation
/// (n - 1), z, and the empirical p-values with the +1 correction of Phipson and Smyth (2010). Shared by the E-I
/// permutation test and <c>NullModels.Significance</c>.
/// </summary>
/// <remarks>A replicate within a relative 1e-12 of the observed value counts as a tie (in both counts), and replicates that
/// all agree within a relative 1e-12 have sd 0, so rounding noise from summing in another order neither flips a tie nor
/// turns a constant null into a huge z.</remarks>
/// <param name="Mean">The mean of the replicates.</param>
/// <param name="Sd">Their standard deviation with n - 1 (NaN for fewer than two replicates).</param>
/// <param name="Z">(observed - mean) / sd; NaN when sd is 0 or NaN.</param>
/// <param name="PUpper">(1 + #{t* ≥ t0}) / (R + 1).</param>
/// <param name="PLower">(1 + #{t* ≤ t0}) / (R + 1).</param>
/// <param name="PTwo">min(1, 2 min(p_upper, p_lower)).</param>
/// <param name="Replicates">R: the replicates that are not NaN.</param>
internal readonly record struct PermutationSummary(double Mean, double Sd, double Z, double PUpper, double PLower, double PTwo, int Replicates)
{
    /// <summary>The relative difference within which two values count as equal.</summary>
    public const double TieTolerance = 1e-12;

    /// <summary>The value suffixes, in the order of <see cref="Values"/>: <c>mean</c>, <c>sd</c>, <c>z</c>, <c>p-upper</c>,
    /// <c>p-lower</c>, <c>p-two</c>.</summary>
    public static readonly string[] Names = ["mean", "sd", "z", "p-upper", "p-lower", "p-two"];

    /// <summary>The values, in the order of <see cref="Names"/>.</summary>
    public double[] Values => [Mean, Sd, Z, PUpper, PLower, PTwo];

    /// <summary>Summarises <paramref name="replicates"/> against <paramref name="observed"/>. Everything is NaN when the
    /// observed value is NaN; replicates that are NaN are left out (and R counts only the others).</summary>
    /// <param name="observed">t0.</param>
    /// <param name="replicates">t*_1..t*_R.</param>
    /// <returns>The summary.</returns>
    public static PermutationSummary Of(double observed, ReadOnlySpan<double> replicates)
    {
        if (double.IsNaN(observed))
        {
            return new PermutationSummary(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, Count(replicates));
        }

        double sum = 0, lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        var r = 0;
        int above = 0, below = 0;
        foreach (var t in replicates)
        {
            if (double.IsNaN(t))
            {
                continue;
            }

            sum += t;
            r++;
            lo = Math.Min(lo, t);
            hi = Math.Max(hi, t);
            var tie = Same(t, observed);
            above += tie || t > observed ? 1 : 0;
            below += tie || t < observed ? 1 : 0;
        }

        var mean = r == 0 ? double.NaN : sum / r;
        double ss = 0;
        foreach (var t in replicates)
        {
            if (!double.IsNaN(t))
            {
                ss += (t - mean) * (t - mean);
            }
        }

        var sd = r < 2 ? double.NaN : Same(lo, hi) ? 0.0 : Math.Sqrt(ss / (r - 1));
        var z = sd > 0 ? (observed - mean) / sd : double.NaN;
        var pu = (1.0 + above) / (r + 1);
        var pl = (1.0 + below) / (r + 1);
        return new PermutationSummary(mean, sd, z, pu, pl, Math.Min(1, 2 * Math.Min(pu, pl)), r);
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= TieTolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    private static int Count(ReadOnlySpan<double> replicates)
    {
        var r = 0;
        foreach (var t in replicates)
        {
            r += double.IsNaN(t) ? 0 : 1;
        }

        return r;
    }
}
