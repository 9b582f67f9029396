using System.Collections.Generic;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Model;

public sealed partial class GlocalNetworkTests
{
    [Fact]
    public void Links_SortedByYearSourceTarget_UndatedFirst()
    {
        var net = TinyNetworks.Mixed();

        List<(int, int, int?)> expected =
        [
            (1, 6, null), (2, 3, null),
            (0, 2, 2010), (5, 6, 2010),
            (0, 1, 2012),
            (0, 3, 2015), (0, 5, 2015), (1, 5, 2015),
            (3, 4, 2020),
        ];
        Assert.Equal(expected, Rows(net));
        Assert.Equal(2, net.Links.UndatedCount);
        Assert.Equal((2010, 2020), net.Links.YearRange);
    }

    [Fact]
    public void Links_ColumnsFollowTheSortedRows()
    {
        var net = TinyNetworks.Mixed();

        Assert.Equal([1, 2, 0, 5, 0, 0, 0, 1, 3], net.Links.Sources.ToArray());
        Assert.Equal([6, 3, 2, 6, 1, 3, 5, 5, 4], net.Links.Targets.ToArray());
        Assert.Equal([0.5, 1.5, 4.0, 1.0, 3.0, 1.0, 1.0, 2.0, 1.0], net.Links.Weights.ToArray());
        Assert.Equal(
            [LinkKind.CoPublication, LinkKind.JointProject, LinkKind.CoPublication, LinkKind.Citation, LinkKind.CoPatent,
             LinkKind.CoPatent, LinkKind.Alliance, LinkKind.JointProject, LinkKind.Alliance],
            net.Links.Kinds.ToArray());
        Assert.Equal([false, false, false, true, false, false, false, false, false], net.Links.Directed.ToArray());
        Assert.Equal(2017, net.Links[5].EndYear);
        Assert.Null(net.Links[4].EndYear);
        Assert.Null(net.Links.YearOf(0));
        Assert.Equal(2012, net.Links.YearOf(4));
        Assert.True(net.Links.AnyDirected);
        Assert.False(net.Links.AllDirected);
    }

    [Fact]
    public void LinkScales_ParallelToSortedLinks()
    {
        var net = TinyNetworks.Mixed();

        Assert.Equal(
            [Scale.Global, Scale.National, Scale.Regional, Scale.Global, Scale.Local, Scale.National, Scale.Supranational,
             Scale.Supranational, Scale.National],
            net.LinkScales.ToArray());
        Assert.Equal([false, false, false, false, false, false, false, false, true], net.LinkResolutionLimited.ToArray());
        Assert.Equal(1, net.ResolutionLimitedCount);
    }

    [Fact]
    public void Links_SameYearAndSource_SortedByTarget()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Munich")
            .AddInnovator("d", "D", InnovatorKind.Firm, "Munich")
            .AddLink("b", "d", year: 2001)
            .AddLink("b", "a", year: 2001)
            .AddLink("a", "d", year: 2001)
            .AddLink("b", "c", year: 2000)
            .AddLink("c", "a")
            .Build();

        Assert.Equal([(2, 0, null), (1, 2, 2000), (0, 3, 2001), (1, 0, 2001), (1, 3, 2001)], Rows(net));
    }

    [Fact]
    public void Links_IndexOutOfRange_Throws()
    {
        var net = TinyNetworks.Mixed();

        var ex = Assert.Throws<System.ArgumentOutOfRangeException>(() => net.Links[9]);

        Assert.StartsWith("The table has 9 link(s).", ex.Message, System.StringComparison.Ordinal);
    }
}
