using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Model;

namespace GlocalNetworks.Data;

/// <summary>One geocoded FP7 (country, city) pair: the city region (when matched), its point and how it was matched.</summary>
internal readonly record struct CityMatch(string? CityRegionId, GeoPoint? Point, string MatchKind);

/// <summary>
/// The FP7 geocoding (<c>fp7-city-matches.csv</c>) with GeoNames admin-1 names (<c>admin1.csv</c>): the city and province
/// regions of the default ladder, and the lookup from an organisation's exact (country, city) cells to its city.
/// </summary>
internal sealed class Fp7Gazetteer
{
    private readonly Dictionary<(string Country, string City), CityMatch> _matches;

    private Fp7Gazetteer(Dictionary<(string, string), CityMatch> matches, List<Region> provinces, List<Region> cities, int citiesUnderCountry)
    {
        _matches = matches;
        Provinces = provinces;
        Cities = cities;
        CitiesUnderCountry = citiesUnderCountry;
    }

    /// <summary>Province regions (<c>admin1:CC.code</c>) holding at least one matched city, by id.</summary>
    public IReadOnlyList<Region> Provinces { get; }

    /// <summary>City regions (<c>geonames:id</c>), by GeoNames id.</summary>
    public IReadOnlyList<Region> Cities { get; }

    /// <summary>Cities whose admin-1 division is unknown (empty code or a code missing from admin1.csv): they hang under their country.</summary>
    public int CitiesUnderCountry { get; }

    /// <summary>The number of (country, city) pairs in the table.</summary>
    public int PairCount => _matches.Count;

    public bool TryGet(string country, string city, out CityMatch match) => _matches.TryGetValue((country, city), out match);

    /// <summary>Reads both tables. Countries (after <see cref="CountryCodes.ToIso(string)"/>) must be in <paramref name="countryIds"/>.
    /// With no ladder only the points are read (no regions, no admin-1 table).</summary>
    public static Fp7Gazetteer Read(string matchesPath, string? admin1Path, IReadOnlySet<string> countryIds, RegionLadder? ladder)
    {
        var makeRegions = ladder is not null && admin1Path is not null;
        var cityLevel = makeRegions ? ladder!.GetLevel("city") : default;
        var provinceLevel = makeRegions ? ladder!.GetLevel("province") : default;
        var admin1 = makeRegions ? ReadAdmin1(admin1Path!) : new Dictionary<string, string>();
        var matches = new Dictionary<(string, string), CityMatch>();
        var firstLine = new Dictionary<(string, string), long>();
        var provinces = new SortedDictionary<string, Region>(StringComparer.Ordinal);
        var cities = new SortedDictionary<long, Region>();
        var underCountry = 0;
        using var src = DataCsv.Open(matchesPath);
        int country = src.Required("country"), city = src.Required("city"), match = src.Required("match"), gid = src.Required("geonameid");
        int gname = src.Required("gazetteer_name"), adm = src.Required("admin1_code"), lat = src.Required("lat"), lon = src.Required("lon");
        DataCsv.ForEach(src, null, (row, line) =>
        {
            var key = (row[country].Span.Trim().ToString(), row[city].Span.Trim().ToString());
            if (firstLine.TryGetValue(key, out var first))
            {
                throw new DuplicateIdException(src.Name, line, "city", key.Item1 + "/" + key.Item2, first);
            }

            firstLine.Add(key, line);
            var kind = row[match].Span.Trim().ToString();
            var g = row[gid].Span.Trim();
            if (g.IsEmpty)
            {
                matches.Add(key, new CityMatch(null, null, kind));
                return;
            }

            if (!long.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var geonameId))
            {
                throw src.Format(line, gid, g, "is not a GeoNames id; expected a whole number.");
            }

            var cc = CountryCodes.ToIso(key.Item1);
            if (!countryIds.Contains(cc))
            {
                throw new ReferentialIntegrityException(src.Name, line, "country", key.Item1,
                    $"is not a country of the country table (as '{cc}'); a matched place needs a known country.", []);
            }

            var point = DataCsv.Point(src, row, line, lat, lon)
                ?? throw src.Format(line, lat, row[lat].Span, "is empty; a matched place needs lat and lon.");
            var cityId = "geonames:" + geonameId.ToString(CultureInfo.InvariantCulture);
            matches.Add(key, new CityMatch(cityId, point, kind));
            if (!makeRegions || cities.ContainsKey(geonameId))
            {
                return;
            }

            var code = row[adm].Span.Trim();
            string parent = cc;
            if (!code.IsEmpty && admin1.TryGetValue(cc + "." + code.ToString(), out var provinceName))
            {
                parent = "admin1:" + cc + "." + code.ToString();
                if (!provinces.ContainsKey(parent))
                {
                    provinces.Add(parent, new Region(parent, provinceName, provinceLevel, cc));
                }
            }
            else
            {
                underCountry++;
            }

            var nm = row[gname].Span.Trim();
            cities.Add(geonameId, new Region(cityId, nm.IsEmpty ? cityId : nm.ToString(), cityLevel, parent, point));
        });
        return new Fp7Gazetteer(matches, new List<Region>(provinces.Values), new List<Region>(cities.Values), underCountry);
    }

    private static Dictionary<string, string> ReadAdmin1(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var src = DataCsv.Open(path);
        int id = src.Required("admin1_id"), name = src.Required("name");
        DataCsv.ForEach(src, null, (row, line) =>
        {
            var a = row[id].Span.Trim();
            if (a.IndexOf('.') <= 0)
            {
                throw src.Format(line, id, a, "is not a GeoNames admin-1 id; expected 'CC.code', e.g. 'FR.84'.");
            }

            var nm = row[name].Span.Trim();
            result[a.ToString()] = nm.IsEmpty ? a.ToString() : nm.ToString();
        });
        return result;
    }
}
