using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FsCheck.Xunit;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>Laws of distance decay on seeded random point networks.</summary>
public sealed class DistanceDecayProperties
{
    /// <summary>n innovators at random points on the globe (added in a random order when <paramref name="permute"/>, ids
    /// prefixed by <paramref name="prefix"/>), m random links between distinct innovators.</summary>
    private static GlocalNetwork Points(int seed, bool permute, string prefix)
    {
        var rng = new TestRandom((ulong)(uint)seed * 31 + 7);
        var n = rng.Next(2, 40);
        var lat = new double[n];
        var lon = new double[n];
        for (var i = 0; i < n; i++)
        {
            lat[i] = Math.Round((rng.NextUInt64() % 1_800_000 / 10_000.0) - 90, 4);
            lon[i] = Math.Round((rng.NextUInt64() % 3_600_000 / 10_000.0) - 180, 4);
        }

        var links = new List<(int, int)>();
        for (var k = rng.Next(0, 3 * n); k > 0; k--)
        {
            var s = rng.Next(0, n - 1);
            var t = rng.Next(0, n - 2);
            links.Add((s, t >= s ? t + 1 : t));
        }

        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        var order = permute ? new TestRandom((ulong)(uint)seed).Permutation(n) : Enumerable.Range(0, n).ToArray();

        string Id(int i) => prefix + i.ToString(CultureInfo.InvariantCulture);
        foreach (var i in order)
        {
            b.AddInnovator(Id(i), Id(i), InnovatorKind.Firm, "R", new GeoPoint(lat[i], lon[i]));
        }

        foreach (var (s, t) in links)
        {
            b.AddLink(Id(s), Id(t));
        }

        return b.Build();
    }

    private static DistanceDecayResult Run(GlocalNetwork net) => new DistanceDecayMetric().Compute(new MetricContext(net), new DistanceDecayOptions());

    [Property(MaxTest = 100)]
    public bool PairsSumToAllPairs_SharesSumToOne(int seed)
    {
        var net = Points(seed, false, "v");
        var r = Run(net);
        var n = net.Innovators.Count;
        double pairs = 0, shares = 0, links = 0;
        for (var b = 0; b < r.Bands.Count; b++)
        {
            pairs += r.Bands[b, "pairs"];
            links += r.Bands[b, "links"];
            shares += double.IsNaN(r.Bands[b, "share"]) ? 0 : r.Bands[b, "share"];
        }

        var m = net.Links.Count;
        return pairs == n * (n - 1) / 2.0 && links == m && (m == 0 ? shares == 0 : Math.Abs(shares - 1) < 1e-12);
    }

    [Property(MaxTest = 200)]
    public bool PointSetDistance_IsGeoPointDistanceBitForBit(int seed)
    {
        var rng = new TestRandom((ulong)(uint)seed);
        var pts = new List<GeoPoint>();
        for (var k = 0; k < 20; k++)
        {
            pts.Add(new GeoPoint((rng.NextUInt64() % 1_800_001 / 10_000.0) - 90, (rng.NextUInt64() % 3_600_001 / 10_000.0) - 180));
        }

        var set = new DistanceDecayMetric.PointSet(pts);
        for (var i = 0; i < pts.Count; i++)
        {
            for (var j = 0; j < pts.Count; j++)
            {
                if (BitConverter.DoubleToInt64Bits(set.Distance(i, j)) != BitConverter.DoubleToInt64Bits(pts[i].DistanceKm(pts[j])))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 100)]
    public bool Relabelling_ChangesNoBand(int seed)
    {
        var a = Run(Points(seed, false, "v"));
        var b = Run(Points(seed, true, "w"));
        for (var k = 0; k < a.Bands.Count; k++)
        {
            if (a.Bands[k, "pairs"] != b.Bands[k, "pairs"] || a.Bands[k, "links"] != b.Bands[k, "links"])
            {
                return false;
            }

            double x = a.Bands[k, "mean-distance"], y = b.Bands[k, "mean-distance"];
            if (double.IsNaN(x) != double.IsNaN(y) || (!double.IsNaN(x) && Math.Abs(x - y) > 1e-9 * x))
            {
                return false;
            }
        }

        return true;
    }
}
