using System;
using System.Collections.Generic;
using System.IO;
using GlocalNetworks.Evolution;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Parquet;

/// <summary>
/// Writes metric results as Parquet: the same files as <see cref="AnalysisResult.WriteCsv(string)"/> (<c>nodes</c>,
/// <c>regions</c> or <c>regions-LEVEL</c>, <c>links</c>, <c>network</c>, <c>METRIC</c> and <c>METRIC-PART</c>), one
/// <c>.parquet</c> file per table, and a <see cref="TrajectorySet"/>'s tidy panel.
/// </summary>
/// <remarks>
/// Keyed files have a string key column (<c>id</c>, <c>region</c>, <c>link</c>, or the table's own key such as
/// <c>innovator-kind</c> or <c>statistic</c>) and one <c>DOUBLE</c> column per value, named as in the CSV
/// (<c>degree</c>, <c>brokerage.gatekeeper</c>); a missing value is <c>NaN</c>, as in the CSV, not null. <c>network</c> is
/// <c>metric</c> (string), <c>value</c> (double); a matrix is written in long form <c>row, column, value</c> with its non-zero
/// entries, as its CSV is.
/// </remarks>
public static class ParquetResults
{
    /// <summary>Writes the analysis's tables as Parquet files into <paramref name="directory"/> (see the type's remarks).</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="directory">The folder (created when missing).</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> WriteParquet(this AnalysisResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var plan = ResultFiles.Plan(result.Flattened());
        var written = new List<string>();
        string PathOf(string name) => Path.Combine(directory, name + ".parquet");
        if (plan.Nodes.Count > 0)
        {
            written.Add(WriteWide(PathOf("nodes"), "id", plan.Nodes, prefixed: true));
        }

        foreach (var level in plan.Levels)
        {
            written.Add(WriteWide(PathOf(plan.Levels.Count == 1 ? "regions" : "regions-" + level), "region", plan.Regions[level], prefixed: true));
        }

        if (plan.Links.Count > 0)
        {
            written.Add(WriteWide(PathOf("links"), "link", plan.Links, prefixed: true));
        }

        if (plan.Scalars.Count > 0)
        {
            var names = new List<string>();
            var values = new List<double>();
            foreach (var s in plan.Scalars)
            {
                for (var i = 0; i < s.Columns.Count; i++)
                {
                    names.Add(s.QualifiedName(i));
                    values.Add(s.Values[i]);
                }
            }

            var p = PathOf("network");
            new ParquetTableWriter()
                .Add<string>("metric", (c, s, n) => names.CopyTo(s, c, 0, n))
                .Add<double>("value", (c, s, n) => values.CopyTo(s, c, 0, n))
                .Write(p, names.Count, GlocalParquet.Meta("network", null));
            written.Add(p);
        }

        foreach (var (name, r) in plan.Single)
        {
            var p = PathOf(name);
            switch (r)
            {
                case KeyedTable t:
                    WriteWide(p, t.KeyColumnName, [t], prefixed: false);
                    break;
                case MatrixResult m:
                    WriteMatrix(p, m);
                    break;
                default:
                    // A result type this exporter does not know: its CSV text, so nothing is lost (as the JSON export does).
                    var csv = r.ToCsv();
                    new ParquetTableWriter()
                        .Add<string>("metric", (c, s, n) => c[0] = r.MetricId)
                        .Add<string>("csv", (c, s, n) => c[0] = csv)
                        .Write(p, 1, GlocalParquet.Meta(name, null));
                    break;
            }

            written.Add(p);
        }

        return written;
    }

    /// <summary>Writes <c>trajectories.parquet</c>, the tidy long panel (<c>slice</c> string, <c>from</c> and <c>to</c> int,
    /// <c>metric</c> string, <c>id</c> string, null for a series value, <c>value</c> double), with the rows of
    /// <see cref="TrajectorySet.WriteTidyCsv"/> in the same order; <c>series.parquet</c> (<c>slice, from, to</c>, then one
    /// double column per series); and <c>trajectory-issues.parquet</c> (<c>slice, metric, error, message</c>) when a metric
    /// failed on a slice.</summary>
    /// <param name="trajectories">The trajectories.</param>
    /// <param name="directory">The folder (created when missing).</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> WriteParquet(this TrajectorySet trajectories, string directory)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var slices = trajectories.Slices;
        var t = slices.Count;

        // Tidy rows: (series or panel, slice, row); a row index -1 is a series value.
        var blocks = new List<(int Start, TimeSeries? Series, Panel? Panel)>();
        var rows = 0;
        foreach (var s in trajectories.Series)
        {
            blocks.Add((rows, s, null));
            rows = checked(rows + t);
        }

        foreach (var p in trajectories.Panels)
        {
            blocks.Add((rows, null, p));
            rows = checked(rows + (t * p.Ids.Count));
        }

        var block = 0;
        (int Slice, string Metric, string? Id, double Value) At(int row)
        {
            while (block + 1 < blocks.Count && blocks[block + 1].Start <= row)
            {
                block++;
            }

            while (blocks[block].Start > row)
            {
                block--;
            }

            var (start, series, panel) = blocks[block];
            var k = row - start;
            if (series is not null)
            {
                return (k, series.Name, null, series[k]);
            }

            var width = panel!.Ids.Count;
            var slice = k / width;
            var r = k % width;
            return (slice, panel.Name, panel.Ids[r], panel.RowAt(r)[slice]);
        }

        var written = new List<string>();
        var tidy = Path.Combine(directory, "trajectories.parquet");
        new ParquetTableWriter()
            .Add<string>("slice", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => slices[At(i).Slice].Label))
            .Add<int>("from", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => slices[At(i).Slice].From))
            .Add<int>("to", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => slices[At(i).Slice].To))
            .Add<string>("metric", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => At(i).Metric))
            .Add<string>("id", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => At(i).Id))
            .Add<double>("value", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => At(i).Value))
            .Write(tidy, rows, GlocalParquet.Meta("trajectories", null));
        written.Add(tidy);

        var series = Path.Combine(directory, "series.parquet");
        var w = new ParquetTableWriter()
            .Add<string>("slice", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => slices[i].Label))
            .Add<int>("from", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => slices[i].From))
            .Add<int>("to", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => slices[i].To));
        foreach (var s in trajectories.Series)
        {
            w.Add<double>(s.Name, (c, st, n) => s.Values.Slice(st, n).CopyTo(c));
        }

        w.Write(series, t, GlocalParquet.Meta("series", null));
        written.Add(series);

        if (trajectories.Issues.Count > 0)
        {
            var issues = trajectories.Issues;
            var p = Path.Combine(directory, "trajectory-issues.parquet");
            new ParquetTableWriter()
                .Add<string>("slice", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => issues[i].Slice))
                .Add<string>("metric", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => issues[i].MetricId))
                .Add<string>("error", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => issues[i].ErrorType))
                .Add<string>("message", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => issues[i].Message))
                .Write(p, issues.Count, GlocalParquet.Meta("trajectory-issues", null));
            written.Add(p);
        }

        return written;
    }

    private static string WriteWide(string path, string key, List<KeyedTable> tables, bool prefixed)
    {
        var ids = ResultFiles.RowIds(tables);
        var headers = ResultFiles.Headers(tables, prefixed);
        var w = new ParquetTableWriter().Add<string>(key, (c, s, n) => ids.CopyTo(s, c, 0, n));
        var h = 0;
        foreach (var t in tables)
        {
            // Row i of the file is row `map[i]` of this table (-1: the table has no such row, NaN).
            int[]? map = null;
            if (!ReferenceEquals(t.Ids, ids) && (t.Ids.Count != ids.Count || !SameIds(t.Ids, ids)))
            {
                map = new int[ids.Count];
                var index = new Dictionary<string, int>(t.Ids.Count, StringComparer.Ordinal);
                for (var i = 0; i < t.Ids.Count; i++)
                {
                    index.TryAdd(t.Ids[i], i);
                }

                for (var i = 0; i < ids.Count; i++)
                {
                    map[i] = index.TryGetValue(ids[i], out var r) ? r : -1;
                }
            }

            foreach (var col in t.Columns)
            {
                var table = t;
                var name = col;
                w.Add<double>(headers[h++], (c, s, n) =>
                {
                    var v = table.Column(name);
                    for (var i = 0; i < n; i++)
                    {
                        var r = map is null ? s + i : map[s + i];
                        c[i] = r < 0 ? double.NaN : v[r];
                    }
                });
            }
        }

        w.Write(path, ids.Count, GlocalParquet.Meta(Path.GetFileNameWithoutExtension(path), null));
        return path;
    }

    private static bool SameIds(IReadOnlyList<string> a, List<string> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteMatrix(string path, MatrixResult m)
    {
        var rows = new List<string>();
        var cols = new List<string>();
        var values = new List<double>();
        for (var i = 0; i < m.RowIds.Count; i++)
        {
            for (var j = 0; j < m.ColumnIds.Count; j++)
            {
                var v = m[i, j];
                if (v != 0)
                {
                    rows.Add(m.RowIds[i]);
                    cols.Add(m.ColumnIds[j]);
                    values.Add(v);
                }
            }
        }

        new ParquetTableWriter()
            .Add<string>("row", (c, s, n) => rows.CopyTo(s, c, 0, n))
            .Add<string>("column", (c, s, n) => cols.CopyTo(s, c, 0, n))
            .Add<double>("value", (c, s, n) => values.CopyTo(s, c, 0, n))
            .Write(path, rows.Count, GlocalParquet.Meta(m.MetricId, null));
    }
}
