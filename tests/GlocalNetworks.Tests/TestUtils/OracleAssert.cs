using System;
using GlocalNetworks.Metrics;
using Xunit;

namespace GlocalNetworks.Tests.TestUtils;

/// <summary>Compares results with oracle fixtures: a value passes when |actual - expected| &lt;= tol · max(1, |expected|) (NaN equals NaN).</summary>
internal static class OracleAssert
{
    public static readonly string[] UndirectedGraphs = ["karate", "florentine", "lesmis", "davis", "gnp60"];

    public static readonly string[] DirectedGraphs = ["digraph50", "dangling"];

    public static readonly string[] AllGraphs = [.. UndirectedGraphs, .. DirectedGraphs];

    public static void Close(double expected, double actual, double tolerance, string what)
    {
        if (double.IsNaN(expected) && double.IsNaN(actual))
        {
            return;
        }

        var ok = expected == actual || Math.Abs(actual - expected) <= tolerance * Math.Max(1.0, Math.Abs(expected));
        Assert.True(ok, $"{what}: expected {expected:R}, got {actual:R} (tolerance {tolerance:G3}).");
    }

    /// <summary>Every node of the fixture's metric against the table's column.</summary>
    public static void Nodes(OracleFixture f, string metricKey, KeyedTable table, string column = KeyedTable.ValueColumn, double? tolerance = null)
    {
        var tol = tolerance ?? f.Tolerance(metricKey);
        var expected = f.NodeValues(metricKey);
        Assert.Equal(expected.Count, table.Count);
        foreach (var (id, e) in expected)
        {
            Close(e, table[id, column], tol, $"{f.Oracle} {f.Graph} {metricKey} node {id}");
        }
    }
}
