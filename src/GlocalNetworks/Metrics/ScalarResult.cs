using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Metrics;

/// <summary>Network-level values by name (e.g. <c>value</c> for density; <c>count</c> and <c>largest</c> for components). Immutable.</summary>
public sealed class ScalarResult : MetricResult
{
    private readonly string[] _names;
    private readonly double[] _values;

    /// <summary>Creates a result with one value named <see cref="KeyedTable.ValueColumn"/>.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="value">The value.</param>
    /// <param name="properties">Facts about the computation.</param>
    public ScalarResult(string metricId, double value, IReadOnlyDictionary<string, string>? properties = null)
        : this(metricId, [new KeyValuePair<string, double>(KeyedTable.ValueColumn, value)], properties)
    {
    }

    /// <summary>Creates a result with named values.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="values">Name → value, in order; names unique.</param>
    /// <param name="properties">Facts about the computation.</param>
    public ScalarResult(string metricId, IReadOnlyList<KeyValuePair<string, double>> values, IReadOnlyDictionary<string, string>? properties = null)
        : base(metricId, MetricScope.Network, properties)
    {
        ArgumentNullException.ThrowIfNull(values);
        _names = new string[values.Count];
        _values = new double[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (Array.IndexOf(_names, values[i].Key, 0, i) >= 0)
            {
                throw new ArgumentException($"Value '{values[i].Key}' occurs twice in the result of '{metricId}'.", nameof(values));
            }

            _names[i] = values[i].Key;
            _values[i] = values[i].Value;
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Columns => _names;

    /// <summary>The main value (the first one).</summary>
    public double Value => _values.Length > 0 ? _values[0] : double.NaN;

    /// <summary>A value by name.</summary>
    /// <param name="name">The name.</param>
    /// <exception cref="KeyNotFoundException">No such value; the message lists the names.</exception>
    public double this[string name]
    {
        get
        {
            var i = Array.IndexOf(_names, name);
            return i >= 0 ? _values[i] : throw new KeyNotFoundException($"The result of '{MetricId}' has no value '{name}'; it has {string.Join(", ", _names)}.");
        }
    }

    /// <summary>The values in order.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>Writes <c>metric,value</c> rows: <c>density,0.12</c> for a single value, <c>components.count,3</c> for named ones.</summary>
    /// <param name="writer">The destination.</param>
    public override void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("metric,value\n");
        for (var i = 0; i < _names.Length; i++)
        {
            writer.Write(Cell(QualifiedName(i)));
            writer.Write(',');
            writer.Write(Cell(_values[i]));
            writer.Write('\n');
        }
    }

    /// <inheritdoc/>
    public override string ToMarkdown(int maxRows = 20)
    {
        var sb = new StringBuilder("| metric | value |\n|---|---:|\n");
        for (var i = 0; i < _names.Length && i < maxRows; i++)
        {
            sb.Append("| ").Append(Md(QualifiedName(i))).Append(" | ").Append(Md(_values[i])).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>The CSV name of value <paramref name="i"/>: the metric id, or <c>id.name</c>.</summary>
    /// <param name="i">The value index.</param>
    /// <returns>The name.</returns>
    public string QualifiedName(int i) => _names[i] == KeyedTable.ValueColumn ? MetricId : MetricId + "." + _names[i];
}

/// <summary>A matrix result (e.g. region × region flows) with row and column ids. Immutable (the matrix is a private copy).</summary>
public sealed class MatrixResult : MetricResult
{
    private readonly Matrix<double> _matrix;

    /// <summary>Creates a matrix result.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="rowIds">Row ids.</param>
    /// <param name="columnIds">Column ids.</param>
    /// <param name="matrix">The values (copied).</param>
    /// <param name="properties">Facts about the computation.</param>
    public MatrixResult(string metricId, IReadOnlyList<string> rowIds, IReadOnlyList<string> columnIds, Matrix<double> matrix,
        IReadOnlyDictionary<string, string>? properties = null)
        : base(metricId, MetricScope.Matrix, properties)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.RowCount != rowIds.Count || matrix.ColumnCount != columnIds.Count)
        {
            throw new ArgumentException($"The matrix of '{metricId}' is {matrix.RowCount} x {matrix.ColumnCount} but has {rowIds.Count} row and {columnIds.Count} column ids.", nameof(matrix));
        }

        RowIds = rowIds;
        ColumnIds = columnIds;
        _matrix = matrix.Clone();
    }

    /// <summary>The row ids.</summary>
    public IReadOnlyList<string> RowIds { get; }

    /// <summary>The column ids.</summary>
    public IReadOnlyList<string> ColumnIds { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> Columns => ColumnIds;

    /// <summary>A copy of the matrix.</summary>
    /// <returns>The matrix.</returns>
    public Matrix<double> ToMatrix() => _matrix.Clone();

    /// <summary>One entry.</summary>
    /// <param name="row">The row index.</param>
    /// <param name="column">The column index.</param>
    public double this[int row, int column] => _matrix[row, column];

    /// <summary>Writes the matrix in long form: <c>row,column,value</c>, non-zero entries only.</summary>
    /// <param name="writer">The destination.</param>
    public override void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("row,column,value\n");
        foreach (var (i, j, v) in _matrix.EnumerateIndexed(Zeros.AllowSkip))
        {
            if (v == 0)
            {
                continue;
            }

            writer.Write(Cell(RowIds[i]));
            writer.Write(',');
            writer.Write(Cell(ColumnIds[j]));
            writer.Write(',');
            writer.Write(Cell(v));
            writer.Write('\n');
        }
    }

    /// <inheritdoc/>
    public override string ToMarkdown(int maxRows = 20)
    {
        var sb = new StringBuilder();
        var cols = new List<string>();
        for (var j = 0; j < ColumnIds.Count && j < maxRows; j++)
        {
            cols.Add(Md(ColumnIds[j]));
        }

        MarkdownHeader(sb, string.Empty, cols);
        for (var i = 0; i < RowIds.Count && i < maxRows; i++)
        {
            sb.Append("| ").Append(Md(RowIds[i]));
            for (var j = 0; j < cols.Count; j++)
            {
                sb.Append(" | ").Append(Md(_matrix[i, j]));
            }

            sb.Append(" |\n");
        }

        return sb.ToString();
    }
}
