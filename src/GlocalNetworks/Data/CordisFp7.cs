using System;
using System.Collections.Generic;
using System.IO;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Events;
using GlocalNetworks.Model;

namespace GlocalNetworks.Data;

/// <summary>
/// Loads the CORDIS FP7 participation network (<c>shared/data/cordis-fp7-sod16/</c>: 30,973 organisations, 25,788
/// projects, 135,670 participations; "Source: CORDIS, © European Union, 2016", CC BY 4.0): organisations are innovators,
/// projects are events projected to co-participation links (DESIGN 2.14). FP7 has no project years: every link has
/// <c>Year = null</c>.
/// </summary>
/// <remarks>
/// <para><b>Cities</b> (<see cref="Load(DataFiles, LoadOptions?, CordisOptions?)"/>, default ladder
/// <c>city &lt; province &lt; country &lt; world-region &lt; world</c>): an organisation whose exact (country, city) cells are
/// matched in <c>gazetteer-geonames/fp7-city-matches.csv</c> sits in that GeoNames city (<c>geonames:&lt;id&gt;</c>), under its
/// GeoNames admin-1 province (<c>admin1:&lt;CC.code&gt;</c>) or, when the admin-1 division is unknown, directly under its country.
/// Otherwise it sits in its country (its links to compatriots are <c>ResolutionLimited</c>). An organisation with no
/// country takes the country of its NUTS code when it has one; with neither it sits at the world root (<c>world</c>), reported.</para>
/// <para><b>NUTS</b> (<see cref="LoadNuts(DataFiles, LoadOptions?, CordisOptions?)"/>, <see cref="RegionLadder.Eu"/>): an
/// organisation with a NUTS code sits in that NUTS 2021 region. FP7 codes are NUTS 2010/2013: a code missing from NUTS
/// 2021 falls back to its longest prefix that exists (nuts2, then nuts1, then the country), reported. A two-letter code
/// names only the country. Organisations without a code sit in their country. A code whose country (after
/// <see cref="CountryCodes.ToIso(string)"/>, so <c>EL300</c> agrees with <c>GR</c>) differs from the organisation's country is
/// reported and the code wins.</para>
/// <para>Country codes are mapped <c>EL</c> → <c>GR</c>, <c>UK</c> → <c>GB</c>, <c>KO</c> → <c>XK</c>. Innovators keep every
/// non-empty source column (<c>short_name</c>, <c>url</c>, <c>nuts3</c>, <c>country</c>, <c>street</c>, <c>city</c>,
/// <c>post_code</c>, <c>provincia</c>) as attributes, plus <c>geocoding</c> (the match method) when the city was looked up;
/// their <see cref="Innovator.Location"/> is the matched city's point in both modes. Kinds are <c>Other</c> unless
/// <see cref="CordisOptions.InferKinds"/> is set.</para>
/// <para>The report counts, besides the reader's usual counts: the regions of the tree, innovators at each ladder level,
/// how organisations were located, unmatched cities, events with one participant, duplicate participations (3 in the
/// data, counted once) and resolution-limited links. Nothing is dropped unreported. Strict mode throws on malformed
/// rows, duplicate organisation ids, unknown organisations in participations and unknown country codes; lenient mode
/// reports them (an unknown country is then treated as missing).</para>
/// </remarks>
public static class CordisFp7
{
    private const string NoCountryReason = "is empty and the organisation has no NUTS code; it is located at the world root (links ResolutionLimited).";

    /// <summary>Loads FP7 located by city on the default ladder (or <paramref name="options"/>' ladder, which must have the levels
    /// city, province, country, world-region and world).</summary>
    /// <param name="files">Where the files are.</param>
    /// <param name="options">Load options (mode, classifier, ladder); <see langword="null"/> for the defaults.</param>
    /// <param name="cordis">Kind inference and projection options; <see langword="null"/> for the defaults.</param>
    /// <returns>The network (links with <c>Year = null</c>) and the report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode, or a malformed reference table.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static LoadResult Load(DataFiles files, LoadOptions? options = null, CordisOptions? cordis = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= LoadOptions.Default;
        var session = new CsvLoadSession(options, null);
        var (tree, gazetteer) = ReadCityTreeCore(files, options.Ladder, session.Report);
        return LoadCore(files, session, tree, gazetteer, nuts: false, cordis ?? CordisOptions.Default);
    }

    /// <summary>Loads FP7 located by city from a data folder with the standard layout.</summary>
    /// <param name="dataDirectory">The <c>shared/data</c> folder.</param>
    /// <param name="options">Load options; <see langword="null"/> for the defaults.</param>
    /// <param name="cordis">CORDIS options; <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static LoadResult Load(string dataDirectory, LoadOptions? options = null, CordisOptions? cordis = null) =>
        Load(new DataFiles(dataDirectory), options, cordis);

    /// <summary>Loads FP7 located by NUTS code on <see cref="RegionLadder.Eu"/>.</summary>
    /// <param name="files">Where the files are.</param>
    /// <param name="options">Load options. When its ladder is <see cref="RegionLadder.Default"/> (the <see cref="LoadOptions"/>
    /// default), <see cref="RegionLadder.Eu"/> is used; any other ladder must have the levels nuts3, nuts2, nuts1, country,
    /// world-region and world.</param>
    /// <param name="cordis">CORDIS options; <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode, or a malformed reference table.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static LoadResult LoadNuts(DataFiles files, LoadOptions? options = null, CordisOptions? cordis = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= LoadOptions.Default;
        if (ReferenceEquals(options.Ladder, RegionLadder.Default))
        {
            options = options with { Ladder = RegionLadder.Eu };
        }

        var session = new CsvLoadSession(options, null);
        var ladder = options.Ladder;
        var world = WorldRegions.ReadRegions(files.Countries, CordisCommon.CentroidsOrNull(files), ladder);
        var regions = new List<Region>(world);
        var nuts = NutsRegions.ReadRegions(files.Nuts2021, world, ladder);
        regions.AddRange(nuts);
        var tree = RegionTree.Build(regions, ladder);
        session.Report.Count("regions", tree.Count);
        session.Report.Count("NUTS regions", nuts.Count);
        var gazetteer = Fp7Gazetteer.Read(files.Fp7CityMatches, null, CordisCommon.CountryIds(world, ladder), null);
        return LoadCore(files, session, tree, gazetteer, nuts: true, cordis ?? CordisOptions.Default);
    }

    /// <summary>Loads FP7 located by NUTS code from a data folder with the standard layout.</summary>
    /// <param name="dataDirectory">The <c>shared/data</c> folder.</param>
    /// <param name="options">Load options; <see langword="null"/> for the defaults.</param>
    /// <param name="cordis">CORDIS options; <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static LoadResult LoadNuts(string dataDirectory, LoadOptions? options = null, CordisOptions? cordis = null) =>
        LoadNuts(new DataFiles(dataDirectory), options, cordis);

    /// <summary>The default-ladder tree FP7 is located in: world &gt; M49 regions &gt; countries &gt; GeoNames admin-1 provinces &gt;
    /// the GeoNames cities matched to FP7 (country, city) pairs. Provinces without a matched city are left out.</summary>
    /// <param name="files">Where the files are (countries, country centroids, admin-1 names, city matches).</param>
    /// <param name="ladder">A ladder with the levels city, province, country, world-region and world; <see langword="null"/> for <see cref="RegionLadder.Default"/>.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="GlocalDataException">A malformed row.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static RegionTree ReadCityTree(DataFiles files, RegionLadder? ladder = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return ReadCityTreeCore(files, ladder ?? RegionLadder.Default, new LoadReport()).Tree;
    }

    private static (RegionTree Tree, Fp7Gazetteer Gazetteer) ReadCityTreeCore(DataFiles files, RegionLadder ladder, LoadReport report)
    {
        var world = WorldRegions.ReadRegions(files.Countries, CordisCommon.CentroidsOrNull(files), ladder);
        var gazetteer = Fp7Gazetteer.Read(files.Fp7CityMatches, files.GeoNamesAdmin1, CordisCommon.CountryIds(world, ladder), ladder);
        var regions = new List<Region>(world.Count + gazetteer.Provinces.Count + gazetteer.Cities.Count);
        regions.AddRange(world);
        regions.AddRange(gazetteer.Provinces);
        regions.AddRange(gazetteer.Cities);
        var tree = RegionTree.Build(regions, ladder);
        report.Count("regions", tree.Count);
        report.Count("province regions", gazetteer.Provinces.Count);
        report.Count("city regions", gazetteer.Cities.Count);
        report.Count("cities under their country (admin-1 division unknown)", gazetteer.CitiesUnderCountry);
        return (tree, gazetteer);
    }

    private static LoadResult LoadCore(DataFiles files, CsvLoadSession session, RegionTree tree, Fp7Gazetteer gazetteer, bool nuts, CordisOptions cordis)
    {
        var (list, lines) = ReadOrganisations(files.Fp7Organisations, session, tree, gazetteer, nuts, cordis.InferKinds);
        var table = NetworkAssembly.CreateInnovatorTable(list, tree, files.Fp7Organisations, lines);
        CordisCommon.CountLevels(session.Report, tree, table);
        if (cordis.InferKinds)
        {
            CordisCommon.CountKinds(session.Report, list);
        }

        var resolver = new InnovatorResolver(table);
        var participations = CordisCommon.ReadParticipations(files.Fp7Participations, session, resolver, null);
        var cols = new LinkColumnsBuilder();
        EventProjector.Project(participations, cordis.Projection, cols, session.Report, Path.GetFileName(files.Fp7Participations), table.IdOf);
        return session.Finish(tree, table, cols);
    }

    private static (List<Innovator> List, List<long> Lines) ReadOrganisations(string path, CsvLoadSession session, RegionTree tree,
        Fp7Gazetteer gazetteer, bool nuts, bool inferKinds)
    {
        var report = session.Report;
        var list = new List<Innovator>();
        var lines = new List<long>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        var countryRank = tree.Ladder.GetLevel("country").Rank;
        var countries = CordisCommon.CountryIdList(tree);

        var unmatchedPairs = new HashSet<(string, string)>();
        long byCity = 0, unmatched = 0, noCity = 0, notInTable = 0, worldRoot = 0, countryFromNuts = 0;
        long nutsExact = 0, nutsCoarseCode = 0, toNuts2 = 0, toNuts1 = 0, toCountry = 0, countryOnlyCode = 0, noCode = 0, conflicts = 0, badCode = 0;
        using var src = DataCsv.Open(path);
        int id = src.Required("org_id"), name = src.Required("name"), country = src.Required("country"), city = src.Required("city"), nuts3 = src.Required("nuts3");
        var rows = DataCsv.ForEach(src, session.Problem, (row, line) =>
        {
            var oidS = session.NewId(src, row, line, id, firstLine, "is empty; every organisation needs an id.");
            if (oidS is null)
            {
                return;
            }

            var rawCountry = row[country].Span.Trim().ToString();
            var rawCity = row[city].Span.Trim().ToString();
            var code = row[nuts3].Span.Trim().ToString().ToUpperInvariant();
            var iso = CountryCodes.ToIso(rawCountry);
            if (iso.Length > 0 && !IsCountry(tree, iso, countryRank))
            {
                session.Problem(new ReferentialIntegrityException(src.Name, line, "country", rawCountry,
                    $"is not a country of the country table (as '{iso}'); the organisation is treated as having no country.",
                    Internal.Suggestions.Closest(iso, countries)), LoadAction.Repaired);
                iso = string.Empty;
            }

            if (iso.Length == 0 && code.Length >= 2 && IsCountry(tree, CountryCodes.ToIso(code.AsSpan(0, 2)), countryRank))
            {
                iso = CountryCodes.ToIso(code.AsSpan(0, 2));
                countryFromNuts++;
            }

            var found = gazetteer.TryGet(rawCountry, rawCity, out var match);
            string region;
            if (nuts)
            {
                region = LocateByNuts(code, iso);
            }
            else if (found && match.CityRegionId is not null)
            {
                region = match.CityRegionId;
                byCity++;
            }
            else if (iso.Length > 0)
            {
                region = iso;
                if (rawCity.Length == 0)
                {
                    noCity++;
                }
                else if (rawCountry.Length > 0)
                {
                    var why = found
                        ? "was not found in the GeoNames gazetteer; the organisation is located by its country only (links ResolutionLimited)."
                        : "is not in fp7-city-matches.csv; the organisation is located by its country only (links ResolutionLimited).";
                    if (found)
                    {
                        unmatched++;
                        unmatchedPairs.Add((rawCountry, rawCity));
                    }
                    else
                    {
                        notInTable++;
                    }

                    report.Add(new LoadIssue(src.Name, line, "city", rawCity, why, LoadAction.Kept));
                }
            }
            else
            {
                region = WorldRegions.RootId;
                worldRoot++;
                report.Add(new LoadIssue(src.Name, line, "country", rawCountry, NoCountryReason, LoadAction.Kept));
            }

            var attrs = CordisCommon.Attributes(src, row, id, name);
            if (found)
            {
                attrs ??= new Dictionary<string, string>(StringComparer.Ordinal);
                attrs["geocoding"] = match.MatchKind;
            }

            var nm = row[name].Span.Trim();
            var nmS = nm.IsEmpty ? oidS : nm.ToString();
            firstLine.Add(oidS, line);
            list.Add(new Innovator(oidS, nmS, inferKinds ? InnovatorKindRule.Infer(nmS) : InnovatorKind.Other, region,
                found ? match.Point : null, CordisCommon.ReadOnly(attrs)));
            lines.Add(line);

            string LocateByNuts(string c, string cc)
            {
                if (c.Length < 2)
                {
                    noCode++;
                    return NoCode(cc);
                }

                var codeCountry = CountryCodes.ToIso(c.AsSpan(0, 2));
                if (!IsCountry(tree, codeCountry, countryRank))
                {
                    badCode++;
                    report.Add(new LoadIssue(src.Name, line, "nuts3", c, "does not start with a known country code; the organisation is located by its country only.", LoadAction.Kept));
                    return NoCode(cc);
                }

                if (cc.Length > 0 && !string.Equals(cc, codeCountry, StringComparison.Ordinal))
                {
                    conflicts++;
                    report.Add(new LoadIssue(src.Name, line, "nuts3", c, $"lies in '{codeCountry}' but the organisation's country is '{cc}'; the NUTS code wins.", LoadAction.Kept));
                }

                if (c.Length == 2)
                {
                    countryOnlyCode++;
                    return codeCountry;
                }

                if (tree.TryGetIndex(c, out var exact) && tree.LevelRank(exact) < countryRank)
                {
                    if (c.Length == 5)
                    {
                        nutsExact++;
                    }
                    else
                    {
                        nutsCoarseCode++;
                    }

                    return c;
                }

                for (var len = Math.Min(c.Length - 1, 4); len >= 3; len--)
                {
                    var prefix = c[..len];
                    if (tree.TryGetIndex(prefix, out var pi) && tree.LevelRank(pi) < countryRank)
                    {
                        if (len == 4)
                        {
                            toNuts2++;
                        }
                        else
                        {
                            toNuts1++;
                        }

                        report.Add(new LoadIssue(src.Name, line, "nuts3", c, "is not a NUTS 2021 code; the organisation is located in its longest NUTS 2021 prefix (links ResolutionLimited).", LoadAction.Kept));
                        return prefix;
                    }
                }

                toCountry++;
                report.Add(new LoadIssue(src.Name, line, "nuts3", c, "has no prefix in NUTS 2021 below the country; the organisation is located by its country only (links ResolutionLimited).", LoadAction.Kept));
                return codeCountry;
            }

            string NoCode(string cc)
            {
                if (cc.Length > 0)
                {
                    return cc;
                }

                worldRoot++;
                report.Add(new LoadIssue(src.Name, line, "country", rawCountry, NoCountryReason, LoadAction.Kept));
                return WorldRegions.RootId;
            }
        });

        report.Count(Path.GetFileName(path) + " rows", rows);
        if (nuts)
        {
            report.Count("organisations located by an exact NUTS-3 code", nutsExact);
            report.Count("organisations located by a NUTS-1 or NUTS-2 code", nutsCoarseCode);
            report.Count("NUTS codes not in NUTS 2021, located in their nuts2 prefix", toNuts2);
            report.Count("NUTS codes not in NUTS 2021, located in their nuts1 prefix", toNuts1);
            report.Count("NUTS codes not in NUTS 2021, located in their country", toCountry);
            report.Count("organisations with a country-only NUTS code", countryOnlyCode);
            report.Count("organisations without a NUTS code (located by country)", noCode);
            report.Count("NUTS codes with an unknown country (located by country)", badCode);
            report.Count("NUTS code country conflicts (code wins)", conflicts);
        }
        else
        {
            report.Count("organisations located by city", byCity);
            report.Count("organisations with an unmatched city (located by country)", unmatched);
            report.Count("unmatched (country, city) pairs", unmatchedPairs.Count);
            report.Count("organisations without a city (located by country)", noCity);
            if (notInTable > 0)
            {
                report.Count("organisations whose (country, city) is not in the match table (located by country)", notInTable);
            }
        }

        report.Count("organisations whose country comes from their NUTS code", countryFromNuts);
        report.Count("organisations without a country (located at the world root)", worldRoot);
        return (list, lines);
    }

    private static bool IsCountry(RegionTree tree, string id, int countryRank) =>
        id.Length > 0 && tree.TryGetIndex(id, out var i) && tree.LevelRank(i) == countryRank;
}
