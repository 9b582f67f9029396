using System;
using System.Globalization;
using FsCheck.Xunit;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>Laws of the region flow matrix on seeded random networks (RandomNetworks: innovators at any level).</summary>
public sealed class RegionFlowsProperties
{
    private static readonly string[] Levels = ["city", "province", "country", "world-region"];

    private static MatrixResult Flows(GlocalNetworks.Model.GlocalNetwork net, string level, bool directed) =>
        new RegionFlowsMetric().Compute(new MetricContext(net), new RegionFlowsOptions { Level = level, Directed = directed });

    [Property(MaxTest = 200)]
    public bool SumOfF_PlusUngroupedWeight_IsTheTotalLinkWeight(int seed, bool directed, byte level)
    {
        var net = RandomNetworks.Build(RandomNetworks.Network(seed));
        var r = Flows(net, Levels[level % Levels.Length], directed);
        var m = r.ToMatrix();
        var sum = 0.0;
        for (var i = 0; i < m.RowCount; i++)
        {
            for (var j = directed ? 0 : i; j < m.ColumnCount; j++)
            {
                sum += m[i, j];
            }
        }

        // Every link weighs 1; an undirected link counts once, a directed view sees it both ways.
        var expected = net.Links.Count * (directed ? 2.0 : 1.0);
        var ungrouped = double.Parse(r.Properties["ungroupedWeight"], CultureInfo.InvariantCulture);
        var allGrouped = r.Properties["ungrouped"] == "0";
        return Math.Abs(sum + ungrouped - expected) < 1e-9
            && Math.Abs(double.Parse(r.Properties["total"], CultureInfo.InvariantCulture) - expected) < 1e-9
            && (!allGrouped || (ungrouped == 0 && Math.Abs(sum - expected) < 1e-9))
            && (directed || m.Equals(m.Transpose()));
    }

    [Property(MaxTest = 150)]
    public bool RelabellingInnovators_LeavesTheMatrixUnchanged(int seed, bool directed, byte level)
    {
        var spec = RandomNetworks.Network(seed);
        var rng = new TestRandom((ulong)(uint)seed);
        var n = spec.InnovatorIds.Count;
        var relabelled = RandomNetworks.Build(spec, rng.Permutation(n), rng.Permutation(spec.Links.Count),
            i => "z" + (n - i).ToString(CultureInfo.InvariantCulture), swapEnds: false);
        var lv = Levels[level % Levels.Length];
        var a = Flows(RandomNetworks.Build(spec), lv, directed);
        var b = Flows(relabelled, lv, directed);
        return a.RowIds.Count == b.RowIds.Count && a.ToMatrix().Equals(b.ToMatrix()) && a.Properties["ungrouped"] == b.Properties["ungrouped"];
    }
}
