using System;
using System.Globalization;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.CorePeriphery;
using GlocalNetworks.Tests.Metrics.Community;
using GlocalNetworks.Tests.TestUtils;
using Xunit;
using Xunit.Abstractions;

namespace GlocalNetworks.Tests.Metrics.CorePeriphery;

/// <summary>
/// Core-periphery against the independent oracle of <c>tests/oracles/core_periphery.py</c>
/// (Fixtures/core-periphery/*.json): the continuous coreness against scipy's least-squares optimiser, and the discrete
/// model against an exhaustive search over every core of graphs with at most 18 nodes.
/// </summary>
public sealed class CorePeripheryOracleTests(ITestOutputHelper output)
{
    private const string Oracle = "core-periphery";

    [Theory]
    [InlineData("karate", false)]
    [InlineData("florentine", false)]
    [InlineData("lesmis", false)]
    [InlineData("lesmis", true)]
    [InlineData("davis", false)]
    [InlineData("davis", true)]
    [InlineData("cp-planted-12", false)]
    [InlineData("cp-planted-16", false)]
    [InlineData("gnp-14", false)]
    [InlineData("gnp-16", false)]
    public void Continuous_MatchesLeastSquaresOptimiser(string graph, bool weighted)
    {
        var fx = OracleFixture.Load(Oracle, graph);
        var key = "core-periphery:continuous" + (weighted ? ":weighted" : string.Empty);
        var t = new CorePeripheryMetric().Compute(new MetricContext(fx.ToNetwork()),
            new CorePeripheryOptions { Weighted = weighted, Tolerance = 1e-13, MaxIterations = 200_000 });
        var tol = fx.Tolerance(key);
        var worst = 0.0;
        foreach (var (id, expected) in fx.NodeValues(key))
        {
            var actual = t[id];
            worst = Math.Max(worst, Math.Abs(actual - expected));
            Assert.True(Math.Abs(actual - expected) <= tol * Math.Max(1, Math.Abs(expected)),
                $"{graph} {id}: ours {actual:R}, scipy {expected:R}");
        }

        var rhoKey = "core-periphery:continuous-correlation" + (weighted ? ":weighted" : string.Empty);
        Assert.Equal(fx.NetworkValue(rhoKey), ResultProperty.Of(t, "correlation"), 6);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{graph}{(weighted ? " weighted" : string.Empty)}: largest coreness difference {worst:E1}, {t.Properties["iterations"]} steps"));
    }

    [Theory]
    [InlineData("florentine")]
    [InlineData("davis")]
    [InlineData("cp-planted-12")]
    [InlineData("cp-planted-16")]
    [InlineData("gnp-14")]
    [InlineData("gnp-16")]
    public void Discrete_NeverBeatsExhaustiveSearch_AndFindsThePlantedOptimum(string graph)
    {
        var fx = OracleFixture.Load(Oracle, graph);
        var t = new CorePeripheryMetric().Compute(new MetricContext(fx.ToNetwork()), new CorePeripheryOptions { Model = CorePeripheryModel.Discrete });
        var ours = ResultProperty.Of(t, "correlation");
        var best = fx.NetworkValue("core-periphery:discrete-optimum", "correlation");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{graph}: ours {ours:R} (core {t.Properties["core-size"]}), exhaustive {best:R} (core {fx.NetworkValue("core-periphery:discrete-optimum", "core_size")})"));
        Assert.True(ours <= best + 1e-12, $"{graph}: {ours} > exhaustive optimum {best}");
        Assert.True(ours >= best - 0.15, $"{graph}: {ours} far below the exhaustive optimum {best}");
        if (graph.StartsWith("cp-planted", StringComparison.Ordinal))
        {
            Assert.Equal(best, ours, 12);
            foreach (var (id, inCore) in fx.NodeValues("core-periphery:discrete-optimum-core"))
            {
                Assert.Equal(inCore, t[id]);
            }
        }
    }
}
