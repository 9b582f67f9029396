using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Internal;

namespace GlocalNetworks.Metrics;

/// <summary>The result of a metric: a keyed table (per innovator, region or link), network-level values, or a matrix. Immutable.</summary>
public abstract class MetricResult
{
    private static readonly IReadOnlyDictionary<string, string> NoProperties = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>Creates a result.</summary>
    /// <param name="metricId">The id of the metric that produced it.</param>
    /// <param name="scope">What it is keyed by.</param>
    /// <param name="properties">Facts about the computation (iterations, residual, seed, sources sampled), or <see langword="null"/>.</param>
    protected MetricResult(string metricId, MetricScope scope, IReadOnlyDictionary<string, string>? properties)
    {
        ArgumentException.ThrowIfNullOrEmpty(metricId);
        MetricId = metricId;
        Scope = scope;
        Properties = properties is null ? NoProperties : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(properties, StringComparer.Ordinal));
    }

    /// <summary>The id of the metric that produced this result.</summary>
    public string MetricId { get; }

    /// <summary>What the result is keyed by.</summary>
    public MetricScope Scope { get; }

    /// <summary>The value columns, in order.</summary>
    public abstract IReadOnlyList<string> Columns { get; }

    /// <summary>Facts about the computation: e.g. <c>iterations</c>, <c>residual</c>, <c>seed</c> (every randomised metric records
    /// the seed it used), <c>sources</c>, <c>weighted</c>.</summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    /// <summary>Writes the result as CSV (invariant culture, round-trip doubles, NaN as <c>NaN</c>).</summary>
    /// <param name="writer">The destination.</param>
    public abstract void WriteCsv(TextWriter writer);

    /// <summary>The result as a Markdown table (at most <paramref name="maxRows"/> rows).</summary>
    /// <param name="maxRows">The row limit.</param>
    /// <returns>The Markdown text.</returns>
    public abstract string ToMarkdown(int maxRows = 20);

    /// <summary>The CSV text.</summary>
    /// <returns>The CSV.</returns>
    public string ToCsv()
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(w);
        return w.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToMarkdown();

    internal static string Cell(double v) =>
        double.IsNaN(v) ? "NaN" : v.ToString("R", CultureInfo.InvariantCulture);

    internal static string Cell(string s) => TextRules.CsvField(s);

    internal static string Md(double v) =>
        double.IsNaN(v) ? "NaN" : v.ToString("G6", CultureInfo.InvariantCulture);

    internal static string Md(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);

    internal static void MarkdownHeader(StringBuilder sb, string first, IReadOnlyList<string> columns)
    {
        sb.Append("| ").Append(first);
        foreach (var c in columns)
        {
            sb.Append(" | ").Append(c);
        }

        sb.Append(" |\n|---");
        for (var i = 0; i < columns.Count; i++)
        {
            sb.Append("|---:");
        }

        sb.Append("|\n");
    }
}
