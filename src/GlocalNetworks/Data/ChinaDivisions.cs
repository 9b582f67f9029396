using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GlocalNetworks.Model;

namespace GlocalNetworks.Data;

/// <summary>
/// China's GB/T 2260 division tree (NBS 2023 codes; <c>shared/data/china-divisions/divisions.csv</c>) on
/// <see cref="RegionLadder.China"/>: <c>county</c> &lt; <c>prefecture</c> &lt; <c>province</c> &lt; <c>country</c> (<c>CN</c>)
/// &lt; <c>world-region</c> (Asia, <c>m49:142</c>) &lt; <c>world</c>.
/// </summary>
/// <remarks>
/// <para>Region ids are the six-digit codes (<c>110000</c> 北京市, <c>110100</c>, <c>110101</c> 东城区); names are the official
/// Chinese names (<c>name_zh</c>), kept exactly. Centroids are the seat points (<c>seat_lat</c>, <c>seat_lon</c>) where the file
/// gives them: every province, 328 of 342 prefectures and 1,147 of 2,975 counties (county points are rough name matches;
/// prefer prefecture points for distances). The municipalities' placeholder prefectures (<c>市辖区</c>, <c>县</c>) and the
/// province-administered county groups (<c>xx9000</c>) are kept as they are in the file.</para>
/// <para>Without a countries table the tree holds only the world root, Asia, China and the divisions. With one, every
/// country of <see cref="WorldRegions"/> is added (so foreign innovators can be placed too) and China keeps the table's
/// name.</para>
/// </remarks>
public static class ChinaDivisions
{
    /// <summary>China's id, <c>CN</c>.</summary>
    public const string ChinaId = "CN";

    /// <summary>Reads the division tree.</summary>
    /// <param name="path">The divisions table (<c>code, level, parent_code, name_zh, ..., seat_lat, seat_lon, ...</c>).</param>
    /// <param name="countriesPath">The ISO 3166 / M49 table to add the other countries, or <see langword="null"/> for China alone.</param>
    /// <param name="ladder">A ladder with the levels county, prefecture, province, country, world-region and world; <see langword="null"/> for <see cref="RegionLadder.China"/>.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="GlocalDataException">A malformed row, a duplicate code or an unknown parent; the message names file, line, column and value.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static RegionTree ReadTree(string path, string? countriesPath = null, RegionLadder? ladder = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ladder ??= RegionLadder.China;
        var levels = new[] { ladder.GetLevel("country"), ladder.GetLevel("province"), ladder.GetLevel("prefecture"), ladder.GetLevel("county") };
        var regions = new List<Region>();
        if (countriesPath is null)
        {
            regions.Add(new Region(WorldRegions.RootId, WorldRegions.RootName, ladder.GetLevel("world"), null));
            regions.Add(new Region(WorldRegions.AsiaId, "Asia", ladder.GetLevel("world-region"), WorldRegions.RootId));
            regions.Add(new Region(ChinaId, "China", levels[0], WorldRegions.AsiaId));
        }
        else
        {
            regions.AddRange(WorldRegions.ReadRegions(countriesPath, null, ladder));
            var hasChina = false;
            foreach (var r in regions)
            {
                hasChina |= r.Id == ChinaId && r.Level == levels[0];
            }

            if (!hasChina)
            {
                throw new ReferentialIntegrityException(countriesPath, null, "alpha-2", ChinaId, "is missing from the country table; the division tree hangs from it.", []);
            }
        }

        var seen = new Dictionary<string, (int Level, long Line)>(StringComparer.Ordinal);
        var pending = new List<(Region Region, int Level, string Parent, long Line)>();
        using (var src = DataCsv.Open(path))
        {
            int code = src.Required("code"), level = src.Required("level"), parent = src.Required("parent_code"), name = src.Required("name_zh");
            int lat = src.Optional("seat_lat"), lon = src.Optional("seat_lon");
            DataCsv.ForEach(src, null, (row, line) =>
            {
                var c = row[code].Span.Trim();
                if (c.Length != 6 || !IsDigits(c))
                {
                    throw src.Format(line, code, c, "is not a GB/T 2260 code; expected six digits.");
                }

                var lv = row[level].Span.Trim();
                if (!int.TryParse(lv, NumberStyles.None, CultureInfo.InvariantCulture, out var l) || l < 1 || l > 3)
                {
                    throw src.Format(line, level, lv, "is not a division level; expected 1 (province), 2 (prefecture) or 3 (county).");
                }

                var cS = c.ToString();
                if (seen.TryGetValue(cS, out var first))
                {
                    throw new DuplicateIdException(src.Name, line, "code", cS, first.Line);
                }

                seen.Add(cS, (l, line));
                var p = row[parent].Span.Trim();
                if (l == 1 && !p.IsEmpty)
                {
                    throw src.Format(line, parent, p, "is given for a province; provinces hang from China and have no parent code.");
                }

                if (l > 1 && p.IsEmpty)
                {
                    throw src.Format(line, parent, p, "is empty; a prefecture or county needs the code of its parent division.");
                }

                var nm = row[name].Span.Trim();
                if (nm.IsEmpty)
                {
                    throw src.Format(line, name, nm, "is empty; every division needs its Chinese name.");
                }

                var region = new Region(cS, nm.ToString(), levels[l], l == 1 ? ChinaId : p.ToString(), DataCsv.Point(src, row, line, lat, lon));
                pending.Add((region, l, l == 1 ? ChinaId : p.ToString(), line));
            });

            foreach (var (region, l, parentCode, line) in pending)
            {
                if (l > 1 && (!seen.TryGetValue(parentCode, out var pi) || pi.Level != l - 1))
                {
                    throw new ReferentialIntegrityException(src.Name, line, "parent_code", parentCode, string.Create(CultureInfo.InvariantCulture,
                        $"is not a division of level {l - 1} in the file (parent of '{region.Id}')."), []);
                }

                regions.Add(region);
            }
        }

        return RegionTree.Build(regions, ladder);
    }

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
