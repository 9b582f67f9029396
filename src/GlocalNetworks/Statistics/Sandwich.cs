using System;
using System.Collections.Generic;
using System.Text;
using GlocalNetworks.Metrics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace GlocalNetworks.Statistics;

/// <summary>
/// The pieces every regression here shares: the bread (AᵀA)⁻¹ from a Householder QR (never the normal equations), the
/// meats of the heteroskedasticity-robust (White) and cluster-robust (Arellano) sandwiches, Wald tests, and the
/// coefficient table as Markdown in design order. Used by <see cref="GlmFit"/>, <see cref="OlsFit"/> and
/// <see cref="PanelFit"/>.
/// </summary>
internal static class Sandwich
{
    /// <summary>(AᵀA)⁻¹ = R⁻¹R⁻ᵀ from the thin QR of <paramref name="a"/>.</summary>
    public static Matrix<double> Bread(Matrix<double> a)
    {
        var rInv = a.QR(QRMethod.Thin).R.Inverse();
        return rInv * rInv.Transpose();
    }

    /// <summary>The White meat Σ_i e_i² x_i x_iᵀ = (|e|X)ᵀ(|e|X).</summary>
    public static Matrix<double> Meat(Matrix<double> x, ReadOnlySpan<double> e)
    {
        var m = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (var i = 0; i < x.RowCount; i++)
        {
            var w = Math.Abs(e[i]);
            for (var j = 0; j < x.ColumnCount; j++)
            {
                m[i, j] = w * x[i, j];
            }
        }

        return m.TransposeThisAndMultiply(m);
    }

    /// <summary>The cluster meat Σ_g (Σ_{i∈g} e_i x_i)(Σ_{i∈g} e_i x_i)ᵀ (Arellano 1987).</summary>
    /// <param name="x">The n × p regressors.</param>
    /// <param name="e">The residuals.</param>
    /// <param name="cluster">The cluster of each row, 0..groups-1.</param>
    /// <param name="groups">The number of clusters.</param>
    public static Matrix<double> ClusterMeat(Matrix<double> x, ReadOnlySpan<double> e, int[] cluster, int groups)
    {
        var s = Matrix<double>.Build.Dense(groups, x.ColumnCount);
        for (var i = 0; i < x.RowCount; i++)
        {
            for (var j = 0; j < x.ColumnCount; j++)
            {
                s[cluster[i], j] += e[i] * x[i, j];
            }
        }

        return s.TransposeThisAndMultiply(s);
    }

    /// <summary>Wald statistics β/se and two-sided p-values: from t with <paramref name="degreesOfFreedom"/> when
    /// <paramref name="studentT"/> (NaN when df ≤ 0), else from the standard normal.</summary>
    public static (double[] Se, double[] Stat, double[] P) Test(IReadOnlyList<double> beta, Matrix<double> covariance, int degreesOfFreedom, bool studentT)
    {
        var p = beta.Count;
        var se = new double[p];
        var stat = new double[p];
        var pv = new double[p];
        for (var j = 0; j < p; j++)
        {
            se[j] = Math.Sqrt(covariance[j, j]);
            stat[j] = beta[j] / se[j];
            var tail = -Math.Abs(stat[j]);
            pv[j] = double.IsNaN(tail) ? double.NaN
                : studentT ? (degreesOfFreedom > 0 ? 2 * StudentT.CDF(0, 1, degreesOfFreedom, tail) : double.NaN)
                : 2 * Normal.CDF(0, 1, tail);
        }

        return (se, stat, pv);
    }

    /// <summary>A coefficient table as Markdown, one row per term in design order (not sorted).</summary>
    public static string Markdown(GroupTable table)
    {
        var sb = new StringBuilder();
        MetricResult.MarkdownHeader(sb, table.KeyColumn, table.Columns);
        for (var j = 0; j < table.Ids.Count; j++)
        {
            sb.Append("| ").Append(MetricResult.Md(table.Ids[j]));
            foreach (var c in table.Columns)
            {
                sb.Append(" | ").Append(MetricResult.Md(table[j, c]));
            }

            sb.Append(" |\n");
        }

        return sb.ToString();
    }
}

/// <summary>Standard errors, t statistics and p-values of a linear regression's coefficients under one covariance (an
/// <see cref="OlsFit"/> or a <see cref="PanelFit"/>). p-values are two-sided, from Student's t with the fit's residual
/// degrees of freedom (as <c>lmtest::coeftest</c> does for <c>lm</c> and <c>plm</c> fits, whatever the covariance).</summary>
public sealed class RegressionInference
{
    private readonly Matrix<double> _covariance;

    internal RegressionInference(string kind, IReadOnlyList<double> beta, Matrix<double> covariance, int degreesOfFreedom)
    {
        Kind = kind;
        _covariance = covariance;
        var (se, stat, p) = Sandwich.Test(beta, covariance, degreesOfFreedom, studentT: true);
        StandardErrors = Array.AsReadOnly(se);
        Statistics = Array.AsReadOnly(stat);
        PValues = Array.AsReadOnly(p);
    }

    /// <summary>The covariance's name: <c>conventional</c>, <c>HC0</c>, <c>HC1</c>, <c>cluster-HC1</c>, ...</summary>
    public string Kind { get; }

    /// <summary>The standard errors, by regressor.</summary>
    public IReadOnlyList<double> StandardErrors { get; }

    /// <summary>t = β / se, by regressor.</summary>
    public IReadOnlyList<double> Statistics { get; }

    /// <summary>Two-sided p-values from Student's t with the residual degrees of freedom; NaN when they are 0.</summary>
    public IReadOnlyList<double> PValues { get; }

    /// <summary>A copy of the covariance matrix.</summary>
    /// <returns>The matrix.</returns>
    public Matrix<double> Covariance() => _covariance.Clone();

    /// <summary>Adds <c>se</c>, <c>t</c>, <c>p</c> columns (with a suffix) to a coefficient table.</summary>
    internal void AddColumns(List<KeyValuePair<string, double[]>> columns, string suffix)
    {
        columns.Add(KeyedTable.Col("se" + suffix, [.. StandardErrors]));
        columns.Add(KeyedTable.Col("t" + suffix, [.. Statistics]));
        columns.Add(KeyedTable.Col("p" + suffix, [.. PValues]));
    }
}
