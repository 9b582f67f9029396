using System;
using System.Collections.Generic;
using ParquetSharp;

namespace GlocalNetworks.Parquet;

/// <summary>Dates as Parquet stores them: days since 1970-01-01.</summary>
internal static class ParquetDates
{
    /// <summary>The <see cref="DateOnly.DayNumber"/> of 1970-01-01.</summary>
    public static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public static Date? ToParquet(DateOnly? d) => d is { } v ? new Date(v.DayNumber - EpochDayNumber) : null;
}

/// <summary>
/// Writes one flat table column by column, in row groups of <see cref="RowGroupRows"/> rows and batches of
/// <see cref="BatchRows"/>: each column is a delegate that fills a reused chunk array for a row range, so the writer holds
/// one chunk per column, never the whole table a second time. Snappy compression, dictionary encoding, a fixed
/// <c>created_by</c> so that the same table gives the same bytes.
/// </summary>
internal sealed class ParquetTableWriter
{
    /// <summary>Rows per row group.</summary>
    public const int RowGroupRows = 1 << 20;

    /// <summary>Rows per write batch.</summary>
    public const int BatchRows = 65_536;

    private readonly List<Column> _columns = [];
    private readonly List<Action<RowGroupWriter, int, int>> _writers = [];

    /// <summary>Adds a column whose values for rows [start, start + count) the filler puts into the chunk's first count slots.</summary>
    /// <typeparam name="T">The column's element type: <c>string</c> (UTF-8, nullable), <c>double</c>, <c>bool</c>, <c>int?</c>,
    /// <c>double?</c>, <c>bool?</c>, <c>Date?</c>.</typeparam>
    public ParquetTableWriter Add<T>(string name, Action<T[], int, int> fill)
    {
        var logical = typeof(T) == typeof(string) ? LogicalType.String() : null;
        _columns.Add(logical is null ? new Column<T>(name) : new Column<T>(name, logical));
        var chunk = new T[BatchRows];
        _writers.Add((rg, start, count) =>
        {
            using var w = rg.NextColumn().LogicalWriter<T>();
            for (var s = 0; s < count; s += BatchRows)
            {
                var n = Math.Min(BatchRows, count - s);
                fill(chunk, start + s, n);
                w.WriteBatch(chunk.AsSpan(0, n));
            }
        });
        return this;
    }

    /// <summary>Fills a chunk with <paramref name="value"/>(row) for rows [start, start + count).</summary>
    public static void Fill<T>(T[] chunk, int start, int count, Func<int, T> value)
    {
        for (var i = 0; i < count; i++)
        {
            chunk[i] = value(start + i);
        }
    }

    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="path"/> (replacing it).</summary>
    /// <param name="path">The file.</param>
    /// <param name="rows">The row count.</param>
    /// <param name="metadata">Key-value metadata of the file (e.g. <c>glocal.table</c>).</param>
    public void Write(string path, int rows, IReadOnlyDictionary<string, string> metadata)
    {
        using var props = new WriterPropertiesBuilder()
            .Compression(Compression.Snappy)
            .CreatedBy("GlocalNetworks (ParquetSharp)")
            .Build();
        using var file = new ParquetFileWriter(path, _columns.ToArray(), props, metadata);
        var start = 0;
        while (start < rows)
        {
            var n = Math.Min(RowGroupRows, rows - start);
            using (var rg = file.AppendRowGroup())
            {
                foreach (var w in _writers)
                {
                    w(rg, start, n);
                }
            }

            start += n;
        }

        file.Close();
    }
}
