using System.Collections.Generic;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Hand-made dated networks for the evolution tests, and a seeded random one.</summary>
public static class EvolutionNetworks
{
    /// <summary>
    /// Five innovators on the world tree: a, b (Munich), c (Paris), d (Tokyo), e (Berlin). Links:
    /// <code>
    /// a-b  JointProject   2015..2018 (lifetime)   Local
    /// a-c  CoPublication  2014                    Supranational
    /// c-d  CoPublication  2016                    Global
    /// b-e  JointProject   2016..2017 (lifetime)   National
    /// a-d  Alliance       2018                    Global
    /// d-e  Other          undated                 Global
    /// </code>
    /// Present by year (lifetimes honoured): 2014 {a-c}; 2015 {a-b}; 2016 {a-b, c-d, b-e}; 2017 {a-b, b-e}; 2018 {a-b, a-d}.
    /// Ignoring lifetimes: 2014 {a-c}; 2015 {a-b}; 2016 {c-d, b-e}; 2017 {}; 2018 {a-d}.
    /// </summary>
    /// <returns>The network.</returns>
    public static GlocalNetwork Hand() => TinyNetworks.WorldBuilder()
        .AddInnovator("a", "A", InnovatorKind.Firm, "Munich")
        .AddInnovator("b", "B", InnovatorKind.University, "Munich")
        .AddInnovator("c", "C", InnovatorKind.Firm, "Paris")
        .AddInnovator("d", "D", InnovatorKind.University, "Tokyo")
        .AddInnovator("e", "E", InnovatorKind.Government, "Berlin")
        .AddLink("a", "d", LinkKind.Alliance, 1.0, 2018)
        .AddLink("d", "e", LinkKind.Other, 1.0)
        .AddLink("b", "e", LinkKind.JointProject, 2.0, 2016, endYear: 2017)
        .AddLink("a", "b", LinkKind.JointProject, 1.0, 2015, endYear: 2018)
        .AddLink("c", "d", LinkKind.CoPublication, 1.0, 2016)
        .AddLink("a", "c", LinkKind.CoPublication, 3.0, 2014)
        .Build();

    private static readonly string[] Cities = ["Munich", "Nuremberg", "Dresden", "Berlin", "Paris", "Rome", "Tokyo", "NewYork"];

    /// <summary>A seeded random dated network: 6-14 innovators in random cities, 5-40 links in 2010-2016, some with lifetimes
    /// of up to 3 extra years, some undated, some parallel, kinds at random.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="rename">Renames innovator i (default "i" + index).</param>
    /// <param name="innovatorOrder">The order innovators are added in (a permutation), or null.</param>
    /// <param name="linkOrder">The order links are added in (a permutation), or null.</param>
    /// <returns>The network.</returns>
    public static GlocalNetwork Random(int seed, System.Func<int, string>? rename = null, int[]? innovatorOrder = null, int[]? linkOrder = null)
    {
        var spec = Spec(seed);
        rename ??= i => "i" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var b = TinyNetworks.WorldBuilder();
        var n = spec.Cities.Length;
        for (var k = 0; k < n; k++)
        {
            var i = innovatorOrder?[k] ?? k;
            b.AddInnovator(rename(i), rename(i), (InnovatorKind)(i % 5), spec.Cities[i]);
        }

        for (var k = 0; k < spec.Links.Count; k++)
        {
            var l = spec.Links[linkOrder?[k] ?? k];
            b.AddLink(rename(l.S), rename(l.T), l.Kind, l.W, l.Year, endYear: l.End);
        }

        return b.Build();
    }

    /// <summary>The number of links and innovators of <see cref="Random"/>'s network for a seed (for permutations).</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>(innovators, links).</returns>
    public static (int Innovators, int Links) Size(int seed)
    {
        var s = Spec(seed);
        return (s.Cities.Length, s.Links.Count);
    }

    private static (string[] Cities, List<(int S, int T, LinkKind Kind, double W, int? Year, int? End)> Links) Spec(int seed)
    {
        var rng = new TestRandom((ulong)(uint)seed * 7919UL + 1);
        var n = rng.Next(6, 14);
        var cities = new string[n];
        for (var i = 0; i < n; i++)
        {
            cities[i] = Cities[rng.Next(0, Cities.Length - 1)];
        }

        var links = new List<(int, int, LinkKind, double, int?, int?)>();
        var m = rng.Next(5, 40);
        for (var k = 0; k < m; k++)
        {
            var s = rng.Next(0, n - 1);
            var t = rng.Next(0, n - 2);
            t = t >= s ? t + 1 : t;
            int? year = rng.Chance(0.1) ? null : rng.Next(2010, 2016);
            int? end = year is { } y && rng.Chance(0.4) ? y + rng.Next(1, 3) : null;
            links.Add((s, t, (LinkKind)rng.Next(0, 3), rng.Next(1, 4), year, end));
        }

        return (cities, links);
    }
}
