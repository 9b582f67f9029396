using System;
using System.Linq;
using GlocalNetworks.Evolution;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

public sealed class TimeSlicerTests
{
    private static string[] Pairs(TimeSlice s)
    {
        var net = s.Network;
        return net.Links.Select(l => net.Innovators.IdOf(l.Source) + "-" + net.Innovators.IdOf(l.Target))
            .Select(p => string.CompareOrdinal(p[..1], p[2..]) <= 0 ? p : p[2..] + "-" + p[..1]).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Yearly_LifetimeProject_IsPresentInEveryYearItSpans()
    {
        var slices = new TimeSlicer(EvolutionNetworks.Hand()).Yearly();

        Assert.Equal(["2014", "2015", "2016", "2017", "2018"], slices.Select(s => s.Label));
        Assert.Equal(["a-c"], Pairs(slices[0]));
        Assert.Equal(["a-b"], Pairs(slices[1]));
        Assert.Equal(["a-b", "b-e", "c-d"], Pairs(slices[2]));
        Assert.Equal(["a-b", "b-e"], Pairs(slices[3]));
        Assert.Equal(["a-b", "a-d"], Pairs(slices[4]));
        Assert.Equal(SliceMode.Yearly, slices.Mode);
    }

    [Fact]
    public void Yearly_IgnoringLifetimes_EqualsBetweenEachYear()
    {
        var net = EvolutionNetworks.Hand();
        var slices = new TimeSlicer(net, ignoreLifetimes: true).Yearly();

        Assert.Equal([1, 1, 2, 0, 1], slices.Select(s => s.LinkCount));
        for (var y = 2014; y <= 2018; y++)
        {
            var between = net.Between(y, y);
            var slice = slices[y - 2014].Network;
            Assert.Equal(between.Links.ToArray(), slice.Links.ToArray());
        }

        Assert.True(slices.Report.IgnoreLifetimes);
        Assert.Equal(0, slices.Report.LinksWithLifetime);
    }

    [Fact]
    public void Report_CountsUndatedAndCarriedOccurrences()
    {
        var r = new TimeSlicer(EvolutionNetworks.Hand()).Report;

        Assert.Equal(6, r.Links);
        Assert.Equal(1, r.UndatedExcluded);
        Assert.Equal(2, r.LinksWithLifetime);
        Assert.Equal(4, r.CarriedOccurrences); // a-b: 2016, 2017, 2018; b-e: 2017
        Assert.Contains("1 undated", r.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_WidthThreeStepOne_UnionOfOverlappingLinks()
    {
        var slices = new TimeSlicer(EvolutionNetworks.Hand()).Windows(3, 1);

        Assert.Equal(["2014-2016", "2015-2017", "2016-2018"], slices.Select(s => s.Label));
        Assert.Equal(["a-b", "a-c", "b-e", "c-d"], Pairs(slices[0]));
        Assert.Equal(["a-b", "b-e", "c-d"], Pairs(slices[1]));
        Assert.Equal(["a-b", "a-d", "b-e", "c-d"], Pairs(slices[2])); // a-b carried over from 2015
        Assert.Equal((2016, 2018), (slices[2].From, slices[2].To));
    }

    [Fact]
    public void Windows_StepTwo_KeepsOnlyFullWindows()
    {
        var slices = new TimeSlicer(EvolutionNetworks.Hand()).Windows(2, 2);

        Assert.Equal(["2014-2015", "2016-2017"], slices.Select(s => s.Label));
        Assert.Equal(["a-b", "a-c"], Pairs(slices[0]));
        Assert.Equal(["a-b", "b-e", "c-d"], Pairs(slices[1]));
        Assert.Empty(new TimeSlicer(EvolutionNetworks.Hand()).Windows(9, 1));
    }

    [Fact]
    public void Cumulative_GrowsToEveryDatedLink()
    {
        var slices = new TimeSlicer(EvolutionNetworks.Hand()).Cumulative();

        Assert.Equal(["2014", "2014-2015", "2014-2016", "2014-2017", "2014-2018"], slices.Select(s => s.Label));
        Assert.Equal([1, 2, 4, 4, 5], slices.Select(s => s.LinkCount));
    }

    [Fact]
    public void Between_ExtendsPastTheLastStartYear_ForLivingLinks()
    {
        var net = TinyNetworks().AddLink("a", "b", LinkKind.JointProject, 1.0, 2015, endYear: 2019).Build();

        var slices = new TimeSlicer(net).Yearly(2014, 2020);

        Assert.Equal([0, 1, 1, 1, 1, 1, 0], slices.Select(s => s.LinkCount));
    }

    [Fact]
    public void Slices_ShareRegionsAndInnovators_AndContiguousSlicesShareLinkArrays()
    {
        var net = EvolutionNetworks.Hand();
        var slices = new TimeSlicer(net).Yearly();

        foreach (var s in slices)
        {
            Assert.Same(net.Regions, s.Network.Regions);
            Assert.Same(net.Innovators, s.Network.Innovators);
        }

        Assert.Same(net.Links.Columns, slices[0].Network.Links.Columns); // 2014: one range, a view
        Assert.Same(net.Links.Columns, slices[2].Network.Links.Columns); // 2016: carried a-b (#2) + range #3..#4: still one range
        Assert.NotSame(net.Links.Columns, slices[4].Network.Links.Columns); // 2018: carried #2 + range #5: copied rows
        Assert.Equal(new[] { Scale.Local, Scale.National, Scale.Global }, slices[2].Network.LinkScales.ToArray().Order());
    }

    [Fact]
    public void Slice_IsBuiltOncePerKey_AcrossSliceSets()
    {
        var slicer = new TimeSlicer(EvolutionNetworks.Hand());
        var yearly = slicer.Yearly();
        var cumulative = slicer.Cumulative();
        foreach (var s in yearly.Concat(cumulative).Concat(slicer.Yearly()))
        {
            _ = s.Network;
        }

        Assert.Same(yearly[0], cumulative[0]); // the key (2014, 2014) is shared
        Assert.Equal(9, slicer.SlicesBuilt); // 5 yearly + 4 more cumulative
    }

    [Fact]
    public void Slicing_NoDatedLinks_GivesNoSlices()
    {
        var net = TinyNetworks().AddLink("a", "b").Build();

        var slicer = new TimeSlicer(net);

        Assert.Empty(slicer.Yearly());
        Assert.Empty(slicer.Cumulative());
        Assert.Equal(1, slicer.Report.UndatedExcluded);
        Assert.Throws<ArgumentOutOfRangeException>(() => slicer.Slice(2015, 2014));
        Assert.Throws<ArgumentOutOfRangeException>(() => slicer.Windows(0, 1));
    }

    private static GlocalNetworkBuilder TinyNetworks() => GlocalNetworks.Tests.TestUtils.TinyNetworks.WorldBuilder()
        .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
        .AddInnovator("b", "B", InnovatorKind.Firm, "Paris");
}
