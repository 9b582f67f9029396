using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Evolution;

/// <summary>A network-level value over the slices of a <see cref="TrajectorySet"/>: e.g. <c>density</c> or
/// <c>scale-mix.share.global</c> (the name network.csv gives the value). Immutable.</summary>
public sealed class TimeSeries
{
    private readonly double[] _values;

    internal TimeSeries(string name, string metricId, double[] values)
    {
        Name = name;
        MetricId = metricId;
        _values = values;
    }

    /// <summary>The series name: the metric id, or <c>id.value-name</c> for a named value.</summary>
    public string Name { get; }

    /// <summary>The metric that produced it.</summary>
    public string MetricId { get; }

    /// <summary>The value in each slice (NaN where the metric failed on that slice; see <see cref="TrajectorySet.Issues"/>).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The value in slice <paramref name="slice"/>.</summary>
    /// <param name="slice">A slice index.</param>
    public double this[int slice] => _values[slice];

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>
/// A panel: one column of a keyed table (per innovator, region, group or link) over the slices, as rows (ids) × slices.
/// Rows are the union of the ids the table had in any slice, in order of first appearance; a row missing from a slice's
/// table (or a slice where the metric failed) holds NaN. Immutable.
/// </summary>
public sealed class Panel
{
    private readonly List<string> _ids;
    private readonly Dictionary<string, int> _index;
    private readonly double[][] _values;

    internal Panel(string name, string metricId, MetricScope scope, string keyName, string? level, List<string> ids, Dictionary<string, int> index, double[][] values)
    {
        Name = name;
        MetricId = metricId;
        Scope = scope;
        KeyName = keyName;
        Level = level;
        _ids = ids;
        _index = index;
        _values = values;
    }

    /// <summary>The panel name: the metric id, then the part of a composite result and the column unless it is
    /// <c>value</c> (<c>betweenness</c>, <c>scale-mix.regions.share.global</c>).</summary>
    public string Name { get; }

    /// <summary>The metric that produced it.</summary>
    public string MetricId { get; }

    /// <summary>What the rows are: <see cref="MetricScope.Node"/> (innovators), <see cref="MetricScope.Region"/>,
    /// <see cref="MetricScope.Group"/> or <see cref="MetricScope.Link"/>.</summary>
    public MetricScope Scope { get; }

    /// <summary>The key column's name in the metric's own CSV (<c>id</c>, <c>region</c>, <c>innovator-kind</c>, ...).</summary>
    public string KeyName { get; }

    /// <summary>The region level of a region panel, else <see langword="null"/>.</summary>
    public string? Level { get; }

    /// <summary>The row ids.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The values of a row by slice.</summary>
    /// <param name="id">The row id.</param>
    /// <returns>One value per slice.</returns>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public ReadOnlySpan<double> Row(string id) => _index.TryGetValue(id, out var r)
        ? _values[r]
        : throw new KeyNotFoundException($"Panel '{Name}' has no row '{id}'.");

    /// <summary>The value of row <paramref name="id"/> in slice <paramref name="slice"/>.</summary>
    /// <param name="id">The row id.</param>
    /// <param name="slice">A slice index.</param>
    public double this[string id, int slice] => Row(id)[slice];

    internal double[] RowAt(int row) => _values[row];

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A metric that failed on one slice with a documented domain error; its values there are NaN.</summary>
/// <param name="Slice">The slice label.</param>
/// <param name="MetricId">The metric.</param>
/// <param name="ErrorType">The exception type name, e.g. <c>DisconnectedGraphException</c>.</param>
/// <param name="Message">The exception message.</param>
public sealed record TrajectoryIssue(string Slice, string MetricId, string ErrorType, string Message);

/// <summary>
/// The trajectories of tracked metrics over time slices: network-level <see cref="Series"/> (metric value by slice),
/// and <see cref="Panels"/> per innovator, region, group or link (id × slice), with every part of composite results.
/// Exports tidy long CSV (<c>slice,from,to,metric,id,value</c>), a wide CSV of the series and Markdown. Immutable.
/// </summary>
public sealed class TrajectorySet
{
    private readonly TimeSlice[] _slices;
    private readonly TimeSeries[] _series;
    private readonly Panel[] _panels;
    private readonly TrajectoryIssue[] _issues;

    internal TrajectorySet(SliceSet slices, TimeSeries[] series, Panel[] panels, TrajectoryIssue[] issues, ulong seed, IReadOnlyList<string> metricIds)
    {
        _slices = [.. slices];
        Mode = slices.Mode;
        Report = slices.Report;
        _series = series;
        _panels = panels;
        _issues = issues;
        Seed = seed;
        MetricIds = metricIds;
    }

    /// <summary>The slices, in time order (index = the slice index of every series and panel row).</summary>
    public IReadOnlyList<TimeSlice> Slices => _slices;

    /// <summary>How time was cut.</summary>
    public SliceMode Mode { get; }

    /// <summary>What slicing left out (undated links) or expanded (lifetimes).</summary>
    public SliceReport Report { get; }

    /// <summary>The seed every slice's metrics ran with (the same for every slice).</summary>
    public ulong Seed { get; }

    /// <summary>The tracked metric ids, in request order.</summary>
    public IReadOnlyList<string> MetricIds { get; }

    /// <summary>The network-level series, in metric order.</summary>
    public IReadOnlyList<TimeSeries> Series => _series;

    /// <summary>The panels, in metric order.</summary>
    public IReadOnlyList<Panel> Panels => _panels;

    /// <summary>Metrics that failed on a slice with a documented domain error (their values there are NaN).</summary>
    public IReadOnlyList<TrajectoryIssue> Issues => _issues;

    /// <summary>A series by name (<c>density</c>, <c>scale-mix.share.global</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The series.</returns>
    /// <exception cref="KeyNotFoundException">No such series; the message lists them.</exception>
    public TimeSeries GetSeries(string name)
    {
        foreach (var s in _series)
        {
            if (string.Equals(s.Name, name, StringComparison.Ordinal))
            {
                return s;
            }
        }

        throw new KeyNotFoundException($"No series '{name}'; the series are {Names(_series)}.");
    }

    /// <summary>A panel by name (<c>betweenness</c>, <c>scale-mix.regions.share.global</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The panel.</returns>
    /// <exception cref="KeyNotFoundException">No such panel; the message lists them.</exception>
    public Panel GetPanel(string name)
    {
        foreach (var p in _panels)
        {
            if (string.Equals(p.Name, name, StringComparison.Ordinal))
            {
                return p;
            }
        }

        throw new KeyNotFoundException($"No panel '{name}'; the panels are {Names(_panels)}.");
    }

    /// <summary>Writes the tidy long CSV: header <c>slice,from,to,metric,id,value</c>; one row per series value (empty
    /// <c>id</c>) and per panel cell, grouped by series or panel, then slice, then row. Invariant culture, round-trip
    /// doubles, NaN as <c>NaN</c>.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteTidyCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("slice,from,to,metric,id,value\n");
        foreach (var s in _series)
        {
            for (var t = 0; t < _slices.Length; t++)
            {
                WriteRowStart(writer, t, s.Name);
                writer.Write(',');
                writer.Write(MetricResult.Cell(s[t]));
                writer.Write('\n');
            }
        }

        foreach (var p in _panels)
        {
            for (var t = 0; t < _slices.Length; t++)
            {
                for (var r = 0; r < p.Ids.Count; r++)
                {
                    WriteRowStart(writer, t, p.Name);
                    writer.Write(MetricResult.Cell(p.Ids[r]));
                    writer.Write(',');
                    writer.Write(MetricResult.Cell(p.RowAt(r)[t]));
                    writer.Write('\n');
                }
            }
        }
    }

    /// <summary>Writes the series as a wide CSV: header <c>slice,from,to,</c> then one column per series; one row per slice.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteSeriesCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("slice,from,to");
        foreach (var s in _series)
        {
            writer.Write(',');
            writer.Write(MetricResult.Cell(s.Name));
        }

        writer.Write('\n');
        for (var t = 0; t < _slices.Length; t++)
        {
            WriteSlice(writer, t);
            foreach (var s in _series)
            {
                writer.Write(',');
                writer.Write(MetricResult.Cell(s[t]));
            }

            writer.Write('\n');
        }
    }

    /// <summary>Writes the issues: header <c>slice,metric,error,message</c>.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteIssuesCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("slice,metric,error,message\n");
        foreach (var i in _issues)
        {
            writer.Write(MetricResult.Cell(i.Slice));
            writer.Write(',');
            writer.Write(MetricResult.Cell(i.MetricId));
            writer.Write(',');
            writer.Write(MetricResult.Cell(i.ErrorType));
            writer.Write(',');
            writer.Write(MetricResult.Cell(i.Message));
            writer.Write('\n');
        }
    }

    /// <summary>Writes <c>trajectories.csv</c> (tidy), <c>series.csv</c> (wide) and, when any metric failed on a slice,
    /// <c>trajectory-issues.csv</c> into <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder (created when missing).</param>
    /// <returns>The paths written.</returns>
    public IReadOnlyList<string> WriteCsv(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        void Write(string name, Action<TextWriter> body)
        {
            var path = Path.Combine(directory, name);
            using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                body(w);
            }

            written.Add(path);
        }

        Write("trajectories.csv", WriteTidyCsv);
        Write("series.csv", WriteSeriesCsv);
        if (_issues.Length > 0)
        {
            Write("trajectory-issues.csv", WriteIssuesCsv);
        }

        return written;
    }

    /// <summary>The tidy CSV as text.</summary>
    /// <returns>The CSV.</returns>
    public string ToTidyCsv()
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        WriteTidyCsv(w);
        return w.ToString();
    }

    /// <summary>The series as Markdown (one row per series, one column per slice), a list of panels and the issues.</summary>
    /// <param name="maxSeries">Series rows to show.</param>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown(int maxSeries = 40)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Trajectories over {_slices.Length} slices ({Mode})\n\nSeed {Seed}. {Report}\n\n");
        if (_series.Length > 0)
        {
            sb.Append("| series");
            foreach (var s in _slices)
            {
                sb.Append(" | ").Append(s.Label);
            }

            sb.Append(" |\n|---");
            for (var t = 0; t < _slices.Length; t++)
            {
                sb.Append("|---:");
            }

            sb.Append("|\n");
            for (var i = 0; i < Math.Min(maxSeries, _series.Length); i++)
            {
                sb.Append("| ").Append(_series[i].Name);
                for (var t = 0; t < _slices.Length; t++)
                {
                    sb.Append(" | ").Append(_series[i][t].ToString("G6", CultureInfo.InvariantCulture));
                }

                sb.Append(" |\n");
            }

            if (_series.Length > maxSeries)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n({_series.Length - maxSeries} more series)\n");
            }
        }

        if (_panels.Length > 0)
        {
            sb.Append("\nPanels (rows × slices):\n\n");
            foreach (var p in _panels)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {p.Name} ({p.KeyName}{(p.Level is null ? string.Empty : " at " + p.Level)}): {p.Ids.Count} rows\n");
            }
        }

        if (_issues.Length > 0)
        {
            sb.Append("\nIssues (values NaN):\n\n");
            foreach (var i in _issues)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- {i.Slice}, {i.MetricId}: {i.ErrorType}: {i.Message}\n");
            }
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToMarkdown();

    private void WriteRowStart(TextWriter w, int t, string metric)
    {
        WriteSlice(w, t);
        w.Write(',');
        w.Write(MetricResult.Cell(metric));
        w.Write(',');
    }

    private void WriteSlice(TextWriter w, int t)
    {
        var s = _slices[t];
        w.Write(MetricResult.Cell(s.Label));
        w.Write(',');
        w.Write(s.From.ToString(CultureInfo.InvariantCulture));
        w.Write(',');
        w.Write(s.To.ToString(CultureInfo.InvariantCulture));
    }

    private static string Names<T>(IEnumerable<T> items)
    {
        var sb = new StringBuilder();
        foreach (var i in items)
        {
            sb.Append(sb.Length == 0 ? string.Empty : ", ").Append(i);
        }

        return sb.Length == 0 ? "(none)" : sb.ToString();
    }
}
