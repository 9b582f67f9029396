using System;
using System.Text;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;
using nietras.SeparatedValues;

namespace GlocalNetworks.Data;

/// <summary>Row loops and cell parsers shared by the data-set readers (Sep underneath; errors name file, line, column, value).</summary>
internal static class DataCsv
{
    public delegate void RowBody(SepReader.Row row, long line);

    public static CsvSource Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return CsvSource.Open(path, ',');
    }

    /// <summary>Runs <paramref name="body"/> on each row after checking its field count; returns the number of rows.</summary>
    /// <param name="src">The source.</param>
    /// <param name="problem">What to do with a row of the wrong width: <see langword="null"/> throws; otherwise the callback decides (strict or lenient).</param>
    /// <param name="body">The row handler.</param>
    public static long ForEach(CsvSource src, Action<GlocalDataException, LoadAction>? problem, RowBody body)
    {
        long lastLine = 1, rows = 0;
        try
        {
            foreach (var row in src.Reader)
            {
                lastLine = row.LineNumberFrom;
                rows++;
                var bad = src.CheckFieldCount(row);
                if (bad is not null)
                {
                    if (problem is null)
                    {
                        throw bad;
                    }

                    problem(bad, LoadAction.Skipped);
                    continue;
                }

                body(row, row.LineNumberFrom);
            }
        }
        catch (Exception e) when (e is not GlocalDataException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new CsvFormatException(src.Name, lastLine, null, null, "cannot be parsed as CSV: " + e.Message, e);
        }

        return rows;
    }

    /// <summary>A point from two optional columns: both empty gives <see langword="null"/>; anything else must be a valid coordinate pair.</summary>
    public static GeoPoint? Point(CsvSource src, SepReader.Row row, long line, int lat, int lon)
    {
        if (lat < 0 || lon < 0)
        {
            return null;
        }

        var a = row[lat].Span.Trim();
        var b = row[lon].Span.Trim();
        if (a.IsEmpty && b.IsEmpty)
        {
            return null;
        }

        if (!CsvCells.TryDouble(a, out var la) || !(la >= -90 && la <= 90))
        {
            throw src.Format(line, lat, a, "is not a latitude; expected a number of degrees in [-90, 90] (or both coordinates empty).");
        }

        if (!CsvCells.TryDouble(b, out var lo) || !(lo >= -180 && lo <= 180))
        {
            throw src.Format(line, lon, b, "is not a longitude; expected a number of degrees in [-180, 180] (or both coordinates empty).");
        }

        return new GeoPoint(la, lo);
    }

    /// <summary>The text with every run of white space (line breaks included) replaced by one space, trimmed.</summary>
    public static string CollapseWhitespace(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
