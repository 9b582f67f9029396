using GlocalNetworks.Comparison;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Comparison;

public sealed class NetworkDistancesTests
{
    // First: a, b, c, d with ties a-b (twice), b-c, c-d. Second: b, c, d, e with ties b-c, c-d, b-d, d-e.
    private static (GlocalNetwork First, GlocalNetwork Second) Pair()
    {
        var first = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Paris")
            .AddInnovator("d", "D", InnovatorKind.Firm, "Rome")
            .AddLink("a", "b").AddLink("b", "a", weight: 2).AddLink("b", "c").AddLink("c", "d")
            .Build();
        var second = TinyNetworks.WorldBuilder()
            .AddInnovator("b", "B", InnovatorKind.Firm, "Munich")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Paris")
            .AddInnovator("d", "D", InnovatorKind.Firm, "Rome")
            .AddInnovator("e", "E", InnovatorKind.Firm, "Tokyo")
            .AddLink("c", "b").AddLink("c", "d").AddLink("b", "d").AddLink("d", "e")
            .Build();
        return (first, second);
    }

    [Fact]
    public void Jaccard_SharedInnovators_HandComputed()
    {
        var (first, second) = Pair();
        // Shared b, c, d. First's ties on them: b-c, c-d; second's: b-c, c-d, b-d. J = 2 / 3.
        var c = NetworkDistances.JaccardCounts(first, second);

        Assert.Equal((3, 2, 3, 2), (c.SharedInnovators, c.FirstTies, c.SecondTies, c.CommonTies));
        Assert.Equal(2.0 / 3, NetworkDistances.Jaccard(first, second), 12);
        Assert.Equal(1, NetworkDistances.Jaccard(first, first));
    }

    [Fact]
    public void Jaccard_NoSharedTies_NaN()
    {
        var (first, _) = Pair();
        var empty = first.Where(new LinkFilter { LinkKinds = [LinkKind.CoPatent] });

        Assert.True(double.IsNaN(NetworkDistances.Jaccard(empty, empty)));
        Assert.Equal(1.0 / 3, NetworkDistances.Jaccard(first, first.AtScales(Scale.Local)), 12);   // {a-b} vs {a-b, b-c, c-d}
    }

    [Fact]
    public void DegreeKs_HandComputed()
    {
        var (first, second) = Pair();
        // Degrees (distinct partners): first a 1, b 2, c 2, d 1; second b 2, c 2, d 3, e 1.
        // F1(1) = 1/2, F2(1) = 1/4; F1(2) = 1, F2(2) = 3/4; F1(3) = F2(3) = 1: D = 1/4.
        Assert.Equal(0.25, NetworkDistances.DegreeKs(first, second), 12);
        Assert.Equal(0, NetworkDistances.DegreeKs(first, first));
    }

    [Fact]
    public void DegreeKs_IsolatedInnovatorsOnlyWhenAsked()
    {
        var (first, _) = Pair();
        var local = first.AtScales(Scale.Local);   // a-b twice: degrees a 1, b 1; c, d isolated

        Assert.Equal(0.5, NetworkDistances.DegreeKs(first, local), 12);                        // [1,1,2,2] vs [1,1]
        Assert.Equal(0.5, NetworkDistances.DegreeKs(first, local, includeIsolated: true), 12); // [1,1,2,2] vs [0,0,1,1]
    }

    [Fact]
    public void Ks_Samples_HandComputed()
    {
        Assert.Equal(1, NetworkDistances.Ks([1, 2, 3], [4, 5]));
        Assert.Equal(0.5, NetworkDistances.Ks([1, 2], [2, 3]), 12);
        Assert.True(double.IsNaN(NetworkDistances.Ks([], [1])));
    }

    [Fact]
    public void Correlation_SharedIdsSkippingNaN_HandComputed()
    {
        var t1 = new NodeTable("x", ["x", "y", "z", "w"], [1, 2, 3, double.NaN]);
        var t2 = new NodeTable("x", ["y", "z", "x", "w", "q"], [20, 10, 5, 7, 9]);
        // Pairs (1, 5), (2, 20), (3, 10): r = 5 / sqrt(2 · 116.667); ranks (1, 2, 3) vs (1, 3, 2): ρ = 0.5.
        var c = NetworkDistances.Correlation(t1, t2);

        Assert.Equal(3, c.Count);
        Assert.Equal(5 / System.Math.Sqrt(2 * (350.0 / 3)), c.Pearson, 12);
        Assert.Equal(0.5, c.Spearman, 12);
    }

    [Fact]
    public void Pairwise_OneRowPerPair()
    {
        var (first, second) = Pair();
        var t = NetworkDistances.Pairwise([new("first", first), new("second", second), new("again", first)]);

        Assert.Equal(["first vs second", "first vs again", "second vs again"], t.Ids);
        Assert.Equal(2.0 / 3, t["first vs second", "jaccard"], 12);
        Assert.Equal(0.25, t["first vs second", "ks-degree"], 12);
        Assert.Equal(1, t["first vs again", "jaccard"]);
        Assert.Equal(3, t["second vs again", "shared-innovators"]);
    }
}
