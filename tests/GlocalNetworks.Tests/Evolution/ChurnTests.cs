using GlocalNetworks.Evolution;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

public sealed class ChurnTests
{
    // Hand network by year: 2014 {a-c}; 2015 {a-b}; 2016 {a-b, b-e, c-d}; 2017 {a-b, b-e}; 2018 {a-b, a-d}.
    private static readonly ChurnResult Hand = EvolutionNetworks.Hand().Evolve().Yearly().Churn();

    private static double[] Col(string c) => Hand.Transitions.Column(c).ToArray();

    [Fact]
    public void Transitions_LinksEnteringLeavingPersisting_ByHand()
    {
        Assert.Equal(["2015", "2016", "2017", "2018"], Hand.Transitions.Ids);
        Assert.Equal([1.0, 1, 3, 2], Col("previous-links"));
        Assert.Equal([1.0, 3, 2, 2], Col("links"));
        Assert.Equal([1.0, 2, 0, 1], Col("entering")); // a-b; b-e, c-d; -; a-d
        Assert.Equal([1.0, 0, 1, 1], Col("leaving")); // a-c; -; c-d; b-e
        Assert.Equal([0.0, 1, 2, 1], Col("persisting"));
    }

    [Fact]
    public void Transitions_JaccardAndPersistence_ByHand()
    {
        // J = |∩| / |∪|: 0/2, 1/3, 2/3, 1/3. P = |∩| / |E_{t-1}|: 0/1, 1/1, 2/3, 1/2.
        var j = Col("jaccard");
        var p = Col("persistence");
        Assert.Equal([0.0, 1.0 / 3, 2.0 / 3, 1.0 / 3], j);
        Assert.Equal([0.0, 1, 2.0 / 3, 0.5], p);
    }

    [Fact]
    public void Transitions_Innovators_ByHand()
    {
        // Active: 2014 {a,c}; 2015 {a,b}; 2016 {a,b,c,d,e}; 2017 {a,b,e}; 2018 {a,b,d}.
        Assert.Equal([2.0, 2, 5, 3], Col("previous-innovators"));
        Assert.Equal([2.0, 5, 3, 3], Col("innovators"));
        Assert.Equal([1.0, 3, 0, 1], Col("innovators.entering"));
        Assert.Equal([1.0, 0, 2, 1], Col("innovators.leaving"));
        Assert.Equal([1.0, 2, 3, 2], Col("innovators.persisting"));
    }

    [Fact]
    public void Transitions_ScaleMixOfEnteringVersusLeaving_ByHand()
    {
        // 2016 enters b-e (National, weight 2) and c-d (Global, weight 1); 2017 loses c-d; 2018 gains a-d (Global), loses b-e.
        var t = Hand.Transitions;
        Assert.Equal(1.0, t["2016", "entering.count.national"]);
        Assert.Equal(1.0, t["2016", "entering.count.global"]);
        Assert.Equal(0.5, t["2016", "entering.count-share.global"]);
        Assert.Equal(1.0 / 3, t["2016", "entering.share.global"], 15); // weights 1 of 3
        Assert.Equal(1.0, t["2017", "leaving.count.global"]);
        Assert.True(double.IsNaN(t["2017", "entering.share.global"])); // nothing entered
        Assert.Equal(1.0, t["2018", "leaving.count.national"]);
        Assert.Equal(2.0, t["2018", "leaving.weight"]);
        Assert.Equal(1.0, t["2015", "leaving.count.supranational"]); // a-c: Munich-Paris, LCA Europe
        Assert.Equal(1.0, t["2015", "entering.count.local"]); // a-b: both in Munich
    }

    [Fact]
    public void Survival_CohortsAndHalfLife_ByHand()
    {
        // Cohorts (links entering at t0): 2015 {a-b}, 2016 {b-e, c-d}, 2017 {}, 2018 {a-d}.
        var s = Hand.Survival;
        Assert.Equal(["2015", "2016", "2017", "2018", "all"], s.Ids);
        Assert.Equal([1.0, 2, 0, 1, 4], s.Column("born").ToArray());
        Assert.Equal([1.0, 1, 1, 1], new[] { s["2015", "s.0"], s["2015", "s.1"], s["2015", "s.2"], s["2015", "s.3"] });
        Assert.True(double.IsNaN(s["2015", "half-life"]));
        Assert.Equal([1.0, 0.5, 0.0], new[] { s["2016", "s.0"], s["2016", "s.1"], s["2016", "s.2"] });
        Assert.True(double.IsNaN(s["2016", "s.3"])); // not observed
        Assert.Equal(1.0, s["2016", "half-life"]);
        Assert.True(double.IsNaN(s["2017", "s.0"])); // empty cohort
        // Pooled: τ0 4/4; τ1 (2015: 1, 2016: 1 of 2, 2017: 0 of 0) 2/3; τ2 (2015: 1, 2016: 0) 1/3; τ3 (2015) 1/1.
        Assert.Equal([1.0, 2.0 / 3, 1.0 / 3, 1.0], new[] { s["all", "s.0"], s["all", "s.1"], s["all", "s.2"], s["all", "s.3"] });
        Assert.Equal(2.0, s["all", "half-life"]);
    }

    [Fact]
    public void Churn_LinkBornIn2012GoneIn2014()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Paris")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Rome")
            .AddLink("a", "b", LinkKind.JointProject, 1.0, 2012, endYear: 2013)
            .AddLink("b", "c", LinkKind.JointProject, 1.0, 2011, endYear: 2014)
            .Build();

        var c = net.Evolve().Yearly().Churn();

        Assert.Equal(["2012", "2013", "2014"], c.Transitions.Ids);
        Assert.Equal([1.0, 0, 0], c.Transitions.Column("entering").ToArray());
        Assert.Equal([0.0, 0, 1], c.Transitions.Column("leaving").ToArray());
        Assert.Equal(1.0, c.Survival["2012", "s.1"]);
        Assert.Equal(0.0, c.Survival["2012", "s.2"]);
        Assert.Equal(2.0, c.Survival["2012", "half-life"]);
    }

    [Fact]
    public void Identity_ByKindAndDirection()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Paris")
            .AddLink("a", "b", LinkKind.CoPatent, 1.0, 2015)
            .AddLink("b", "a", LinkKind.CoPublication, 1.0, 2016)
            .AddLink("a", "b", LinkKind.Citation, 1.0, 2017, directed: true)
            .AddLink("b", "a", LinkKind.Citation, 1.0, 2018, directed: true)
            .Build();

        double[] Persisting(ChurnOptions o) => net.Evolve().Churn(o).Transitions.Column("persisting").ToArray();

        Assert.Equal([1.0, 0, 0], Persisting(new ChurnOptions())); // {a,b} persists; then a->b and b->a are ordered
        Assert.Equal([0.0, 0, 0], Persisting(new ChurnOptions { ByKind = true }));
        Assert.Equal([1.0, 1, 1], Persisting(new ChurnOptions { Directed = false }));
        Assert.Equal(0.0, Persisting(new ChurnOptions { Directed = true })[2]); // a->b, then b->a
        Assert.Equal("pair,per-link", net.Evolve().Churn().Properties["identity"]);
    }

    [Fact]
    public void Churn_ParallelLinks_AreOneIdentityWithSummedWeight()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Tokyo")
            .AddLink("a", "b", LinkKind.CoPatent, 1.0, 2015)
            .AddLink("a", "b", LinkKind.CoPatent, 2.0, 2015)
            .AddLink("a", "b", LinkKind.CoPatent, 1.0, 2017)
            .Build();

        var t = net.Evolve().Churn().Transitions;

        Assert.Equal(1.0, t["2017", "entering.weight"]);
        Assert.Equal(1.0, t["2016", "previous-links"]);
        Assert.Equal(3.0, t["2016", "leaving.weight"]);
        Assert.Equal(1.0, t["2017", "entering.count.global"]);
    }
}
