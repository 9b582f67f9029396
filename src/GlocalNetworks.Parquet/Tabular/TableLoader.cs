using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.Tabular;

/// <summary>
/// One load from typed tables (Parquet files, DuckDB query results) with the CSV loader's rules, column names
/// (<see cref="CsvSchema"/>), strict/lenient behaviour and <see cref="LoadReport"/> counts. Rows are numbered from 1.
/// </summary>
internal sealed class TableLoader : NodeLoadSession<TableCursor>
{
    private const string NumberTypes = "a number (DOUBLE, FLOAT, an integer type, or text holding numbers)";
    private const string IntegerTypes = "a whole number (an integer type, or text holding whole numbers)";
    private const string TextTypes = "text (a UTF-8 string)";
    private const string IdTypes = "text or an integer";

    public TableLoader(LoadOptions? options, CsvSchema? schema, LoadReport? report = null)
        : base(options, schema, report)
    {
    }

    public override RegionTree ReadRegionTree(TableCursor src)
    {
        var c = Schema.Regions;
        var kept = new KeptRows<Region>();
        int id = src.Required(c.Id), level = src.Required(c.Level);
        int name = src.Find(c.Name), parent = src.Find(c.Parent), lat = src.Find(c.Latitude), lon = src.Find(c.Longitude);
        src.Expect(id, IdTypes, CellType.Text, CellType.Integer);
        src.Expect(parent, IdTypes, CellType.Text, CellType.Integer);
        src.Expect(level, TextTypes, CellType.Text);
        src.Expect(name, TextTypes, CellType.Text);
        src.Expect(lat, NumberTypes, CellType.Real, CellType.Integer, CellType.Text);
        src.Expect(lon, NumberTypes, CellType.Real, CellType.Integer, CellType.Text);
        var rows = 0L;
        while (src.Next())
        {
            rows++;
            var row = src.Row;
            var ridS = NewId(src, id, kept.FirstLine, "is empty; every region needs an id.", regionIds: true);
            if (ridS is null)
            {
                continue;
            }

            if (!TryLevel(src.Name, row, src.Text(level).Trim().ToString(), out var lvl))
            {
                continue;
            }

            var centroid = lat >= 0 && lon >= 0 ? ReadPoint(src, lat, lon) : null;
            var p = parent >= 0 ? src.Text(parent).Trim() : default;
            kept.Add(ridS, NewRegion(ridS, name >= 0 ? src.Text(name).ToString() : ridS, lvl, p, centroid), row);
        }

        Report.Count(src.Name + " rows", rows);
        return RegionTree.Build(kept.Items, Options.Ladder, src.Name, kept.Lines);
    }

    protected override string NameOf(TableCursor input) => input.Name;

    protected override (List<Innovator> List, List<long> Lines) ReadInnovatorRows(TableCursor src)
    {
        var c = Schema.Innovators;
        var kept = new KeptRows<Innovator>();
        int id = src.Required(c.Id);
        int name = src.Find(c.Name), kind = src.Find(c.Kind), region = src.Find(c.Region), lat = src.Find(c.Latitude), lon = src.Find(c.Longitude);
        src.Expect(id, IdTypes, CellType.Text, CellType.Integer);
        src.Expect(region, IdTypes, CellType.Text, CellType.Integer);
        src.Expect(name, TextTypes, CellType.Text, CellType.Integer);
        src.Expect(kind, TextTypes, CellType.Text);
        src.Expect(lat, NumberTypes, CellType.Real, CellType.Integer, CellType.Text);
        src.Expect(lon, NumberTypes, CellType.Real, CellType.Integer, CellType.Text);
        var attrCols = new List<int>();
        for (var i = 0; i < src.ColumnNames.Count; i++)
        {
            if (i != id && i != name && i != kind && i != region && i != lat && i != lon && src.TypeOf(i) != CellType.Other)
            {
                attrCols.Add(i);
            }
        }

        var rows = 0L;
        while (src.Next())
        {
            rows++;
            var row = src.Row;
            var idS = NewId(src, id, kept.FirstLine, "is empty; every innovator needs an id.");
            if (idS is null)
            {
                continue;
            }

            var k = InnovatorKind.Other;
            if (kind >= 0)
            {
                var ks = src.Text(kind).Trim();
                if (!ks.IsEmpty && !CsvCells.TryInnovatorKind(ks, out k))
                {
                    Problem(src.Format(row, src.ColumnNames[kind], ks.ToString(), NotAnInnovatorKind), LoadAction.Repaired);
                    k = InnovatorKind.Other;
                }
            }

            var reg = region >= 0 ? src.Text(region).Trim() : default;
            var loc = lat >= 0 && lon >= 0 ? ReadPoint(src, lat, lon) : null;
            Dictionary<string, string>? attrs = null;
            foreach (var a in attrCols)
            {
                var v = src.Text(a);
                if (!v.IsEmpty)
                {
                    attrs ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    attrs[src.ColumnNames[a]] = v.ToString();
                }
            }

            kept.Add(idS, NewInnovator(idS, name >= 0 ? src.Text(name).ToString() : idS, k, reg, loc, attrs), row);
        }

        Report.Count(src.Name + " rows", rows);
        return (kept.Items, kept.Lines);
    }

    /// <summary>Reads organisers in long form: one row per member (<c>id, name, region, member</c>); an organiser's name and
    /// region come from its first row, and a row with an empty member adds no member.</summary>
    public List<Organiser> ReadOrganisers(TableCursor src, RegionTree tree, InnovatorTable table)
    {
        int id = src.Required("id"), region = src.Required("region");
        int name = src.Find("name"), member = src.Find("member");
        var order = new List<string>();
        var byId = new Dictionary<string, (string Name, string Region, List<string> Members)>(StringComparer.Ordinal);
        var rows = 0L;
        while (src.Next())
        {
            rows++;
            var row = src.Row;
            var oid = src.Text(id).Trim().ToString();
            if (oid.Length == 0)
            {
                Problem(src.Format(row, src.ColumnNames[id], string.Empty, "is empty; every organiser row needs an organiser id."), LoadAction.Skipped);
                continue;
            }

            if (!byId.TryGetValue(oid, out var o))
            {
                var reg = src.Text(region).Trim().ToString();
                if (!tree.Contains(reg))
                {
                    Problem(new ReferentialIntegrityException(src.Name, row, src.ColumnNames[region], reg,
                        $"is not a known region id (organiser '{oid}').", tree.Suggest(reg)), LoadAction.Skipped);
                    continue;
                }

                var nm = name >= 0 ? src.Text(name).ToString() : oid;
                o = (nm.Length == 0 ? oid : nm, reg, []);
                byId.Add(oid, o);
                order.Add(oid);
            }

            var m = member >= 0 ? src.Text(member).Trim().ToString() : string.Empty;
            if (m.Length == 0)
            {
                continue;
            }

            if (!table.TryGetIndex(m, out _))
            {
                Problem(new ReferentialIntegrityException(src.Name, row, src.ColumnNames[member], m,
                    $"is not a known innovator id (member of organiser '{oid}').", table.Suggest(m)), LoadAction.Skipped);
                continue;
            }

            o.Members.Add(m);
        }

        Report.Count(src.Name + " rows", rows);
        var result = new List<Organiser>(order.Count);
        foreach (var oid in order)
        {
            var o = byId[oid];
            result.Add(new Organiser(oid, o.Name, o.Region, o.Members.AsReadOnly()));
        }

        return result;
    }

    /// <summary>Reads and checks the links into <paramref name="sink"/>; returns the rows read (kept and skipped).</summary>
    public long ReadLinks(TableCursor src, InnovatorResolver resolver, LinkSink sink)
    {
        var c = Schema.Links;
        int s = src.Required(c.Source), t = src.Required(c.Target);
        int w = src.Find(c.Weight), k = src.Find(c.Kind), y = src.Find(c.Year), e = src.Find(c.EndYear), d = src.Find(c.Date), dir = src.Find(c.Directed);
        src.Expect(s, IdTypes, CellType.Text, CellType.Integer);
        src.Expect(t, IdTypes, CellType.Text, CellType.Integer);
        src.Expect(w, NumberTypes, CellType.Real, CellType.Integer, CellType.Text);
        src.Expect(k, TextTypes, CellType.Text);
        src.Expect(y, IntegerTypes, CellType.Integer, CellType.Text);
        src.Expect(e, IntegerTypes, CellType.Integer, CellType.Text);
        src.Expect(d, "a date (DATE, or text yyyy-MM-dd)", CellType.Date, CellType.Text);
        src.Expect(dir, "a boolean (BOOLEAN, or text true/false, 1/0, yes/no)", CellType.Boolean, CellType.Text);
        long kept = 0, rows = 0;
        while (src.Next())
        {
            rows++;
            var row = src.Row;
            var a = src.Resolve(s, resolver);
            var b = src.Resolve(t, resolver);
            if (a < 0 || b < 0)
            {
                var col = a < 0 ? s : t;
                var v = src.Text(col).Trim().ToString();
                Problem(new ReferentialIntegrityException(src.Name, row, src.ColumnNames[col], v,
                    v.Length == 0 ? "is empty; every link needs two innovator ids." : "is not a known innovator id.", v.Length == 0 ? [] : resolver.Suggest(v)), LoadAction.Skipped);
                continue;
            }

            if (a == b)
            {
                Sink.SkipSelfLoop(src.Name, row, src.ColumnNames[t], src.Text(t).Trim().ToString());
                continue;
            }

            var weight = 1.0;
            if (w >= 0)
            {
                var cell = src.Number(w, out var wv);
                var why = cell == Cell.Bad ? LinkFieldRules.WeightNotANumber : cell == Cell.Value ? LinkFieldRules.WeightProblem(wv) : null;
                if (why is not null)
                {
                    var shown = src.TypeOf(w) == CellType.Text ? src.Text(w).Trim().ToString() : wv.ToString("R", CultureInfo.InvariantCulture);
                    Problem(new InvalidWeightException(src.Name, row, src.ColumnNames[w], shown, why), LoadAction.Skipped);
                    continue;
                }

                weight = cell == Cell.Value ? wv : 1.0;
            }

            var kind = Options.DefaultLinkKind;
            if (k >= 0)
            {
                var ks = src.Text(k).Trim();
                if (!ks.IsEmpty && !CsvCells.TryLinkKind(ks, out kind))
                {
                    Problem(src.Format(row, src.ColumnNames[k], ks.ToString(), "is not a link kind; use co-patent, co-publication, joint-project, alliance, citation, licence, mobility or other."), LoadAction.Skipped);
                    continue;
                }
            }

            DateOnly? date = null;
            if (d >= 0 && !src.IsNull(d))
            {
                if (src.TypeOf(d) == CellType.Date)
                {
                    date = src.Date(d);
                }
                else
                {
                    var ds = src.Text(d).Trim();
                    if (!ds.IsEmpty)
                    {
                        if (!LinkFieldRules.TryDate(ds, out var dt))
                        {
                            Problem(src.Format(row, src.ColumnNames[d], ds.ToString(), LinkFieldRules.NotADate), LoadAction.Skipped);
                            continue;
                        }

                        date = dt;
                    }
                }
            }

            if (!TryYear(src, y, out var year) || !TryYear(src, e, out var end))
            {
                continue;
            }

            year ??= date?.Year;
            if (end is { } en && LinkFieldRules.EndYearProblem(year, en) is { } endWhy)
            {
                Problem(src.Format(row, src.ColumnNames[e], en.ToString(CultureInfo.InvariantCulture), endWhy), LoadAction.Skipped);
                continue;
            }

            var directed = Options.Directed;
            if (dir >= 0 && !src.IsNull(dir))
            {
                if (src.TypeOf(dir) == CellType.Boolean)
                {
                    directed = src.Boolean(dir);
                }
                else
                {
                    var ds = src.Text(dir).Trim();
                    if (!ds.IsEmpty && !CsvCells.TryBool(ds, out directed))
                    {
                        Problem(src.Format(row, src.ColumnNames[dir], ds.ToString(), "is not a boolean; use true/false, 1/0 or yes/no."), LoadAction.Skipped);
                        continue;
                    }
                }
            }

            sink.Add(a, b, weight, kind, year, end, date, directed);
            kept++;
        }

        Report.Count("links loaded", kept);
        return rows;
    }

    private string? NewId(TableCursor src, int column, Dictionary<string, long> firstLine, string emptyReason, bool regionIds = false)
    {
        var span = src.Text(column).Trim();
        var name = src.ColumnNames[column];
        if (span.IsEmpty)
        {
            Problem(src.Format(src.Row, name, string.Empty, emptyReason), LoadAction.Skipped);
            return null;
        }

        var id = span.ToString();
        if (firstLine.TryGetValue(id, out var first))
        {
            Problem(regionIds
                ? new RegionTreeException(src.Name, src.Row, name, id, $"is a duplicate region id; it first occurs in row {first.ToString(CultureInfo.InvariantCulture)}.")
                : new DuplicateIdException(src.Name, src.Row, name, id, first), LoadAction.Skipped);
            return null;
        }

        return id;
    }

    private bool TryYear(TableCursor src, int column, out int? year)
    {
        year = null;
        if (column < 0 || src.IsNull(column))
        {
            return true;
        }

        string? why;
        if (src.TypeOf(column) == CellType.Text)
        {
            var t = src.Text(column);
            if (LinkFieldRules.TryYear(t, LinkFieldRules.MinCsvYear, out year, out why))
            {
                return true;
            }

            Problem(src.Format(src.Row, src.ColumnNames[column], t.Trim().ToString(), why), LoadAction.Skipped);
            return false;
        }

        var v = src.Integer(column);
        if (v < LinkFieldRules.MinCsvYear || v > LinkFieldRules.MaxYear)
        {
            Problem(src.Format(src.Row, src.ColumnNames[column], v.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"is out of range; years must lie in {LinkFieldRules.MinCsvYear}..{LinkFieldRules.MaxYear}.")), LoadAction.Skipped);
            return false;
        }

        year = (int)v;
        return true;
    }

    private GeoPoint? ReadPoint(TableCursor src, int lat, int lon)
    {
        var a = src.Number(lat, out var la);
        var b = src.Number(lon, out var lo);
        if (a == Cell.Null && b == Cell.Null)
        {
            return null;
        }

        if (a != Cell.Value || b != Cell.Value || !GeoPoint.IsValid(la, lo))
        {
            var bad = a != Cell.Value || !(la >= -90 && la <= 90) ? lat : lon;
            Problem(src.Format(src.Row, src.ColumnNames[bad], src.Text(bad).ToString(), NotACoordinate), LoadAction.Repaired);
            return null;
        }

        return new GeoPoint(la, lo);
    }
}
