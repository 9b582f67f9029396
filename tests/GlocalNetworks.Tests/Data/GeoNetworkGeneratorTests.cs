using System;
using GlocalNetworks.Data;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Data;

public sealed class GeoNetworkGeneratorTests
{
    private static readonly GeoNetworkOptions Small = new() { Links = 20_000, Innovators = 2_000, WorldRegions = 4, CountriesPerWorldRegion = 4, ProvincesPerCountry = 4, CitiesPerProvince = 5 };

    private static double[] ScaleShares(GlocalNetwork net)
    {
        var shares = new double[5];
        foreach (var s in net.LinkScales)
        {
            shares[(int)s]++;
        }

        for (var i = 0; i < 5; i++)
        {
            shares[i] /= net.Links.Count;
        }

        return shares;
    }

    private static int[] Degrees(GlocalNetwork net)
    {
        var d = new int[net.Innovators.Count];
        foreach (var s in net.Links.Sources)
        {
            d[s]++;
        }

        foreach (var t in net.Links.Targets)
        {
            d[t]++;
        }

        return d;
    }

    [Fact]
    public void Generate_SameSeed_IdenticalNetwork()
    {
        NetworkAssert.Equal(GeoNetworkGenerator.Generate(Small with { Seed = 7 }), GeoNetworkGenerator.Generate(Small with { Seed = 7 }), compareCsr: false);
    }

    [Fact]
    public void Generate_OtherSeed_OtherLinks()
    {
        var a = GeoNetworkGenerator.Generate(Small with { Seed = 7 });
        var b = GeoNetworkGenerator.Generate(Small with { Seed = 8 });

        Assert.NotEqual(a.Links.Sources.ToArray(), b.Links.Sources.ToArray());
    }

    [Fact]
    public void Generate_Shape_MatchesTheOptions()
    {
        var net = GeoNetworkGenerator.Generate(Small);

        Assert.Equal(20_000, net.Links.Count);
        Assert.Equal(2_000, net.Innovators.Count);
        Assert.Equal(1 + 4 + 16 + 64 + 320, net.Regions.Count);
        Assert.Equal((2000, 2020), net.Links.YearRange);
        Assert.Equal(0, net.Links.UndatedCount);
        Assert.Equal(0, net.ResolutionLimitedCount);
        for (var i = 0; i < net.Links.Count; i++)
        {
            Assert.NotEqual(net.Links.Sources[i], net.Links.Targets[i]);
        }

        Assert.All(net.Innovators, inn => Assert.Equal("city", net.Regions[inn.RegionId].Level.Name));
        Assert.All(net.Regions, r => Assert.NotNull(r.Centroid));
    }

    [Fact]
    public void Generate_StrongerDistanceDecay_MoreLocalAndRegionalLinks_FewerGlobal()
    {
        var spatial = Small with { PreferentialAttachment = 0, TriadicClosure = 0 };
        var weak = ScaleShares(GeoNetworkGenerator.Generate(spatial with { DistanceDecay = 0.5 }));
        var strong = ScaleShares(GeoNetworkGenerator.Generate(spatial with { DistanceDecay = 2.5 }));

        Assert.True(strong[(int)Scale.Local] + strong[(int)Scale.Regional] > weak[(int)Scale.Local] + weak[(int)Scale.Regional] + 0.2,
            $"near share {strong[0] + strong[1]:F3} (gamma 2.5) vs {weak[0] + weak[1]:F3} (gamma 0.5)");
        Assert.True(strong[(int)Scale.Global] < weak[(int)Scale.Global] / 2, $"global share {strong[4]:F3} vs {weak[4]:F3}");
    }

    [Fact]
    public void Generate_WithPreferentialAttachment_DegreesAreHeavyTailed()
    {
        var without = Degrees(GeoNetworkGenerator.Generate(Small with { PreferentialAttachment = 0, TriadicClosure = 0 }));
        var with = Degrees(GeoNetworkGenerator.Generate(Small with { PreferentialAttachment = 0.7, TriadicClosure = 0 }));
        var mean = 2.0 * 20_000 / 2_000;

        // Without attachment degrees are roughly Poisson around the mean of 20: the maximum stays below 3x the mean.
        // With it, the largest hubs collect many times the mean.
        Assert.True(Max(without) < 3 * mean, $"max degree without attachment {Max(without)}");
        Assert.True(Max(with) > 6 * mean, $"max degree with attachment {Max(with)}");
        Assert.True(TopShare(with, 0.01) > 1.5 * TopShare(without, 0.01), $"top 1% share {TopShare(with, 0.01):F3} with, {TopShare(without, 0.01):F3} without");
    }

    [Fact]
    public void Generate_TriadicClosure_ClosesMoreTriangles()
    {
        static long Closed(GlocalNetwork net)
        {
            // Links whose two ends share a neighbour, counted through a set of edges.
            var edges = new System.Collections.Generic.HashSet<long>();
            var adj = new System.Collections.Generic.List<int>[net.Innovators.Count];
            for (var i = 0; i < adj.Length; i++)
            {
                adj[i] = [];
            }

            for (var i = 0; i < net.Links.Count; i++)
            {
                int a = net.Links.Sources[i], b = net.Links.Targets[i];
                edges.Add(((long)Math.Min(a, b) << 32) | (uint)Math.Max(a, b));
                adj[a].Add(b);
                adj[b].Add(a);
            }

            long closed = 0;
            foreach (var e in edges)
            {
                int a = (int)(e >> 32), b = (int)(e & 0xFFFFFFFF);
                foreach (var w in adj[a])
                {
                    if (w != b && edges.Contains(((long)Math.Min(w, b) << 32) | (uint)Math.Max(w, b)))
                    {
                        closed++;
                        break;
                    }
                }
            }

            return closed;
        }

        // Without distance decay the spatial rule is uniform by size, so triangles come from closure alone.
        var random = Small with { DistanceDecay = 0, PreferentialAttachment = 0 };
        var without = Closed(GeoNetworkGenerator.Generate(random with { TriadicClosure = 0 }));
        var with = Closed(GeoNetworkGenerator.Generate(random with { TriadicClosure = 0.5 }));

        Assert.True(with > 2 * without, $"links in a triangle: {with} with closure, {without} without");
    }

    [Fact]
    public void Options_OutOfRange_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => GeoNetworkGenerator.Generate(new GeoNetworkOptions { Innovators = 1, PreferentialAttachment = 0.8, TriadicClosure = 0.5 }));

        Assert.Contains("Innovators must be >= 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sum of at most 1", ex.Message, StringComparison.Ordinal);
    }

    private static int Max(int[] d)
    {
        var m = 0;
        foreach (var x in d)
        {
            m = Math.Max(m, x);
        }

        return m;
    }

    private static double TopShare(int[] d, double fraction)
    {
        var sorted = (int[])d.Clone();
        Array.Sort(sorted);
        Array.Reverse(sorted);
        long top = 0, all = 0;
        var k = Math.Max(1, (int)(d.Length * fraction));
        for (var i = 0; i < sorted.Length; i++)
        {
            all += sorted[i];
            top += i < k ? sorted[i] : 0;
        }

        return (double)top / all;
    }
}
