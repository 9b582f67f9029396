using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Internal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.IO.Events;
using nietras.SeparatedValues;

namespace GlocalNetworks.IO.Csv;

/// <summary>
/// Reads a glocal network from CSV files (regions, innovators, links or events) with Sep: culture-invariant numbers,
/// UTF-8 names kept exactly, configurable column names (<see cref="CsvSchema"/>), no object per link row.
/// </summary>
/// <remarks>
/// <para>Files are UTF-8, comma-separated (see <see cref="CsvSchema.Separator"/>), RFC-4180 quoted, with a header row.
/// Quoted fields may span lines; a record's line is the physical line where it starts (header = 1).</para>
/// <para>Missing files: without a regions file, the distinct region ids of the innovators become regions at the
/// ladder's finest level under the implicit root (reported as <c>regions inferred</c>); without an innovators file,
/// the link ends become innovators of kind <c>Other</c> in the implicit root (every link is then Global and
/// <c>ResolutionLimited</c>).</para>
/// <para>Strict mode throws the first problem as a <see cref="GlocalDataException"/> naming file, line, column and value.
/// Lenient mode skips (or repairs) the row and records a <see cref="LoadIssue"/>; nothing is dropped unreported. The
/// region tree's structure (unknown parents, cycles) is checked strictly in both modes.</para>
/// </remarks>
public static class GlocalCsv
{
    /// <summary>Loads a network from files on disk.</summary>
    /// <param name="linksPath">The links CSV.</param>
    /// <param name="innovatorsPath">The innovators CSV, or <see langword="null"/>.</param>
    /// <param name="regionsPath">The regions CSV, or <see langword="null"/>.</param>
    /// <param name="options">Load options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="schema">Column names; <see langword="null"/> for <see cref="CsvSchema.Default"/>.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode; the message names file, line, column and value.</exception>
    /// <exception cref="System.IO.FileNotFoundException">A file does not exist.</exception>
    public static LoadResult Load(string linksPath, string? innovatorsPath = null, string? regionsPath = null,
        LoadOptions? options = null, CsvSchema? schema = null) =>
        Load(CsvInput.FromFile(linksPath), innovatorsPath is null ? null : CsvInput.FromFile(innovatorsPath),
            regionsPath is null ? null : CsvInput.FromFile(regionsPath), options, schema);

    /// <summary>Loads a network from CSV inputs.</summary>
    /// <param name="links">The links CSV.</param>
    /// <param name="innovators">The innovators CSV, or <see langword="null"/>.</param>
    /// <param name="regions">The regions CSV, or <see langword="null"/>.</param>
    /// <param name="options">Load options.</param>
    /// <param name="schema">Column names.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    public static LoadResult Load(CsvInput links, CsvInput? innovators = null, CsvInput? regions = null,
        LoadOptions? options = null, CsvSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(links);
        var s = new CsvLoadSession(options, schema);
        var (tree, table) = s.ReadNodes(innovators, regions);
        var cols = new LinkColumnsBuilder();
        var resolver = new InnovatorResolver(table);
        s.ReadLinks(links, resolver, cols);
        if (resolver.Inferred)
        {
            table = resolver.BuildInferred(tree);
        }

        return s.Finish(tree, table, cols);
    }

    /// <summary>Loads a network by projecting an events (participations) CSV to co-participation links (DESIGN 2.14).</summary>
    /// <param name="events">The events CSV: one row per participant per event.</param>
    /// <param name="innovators">The innovators CSV, or <see langword="null"/>.</param>
    /// <param name="regions">The regions CSV, or <see langword="null"/>.</param>
    /// <param name="projection">Projection options (full or fractional counting, size limit, link kind).</param>
    /// <param name="options">Load options.</param>
    /// <param name="schema">Column names.</param>
    /// <returns>The network and the load report (events with one participant, duplicates, skipped large events).</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    public static LoadResult LoadEvents(CsvInput events, CsvInput? innovators = null, CsvInput? regions = null,
        EventProjectionOptions? projection = null, LoadOptions? options = null, CsvSchema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        var s = new CsvLoadSession(options, schema);
        var (tree, table) = s.ReadNodes(innovators, regions);
        var resolver = new InnovatorResolver(table);
        var participations = s.ReadEvents(events, resolver);
        if (resolver.Inferred)
        {
            table = resolver.BuildInferred(tree);
        }

        var cols = new LinkColumnsBuilder();
        EventProjector.Project(participations, projection ?? EventProjectionOptions.Default, cols, s.Report, events.Name, table!.IdOf);
        return s.Finish(tree, table, cols);
    }

    /// <summary>Reads a regions CSV into a validated tree.</summary>
    /// <param name="regions">The regions CSV.</param>
    /// <param name="options">Load options (the ladder; lenient mode skips bad rows with issues).</param>
    /// <param name="schema">Column names.</param>
    /// <param name="report">A report to add issues to, or <see langword="null"/>.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="GlocalDataException">Bad input.</exception>
    public static RegionTree ReadRegions(CsvInput regions, LoadOptions? options = null, CsvSchema? schema = null, LoadReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var s = new CsvLoadSession(options, schema, report);
        return s.ReadRegionTree(regions);
    }

    /// <summary>Reads a two-column group file (<c>id,group</c>): innovator id → group, for brokerage, the E-I index and any
    /// metric that takes explicit groups (see <c>InnovatorGroups.FromMap</c>). Other columns are ignored.</summary>
    /// <param name="groups">The CSV.</param>
    /// <param name="idColumn">The innovator id column.</param>
    /// <param name="groupColumn">The group column.</param>
    /// <returns>Id → group, in file order.</returns>
    /// <exception cref="CsvFormatException">A column is missing, a row has the wrong field count, or an id is empty.</exception>
    /// <exception cref="DuplicateIdException">An id occurs twice.</exception>
    public static IReadOnlyDictionary<string, string> ReadGroups(CsvInput groups, string idColumn = "id", string groupColumn = "group")
    {
        ArgumentNullException.ThrowIfNull(groups);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        ReadKeyedRows(groups, idColumn, (src, _) =>
        {
            var group = src.Required(groupColumn);
            return (row, id, _) => map[id] = row[group].Span.Trim().ToString();
        });
        return map;
    }

    /// <summary>Reads a table of numbers per innovator, such as the <c>nodes.csv</c> that <c>glocal metrics</c> or
    /// <see cref="KeyedTable.WriteCsv(System.IO.TextWriter)"/> write: the column <paramref name="idColumn"/> holds innovator ids,
    /// every other column becomes a column of the table. An empty cell, <c>NaN</c> or <c>null</c> is NaN. Use it to hand
    /// back a saved result, e.g. a community partition for <c>ModularityOptions.Partition</c>.</summary>
    /// <param name="table">The CSV.</param>
    /// <param name="idColumn">The innovator id column.</param>
    /// <param name="metricId">The table's metric id; <see langword="null"/> for the input's name.</param>
    /// <returns>The table, rows in file order.</returns>
    /// <exception cref="CsvFormatException">The id column is missing or the only column, a row has the wrong field count, an
    /// id is empty or a value is not a number.</exception>
    /// <exception cref="DuplicateIdException">An id occurs twice.</exception>
    public static NodeTable ReadNodeTable(CsvInput table, string idColumn = "id", string? metricId = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var ids = new List<string>();
        List<double>[] columns = [];
        var idIndex = -1;
        string[] names = [];
        ReadKeyedRows(table, idColumn, (src, id) =>
        {
            if (src.ColumnCount < 2)
            {
                throw src.Format(1, id, idColumn.AsSpan(), "is the only column; a node table needs at least one column of numbers besides the ids.");
            }

            idIndex = id;
            columns = new List<double>[src.ColumnCount];
            names = new string[src.ColumnCount];
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = [];
                names[c] = src.HeaderName(c);
            }

            return (row, key, line) =>
            {
                ids.Add(key);
                for (var c = 0; c < columns.Length; c++)
                {
                    if (c != id)
                    {
                        columns[c].Add(Number(src, row[c].Span.Trim(), line, c));
                    }
                }
            };
        });

        var named = new List<KeyValuePair<string, double[]>>(columns.Length - 1);
        for (var c = 0; c < columns.Length; c++)
        {
            if (c != idIndex)
            {
                named.Add(new(names[c], [.. columns[c]]));
            }
        }

        return new NodeTable(metricId ?? table.Name, ids, named);
    }

    /// <summary>A node-table cell: empty, <c>NaN</c> or <c>null</c> is NaN; otherwise an invariant-culture number.</summary>
    private static double Number(CsvSource src, ReadOnlySpan<char> cell, long line, int column)
    {
        if (cell.IsEmpty || cell.Equals("NaN", StringComparison.OrdinalIgnoreCase) || cell.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw src.Format(line, column, cell, "is not a number; node table values are numbers (empty or NaN for none).");
    }

    /// <summary>A data row of a table keyed by innovator id, after the checks of <see cref="ReadKeyedRows"/>.</summary>
    private delegate void KeyedRow(SepReader.Row row, string id, long line);

    /// <summary>Reads a CSV keyed by <paramref name="idColumn"/>: <paramref name="prepare"/> sees the header (and the id
    /// column's index) once and returns the row handler; every data row is checked first for its field count, an empty id
    /// and an id seen before (with the line of its first occurrence).</summary>
    private static void ReadKeyedRows(CsvInput input, string idColumn, Func<CsvSource, int, KeyedRow> prepare)
    {
        using var text = input.Open();
        using var src = CsvSource.Open(text, input.Name, ',');
        var id = src.Required(idColumn);
        var onRow = prepare(src, id);
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in src.Reader)
        {
            if (src.CheckFieldCount(row) is { } bad)
            {
                throw bad;
            }

            var line = row.LineNumberFrom;
            var key = row[id].Span.Trim();
            if (key.IsEmpty)
            {
                throw src.Format(line, id, key, "is empty; every row needs an innovator id.");
            }

            var k = key.ToString();
            if (!lines.TryAdd(k, line))
            {
                throw new DuplicateIdException(input.Name, line, src.HeaderName(id), k, lines[k]);
            }

            onRow(row, k, line);
        }
    }
}

/// <summary>Maps innovator ids to indices: a fixed table, or one that grows as link ends are seen (no innovators file).</summary>
/// <remarks>Ids written as canonical non-negative integers (digits only, no leading zero, below
/// <see cref="NumericLimit"/>) are looked up in a dense array instead of the string dictionary: no hashing per row.</remarks>
internal sealed class InnovatorResolver
{
    /// <summary>Integer ids at or above this go through the dictionary (keeps the dense array at most 64 MiB).</summary>
    internal const int NumericLimit = 1 << 24;

    private readonly InnovatorTable? _table;
    private readonly Dictionary<string, int> _ids;
    private readonly List<string?> _order = []; // inferred ids in order of first appearance; null: the integer in _orderValue
    private readonly List<int> _orderValue = [];
    private int[] _numeric = new int[1024]; // value -> index + 1; 0 = unknown
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

    public InnovatorResolver(InnovatorTable? table)
    {
        _table = table;
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        if (table is not null)
        {
            for (var i = 0; i < table.Count; i++)
            {
                var id = table.IdOf(i);
                _ids.Add(id, i);
                if (TryCanonicalInt(id, out var v))
                {
                    SetNumeric(v, i);
                }
            }
        }
#if NET9_0_OR_GREATER
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
    }

    public bool Inferred => _table is null;

    public int Count => _table is null ? _order.Count : _ids.Count;

    /// <summary>The index of an id; -1 when unknown in a fixed table. Inferred tables add new ids.</summary>
    public int Resolve(ReadOnlySpan<char> id)
    {
        var numeric = TryCanonicalInt(id, out var value);
        if (numeric && value < _numeric.Length && _numeric[value] != 0)
        {
            return _numeric[value] - 1;
        }

        if (numeric && _table is not null)
        {
            return -1;
        }

        // An inferred table keeps canonical integer ids only in the dense array (their strings are made once, by
        // BuildInferred), so an unknown integer needs no dictionary lookup.
        if (numeric)
        {
            return ResolveCanonical(value);
        }

#if NET9_0_OR_GREATER
        if (_lookup.TryGetValue(id, out var i))
        {
            return i;
        }
#else
        if (_ids.TryGetValue(id.ToString(), out var i))
        {
            return i;
        }
#endif
        if (_table is not null)
        {
            return -1;
        }

        var s = id.ToString();
        i = _order.Count;
        _ids.Add(s, i);
        _order.Add(s);
        _orderValue.Add(-1);
        return i;
    }

    /// <summary>The index of the canonical integer id <paramref name="value"/> (below <see cref="NumericLimit"/>): the same
    /// result, and the same new entry in an inferred table, as <see cref="Resolve"/> on its digits, without parsing or
    /// hashing for a known id.</summary>
    public int ResolveCanonical(int value)
    {
        if (value < _numeric.Length && _numeric[value] != 0)
        {
            return _numeric[value] - 1;
        }

        if (_table is not null)
        {
            return -1;
        }

        var i = _order.Count;
        _order.Add(null);
        _orderValue.Add(value);
        SetNumeric(value, i);
        return i;
    }

    /// <summary>Replaces canonical integer ids (below <see cref="NumericLimit"/>) by their indices in place, row by row,
    /// source before target: the same indices, and the same new entries in an inferred table, as
    /// <see cref="ResolveCanonical"/> on each. False at the first id a fixed table does not know (a fixed table is never
    /// changed; the spans are then partly overwritten).</summary>
    public bool TryResolveCanonical(Span<int> sources, Span<int> targets)
    {
        var numeric = _numeric;
        for (var r = 0; r < sources.Length; r++)
        {
            var a = sources[r];
            var ia = (uint)a < (uint)numeric.Length ? numeric[a] - 1 : -1;
            if (ia < 0)
            {
                ia = ResolveCanonical(a);
                numeric = _numeric;
            }

            var b = targets[r];
            var ib = (uint)b < (uint)numeric.Length ? numeric[b] - 1 : -1;
            if (ib < 0)
            {
                ib = ResolveCanonical(b);
                numeric = _numeric;
            }

            if ((ia | ib) < 0)
            {
                return false;
            }

            sources[r] = ia;
            targets[r] = ib;
        }

        return true;
    }

    /// <summary>Whether <paramref name="s"/> is a canonical integer in [0, <see cref="NumericLimit"/>): digits only, no sign, no leading zero.</summary>
    internal static bool TryCanonicalInt(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        if (s.IsEmpty || s.Length > 8 || (s[0] == '0' && s.Length > 1))
        {
            return false;
        }

        foreach (var c in s)
        {
            var d = c - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return value < NumericLimit;
    }

    private void SetNumeric(int value, int index)
    {
        if (value >= _numeric.Length)
        {
            var n = _numeric.Length;
            while (n <= value)
            {
                n *= 2;
            }

            Array.Resize(ref _numeric, Math.Min(n, NumericLimit));
        }

        _numeric[value] = index + 1;
    }

    public IReadOnlyList<string> Suggest(string id) => Suggestions.Closest(id, _ids.Keys);

    /// <summary>The inferred table: the ids in order of first appearance, each an innovator of kind
    /// <see cref="InnovatorKind.Other"/> in the implicit root. Its <see cref="Innovator"/> objects and id strings are made on
    /// first use (loading, sorting and graph building never need them); the table is the one
    /// <see cref="NetworkAssembly.CreateInnovatorTable"/> would make, and without an implicit root that method raises its
    /// usual error.</summary>
    public InnovatorTable BuildInferred(RegionTree tree)
    {
        if (!tree.TryGetIndex(RegionTree.ImplicitRootId, out var root))
        {
            return NetworkAssembly.CreateInnovatorTable(CreateInferred(_order.ToArray(), _orderValue.ToArray()), tree, null, null);
        }

        var n = _order.Count;
        var region = new int[n];
        Array.Fill(region, root);
        var kind = new InnovatorKind[n];
        Array.Fill(kind, InnovatorKind.Other);
        var order = _order.ToArray();
        var values = _orderValue.ToArray();
        return new InnovatorTable(n, region, kind, () => CreateInferred(order, values));
    }

    private static Innovator[] CreateInferred(string?[] order, int[] values)
    {
        var items = new Innovator[order.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var id = order[i] ?? values[i].ToString(CultureInfo.InvariantCulture);
            items[i] = new Innovator(id, id, InnovatorKind.Other, RegionTree.ImplicitRootId);
        }

        return items;
    }
}

/// <summary>State of one CSV load (<see cref="NodeLoadSession{TInput}"/>): reads CSV regions, innovators, links and events.</summary>
internal sealed class CsvLoadSession : NodeLoadSession<CsvInput>
{
    public CsvLoadSession(LoadOptions? options, CsvSchema? schema, LoadReport? report = null)
        : base(options, schema, report)
    {
    }

    /// <summary>Reads a row's id: an empty id, or one an earlier row already has, is a problem (the row is skipped) and
    /// gives <see langword="null"/>. The caller records the id in <paramref name="firstLine"/> once the row is kept.</summary>
    public string? NewId(CsvSource src, SepReader.Row row, long line, int column, Dictionary<string, long> firstLine, string emptyReason, bool regionIds = false)
    {
        var span = row[column].Span.Trim();
        if (span.IsEmpty)
        {
            Problem(src.Format(line, column, span, emptyReason), LoadAction.Skipped);
            return null;
        }

        var id = span.ToString();
        if (firstLine.TryGetValue(id, out var first))
        {
            Problem(regionIds
                ? new RegionTreeException(src.Name, line, src.HeaderName(column), id, $"is a duplicate region id; it first occurs on line {first.ToString(CultureInfo.InvariantCulture)}.")
                : new DuplicateIdException(src.Name, line, src.HeaderName(column), id, first), LoadAction.Skipped);
            return null;
        }

        return id;
    }

    public override RegionTree ReadRegionTree(CsvInput input)
    {
        var c = Schema.Regions;
        var kept = new KeptRows<Region>();
        using var src = CsvSource.Open(input.Open(), input.Name, Schema.Separator);
        int id = src.Required(c.Id), level = src.Required(c.Level);
        int name = src.Optional(c.Name), parent = src.Optional(c.Parent), lat = src.Optional(c.Latitude), lon = src.Optional(c.Longitude);
        ForEachRow(src, row =>
        {
            var line = (long)row.LineNumberFrom;
            var ridS = NewId(src, row, line, id, kept.FirstLine, "is empty; every region needs an id.", regionIds: true);
            if (ridS is null)
            {
                return;
            }

            if (!TryLevel(src.Name, line, row[level].Span.Trim().ToString(), out var lvl))
            {
                return;
            }

            GeoPoint? centroid = null;
            if (lat >= 0 && lon >= 0)
            {
                centroid = ReadPoint(src, row, line, lat, lon, LoadAction.Repaired);
            }

            var p = parent >= 0 ? row[parent].Span.Trim() : default;
            kept.Add(ridS, NewRegion(ridS, name >= 0 ? row[name].ToString() : ridS, lvl, p, centroid), line);
        });
        return RegionTree.Build(kept.Items, Options.Ladder, input.Name, kept.Lines);
    }

    protected override string NameOf(CsvInput input) => input.Name;

    protected override (List<Innovator> List, List<long> Lines) ReadInnovatorRows(CsvInput input)
    {
        var c = Schema.Innovators;
        var kept = new KeptRows<Innovator>();
        using var src = CsvSource.Open(input.Open(), input.Name, Schema.Separator);
        int id = src.Required(c.Id);
        int name = src.Optional(c.Name), kind = src.Optional(c.Kind), region = src.Optional(c.Region), lat = src.Optional(c.Latitude), lon = src.Optional(c.Longitude);
        var attrCols = new List<int>();
        for (var i = 0; i < src.ColumnCount; i++)
        {
            if (i != id && i != name && i != kind && i != region && i != lat && i != lon)
            {
                attrCols.Add(i);
            }
        }

        ForEachRow(src, row =>
        {
            var line = (long)row.LineNumberFrom;
            var idS = NewId(src, row, line, id, kept.FirstLine, "is empty; every innovator needs an id.");
            if (idS is null)
            {
                return;
            }

            var k = InnovatorKind.Other;
            if (kind >= 0)
            {
                var ks = row[kind].Span.Trim();
                if (!ks.IsEmpty && !CsvCells.TryInnovatorKind(ks, out k))
                {
                    Problem(src.Format(line, kind, ks, NotAnInnovatorKind), LoadAction.Repaired);
                    k = InnovatorKind.Other;
                }
            }

            var reg = region >= 0 ? row[region].Span.Trim() : default;
            GeoPoint? loc = lat >= 0 && lon >= 0 ? ReadPoint(src, row, line, lat, lon, LoadAction.Repaired) : null;
            Dictionary<string, string>? attrs = null;
            foreach (var a in attrCols)
            {
                var v = row[a].ToString();
                if (v.Length > 0)
                {
                    attrs ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    attrs[src.HeaderName(a)] = v;
                }
            }

            kept.Add(idS, NewInnovator(idS, name >= 0 ? row[name].ToString() : idS, k, reg, loc, attrs), line);
        });
        return (kept.Items, kept.Lines);
    }

    public void ReadLinks(CsvInput input, InnovatorResolver resolver, LinkColumnsBuilder cols)
    {
        if (IntegerLinksReader.TryRead(input, this, resolver, cols))
        {
            return;
        }

        var c = Schema.Links;
        using var src = CsvSource.Open(input.Open(), input.Name, Schema.Separator);
        int s = src.Required(c.Source), t = src.Required(c.Target);
        int w = src.Optional(c.Weight), k = src.Optional(c.Kind), y = src.Optional(c.Year), e = src.Optional(c.EndYear), d = src.Optional(c.Date), dir = src.Optional(c.Directed);
        long kept = 0;
        ForEachRow(src, row =>
        {
            var line = (long)row.LineNumberFrom;
            var a = resolver.Resolve(row[s].Span.Trim());
            var b = resolver.Resolve(row[t].Span.Trim());
            if (a < 0 || b < 0)
            {
                var col = a < 0 ? s : t;
                var v = row[col].Span.Trim().ToString();
                Problem(new ReferentialIntegrityException(src.Name, line, src.HeaderName(col), v,
                    v.Length == 0 ? "is empty; every link needs two innovator ids." : "is not a known innovator id.", v.Length == 0 ? [] : resolver.Suggest(v)), LoadAction.Skipped);
                return;
            }

            if (a == b)
            {
                Sink.SkipSelfLoop(src.Name, line, src.HeaderName(t), row[t].Span.Trim().ToString());
                return;
            }

            var weight = 1.0;
            if (w >= 0 && !TryWeight(src, row, line, w, out weight))
            {
                return;
            }

            var kind = Options.DefaultLinkKind;
            if (k >= 0)
            {
                var ks = row[k].Span.Trim();
                if (!ks.IsEmpty && !CsvCells.TryLinkKind(ks, out kind))
                {
                    Problem(src.Format(line, k, ks, "is not a link kind; use co-patent, co-publication, joint-project, alliance, citation, licence, mobility or other."), LoadAction.Skipped);
                    return;
                }
            }

            DateOnly? date = null;
            if (d >= 0)
            {
                var ds = row[d].Span.Trim();
                if (!ds.IsEmpty)
                {
                    if (!LinkFieldRules.TryDate(ds, out var dt))
                    {
                        Problem(src.Format(line, d, ds, LinkFieldRules.NotADate), LoadAction.Skipped);
                        return;
                    }

                    date = dt;
                }
            }

            if (!TryYear(src, row, line, y, out var year) || !TryYear(src, row, line, e, out var end))
            {
                return;
            }

            year ??= date?.Year;
            if (!TryEndYear(src, row, line, e, year, end))
            {
                return;
            }

            var directed = Options.Directed;
            if (dir >= 0)
            {
                var ds = row[dir].Span.Trim();
                if (!ds.IsEmpty && !CsvCells.TryBool(ds, out directed))
                {
                    Problem(src.Format(line, dir, ds, "is not a boolean; use true/false, 1/0 or yes/no."), LoadAction.Skipped);
                    return;
                }
            }

            cols.Add(a, b, weight, kind, year, end, date, directed);
            kept++;
        });
        Report.Count("links loaded", kept);
    }

    public EventParticipations ReadEvents(CsvInput input, InnovatorResolver resolver)
    {
        var c = Schema.Events;
        using var src = CsvSource.Open(input.Open(), input.Name, Schema.Separator);
        int ev = src.Required(c.Event), inn = src.Required(c.Innovator);
        int y = src.Optional(c.Year), e = src.Optional(c.EndYear);
        var p = new EventParticipations();
        ForEachRow(src, row =>
        {
            var line = (long)row.LineNumberFrom;
            var evId = row[ev].Span.Trim();
            if (evId.IsEmpty)
            {
                Problem(src.Format(line, ev, evId, "is empty; every participation needs an event id."), LoadAction.Skipped);
                return;
            }

            var who = resolver.Resolve(row[inn].Span.Trim());
            if (who < 0)
            {
                var v = row[inn].Span.Trim().ToString();
                Problem(new ReferentialIntegrityException(src.Name, line, c.Innovator, v,
                    v.Length == 0 ? "is empty; every participation needs an innovator id." : "is not a known innovator id.", v.Length == 0 ? [] : resolver.Suggest(v)), LoadAction.Skipped);
                return;
            }

            if (!TryYear(src, row, line, y, out var year) || !TryYear(src, row, line, e, out var end))
            {
                return;
            }

            if (!TryEndYear(src, row, line, e, year, end))
            {
                return;
            }

            var conflict = p.Add(evId, who, year, end, line);
            if (conflict is not null)
            {
                Problem(new GlocalDataException(src.Name, line, c.Year, year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, conflict), LoadAction.Repaired);
            }
        });
        return p;
    }

    private bool TryWeight(CsvSource src, SepReader.Row row, long line, int col, out double weight)
    {
        var ws = row[col].Span.Trim();
        weight = 1.0;
        if (ws.IsEmpty)
        {
            return true;
        }

        var why = CsvCells.TryDouble(ws, out weight) ? LinkFieldRules.WeightProblem(weight) : LinkFieldRules.WeightNotANumber;
        if (why is null)
        {
            return true;
        }

        Problem(new InvalidWeightException(src.Name, line, src.HeaderName(col), ws.ToString(), why), LoadAction.Skipped);
        return false;
    }

    private bool TryYear(CsvSource src, SepReader.Row row, long line, int col, out int? year)
    {
        year = null;
        if (col < 0)
        {
            return true;
        }

        var ys = row[col].Span.Trim();
        if (LinkFieldRules.TryYear(ys, LinkFieldRules.MinCsvYear, out year, out var why))
        {
            return true;
        }

        Problem(src.Format(line, col, ys, why), LoadAction.Skipped);
        return false;
    }

    /// <summary>Checks an end year against the start year; the end year's cell is reported as read.</summary>
    private bool TryEndYear(CsvSource src, SepReader.Row row, long line, int col, int? year, int? endYear)
    {
        if (endYear is not { } end || LinkFieldRules.EndYearProblem(year, end) is not { } why)
        {
            return true;
        }

        Problem(src.Format(line, col, row[col].Span, why), LoadAction.Skipped);
        return false;
    }

    private GeoPoint? ReadPoint(CsvSource src, SepReader.Row row, long line, int lat, int lon, LoadAction action)
    {
        var a = row[lat].Span.Trim();
        var b = row[lon].Span.Trim();
        if (a.IsEmpty && b.IsEmpty)
        {
            return null;
        }

        if (!CsvCells.TryDouble(a, out var la) || !CsvCells.TryDouble(b, out var lo) || !GeoPoint.IsValid(la, lo))
        {
            var bad = !CsvCells.TryDouble(a, out la) || !(la >= -90 && la <= 90) ? lat : lon;
            Problem(src.Format(line, bad, row[bad].Span, NotACoordinate), action);
            return null;
        }

        return new GeoPoint(la, lo);
    }

    /// <summary>Runs <paramref name="body"/> on each row after checking its field count; Sep's own parse errors become CSV format errors.</summary>
    private void ForEachRow(CsvSource src, RowAction body)
    {
        long lastLine = 1;
        long rows = 0;
        try
        {
            foreach (var row in src.Reader)
            {
                lastLine = row.LineNumberFrom;
                rows++;
                var bad = src.CheckFieldCount(row);
                if (bad is not null)
                {
                    Problem(bad, LoadAction.Skipped);
                    continue;
                }

                body(row);
            }
        }
        catch (Exception e) when (e is not GlocalDataException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new CsvFormatException(src.Name, lastLine, null, null, "cannot be parsed as CSV: " + e.Message, e);
        }

        Report.Count(src.Name + " rows", rows);
    }

    private delegate void RowAction(SepReader.Row row);
}
