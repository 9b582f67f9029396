using System;
using System.Collections.Generic;
using GlocalNetworks.Comparison;
using GlocalNetworks.Metrics;
using ScottPlot;

namespace GlocalNetworks.Plotting;

/// <summary>
/// Charts of GlocalNetworks results, headless (no display needed): bars of a column, the top innovators or regions by a
/// metric, a heat map of a matrix (the region flow matrix), lines (distance decay, trajectories), grouped bars
/// (comparisons). Every method returns a <see cref="Chart"/> to render or embed.
/// </summary>
public static class Charts
{
    /// <summary>The default width in pixels.</summary>
    public const int DefaultWidth = 720;

    /// <summary>The default height in pixels.</summary>
    public const int DefaultHeight = 400;

    /// <summary>Vertical bars, one per label.</summary>
    /// <param name="title">The title.</param>
    /// <param name="labels">The bar labels.</param>
    /// <param name="values">The bar heights (NaN bars are drawn empty).</param>
    /// <param name="valueLabel">The value axis label.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static Chart Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string valueLabel = "")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        if (labels.Count != values.Count)
        {
            throw new ArgumentException($"Chart '{title}': {labels.Count} labels for {values.Count} values.", nameof(values));
        }

        var plot = NewPlot(title);
        var positions = new double[labels.Count];
        var heights = new double[labels.Count];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
            heights[i] = double.IsFinite(values[i]) ? values[i] : 0;
        }

        plot.Add.Bars(positions, heights);
        plot.Axes.Bottom.SetTicks(positions, [.. labels]);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel(valueLabel);
        return new Chart(plot, title, DefaultWidth, DefaultHeight);
    }

    /// <summary>The <paramref name="k"/> largest values of a column as horizontal bars, largest on top (ties by id).</summary>
    /// <param name="title">The title.</param>
    /// <param name="table">A node, region or group table.</param>
    /// <param name="column">The column.</param>
    /// <param name="k">How many.</param>
    /// <param name="label">Optional display labels by id (e.g. innovator names); ids are shown otherwise.</param>
    /// <returns>The chart.</returns>
    public static Chart Top(string title, KeyedTable table, string column = KeyedTable.ValueColumn, int k = 15, Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var top = table.Top(k, column);
        var plot = NewPlot(title);
        var n = top.Count;
        var positions = new double[n];
        var values = new double[n];
        var labels = new string[n];
        for (var i = 0; i < n; i++)
        {
            positions[i] = n - 1 - i;
            values[i] = top[i].Value;
            labels[i] = Shorten(label is null ? top[i].Key : label(top[i].Key), 40);
        }

        var bars = plot.Add.Bars(positions, values);
        bars.Horizontal = true;
        plot.Axes.Left.SetTicks(positions, labels);
        plot.Axes.Margins(left: 0);
        plot.XLabel(column == KeyedTable.ValueColumn ? table.MetricId : table.MetricId + "." + column);
        return new Chart(plot, title, DefaultWidth, Math.Max(DefaultHeight, 60 + (26 * n)));
    }

    /// <summary>A heat map of a matrix (rows top to bottom, columns left to right) with a colour bar; the region flow
    /// matrix, a co-occurrence matrix. NaN cells are blank.</summary>
    /// <param name="title">The title.</param>
    /// <param name="matrix">The matrix result.</param>
    /// <param name="logScale">Colour by log10(1 + value), for flows spanning orders of magnitude.</param>
    /// <returns>The chart.</returns>
    public static Chart Heatmap(string title, MatrixResult matrix, bool logScale = true) => Heatmap(title, matrix, logScale, int.MaxValue);

    /// <summary>A heat map of the <paramref name="top"/> rows with the largest totals (and the same columns, for a square
    /// matrix keyed like the region flow matrix), ties by id; see <see cref="Heatmap(string, MatrixResult, bool)"/>.</summary>
    /// <param name="title">The title.</param>
    /// <param name="matrix">A square matrix result whose rows and columns share ids.</param>
    /// <param name="logScale">Colour by log10(1 + value).</param>
    /// <param name="top">How many rows and columns to keep.</param>
    /// <returns>The chart.</returns>
    public static Chart Heatmap(string title, MatrixResult matrix, bool logScale, int top)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (top < matrix.RowIds.Count)
        {
            matrix = TopBlock(matrix, top);
        }

        var rows = matrix.RowIds.Count;
        var cols = matrix.ColumnIds.Count;
        var data = new double[rows, cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                var v = matrix[i, j];
                data[i, j] = logScale && v >= 0 ? Math.Log10(1 + v) : v;
            }
        }

        var plot = NewPlot(title);
        var hm = plot.Add.Heatmap(data);
        hm.Colormap = new ScottPlot.Colormaps.Viridis();
        var bar = plot.Add.ColorBar(hm);
        bar.Label = logScale ? "log10(1 + value)" : "value";
        var xs = new double[cols];
        var ys = new double[rows];
        var xl = new string[cols];
        var yl = new string[rows];
        for (var j = 0; j < cols; j++)
        {
            xs[j] = j;
            xl[j] = Shorten(matrix.ColumnIds[j], 12);
        }

        for (var i = 0; i < rows; i++)
        {
            ys[i] = rows - 1 - i;
            yl[i] = Shorten(matrix.RowIds[i], 12);
        }

        plot.Axes.Bottom.SetTicks(xs, xl);
        plot.Axes.Left.SetTicks(ys, yl);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        var side = Math.Clamp(120 + (16 * Math.Max(rows, cols)), DefaultHeight, 1400);
        return new Chart(plot, title, Math.Max(DefaultWidth, side + 160), side);
    }

    /// <summary>One or more lines over a shared x axis (trajectories over years; decay over distance), with markers.</summary>
    /// <param name="title">The title.</param>
    /// <param name="x">The x values.</param>
    /// <param name="series">Series name → y values (as long as <paramref name="x"/>; NaN points are skipped).</param>
    /// <param name="xLabel">The x axis label.</param>
    /// <param name="yLabel">The y axis label.</param>
    /// <param name="logLog">Plot log10(x) against log10(y) (distance decay); non-positive points are skipped.</param>
    /// <returns>The chart.</returns>
    public static Chart Lines(string title, IReadOnlyList<double> x, IReadOnlyList<KeyValuePair<string, double[]>> series, string xLabel = "", string yLabel = "", bool logLog = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        var plot = NewPlot(title);
        foreach (var (name, y) in series)
        {
            if (y.Length != x.Count)
            {
                throw new ArgumentException($"Chart '{title}': series '{name}' has {y.Length} values for {x.Count} x values.", nameof(series));
            }

            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = 0; i < y.Length; i++)
            {
                var (a, b) = logLog ? (Math.Log10(x[i]), Math.Log10(y[i])) : (x[i], y[i]);
                if (double.IsFinite(a) && double.IsFinite(b))
                {
                    xs.Add(a);
                    ys.Add(b);
                }
            }

            var s = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            s.LegendText = name;
        }

        if (series.Count > 1)
        {
            plot.ShowLegend();
        }

        plot.XLabel(logLog ? $"log10 {xLabel}" : xLabel);
        plot.YLabel(logLog ? $"log10 {yLabel}" : yLabel);
        return new Chart(plot, title, DefaultWidth, DefaultHeight);
    }

    /// <summary>Grouped bars: for each category, one bar per series side by side (networks compared metric by metric).</summary>
    /// <param name="title">The title.</param>
    /// <param name="categories">The categories along the x axis.</param>
    /// <param name="series">Series name → values by category.</param>
    /// <param name="valueLabel">The value axis label.</param>
    /// <returns>The chart.</returns>
    public static Chart GroupedBars(string title, IReadOnlyList<string> categories, IReadOnlyList<KeyValuePair<string, double[]>> series, string valueLabel = "")
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var plot = NewPlot(title);
        var width = 0.8 / Math.Max(1, series.Count);
        var palette = new ScottPlot.Palettes.Category10();
        for (var s = 0; s < series.Count; s++)
        {
            var (name, values) = series[s];
            if (values.Length != categories.Count)
            {
                throw new ArgumentException($"Chart '{title}': series '{name}' has {values.Length} values for {categories.Count} categories.", nameof(series));
            }

            var bars = new List<Bar>();
            for (var c = 0; c < categories.Count; c++)
            {
                bars.Add(new Bar
                {
                    Position = c - 0.4 + (width * (s + 0.5)),
                    Value = double.IsFinite(values[c]) ? values[c] : 0,
                    Size = width,
                    FillColor = palette.GetColor(s),
                });
            }

            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = name;
        }

        var ticks = new double[categories.Count];
        for (var c = 0; c < ticks.Length; c++)
        {
            ticks[c] = c;
        }

        plot.Axes.Bottom.SetTicks(ticks, [.. categories]);
        plot.Axes.Margins(bottom: 0);
        plot.YLabel(valueLabel);
        plot.ShowLegend();
        return new Chart(plot, title, Math.Max(DefaultWidth, 120 * categories.Count), DefaultHeight);
    }

    /// <summary>A comparison as grouped bars: one group per row of <paramref name="table"/>, one bar per network (rows on
    /// one scale read best together, e.g. the <c>scale-mix.share.*</c> rows).</summary>
    /// <param name="table">The comparison.</param>
    /// <param name="rows">The rows to draw; empty for every row.</param>
    /// <param name="title">The title.</param>
    /// <param name="valueLabel">The value axis label.</param>
    /// <returns>The chart.</returns>
    /// <exception cref="KeyNotFoundException">A row does not exist.</exception>
    public static Chart Comparison(ComparisonTable table, IReadOnlyList<string> rows, string title = "Comparison", string valueLabel = "")
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var (categories, series) = table.ToSeries([.. rows]);
        return GroupedBars(title, categories, series, valueLabel);
    }

    private static MatrixResult TopBlock(MatrixResult m, int k)
    {
        var n = m.RowIds.Count;
        if (m.ColumnIds.Count != n)
        {
            throw new ArgumentException($"Matrix '{m.MetricId}' is {n} x {m.ColumnIds.Count}; keeping the top rows needs a square matrix.", nameof(m));
        }

        var totals = new double[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            for (var j = 0; j < n; j++)
            {
                var v = m[i, j];
                totals[i] += double.IsFinite(v) ? v : 0;
            }
        }

        Array.Sort(order, (a, b) => totals[b] != totals[a] ? totals[b].CompareTo(totals[a]) : string.CompareOrdinal(m.RowIds[a], m.RowIds[b]));
        var data = new double[k, k];
        var ids = new string[k];
        for (var i = 0; i < k; i++)
        {
            ids[i] = m.RowIds[order[i]];
            for (var j = 0; j < k; j++)
            {
                data[i, j] = m[order[i], order[j]];
            }
        }

        return new MatrixResult(m.MetricId, ids, ids, MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(data));
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Title(title);
        return plot;
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");
}
