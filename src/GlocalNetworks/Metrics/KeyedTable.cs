using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Metrics;

/// <summary>
/// A table of double columns keyed by ids (innovators, regions or links): look up by id, rank, turn a column into a
/// MathNet vector, write CSV. Columnar: one <c>double[]</c> per column, indexed like <see cref="Ids"/>. Immutable.
/// </summary>
public abstract class KeyedTable : MetricResult
{
    /// <summary>The name of the single column of a one-value table.</summary>
    public const string ValueColumn = "value";

    private readonly IReadOnlyList<string> _ids;
    private readonly string[] _columns;
    private readonly double[][] _data;
    private readonly Lazy<Dictionary<string, int>> _index;

    /// <summary>Creates a table.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="scope">The scope.</param>
    /// <param name="ids">The row ids (shared, not copied).</param>
    /// <param name="columns">Column name → values (each as long as <paramref name="ids"/>; kept, not copied).</param>
    /// <param name="properties">Facts about the computation.</param>
    /// <exception cref="ArgumentException">A column's length differs from the id count, or a column name repeats.</exception>
    protected KeyedTable(string metricId, MetricScope scope, IReadOnlyList<string> ids, IReadOnlyList<KeyValuePair<string, double[]>> columns,
        IReadOnlyDictionary<string, string>? properties)
        : base(metricId, scope, properties)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(columns);
        _ids = ids;
        _columns = new string[columns.Count];
        _data = new double[columns.Count][];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var (name, values) = (columns[i].Key, columns[i].Value);
            if (!seen.Add(name))
            {
                throw new ArgumentException($"Column '{name}' occurs twice in the result of '{metricId}'.", nameof(columns));
            }

            if (values.Length != ids.Count)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Column '{name}' of '{metricId}' has {values.Length} values for {ids.Count} rows."), nameof(columns));
            }

            _columns[i] = name;
            _data[i] = values;
        }

        _index = new Lazy<Dictionary<string, int>>(() =>
        {
            var d = new Dictionary<string, int>(_ids.Count, StringComparer.Ordinal);
            for (var i = 0; i < _ids.Count; i++)
            {
                d.TryAdd(_ids[i], i);
            }

            return d;
        });
    }

    /// <summary>A named column, for the table constructors: <c>[Col("value", v), Col("in", i)]</c>.</summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values by row.</param>
    /// <returns>The pair.</returns>
    public static KeyValuePair<string, double[]> Col(string name, double[] values) => new(name, values);

    /// <summary>The row ids, in row order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The number of rows.</summary>
    public int Count => _ids.Count;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Columns => _columns;

    /// <summary>The name of the key column in CSV output (<c>id</c>, <c>region</c>, <c>link</c>).</summary>
    protected abstract string KeyName { get; }

    /// <summary>The key column's name, for the exporters.</summary>
    internal string KeyColumnName => KeyName;

    /// <summary>A column's values, by row.</summary>
    /// <param name="column">The column name; <see cref="ValueColumn"/> for one-value tables.</param>
    /// <returns>The values.</returns>
    /// <exception cref="KeyNotFoundException">No such column; the message lists the columns.</exception>
    public ReadOnlySpan<double> Column(string column = ValueColumn) => _data[ColumnIndex(column)];

    /// <summary>The value of one row.</summary>
    /// <param name="id">The row id.</param>
    /// <param name="column">The column.</param>
    /// <exception cref="KeyNotFoundException">No such row or column.</exception>
    public double this[string id, string column = ValueColumn]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(id);
            if (!_index.Value.TryGetValue(id, out var row))
            {
                throw new KeyNotFoundException($"The result of '{MetricId}' has no row '{id}'.");
            }

            return _data[ColumnIndex(column)][row];
        }
    }

    /// <summary>The value of row <paramref name="row"/>.</summary>
    /// <param name="row">A row index.</param>
    /// <param name="column">The column.</param>
    public double this[int row, string column = ValueColumn] => _data[ColumnIndex(column)][row];

    /// <summary>Looks up a value.</summary>
    /// <param name="id">The row id.</param>
    /// <param name="value">The value when found.</param>
    /// <param name="column">The column.</param>
    /// <returns>Whether the row (and column) exist.</returns>
    public bool TryGetValue(string id, out double value, string column = ValueColumn)
    {
        var c = Array.IndexOf(_columns, column);
        if (id is not null && c >= 0 && _index.Value.TryGetValue(id, out var row))
        {
            value = _data[c][row];
            return true;
        }

        value = double.NaN;
        return false;
    }

    /// <summary>A column as a MathNet dense vector (a copy).</summary>
    /// <param name="column">The column.</param>
    /// <returns>The vector, indexed like <see cref="Ids"/>.</returns>
    public Vector<double> ToVector(string column = ValueColumn) => Vector<double>.Build.DenseOfArray((double[])_data[ColumnIndex(column)].Clone());

    /// <summary>The <paramref name="k"/> rows with the largest values (NaN last), ties broken by id (ordinal).</summary>
    /// <param name="k">How many.</param>
    /// <param name="column">The column.</param>
    /// <returns>(id, value) pairs, largest first.</returns>
    public IReadOnlyList<KeyValuePair<string, double>> Top(int k, string column = ValueColumn)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var values = _data[ColumnIndex(column)];
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            double x = values[a], y = values[b];
            var nx = double.IsNaN(x);
            var ny = double.IsNaN(y);
            if (nx != ny)
            {
                return nx ? 1 : -1;
            }

            var c = nx ? 0 : y.CompareTo(x);
            return c != 0 ? c : string.CompareOrdinal(_ids[a], _ids[b]);
        });
        var n = Math.Min(k, order.Length);
        var result = new KeyValuePair<string, double>[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = new KeyValuePair<string, double>(_ids[order[i]], values[order[i]]);
        }

        return result;
    }

    /// <inheritdoc/>
    public override void WriteCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(KeyName);
        foreach (var c in _columns)
        {
            writer.Write(',');
            writer.Write(Cell(c));
        }

        writer.Write('\n');
        for (var r = 0; r < _ids.Count; r++)
        {
            writer.Write(Cell(_ids[r]));
            for (var c = 0; c < _data.Length; c++)
            {
                writer.Write(',');
                writer.Write(Cell(_data[c][r]));
            }

            writer.Write('\n');
        }
    }

    /// <inheritdoc/>
    public override string ToMarkdown(int maxRows = 20)
    {
        var sb = new StringBuilder();
        sb.Append("**").Append(MetricId).Append("**\n\n");
        MarkdownHeader(sb, KeyName, _columns);
        var rows = _columns.Length > 0 ? Top(Math.Min(maxRows, Count), _columns[0]) : [];
        foreach (var (id, _) in rows)
        {
            var r = _index.Value[id];
            sb.Append("| ").Append(Md(id));
            for (var c = 0; c < _data.Length; c++)
            {
                sb.Append(" | ").Append(Md(_data[c][r]));
            }

            sb.Append(" |\n");
        }

        if (Count > rows.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n({Count - rows.Count} more rows)\n");
        }

        return sb.ToString();
    }

    private int ColumnIndex(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var c = Array.IndexOf(_columns, column);
        if (c < 0)
        {
            throw new KeyNotFoundException($"The result of '{MetricId}' has no column '{column}'; its columns are {string.Join(", ", _columns)}.");
        }

        return c;
    }
}

/// <summary>Values per innovator, keyed by innovator id (row i is innovator i of the network).</summary>
public sealed class NodeTable : KeyedTable
{
    /// <summary>Creates a node table with one or more columns.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="ids">Innovator ids by index.</param>
    /// <param name="columns">Column name → values by innovator index.</param>
    /// <param name="properties">Facts about the computation.</param>
    public NodeTable(string metricId, IReadOnlyList<string> ids, IReadOnlyList<KeyValuePair<string, double[]>> columns,
        IReadOnlyDictionary<string, string>? properties = null)
        : base(metricId, MetricScope.Node, ids, columns, properties)
    {
    }

    /// <summary>Creates a one-column node table (column <see cref="KeyedTable.ValueColumn"/>).</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="ids">Innovator ids by index.</param>
    /// <param name="values">Values by innovator index.</param>
    /// <param name="properties">Facts about the computation.</param>
    public NodeTable(string metricId, IReadOnlyList<string> ids, double[] values, IReadOnlyDictionary<string, string>? properties = null)
        : this(metricId, ids, [new KeyValuePair<string, double[]>(ValueColumn, values)], properties)
    {
    }

    /// <inheritdoc/>
    protected override string KeyName => "id";
}

/// <summary>Values per region at one level, keyed by region id.</summary>
public sealed class RegionTable : KeyedTable
{
    /// <summary>Creates a region table.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="level">The level id of the regions.</param>
    /// <param name="ids">Region ids by row.</param>
    /// <param name="columns">Column name → values by row.</param>
    /// <param name="properties">Facts about the computation.</param>
    public RegionTable(string metricId, string level, IReadOnlyList<string> ids, IReadOnlyList<KeyValuePair<string, double[]>> columns,
        IReadOnlyDictionary<string, string>? properties = null)
        : base(metricId, MetricScope.Region, ids, columns, properties)
    {
        ArgumentException.ThrowIfNullOrEmpty(level);
        Level = level;
    }

    /// <summary>The level id of the regions (e.g. <c>country</c>).</summary>
    public string Level { get; }

    /// <inheritdoc/>
    protected override string KeyName => "region";
}

/// <summary>Values per link (e.g. edge betweenness), keyed by <c>source|target</c> ids, row i being link i of the network.</summary>
public sealed class LinkScoreTable : KeyedTable
{
    /// <summary>Creates a link score table.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="ids">Link keys by row.</param>
    /// <param name="columns">Column name → values by row.</param>
    /// <param name="properties">Facts about the computation.</param>
    public LinkScoreTable(string metricId, IReadOnlyList<string> ids, IReadOnlyList<KeyValuePair<string, double[]>> columns,
        IReadOnlyDictionary<string, string>? properties = null)
        : base(metricId, MetricScope.Link, ids, columns, properties)
    {
    }

    /// <inheritdoc/>
    protected override string KeyName => "link";
}

/// <summary>Values per category that is neither an innovator, a region nor a link: an innovator kind, a kind pair, a link
/// kind, a distance band, an organiser. The key column's name says what the rows are (<see cref="KeyColumn"/>).</summary>
public sealed class GroupTable : KeyedTable
{
    /// <summary>Creates a group table.</summary>
    /// <param name="metricId">The metric id.</param>
    /// <param name="keyColumn">What the rows are, written as the first CSV column (e.g. <c>innovator-kind</c>, <c>band</c>).</param>
    /// <param name="ids">Row ids.</param>
    /// <param name="columns">Column name → values by row.</param>
    /// <param name="properties">Facts about the computation.</param>
    public GroupTable(string metricId, string keyColumn, IReadOnlyList<string> ids, IReadOnlyList<KeyValuePair<string, double[]>> columns,
        IReadOnlyDictionary<string, string>? properties = null)
        : base(metricId, MetricScope.Group, ids, columns, properties)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyColumn);
        KeyColumn = keyColumn;
    }

    /// <summary>What the rows are: the name of the first CSV column.</summary>
    public string KeyColumn { get; }

    /// <inheritdoc/>
    protected override string KeyName => KeyColumn;
}
