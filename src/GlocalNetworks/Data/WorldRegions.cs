using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GlocalNetworks.Model;

namespace GlocalNetworks.Data;

/// <summary>
/// The world as a region tree: <c>world</c> (the root) &gt; UN M49 region (<c>world-region</c>: Africa, Americas, Asia,
/// Europe, Oceania; ids <c>m49:002</c>, <c>m49:019</c>, <c>m49:142</c>, <c>m49:150</c>, <c>m49:009</c>) &gt; countries
/// (<c>country</c>; id = ISO 3166-1 alpha-2, e.g. <c>DE</c>, <c>GR</c>, <c>NA</c>), read from the ISO 3166 / M49 table
/// (<c>shared/data/regions/countries-iso3166-m49.csv</c>, CC BY-SA 4.0).
/// </summary>
/// <remarks>
/// <para>Additions and choices, each deliberate:</para>
/// <list type="bullet">
/// <item>Kosovo (<see cref="KosovoId"/>, used by CORDIS and GeoNames) is missing from the ISO table; it is added under
/// Europe (M49 150, sub-region Southern Europe 039) when the table does not have it.</item>
/// <item>Antarctica (<c>AQ</c>) has no M49 region in the table; it hangs directly under the root. So does any other country
/// whose region cells are empty.</item>
/// <item>Namibia's code <c>NA</c> is read as the text it is (the readers never treat <c>NA</c> as missing).</item>
/// <item>Country centroids, when a centroids file is given (<c>shared/data/country-centroids/countries.csv</c>), are the
/// population-weighted centre of the country's GeoNames places (<c>popw_lat</c>, <c>popw_lon</c>), else the capital
/// (<c>capital_lat</c>, <c>capital_lon</c>), else none. World regions and the root have no centroid.</item>
/// </list>
/// <para>Region order (the indices of the tree): the root, the world regions by M49 code, then the countries in file
/// order, then Kosovo when added.</para>
/// </remarks>
public static class WorldRegions
{
    /// <summary>The id of the root region: <c>world</c>.</summary>
    public const string RootId = "world";

    /// <summary>The name of the root region: <c>World</c>.</summary>
    public const string RootName = "World";

    /// <summary>Kosovo's id, <c>XK</c> (added under Europe; absent from ISO 3166-1).</summary>
    public const string KosovoId = "XK";

    /// <summary>The id of the M49 region Europe, <c>m49:150</c>.</summary>
    public const string EuropeId = "m49:150";

    /// <summary>The id of the M49 region Asia, <c>m49:142</c>.</summary>
    public const string AsiaId = "m49:142";

    /// <summary>The region id of an M49 world region: <c>m49:</c> followed by its three-digit code.</summary>
    /// <param name="m49RegionCode">The three-digit M49 code, e.g. <c>150</c>.</param>
    /// <returns>The id, e.g. <c>m49:150</c>.</returns>
    public static string WorldRegionId(string m49RegionCode)
    {
        ArgumentNullException.ThrowIfNull(m49RegionCode);
        return "m49:" + m49RegionCode.Trim();
    }

    /// <summary>Reads the world regions as a validated tree.</summary>
    /// <param name="countriesPath">The ISO 3166 / M49 table.</param>
    /// <param name="centroidsPath">The country centroids table, or <see langword="null"/> for none.</param>
    /// <param name="ladder">A ladder with the levels <c>country</c>, <c>world-region</c> and <c>world</c>; <see langword="null"/> for <see cref="RegionLadder.Default"/>.</param>
    /// <returns>The tree, rooted at <see cref="RootId"/>.</returns>
    /// <exception cref="GlocalDataException">A malformed row; the message names file, line, column and value.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="UnknownRegionLevelException">The ladder lacks one of the three levels.</exception>
    public static RegionTree ReadTree(string countriesPath, string? centroidsPath = null, RegionLadder? ladder = null)
    {
        ladder ??= RegionLadder.Default;
        return RegionTree.Build(ReadRegions(countriesPath, centroidsPath, ladder), ladder);
    }

    /// <summary>Reads the world regions as a list (root, world regions, countries), to extend with finer regions before building a tree.</summary>
    /// <param name="countriesPath">The ISO 3166 / M49 table.</param>
    /// <param name="centroidsPath">The country centroids table, or <see langword="null"/> for none.</param>
    /// <param name="ladder">A ladder with the levels <c>country</c>, <c>world-region</c> and <c>world</c>; <see langword="null"/> for <see cref="RegionLadder.Default"/>.</param>
    /// <returns>The regions; their levels belong to <paramref name="ladder"/>.</returns>
    /// <exception cref="GlocalDataException">A malformed row; the message names file, line, column and value.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="UnknownRegionLevelException">The ladder lacks one of the three levels.</exception>
    public static IReadOnlyList<Region> ReadRegions(string countriesPath, string? centroidsPath = null, RegionLadder? ladder = null)
    {
        ArgumentNullException.ThrowIfNull(countriesPath);
        ladder ??= RegionLadder.Default;
        var world = ladder.GetLevel("world");
        var worldRegion = ladder.GetLevel("world-region");
        var country = ladder.GetLevel("country");
        var centroids = centroidsPath is null ? null : ReadCentroids(centroidsPath);

        var wrNames = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var wrLines = new Dictionary<string, long>(StringComparer.Ordinal);
        var countries = new List<Region>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var src = DataCsv.Open(countriesPath))
        {
            int name = src.Required("name"), a2 = src.Required("alpha-2"), region = src.Required("region"), code = src.Required("region-code");
            DataCsv.ForEach(src, null, (row, line) =>
            {
                var id = row[a2].Span.Trim();
                if (!IsAlpha2(id))
                {
                    throw src.Format(line, a2, id, "is not an ISO 3166-1 alpha-2 code; expected two capital letters A-Z.");
                }

                var idS = id.ToString();
                if (firstLine.TryGetValue(idS, out var first))
                {
                    throw new DuplicateIdException(src.Name, line, "alpha-2", idS, first);
                }

                firstLine.Add(idS, line);
                var rName = row[region].Span.Trim();
                var rCode = row[code].Span.Trim();
                string? parent = RootId;
                if (!rName.IsEmpty || !rCode.IsEmpty)
                {
                    if (rCode.Length != 3 || !IsDigits(rCode))
                    {
                        throw src.Format(line, code, rCode, $"is not a three-digit M49 region code (region '{rName.ToString()}').");
                    }

                    if (rName.IsEmpty)
                    {
                        throw src.Format(line, region, rName, $"is empty but the region code is '{rCode.ToString()}'; give both or neither.");
                    }

                    var wrId = WorldRegionId(rCode.ToString());
                    var rNameS = rName.ToString();
                    if (wrNames.TryGetValue(wrId, out var known) && !string.Equals(known, rNameS, StringComparison.Ordinal))
                    {
                        throw src.Format(line, region, rName, string.Create(CultureInfo.InvariantCulture,
                            $"disagrees with the name '{known}' that line {wrLines[wrId]} gives M49 region code '{rCode.ToString()}'."));
                    }

                    if (wrNames.TryAdd(wrId, rNameS))
                    {
                        wrLines.Add(wrId, line);
                    }

                    parent = wrId;
                }

                var nm = row[name].Span.Trim();
                GeoPoint? c = centroids is not null && centroids.TryGetValue(idS, out var p) ? p : null;
                countries.Add(new Region(idS, nm.IsEmpty ? idS : nm.ToString(), country, parent, c));
            });
        }

        var result = new List<Region>(countries.Count + wrNames.Count + 2) { new Region(RootId, RootName, world, null) };
        foreach (var kv in wrNames)
        {
            result.Add(new Region(kv.Key, kv.Value, worldRegion, RootId));
        }

        result.AddRange(countries);
        if (!firstLine.ContainsKey(KosovoId))
        {
            GeoPoint? c = centroids is not null && centroids.TryGetValue(KosovoId, out var p) ? p : null;
            result.Add(new Region(KosovoId, "Kosovo", country, wrNames.ContainsKey(EuropeId) ? EuropeId : RootId, c));
        }

        return result;
    }

    /// <summary>Reads the centroids table: alpha-2 → population-weighted centre, else capital.</summary>
    internal static Dictionary<string, GeoPoint> ReadCentroids(string path)
    {
        var result = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        using var src = DataCsv.Open(path);
        int a2 = src.Required("alpha2");
        int pLat = src.Optional("popw_lat"), pLon = src.Optional("popw_lon"), cLat = src.Optional("capital_lat"), cLon = src.Optional("capital_lon");
        DataCsv.ForEach(src, null, (row, line) =>
        {
            var id = row[a2].Span.Trim();
            if (id.IsEmpty)
            {
                throw src.Format(line, a2, id, "is empty; every row needs an ISO alpha-2 code.");
            }

            var p = DataCsv.Point(src, row, line, pLat, pLon) ?? DataCsv.Point(src, row, line, cLat, cLon);
            if (p is { } point)
            {
                result[id.ToString()] = point;
            }
        });
        return result;
    }

    private static bool IsAlpha2(ReadOnlySpan<char> s) => s.Length == 2 && s[0] is >= 'A' and <= 'Z' && s[1] is >= 'A' and <= 'Z';

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
