using GlocalNetworks.Evolution;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Triadic closure and homophily of new links (DESIGN §2.13), by hand.</summary>
public sealed class FormationTests
{
    /// <summary>
    /// Innovators (kind, city → country): a Firm Munich DE, b University Munich DE, c Firm Munich DE, d Firm Paris FR,
    /// e Firm Tokyo JP, f University Munich DE, g University Paris FR. Organisers O1 {a, c, f}, O2 {d, g, a}.
    /// 2010: a-b, b-c, d-e. 2011: a-b (again, not new), a-c (closes a-b-c), a-d (both present, no common neighbour),
    /// c-f (f is new), f-g (both new).
    /// </summary>
    internal static GlocalNetwork Hand() => TinyNetworks.WorldBuilder()
        .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
        .AddInnovator("b", "B", InnovatorKind.University, "Munich")
        .AddInnovator("c", "C", InnovatorKind.Firm, "Munich")
        .AddInnovator("d", "D", InnovatorKind.Firm, "Paris")
        .AddInnovator("e", "E", InnovatorKind.Firm, "Tokyo")
        .AddInnovator("f", "F", InnovatorKind.University, "Munich")
        .AddInnovator("g", "G", InnovatorKind.University, "Paris")
        .AddOrganiser("O1", "One", "DE", ["a", "c", "f"])
        .AddOrganiser("O2", "Two", "FR", ["d", "g", "a"])
        .AddLink("a", "b", LinkKind.JointProject, 1.0, 2010)
        .AddLink("b", "c", LinkKind.JointProject, 1.0, 2010)
        .AddLink("d", "e", LinkKind.JointProject, 1.0, 2010)
        .AddLink("a", "b", LinkKind.JointProject, 1.0, 2011)
        .AddLink("a", "c", LinkKind.JointProject, 1.0, 2011)
        .AddLink("a", "d", LinkKind.JointProject, 1.0, 2011)
        .AddLink("c", "f", LinkKind.JointProject, 1.0, 2011)
        .AddLink("f", "g", LinkKind.JointProject, 1.0, 2011)
        .Build();

    [Fact]
    public void Formation_HandCase_ClosureShare()
    {
        var c = Hand().Evolve().Yearly().Formation().Closure;

        Assert.Equal(["2011", "all"], c.Ids);
        Assert.Equal(4, c["2011", "new-links"]);
        Assert.Equal(2, c["2011", "between-present"]);
        Assert.Equal(1, c["2011", "closed"]);
        Assert.Equal(0.5, c["2011", "closure-share"]);
        Assert.Equal(1, c["2011", "newcomer-present"]);
        Assert.Equal(1, c["2011", "newcomer-newcomer"]);
        Assert.Equal(0, c["2011", "adjacent"]);
        Assert.Equal(0.5, c["all", "closure-share"]);
    }

    [Fact]
    public void Formation_HandCase_HomophilyAgainstBaseline()
    {
        var h = Hand().Evolve().Yearly().Formation(new FormationOptions { Level = "country" }).Homophily;

        // Active in 2011: a, b, c, d, f, g. Countries: DE a b c f (4), FR d g (2): baseline (6 + 1) / C(6,2) = 7/15.
        // New links a-c DE-DE, a-d DE-FR, c-f DE-DE, f-g DE-FR: share 2/4.
        Assert.Equal(6, h["2011", "active"]);
        Assert.Equal(4, h["2011", "region.links"]);
        Assert.Equal(2, h["2011", "region.same"]);
        Assert.Equal(0.5, h["2011", "region.share"]);
        Assert.Equal(7.0 / 15, h["2011", "region.baseline"], 15);
        Assert.Equal(0.5 / (7.0 / 15), h["2011", "region.ratio"], 14);

        // Kinds: Firm a c d, University b f g: baseline (3 + 3) / 15 = 0.4. New: a-c F-F, a-d F-F, c-f F-U, f-g U-U: 3/4.
        Assert.Equal(0.75, h["2011", "kind.share"]);
        Assert.Equal(0.4, h["2011", "kind.baseline"], 15);
        Assert.Equal(1.875, h["2011", "kind.ratio"], 14);

        // Organisers: active members a c d f g (b is in none): C(5,2) = 10 pairs; sharing one: O1 {a,c} {a,f} {c,f},
        // O2 {d,g} {a,d} {a,g}: 6, baseline 0.6. New: a-c (O1), a-d (O2), c-f (O1) share one, f-g does not: 3/4.
        Assert.Equal(4, h["2011", "organiser.links"]);
        Assert.Equal(3, h["2011", "organiser.same"]);
        Assert.Equal(0.6, h["2011", "organiser.baseline"], 15);
        Assert.Equal(1.25, h["2011", "organiser.ratio"], 14);
    }

    [Fact]
    public void Formation_PreviousSliceOnly_LooksForCommonNeighboursInTheLastSliceOnly()
    {
        // 2010: a-b, b-c; 2011: d-e; 2012: a-c. Cumulative up to 2011: a and c share b (closed). Slice 2011 alone: no.
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich").AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Munich").AddInnovator("d", "D", InnovatorKind.Firm, "Munich")
            .AddInnovator("e", "E", InnovatorKind.Firm, "Munich")
            .AddLink("a", "b", LinkKind.Other, 1.0, 2010).AddLink("b", "c", LinkKind.Other, 1.0, 2010)
            .AddLink("d", "e", LinkKind.Other, 1.0, 2011).AddLink("a", "c", LinkKind.Other, 1.0, 2012)
            .Build();

        var cumulative = net.Evolve().Yearly().Formation().Closure;
        var previous = net.Evolve().Yearly().Formation(new FormationOptions { PreviousSliceOnly = true }).Closure;

        Assert.Equal(1, cumulative["2012", "closure-share"]);
        Assert.Equal(0, previous["2012", "closure-share"]);
        Assert.Equal(1, previous["2012", "between-present"]); // presence is still "by t"
    }

    [Fact]
    public void Formation_NoNewLinks_NaNShares()
    {
        // 2014 {a-c}; 2015 {a-b}; ... the pair (2017, 2018) has a-d new; the pair (2016, 2017) has none (a-b, b-e persist).
        var f = EvolutionNetworks.Hand().Evolve().Yearly().Formation();

        Assert.Equal(0, f.Closure["2017", "new-links"]);
        Assert.True(double.IsNaN(f.Closure["2017", "closure-share"]));
        Assert.True(double.IsNaN(f.Homophily["2017", "kind.share"]));
        Assert.True(double.IsNaN(f.Homophily["2017", "organiser.baseline"])); // no organisers at all
    }

    [Fact]
    public void AttachmentAndFormation_Cancelled_Throw()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        var e = Hand().Evolve().Yearly().WithCancellation(cts.Token);

        Assert.Throws<System.OperationCanceledException>(() => e.Formation());
        Assert.Throws<System.OperationCanceledException>(() => e.Attachment());
    }

    [Fact]
    public void Formation_UnknownLevel_Throws()
    {
        Assert.Throws<UnknownRegionLevelException>(() => Hand().Evolve().Yearly().Formation(new FormationOptions { Level = "galaxy" }));
    }

    [Fact]
    public void Formation_Properties_RecordTheChoices()
    {
        var f = Hand().Evolve().Yearly().Formation(new FormationOptions { Level = "country", PreviousSliceOnly = true });

        Assert.Equal("country", f.Properties["level"]);
        Assert.Equal("previous-slice", f.Properties["closure-network"]);
        Assert.Equal("pair,per-link", f.Properties["identity"]);
        Assert.Equal("2", f.Properties["organisers"]);
    }
}
