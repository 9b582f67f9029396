using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.StructuralHoles;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.StructuralHoles;

/// <summary>Constraint and effective size against networkx 3.6.1 on every fixture graph, unweighted and weighted (tolerance 1e-12).</summary>
public sealed class StructuralHolesOracleTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var g in OracleAssert.AllGraphs)
        {
            data.Add(g, false);
            data.Add(g, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Constraint_FixtureGraph_MatchesNetworkx(string graph, bool weighted)
    {
        var f = OracleFixture.Load("networkx", graph);
        var t = new ConstraintMetric().Compute(new MetricContext(f.ToNetwork()), new ConstraintOptions { Weighted = weighted });
        OracleAssert.Nodes(f, weighted ? "constraint:weighted" : "constraint", t);
        Assert.Equal(f.Directed ? "true" : "false", t.Properties["directed"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EffectiveSize_FixtureGraph_MatchesNetworkx(string graph, bool weighted)
    {
        var f = OracleFixture.Load("networkx", graph);
        var t = new EffectiveSizeMetric().Compute(new MetricContext(f.ToNetwork()), new EffectiveSizeOptions { Weighted = weighted });
        OracleAssert.Nodes(f, weighted ? "effective-size:weighted" : "effective-size", t);
    }
}
