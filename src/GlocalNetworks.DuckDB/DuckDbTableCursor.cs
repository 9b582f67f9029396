using System;
using System.Collections.Generic;
using DuckDB.NET.Data;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Tabular;

namespace GlocalNetworks.DuckDB;

/// <summary>
/// A DuckDB query result read row by row through the DuckDB data reader (which walks DuckDB's vectors chunk by chunk).
/// Rows are numbered by the query (a <c>row_number() OVER ()</c> column the loader adds), so an error names the row of the
/// user's query even when the loader joins it to the innovator table.
/// </summary>
internal sealed class DuckDbTableCursor : TableCursor
{
    private readonly DuckDBCommand _command;
    private readonly DuckDBDataReader _reader;
    private readonly string _name;
    private readonly string[] _names;
    private readonly CellType[] _types;
    private readonly Type[] _clr;
    private readonly int _rowColumn;
    private readonly int _sourceColumn;
    private readonly int _targetColumn;
    private readonly int _sourceIndex;
    private readonly int _targetIndex;
    private long _row;

    /// <summary>Runs <paramref name="sql"/>. Columns named <c>__glocal_*</c> are the loader's own: <c>__glocal_row</c> the row
    /// number, <c>__glocal_source</c> and <c>__glocal_target</c> the innovator indices of the link ends.</summary>
    public DuckDbTableCursor(DuckDBConnection connection, string name, string sql, string? sourceColumn = null, string? targetColumn = null)
    {
        _name = name;
        _command = connection.CreateCommand();
        _command.CommandText = sql;
        try
        {
            _reader = (DuckDBDataReader)_command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            _command.Dispose();
            throw new DuckDbQueryException(name, null, null, null, "cannot be run: " + FirstLine(e.Message), e);
        }

        var names = new List<string>();
        var all = _reader.FieldCount;
        var own = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < all; i++)
        {
            var n = _reader.GetName(i);
            if (n.StartsWith("__glocal_", StringComparison.Ordinal))
            {
                own[n] = i;
            }
            else
            {
                names.Add(n);
            }
        }

        // The user's columns come first in every query the loader builds, so their indices are 0..names.Count - 1.
        _names = names.ToArray();
        _types = new CellType[_names.Length];
        _clr = new Type[_names.Length];
        for (var i = 0; i < _names.Length; i++)
        {
            _clr[i] = _reader.GetFieldType(i);
            _types[i] = Classify(_clr[i]);
        }

        _rowColumn = own.TryGetValue("__glocal_row", out var r) ? r : -1;
        _sourceIndex = own.TryGetValue("__glocal_source", out var s) ? s : -1;
        _targetIndex = own.TryGetValue("__glocal_target", out var t) ? t : -1;
        _sourceColumn = sourceColumn is null ? -1 : Find(sourceColumn);
        _targetColumn = targetColumn is null ? -1 : Find(targetColumn);
    }

    public override string Name => _name;

    public override IReadOnlyList<string> ColumnNames => _names;

    public override long Row => _row;

    public override CellType TypeOf(int column) => _types[column];

    public override string TypeName(int column) => _reader.GetDataTypeName(column).ToUpperInvariant();

    public override bool Next()
    {
        bool more;
        try
        {
            more = _reader.Read();
        }
        catch (DuckDBException e)
        {
            throw new DuckDbQueryException(_name, _row + 1, null, null, "cannot be read: " + FirstLine(e.Message), e);
        }

        if (!more)
        {
            return false;
        }

        _row = _rowColumn >= 0 ? _reader.GetInt64(_rowColumn) : _row + 1;
        return true;
    }

    public override bool IsNull(int column) => _reader.IsDBNull(column);

    protected override ReadOnlySpan<char> RawText(int column) => _reader.GetString(column);

    public override long Integer(int column) =>
        _clr[column] == typeof(long) ? _reader.GetInt64(column)
        : _clr[column] == typeof(int) ? _reader.GetInt32(column)
        : Convert.ToInt64(_reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture);

    public override double Real(int column) =>
        _clr[column] == typeof(double) ? _reader.GetDouble(column)
        : _clr[column] == typeof(float) ? _reader.GetFloat(column)
        : (double)_reader.GetDecimal(column);

    public override bool Boolean(int column) => _reader.GetBoolean(column);

    public override DateOnly Date(int column) => DateOnly.FromDateTime(_reader.GetDateTime(column));

    public override GlocalDataException Format(long? row, string column, string? value, string reason) =>
        new DuckDbQueryException(_name, row, column, value, reason);

    public override int Resolve(int column, InnovatorResolver resolver)
    {
        var index = column == _sourceColumn ? _sourceIndex : column == _targetColumn ? _targetIndex : -1;
        if (index < 0)
        {
            return base.Resolve(column, resolver);
        }

        return _reader.IsDBNull(index) ? -1 : _reader.GetInt32(index);
    }

    internal static string FirstLine(string message)
    {
        var nl = message.IndexOf('\n', StringComparison.Ordinal);
        return (nl < 0 ? message : message[..nl]).Trim();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
            _command.Dispose();
        }
    }

    private static CellType Classify(Type t) =>
        t == typeof(string) ? CellType.Text
        : t == typeof(long) || t == typeof(int) || t == typeof(short) || t == typeof(sbyte) || t == typeof(byte) || t == typeof(ushort) || t == typeof(uint) ? CellType.Integer
        : t == typeof(double) || t == typeof(float) || t == typeof(decimal) ? CellType.Real
        : t == typeof(bool) ? CellType.Boolean
        : t == typeof(DateTime) || t == typeof(DateOnly) ? CellType.Date
        : CellType.Other;
}
