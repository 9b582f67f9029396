using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Events;
using GlocalNetworks.Model;

namespace GlocalNetworks.Data;

/// <summary>Parts shared by the CORDIS loaders: participations, level and kind counts, country sets.</summary>
internal static class CordisCommon
{
    /// <summary>Reads <c>project_rcn, org_id</c> rows into event participations; years come from <paramref name="years"/> when given.</summary>
    public static EventParticipations ReadParticipations(string path, CsvLoadSession session, InnovatorResolver resolver,
        Dictionary<string, (int? Start, int? End)>? years)
    {
        var p = new EventParticipations();
        using var src = DataCsv.Open(path);
        int project = src.Required("project_rcn"), org = src.Required("org_id");
        var rows = DataCsv.ForEach(src, session.Problem, (row, line) =>
        {
            var ev = row[project].Span.Trim();
            if (ev.IsEmpty)
            {
                session.Problem(src.Format(line, project, ev, "is empty; every participation needs a project."), LoadAction.Skipped);
                return;
            }

            var o = row[org].Span.Trim();
            var who = resolver.Resolve(o);
            if (who < 0)
            {
                var v = o.ToString();
                session.Problem(new ReferentialIntegrityException(src.Name, line, "org_id", v,
                    v.Length == 0 ? "is empty; every participation needs an organisation." : "is not a known organisation id.",
                    v.Length == 0 ? [] : resolver.Suggest(v)), LoadAction.Skipped);
                return;
            }

            int? start = null, end = null;
            if (years is not null && years.TryGetValue(ev.ToString(), out var y))
            {
                (start, end) = y;
            }

            p.Add(ev, who, start, end, line);
        });
        session.Report.Count(Path.GetFileName(path) + " rows", rows);
        return p;
    }

    /// <summary>The ids of the tree's country-level regions, in index order (for suggestions).</summary>
    public static List<string> CountryIdList(RegionTree tree)
    {
        var ids = new List<string>();
        foreach (var r in tree.RegionsAt("country"))
        {
            ids.Add(r.Id);
        }

        return ids;
    }

    /// <summary>The ids of the country-level regions.</summary>
    public static HashSet<string> CountryIds(IReadOnlyList<Region> regions, RegionLadder ladder)
    {
        var country = ladder.GetLevel("country");
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in regions)
        {
            if (r.Level == country)
            {
                set.Add(r.Id);
            }
        }

        return set;
    }

    /// <summary>The centroids file when it exists, else <see langword="null"/> (countries then have no centroid).</summary>
    public static string? CentroidsOrNull(DataFiles files) => File.Exists(files.CountryCentroids) ? files.CountryCentroids : null;

    /// <summary>Counts <c>innovators at LEVEL</c> for every level of the ladder (zeros included), finest first.</summary>
    public static void CountLevels(LoadReport report, RegionTree tree, InnovatorTable table)
    {
        var levels = tree.Ladder.Levels;
        var counts = new long[levels.Count];
        foreach (var r in table.RegionIndices)
        {
            counts[tree.LevelRank(r)]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            report.Count("innovators at " + levels[i].Name, counts[i]);
        }
    }

    /// <summary>Counts <c>innovators of kind KIND</c> for every kind the rule can give, and the ones left Other.</summary>
    public static void CountKinds(LoadReport report, List<Innovator> list)
    {
        var counts = new long[7];
        foreach (var i in list)
        {
            counts[(int)i.Kind]++;
        }

        foreach (var k in new[] { InnovatorKind.Firm, InnovatorKind.University, InnovatorKind.ResearchInstitute, InnovatorKind.Government, InnovatorKind.Intermediary })
        {
            report.Count("innovators of kind " + k.ToString(), counts[(int)k]);
        }

        report.Count("innovators left Other by the keyword rule", counts[(int)InnovatorKind.Other]);
    }

    /// <summary>Every non-empty cell of the row except the listed columns, keyed by header name.</summary>
    public static Dictionary<string, string>? Attributes(CsvSource src, nietras.SeparatedValues.SepReader.Row row, int skipA, int skipB)
    {
        Dictionary<string, string>? attrs = null;
        for (var c = 0; c < src.ColumnCount; c++)
        {
            if (c == skipA || c == skipB)
            {
                continue;
            }

            var v = row[c].Span.Trim();
            if (!v.IsEmpty)
            {
                attrs ??= new Dictionary<string, string>(StringComparer.Ordinal);
                attrs[src.HeaderName(c)] = v.ToString();
            }
        }

        return attrs;
    }

    public static IReadOnlyDictionary<string, string>? ReadOnly(Dictionary<string, string>? d) => d is null ? null : new ReadOnlyDictionary<string, string>(d);
}
