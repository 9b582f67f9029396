using System;
using System.Globalization;
using GlocalNetworks.Model;

namespace GlocalNetworks.Benchmarks;

/// <summary>
/// Places an edge list on a synthetic default-ladder tree: 4 world regions × 5 countries × 4 provinces × 5 cities
/// (400 cities); node v sits in city (v · 2654435761) mod 400 and has kind v mod 6; link l has weight 1 + (l mod 3).
/// </summary>
internal static class SyntheticWorld
{
    /// <summary>Builds the network (setup only, not timed).</summary>
    /// <param name="src">Link sources (node ids 0..n-1).</param>
    /// <param name="dst">Link targets.</param>
    /// <param name="n">The node count.</param>
    /// <param name="year">The start year of link l, or null for undated links.</param>
    /// <param name="endYear">The end year of link l, or null.</param>
    /// <returns>The network.</returns>
    public static GlocalNetwork Build(int[] src, int[] dst, int n, Func<int, int?>? year = null, Func<int, int?>? endYear = null)
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("world", "world", "world");
        for (var w = 0; w < 4; w++)
        {
            var wr = "w" + w.ToString(CultureInfo.InvariantCulture);
            b.AddRegion(wr, wr, "world-region", "world");
            for (var c = 0; c < 5; c++)
            {
                var country = wr + "c" + c.ToString(CultureInfo.InvariantCulture);
                b.AddRegion(country, country, "country", wr);
                for (var p = 0; p < 4; p++)
                {
                    var province = country + "p" + p.ToString(CultureInfo.InvariantCulture);
                    b.AddRegion(province, province, "province", country);
                    for (var t = 0; t < 5; t++)
                    {
                        var city = province + "t" + t.ToString(CultureInfo.InvariantCulture);
                        b.AddRegion(city, city, "city", province);
                    }
                }
            }
        }

        for (var v = 0; v < n; v++)
        {
            var cell = (int)((ulong)v * 2654435761UL % 400);
            var city = string.Create(CultureInfo.InvariantCulture, $"w{cell / 100}c{cell / 20 % 5}p{cell / 5 % 4}t{cell % 5}");
            b.AddInnovator(v.ToString(CultureInfo.InvariantCulture), "n", (InnovatorKind)(v % 6), city);
        }

        for (var l = 0; l < src.Length; l++)
        {
            b.AddLink(src[l].ToString(CultureInfo.InvariantCulture), dst[l].ToString(CultureInfo.InvariantCulture), weight: 1 + (l % 3),
                year: year?.Invoke(l), endYear: endYear?.Invoke(l));
        }

        return b.Build();
    }
}
