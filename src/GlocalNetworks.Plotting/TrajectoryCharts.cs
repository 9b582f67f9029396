using System;
using System.Collections.Generic;
using GlocalNetworks.Evolution;
using ScottPlot;

namespace GlocalNetworks.Plotting;

/// <summary>
/// Charts of trajectories over time (issue 5 item 7): the scale mix over the slices as a stacked area, rank trajectories
/// of regions as a bump chart, and σ-convergence with its trend. Each returns a <see cref="Chart"/> to save as PNG or SVG.
/// </summary>
public static class TrajectoryCharts
{
    /// <summary>The scale mix over time: one band per scale (scales that are zero in every slice are left out), stacked to 1 (or lines with <paramref name="stacked"/> false),
    /// from the series <c>{prefix}{scale}</c> of <paramref name="trajectories"/> (default: the share of links by count).</summary>
    /// <param name="trajectories">Trajectories that tracked <c>scale-mix</c>.</param>
    /// <param name="title">The title.</param>
    /// <param name="prefix">The series prefix: <c>scale-mix.count-share.</c> (links) or <c>scale-mix.share.</c> (weight).</param>
    /// <param name="stacked">Stacked areas (true) or one line per scale.</param>
    /// <returns>The chart; the x axis is each slice's last year.</returns>
    /// <exception cref="ArgumentException">No series has the prefix.</exception>
    public static Chart ScaleMix(TrajectorySet trajectories, string title = "Scale mix over time", string prefix = "scale-mix.count-share.", bool stacked = true)
    {
        ArgumentNullException.ThrowIfNull(trajectories);
        var x = Years(trajectories);
        var series = new List<KeyValuePair<string, double[]>>();
        foreach (var s in trajectories.Series)
        {
            if (s.Name.StartsWith(prefix, StringComparison.Ordinal) && HasValue(s.Values))
            {
                series.Add(new(Capitalise(s.Name[prefix.Length..]), s.Values.ToArray()));
            }
        }

        if (series.Count == 0)
        {
            throw new ArgumentException($"Chart '{title}': no series starts with '{prefix}'; track 'scale-mix'.", nameof(prefix));
        }

        if (!stacked)
        {
            var lines = Charts.Lines(title, x, series, "year", "share");
            YearTicks(lines.Plot, x);
            return lines;
        }

        var plot = new Plot();
        plot.Title(title);
        var palette = new ScottPlot.Palettes.Category10();
        var lower = new double[x.Length];
        for (var k = 0; k < series.Count; k++)
        {
            var upper = new double[x.Length];
            for (var t = 0; t < x.Length; t++)
            {
                var v = series[k].Value[t];
                upper[t] = lower[t] + (double.IsFinite(v) ? v : 0);
            }

            var fill = plot.Add.FillY(x, upper, lower);
            fill.FillColor = palette.GetColor(k).WithAlpha(0.8);
            fill.LineColor = palette.GetColor(k);
            fill.LegendText = series[k].Key;
            lower = upper;
        }

        plot.ShowLegend(Alignment.UpperRight);
        YearTicks(plot, x);
        plot.XLabel("year");
        plot.YLabel("share");
        plot.Axes.SetLimitsY(0, 1.0);
        return new Chart(plot, title, Charts.DefaultWidth, Charts.DefaultHeight);
    }

    /// <summary>A bump chart: the rank (1 at the top) of the <paramref name="top"/> regions best in the last year, one line
    /// per region labelled at its right end.</summary>
    /// <param name="ranks">The rank trajectories.</param>
    /// <param name="title">The title.</param>
    /// <param name="top">How many regions to draw.</param>
    /// <param name="label">Turns a region id into its label, or <see langword="null"/> for the id.</param>
    /// <returns>The chart.</returns>
    public static Chart Ranks(RankTrajectories ranks, string title = "Rank trajectories", int top = 10, Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var plot = new Plot();
        plot.Title(title);
        var palette = new ScottPlot.Palettes.Category10();
        var worst = 1.0;
        var longest = 0;
        var ids = ranks.Top(top);
        for (var k = 0; k < ids.Count; k++)
        {
            var r = ranks.Rank(ids[k]);
            var xs = new List<double>();
            var ys = new List<double>();
            for (var t = 0; t < r.Length; t++)
            {
                if (double.IsFinite(r[t]))
                {
                    xs.Add(ranks.Years[t]);
                    ys.Add(r[t]);
                    worst = Math.Max(worst, r[t]);
                }
            }

            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), palette.GetColor(k));
            line.LineWidth = 3;
            line.MarkerSize = 8;
            if (xs.Count > 0)
            {
                var name = label?.Invoke(ids[k]) ?? ids[k];
                longest = Math.Max(longest, name.Length);
                var text = plot.Add.Text(name, xs[^1] + 0.1, ys[^1]);
                text.LabelFontColor = palette.GetColor(k);
                text.LabelAlignment = Alignment.MiddleLeft;
            }
        }

        plot.XLabel("year");
        plot.YLabel("rank (1 = highest)");
        if (ranks.Years.Count > 0)
        {
            var years = new double[ranks.Years.Count];
            for (var t = 0; t < years.Length; t++)
            {
                years[t] = ranks.Years[t];
            }

            YearTicks(plot, years);
            // Room for the labels: about 8 px per character in a plot area of about 620 px.
            var span = Math.Max(1, ranks.Years[^1] - ranks.Years[0]) + 0.6;
            var labelPx = Math.Min(300, (8 * longest) + 20);
            plot.Axes.SetLimitsX(ranks.Years[0] - 0.3, ranks.Years[^1] + 0.3 + (labelPx * span / (620 - labelPx)));
        }

        plot.Axes.SetLimitsY(worst + 0.5, 0.5);
        return new Chart(plot, title, Charts.DefaultWidth, Charts.DefaultHeight);
    }

    /// <summary>σ_t by year with its OLS trend as a dashed line.</summary>
    /// <param name="sigma">The σ-convergence result.</param>
    /// <param name="title">The title, or <see langword="null"/> for one naming the measure.</param>
    /// <returns>The chart.</returns>
    public static Chart Sigma(SigmaConvergence sigma, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(sigma);
        title ??= $"σ-convergence of {sigma.Name} ({sigma.Measure})";
        var x = new double[sigma.Years.Count];
        for (var t = 0; t < x.Length; t++)
        {
            x[t] = sigma.Years[t];
        }

        var chart = Charts.Lines(title, x, [new("σ", [.. sigma.Sigma])], "year", "σ");
        YearTicks(chart.Plot, x);
        if (sigma.TrendFit is { } fit && x.Length > 0)
        {
            double a = fit.Coefficients[0], b = fit.Coefficients[1];
            var trend = chart.Plot.Add.Line(x[0], a + (b * x[0]), x[^1], a + (b * x[^1]));
            trend.LinePattern = LinePattern.Dashed;
            trend.LegendText = "trend";
            chart.Plot.ShowLegend();
        }

        return chart;
    }

    /// <summary>One tick per year labelled as an integer (ScottPlot's automatic ticks may fall between years).</summary>
    private static void YearTicks(Plot plot, double[] years)
    {
        var labels = new string[years.Length];
        for (var t = 0; t < years.Length; t++)
        {
            labels[t] = years[t].ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        }

        plot.Axes.Bottom.SetTicks(years, labels);
    }

    private static double[] Years(TrajectorySet t)
    {
        var x = new double[t.Slices.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = t.Slices[i].To;
        }

        return x;
    }

    private static bool HasValue(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsFinite(v) && v != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
