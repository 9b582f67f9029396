using System;
using System.Threading;
using GlocalNetworks.Comparison;
using GlocalNetworks.Evolution;
using GlocalNetworks.IO;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Plotting;
using Microsoft.DotNet.Interactive.Formatting;

namespace GlocalNetworks.Interactive;

/// <summary>
/// The HTML formatters for .NET Interactive (Polyglot notebooks): <see cref="GlocalNetwork"/> (sizes, innovators by kind and
/// level, scale mix), <see cref="AnalysisResult"/> and every <see cref="MetricResult"/> (node, region, group, link and
/// significance tables, scalar, matrix and composite results: the top rows with a "showing N of M" line),
/// <see cref="ComparisonTable"/>, <see cref="TrajectorySet"/> (series table and a line chart), <see cref="LoadReport"/> and
/// Plotting's <see cref="Chart"/> (an embedded PNG).
/// Referencing the package in a notebook registers them (<see cref="GlocalKernelExtension"/>); call <see cref="Register"/>
/// to register them yourself. Every id, name and label is HTML-escaped.
/// </summary>
public static class GlocalFormatters
{
    /// <summary>The default of <see cref="MaxRows"/>.</summary>
    public const int DefaultMaxRows = 10;

    /// <summary>The default of <see cref="MaxChartSeries"/>.</summary>
    public const int DefaultMaxChartSeries = 6;

    private static int _registered;
    private static int _maxRows = DefaultMaxRows;
    private static int _maxChartSeries = DefaultMaxChartSeries;

    /// <summary>How many rows a table shows (per table, per part, series of a trajectory set, issues of a load report).</summary>
    /// <value>The default value is 10.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int MaxRows
    {
        get => Volatile.Read(ref _maxRows);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _maxRows, value);
        }
    }

    /// <summary>How many series the trajectory chart draws (the first ones, in metric order).</summary>
    /// <value>The default value is 6.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int MaxChartSeries
    {
        get => Volatile.Read(ref _maxChartSeries);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            Volatile.Write(ref _maxChartSeries, value);
        }
    }

    /// <summary>Registers the <c>text/html</c> formatters with <see cref="Formatter"/>. Calling it again does nothing.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
        {
            return;
        }

        Formatter.Register<GlocalNetwork>(GlocalHtml.Network, HtmlFormatter.MimeType);
        Formatter.Register<AnalysisResult>(GlocalHtml.Analysis, HtmlFormatter.MimeType);
        Formatter.Register<MetricResult>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<KeyedTable>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<NodeTable>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<RegionTable>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<GroupTable>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<LinkScoreTable>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<SignificanceTable>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<ScalarResult>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<MatrixResult>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<CompositeResult>(GlocalHtml.Result, HtmlFormatter.MimeType);
        Formatter.Register<ComparisonTable>(GlocalHtml.Comparison, HtmlFormatter.MimeType);
        Formatter.Register<TrajectorySet>(GlocalHtml.Trajectories, HtmlFormatter.MimeType);
        Formatter.Register<LoadReport>(GlocalHtml.Load, HtmlFormatter.MimeType);
        Formatter.Register<LoadResult>(GlocalHtml.LoadResult, HtmlFormatter.MimeType);
        Formatter.Register<Chart>(GlocalHtml.Image, HtmlFormatter.MimeType);
        foreach (var type in new[]
                 {
                     typeof(GlocalNetwork), typeof(AnalysisResult), typeof(MetricResult), typeof(ComparisonTable),
                     typeof(TrajectorySet), typeof(LoadReport), typeof(LoadResult), typeof(Chart),
                 })
        {
            Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType);
        }
    }
}
