using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Events;
using GlocalNetworks.Model;

namespace GlocalNetworks.Data;

/// <summary>
/// Loads the early Horizon 2020 participation network (<c>shared/data/cordis-h2020-sod16/</c>: 12,326 organisations, 7,574
/// projects signed by mid-2016, 31,868 participations; "Source: CORDIS, © European Union, 2016", CC BY 4.0). Organisations
/// are located by country only; projects are events projected to co-participation links (DESIGN 2.14) whose year is
/// the project's start year and whose end year is the project's end year (the project's lifetime).
/// </summary>
/// <remarks>
/// <para>The tree is <see cref="WorldRegions"/> (world &gt; M49 regions &gt; countries) on the default ladder (or
/// <see cref="LoadOptions.Ladder"/>, which must have the levels country, world-region and world). Country codes are mapped
/// <c>EL</c> → <c>GR</c>, <c>UK</c> → <c>GB</c>, <c>KO</c> → <c>XK</c>; an organisation with no country sits at the world root,
/// reported. Every link between two organisations of one country is National and <c>ResolutionLimited</c>.</para>
/// <para>Dates: <c>start_date</c> and <c>end_date</c> are ISO dates (<c>yyyy-MM-dd</c>). A project without a start date (767 in
/// the data) gives links with <c>Year = null</c>; its end date, if any (762 such projects), is then not used, because a
/// lifetime needs a start. Both counts are in the report. Innovators keep every non-empty source column except
/// <c>org_id</c> and <c>name</c> as attributes.</para>
/// </remarks>
public static class CordisH2020
{
    /// <summary>Loads H2020.</summary>
    /// <param name="files">Where the files are.</param>
    /// <param name="options">Load options (mode, classifier, ladder); <see langword="null"/> for the defaults.</param>
    /// <param name="cordis">Kind inference and projection options; <see langword="null"/> for the defaults.</param>
    /// <returns>The network (links dated by project start, with the project's end year) and the report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode, or a malformed reference table.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static LoadResult Load(DataFiles files, LoadOptions? options = null, CordisOptions? cordis = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        options ??= LoadOptions.Default;
        cordis ??= CordisOptions.Default;
        var session = new CsvLoadSession(options, null);
        var report = session.Report;
        var world = WorldRegions.ReadRegions(files.Countries, CordisCommon.CentroidsOrNull(files), options.Ladder);
        var tree = RegionTree.Build(world, options.Ladder);
        report.Count("regions", tree.Count);
        var years = ReadProjects(files.H2020Projects, session);
        var (list, lines) = ReadOrganisations(files.H2020Organisations, session, tree, cordis.InferKinds);
        var table = NetworkAssembly.CreateInnovatorTable(list, tree, files.H2020Organisations, lines);
        CordisCommon.CountLevels(report, tree, table);
        if (cordis.InferKinds)
        {
            CordisCommon.CountKinds(report, list);
        }

        var resolver = new InnovatorResolver(table);
        var participations = CordisCommon.ReadParticipations(files.H2020Participations, session, resolver, years);
        var missing = 0L;
        foreach (var e in participations.EventIds)
        {
            if (!years.ContainsKey(e))
            {
                missing++;
            }
        }

        report.Count("projects with participations but not in projects.csv (undated)", missing);
        var cols = new LinkColumnsBuilder();
        EventProjector.Project(participations, cordis.Projection, cols, report, Path.GetFileName(files.H2020Participations), table.IdOf);
        var result = session.Finish(tree, table, cols);
        report.Count("links without a year", result.Network.Links.UndatedCount);
        return result;
    }

    /// <summary>Loads H2020 from a data folder with the standard layout.</summary>
    /// <param name="dataDirectory">The <c>shared/data</c> folder.</param>
    /// <param name="options">Load options; <see langword="null"/> for the defaults.</param>
    /// <param name="cordis">CORDIS options; <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static LoadResult Load(string dataDirectory, LoadOptions? options = null, CordisOptions? cordis = null) =>
        Load(new DataFiles(dataDirectory), options, cordis);

    private static Dictionary<string, (int? Start, int? End)> ReadProjects(string path, CsvLoadSession session)
    {
        var result = new Dictionary<string, (int?, int?)>(StringComparer.Ordinal);
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        long noStart = 0, endIgnored = 0;
        using var src = DataCsv.Open(path);
        int id = src.Required("project_rcn"), start = src.Required("start_date"), end = src.Required("end_date");
        var rows = DataCsv.ForEach(src, session.Problem, (row, line) =>
        {
            var pidS = session.NewId(src, row, line, id, firstLine, "is empty; every project needs a record number.");
            if (pidS is null)
            {
                return;
            }

            firstLine.Add(pidS, line);
            var s = Year(src, row, line, start, session);
            var e = Year(src, row, line, end, session);
            if (s is null)
            {
                noStart++;
                if (e is not null)
                {
                    endIgnored++;
                    e = null;
                }
            }
            else if (e is { } ev && ev < s)
            {
                session.Problem(src.Format(line, end, row[end].Span, "is before the start date; the end year is left out."), LoadAction.Repaired);
                e = null;
            }

            result.Add(pidS, (s, e));
        });
        session.Report.Count(Path.GetFileName(path) + " rows", rows);
        session.Report.Count("projects without a start date (links undated)", noStart);
        session.Report.Count("projects with an end date but no start date (end not used)", endIgnored);
        return result;
    }

    private static int? Year(CsvSource src, nietras.SeparatedValues.SepReader.Row row, long line, int col, CsvLoadSession session)
    {
        var s = row[col].Span.Trim();
        if (s.IsEmpty)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            session.Problem(src.Format(line, col, s, "is not a date; expected yyyy-MM-dd. The date is left out."), LoadAction.Repaired);
            return null;
        }

        return d.Year;
    }

    private static (List<Innovator> List, List<long> Lines) ReadOrganisations(string path, CsvLoadSession session, RegionTree tree, bool inferKinds)
    {
        var report = session.Report;
        var list = new List<Innovator>();
        var lines = new List<long>();
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        var countryRank = tree.Ladder.GetLevel("country").Rank;
        var countries = CordisCommon.CountryIdList(tree);

        long worldRoot = 0;
        using var src = DataCsv.Open(path);
        int id = src.Required("org_id"), name = src.Required("name"), country = src.Required("country");
        var rows = DataCsv.ForEach(src, session.Problem, (row, line) =>
        {
            var oidS = session.NewId(src, row, line, id, firstLine, "is empty; every organisation needs an id.");
            if (oidS is null)
            {
                return;
            }

            var raw = row[country].Span.Trim().ToString();
            var iso = CountryCodes.ToIso(raw);
            if (iso.Length > 0 && !(tree.TryGetIndex(iso, out var ci) && tree.LevelRank(ci) == countryRank))
            {
                session.Problem(new ReferentialIntegrityException(src.Name, line, "country", raw,
                    $"is not a country of the country table (as '{iso}'); the organisation is treated as having no country.",
                    Internal.Suggestions.Closest(iso, countries)), LoadAction.Repaired);
                iso = string.Empty;
            }

            if (iso.Length == 0)
            {
                worldRoot++;
                report.Add(new LoadIssue(src.Name, line, "country", raw, "is empty; the organisation is located at the world root (links ResolutionLimited).", LoadAction.Kept));
                iso = WorldRegions.RootId;
            }

            var nm = row[name].Span.Trim();
            var nmS = nm.IsEmpty ? oidS : nm.ToString();
            firstLine.Add(oidS, line);
            list.Add(new Innovator(oidS, nmS, inferKinds ? InnovatorKindRule.Infer(nmS) : InnovatorKind.Other, iso, null,
                CordisCommon.ReadOnly(CordisCommon.Attributes(src, row, id, name))));
            lines.Add(line);
        });
        report.Count(Path.GetFileName(path) + " rows", rows);
        report.Count("organisations without a country (located at the world root)", worldRoot);
        return (list, lines);
    }
}
