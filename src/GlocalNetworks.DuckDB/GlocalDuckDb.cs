using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using DuckDB.NET.Data;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Events;
using GlocalNetworks.IO.Tabular;
using GlocalNetworks.Model;

namespace GlocalNetworks.DuckDB;

/// <summary>
/// Builds a glocal network from SQL run by an embedded DuckDB: a query per table (links, innovators, regions) over CSV,
/// Parquet or any other source DuckDB reads, or an events (participations) query projected to co-participation links
/// inside DuckDB (DESIGN 2.14). Raw tables larger than memory are filtered, joined and projected before anything reaches
/// .NET; only the finished link columns are streamed out, chunk by chunk, through the DuckDB data reader.
/// </summary>
/// <remarks>
/// <para>Each query's columns follow the CSV formats (<see cref="CsvSchema"/>; names match ignoring case): links
/// <c>source, target</c> and optionally <c>weight, kind, year, end_year, date, directed</c>; innovators <c>id</c> and
/// optionally <c>name, kind, region, lat, lon</c> (other columns become attributes); regions <c>id, level</c> and
/// optionally <c>name, parent, lat, lon</c>; events <c>event, innovator</c> (or <c>event_id, innovator_id</c>) and
/// optionally <c>year, end_year</c>. The checks, strict and lenient modes and report counts are the CSV loader's; an error
/// names the query (<c>links query</c>), the 1-based row of the query's result, the column and the value.</para>
/// <para>When an innovators query is given, link ends and participants are matched to innovators inside DuckDB (a join on
/// the trimmed id), so no .NET string is made per link.</para>
/// </remarks>
public static class GlocalDuckDb
{
    private static long _session;

    /// <summary>Builds a network from a query per table, on a new in-memory DuckDB.</summary>
    /// <param name="linksQuery">The links query.</param>
    /// <param name="innovatorsQuery">The innovators query, or <see langword="null"/> (link ends become innovators, as in CSV).</param>
    /// <param name="regionsQuery">The regions query, or <see langword="null"/>.</param>
    /// <param name="options">Load options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="schema">Column names; <see langword="null"/> for <see cref="CsvSchema.Default"/>.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">A query DuckDB cannot run, a missing or mistyped column
    /// (<see cref="DuckDbQueryException"/>), or bad data in strict mode.</exception>
    public static LoadResult Load(string linksQuery, string? innovatorsQuery = null, string? regionsQuery = null,
        LoadOptions? options = null, CsvSchema? schema = null)
    {
        using var connection = OpenInMemory();
        return Load(connection, linksQuery, innovatorsQuery, regionsQuery, options, schema);
    }

    /// <summary>Builds a network from a query per table on an open connection (views, attached databases and settings of the
    /// connection are visible to the queries). The loader's temporary tables are dropped afterwards.</summary>
    /// <param name="connection">An open DuckDB connection.</param>
    /// <param name="linksQuery">The links query.</param>
    /// <param name="innovatorsQuery">The innovators query, or <see langword="null"/>.</param>
    /// <param name="regionsQuery">The regions query, or <see langword="null"/>.</param>
    /// <param name="options">Load options.</param>
    /// <param name="schema">Column names.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">A query DuckDB cannot run, a missing or mistyped column, or bad data in strict mode.</exception>
    public static LoadResult Load(DuckDBConnection connection, string linksQuery, string? innovatorsQuery = null, string? regionsQuery = null,
        LoadOptions? options = null, CsvSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(linksQuery);
        var loader = new TableLoader(options, schema);
        var (tree, table) = ReadNodes(connection, loader, innovatorsQuery, regionsQuery);
        var resolver = new InnovatorResolver(table);
        var c = loader.Schema.Links;
        const string name = "links query";
        if (table is null)
        {
            var sink = LinkSink.Create(loader, tree, null, true, name);
            long rows;
            using (var links = new DuckDbTableCursor(connection, name, Numbered(linksQuery)))
            {
                rows = loader.ReadLinks(links, resolver, sink);
            }

            return sink.Finish(loader, tree, resolver.BuildInferred(tree), null, name, rows);
        }
        else
        {
            using var ids = new IdTable(connection, table);
            var columns = Describe(connection, name, linksQuery);
            var s = Column(columns, c.Source, name);
            var t = Column(columns, c.Target, name);
            var sink = LinkSink.Create(loader, tree, table, FindColumn(columns, c.Date) is not null, name);
            var sql = $"SELECT q.*, s.idx AS __glocal_source, t.idx AS __glocal_target FROM ({Numbered(linksQuery)}) q " +
                $"LEFT JOIN {ids.Name} s ON s.id = trim(CAST(q.{Quote(s)} AS VARCHAR)) LEFT JOIN {ids.Name} t ON t.id = trim(CAST(q.{Quote(t)} AS VARCHAR)) " +
                "ORDER BY q.__glocal_row";
            long rows;
            using (var links = new DuckDbTableCursor(connection, name, sql, s, t))
            {
                rows = loader.ReadLinks(links, resolver, sink);
            }

            return sink.Finish(loader, tree, table, null, name, rows);
        }
    }

    /// <summary>Builds a network by projecting an events query to co-participation links inside DuckDB, on a new in-memory DuckDB.</summary>
    /// <param name="eventsQuery">The events query: one row per participant per event.</param>
    /// <param name="innovatorsQuery">The innovators query, or <see langword="null"/> (participants become innovators).</param>
    /// <param name="regionsQuery">The regions query, or <see langword="null"/>.</param>
    /// <param name="projection">Full or fractional counting, size limit, link kind.</param>
    /// <param name="options">Load options.</param>
    /// <param name="schema">Column names.</param>
    /// <returns>The network and the report, with the projection's counts (events, events with one participant, duplicate
    /// participations, skipped large events) computed in SQL.</returns>
    /// <exception cref="GlocalDataException">A query DuckDB cannot run, a missing or mistyped column, or bad data in strict mode.</exception>
    public static LoadResult LoadEvents(string eventsQuery, string? innovatorsQuery = null, string? regionsQuery = null,
        EventProjectionOptions? projection = null, LoadOptions? options = null, CsvSchema? schema = null)
    {
        using var connection = OpenInMemory();
        return LoadEvents(connection, eventsQuery, innovatorsQuery, regionsQuery, projection, options, schema);
    }

    /// <summary>Builds a network by projecting an events query to co-participation links inside DuckDB, on an open connection.</summary>
    /// <param name="connection">An open DuckDB connection.</param>
    /// <param name="eventsQuery">The events query.</param>
    /// <param name="innovatorsQuery">The innovators query, or <see langword="null"/>.</param>
    /// <param name="regionsQuery">The regions query, or <see langword="null"/>.</param>
    /// <param name="projection">Projection options.</param>
    /// <param name="options">Load options.</param>
    /// <param name="schema">Column names.</param>
    /// <returns>The network and the report.</returns>
    /// <exception cref="GlocalDataException">A query DuckDB cannot run, a missing or mistyped column, or bad data in strict mode.</exception>
    public static LoadResult LoadEvents(DuckDBConnection connection, string eventsQuery, string? innovatorsQuery = null, string? regionsQuery = null,
        EventProjectionOptions? projection = null, LoadOptions? options = null, CsvSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventsQuery);
        var loader = new TableLoader(options, schema);
        var (tree, table) = ReadNodes(connection, loader, innovatorsQuery, regionsQuery);
        return new EventsProjection(connection, loader, eventsQuery, projection ?? EventProjectionOptions.Default).Run(tree, table);
    }

    /// <summary>A SQL expression mapping a CORDIS or Eurostat country code to the ISO 3166-1 alpha-2 id of a country region,
    /// as <see cref="Data.CountryCodes.ToIso(string)"/> does: <c>EL</c> → <c>GR</c>, <c>UK</c> → <c>GB</c>, <c>KO</c> →
    /// <c>XK</c>, any other code upper-cased and trimmed; an empty or null code gives <paramref name="missing"/>.</summary>
    /// <param name="column">The column or expression holding the code (SQL text, used as is).</param>
    /// <param name="missing">The region id for an empty code (for CORDIS, <see cref="Data.WorldRegions.RootId"/>).</param>
    /// <returns>The SQL expression.</returns>
    public static string CountryIsoSql(string column, string missing = Data.WorldRegions.RootId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        var code = $"upper(trim(CAST({column} AS VARCHAR)))";
        return $"CASE WHEN {column} IS NULL OR {code} = '' THEN '{missing.Replace("'", "''", StringComparison.Ordinal)}' " +
            $"WHEN {code} = 'EL' THEN 'GR' WHEN {code} = 'UK' THEN 'GB' WHEN {code} = 'KO' THEN 'XK' ELSE {code} END";
    }

    internal static DuckDBConnection OpenInMemory()
    {
        var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        return c;
    }

    /// <summary>The query with a 1-based row number in the query's own order, as the last column <c>__glocal_row</c>.</summary>
    internal static string Numbered(string query) => $"SELECT *, row_number() OVER () AS __glocal_row FROM ({Bare(query)})";

    /// <summary>The query without trailing white space and semicolons, to nest it in another.</summary>
    internal static string Bare(string query) => query.TrimEnd().TrimEnd(';').TrimEnd();

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A name for the loader's temporary tables, unique within the process.</summary>
    internal static string TempName(string what) =>
        "__glocal_" + what + "_" + Interlocked.Increment(ref _session).ToString(CultureInfo.InvariantCulture);

    /// <summary>The query's column names and DuckDB types.</summary>
    internal static List<(string Name, string Type)> Describe(DuckDBConnection connection, string name, string query)
    {
        var result = new List<(string, string)>();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DESCRIBE " + Bare(query);
        try
        {
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                result.Add((r.GetString(0), r.GetString(1)));
            }
        }
        catch (DuckDBException e)
        {
            throw new DuckDbQueryException(name, null, null, null, "cannot be run: " + DuckDbTableCursor.FirstLine(e.Message), e);
        }

        return result;
    }

    /// <summary>The actual name of a required column (matched ignoring case).</summary>
    internal static string Column(List<(string Name, string Type)> columns, string wanted, string query) =>
        FindColumn(columns, wanted) ?? throw new DuckDbQueryException(query, null, wanted, null, $"is missing; the columns are {Names(columns)}.");

    internal static string? FindColumn(List<(string Name, string Type)> columns, string wanted)
    {
        foreach (var (n, _) in columns)
        {
            if (string.Equals(n.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return n;
            }
        }

        return null;
    }

    internal static string Names(List<(string Name, string Type)> columns)
    {
        var names = new List<string>(columns.Count);
        foreach (var (n, _) in columns)
        {
            names.Add(n);
        }

        return string.Join(", ", names);
    }

    internal static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static (RegionTree Tree, InnovatorTable? Table) ReadNodes(DuckDBConnection connection, TableLoader loader, string? innovatorsQuery, string? regionsQuery)
    {
        using var innovators = innovatorsQuery is null ? null : new DuckDbTableCursor(connection, "innovators query", Numbered(innovatorsQuery));
        using var regions = regionsQuery is null ? null : new DuckDbTableCursor(connection, "regions query", Numbered(regionsQuery));
        return loader.ReadNodes(innovators, regions);
    }
}

/// <summary>The innovator table's ids and indices as a temporary DuckDB table (<c>id VARCHAR, idx INTEGER</c>), filled by the
/// appender and dropped on dispose, so that queries can join link ends and participants to innovator indices.</summary>
internal sealed class IdTable : IDisposable
{
    private readonly DuckDBConnection _connection;

    public IdTable(DuckDBConnection connection, InnovatorTable table)
        : this(connection, table.Count, table.IdOf)
    {
    }

    public IdTable(DuckDBConnection connection, int count, Func<int, string> idOf)
    {
        _connection = connection;
        Name = GlocalDuckDb.TempName("ids");
        GlocalDuckDb.Execute(connection, $"CREATE TEMP TABLE {Name} (id VARCHAR, idx INTEGER)");
        using (var app = connection.CreateAppender(Name))
        {
            for (var i = 0; i < count; i++)
            {
                app.CreateRow().AppendValue(idOf(i)).AppendValue(i).EndRow();
            }
        }
    }

    public string Name { get; }

    public void Dispose() => GlocalDuckDb.Execute(_connection, $"DROP TABLE IF EXISTS {Name}");
}
