using System;
using System.Collections.Generic;
using System.Globalization;
using DuckDB.NET.Data;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Events;
using GlocalNetworks.IO.Tabular;
using GlocalNetworks.Model;

namespace GlocalNetworks.DuckDB;

/// <summary>
/// The projection of an events query to co-participation links inside DuckDB (DESIGN 2.14), with the CSV loader's checks
/// and report: rows with an empty event, an unknown innovator or bad years are skipped (and reported); an event's dates are
/// its first row's (later rows that disagree are reported); a participant listed twice in an event is counted once and
/// reported; events with one participant give no link and are counted; events above
/// <see cref="EventProjectionOptions.MaxParticipants"/> are skipped and reported, or projected and counted. The pairs
/// {i, j} of each event (i &lt; j by innovator index) come out of a self-join with weight 1 (full counting) or 1/(p - 1)
/// (fractional), in the order of the events' first rows, so the network equals the one <see cref="GlocalCsv.LoadEvents"/>
/// builds from the same rows.
/// </summary>
internal sealed class EventsProjection
{
    private const string Name = "events query";
    private readonly DuckDBConnection _connection;
    private readonly TableLoader _loader;
    private readonly string _query;
    private readonly EventProjectionOptions _options;
    private readonly List<string> _temps = [];

    public EventsProjection(DuckDBConnection connection, TableLoader loader, string query, EventProjectionOptions options)
    {
        _connection = connection;
        _loader = loader;
        _query = query;
        _options = options;
    }

    private LoadReport Report => _loader.Report;

    /// <summary>Projects the events and builds the network (links streamed in chunks to the streaming builder).</summary>
    public LoadResult Run(RegionTree tree, InnovatorTable? table)
    {
        try
        {
            return Project(tree, table);
        }
        catch (DuckDBException e)
        {
            throw new DuckDbQueryException(Name, null, null, null, "cannot be run: " + DuckDbTableCursor.FirstLine(e.Message), e);
        }
        finally
        {
            foreach (var t in _temps)
            {
                GlocalDuckDb.Execute(_connection, $"DROP TABLE IF EXISTS {t}");
            }
        }
    }

    private LoadResult Project(RegionTree tree, InnovatorTable? table)
    {
        var c = _loader.Schema.Events;
        var columns = GlocalDuckDb.Describe(_connection, Name, _query);
        var ev = GlocalDuckDb.FindColumn(columns, c.Event) ?? GlocalDuckDb.FindColumn(columns, c.Event + "_id") ?? GlocalDuckDb.Column(columns, c.Event, Name);
        var inn = GlocalDuckDb.FindColumn(columns, c.Innovator) ?? GlocalDuckDb.FindColumn(columns, c.Innovator + "_id") ?? GlocalDuckDb.Column(columns, c.Innovator, Name);
        var year = YearColumn(columns, c.Year);
        var end = YearColumn(columns, c.EndYear);

        var rows = Temp("ev");
        GlocalDuckDb.Execute(_connection, $"CREATE TEMP TABLE {rows} AS SELECT __glocal_row AS r, trim(CAST({GlocalDuckDb.Quote(ev)} AS VARCHAR)) AS e, " +
            $"trim(CAST({GlocalDuckDb.Quote(inn)} AS VARCHAR)) AS i, {YearExpr(year)} AS y, {YearExpr(end)} AS en, " +
            $"{RawExpr(year)} AS yraw, {RawExpr(end)} AS enraw FROM ({GlocalDuckDb.Numbered(_query)})");
        Report.Count(Name + " rows", Scalar($"SELECT count(*) FROM {rows}"));
        if (table is null)
        {
            // No innovators query: participants become innovators in order of first appearance, as in CSV.
            var ids = new List<string>();
            Read($"SELECT i FROM {rows} WHERE e IS NOT NULL AND e <> '' AND i IS NOT NULL AND i <> '' GROUP BY i ORDER BY min(r)", r => ids.Add(r.GetString(0)));
            var resolver = new InnovatorResolver(null);
            foreach (var id in ids)
            {
                resolver.Resolve(id);
            }

            table = resolver.BuildInferred(tree);
        }

        var innovators = table;
        using var idTable = new IdTable(_connection, innovators);
        var valid = Temp("valid");
        var checks = Temp("checked");
        var lo = LinkFieldRules.MinCsvYear.ToString(CultureInfo.InvariantCulture);
        var hi = LinkFieldRules.MaxYear.ToString(CultureInfo.InvariantCulture);
        GlocalDuckDb.Execute(_connection, $"CREATE TEMP TABLE {checks} AS SELECT x.r, x.e, x.i, x.y, x.en, ids.idx, CASE " +
            "WHEN x.e IS NULL OR x.e = '' THEN 1 WHEN ids.idx IS NULL THEN 2 " +
            "WHEN x.y IS NULL AND x.yraw <> '' THEN 7 WHEN x.en IS NULL AND x.enraw <> '' THEN 8 " +
            $"WHEN x.y IS NOT NULL AND (x.y < {lo} OR x.y > {hi}) THEN 3 WHEN x.en IS NOT NULL AND (x.en < {lo} OR x.en > {hi}) THEN 4 " +
            "WHEN x.en IS NOT NULL AND x.y IS NULL THEN 5 WHEN x.en IS NOT NULL AND x.en < x.y THEN 6 ELSE 0 END AS bad " +
            $"FROM {rows} x LEFT JOIN {idTable.Name} ids ON ids.id = x.i");
        var resolverForSuggestions = new InnovatorResolver(innovators);
        Read($"SELECT c.r, c.e, c.i, c.y, c.en, c.bad, x.yraw, x.enraw FROM {checks} c JOIN {rows} x USING (r) WHERE c.bad <> 0 ORDER BY c.r", r =>
        {
            var row = r.GetInt64(0);
            var i = r.IsDBNull(2) ? string.Empty : r.GetString(2);
            var bad = r.GetInt32(5);
            GlocalDataException error = bad switch
            {
                1 => new DuckDbQueryException(Name, row, ev, r.IsDBNull(1) ? string.Empty : r.GetString(1), "is empty; every participation needs an event id."),
                2 => new ReferentialIntegrityException(Name, row, inn, i,
                    i.Length == 0 ? "is empty; every participation needs an innovator id." : "is not a known innovator id.",
                    i.Length == 0 ? [] : resolverForSuggestions.Suggest(i)),
                3 => OutOfRange(row, year!, r.GetInt64(3)),
                4 => OutOfRange(row, end!, r.GetInt64(4)),
                7 => new DuckDbQueryException(Name, row, year, r.GetString(6), LinkFieldRules.NotAYear),
                8 => new DuckDbQueryException(Name, row, end, r.GetString(7), LinkFieldRules.NotAYear),
                _ => new DuckDbQueryException(Name, row, end, r.GetInt64(4).ToString(CultureInfo.InvariantCulture),
                    LinkFieldRules.EndYearProblem(r.IsDBNull(3) ? null : (int)r.GetInt64(3), (int)r.GetInt64(4))!),
            };
            _loader.Problem(error, LoadAction.Skipped);
        });
        GlocalDuckDb.Execute(_connection, $"CREATE TEMP TABLE {valid} AS SELECT r, e, idx, y, en FROM {checks} WHERE bad = 0");

        // Each event: its first row and that row's dates.
        var events = Temp("events");
        GlocalDuckDb.Execute(_connection, $"CREATE TEMP TABLE {events} AS SELECT v.e, v.r AS first, v.y, v.en FROM {valid} v " +
            $"JOIN (SELECT e, min(r) AS first FROM {valid} GROUP BY e) f ON v.r = f.first");
        Read($"SELECT v.r, v.y, v.e, ev.y IS NULL AND ev.en IS NULL FROM {valid} v JOIN {events} ev USING (e) " +
            "WHERE (v.y IS NOT NULL AND v.y IS DISTINCT FROM ev.y) OR (v.en IS NOT NULL AND v.en IS DISTINCT FROM ev.en) ORDER BY v.r", r =>
        {
            var e = r.GetString(2);
            var reason = r.GetBoolean(3)
                ? $"differs from the event's earlier rows, which have no year; event '{e}' keeps its first rows' dates."
                : $"differs from the event's earlier rows; event '{e}' keeps its first rows' dates.";
            _loader.Problem(new GlocalDataException(Name, r.GetInt64(0), c.Year, r.IsDBNull(1) ? string.Empty : r.GetInt64(1).ToString(CultureInfo.InvariantCulture), reason),
                LoadAction.Repaired);
        });

        // Duplicate participants: counted once, each extra row reported.
        long duplicates = 0;
        Read($"SELECT v.e, v.idx, count(*) - 1 FROM {valid} v JOIN {events} ev USING (e) GROUP BY v.e, v.idx, ev.first HAVING count(*) > 1 ORDER BY ev.first, v.idx", r =>
        {
            var extra = r.GetInt64(2);
            duplicates += extra;
            for (var k = 0; k < extra; k++)
            {
                Report.Add(new LoadIssue(Name, null, "innovator", innovators.IdOf(r.GetInt32(1)),
                    $"is listed more than once in event '{r.GetString(0)}'; counted once.", LoadAction.Repaired));
            }
        });
        var members = Temp("members");
        GlocalDuckDb.Execute(_connection, $"CREATE TEMP TABLE {members} AS SELECT DISTINCT e, idx FROM {valid}");
        var sizes = Temp("sizes");
        GlocalDuckDb.Execute(_connection, $"CREATE TEMP TABLE {sizes} AS SELECT m.e, count(*) AS p, ev.first, ev.y, ev.en FROM {members} m JOIN {events} ev USING (e) GROUP BY m.e, ev.first, ev.y, ev.en");

        var max = _options.MaxParticipants.ToString(CultureInfo.InvariantCulture);
        var eventCount = Scalar($"SELECT count(*) FROM {sizes}");
        var singles = Scalar($"SELECT count(*) FROM {sizes} WHERE p < 2");
        long oversizedProjected = 0;
        if (_options.Oversized == OversizedEventPolicy.Skip)
        {
            Read($"SELECT e, p FROM {sizes} WHERE p >= 2 AND p > {max} ORDER BY first", r =>
                Report.Add(new LoadIssue(Name, null, "event", r.GetString(0),
                    string.Create(CultureInfo.InvariantCulture, $"has {r.GetInt64(1)} participants, more than MaxParticipants ({_options.MaxParticipants}); the event is skipped."), LoadAction.Skipped)));
        }
        else
        {
            oversizedProjected = Scalar($"SELECT count(*) FROM {sizes} WHERE p >= 2 AND p > {max}");
        }

        var limit = _options.Oversized == OversizedEventPolicy.Skip ? $" AND s.p <= {max}" : string.Empty;
        var projected = Scalar($"SELECT count(*) FROM {sizes} s WHERE s.p >= 2{limit}");
        var weight = _options.Counting == ParticipationCounting.Fractional ? "CAST(1 AS DOUBLE) / CAST(s.p - 1 AS DOUBLE)" : "CAST(1 AS DOUBLE)";
        long links = 0;
        var kind = _options.Kind;
        var sink = LinkSink.Create(_loader, tree, innovators, dates: false, Name + " (projected links)");
        Read($"SELECT a.idx, b.idx, {weight}, s.y, s.en FROM {members} a JOIN {members} b ON a.e = b.e AND a.idx < b.idx " +
            $"JOIN {sizes} s ON s.e = a.e WHERE s.p >= 2{limit} ORDER BY s.first, a.idx, b.idx", r =>
        {
            int? y = r.IsDBNull(3) ? null : (int)r.GetInt64(3);
            int? en = r.IsDBNull(4) ? null : (int)r.GetInt64(4);
            sink.Add(r.GetInt32(0), r.GetInt32(1), r.GetDouble(2), kind, y, en, null, false);
            links++;
        });

        Report.Count("events", eventCount);
        Report.Count("events projected", projected);
        Report.Count("events with one participant (no link)", singles);
        Report.Count("duplicate participations removed", duplicates);
        if (oversizedProjected > 0)
        {
            Report.Count("events above MaxParticipants projected", oversizedProjected);
        }

        Report.Count("links from events", links);
        return sink.Finish(_loader, tree, innovators, null, Name + " (projected links)", null);
    }

    private DuckDbQueryException OutOfRange(long row, string column, long value) =>
        new(Name, row, column, value.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"is out of range; years must lie in {LinkFieldRules.MinCsvYear}..{LinkFieldRules.MaxYear}."));

    // Text years are parsed by DuckDB; one that does not parse is caught by the raw text beside it (bad codes 7 and 8).
    private static string YearExpr(string? column) => column is null ? "CAST(NULL AS BIGINT)" : $"TRY_CAST(trim(CAST({GlocalDuckDb.Quote(column)} AS VARCHAR)) AS BIGINT)";

    private static string RawExpr(string? column) => column is null ? "CAST(NULL AS VARCHAR)" : $"trim(CAST({GlocalDuckDb.Quote(column)} AS VARCHAR))";

    private static string? YearColumn(List<(string Name, string Type)> columns, string wanted)
    {
        var name = GlocalDuckDb.FindColumn(columns, wanted);
        if (name is null)
        {
            return null;
        }

        var type = columns.Find(c => c.Name == name).Type;
        var integer = type.Contains("INT", StringComparison.OrdinalIgnoreCase) && !type.Contains("INTERVAL", StringComparison.OrdinalIgnoreCase);
        if (!integer && !type.Equals("VARCHAR", StringComparison.OrdinalIgnoreCase))
        {
            throw new DuckDbQueryException(Name, null, name, type, "is the column's type; expected a whole number (an integer type, or text holding whole numbers).");
        }

        return name;
    }

    private string Temp(string what)
    {
        var t = GlocalDuckDb.TempName(what);
        _temps.Add(t);
        return t;
    }

    private long Scalar(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Read(string sql, Action<DuckDBDataReader> row)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        using var r = (DuckDBDataReader)cmd.ExecuteReader();
        while (r.Read())
        {
            row(r);
        }
    }
}
