using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GlocalNetworks.Model;

namespace GlocalNetworks.Data;

/// <summary>
/// The EU NUTS 2021 tree on <see cref="RegionLadder.Eu"/>: <c>nuts3</c> &lt; <c>nuts2</c> &lt; <c>nuts1</c> &lt;
/// <c>country</c> &lt; <c>world-region</c> &lt; <c>world</c>, read from <c>shared/data/regions/nuts2021.csv</c> and put under
/// the world tree of <see cref="WorldRegions"/>.
/// </summary>
/// <remarks>
/// <para>NUTS levels 1–3 keep their codes as ids (<c>DE3</c>, <c>DE30</c>, <c>DE300</c>, <c>EL303</c>, <c>UKI31</c>), their Latin
/// names (runs of white space, such as the line breaks inside NO0B's quoted name, collapsed to one space) and their GISCO label points as centroids (a point inside the region, not a true centroid). NUTS level 0 is not
/// a region of its own: it is the country, whose id is the ISO code after <see cref="CountryCodes.ToIso(string)"/>
/// (<c>EL</c> → <c>GR</c>, <c>UK</c> → <c>GB</c>), so each NUTS-1 region's parent is an ISO country of the world tree.
/// Every country of the world stays in the tree (non-NUTS countries have no finer regions).</para>
/// </remarks>
public static class NutsRegions
{
    /// <summary>Reads NUTS 2021 under the world tree.</summary>
    /// <param name="nutsPath">The NUTS 2021 table (<c>nuts_id, level, parent_id, country_code, name_latin, ..., lat, lon</c>).</param>
    /// <param name="countriesPath">The ISO 3166 / M49 table.</param>
    /// <param name="centroidsPath">The country centroids table, or <see langword="null"/>.</param>
    /// <param name="ladder">A ladder with the levels nuts3, nuts2, nuts1, country, world-region and world; <see langword="null"/> for <see cref="RegionLadder.Eu"/>.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="GlocalDataException">A malformed row, an unknown parent or country; the message names file, line, column and value.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="UnknownRegionLevelException">The ladder lacks one of the levels.</exception>
    public static RegionTree ReadTree(string nutsPath, string countriesPath, string? centroidsPath = null, RegionLadder? ladder = null)
    {
        ladder ??= RegionLadder.Eu;
        var world = WorldRegions.ReadRegions(countriesPath, centroidsPath, ladder);
        var all = new List<Region>(world);
        all.AddRange(ReadRegions(nutsPath, world, ladder));
        return RegionTree.Build(all, ladder);
    }

    /// <summary>Reads the NUTS levels 1–3 as regions whose NUTS-1 parents are the ISO countries in <paramref name="world"/>.</summary>
    /// <param name="nutsPath">The NUTS 2021 table.</param>
    /// <param name="world">The world regions (from <see cref="WorldRegions.ReadRegions"/>), to check the countries against.</param>
    /// <param name="ladder">The ladder.</param>
    /// <returns>The NUTS regions in file order (level 0 rows left out).</returns>
    /// <exception cref="GlocalDataException">A malformed row, an unknown parent or country.</exception>
    public static IReadOnlyList<Region> ReadRegions(string nutsPath, IReadOnlyList<Region> world, RegionLadder? ladder = null)
    {
        ArgumentNullException.ThrowIfNull(nutsPath);
        ArgumentNullException.ThrowIfNull(world);
        ladder ??= RegionLadder.Eu;
        var levels = new[] { ladder.GetLevel("country"), ladder.GetLevel("nuts1"), ladder.GetLevel("nuts2"), ladder.GetLevel("nuts3") };
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in world)
        {
            if (r.Level == levels[0])
            {
                countries.Add(r.Id);
            }
        }

        var result = new List<Region>();
        var seen = new Dictionary<string, (int Level, long Line)>(StringComparer.Ordinal);
        using var src = DataCsv.Open(nutsPath);
        int id = src.Required("nuts_id"), level = src.Required("level"), parent = src.Required("parent_id");
        int name = src.Optional("name_latin"), lat = src.Optional("lat"), lon = src.Optional("lon");
        DataCsv.ForEach(src, null, (row, line) =>
        {
            var code = row[id].Span.Trim();
            var lv = row[level].Span.Trim();
            if (!int.TryParse(lv, NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l > 3)
            {
                throw src.Format(line, level, lv, "is not a NUTS level; expected 0, 1, 2 or 3.");
            }

            if (code.Length != l + 2 || !IsNutsCode(code))
            {
                throw src.Format(line, id, code, string.Create(CultureInfo.InvariantCulture,
                    $"is not a NUTS code of level {l}; expected two capital letters and {l} more letters or digits."));
            }

            var codeS = code.ToString();
            if (seen.TryGetValue(codeS, out var first))
            {
                throw new DuplicateIdException(src.Name, line, "nuts_id", codeS, first.Line);
            }

            seen.Add(codeS, (l, line));
            var p = row[parent].Span.Trim();
            if (l == 0)
            {
                var iso = CountryCodes.ToIso(codeS);
                if (!countries.Contains(iso))
                {
                    throw new ReferentialIntegrityException(src.Name, line, "nuts_id", codeS,
                        $"names the country '{iso}', which is not in the country table.", []);
                }

                return;
            }

            var pS = p.ToString();
            if (!seen.TryGetValue(pS, out var pInfo) || pInfo.Level != l - 1 || !code.StartsWith(p, StringComparison.Ordinal))
            {
                throw new ReferentialIntegrityException(src.Name, line, "parent_id", pS, string.Create(CultureInfo.InvariantCulture,
                    $"is not an earlier NUTS region of level {l - 1} that prefixes '{codeS}'; list parents before their children."), []);
            }

            var nm = name >= 0 ? DataCsv.CollapseWhitespace(row[name].Span) : string.Empty;
            var parentId = l == 1 ? CountryCodes.ToIso(pS) : pS;
            result.Add(new Region(codeS, nm.Length == 0 ? codeS : nm, levels[l], parentId, DataCsv.Point(src, row, line, lat, lon)));
        });
        return result;
    }

    private static bool IsNutsCode(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] is < 'A' or > 'Z' || s[1] is < 'A' or > 'Z')
        {
            return false;
        }

        foreach (var c in s[2..])
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}
