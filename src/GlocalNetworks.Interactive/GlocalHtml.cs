using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GlocalNetworks.Comparison;
using GlocalNetworks.Evolution;
using GlocalNetworks.IO;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Plotting;
using static GlocalNetworks.Interactive.HtmlWriter;

namespace GlocalNetworks.Interactive;

/// <summary>The HTML of each GlocalNetworks type, as the notebook formatters write it. Every id, name and label is
/// HTML-escaped; numbers are invariant-culture with 6 significant digits.</summary>
internal static class GlocalHtml
{
    private static readonly Scale[] AllScales = Enum.GetValues<Scale>();
    private static readonly InnovatorKind[] AllKinds = Enum.GetValues<InnovatorKind>();

    /// <summary>A network: sizes, innovators by kind and by the level of their home region, and the scale mix of its links.</summary>
    internal static void Network(GlocalNetwork network, TextWriter w)
    {
        Open(w, "GlocalNetwork");
        NetworkBody(network, w);
        Close(w);
    }

    private static void NetworkBody(GlocalNetwork network, TextWriter w)
    {
        var links = network.Links;
        var years = links.YearRange;
        KeyValues(w, "size", "value",
        [
            new("innovators", Number(network.Innovators.Count)),
            new("links", Number(links.Count)),
            new("regions", Number(network.Regions.Count)),
            new("organisers", Number(network.Organisers.Count)),
            new("ladder", network.Ladder.ToString()),
            new("years", years is { } y ? string.Create(CultureInfo.InvariantCulture, $"{y.First}-{y.Last}") : "none"),
            new("undated links", Number(links.UndatedCount)),
            new("resolution-limited links", Number(network.ResolutionLimitedCount)),
        ]);

        var byKind = new long[AllKinds.Length];
        foreach (var k in network.Innovators.Kinds)
        {
            byKind[(int)k]++;
        }

        var byLevel = new long[network.Ladder.Levels.Count];
        foreach (var home in network.Innovators.RegionIndices)
        {
            byLevel[network.Regions.LevelRank(home)]++;
        }

        var kindRows = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < byKind.Length; i++)
        {
            if (byKind[i] > 0)
            {
                kindRows.Add(new(AllKinds[i].ToString(), Number(byKind[i])));
            }
        }

        var levelRows = new List<KeyValuePair<string, string>>();
        foreach (var level in network.Ladder.Levels)
        {
            levelRows.Add(new(level.Name, Number(byLevel[level.Rank])));
        }

        Heading(w, "Innovators by kind", 5);
        KeyValues(w, "kind", "innovators", kindRows);
        Heading(w, "Innovators by the level of their home region", 5);
        KeyValues(w, "level", "innovators", levelRows);

        var counts = new long[AllScales.Length];
        var weights = new double[AllScales.Length];
        var limited = new long[AllScales.Length];
        var scales = network.LinkScales;
        var flags = network.LinkResolutionLimited;
        var weight = links.Weights;
        double total = 0;
        for (var i = 0; i < scales.Length; i++)
        {
            var s = (int)scales[i];
            counts[s]++;
            weights[s] += weight[i];
            limited[s] += flags[i] ? 1 : 0;
            total += weight[i];
        }

        Heading(w, "Scale mix of the links", 5);
        TableStart(w, ["scale", "links", "link share", "weight share", "resolution-limited"], static i => i > 0);
        foreach (var scale in AllScales)
        {
            var s = (int)scale;
            RowStart(w);
            Cell(w, scale.ToString());
            NumCell(w, Number(counts[s]));
            NumCell(w, Percent(links.Count > 0 ? (double)counts[s] / links.Count : double.NaN));
            NumCell(w, Percent(total > 0 ? weights[s] / total : double.NaN));
            NumCell(w, Number(limited[s]));
            RowEnd(w);
        }

        TableEnd(w);
    }

    /// <summary>Any metric result on its own (with its header).</summary>
    internal static void Result(MetricResult result, TextWriter w)
    {
        Open(w, Title(result));
        ResultBody(result, w);
        Close(w);
    }

    private static string Title(MetricResult result) => result switch
    {
        RegionTable r => $"{result.MetricId} (regions at level '{r.Level}')",
        GroupTable g => $"{result.MetricId} (by {g.KeyColumn})",
        NodeTable => $"{result.MetricId} (innovators)",
        LinkScoreTable => $"{result.MetricId} (links)",
        SignificanceTable s => string.Create(CultureInfo.InvariantCulture, $"{result.MetricId} against {s.NullModel} ({s.Replicates} replicates)"),
        _ => result.MetricId,
    };

    /// <summary>The body of a result; with the <paramref name="network"/> it came from, innovator and region tables also
    /// show each row's name.</summary>
    private static void ResultBody(MetricResult result, TextWriter w, GlocalNetwork? network = null)
    {
        switch (result)
        {
            case KeyedTable t:
                Keyed(t, w, network);
                break;
            case ScalarResult s:
                Scalar(s, w);
                break;
            case MatrixResult m:
                Matrix(m, w);
                break;
            case CompositeResult c:
                foreach (var (name, part) in c.Parts)
                {
                    Heading(w, $"{name}: {Title(part)}", 5);
                    ResultBody(part, w, network);
                }

                break;
            default:
                Note(w, result.ToString());
                break;
        }

        Properties(result, w);
    }

    private static void Properties(MetricResult result, TextWriter w)
    {
        if (result.Properties.Count == 0 || result is CompositeResult)
        {
            return;
        }

        var parts = new List<string>(result.Properties.Count);
        foreach (var (k, v) in result.Properties)
        {
            parts.Add(k + " = " + v);
        }

        Note(w, string.Join("; ", parts));
    }

    /// <summary>A keyed table: its top rows by the first column (largest first, as <see cref="KeyedTable.Top"/> orders them).</summary>
    private static void Keyed(KeyedTable table, TextWriter w, GlocalNetwork? network)
    {
        Func<string, string?>? nameOf = (table, network) switch
        {
            (NodeTable, not null) => id => network.Innovators.TryGet(id, out var i) ? i.Name : null,
            (RegionTable, not null) => id => network.Regions.TryGet(id, out var r) ? r.Name : null,
            _ => null,
        };
        var header = new List<string>(table.Columns.Count + 2) { KeyName(table) };
        if (nameOf is not null)
        {
            header.Add("name");
        }

        header.AddRange(table.Columns);
        var firstNumber = nameOf is null ? 1 : 2;
        var rows = table.Columns.Count > 0 ? table.Top(Math.Min(GlocalFormatters.MaxRows, table.Count), table.Columns[0]) : [];
        TableStart(w, header, i => i >= firstNumber);
        foreach (var (id, _) in rows)
        {
            RowStart(w);
            Cell(w, id);
            if (nameOf is not null)
            {
                Cell(w, nameOf(id));
            }

            foreach (var c in table.Columns)
            {
                NumCell(w, Number(table[id, c]));
            }

            RowEnd(w);
        }

        TableEnd(w);
        Showing(w, rows.Count, table.Count);
    }

    /// <summary>The key column's name, as the table's CSV writes it.</summary>
    private static string KeyName(KeyedTable table) => table switch
    {
        RegionTable => "region",
        GroupTable g => g.KeyColumn,
        LinkScoreTable => "link",
        SignificanceTable => "statistic",
        _ => "id",
    };

    private static void Scalar(ScalarResult result, TextWriter w)
    {
        var rows = new List<KeyValuePair<string, string>>(result.Columns.Count);
        var values = result.Values;
        for (var i = 0; i < result.Columns.Count; i++)
        {
            rows.Add(new(result.Columns[i], Number(values[i])));
        }

        KeyValues(w, "name", "value", rows);
    }

    private static void Matrix(MatrixResult matrix, TextWriter w)
    {
        var n = Math.Min(GlocalFormatters.MaxRows, matrix.RowIds.Count);
        var m = Math.Min(GlocalFormatters.MaxRows, matrix.ColumnIds.Count);
        var header = new List<string>(m + 1) { string.Empty };
        for (var j = 0; j < m; j++)
        {
            header.Add(matrix.ColumnIds[j]);
        }

        TableStart(w, header, static i => i > 0);
        for (var i = 0; i < n; i++)
        {
            RowStart(w);
            Cell(w, matrix.RowIds[i]);
            for (var j = 0; j < m; j++)
            {
                NumCell(w, Number(matrix[i, j]));
            }

            RowEnd(w);
        }

        TableEnd(w);
        Showing(w, n, matrix.RowIds.Count);
        Showing(w, m, matrix.ColumnIds.Count, "columns");
    }

    /// <summary>An analysis: the network line and seed, then every result and significance table in order.</summary>
    internal static void Analysis(AnalysisResult analysis, TextWriter w)
    {
        Open(w, "AnalysisResult");
        Note(w, string.Create(CultureInfo.InvariantCulture, $"{analysis.Network}; seed {analysis.Seed}; {analysis.Results.Count} result(s)."));
        foreach (var r in analysis.Results)
        {
            Heading(w, Title(r));
            ResultBody(r, w, analysis.Network);
        }

        foreach (var s in analysis.SignificanceTables)
        {
            Heading(w, Title(s));
            ResultBody(s, w, analysis.Network);
        }

        Close(w);
    }

    /// <summary>A comparison: one row per value, one column per network.</summary>
    internal static void Comparison(ComparisonTable table, TextWriter w)
    {
        Open(w, "ComparisonTable");
        var header = new List<string>(table.Networks.Count + 1) { "metric" };
        header.AddRange(table.Networks);
        TableStart(w, header, static i => i > 0);
        foreach (var row in table.Rows)
        {
            RowStart(w);
            Cell(w, row);
            foreach (var v in table.Row(row))
            {
                NumCell(w, Number(v));
            }

            RowEnd(w);
        }

        TableEnd(w);
        Close(w);
    }

    /// <summary>Trajectories: the series (slices as columns), a line chart of the first series, the panels and issues.</summary>
    internal static void Trajectories(TrajectorySet set, TextWriter w)
    {
        Open(w, string.Create(CultureInfo.InvariantCulture, $"Trajectories over {set.Slices.Count} slices ({set.Mode})"));
        Note(w, string.Create(CultureInfo.InvariantCulture, $"Seed {set.Seed}. {set.Report}"));
        var shownSeries = Math.Min(GlocalFormatters.MaxRows, set.Series.Count);
        if (set.Series.Count > 0)
        {
            var header = new List<string>(set.Slices.Count + 1) { "series" };
            foreach (var s in set.Slices)
            {
                header.Add(s.Label);
            }

            TableStart(w, header, static i => i > 0);
            for (var i = 0; i < shownSeries; i++)
            {
                var series = set.Series[i];
                RowStart(w);
                Cell(w, series.Name);
                foreach (var v in series.Values)
                {
                    NumCell(w, Number(v));
                }

                RowEnd(w);
            }

            TableEnd(w);
            Showing(w, shownSeries, set.Series.Count, "series");
            TrajectoryChart(set, w);
        }

        if (set.Panels.Count > 0)
        {
            Heading(w, "Panels (rows × slices)", 5);
            TableStart(w, ["panel", "rows are", "level", "rows"], static i => i == 3);
            foreach (var p in set.Panels)
            {
                RowStart(w);
                Cell(w, p.Name);
                Cell(w, p.KeyName);
                Cell(w, p.Level ?? string.Empty);
                NumCell(w, Number(p.Ids.Count));
                RowEnd(w);
            }

            TableEnd(w);
        }

        if (set.Issues.Count > 0)
        {
            Heading(w, "Issues (values NaN)", 5);
            TableStart(w, ["slice", "metric", "error", "message"], static _ => false);
            foreach (var i in set.Issues)
            {
                RowStart(w);
                Cell(w, i.Slice);
                Cell(w, i.MetricId);
                Cell(w, i.ErrorType);
                Cell(w, i.Message);
                RowEnd(w);
            }

            TableEnd(w);
        }

        Close(w);
    }

    /// <summary>A line chart (PNG data URI, rendered by Plotting) of up to <see cref="GlocalFormatters.MaxChartSeries"/> series
    /// against each slice's first year.</summary>
    private static void TrajectoryChart(TrajectorySet set, TextWriter w)
    {
        var n = Math.Min(GlocalFormatters.MaxChartSeries, set.Series.Count);
        if (n == 0 || set.Slices.Count == 0)
        {
            return;
        }

        var x = new double[set.Slices.Count];
        for (var t = 0; t < x.Length; t++)
        {
            x[t] = set.Slices[t].From;
        }

        var series = new List<KeyValuePair<string, double[]>>(n);
        for (var i = 0; i < n; i++)
        {
            series.Add(new(set.Series[i].Name, set.Series[i].Values.ToArray()));
        }

        ImageTag(Charts.Lines("Trajectories", x, series, xLabel: "slice (first year)"), w);
        Showing(w, n, set.Series.Count, "series in the chart");
    }

    /// <summary>A chart on its own: the PNG as a data URI, its title as the alternative text.</summary>
    internal static void Image(Chart chart, TextWriter w)
    {
        w.Write("<div class=\"glocal\">");
        ImageTag(chart, w);
        Close(w);
    }

    private static void ImageTag(Chart chart, TextWriter w)
    {
        w.Write("<img alt=\"");
        Text(w, chart.Title);
        w.Write("\" src=\"");
        w.Write(chart.ToDataUri());
        w.Write("\" />");
    }

    /// <summary>A load report: counters, issue counts by reason, then the first issues with their locations.</summary>
    internal static void Load(LoadReport report, TextWriter w)
    {
        Open(w, "LoadReport");
        Note(w, string.Create(CultureInfo.InvariantCulture, $"{report.Issues.Count} issue(s), {report.SkippedRows} row(s) skipped."));
        if (report.Counts.Count > 0)
        {
            var counts = new List<KeyValuePair<string, string>>(report.Counts.Count);
            foreach (var (k, v) in report.Counts)
            {
                counts.Add(new(k, Number(v)));
            }

            KeyValues(w, "counter", "count", counts);
        }

        if (report.Issues.Count > 0)
        {
            Heading(w, "Issues by reason", 5);
            var reasons = report.CountsByReason();
            TableStart(w, ["reason", "issues"], static i => i == 1);
            var shownReasons = Math.Min(GlocalFormatters.MaxRows, reasons.Count);
            for (var i = 0; i < shownReasons; i++)
            {
                RowStart(w);
                Cell(w, reasons[i].Key);
                NumCell(w, Number(reasons[i].Value));
                RowEnd(w);
            }

            TableEnd(w);
            Showing(w, shownReasons, reasons.Count, "reasons");

            Heading(w, "Issues", 5);
            TableStart(w, ["file", "line", "column", "value", "reason", "action"], static i => i == 1);
            var shown = Math.Min(GlocalFormatters.MaxRows, report.Issues.Count);
            for (var i = 0; i < shown; i++)
            {
                var issue = report.Issues[i];
                RowStart(w);
                Cell(w, issue.File);
                NumCell(w, issue.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                Cell(w, issue.Column);
                Cell(w, issue.Value);
                Cell(w, issue.Reason);
                Cell(w, issue.Action.ToString().ToLowerInvariant());
                RowEnd(w);
            }

            TableEnd(w);
            Showing(w, shown, report.Issues.Count, "issues");
        }

        Close(w);
    }

    /// <summary>A network with the report of its load.</summary>
    internal static void LoadResult(LoadResult result, TextWriter w)
    {
        Network(result.Network, w);
        Load(result.Report, w);
    }
}
