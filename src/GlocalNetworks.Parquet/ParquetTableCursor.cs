using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using GlocalNetworks.IO.Tabular;
using ParquetSharp;

namespace GlocalNetworks.Parquet;

/// <summary>
/// Reads a Parquet file row group by row group, each column in batches of <see cref="BatchRows"/> values through
/// ParquetSharp's physical column readers: numbers land in reused typed arrays and strings are decoded into one reused
/// character buffer, so there is no object per row or per cell. Only flat columns are read (no lists or maps).
/// </summary>
internal sealed class ParquetTableCursor : TableCursor
{
    /// <summary>Rows per batch.</summary>
    internal const int BatchRows = 65_536;

    private static readonly UTF8Encoding Utf8 = new(false, true);
    private readonly ParquetFileReader _file;
    private readonly string _name;
    private readonly string _path;
    private readonly string[] _names;
    private readonly CellType[] _types;
    private readonly string[] _typeNames;
    private readonly PhysicalType[] _physical;
    private readonly ColumnBatch[] _batches;
    private readonly int _rowGroups;
    private RowGroupReader? _group;
    private readonly ColumnReader?[] _readers;
    private int _groupIndex = -1;
    private long _groupRowsLeft;
    private int _batchCount;
    private int _inBatch;
    private long _row;

    public ParquetTableCursor(string path)
    {
        _path = path;
        _name = System.IO.Path.GetFileName(path);
        try
        {
            _file = new ParquetFileReader(path);
        }
        catch (ParquetException e)
        {
            throw new ParquetFormatException(path, null, null, null, "cannot be read as Parquet: " + e.Message.Split('\n')[0].Trim(), e);
        }

        var schema = _file.FileMetaData.Schema;
        var n = schema.NumColumns;
        _names = new string[n];
        _types = new CellType[n];
        _typeNames = new string[n];
        _physical = new PhysicalType[n];
        _batches = new ColumnBatch[n];
        _readers = new ColumnReader?[n];
        for (var i = 0; i < n; i++)
        {
            var d = schema.Column(i);
            using var logical = d.LogicalType;
            _names[i] = d.Path.ToDotString();
            _physical[i] = d.PhysicalType;
            _types[i] = d.MaxRepetitionLevel > 0 ? CellType.Other : Classify(d.PhysicalType, logical);
            _typeNames[i] = logical.Type == LogicalTypeEnum.None ? PhysicalName(d.PhysicalType) : PhysicalName(d.PhysicalType) + " (" + logical.Type + ")";
            _batches[i] = new ColumnBatch(d.MaxDefinitionLevel);
        }

        _rowGroups = _file.FileMetaData.NumRowGroups;
    }

    public override string Name => _name;

    public override IReadOnlyList<string> ColumnNames => _names;

    public override long Row => _row;

    public override CellType TypeOf(int column) => _types[column];

    public override string TypeName(int column) => _typeNames[column];

    public override bool Next()
    {
        if (++_inBatch < _batchCount)
        {
            _row++;
            return true;
        }

        while (_groupRowsLeft == 0)
        {
            if (!NextGroup())
            {
                return false;
            }
        }

        ReadBatch();
        _inBatch = 0;
        _row++;
        return true;
    }

    public override bool IsNull(int column) => _types[column] == CellType.Other || _batches[column].Null[_inBatch];

    protected override ReadOnlySpan<char> RawText(int column)
    {
        var b = _batches[column];
        return b.Chars.AsSpan(b.Start[_inBatch], b.Length[_inBatch]);
    }

    public override long Integer(int column) => _batches[column].Longs[_inBatch];

    public override double Real(int column) => _batches[column].Doubles[_inBatch];

    public override bool Boolean(int column) => _batches[column].Bools[_inBatch];

    public override DateOnly Date(int column) => DateOnly.FromDayNumber(ParquetDates.EpochDayNumber + (int)_batches[column].Longs[_inBatch]);

    public override GlocalDataException Format(long? row, string column, string? value, string reason) =>
        new ParquetFormatException(_path, row, column, value, reason);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CloseGroup();
            _file.Dispose();
        }
    }

    // The Parquet specification's names of the physical types.
    private static string PhysicalName(PhysicalType t) => t switch
    {
        PhysicalType.ByteArray => "BYTE_ARRAY",
        PhysicalType.FixedLenByteArray => "FIXED_LEN_BYTE_ARRAY",
        _ => t.ToString().ToUpperInvariant(),
    };

    private static CellType Classify(PhysicalType physical, LogicalType logical) => physical switch
    {
        PhysicalType.ByteArray when logical.Type is LogicalTypeEnum.String or LogicalTypeEnum.Enum or LogicalTypeEnum.Json or LogicalTypeEnum.None => CellType.Text,
        PhysicalType.Int32 when logical.Type == LogicalTypeEnum.Date => CellType.Date,
        PhysicalType.Int32 or PhysicalType.Int64 when logical.Type is LogicalTypeEnum.None or LogicalTypeEnum.Int => CellType.Integer,
        PhysicalType.Float or PhysicalType.Double => CellType.Real,
        PhysicalType.Boolean => CellType.Boolean,
        _ => CellType.Other,
    };

    private bool NextGroup()
    {
        CloseGroup();
        if (++_groupIndex >= _rowGroups)
        {
            return false;
        }

        _group = _file.RowGroup(_groupIndex);
        _groupRowsLeft = _group.MetaData.NumRows;
        for (var i = 0; i < _names.Length; i++)
        {
            if (_types[i] != CellType.Other)
            {
                _readers[i] = _group.Column(i);
            }
        }

        return true;
    }

    private void CloseGroup()
    {
        for (var i = 0; i < _readers.Length; i++)
        {
            _readers[i]?.Dispose();
            _readers[i] = null;
        }

        _group?.Dispose();
        _group = null;
    }

    private void ReadBatch()
    {
        var rows = (int)Math.Min(BatchRows, _groupRowsLeft);
        for (var i = 0; i < _names.Length; i++)
        {
            if (_readers[i] is { } reader)
            {
                try
                {
                    _batches[i].Read(reader, _physical[i], rows);
                }
                catch (Exception e) when (e is ParquetException or DecoderFallbackException or InvalidOperationException)
                {
                    throw new ParquetFormatException(_path, _row + 1, _names[i], null, "cannot be read: " + e.Message.Split('\n')[0].Trim(), e);
                }
            }
        }

        _groupRowsLeft -= rows;
        _batchCount = rows;
    }

    /// <summary>One column's current batch: nulls, numbers widened to long or double, text in one character buffer.</summary>
    private sealed class ColumnBatch
    {
        private readonly short _maxDef;
        private short[] _def = [];
        private int[] _ints = [];
        private float[] _floats = [];
        private ByteArray[] _bytes = [];
        private byte[] _utf8 = new byte[256];

        public ColumnBatch(short maxDefinitionLevel) => _maxDef = maxDefinitionLevel;

        public bool[] Null { get; private set; } = [];

        public long[] Longs { get; private set; } = [];

        public double[] Doubles { get; private set; } = [];

        public bool[] Bools { get; private set; } = [];

        public char[] Chars { get; private set; } = new char[1024];

        public int[] Start { get; private set; } = [];

        public int[] Length { get; private set; } = [];

        public void Read(ColumnReader reader, PhysicalType type, int rows)
        {
            if (Null.Length < rows)
            {
                Null = new bool[rows];
                _def = new short[rows];
            }

            var values = type switch
            {
                PhysicalType.Int32 => ReadInts((ColumnReader<int>)reader, rows),
                PhysicalType.Int64 => Fill((ColumnReader<long>)reader, rows, Longs = Grow(Longs, rows)),
                PhysicalType.Double => Fill((ColumnReader<double>)reader, rows, Doubles = Grow(Doubles, rows)),
                PhysicalType.Float => ReadFloats((ColumnReader<float>)reader, rows),
                PhysicalType.Boolean => Fill((ColumnReader<bool>)reader, rows, Bools = Grow(Bools, rows)),
                _ => ReadText((ColumnReader<ByteArray>)reader, rows),
            };
            Spread(type, rows, values);
        }

        private static T[] Grow<T>(T[] a, int n) => a.Length >= n ? a : new T[n];

        // Reads `rows` levels; returns how many values (non-null cells) came.
        private int Fill<T>(ColumnReader<T> reader, int rows, T[] into)
            where T : unmanaged
        {
            var got = 0;
            var levels = 0;
            while (levels < rows)
            {
                var l = (int)reader.ReadBatch(rows - levels, _def.AsSpan(levels, rows - levels), default, into.AsSpan(got), out var v);
                if (l == 0)
                {
                    throw new InvalidOperationException("The column chunk ends before the row group's row count.");
                }

                levels += l;
                got += (int)v;
            }

            return got;
        }

        private int ReadInts(ColumnReader<int> reader, int rows)
        {
            _ints = Grow(_ints, rows);
            var n = Fill(reader, rows, _ints);
            Longs = Grow(Longs, rows);
            for (var i = 0; i < n; i++)
            {
                Longs[i] = _ints[i];
            }

            return n;
        }

        private int ReadFloats(ColumnReader<float> reader, int rows)
        {
            _floats = Grow(_floats, rows);
            var n = Fill(reader, rows, _floats);
            Doubles = Grow(Doubles, rows);
            for (var i = 0; i < n; i++)
            {
                Doubles[i] = _floats[i];
            }

            return n;
        }

        // Decodes each call's values at once: a ByteArray points into the current page, which the next call may free.
        private int ReadText(ColumnReader<ByteArray> reader, int rows)
        {
            _bytes = Grow(_bytes, rows);
            Start = Grow(Start, rows);
            Length = Grow(Length, rows);
            var at = 0;
            var got = 0;
            var levels = 0;
            while (levels < rows)
            {
                var l = (int)reader.ReadBatch(rows - levels, _def.AsSpan(levels, rows - levels), default, _bytes.AsSpan(0, rows - levels), out var v);
                if (l == 0)
                {
                    throw new InvalidOperationException("The column chunk ends before the row group's row count.");
                }

                for (var i = 0; i < (int)v; i++)
                {
                    at = Decode(_bytes[i], at, got + i);
                }

                levels += l;
                got += (int)v;
            }

            return got;
        }

        private int Decode(ByteArray b, int at, int value)
        {
            if (_utf8.Length < b.Length)
            {
                _utf8 = new byte[Math.Max(b.Length, _utf8.Length * 2)];
            }

            if (b.Length > 0)
            {
                Marshal.Copy(b.Pointer, _utf8, 0, b.Length);
            }

            var need = at + b.Length;
            if (Chars.Length < need)
            {
                var bigger = new char[Math.Max(need, Chars.Length * 2)];
                Chars.AsSpan(0, at).CopyTo(bigger);
                Chars = bigger;
            }

            var c = Utf8.GetChars(_utf8, 0, b.Length, Chars, at);
            Start[value] = at;
            Length[value] = c;
            return at + c;
        }

        // Moves the packed values of the non-null cells to their rows (from the back, so nothing is overwritten).
        private void Spread(PhysicalType type, int rows, int values)
        {
            if (_maxDef == 0)
            {
                Array.Clear(Null, 0, rows);
                return;
            }

            var v = values - 1;
            for (var r = rows - 1; r >= 0; r--)
            {
                var isNull = _def[r] < _maxDef;
                Null[r] = isNull;
                if (isNull)
                {
                    continue;
                }

                if (v != r)
                {
                    switch (type)
                    {
                        case PhysicalType.Int32 or PhysicalType.Int64:
                            Longs[r] = Longs[v];
                            break;
                        case PhysicalType.Double or PhysicalType.Float:
                            Doubles[r] = Doubles[v];
                            break;
                        case PhysicalType.Boolean:
                            Bools[r] = Bools[v];
                            break;
                        default:
                            Start[r] = Start[v];
                            Length[r] = Length[v];
                            break;
                    }
                }

                v--;
            }
        }
    }
}
