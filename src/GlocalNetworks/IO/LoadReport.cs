using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Internal;

namespace GlocalNetworks.IO;

/// <summary>What a reader did about a problem it found in lenient mode (or a notable fact in any mode).</summary>
public enum LoadAction
{
    /// <summary>The row was skipped.</summary>
    Skipped = 0,

    /// <summary>The row was kept with a repaired or default value.</summary>
    Repaired = 1,

    /// <summary>The row was kept as is; the issue is informational (e.g. a coarsely located innovator).</summary>
    Kept = 2,
}

/// <summary>One problem found while loading, naming where it is.</summary>
/// <param name="File">The file (or source) name.</param>
/// <param name="Line">The 1-based physical line where the record starts (header = 1), or <see langword="null"/>.</param>
/// <param name="Column">The column or field, or <see langword="null"/>.</param>
/// <param name="Value">The offending value, or <see langword="null"/>.</param>
/// <param name="Reason">What is wrong.</param>
/// <param name="Action">What the reader did.</param>
public sealed record LoadIssue(string File, long? Line, string? Column, string? Value, string Reason, LoadAction Action)
{
    /// <summary>The one-line form, <c>links.csv:17: column 'weight': value '-3' is negative (skipped)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        GlocalDataException.Format(File, Line, Column, Value, Reason) + " (" + Action.ToString().ToLowerInvariant() + ")";
}

/// <summary>
/// What a load did: counts of rows read and kept, and every problem with its location. In lenient mode nothing is
/// dropped without an issue here; <see cref="ThrowIfAny"/> restores strict behaviour.
/// </summary>
public sealed class LoadReport
{
    private readonly List<LoadIssue> _issues = [];
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<GlocalDataException> _errors = [];

    /// <summary>Every issue, in the order found.</summary>
    public IReadOnlyList<LoadIssue> Issues => _issues;

    /// <summary>Named counters (e.g. <c>links.csv rows</c>, <c>events with one participant</c>), in insertion order of first use.</summary>
    public IReadOnlyDictionary<string, long> Counts => _counts;

    /// <summary>How many rows were skipped.</summary>
    public int SkippedRows
    {
        get
        {
            var n = 0;
            foreach (var i in _issues)
            {
                n += i.Action == LoadAction.Skipped ? 1 : 0;
            }

            return n;
        }
    }

    /// <summary>Issue counts by reason (the reason text up to its first ';' or digit-free form), most frequent first.</summary>
    /// <returns>(reason, count) pairs.</returns>
    public IReadOnlyList<KeyValuePair<string, int>> CountsByReason()
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in _issues)
        {
            var key = $"{i.Column ?? "row"}: {i.Reason} ({i.Action.ToString().ToLowerInvariant()})";
            d[key] = d.TryGetValue(key, out var c) ? c + 1 : 1;
        }

        var list = new List<KeyValuePair<string, int>>(d);
        list.Sort(static (a, b) => a.Value != b.Value ? b.Value.CompareTo(a.Value) : string.CompareOrdinal(a.Key, b.Key));
        return list;
    }

    /// <summary>Adds to a named counter.</summary>
    /// <param name="name">The counter.</param>
    /// <param name="by">The amount.</param>
    public void Count(string name, long by = 1) => _counts[name] = _counts.TryGetValue(name, out var c) ? c + by : by;

    /// <summary>Records an issue.</summary>
    /// <param name="issue">The issue.</param>
    public void Add(LoadIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        _issues.Add(issue);
    }

    /// <summary>Records the problem behind <paramref name="error"/> as an issue with <paramref name="action"/>.</summary>
    /// <param name="error">The error that strict mode would have thrown.</param>
    /// <param name="action">What the reader did instead.</param>
    public void Add(GlocalDataException error, LoadAction action)
    {
        ArgumentNullException.ThrowIfNull(error);
        _errors.Add(error);
        _issues.Add(new LoadIssue(error.FilePath is null ? "(input)" : Path.GetFileName(error.FilePath), error.Line, error.Column, error.Value, error.Reason, action));
    }

    /// <summary>Throws the first recorded problem (skipped or repaired rows) as the exception strict mode would have thrown.</summary>
    /// <exception cref="GlocalDataException">There was at least one skipped or repaired row.</exception>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw _errors[0];
        }
    }

    /// <summary>A short human summary: counts, then issue counts by reason.</summary>
    /// <returns>The summary.</returns>
    public string Summary()
    {
        var sb = new StringBuilder();
        foreach (var kv in _counts)
        {
            sb.Append(kv.Key).Append(": ").Append(kv.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        sb.Append(_issues.Count.ToString(CultureInfo.InvariantCulture)).Append(" issue(s), ")
          .Append(SkippedRows.ToString(CultureInfo.InvariantCulture)).Append(" row(s) skipped\n");
        foreach (var kv in CountsByReason())
        {
            sb.Append("  ").Append(kv.Value.ToString(CultureInfo.InvariantCulture)).Append(" x ").Append(kv.Key).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Writes the issues as CSV (<c>file,line,column,value,reason,action</c>), e.g. <c>load-issues.csv</c>.</summary>
    /// <param name="writer">The destination.</param>
    public void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("file,line,column,value,reason,action\n");
        foreach (var i in _issues)
        {
            writer.Write(TextRules.CsvField(i.File));
            writer.Write(',');
            writer.Write(i.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            writer.Write(',');
            writer.Write(TextRules.CsvField(i.Column));
            writer.Write(',');
            writer.Write(TextRules.CsvField(i.Value));
            writer.Write(',');
            writer.Write(TextRules.CsvField(i.Reason));
            writer.Write(',');
            writer.Write(i.Action.ToString().ToLowerInvariant());
            writer.Write('\n');
        }
    }

}

/// <summary>A network with the report of the load that produced it.</summary>
/// <param name="Network">The network.</param>
/// <param name="Report">What the load did.</param>
public sealed record LoadResult(Model.GlocalNetwork Network, LoadReport Report);
