using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.NullModels;

/// <summary>Seeded random networks on the world tree for null-model tests, and the invariants the tests compare.</summary>
internal static class NullModelNetworks
{
    private static readonly string[] Homes = ["Munich", "Nuremberg", "Dresden", "Berlin", "Paris", "Rome", "Tokyo", "NewYork", "DE", "Bavaria"];

    private static readonly InnovatorKind[] Kinds = [InnovatorKind.Firm, InnovatorKind.University, InnovatorKind.ResearchInstitute];

    /// <summary>
    /// n innovators <c>i0</c>.. at random homes (cities, a province, a country) with random kinds; about m random links with
    /// weights 0.5..5, years 2000..2009 or none, random kinds; a share of them directed; about one link in five repeats an
    /// earlier pair (a tie with several links).
    /// </summary>
    public static GlocalNetwork Random(ulong seed, int n, int m, double directedShare = 0, bool withLocations = false)
    {
        var rng = new TestRandom(seed);
        var b = TinyNetworks.WorldBuilder();
        for (var i = 0; i < n; i++)
        {
            var home = Homes[rng.Next(0, Homes.Length - 1)];
            GeoPoint? at = withLocations ? new GeoPoint(40 + rng.Next(0, 150) / 10.0, rng.Next(0, 200) / 10.0) : null;
            b.AddInnovator(Id(i), Id(i), Kinds[rng.Next(0, Kinds.Length - 1)], home, at);
        }

        var pairs = new List<(int, int, bool)>();
        for (var k = 0; k < m; k++)
        {
            int s, t;
            bool directed;
            if (pairs.Count > 0 && rng.Chance(0.2))
            {
                (s, t, directed) = pairs[rng.Next(0, pairs.Count - 1)];
            }
            else
            {
                s = rng.Next(0, n - 1);
                t = rng.Next(0, n - 2);
                t += t >= s ? 1 : 0;
                directed = rng.Chance(directedShare);
                pairs.Add((s, t, directed));
            }

            int? year = rng.Chance(0.3) ? null : rng.Next(2000, 2009);
            b.AddLink(Id(s), Id(t), (LinkKind)rng.Next(0, 7), 0.5 + (rng.Next(0, 9) / 2.0), year, directed);
        }

        return b.Build();
    }

    public static string Id(int i) => "i" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>Each innovator's number of distinct partners per class: undirected ties, directed out-ties, directed in-ties.</summary>
    public static (int[] Undirected, int[] Out, int[] In) TieDegrees(GlocalNetwork net)
    {
        var n = net.Innovators.Count;
        var und = new int[n];
        var outd = new int[n];
        var ind = new int[n];
        foreach (var (s, t, d) in Ties(net))
        {
            if (d)
            {
                outd[s]++;
                ind[t]++;
            }
            else
            {
                und[s]++;
                und[t]++;
            }
        }

        return (und, outd, ind);
    }

    /// <summary>The distinct ties: (smaller, larger, false) for undirected links, (source, target, true) for directed ones.</summary>
    public static HashSet<(int, int, bool)> Ties(GlocalNetwork net)
    {
        var set = new HashSet<(int, int, bool)>();
        var l = net.Links;
        for (var i = 0; i < l.Count; i++)
        {
            var (s, t, d) = (l.Sources[i], l.Targets[i], l.Directed[i]);
            set.Add(d ? (s, t, true) : (Math.Min(s, t), Math.Max(s, t), false));
        }

        return set;
    }

    /// <summary>Each innovator's number of links (any class, parallel links each).</summary>
    public static int[] LinkDegrees(GlocalNetwork net)
    {
        var d = new int[net.Innovators.Count];
        var l = net.Links;
        for (var i = 0; i < l.Count; i++)
        {
            d[l.Sources[i]]++;
            d[l.Targets[i]]++;
        }

        return d;
    }

    /// <summary>The links as sortable rows without their ends: (weight, kind, year, directed), sorted.</summary>
    public static List<(double, LinkKind, int?, bool)> Attributes(GlocalNetwork net)
    {
        var list = new List<(double, LinkKind, int?, bool)>();
        foreach (var k in net.Links)
        {
            list.Add((k.Weight, k.Kind, k.Year, k.Directed));
        }

        list.Sort();
        return list;
    }

    /// <summary>The links with their ends as ids, in table order.</summary>
    public static List<string> Rows(GlocalNetwork net)
    {
        var list = new List<string>();
        foreach (var k in net.Links)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture,
                $"{net.Innovators.IdOf(k.Source)}-{net.Innovators.IdOf(k.Target)}:{k.Weight}:{k.Kind}:{k.Year}:{k.Directed}"));
        }

        return list;
    }
}
