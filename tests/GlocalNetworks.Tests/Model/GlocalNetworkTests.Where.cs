using System.Collections.Generic;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Model;

public sealed partial class GlocalNetworkTests
{
    [Fact]
    public void Where_LinkKind_KeepsThatKind()
    {
        var net = TinyNetworks.Mixed();

        var copatents = net.Where(new LinkFilter { LinkKinds = [LinkKind.CoPatent] });

        Assert.Equal([(0, 1, 2012), (0, 3, 2015)], Rows(copatents));
        Assert.Equal([Scale.Local, Scale.National], copatents.LinkScales.ToArray());
        Assert.Equal([3.0, 1.0], copatents.Links.Weights.ToArray());
        Assert.Equal(2017, copatents.Links[1].EndYear);
        Assert.Equal(Rows(copatents), Rows(net.WithLinkKinds(LinkKind.CoPatent)));
    }

    [Fact]
    public void Where_SeveralLinkKinds_KeepsAnyOfThem()
    {
        var kept = TinyNetworks.Mixed().WithLinkKinds(LinkKind.Alliance, LinkKind.Citation);

        Assert.Equal([(5, 6, 2010), (0, 5, 2015), (3, 4, 2020)], Rows(kept));
        Assert.Equal([true, false, false], kept.Links.Directed.ToArray());
    }

    [Fact]
    public void Where_InnovatorKinds_BothEndsMustMatch()
    {
        var net = TinyNetworks.Mixed();

        var firms = net.WithInnovatorKinds(InnovatorKind.Firm);
        var firmsAndUniversities = net.WithInnovatorKinds(InnovatorKind.Firm, InnovatorKind.University);

        Assert.Equal([(0, 2, 2010), (0, 5, 2015)], Rows(firms));
        Assert.Equal([(1, 6, null), (0, 2, 2010), (5, 6, 2010), (0, 1, 2012), (0, 5, 2015), (1, 5, 2015)], Rows(firmsAndUniversities));
        Assert.Equal(1, firmsAndUniversities.Links.UndatedCount);
    }

    [Fact]
    public void Where_Scale_KeepsThoseScales()
    {
        var net = TinyNetworks.Mixed();

        var national = net.AtScales(Scale.National);
        var far = net.Where(new LinkFilter { Scales = [Scale.Supranational, Scale.Global] });

        Assert.Equal([(2, 3, null), (0, 3, 2015), (3, 4, 2020)], Rows(national));
        Assert.Equal([true], national.AtScales(Scale.National).Where(new LinkFilter { ResolutionLimited = true }).LinkResolutionLimited.ToArray());
        Assert.Equal([(1, 6, null), (5, 6, 2010), (0, 5, 2015), (1, 5, 2015)], Rows(far));
    }

    [Fact]
    public void Where_Region_BothEndsWithin()
    {
        var net = TinyNetworks.Mixed();

        var germany = net.WithinRegion("DE");
        var bavaria = net.Where(new LinkFilter { WithinRegionId = "Bavaria" });
        var munich = net.WithinRegion("Munich");

        // d1-de counts: 'de' sits at DE itself, which is within DE.
        Assert.Equal([(2, 3, null), (0, 2, 2010), (0, 1, 2012), (0, 3, 2015), (3, 4, 2020)], Rows(germany));
        Assert.Equal([(0, 2, 2010), (0, 1, 2012)], Rows(bavaria));
        Assert.Equal([(0, 1, 2012)], Rows(munich));
        Assert.Equal(9, net.WithinRegion("world").Links.Count);
    }

    [Fact]
    public void Where_UnknownRegion_Throws()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => TinyNetworks.Mixed().WithinRegion("Bavria"));

        Assert.Equal("Unknown region id 'Bavria'. Did you mean 'Bavaria'?", ex.Message);
    }

    [Fact]
    public void Where_ResolutionLimited_KeepsOrDropsFlagged()
    {
        var net = TinyNetworks.Mixed();

        var flagged = net.Where(new LinkFilter { ResolutionLimited = true });
        var clean = net.Where(new LinkFilter { ResolutionLimited = false });

        Assert.Equal([(3, 4, 2020)], Rows(flagged));
        Assert.Equal(1, flagged.ResolutionLimitedCount);
        Assert.Equal(8, clean.Links.Count);
        Assert.Equal(0, clean.ResolutionLimitedCount);
    }

    [Fact]
    public void Where_Years_ExcludeUndated()
    {
        var net = TinyNetworks.Mixed();

        var from2012 = net.Where(new LinkFilter { FromYear = 2012 });
        var to2012 = net.Where(new LinkFilter { ToYear = 2012 });

        Assert.Equal([(0, 1, 2012), (0, 3, 2015), (0, 5, 2015), (1, 5, 2015), (3, 4, 2020)], Rows(from2012));
        Assert.Equal([(0, 2, 2010), (5, 6, 2010), (0, 1, 2012)], Rows(to2012));
    }

    [Fact]
    public void Where_CombinedCriteria_AllMustHold()
    {
        var kept = TinyNetworks.Mixed().Where(new LinkFilter
        {
            FromYear = 2010,
            ToYear = 2015,
            WithinRegionId = "DE",
            LinkKinds = [LinkKind.CoPatent, LinkKind.CoPublication],
        });

        Assert.Equal([(0, 2, 2010), (0, 1, 2012), (0, 3, 2015)], Rows(kept));
        Assert.Equal([Scale.Regional, Scale.Local, Scale.National], kept.LinkScales.ToArray());
    }

    [Fact]
    public void Where_EmptyFilter_ReturnsSameSnapshot()
    {
        var net = TinyNetworks.Mixed();

        Assert.Same(net, net.Where(new LinkFilter()));
    }

    [Fact]
    public void Where_NothingPasses_IsEmptyButKeepsInnovators()
    {
        var net = TinyNetworks.Mixed();

        var none = net.WithLinkKinds(LinkKind.Mobility);

        Assert.Empty(none.Links);
        Assert.Equal(7, none.Innovators.Count);
        Assert.Null(none.Links.YearRange);
    }
}
