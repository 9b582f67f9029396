using System;

namespace GlocalNetworks.Glocal;

/// <summary>
/// An observed statistic against its permutation distribution (DESIGN 2.11): the null mean, the null standard deviation
/// (n - 1), z, and the empirical p-values with the +1 correction of Phipson and Smyth (2010).
/// </summary>
/// <param name="Mean">The mean of the replicates.</param>
/// <param name="Sd">Their standard deviation with n - 1 (NaN for fewer than two replicates).</param>
/// <param name="Z">(observed - mean) / sd; NaN when sd is 0 or NaN.</param>
/// <param name="PUpper">(1 + #{t* ≥ t0}) / (R + 1).</param>
/// <param name="PLower">(1 + #{t* ≤ t0}) / (R + 1).</param>
/// <param name="PTwo">min(1, 2 min(p_upper, p_lower)).</param>
internal readonly record struct PermutationSummary(double Mean, double Sd, double Z, double PUpper, double PLower, double PTwo)
{
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
            return new PermutationSummary(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double sum = 0;
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
            above += t >= observed ? 1 : 0;
            below += t <= observed ? 1 : 0;
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

        var sd = r < 2 ? double.NaN : Math.Sqrt(ss / (r - 1));
        var z = sd > 0 ? (observed - mean) / sd : double.NaN;
        var pu = (1.0 + above) / (r + 1);
        var pl = (1.0 + below) / (r + 1);
        return new PermutationSummary(mean, sd, z, pu, pl, Math.Min(1, 2 * Math.Min(pu, pl)));
    }
}
