using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using nietras.SeparatedValues;

namespace GlocalNetworks.IO.Csv;

/// <summary>
/// One CSV input read with Sep: the header's column indices, and the errors every reader raises (named file, line,
/// column, value). Rows are read without allocation; cells are spans.
/// </summary>
internal sealed class CsvSource : IDisposable
{
    private readonly SepReader _reader;
    private readonly string[] _header;

    private CsvSource(SepReader reader, string name)
    {
        _reader = reader;
        Name = name;
        var cols = reader.Header.ColNames;
        _header = new string[cols.Count];
        for (var i = 0; i < cols.Count; i++)
        {
            _header[i] = cols[i].Trim();
        }
    }

    /// <summary>The file (or source) name used in messages.</summary>
    public string Name { get; }

    public SepReader Reader => _reader;

    public int ColumnCount => _header.Length;

    public static CsvSource Open(string path, char separator)
    {
        var input = CsvInput.FromFile(path);
        return Open(input.Open(), input.Name, separator);
    }

    public static CsvSource Open(TextReader text, string name, char separator)
    {
        ArgumentNullException.ThrowIfNull(text);
        SepReader reader;
        try
        {
            reader = Sep.New(separator).Reader(o => o with
            {
                HasHeader = true,
                Unescape = true,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(text);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException)
        {
            text.Dispose();
            throw new CsvFormatException(name, 1, null, null, "cannot be read as CSV: " + e.Message, e);
        }

        if (reader.IsEmpty || reader.Header.ColNames.Count == 0)
        {
            reader.Dispose();
            throw new CsvFormatException(name, 1, null, null, "is empty; expected a header row.");
        }

        return new CsvSource(reader, name);
    }

    /// <summary>The index of a required column; throws naming the header when absent.</summary>
    public int Required(string column)
    {
        var i = Optional(column);
        if (i < 0)
        {
            throw new CsvFormatException(Name, 1, column, null,
                $"is a required column but the header has only {string.Join(", ", Quote(_header))}.");
        }

        return i;
    }

    /// <summary>The index of an optional column (ignoring case), or -1.</summary>
    public int Optional(string column)
    {
        for (var i = 0; i < _header.Length; i++)
        {
            if (string.Equals(_header[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public string HeaderName(int index) => _header[index];

    /// <summary>Checks the field count of a row: too few or too many fields is a format error on that row.</summary>
    public CsvFormatException? CheckFieldCount(SepReader.Row row)
    {
        if (row.ColCount == _header.Length)
        {
            return null;
        }

        return new CsvFormatException(Name, row.LineNumberFrom, null, Shorten(row.Span),
            string.Create(CultureInfo.InvariantCulture, $"has {row.ColCount} field(s) but the header has {_header.Length}; check the separator and quoting."));
    }

    public CsvFormatException Format(long line, int column, ReadOnlySpan<char> value, string reason) =>
        new(Name, line, _header[column], value.ToString(), reason);

    public void Dispose() => _reader.Dispose();

    private static string Shorten(ReadOnlySpan<char> s) => s.Length <= 60 ? s.ToString() : string.Concat(s[..57], "...");

    private static IEnumerable<string> Quote(IEnumerable<string> s)
    {
        foreach (var x in s)
        {
            yield return "'" + x + "'";
        }
    }
}
