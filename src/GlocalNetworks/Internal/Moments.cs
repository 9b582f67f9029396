using System;

namespace GlocalNetworks.Internal;

/// <summary>Sample moments shared by the comparison statistics (QAP) and the economic-geography indicators.</summary>
internal static class Moments
{
    /// <summary>The Pearson correlation of two equally long samples (two passes: means, then centred sums); NaN when
    /// either side is constant or the samples are empty.</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    /// <returns>r in [-1, 1], or NaN.</returns>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++)
        {
            mx += x[i];
            my += y[i];
        }

        mx /= x.Length;
        my /= y.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    /// <summary>The mean (NaN when empty).</summary>
    /// <param name="x">The sample.</param>
    /// <returns>Σx / n.</returns>
    public static double Mean(ReadOnlySpan<double> x)
    {
        double s = 0;
        foreach (var v in x)
        {
            s += v;
        }

        return s / x.Length;
    }

    /// <summary>Σ (x - centre)².</summary>
    /// <param name="x">The sample.</param>
    /// <param name="centre">The centre (usually the mean).</param>
    /// <returns>The sum of squared deviations.</returns>
    public static double SumOfSquares(ReadOnlySpan<double> x, double centre)
    {
        double s = 0;
        foreach (var v in x)
        {
            s += (v - centre) * (v - centre);
        }

        return s;
    }

    /// <summary>The Spearman rank correlation: the Pearson correlation of the ranks, ties averaged; NaN when either side
    /// is constant or the samples are empty.</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample.</param>
    /// <returns>ρ in [-1, 1], or NaN.</returns>
    public static double Spearman(double[] x, double[] y) => Pearson(Ranks(x), Ranks(y));

    /// <summary>Ranks 1..n with ties averaged (R's <c>rank(ties.method = "average")</c>).</summary>
    /// <param name="x">The sample (not changed).</param>
    /// <returns>The rank of each value.</returns>
    public static double[] Ranks(double[] x)
    {
        var order = new int[x.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var keys = (double[])x.Clone();
        Array.Sort(keys, order);
        var ranks = new double[x.Length];
        for (var i = 0; i < keys.Length;)
        {
            var j = i;
            while (j + 1 < keys.Length && keys[j + 1] == keys[i])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = ((i + j) / 2.0) + 1;
            }

            i = j + 1;
        }

        return ranks;
    }
}
