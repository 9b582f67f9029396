using System.Collections.Generic;
using GlocalNetworks.Interop;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.TestUtils;

/// <summary>Asserts that two networks are the same: regions, innovators, every link column, scales, organisers and CSR.</summary>
public static class NetworkAssert
{
    /// <summary>Asserts equality of everything a network holds.</summary>
    /// <param name="expected">The reference network.</param>
    /// <param name="actual">The network under test.</param>
    /// <param name="compareCsr">Whether to also compare the undirected weighted CSR built from both.</param>
    public static void Equal(GlocalNetwork expected, GlocalNetwork actual, bool compareCsr = true)
    {
        Assert.Equal(expected.Ladder.Name, actual.Ladder.Name);
        Assert.Equal(expected.Regions.Count, actual.Regions.Count);
        for (var i = 0; i < expected.Regions.Count; i++)
        {
            Assert.Equal(expected.Regions[i], actual.Regions[i]);
            Assert.Equal(expected.Regions.ParentIndex(i), actual.Regions.ParentIndex(i));
        }

        Assert.Equal(expected.Innovators.Count, actual.Innovators.Count);
        for (var i = 0; i < expected.Innovators.Count; i++)
        {
            var a = expected.Innovators[i];
            var b = actual.Innovators[i];
            Assert.Equal((a.Id, a.Name, a.Kind, a.RegionId, a.Location), (b.Id, b.Name, b.Kind, b.RegionId, b.Location));
            Assert.Equal(new SortedDictionary<string, string>(ToDictionary(a.Attributes), System.StringComparer.Ordinal),
                new SortedDictionary<string, string>(ToDictionary(b.Attributes), System.StringComparer.Ordinal));
        }

        Assert.Equal(expected.Innovators.RegionIndices.ToArray(), actual.Innovators.RegionIndices.ToArray());
        var x = expected.Links;
        var y = actual.Links;
        Assert.Equal(x.Count, y.Count);
        Assert.Equal(x.UndatedCount, y.UndatedCount);
        Assert.Equal(x.Sources.ToArray(), y.Sources.ToArray());
        Assert.Equal(x.Targets.ToArray(), y.Targets.ToArray());
        Assert.Equal(x.Weights.ToArray(), y.Weights.ToArray());
        Assert.Equal(x.Kinds.ToArray(), y.Kinds.ToArray());
        Assert.Equal(x.Directed.ToArray(), y.Directed.ToArray());
        Assert.Equal(x.YearsRaw.ToArray(), y.YearsRaw.ToArray());
        Assert.Equal(x.EndYearsRaw.ToArray(), y.EndYearsRaw.ToArray());
        Assert.Equal(x.Columns.Date[x.Start..(x.Start + x.Count)], y.Columns.Date[y.Start..(y.Start + y.Count)]);
        Assert.Equal(expected.LinkScales.ToArray(), actual.LinkScales.ToArray());
        Assert.Equal(expected.LinkResolutionLimited.ToArray(), actual.LinkResolutionLimited.ToArray());
        Assert.Equal(expected.Organisers.Count, actual.Organisers.Count);
        for (var i = 0; i < expected.Organisers.Count; i++)
        {
            var a = expected.Organisers[i];
            var b = actual.Organisers[i];
            Assert.Equal((a.Id, a.Name, a.RegionId), (b.Id, b.Name, b.RegionId));
            Assert.Equal(a.MemberIds, b.MemberIds);
        }

        if (compareCsr)
        {
            var view = GraphView.UndirectedWeighted;
            var g = expected.ToCsrGraph(view);
            var h = actual.ToCsrGraph(view);
            Assert.Equal(g.Offsets.ToArray(), h.Offsets.ToArray());
            Assert.Equal(g.Targets.ToArray(), h.Targets.ToArray());
            Assert.Equal(g.AllWeights.ToArray(), h.AllWeights.ToArray());
        }
    }

    private static Dictionary<string, string> ToDictionary(IReadOnlyDictionary<string, string> d)
    {
        var r = new Dictionary<string, string>(d.Count);
        foreach (var kv in d)
        {
            r[kv.Key] = kv.Value;
        }

        return r;
    }
}
