using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.IO.Csv;

namespace GlocalNetworks.IO.Tabular;

/// <summary>What a cell read as a number holds.</summary>
internal enum Cell
{
    /// <summary>Null or empty.</summary>
    Null = 0,

    /// <summary>A value.</summary>
    Value = 1,

    /// <summary>Text that cannot be parsed.</summary>
    Bad = 2,
}

/// <summary>What a typed table column holds, as far as the loaders care.</summary>
internal enum CellType
{
    /// <summary>Text (UTF-8 strings).</summary>
    Text = 0,

    /// <summary>Whole numbers (8 to 64 bits).</summary>
    Integer = 1,

    /// <summary>Floating-point numbers.</summary>
    Real = 2,

    /// <summary>Booleans.</summary>
    Boolean = 3,

    /// <summary>Calendar dates.</summary>
    Date = 4,

    /// <summary>Anything else (timestamps, decimals, nested or binary columns); the loaders refuse it where they read it.</summary>
    Other = 5,
}

/// <summary>
/// A typed table read row by row over column batches: a Parquet file (row group by row group) or a DuckDB query result.
/// Rows are numbered from 1 (a Parquet file and a query result have no header line). Cells are read without an object
/// per cell: text comes as a span into a reused buffer.
/// </summary>
internal abstract class TableCursor : IDisposable
{
    private readonly char[] _numberText = new char[32];

    /// <summary>The file or query name messages show.</summary>
    public abstract string Name { get; }

    /// <summary>The column names, in order.</summary>
    public abstract IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The 1-based number of the current row.</summary>
    public abstract long Row { get; }

    /// <summary>The type of a column.</summary>
    public abstract CellType TypeOf(int column);

    /// <summary>A readable name of a column's stored type for messages (e.g. <c>BYTE_ARRAY (String)</c>, <c>VARCHAR</c>).</summary>
    public abstract string TypeName(int column);

    /// <summary>Moves to the next row.</summary>
    /// <returns>Whether there is one.</returns>
    public abstract bool Next();

    /// <summary>Whether the cell is null.</summary>
    public abstract bool IsNull(int column);

    /// <summary>The cell of a <see cref="CellType.Text"/> column (valid until the next row).</summary>
    protected abstract ReadOnlySpan<char> RawText(int column);

    /// <summary>The cell of an <see cref="CellType.Integer"/> column.</summary>
    public abstract long Integer(int column);

    /// <summary>The cell of a <see cref="CellType.Real"/> column.</summary>
    public abstract double Real(int column);

    /// <summary>The cell of a <see cref="CellType.Boolean"/> column.</summary>
    public abstract bool Boolean(int column);

    /// <summary>The cell of a <see cref="CellType.Date"/> column.</summary>
    public abstract DateOnly Date(int column);

    /// <summary>The error for a bad cell or column: the file or query, the row (or none), the column and the value.</summary>
    public abstract GlocalDataException Format(long? row, string column, string? value, string reason);

    /// <summary>The index of a column by name, ignoring case and surrounding spaces; -1 when absent.</summary>
    public int Find(string name)
    {
        var names = ColumnNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of a required column; a <see cref="Format"/> error listing the columns when it is absent.</summary>
    public int Required(string name)
    {
        var i = Find(name);
        if (i < 0)
        {
            throw Format(null, name, null, $"is missing; the columns are {string.Join(", ", ColumnNames)}.");
        }

        return i;
    }

    /// <summary>Checks that a column (when present) holds one of <paramref name="allowed"/>; a <see cref="Format"/> error otherwise.</summary>
    /// <param name="column">The column index, or -1 (nothing to check).</param>
    /// <param name="expected">What the message says is expected, e.g. <c>a number (DOUBLE, FLOAT or an integer type)</c>.</param>
    /// <param name="allowed">The accepted types.</param>
    public void Expect(int column, string expected, params CellType[] allowed)
    {
        if (column < 0 || Array.IndexOf(allowed, TypeOf(column)) >= 0)
        {
            return;
        }

        throw Format(null, ColumnNames[column], TypeName(column), $"is the column's type; expected {expected}.");
    }

    /// <summary>The cell as text: text as stored, numbers in invariant culture, dates as <c>yyyy-MM-dd</c>, booleans as
    /// <c>true</c>/<c>false</c>; empty for null. Valid until the next call.</summary>
    public ReadOnlySpan<char> Text(int column)
    {
        if (IsNull(column))
        {
            return [];
        }

        int n;
        switch (TypeOf(column))
        {
            case CellType.Text:
                return RawText(column);
            case CellType.Integer:
                Integer(column).TryFormat(_numberText, out n, default, CultureInfo.InvariantCulture);
                return _numberText.AsSpan(0, n);
            case CellType.Real:
                Real(column).TryFormat(_numberText, out n, "R", CultureInfo.InvariantCulture);
                return _numberText.AsSpan(0, n);
            case CellType.Boolean:
                return Boolean(column) ? "true" : "false";
            case CellType.Date:
                Date(column).TryFormat(_numberText, out n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return _numberText.AsSpan(0, n);
            default:
                return [];
        }
    }

    /// <summary>The cell of a number column as a double. A text column's cell is parsed as the CSV reader parses it
    /// (invariant culture; empty is null).</summary>
    /// <returns><see cref="Cell.Null"/>, <see cref="Cell.Value"/>, or <see cref="Cell.Bad"/> for text that is not a number.</returns>
    public Cell Number(int column, out double value)
    {
        value = 0;
        if (IsNull(column))
        {
            return Cell.Null;
        }

        switch (TypeOf(column))
        {
            case CellType.Integer:
                value = Integer(column);
                return Cell.Value;
            case CellType.Real:
                value = Real(column);
                return Cell.Value;
            default:
                var t = RawText(column).Trim();
                return t.IsEmpty ? Cell.Null : CsvCells.TryDouble(t, out value) ? Cell.Value : Cell.Bad;
        }
    }

    /// <summary>Resolves an innovator id cell to an index (-1 when unknown). A cursor whose query already resolved the ids
    /// (DuckDB joins them to the innovator table) overrides this.</summary>
    public virtual int Resolve(int column, InnovatorResolver resolver) => resolver.Resolve(Text(column).Trim());

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the underlying reader.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
