using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace GlocalNetworks.Metrics;

/// <summary>
/// A result made of named parts: network values next to per-region and per-innovator tables (the E-I index at several
/// levels, the scale mix by several groupings). Metrics that return one derive a typed result from it with a property per
/// part; <see cref="AnalysisResult.WriteCsv(string)"/> routes each part to the file of its kind (<c>nodes.csv</c>,
/// <c>regions.csv</c>, <c>network.csv</c>, or <c>METRIC-PART.csv</c>). Immutable.
/// </summary>
public abstract class CompositeResult : MetricResult
{
    private readonly KeyValuePair<string, MetricResult>[] _parts;
    private readonly string[] _names;

    /// <summary>Creates a composite result.</summary>
    /// <param name="metricId">The metric id (each part carries it too).</param>
    /// <param name="parts">Part name (kebab-case, unique) → result, in display order.</param>
    /// <param name="properties">Facts about the computation.</param>
    /// <exception cref="ArgumentException">A part name repeats or is empty, or a part is itself composite.</exception>
    protected CompositeResult(string metricId, IReadOnlyList<KeyValuePair<string, MetricResult>> parts, IReadOnlyDictionary<string, string>? properties)
        : base(metricId, MetricScope.Composite, properties)
    {
        ArgumentNullException.ThrowIfNull(parts);
        _parts = new KeyValuePair<string, MetricResult>[parts.Count];
        _names = new string[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var (name, part) = (parts[i].Key, parts[i].Value);
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(part);
            if (Array.IndexOf(_names, name, 0, i) >= 0)
            {
                throw new ArgumentException($"Part '{name}' occurs twice in the result of '{metricId}'.", nameof(parts));
            }

            if (part is CompositeResult)
            {
                throw new ArgumentException($"Part '{name}' of '{metricId}' is itself composite; parts are plain tables.", nameof(parts));
            }

            _parts[i] = parts[i];
            _names[i] = name;
        }
    }

    /// <summary>The parts, by name, in display order.</summary>
    public IReadOnlyList<KeyValuePair<string, MetricResult>> Parts => _parts;

    /// <summary>The part names (not value columns: see each part's <see cref="MetricResult.Columns"/>).</summary>
    public override IReadOnlyList<string> Columns => _names;

    /// <summary>A part by name.</summary>
    /// <param name="name">The part name.</param>
    /// <returns>The part.</returns>
    /// <exception cref="KeyNotFoundException">No such part; the message lists the parts.</exception>
    public MetricResult Part(string name)
    {
        var i = Array.IndexOf(_names, name);
        return i >= 0 ? _parts[i].Value : throw new KeyNotFoundException(
            $"The result of '{MetricId}' has no part '{name}'; it has {string.Join(", ", _names)}.");
    }

    /// <summary>A typed part by name.</summary>
    /// <typeparam name="T">The part's type.</typeparam>
    /// <param name="name">The part name.</param>
    /// <returns>The part.</returns>
    /// <exception cref="KeyNotFoundException">No such part.</exception>
    /// <exception cref="InvalidCastException">The part is of another type.</exception>
    protected T Part<T>(string name) where T : MetricResult => (T)Part(name);

    /// <summary>Writes every part, each preceded by a comment line <c># part: NAME</c> and followed by a blank line.
    /// Use <see cref="AnalysisResult.WriteCsv(string)"/> or each part's own <see cref="MetricResult.WriteCsv(TextWriter)"/>
    /// for one table per file.</summary>
    /// <param name="writer">The destination.</param>
    public override void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (var i = 0; i < _parts.Length; i++)
        {
            if (i > 0)
            {
                writer.Write('\n');
            }

            writer.Write("# part: ");
            writer.Write(_names[i]);
            writer.Write('\n');
            _parts[i].Value.WriteCsv(writer);
        }
    }

    /// <summary>Every part as a Markdown table under a level-3 heading with its name.</summary>
    /// <param name="maxRows">Rows per part.</param>
    /// <returns>The Markdown text.</returns>
    public override string ToMarkdown(int maxRows = 20)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < _parts.Length; i++)
        {
            sb.Append("### ").Append(_names[i]).Append("\n\n").Append(_parts[i].Value.ToMarkdown(maxRows)).Append('\n');
        }

        return sb.ToString();
    }
}
