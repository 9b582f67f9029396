using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace GlocalNetworks.Metrics;

/// <summary>
/// The file layout of an analysis export, shared by CSV and JSON: node tables side by side in <c>nodes</c>, region tables
/// per level in <c>regions</c> (or <c>regions-LEVEL</c>), link tables in <c>links</c>, network values in <c>network</c>, and
/// every other result (group tables, matrices) in a file of its own.
/// </summary>
internal static class ResultFiles
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Sorts results into the files of an export: node, link and region tables (per level, levels in order of first
    /// appearance), network values, and every other result under its file name (<c>METRIC</c> or <c>METRIC-PART</c>). The Parquet
    /// exporter (GlocalNetworks.Parquet) writes the same files.</summary>
    internal static ResultPlan Plan(IEnumerable<(MetricResult Result, string? Part)> results)
    {
        var plan = new ResultPlan([], [], new Dictionary<string, List<KeyedTable>>(StringComparer.Ordinal), [], [], []);
        foreach (var (r, part) in results)
        {
            switch (r)
            {
                case NodeTable t:
                    plan.Nodes.Add(t);
                    break;
                case LinkScoreTable t:
                    plan.Links.Add(t);
                    break;
                case RegionTable t:
                    if (!plan.Regions.TryGetValue(t.Level, out var list))
                    {
                        plan.Regions[t.Level] = list = [];
                        plan.Levels.Add(t.Level);
                    }

                    list.Add(t);
                    break;
                case ScalarResult sc:
                    plan.Scalars.Add(sc);
                    break;
                default:
                    plan.Single.Add((part is null ? r.MetricId : r.MetricId + "-" + part, r));
                    break;
            }
        }

        return plan;
    }

    /// <summary>The rows of a shared file: the union of its tables' ids in order of first appearance, so no table's row is lost.</summary>
    internal static List<string> RowIds(List<KeyedTable> tables)
    {
        var ids = new List<string>(tables[0].Ids);
        if (tables.Count > 1)
        {
            var seen = new HashSet<string>(ids, StringComparer.Ordinal);
            for (var t = 1; t < tables.Count; t++)
            {
                foreach (var id in tables[t].Ids)
                {
                    if (seen.Add(id))
                    {
                        ids.Add(id);
                    }
                }
            }
        }

        return ids;
    }

    /// <summary>The value column names of a shared file: each prefixed with its metric id unless <paramref name="prefixed"/> is false.</summary>
    internal static List<string> Headers(List<KeyedTable> tables, bool prefixed)
    {
        var headers = new List<string>();
        foreach (var t in tables)
        {
            foreach (var c in t.Columns)
            {
                headers.Add(!prefixed ? c : c == KeyedTable.ValueColumn ? t.MetricId : t.MetricId + "." + c);
            }
        }

        return headers;
    }

    public static IReadOnlyList<string> Write(IEnumerable<(MetricResult Result, string? Part)> results, string directory, bool json)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var ext = json ? ".json" : ".csv";
        var written = new List<string>();
        var (nodes, links, regions, levels, scalars, single) = Plan(results);
        if (nodes.Count > 0)
        {
            written.Add(WriteWide(Path.Combine(directory, "nodes" + ext), "id", nodes, json));
        }

        foreach (var level in levels)
        {
            written.Add(WriteWide(Path.Combine(directory, (levels.Count == 1 ? "regions" : "regions-" + level) + ext), "region", regions[level], json));
        }

        if (links.Count > 0)
        {
            written.Add(WriteWide(Path.Combine(directory, "links" + ext), "link", links, json));
        }

        if (scalars.Count > 0)
        {
            written.Add(WriteScalars(Path.Combine(directory, "network" + ext), scalars, json));
        }

        foreach (var (name, r) in single)
        {
            var p = Path.Combine(directory, name + ext);
            if (!json)
            {
                File.WriteAllText(p, r.ToCsv(), Utf8);
            }
            else if (r is KeyedTable t)
            {
                WriteWide(p, t.KeyColumnName, [t], json: true, prefixed: false);
            }
            else
            {
                WriteJson(p, w => WriteOther(w, r));
            }

            written.Add(p);
        }

        return written;
    }

    // Shared files prefix each column with its metric id (nodes.csv: degree, brokerage.gatekeeper); a table alone in its
    // file keeps its own column names, as its CSV does.
    private static string WriteWide(string path, string key, List<KeyedTable> tables, bool json, bool prefixed = true)
    {
        var ids = RowIds(tables);
        var headers = Headers(tables, prefixed);
        if (json)
        {
            WriteJson(path, w =>
            {
                w.WriteStartArray();
                foreach (var id in ids)
                {
                    w.WriteStartObject();
                    w.WriteString(key, id);
                    var h = 0;
                    foreach (var t in tables)
                    {
                        foreach (var c in t.Columns)
                        {
                            Number(w, headers[h++], t.TryGetValue(id, out var v, c) ? v : double.NaN);
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            return path;
        }

        using var writer = new StreamWriter(path, false, Utf8);
        writer.Write(MetricResult.Cell(key));
        foreach (var h in headers)
        {
            writer.Write(',');
            writer.Write(MetricResult.Cell(h));
        }

        writer.Write('\n');
        foreach (var id in ids)
        {
            writer.Write(MetricResult.Cell(id));
            foreach (var t in tables)
            {
                foreach (var c in t.Columns)
                {
                    writer.Write(',');
                    writer.Write(MetricResult.Cell(t.TryGetValue(id, out var v, c) ? v : double.NaN));
                }
            }

            writer.Write('\n');
        }

        return path;
    }

    private static string WriteScalars(string path, List<ScalarResult> scalars, bool json)
    {
        if (json)
        {
            WriteJson(path, w =>
            {
                w.WriteStartArray();
                foreach (var s in scalars)
                {
                    for (var i = 0; i < s.Columns.Count; i++)
                    {
                        w.WriteStartObject();
                        w.WriteString("metric", s.QualifiedName(i));
                        Number(w, "value", s.Values[i]);
                        w.WriteEndObject();
                    }
                }

                w.WriteEndArray();
            });
            return path;
        }

        using var writer = new StreamWriter(path, false, Utf8);
        writer.Write("metric,value\n");
        foreach (var s in scalars)
        {
            for (var i = 0; i < s.Columns.Count; i++)
            {
                writer.Write(MetricResult.Cell(s.QualifiedName(i)));
                writer.Write(',');
                writer.Write(MetricResult.Cell(s.Values[i]));
                writer.Write('\n');
            }
        }

        return path;
    }

    private static void WriteOther(Utf8JsonWriter w, MetricResult r)
    {
        if (r is MatrixResult m)
        {
            w.WriteStartObject();
            w.WriteString("metric", m.MetricId);
            Strings(w, "rows", m.RowIds);
            Strings(w, "columns", m.ColumnIds);
            w.WriteStartArray("values");
            for (var i = 0; i < m.RowIds.Count; i++)
            {
                w.WriteStartArray();
                for (var j = 0; j < m.ColumnIds.Count; j++)
                {
                    Number(w, m[i, j]);
                }

                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            return;
        }

        // A result type this exporter does not know: its CSV text, so nothing is lost.
        w.WriteStartObject();
        w.WriteString("metric", r.MetricId);
        w.WriteString("csv", r.ToCsv());
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double v)
    {
        w.WritePropertyName(name);
        Number(w, v);
    }

    private static void Number(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v))
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static void WriteJson(string path, Action<Utf8JsonWriter> body)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        body(w);
    }
}

/// <summary>The files of an analysis export (see <see cref="ResultFiles.Plan"/>).</summary>
internal sealed record ResultPlan(List<KeyedTable> Nodes, List<KeyedTable> Links, Dictionary<string, List<KeyedTable>> Regions, List<string> Levels,
    List<ScalarResult> Scalars, List<(string Name, MetricResult Result)> Single);
