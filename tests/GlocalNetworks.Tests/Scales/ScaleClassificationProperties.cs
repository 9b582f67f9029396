using System;
using System.Collections.Generic;
using System.Globalization;
using FsCheck.Xunit;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Scales;

/// <summary>
/// Properties of scale classification on random trees and networks (<see cref="RandomNetworks"/>). FsCheck supplies
/// integers; the structures are built from them by the deterministic generator, so a failing case reproduces from the
/// two integers FsCheck prints.
/// </summary>
public sealed class ScaleClassificationProperties
{
    private static int Seed(int a, int b) => unchecked((a * 100_003) + b);

    private static List<(string Min, string Max, Scale Scale, bool Limited)> Triples(GlocalNetwork net, Func<string, string> toOriginal)
    {
        var result = new List<(string, string, Scale, bool)>(net.Links.Count);
        var src = net.Links.Sources;
        var dst = net.Links.Targets;
        for (var i = 0; i < net.Links.Count; i++)
        {
            var a = toOriginal(net.Innovators.IdOf(src[i]));
            var b = toOriginal(net.Innovators.IdOf(dst[i]));
            var (min, max) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
            result.Add((min, max, net.LinkScales[i], net.LinkResolutionLimited[i]));
        }

        result.Sort(static (x, y) =>
        {
            var c = string.CompareOrdinal(x.Item1, y.Item1);
            c = c != 0 ? c : string.CompareOrdinal(x.Item2, y.Item2);
            c = c != 0 ? c : x.Item3.CompareTo(y.Item3);
            return c != 0 ? c : x.Item4.CompareTo(y.Item4);
        });
        return result;
    }

    private static int NaiveLca(RegionTree tree, int a, int b)
    {
        var ancestorsOfA = new HashSet<int>();
        for (var v = a; v >= 0; v = tree.ParentIndex(v))
        {
            ancestorsOfA.Add(v);
        }

        var w = b;
        while (!ancestorsOfA.Contains(w))
        {
            w = tree.ParentIndex(w);
        }

        return w;
    }

    [Property(MaxTest = 200)]
    public void Relabelling_InnovatorsAndLinkOrder_SameScaleMultiset(int a, int b, int c)
    {
        var spec = RandomNetworks.Network(Seed(a, b));
        var rng = new TestRandom(unchecked((ulong)c * 0x9E3779B97F4A7C15UL));
        var n = spec.InnovatorIds.Count;
        var newName = rng.Permutation(n);
        var renamed = new string[n];
        var original = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            // Reversed-looking names so the ordinal order of ids changes as well as the add order.
            renamed[i] = "z" + (n - newName[i]).ToString("D3", CultureInfo.InvariantCulture);
            original[renamed[i]] = spec.InnovatorIds[i];
        }

        var net = RandomNetworks.Build(spec);
        var relabelled = RandomNetworks.Build(spec, rng.Permutation(n), rng.Permutation(spec.Links.Count), i => renamed[i], swapEnds: false);

        Assert.Equal(Triples(net, id => id), Triples(relabelled, id => original[id]));
    }

    [Property(MaxTest = 200)]
    public void Classify_SwappedEnds_SameScaleAndFlag(int a, int b)
    {
        var spec = RandomNetworks.Network(Seed(a, b));
        var net = RandomNetworks.Build(spec);
        var classifier = LcaScaleClassifier.Instance;

        for (var i = 0; i < net.Innovators.Count; i++)
        {
            for (var j = 0; j < net.Innovators.Count; j++)
            {
                var forward = classifier.Classify(net.Regions, net.Innovators, i, j, out var lf);
                var backward = classifier.Classify(net.Regions, net.Innovators, j, i, out var lb);
                Assert.Equal(forward, backward);
                Assert.Equal(lf, lb);
            }
        }

        var swapped = RandomNetworks.Build(spec, Identity(spec.InnovatorIds.Count), Identity(spec.Links.Count), k => spec.InnovatorIds[k], swapEnds: true);
        Assert.Equal(Triples(net, id => id), Triples(swapped, id => id));
    }

    [Property(MaxTest = 200)]
    public void LcaIndex_EqualsNaiveAncestorSetIntersection(int a, int b)
    {
        var rng = new TestRandom(unchecked((ulong)Seed(a, b)));
        var tree = RegionTree.Build(RandomNetworks.Tree(rng), RegionLadder.Default);

        for (var x = 0; x < tree.Count; x++)
        {
            var p = tree.ParentIndex(x);
            Assert.Equal(p < 0 ? 0 : tree.Depth(p) + 1, tree.Depth(x));
            for (var y = 0; y < tree.Count; y++)
            {
                var expected = NaiveLca(tree, x, y);
                Assert.Equal(expected, tree.LcaIndex(x, y));
                Assert.Same(tree[expected], tree.Lca(tree[x], tree[y]));
            }
        }
    }

    [Property(MaxTest = 200)]
    public void LinkScales_MatchNaiveLcaAndCountsSumToLinkCount(int a, int b)
    {
        var spec = RandomNetworks.Network(Seed(a, b));
        var net = RandomNetworks.Build(spec);
        var tree = net.Regions;
        var homes = net.Innovators.RegionIndices;
        var counts = new int[5];
        var limited = 0;

        for (var i = 0; i < net.Links.Count; i++)
        {
            var s = homes[net.Links.Sources[i]];
            var t = homes[net.Links.Targets[i]];
            var lca = NaiveLca(tree, s, t);
            Assert.Equal(tree.Ladder.ScaleOf(tree[lca].Level), net.LinkScales[i]);
            Assert.Equal((lca == s || lca == t) && tree[lca].Level.Rank > 0, net.LinkResolutionLimited[i]);
            counts[(int)net.LinkScales[i]]++;
            limited += net.LinkResolutionLimited[i] ? 1 : 0;
        }

        Assert.Equal(spec.Links.Count, net.Links.Count);
        Assert.Equal(net.Links.Count, counts[0] + counts[1] + counts[2] + counts[3] + counts[4]);
        Assert.Equal(limited, net.ResolutionLimitedCount);
        var sliced = 0;
        foreach (var scale in net.Ladder.Scales)
        {
            sliced += net.AtScales(scale).Links.Count;
        }

        Assert.Equal(net.Links.Count, sliced);
    }

    [Fact]
    public void Generator_CoversEveryScaleBothFlagsAndSkippedLevels()
    {
        var counts = new int[5];
        int limited = 0, exact = 0, skipping = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var net = RandomNetworks.Build(RandomNetworks.Network(seed));
            for (var i = 0; i < net.Links.Count; i++)
            {
                counts[(int)net.LinkScales[i]]++;
                _ = net.LinkResolutionLimited[i] ? limited++ : exact++;
            }

            foreach (var r in net.Regions)
            {
                if (r.ParentId is { } p && net.Regions[p].Level.Rank > r.Level.Rank + 1)
                {
                    skipping++;
                }
            }
        }

        Assert.All(counts, c => Assert.True(c > 50, $"only {c} links at one scale"));
        Assert.True(limited > 50);
        Assert.True(exact > 50);
        Assert.True(skipping > 50);
    }

    private static int[] Identity(int n)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = i;
        }

        return p;
    }
}
