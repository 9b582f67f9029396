using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GlocalNetworks;

/// <summary>
/// The base of every data error: a problem in the input (a file, or values passed to a builder) that names
/// where it is. The message is one line, for example
/// <c>links.csv:17: column 'weight': value '-3' is negative; weights must be &gt; 0</c>.
/// </summary>
/// <remarks>
/// <see cref="Line"/> is the 1-based physical line where the record starts (the header is line 1).
/// Values passed to a builder carry no file; their message starts with the builder call instead.
/// </remarks>
public class GlocalDataException : Exception
{
    /// <summary>Creates a data error.</summary>
    /// <param name="filePath">The file (or source name) the problem is in; <see langword="null"/> for values passed in code.</param>
    /// <param name="line">The 1-based line where the offending record starts (header = 1); <see langword="null"/> when not from a file.</param>
    /// <param name="column">The column or field name; <see langword="null"/> when the problem is the whole record.</param>
    /// <param name="value">The offending value as read; <see langword="null"/> when there is none.</param>
    /// <param name="reason">What is wrong and, where it helps, how to fix it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public GlocalDataException(string? filePath, long? line, string? column, string? value, string reason, Exception? innerException = null)
        : base(Format(filePath, line, column, value, reason), innerException)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Value = value;
        Reason = reason;
    }

    /// <summary>The file (or source name) the problem is in, or <see langword="null"/>.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based physical line where the record starts (header = 1), or <see langword="null"/>.</summary>
    public long? Line { get; }

    /// <summary>The column or field name, or <see langword="null"/>.</summary>
    public string? Column { get; }

    /// <summary>The offending value as read, or <see langword="null"/>.</summary>
    public string? Value { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Reason { get; }

    /// <summary>Formats the one-line message <c>file:line: column 'c': value 'v' reason</c>.</summary>
    /// <param name="filePath">The file, or <see langword="null"/>.</param>
    /// <param name="line">The line, or <see langword="null"/>.</param>
    /// <param name="column">The column, or <see langword="null"/>.</param>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="reason">The reason.</param>
    /// <returns>The message.</returns>
    public static string Format(string? filePath, long? line, string? column, string? value, string reason)
    {
        var sb = new StringBuilder();
        if (filePath is not null)
        {
            sb.Append(System.IO.Path.GetFileName(filePath));
            if (line is { } l)
            {
                sb.Append(':').Append(l.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(": ");
        }
        else if (line is { } l2)
        {
            sb.Append("line ").Append(l2.ToString(CultureInfo.InvariantCulture)).Append(": ");
        }

        if (column is not null)
        {
            sb.Append("column '").Append(column).Append("': ");
        }

        if (value is not null)
        {
            sb.Append("value '").Append(Shorten(value)).Append("' ");
        }

        sb.Append(reason);
        return sb.ToString();
    }

    private static string Shorten(string value)
    {
        var v = value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return v.Length <= 80 ? v : string.Concat(v.AsSpan(0, 77), "...");
    }
}

/// <summary>A record that cannot be parsed: a wrong number of fields, a missing column, an unparsable number, broken quoting or XML.</summary>
public sealed class CsvFormatException : GlocalDataException
{
    /// <inheritdoc cref="GlocalDataException(string?, long?, string?, string?, string, Exception?)"/>
    public CsvFormatException(string? filePath, long? line, string? column, string? value, string reason, Exception? innerException = null)
        : base(filePath, line, column, value, reason, innerException)
    {
    }
}

/// <summary>A reference to an id that does not exist: a link to an unknown innovator, an innovator in an unknown region.</summary>
public sealed class ReferentialIntegrityException : GlocalDataException
{
    /// <summary>Creates the error; up to three suggestions (closest known ids by edit distance) are appended to the message.</summary>
    /// <param name="filePath">The file, or <see langword="null"/>.</param>
    /// <param name="line">The line, or <see langword="null"/>.</param>
    /// <param name="column">The column holding the reference.</param>
    /// <param name="value">The unknown id.</param>
    /// <param name="reason">What kind of id is unknown, e.g. "is not a known innovator id".</param>
    /// <param name="suggestions">Up to three close known ids.</param>
    public ReferentialIntegrityException(string? filePath, long? line, string? column, string? value, string reason, IReadOnlyList<string> suggestions)
        : base(filePath, line, column, value, WithSuggestions(reason, suggestions))
    {
        Suggestions = suggestions;
    }

    /// <summary>Up to three known ids close to the unknown one.</summary>
    public IReadOnlyList<string> Suggestions { get; }

    private static string WithSuggestions(string reason, IReadOnlyList<string> suggestions)
    {
        if (suggestions.Count == 0)
        {
            return reason;
        }

        var sb = new StringBuilder(reason.TrimEnd('.'));
        sb.Append("; did you mean ");
        for (var i = 0; i < suggestions.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(i == suggestions.Count - 1 ? " or " : ", ");
            }

            sb.Append('\'').Append(suggestions[i]).Append('\'');
        }

        sb.Append('?');
        return sb.ToString();
    }
}

/// <summary>An id that occurs twice; the message names the line of the first occurrence.</summary>
public sealed class DuplicateIdException : GlocalDataException
{
    /// <summary>Creates the error.</summary>
    /// <param name="filePath">The file, or <see langword="null"/>.</param>
    /// <param name="line">The line of the second occurrence.</param>
    /// <param name="column">The id column.</param>
    /// <param name="value">The duplicated id.</param>
    /// <param name="firstLine">The line of the first occurrence, or <see langword="null"/> when not from a file.</param>
    public DuplicateIdException(string? filePath, long? line, string? column, string value, long? firstLine)
        : base(filePath, line, column, value, firstLine is { } f
            ? string.Create(CultureInfo.InvariantCulture, $"is a duplicate id; it first occurs on line {f}.")
            : "is a duplicate id; ids must be unique.")
    {
        FirstLine = firstLine;
    }

    /// <summary>The line of the first occurrence, or <see langword="null"/>.</summary>
    public long? FirstLine { get; }
}

/// <summary>A weight that is negative, zero, NaN or infinite; link weights must be finite and &gt; 0.</summary>
public sealed class InvalidWeightException : GlocalDataException
{
    /// <inheritdoc cref="GlocalDataException(string?, long?, string?, string?, string, Exception?)"/>
    public InvalidWeightException(string? filePath, long? line, string? column, string? value, string reason)
        : base(filePath, line, column, value, reason)
    {
    }
}

/// <summary>A link whose two ends are the same innovator, where the policy rejects self-loops.</summary>
public sealed class SelfLoopException : GlocalDataException
{
    /// <inheritdoc cref="GlocalDataException(string?, long?, string?, string?, string, Exception?)"/>
    public SelfLoopException(string? filePath, long? line, string? column, string? value, string reason)
        : base(filePath, line, column, value, reason)
    {
    }
}

/// <summary>A region tree that cannot be built: an unknown parent, a duplicate id, a cycle (listed), or a parent not coarser than its child.</summary>
public sealed class RegionTreeException : GlocalDataException
{
    /// <summary>Creates the error.</summary>
    /// <param name="filePath">The file, or <see langword="null"/>.</param>
    /// <param name="line">The line, or <see langword="null"/>.</param>
    /// <param name="column">The column, or <see langword="null"/>.</param>
    /// <param name="value">The offending id, or <see langword="null"/>.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="cycle">The region ids on a cycle, in parent order, when the problem is a cycle.</param>
    public RegionTreeException(string? filePath, long? line, string? column, string? value, string reason, IReadOnlyList<string>? cycle = null)
        : base(filePath, line, column, value, reason)
    {
        Cycle = cycle ?? Array.Empty<string>();
    }

    /// <summary>The ids on the cycle (each the parent of the one before, the first repeated at the end), or empty.</summary>
    public IReadOnlyList<string> Cycle { get; }
}

/// <summary>A region level name that the ladder does not have; the message lists the ladder's levels.</summary>
public sealed class UnknownRegionLevelException : ArgumentException
{
    /// <summary>Creates the error.</summary>
    /// <param name="level">The unknown level name.</param>
    /// <param name="knownLevels">The ladder's levels, finest first.</param>
    public UnknownRegionLevelException(string level, IReadOnlyList<string> knownLevels)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"Unknown region level '{level}'. The ladder's levels are {string.Join(", ", knownLevels)} (finest first)."))
    {
        Level = level;
        KnownLevels = knownLevels;
    }

    /// <summary>The unknown level name.</summary>
    public string Level { get; }

    /// <summary>The ladder's level names, finest first.</summary>
    public IReadOnlyList<string> KnownLevels { get; }
}

/// <summary>A statistical model that cannot be estimated: the PPML estimates may not exist (Santos Silva and Tenreyro 2010:
/// the design restricted to the observations with y &gt; 0 has lower rank than the whole design), or the design is
/// singular (a regressor is a linear combination of others). The message names the regressors involved.</summary>
public sealed class EstimationException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">What is wrong, a sentence ending with a period.</param>
    /// <param name="regressors">The regressors involved (may be empty).</param>
    public EstimationException(string reason, IReadOnlyList<string> regressors)
        : base(reason)
    {
        Regressors = regressors ?? Array.Empty<string>();
    }

    /// <summary>The regressors involved, in design order.</summary>
    public IReadOnlyList<string> Regressors { get; }
}

/// <summary>A directed graph that must be acyclic (a citation network for main path analysis) has a cycle; the message and
/// <see cref="Cycle"/> name one, and <see cref="CyclicComponents"/> says how many strongly connected components are cyclic.</summary>
public sealed class GraphNotAcyclicException : InvalidOperationException
{
    /// <summary>Creates the error.</summary>
    /// <param name="cycle">The ids on one cycle, each linked to the next, the first repeated at the end.</param>
    /// <param name="cyclicComponents">The number of strongly connected components with more than one node.</param>
    /// <param name="advice">What the caller can do, a sentence ending with a period (may be empty).</param>
    public GraphNotAcyclicException(IReadOnlyList<string> cycle, int cyclicComponents, string advice)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"The graph is not acyclic: '{string.Join("' -> '", cycle ?? Array.Empty<string>())}' is a cycle, and {cyclicComponents} strongly connected component{(cyclicComponents == 1 ? " is" : "s are")} cyclic. {advice}").TrimEnd())
    {
        Cycle = cycle ?? Array.Empty<string>();
        CyclicComponents = cyclicComponents;
    }

    /// <summary>The ids on one cycle (each linked to the next, the first repeated at the end).</summary>
    public IReadOnlyList<string> Cycle { get; }

    /// <summary>The number of strongly connected components with more than one node.</summary>
    public int CyclicComponents { get; }
}
