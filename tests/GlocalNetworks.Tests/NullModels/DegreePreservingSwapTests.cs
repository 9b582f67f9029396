using System;
using System.Collections.Generic;
using System.Threading;
using FsCheck.Xunit;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using GlocalNetworks.NullModels;
using GlocalNetworks.Scales;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.NullModels;

public sealed class DegreePreservingSwapTests
{
    private static double TotalWeight(GlocalNetwork net)
    {
        double s = 0;
        foreach (var w in net.Links.Weights)
        {
            s += w;
        }

        return s;
    }

    private static void AssertPreserved(GlocalNetwork before, GlocalNetwork after)
    {
        var (u0, o0, i0) = NullModelNetworks.TieDegrees(before);
        var (u1, o1, i1) = NullModelNetworks.TieDegrees(after);
        Assert.Equal(u0, u1);
        Assert.Equal(o0, o1);
        Assert.Equal(i0, i1);
        Assert.Equal(NullModelNetworks.Attributes(before), NullModelNetworks.Attributes(after));
        Assert.Equal(TotalWeight(before), TotalWeight(after), 9);
        Assert.Equal(NullModelNetworks.Ties(before).Count, NullModelNetworks.Ties(after).Count);
        Assert.Equal(before.Links.Count, after.Links.Count);
        Assert.Same(before.Innovators, after.Innovators);
        Assert.Same(before.Regions, after.Regions);
        var src = after.Links.Sources;
        var dst = after.Links.Targets;
        for (var i = 0; i < after.Links.Count; i++)
        {
            Assert.NotEqual(src[i], dst[i]);
        }
    }

    [Fact]
    public void Sample_Undirected_PreservesDegreesWeightsAndAttributes()
    {
        var net = NullModelNetworks.Random(1, 40, 120);
        var rep = NullModel.DegreePreserving.Sample(net, 42, 0);

        AssertPreserved(net, rep.Network);
        Assert.False(rep.HitAttemptLimit);
        // 10 swaps per tie: the ties are the distinct pairs.
        Assert.Equal(10L * NullModelNetworks.Ties(net).Count, rep.Swaps);
    }

    [Fact]
    public void Sample_Directed_PreservesInAndOutDegrees()
    {
        var net = NullModelNetworks.Random(2, 40, 120, directedShare: 1);
        var rep = NullModel.DegreePreserving.Sample(net, 42, 3);

        Assert.True(net.Links.AllDirected);
        AssertPreserved(net, rep.Network);
        Assert.True(rep.Network.Links.AllDirected);
    }

    [Fact]
    public void Sample_MixedDirections_RewiresEachClassOnItsOwn()
    {
        var net = NullModelNetworks.Random(3, 40, 150, directedShare: 0.4);
        var rep = NullModel.DegreePreserving.Sample(net, 7, 1);

        AssertPreserved(net, rep.Network);
    }

    [Fact]
    public void Sample_ParallelLinks_MoveTogetherAsOneTie()
    {
        // a-b carries three links (2001, 2002, 2003), c-d one: every replicate has a tie with exactly those three links.
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("a", "A", InnovatorKind.Firm, "Munich").AddInnovator("b", "B", InnovatorKind.Firm, "Paris")
            .AddInnovator("c", "C", InnovatorKind.Firm, "Rome").AddInnovator("d", "D", InnovatorKind.Firm, "Tokyo")
            .AddLink("a", "b", LinkKind.CoPatent, 1, 2001).AddLink("a", "b", LinkKind.CoPatent, 2, 2002).AddLink("b", "a", LinkKind.Alliance, 3, 2003)
            .AddLink("c", "d", LinkKind.JointProject, 4, 2004)
            .Build();
        for (var k = 0; k < 20; k++)
        {
            var rep = NullModel.DegreePreserving.Sample(net, 5, k).Network;
            var byTie = new Dictionary<(int, int), double>();
            var l = rep.Links;
            for (var i = 0; i < l.Count; i++)
            {
                var key = (Math.Min(l.Sources[i], l.Targets[i]), Math.Max(l.Sources[i], l.Targets[i]));
                byTie[key] = byTie.GetValueOrDefault(key) + l.Weights[i];
            }

            Assert.Equal(2, byTie.Count);
            Assert.Equal([4.0, 6.0], Sorted(byTie.Values));
        }
    }

    [Fact]
    public void Sample_SameSeedAndReplicate_IdenticalNetwork()
    {
        var net = NullModelNetworks.Random(4, 30, 80, directedShare: 0.3);

        var a = NullModel.DegreePreserving.Sample(net, 99, 5).Network;
        var b = NullModel.DegreePreserving.Sample(net, 99, 5).Network;

        Assert.Equal(NullModelNetworks.Rows(a), NullModelNetworks.Rows(b));
    }

    [Fact]
    public void Sample_DifferentReplicateOrSeed_DifferentNetwork()
    {
        var net = NullModelNetworks.Random(5, 30, 80);

        var a = NullModelNetworks.Rows(NullModel.DegreePreserving.Sample(net, 99, 5).Network);
        var b = NullModelNetworks.Rows(NullModel.DegreePreserving.Sample(net, 99, 6).Network);
        var c = NullModelNetworks.Rows(NullModel.DegreePreserving.Sample(net, 100, 5).Network);

        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(NullModelNetworks.Rows(net), a);
    }

    [Fact]
    public void Sample_RandomisesMostTies()
    {
        // 10 swaps per tie replace each tie several times over: few of the original ties survive (by chance only).
        var net = NullModelNetworks.Random(6, 200, 600);
        var before = NullModelNetworks.Ties(net);
        var after = NullModelNetworks.Ties(NullModel.DegreePreserving.Sample(net, 1, 0).Network);

        after.IntersectWith(before);
        Assert.True(after.Count < before.Count / 10, $"{after.Count} of {before.Count} ties survived.");
    }

    [Fact]
    public void Sample_ScalesRecomputedForNewEnds()
    {
        var net = NullModelNetworks.Random(7, 30, 90, directedShare: 0.2);
        var rep = NullModel.DegreePreserving.Sample(net, 3, 2).Network;
        var l = rep.Links;
        var changed = 0;
        for (var i = 0; i < l.Count; i++)
        {
            var expected = LcaScaleClassifier.Instance.Classify(rep.Regions, rep.Innovators, l.Sources[i], l.Targets[i], out var limited);
            Assert.Equal(expected, rep.LinkScales[i]);
            Assert.Equal(limited, rep.LinkResolutionLimited[i]);
        }

        var s0 = new int[5];
        var s1 = new int[5];
        foreach (var s in net.LinkScales)
        {
            s0[(int)s]++;
        }

        foreach (var s in rep.LinkScales)
        {
            s1[(int)s]++;
        }

        for (var k = 0; k < 5; k++)
        {
            changed += Math.Abs(s0[k] - s1[k]);
        }

        Assert.True(changed > 0, "The scale mix should move when ties are rewired across regions.");
    }

    [Fact]
    public void Sample_Star_HitsAttemptLimitAndStaysAStar()
    {
        // Every swap of two spokes either duplicates a spoke or makes a self-loop at the hub: nothing can move.
        var b = TinyNetworks.WorldBuilder().AddInnovator("hub", "Hub", InnovatorKind.Firm, "Munich");
        for (var i = 0; i < 5; i++)
        {
            b.AddInnovator(NullModelNetworks.Id(i), "x", InnovatorKind.Firm, "Paris").AddLink("hub", NullModelNetworks.Id(i));
        }

        var net = b.Build();
        var rep = NullModel.DegreePreserving.Sample(net, 42, 0);

        Assert.True(rep.HitAttemptLimit);
        Assert.Equal(0, rep.Swaps);
        Assert.Equal(500, rep.Attempts);
        Assert.Equal(NullModelNetworks.Rows(net), NullModelNetworks.Rows(rep.Network));
    }

    [Fact]
    public void Sample_CustomCounts_UsesThem()
    {
        var net = NullModelNetworks.Random(8, 30, 60);
        var ties = NullModelNetworks.Ties(net).Count;

        var rep = new DegreePreservingSwap { SwapsPerTie = 3, MaxAttemptsPerTie = 50 }.Sample(net, 1, 0);

        Assert.Equal(3L * ties, rep.Swaps);
        Assert.InRange(rep.Attempts, rep.Swaps, 50L * ties);
    }

    [Fact]
    public void Sample_EmptyNetwork_ReturnsEmptyReplicate()
    {
        var net = TinyNetworks.WorldBuilder().AddInnovator("a", "A", InnovatorKind.Firm, "Munich").Build();

        var rep = NullModel.DegreePreserving.Sample(net, 1, 0);

        Assert.Equal(0, rep.Network.Links.Count);
        Assert.False(rep.HitAttemptLimit);
    }

    [Fact]
    public void Sample_TimeSlice_RewiresOnlyTheSlice()
    {
        var net = NullModelNetworks.Random(9, 30, 120).Between(2003, 2006);

        var rep = NullModel.DegreePreserving.Sample(net, 1, 0).Network;

        AssertPreserved(net, rep);
    }

    [Fact]
    public void Sample_Cancelled_Throws()
    {
        var net = NullModelNetworks.Random(10, 30, 60);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => NullModel.DegreePreserving.Sample(net, 1, 0, cts.Token));
    }

    [Fact]
    public void Run_NonSimpleEdgeList_Throws()
    {
        int[] u = [0, 1];
        int[] v = [1, 0];

        Assert.Throws<ArgumentException>(() => DoubleEdgeSwap.Run(u, v, false, 1, 10, new DeterministicRandom(1)));
    }

    [Fact]
    public void Run_DirectedTwoEdges_OnlyPossibleSwap()
    {
        // 0→1, 2→3 can only become 0→3, 2→1 (then back): after an odd number of swaps the edges are the swapped pair.
        int[] u = [0, 2];
        int[] v = [1, 3];

        var r = DoubleEdgeSwap.Run(u, v, true, 1, 100, new DeterministicRandom(1));

        Assert.Equal(1, r.Swaps);
        Assert.Equal([0, 2], u);
        Assert.Equal([3, 1], v);
    }

    [Property(MaxTest = 100)]
    public void Sample_AnySeed_PreservesDegreeSequence(ulong seed, int replicate, bool directed)
    {
        var net = NullModelNetworks.Random(seed % 997, 12, 30, directed ? 0.7 : 0);
        var rep = NullModel.DegreePreserving.Sample(net, seed, Math.Abs(replicate % 1000)).Network;

        var (u0, o0, i0) = NullModelNetworks.TieDegrees(net);
        var (u1, o1, i1) = NullModelNetworks.TieDegrees(rep);
        Assert.Equal(u0, u1);
        Assert.Equal(o0, o1);
        Assert.Equal(i0, i1);
        Assert.Equal(NullModelNetworks.Ties(net).Count, NullModelNetworks.Ties(rep).Count);
    }

    private static List<double> Sorted(IEnumerable<double> values)
    {
        var l = new List<double>(values);
        l.Sort();
        return l;
    }
}

public sealed class EdgeKeySetTests
{
    [Property(MaxTest = 50)]
    public void EdgeKeySet_RandomOperations_AgreeWithHashSet(ulong seed, bool tiny)
    {
        // Keys from a small range over a small table: long probe runs, wrap-around and many backward shifts. The tiny
        // table (16 slots) is filled to its limit of 8 keys.
        var rng = new DeterministicRandom(seed);
        var limit = tiny ? 8 : 40;
        var set = new EdgeKeySet(tiny ? 4 : 40);
        var reference = new HashSet<long>();
        for (var step = 0; step < 2000; step++)
        {
            var key = (long)rng.NextInt(200) * (rng.NextInt(2) == 0 ? 1 : 1L << 32);
            var op = rng.NextInt(3);
            if (op == 0 && reference.Count < limit)
            {
                Assert.Equal(reference.Add(key), set.Add(key));
            }
            else if (op == 1)
            {
                reference.Remove(key);
                set.Remove(key);
            }

            Assert.Equal(reference.Contains(key), set.Contains(key));
            Assert.Equal(reference.Count, set.Count);
        }

        foreach (var k in reference)
        {
            Assert.True(set.Contains(k));
        }
    }
}
