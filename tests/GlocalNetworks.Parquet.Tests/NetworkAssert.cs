using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Parquet.Tests;

/// <summary>Exact comparison of two networks, and rich random networks for round trips.</summary>
public static class NetworkAssert
{
    /// <summary>Asserts that two networks hold the same regions, innovators, links (in order, weights bit for bit), scales and organisers.</summary>
    public static void Equal(GlocalNetwork expected, GlocalNetwork actual)
    {
        Assert.Equal(expected.Regions.Count, actual.Regions.Count);
        foreach (var r in expected.Regions)
        {
            var a = actual.Regions[r.Id];
            Assert.Equal(r.Name, a.Name);
            Assert.Equal(r.Level.Name, a.Level.Name);
            Assert.Equal(r.ParentId, a.ParentId);
            Assert.Equal(r.Centroid, a.Centroid);
        }

        Assert.Equal(expected.Innovators.Count, actual.Innovators.Count);
        for (var i = 0; i < expected.Innovators.Count; i++)
        {
            var e = expected.Innovators[i];
            var a = actual.Innovators[i];
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.RegionId, a.RegionId);
            Assert.Equal(e.Location, a.Location);
            Assert.Equal(new SortedDictionary<string, string>(new Dictionary<string, string>(e.Attributes), StringComparer.Ordinal),
                new SortedDictionary<string, string>(new Dictionary<string, string>(a.Attributes), StringComparer.Ordinal));
        }

        Assert.Equal(expected.Links.Count, actual.Links.Count);
        for (var i = 0; i < expected.Links.Count; i++)
        {
            var e = expected.Links[i];
            var a = actual.Links[i];
            Assert.Equal(e.Source, a.Source);
            Assert.Equal(e.Target, a.Target);
            Assert.Equal(BitConverter.DoubleToInt64Bits(e.Weight), BitConverter.DoubleToInt64Bits(a.Weight));
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.Year, a.Year);
            Assert.Equal(e.EndYear, a.EndYear);
            Assert.Equal(e.Date, a.Date);
            Assert.Equal(e.Directed, a.Directed);
        }

        Assert.Equal(expected.LinkScales.ToArray(), actual.LinkScales.ToArray());
        Assert.Equal(expected.Organisers.Count, actual.Organisers.Count);
        for (var i = 0; i < expected.Organisers.Count; i++)
        {
            var e = expected.Organisers[i];
            var a = actual.Organisers[i];
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.RegionId, a.RegionId);
            Assert.Equal(e.MemberIds, a.MemberIds);
        }
    }

    /// <summary>A random network with everything a link or innovator can carry: odd ids and names (commas, quotes, accents,
    /// CJK), all kinds, weights from random bits (any positive finite double), years with gaps, end years, dates,
    /// directions, coordinates, attributes and organisers.</summary>
    public static GlocalNetwork Random(int seed)
    {
        var rng = new TestRandom(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 7));
        var regions = RandomNetworks.Tree(rng);
        var b = GlocalNetwork.CreateBuilder();
        foreach (var r in regions)
        {
            var c = rng.Chance(0.5) ? new GeoPoint(rng.Next(-90, 90) + 0.123456789, rng.Next(-180, 179) + 0.987654321) : (GeoPoint?)null;
            b.AddRegion(r.Id, "Région " + r.Id + (rng.Chance(0.3) ? ", \"東京\"" : string.Empty), r.Level.Name, r.ParentId, c);
        }

        var n = rng.Next(2, 20);
        var ids = new List<string>();
        var kinds = Enum.GetValues<InnovatorKind>();
        for (var i = 0; i < n; i++)
        {
            var id = rng.Chance(0.3) ? i.ToString(CultureInfo.InvariantCulture) : "inn-" + i.ToString(CultureInfo.InvariantCulture) + (rng.Chance(0.3) ? " Zürich, \"x\"" : string.Empty);
            ids.Add(id);
            var home = regions[rng.Next(0, regions.Count - 1)].Id;
            Dictionary<string, string>? attrs = null;
            if (rng.Chance(0.5))
            {
                attrs = new Dictionary<string, string> { ["sector"] = "s" + rng.Next(0, 5).ToString(CultureInfo.InvariantCulture) };
                if (rng.Chance(0.5))
                {
                    attrs["pic"] = rng.Next(100000, 999999).ToString(CultureInfo.InvariantCulture);
                }
            }

            var loc = rng.Chance(0.4) ? new GeoPoint(rng.Next(-89, 89) + 0.5, rng.Next(-179, 179) + 0.25) : (GeoPoint?)null;
            b.AddInnovator(id, "Name " + id + (rng.Chance(0.2) ? " Ōsaka" : string.Empty), kinds[rng.Next(0, kinds.Length - 1)], home, loc, attrs);
        }

        var linkKinds = Enum.GetValues<LinkKind>();
        for (var m = rng.Next(0, 60); m > 0; m--)
        {
            var s = rng.Next(0, n - 1);
            var t = rng.Next(0, n - 2);
            if (t >= s)
            {
                t++;
            }

            // Any positive finite double: random exponent and mantissa bits.
            double w;
            do
            {
                w = BitConverter.Int64BitsToDouble((long)(rng.NextUInt64() & 0x7FFF_FFFF_FFFF_FFFFUL));
            }
            while (!double.IsFinite(w) || w <= 0);

            if (rng.Chance(0.3))
            {
                w = 1.0 / rng.Next(1, 9);
            }

            int? year = rng.Chance(0.3) ? null : rng.Next(1990, 2024);
            int? end = year is { } y && rng.Chance(0.4) ? y + rng.Next(0, 5) : null;
            DateOnly? date = year is { } yy && rng.Chance(0.3) ? new DateOnly(yy, rng.Next(1, 12), rng.Next(1, 28)) : null;
            b.AddLink(ids[s], ids[t], linkKinds[rng.Next(0, linkKinds.Length - 1)], w, year, rng.Chance(0.3), end, date);
        }

        for (var o = rng.Next(0, 3); o > 0; o--)
        {
            var members = new List<string>();
            for (var k = rng.Next(0, 4); k > 0; k--)
            {
                var id = ids[rng.Next(0, n - 1)];
                if (!members.Contains(id))
                {
                    members.Add(id);
                }
            }

            b.AddOrganiser("org" + o.ToString(CultureInfo.InvariantCulture), "Organiser " + o.ToString(CultureInfo.InvariantCulture), regions[rng.Next(0, regions.Count - 1)].Id, members);
        }

        return b.Build();
    }
}
