using System;
using System.Globalization;
using System.Linq;
using GlocalNetworks.Evolution;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;
using Xunit.Abstractions;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Preferential attachment (DESIGN §2.13): a hand-computed tiny case and recovery of a known exponent.</summary>
public sealed class AttachmentTests(ITestOutputHelper output)
{
    /// <summary>
    /// 2010: a-b, b-c (cumulative degrees a 1, b 2, c 1; N_1 = 2, N_2 = 1). 2011: a-b again (not new), d-b (newcomer to
    /// old degree 2), a-c (old-old, degrees 1 and 1), e-a (newcomer to old degree 1), d-e (newcomer-newcomer).
    /// Jeong: A_1 = 1 (e-a), A_2 = 1 (d-b); Π(1) = 1/2, Π(2) = 1/1; κ(1) = 0.5, κ(2) = 1.5; with MinNodes 1 the slope of
    /// ln κ on ln k is ln(1.5/0.5)/ln 2 = ln 3/ln 2 = 1.58496, α̂ = 0.58496.
    /// Newman: A_1 = 2 (a-c, both ends) + 1 (e-a) = 3, A_2 = 1 (d-b); R(1) = 1.5, R(2) = 1; slope ln(1/1.5)/ln 2 = −0.58496.
    /// Σ A (Newman) = 4 = 2 × 1 old-old link + 2 newcomer-old links.
    /// </summary>
    internal static GlocalNetwork Tiny() => TinyNetworks.WorldBuilder()
        .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
        .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
        .AddInnovator("c", "C", InnovatorKind.Firm, "Munich")
        .AddInnovator("d", "D", InnovatorKind.Firm, "Munich")
        .AddInnovator("e", "E", InnovatorKind.Firm, "Munich")
        .AddLink("a", "b", LinkKind.Other, 1.0, 2010)
        .AddLink("b", "c", LinkKind.Other, 1.0, 2010)
        .AddLink("a", "b", LinkKind.Other, 1.0, 2011)
        .AddLink("d", "b", LinkKind.Other, 1.0, 2011)
        .AddLink("a", "c", LinkKind.Other, 1.0, 2011)
        .AddLink("e", "a", LinkKind.Other, 1.0, 2011)
        .AddLink("d", "e", LinkKind.Other, 1.0, 2011)
        .Build();

    [Fact]
    public void Attachment_TinyHandCase_CountsPiKappaRAndFits()
    {
        var r = Tiny().Evolve().Yearly().Attachment(new AttachmentOptions { MinNodes = 1 });
        var d = r.Degrees;

        Assert.Equal(["2011|1", "2011|2", "all|1", "all|2"], d.Ids);
        Assert.Equal(2, d["2011|1", "nodes"]);
        Assert.Equal(1, d["2011|2", "nodes"]);
        Assert.Equal(1, d["2011|1", "jeong.ends"]);
        Assert.Equal(1, d["2011|2", "jeong.ends"]);
        Assert.Equal(0.5, d["2011|1", "jeong.pi"]);
        Assert.Equal(1.0, d["2011|2", "jeong.pi"]);
        Assert.Equal(0.5, d["2011|1", "jeong.kappa"]);
        Assert.Equal(1.5, d["2011|2", "jeong.kappa"]);
        Assert.Equal(3, d["2011|1", "newman.ends"]);
        Assert.Equal(1, d["2011|2", "newman.ends"]);
        Assert.Equal(1.5, d["2011|1", "newman.r"]);
        Assert.Equal(1.0, d["2011|2", "newman.r"]);

        var p = r.Pairs;
        Assert.Equal(["2011", "all"], p.Ids);
        Assert.Equal(3, p["2011", "old-nodes"]);
        Assert.Equal(4, p["2011", "new-links"]);
        Assert.Equal(2, p["2011", "newcomer-old-links"]);
        Assert.Equal(1, p["2011", "old-old-links"]);
        Assert.Equal(1, p["2011", "newcomer-links"]);
        var slope = Math.Log(3) / Math.Log(2);
        Assert.Equal(slope - 1, p["2011", "jeong.alpha"], 12);
        Assert.Equal(-(slope - 1), p["2011", "newman.alpha"], 12);
        Assert.True(double.IsNaN(p["2011", "jeong.se"])); // two points: no residual degrees of freedom
        Assert.Equal(2, p["2011", "jeong.points"]);
        Assert.Equal(slope - 1, r.AlphaJeong, 12);
        Assert.Equal(-(slope - 1), r.AlphaNewman, 12);
        Assert.Equal(1, r.Network["pairs"]);
    }

    [Fact]
    public void Attachment_DefaultMinNodes_DropsSmallDegreeClasses()
    {
        // N_1 = 2 and N_2 = 1 are both below 5: nothing to fit, NaN exponents (counts still reported).
        var r = Tiny().Evolve().Yearly().Attachment();

        Assert.True(double.IsNaN(r.AlphaJeong));
        Assert.Equal(0, r.Network["jeong.points"]);
        Assert.Equal(0, r.Degrees["2011|1", "jeong.fitted"]);
        Assert.Equal(4, r.Network["new-links"]);
    }

    [Fact]
    public void Attachment_SnapshotSliceOnly_UsesTheSliceDegrees()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich").AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Munich").AddInnovator("x", "X", InnovatorKind.Firm, "Munich")
            .AddLink("a", "b", LinkKind.Other, 1.0, 2010)
            .AddLink("b", "c", LinkKind.Other, 1.0, 2011)
            .AddLink("x", "a", LinkKind.Other, 1.0, 2012)
            .Build();
        var cumulative = net.Evolve().Yearly().Attachment(new AttachmentOptions { MinNodes = 1 });
        var slice = net.Evolve().Yearly().Attachment(new AttachmentOptions { MinNodes = 1, Cumulative = false });

        // Cumulative at 2011: a 1, b 2, c 1; x joins a (degree 1). Slice 2011 alone: b 1, c 1; a is not there, so x-a
        // links two newcomers.
        Assert.Equal(1, cumulative.Degrees["2012|1", "jeong.ends"]);
        Assert.Equal(0, slice.Pairs["2012", "newcomer-old-links"]);
        Assert.Equal(1, slice.Pairs["2012", "newcomer-links"]);
        Assert.Equal(2, slice.Degrees["2012|1", "nodes"]);
    }

    [Fact]
    public void Attachment_NoSlicesOrOneSlice_EmptyAndNaN()
    {
        var r = EvolutionNetworks.Hand().Evolve().Between(2014, 2014).Attachment();

        Assert.Equal(["all"], r.Pairs.Ids);
        Assert.True(double.IsNaN(r.AlphaNewman));
        Assert.Equal(0, r.Network["pairs"]);
    }

    [Fact]
    public void Attachment_Delta2_CountsLinksOfBothLaterSlices()
    {
        var r = Tiny().Evolve().Between(2009, 2011).Attachment(new AttachmentOptions { Delta = 2, MinNodes = 1 });

        // Pair (2009, 2011): the 2009 snapshot is empty, so every new link is newcomer-newcomer.
        Assert.Equal(["2011", "all"], r.Pairs.Ids);
        Assert.Equal(6, r.Pairs["2011", "new-links"]); // a-b, b-c (2010) and d-b, a-c, e-a, d-e (2011)
        Assert.Equal(6, r.Pairs["2011", "newcomer-links"]);
    }

    /// <summary>
    /// The acceptance test of issue 5: grow 20,000 innovators, 3 links each, by Π ∝ k^α over 20 yearly arrival cohorts,
    /// and recover α from yearly slices (cumulative snapshots, Δ = 1, MinNodes 5, pooled over the 19 pairs by summing
    /// A_k and N_k). Measured over seeds 0..19 (<see cref="Attachment_GrownGraphs_SpreadOver20Seeds"/>, 2026-11-25):
    /// <code>
    /// α = 1  : Jeong mean 1.0269 sd 0.0107 [1.0113, 1.0499]; Newman mean 0.9894 sd 0.0174 [0.9558, 1.0194]
    /// α = 0.5: Jeong mean 0.6149 sd 0.0111 [0.5914, 0.6435]; Newman mean 0.4225 sd 0.0400 [0.3355, 0.4837]
    /// </code>
    /// The spread between seeds is small (sd 0.01-0.04); the error is mostly BIAS, largest for α = 0.5: Jeong's κ sums
    /// Π from the smallest degree present (3 here, not 1), so ln κ bends upwards at small k (+0.11); Newman's pooled R(k)
    /// mixes early pairs (high rate per unit k^α, few high-degree nodes) with late ones (lower rate, the high degrees),
    /// which flattens the slope (−0.08). DESIGN's ±0.1 holds for α = 1 but not for α = 0.5. Tolerances: the largest
    /// |α̂ − α| over the 20 seeds rounded up to the next 0.025, plus 0.025.
    /// </summary>
    [Theory]
    [InlineData(1.0, 1UL, 0.075, 0.075)]
    [InlineData(1.0, 2UL, 0.075, 0.075)]
    [InlineData(0.5, 1UL, 0.175, 0.2)]
    [InlineData(0.5, 2UL, 0.175, 0.2)]
    public void Attachment_GrownByKnownRule_RecoversAlpha(double alpha, ulong seed, double jeongTolerance, double newmanTolerance)
    {
        var r = PreferentialGrowth.Grow(20_000, 3, alpha, seed).Evolve().Yearly().Attachment();

        Assert.Equal(19, r.Network["pairs"]);
        Assert.InRange(r.AlphaJeong, alpha - jeongTolerance, alpha + jeongTolerance);
        Assert.InRange(r.AlphaNewman, alpha - newmanTolerance, alpha + newmanTolerance);
        Assert.True(r.Network["jeong.se"] > 0 && r.Network["newman.se"] > 0);
    }

    /// <summary>Prints the spread over 20 seeds (about 10 s); the numbers above come from it.</summary>
    [Fact]
    public void Attachment_GrownGraphs_SpreadOver20Seeds()
    {
        foreach (var alpha in new[] { 1.0, 0.5 })
        {
            var j = new double[20];
            var n = new double[20];
            for (var s = 0; s < 20; s++)
            {
                var r = PreferentialGrowth.Grow(20_000, 3, alpha, (ulong)s).Evolve().Yearly().Attachment();
                (j[s], n[s]) = (r.AlphaJeong, r.AlphaNewman);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"alpha {alpha}: jeong mean {j.Average():F4} sd {Sd(j):F4} min {j.Min():F4} max {j.Max():F4}; newman mean {n.Average():F4} sd {Sd(n):F4} min {n.Min():F4} max {n.Max():F4}"));
        }
    }

    private static double Sd(double[] x)
    {
        var m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }
}
