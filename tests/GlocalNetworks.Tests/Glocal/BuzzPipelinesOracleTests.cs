using System.Collections.Generic;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>buzz-pipelines against networkx 3.6.1 (tests/oracles/buzz_pipelines.py).</summary>
public class BuzzPipelinesOracleTests
{
    /// <summary>The fixture's graph on a world &gt; country &gt; province tree: an innovator with a <c>region</c> attribute
    /// lives in that province, the others in their country only.</summary>
    private static GlocalNetwork Network(OracleFixture f)
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("world", "World", "world");
        var region = f.Attributes["region"];
        var country = f.Attributes["country"];
        var added = new HashSet<string>();
        foreach (var n in f.Nodes)
        {
            var c = country[n];
            if (added.Add(c))
            {
                b.AddRegion(c, c, "country", "world");
            }

            if (region.TryGetValue(n, out var p) && added.Add(p))
            {
                b.AddRegion(p, p, "province", c);
            }
        }

        foreach (var n in f.Nodes)
        {
            b.AddInnovator(n, n, InnovatorKind.Firm, region.TryGetValue(n, out var p) ? p : country[n]);
        }

        foreach (var (s, t, w) in f.Edges)
        {
            b.AddLink(s, t, weight: w);
        }

        return b.Build();
    }

    [Theory]
    [InlineData("buzz-pipelines:weighted", true)]
    [InlineData("buzz-pipelines:count", false)]
    public void Compute_MatchesNetworkxOnEveryRegionAndColumn(string key, bool weighted)
    {
        var f = OracleFixture.Load("networkx", "buzz_pipelines");
        var net = Network(f);

        var t = new BuzzPipelinesMetric().Compute(new MetricContext(net),
            new BuzzPipelinesOptions { Level = "province", ReachLevel = "country", Weighted = weighted });

        var tol = f.Tolerance(key);
        var values = f.Metric(key).GetProperty("values");
        var rows = 0;
        foreach (var row in values.EnumerateObject())
        {
            rows++;
            var columns = 0;
            foreach (var cell in row.Value.EnumerateObject())
            {
                columns++;
                var expected = cell.Value.ValueKind == System.Text.Json.JsonValueKind.String ? double.NaN : cell.Value.GetDouble();
                OracleAssert.Close(expected, t[row.Name, cell.Name], tol, $"{f.Oracle} {key} {row.Name} {cell.Name}");
            }

            Assert.Equal(t.Columns.Count, columns);
        }

        Assert.Equal(8, rows);
        Assert.Equal(8, t.Count);
        Assert.Equal("3", t.Properties["ungrouped"]);
    }
}
