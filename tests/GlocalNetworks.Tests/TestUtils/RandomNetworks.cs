using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Model;

namespace GlocalNetworks.Tests.TestUtils;

/// <summary>A tiny deterministic generator (SplitMix64) for test data; the same seed gives the same values everywhere.</summary>
public sealed class TestRandom
{
    private ulong _state;

    /// <summary>Creates the generator.</summary>
    /// <param name="seed">The seed.</param>
    public TestRandom(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    /// <returns>The bits.</returns>
    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value.</param>
    /// <returns>The integer.</returns>
    public int Next(int min, int max) => min + (int)(NextUInt64() % (ulong)(max - min + 1));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    /// <param name="p">The probability.</param>
    /// <returns>The coin.</returns>
    public bool Chance(double p) => (NextUInt64() >> 11) * (1.0 / (1UL << 53)) < p;

    /// <summary>A uniformly random permutation of 0..n-1 (Fisher–Yates).</summary>
    /// <param name="n">The length.</param>
    /// <returns>The permutation.</returns>
    public int[] Permutation(int n)
    {
        var p = new int[n];
        for (var i = 0; i < n; i++)
        {
            p[i] = i;
        }

        for (var i = n - 1; i > 0; i--)
        {
            var j = Next(0, i);
            (p[i], p[j]) = (p[j], p[i]);
        }

        return p;
    }
}

/// <summary>A generated network: regions (in a shuffled order), innovators placed at random regions, random links.</summary>
/// <param name="Regions">The regions on <see cref="RegionLadder.Default"/>, children possibly before parents.</param>
/// <param name="InnovatorIds">The innovator ids.</param>
/// <param name="InnovatorRegions">Each innovator's home region id, parallel to <paramref name="InnovatorIds"/>.</param>
/// <param name="Links">The links as (source, target) positions in <paramref name="InnovatorIds"/>; never a self-loop.</param>
/// <param name="LinkYears">Each link's year or <see langword="null"/>, parallel to <paramref name="Links"/>.</param>
public sealed record NetworkSpec(
    IReadOnlyList<Region> Regions,
    IReadOnlyList<string> InnovatorIds,
    IReadOnlyList<string> InnovatorRegions,
    IReadOnlyList<(int Source, int Target)> Links,
    IReadOnlyList<int?> LinkYears);

/// <summary>Deterministic random region trees and networks on the default ladder, for property tests.</summary>
public static class RandomNetworks
{
    /// <summary>
    /// A random tree on the default ladder: one world root; 1–3 world regions; countries under a world region or, now and
    /// then, straight under the root; provinces under countries; cities under provinces or straight under countries (so
    /// chains skip levels). Regions come in a shuffled order; ids are <c>R0</c>, <c>R1</c>, ...
    /// </summary>
    /// <param name="rng">The generator.</param>
    /// <returns>The regions.</returns>
    public static List<Region> Tree(TestRandom rng)
    {
        var ladder = RegionLadder.Default;
        var list = new List<Region>();
        string Add(string level, string? parent)
        {
            var id = "R" + list.Count.ToString(CultureInfo.InvariantCulture);
            list.Add(new Region(id, id, ladder.GetLevel(level), parent));
            return id;
        }

        var root = Add("world", null);
        var worldRegions = new List<string>();
        for (var w = rng.Next(1, 3); w > 0; w--)
        {
            worldRegions.Add(Add("world-region", root));
        }

        for (var c = rng.Next(1, 6); c > 0; c--)
        {
            var parent = rng.Chance(0.15) ? root : worldRegions[rng.Next(0, worldRegions.Count - 1)];
            var country = Add("country", parent);
            for (var p = rng.Next(0, 3); p > 0; p--)
            {
                var province = Add("province", country);
                for (var k = rng.Next(0, 3); k > 0; k--)
                {
                    Add("city", province);
                }
            }

            for (var k = rng.Next(0, 2); k > 0; k--)
            {
                Add("city", country);
            }
        }

        var order = rng.Permutation(list.Count);
        var shuffled = new List<Region>(list.Count);
        foreach (var i in order)
        {
            shuffled.Add(list[i]);
        }

        return shuffled;
    }

    /// <summary>A random network spec: <see cref="Tree"/>, 2–14 innovators at random regions (any level, the root
    /// included), and 0–30 links between distinct innovators, a third of them undated.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The spec.</returns>
    public static NetworkSpec Network(int seed)
    {
        var rng = new TestRandom(unchecked((ulong)seed * 0x2545F4914F6CDD1DUL + 1));
        var regions = Tree(rng);
        var n = rng.Next(2, 14);
        var ids = new List<string>(n);
        var homes = new List<string>(n);
        for (var i = 0; i < n; i++)
        {
            ids.Add("I" + i.ToString(CultureInfo.InvariantCulture));
            homes.Add(regions[rng.Next(0, regions.Count - 1)].Id);
        }

        var links = new List<(int, int)>();
        var years = new List<int?>();
        for (var m = rng.Next(0, 30); m > 0; m--)
        {
            var s = rng.Next(0, n - 1);
            var t = rng.Next(0, n - 2);
            if (t >= s)
            {
                t++;
            }

            links.Add((s, t));
            years.Add(rng.Chance(0.33) ? null : rng.Next(2000, 2010));
        }

        return new NetworkSpec(regions, ids, homes, links, years);
    }

    /// <summary>Builds the spec as given (ids and order unchanged).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The network.</returns>
    public static GlocalNetwork Build(NetworkSpec spec) =>
        Build(spec, Identity(spec.InnovatorIds.Count), Identity(spec.Links.Count), i => spec.InnovatorIds[i], swapEnds: false);

    /// <summary>
    /// Builds the spec with innovators added in the order <paramref name="innovatorOrder"/>, links added in the order
    /// <paramref name="linkOrder"/>, innovator <c>i</c> renamed <paramref name="rename"/>(i), and optionally every link's
    /// ends swapped.
    /// </summary>
    /// <param name="spec">The spec.</param>
    /// <param name="innovatorOrder">A permutation of the innovator positions.</param>
    /// <param name="linkOrder">A permutation of the link positions.</param>
    /// <param name="rename">The new id of the innovator at each position (must be a bijection).</param>
    /// <param name="swapEnds">Whether to add each link as (target, source).</param>
    /// <returns>The network.</returns>
    public static GlocalNetwork Build(NetworkSpec spec, int[] innovatorOrder, int[] linkOrder, Func<int, string> rename, bool swapEnds)
    {
        var b = GlocalNetwork.CreateBuilder();
        foreach (var r in spec.Regions)
        {
            b.AddRegion(r.Id, r.Name, r.Level.Name, r.ParentId, r.Centroid);
        }

        foreach (var i in innovatorOrder)
        {
            b.AddInnovator(rename(i), rename(i), InnovatorKind.Firm, spec.InnovatorRegions[i]);
        }

        foreach (var k in linkOrder)
        {
            var (s, t) = spec.Links[k];
            if (swapEnds)
            {
                (s, t) = (t, s);
            }

            b.AddLink(rename(s), rename(t), year: spec.LinkYears[k]);
        }

        return b.Build();
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
