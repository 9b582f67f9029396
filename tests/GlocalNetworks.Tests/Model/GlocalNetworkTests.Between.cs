using System;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Model;

public sealed partial class GlocalNetworkTests
{
    [Fact]
    public void Between_IncludesBothEndsAndExcludesUndated()
    {
        var net = TinyNetworks.Mixed();

        var slice = net.Between(2010, 2015);

        Assert.Equal(6, slice.Links.Count);
        Assert.Equal(0, slice.Links.UndatedCount);
        Assert.Equal([(0, 2, 2010), (5, 6, 2010), (0, 1, 2012), (0, 3, 2015), (0, 5, 2015), (1, 5, 2015)], Rows(slice));
        Assert.Equal((2010, 2015), slice.Links.YearRange);
    }

    [Fact]
    public void Between_SharesTheArraysAsAnIndexRange()
    {
        var net = TinyNetworks.Mixed();

        var slice = net.Between(2012, 2015);

        Assert.Same(net.Links.Columns, slice.Links.Columns);
        Assert.Equal(net.Links.Start + 4, slice.Links.Start);
        Assert.Equal(4, slice.Links.Count);
        Assert.Same(net.Regions, slice.Regions);
        Assert.Same(net.Innovators, slice.Innovators);
        Assert.Same(net.Organisers, slice.Organisers);
        Assert.Equal([Scale.Local, Scale.National, Scale.Supranational, Scale.Supranational], slice.LinkScales.ToArray());
        Assert.Equal(0, slice.ResolutionLimitedCount);
    }

    [Theory]
    [InlineData(2011, 2014, 1)]
    [InlineData(2016, 2019, 0)]
    [InlineData(2020, 2020, 1)]
    [InlineData(2010, 2010, 2)]
    [InlineData(1900, 2100, 7)]
    [InlineData(2021, 2030, 0)]
    [InlineData(int.MinValue, int.MaxValue, 7)]
    public void Between_Counts(int from, int to, int expected)
    {
        var slice = TinyNetworks.Mixed().Between(from, to);

        Assert.Equal(expected, slice.Links.Count);
        for (var i = 0; i < slice.Links.Count; i++)
        {
            var y = slice.Links.YearOf(i);
            Assert.NotNull(y);
            Assert.InRange(y.Value, from, to);
        }
    }

    [Fact]
    public void Between_OfASlice_NarrowsFurther()
    {
        var slice = TinyNetworks.Mixed().Between(2010, 2015).Between(2015, 2020);

        Assert.Equal([(0, 3, 2015), (0, 5, 2015), (1, 5, 2015)], Rows(slice));
        Assert.Equal([Scale.National, Scale.Supranational, Scale.Supranational], slice.LinkScales.ToArray());
    }

    [Fact]
    public void Between_EndBeforeStart_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => TinyNetworks.Mixed().Between(2015, 2010));

        Assert.Equal("toYear", ex.ParamName);
        Assert.StartsWith("The range ends before it starts (2015..2010).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_FlaggedLink_KeepsItsFlag()
    {
        var slice = TinyNetworks.Mixed().Between(2020, 2020);

        Assert.Equal([true], slice.LinkResolutionLimited.ToArray());
        Assert.Equal(1, slice.ResolutionLimitedCount);
    }
}
