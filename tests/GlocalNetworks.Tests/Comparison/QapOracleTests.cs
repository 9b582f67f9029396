using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using GlocalNetworks.Comparison;
using MathNet.Numerics.LinearAlgebra;
using Xunit;

namespace GlocalNetworks.Tests.Comparison;

/// <summary>
/// QAP and MRQAP against R sna 2.7 (tests/oracles/qap.R → Fixtures/r/qap.json): observed statistics to 1e-10, permutation
/// p-values within 4 binomial standard errors (DESIGN 2.12) for the same number of permutations.
/// </summary>
public sealed class QapOracleTests
{
    private static readonly Lazy<JsonElement> Fixture = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "r", "qap.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("Oracle fixture 'r/qap.json' is missing; regenerate it with Rscript tests/oracles/qap.R.", path);
        }

        return JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.Clone();
    });

    private static JsonElement Root => Fixture.Value;

    private static int Reps => Root.GetProperty("reps").GetInt32();

    private static Matrix<double> Mat(string name)
    {
        var rows = Root.GetProperty("matrices").GetProperty(name);
        var n = rows.GetArrayLength();
        var m = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = rows[i][j].GetDouble();
            }
        }

        return m;
    }

    private static double[] Doubles(JsonElement e)
    {
        var v = new double[e.GetArrayLength()];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = e[i].GetDouble();
        }

        return v;
    }

    // |ours - sna| <= 4 sqrt(p(1 - p)/R), p the mean of the two estimates (and at least one replicate's worth).
    private static void PClose(double expected, double actual, string what)
    {
        var p = (expected + actual) / 2;
        var tol = Math.Max(4 * Math.Sqrt(p * (1 - p) / Reps), 1.0 / Reps);
        Assert.True(Math.Abs(expected - actual) <= tol, $"{what}: sna {expected}, ours {actual}, tolerance {tol}.");
    }

    [Fact]
    public void Fixture_NamesOracleVersionAndScript()
    {
        Assert.Equal("R sna", Root.GetProperty("oracle").GetString());
        Assert.StartsWith("2.7", Root.GetProperty("oracle_version").GetString(), StringComparison.Ordinal);
        Assert.Equal("tests/oracles/qap.R", Root.GetProperty("generator").GetString());
        Assert.Equal(1e-10, Root.GetProperty("tolerance").GetProperty("observed").GetDouble());
    }

    [Theory]
    [InlineData("directed", "directed_x", "directed_y", DyadMode.Directed)]
    [InlineData("undirected", "undirected_x1", "undirected_y", DyadMode.Undirected)]
    public void Correlation_MatchesSnaQaptest(string key, string x, string y, DyadMode mode)
    {
        var expected = Root.GetProperty("qap").GetProperty(key);
        var r = Qap.Correlation(Mat(x), Mat(y), new QapOptions { Permutations = Reps, Mode = mode });

        Assert.Equal(expected.GetProperty("observed").GetDouble(), r.Observed, 1e-10);
        PClose(expected.GetProperty("pgreq").GetDouble(), r.PGreaterOrEqual, key + " pgreq");
        PClose(expected.GetProperty("pleeq").GetDouble(), r.PLessOrEqual, key + " pleeq");
        Assert.Equal(Reps, r.Distribution.Length);
    }

    [Theory]
    [InlineData("directed", DyadMode.Directed, true)]
    [InlineData("undirected", DyadMode.Undirected, true)]
    [InlineData("single", DyadMode.Directed, false)]
    public void Mrqap_MatchesSnaNetlm(string key, DyadMode mode, bool intercept)
    {
        var expected = Root.GetProperty("mrqap").GetProperty(key);
        Matrix<double> y;
        List<Matrix<double>> xs;
        if (mode == DyadMode.Directed)
        {
            y = Mat("directed_y");
            xs = [Mat("directed_x")];
        }
        else
        {
            y = Mat("undirected_y");
            xs = [Mat("undirected_x1"), Mat("undirected_x2")];
        }

        var r = Qap.Mrqap(y, xs, new MrqapOptions { Permutations = Reps, Mode = mode, Intercept = intercept });

        Assert.Equal(expected.GetProperty("nullhyp").GetString(), r.NullHypothesis);
        Assert.Equal(expected.GetProperty("n").GetInt32(), r.Dyads);
        var names = expected.GetProperty("names");
        var coef = Doubles(expected.GetProperty("coefficients"));
        var t = Doubles(expected.GetProperty("t"));
        var pge = Doubles(expected.GetProperty("pgreq"));
        var ple = Doubles(expected.GetProperty("pleeq"));
        var pabs = Doubles(expected.GetProperty("pgreqabs"));
        Assert.Equal(coef.Length, r.Terms.Count);
        for (var k = 0; k < coef.Length; k++)
        {
            Assert.Equal(names[k].GetString(), r.Terms[k]);
            Assert.Equal(coef[k], r.Coefficients[k], 1e-10);
            Assert.Equal(t[k], r.T[k], 1e-10);
            PClose(pge[k], r.PGreaterOrEqual[k], $"{key} {r.Terms[k]} pgreq");
            PClose(ple[k], r.PLessOrEqual[k], $"{key} {r.Terms[k]} pleeq");
            PClose(pabs[k], r.PGreaterOrEqualAbs[k], $"{key} {r.Terms[k]} pgreqabs");
        }
    }
}
