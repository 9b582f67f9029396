using System;
using System.Collections.Generic;
using GlocalNetworks.Evolution;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>The tracker turns a data error on one slice into a per-slice issue (NaN there) instead of failing the run.</summary>
public sealed class TrackerIssueTests
{
    /// <summary>Citations by year: 2010 a→b→c; 2011 x→y, y→x (a cycle); 2012 p→q→r, p→r.</summary>
    private static GlocalNetwork Citations()
    {
        var b = GlocalNetwork.CreateBuilder();
        foreach (var v in new[] { "a", "b", "c", "x", "y", "p", "q", "r" })
        {
            b.AddInnovator(v, v, InnovatorKind.Other, RegionTree.ImplicitRootId);
        }

        var arcs = new List<(string, string, int)> { ("a", "b", 2010), ("b", "c", 2010), ("x", "y", 2011), ("y", "x", 2011), ("p", "q", 2012), ("q", "r", 2012), ("p", "r", 2012) };
        foreach (var (s, t, y) in arcs)
        {
            b.AddLink(s, t, LinkKind.Citation, 1.0, y, directed: true);
        }

        return b.Build();
    }

    [Fact]
    public void Run_SliceWithCycleUnderThrow_IsAnIssue_OtherSlicesHaveValues()
    {
        var t = Citations().Evolve().Yearly().Track(StandardMetrics.MainPath, o => o with { Cycles = CyclePolicy.Throw }).Run();

        var issue = Assert.Single(t.Issues);
        Assert.Equal("2011", issue.Slice);
        Assert.Equal(MainPathMetric.MetricId, issue.MetricId);
        Assert.Equal(nameof(GraphNotAcyclicException), issue.ErrorType);
        Assert.Contains("'x' -> 'y' -> 'x'", issue.Message, StringComparison.Ordinal);
        var paths = t.GetSeries("main-path.paths");
        Assert.Equal(1, paths[0]); // a→b→c
        Assert.True(double.IsNaN(paths[1]));
        Assert.Equal(2, paths[2]); // p→q→r and p→r
    }

    [Fact]
    public void Run_SliceWithCycleUnderBreak_HasNoIssue()
    {
        var t = Citations().Evolve().Yearly().Track("main-path").Run();

        Assert.Empty(t.Issues);
        Assert.Equal(1, t.GetSeries("main-path.dropped-arcs")[1]);
    }
}
