using System;
using System.Collections.Generic;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.NullModels;

/// <summary>
/// The statistics of an observed metric result, in a fixed order (see <see cref="SignificanceTable"/>), and how to read
/// the same statistics from a replicate's result of the same metric: by position when the replicate has the same row ids
/// and columns in the same order (the usual case), else by id; a statistic the replicate lacks reads as NaN.
/// </summary>
internal sealed class StatisticLayout
{
    private readonly List<Block> _blocks = [];
    private readonly List<string> _ids = [];
    private readonly List<string?> _parts = [];
    private readonly List<string> _rows = [];
    private readonly List<string> _columns = [];

    private StatisticLayout(MetricResult observed)
    {
        MetricId = observed.MetricId;
        if (observed is CompositeResult c)
        {
            foreach (var (name, part) in c.Parts)
            {
                AddBlock(name, part);
            }
        }
        else
        {
            AddBlock(null, observed);
        }

        Observed = new double[_ids.Count];
        Extract(observed, Observed);
    }

    /// <summary>The tested metric.</summary>
    public string MetricId { get; }

    /// <summary>The number of statistics.</summary>
    public int Count => _ids.Count;

    /// <summary>The statistic ids.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Each statistic's part, or <see langword="null"/>.</summary>
    public IReadOnlyList<string?> Parts => _parts;

    /// <summary>Each statistic's row.</summary>
    public IReadOnlyList<string> Rows => _rows;

    /// <summary>Each statistic's column.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The observed values.</summary>
    public double[] Observed { get; }

    /// <summary>The layout of <paramref name="observed"/>.</summary>
    /// <param name="observed">The observed result.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="ArgumentException">The result (or a part) is of a type whose statistics cannot be read.</exception>
    public static StatisticLayout Of(MetricResult observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        return new StatisticLayout(observed);
    }

    /// <summary>Reads the statistics of a replicate's result into <paramref name="destination"/>.</summary>
    /// <param name="result">The replicate's result of the same metric.</param>
    /// <param name="destination">One slot per statistic.</param>
    public void Extract(MetricResult result, Span<double> destination)
    {
        destination.Fill(double.NaN);
        foreach (var b in _blocks)
        {
            var r = result;
            if (b.Part is not null)
            {
                r = result is CompositeResult c ? FindPart(c, b.Part) : null;
            }

            if (r is not null)
            {
                b.Read(r, destination.Slice(b.Offset, b.Count));
            }
        }
    }

    private static MetricResult? FindPart(CompositeResult c, string name)
    {
        foreach (var (n, part) in c.Parts)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                return part;
            }
        }

        return null;
    }

    private void AddBlock(string? part, MetricResult r)
    {
        var offset = _ids.Count;
        Block block;
        switch (r)
        {
            case ScalarResult s:
                foreach (var name in s.Columns)
                {
                    Add(part, name, KeyedTable.ValueColumn);
                }

                block = new ScalarBlock(s);
                break;
            case KeyedTable t:
                AddCells(part, t.Ids, t.Columns, columnMajor: true);
                block = new KeyedBlock(t);
                break;
            case MatrixResult m:
                AddCells(part, m.RowIds, m.ColumnIds, columnMajor: false);
                block = new MatrixBlock(m);
                break;
            default:
                throw new ArgumentException(
                    $"The result of '{r.MetricId}' is a '{r.GetType().Name}'; significance reads scalar results, keyed tables, matrices and composites of them.",
                    nameof(r));
        }

        block.Part = part;
        block.Offset = offset;
        block.Count = _ids.Count - offset;
        _blocks.Add(block);
    }

    private void AddCells(string? part, IReadOnlyList<string> rows, IReadOnlyList<string> columns, bool columnMajor)
    {
        var outer = columnMajor ? columns.Count : rows.Count;
        var inner = columnMajor ? rows.Count : columns.Count;
        for (var a = 0; a < outer; a++)
        {
            for (var b = 0; b < inner; b++)
            {
                Add(part, rows[columnMajor ? b : a], columns[columnMajor ? a : b]);
            }
        }
    }

    private void Add(string? part, string row, string column)
    {
        _ids.Add(SignificanceTable.StatisticId(row, column, part));
        _parts.Add(part);
        _rows.Add(row);
        _columns.Add(column);
    }

    private static bool SameIds(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One observed table (or a composite's part) and how to read it from a replicate.</summary>
    private abstract class Block
    {
        public string? Part { get; set; }

        public int Offset { get; set; }

        public int Count { get; set; }

        public abstract void Read(MetricResult r, Span<double> destination);
    }

    private sealed class ScalarBlock(ScalarResult observed) : Block
    {
        public override void Read(MetricResult r, Span<double> destination)
        {
            if (r is not ScalarResult s)
            {
                return;
            }

            var names = observed.Columns;
            var same = SameIds(names, s.Columns);
            for (var i = 0; i < names.Count; i++)
            {
                if (same)
                {
                    destination[i] = s.Values[i];
                    continue;
                }

                for (var j = 0; j < s.Columns.Count; j++)
                {
                    if (string.Equals(s.Columns[j], names[i], StringComparison.Ordinal))
                    {
                        destination[i] = s.Values[j];
                        break;
                    }
                }
            }
        }
    }

    private sealed class KeyedBlock(KeyedTable observed) : Block
    {
        public override void Read(MetricResult r, Span<double> destination)
        {
            if (r is not KeyedTable t)
            {
                return;
            }

            var ids = observed.Ids;
            var n = ids.Count;
            var same = SameIds(ids, t.Ids);
            var k = 0;
            foreach (var col in observed.Columns)
            {
                var present = false;
                foreach (var c in t.Columns)
                {
                    present |= string.Equals(c, col, StringComparison.Ordinal);
                }

                if (present && same)
                {
                    t.Column(col).CopyTo(destination.Slice(k, n));
                }
                else if (present)
                {
                    for (var i = 0; i < n; i++)
                    {
                        t.TryGetValue(ids[i], out destination[k + i], col);
                    }
                }

                k += n;
            }
        }
    }

    private sealed class MatrixBlock(MatrixResult observed) : Block
    {
        public override void Read(MetricResult r, Span<double> destination)
        {
            if (r is not MatrixResult m)
            {
                return;
            }

            var rows = Map(observed.RowIds, m.RowIds);
            var cols = Map(observed.ColumnIds, m.ColumnIds);
            var k = 0;
            for (var i = 0; i < rows.Length; i++)
            {
                for (var j = 0; j < cols.Length; j++, k++)
                {
                    if (rows[i] >= 0 && cols[j] >= 0)
                    {
                        destination[k] = m[rows[i], cols[j]];
                    }
                }
            }
        }

        private static int[] Map(IReadOnlyList<string> observedIds, IReadOnlyList<string> replicateIds)
        {
            var map = new int[observedIds.Count];
            if (SameIds(observedIds, replicateIds))
            {
                for (var i = 0; i < map.Length; i++)
                {
                    map[i] = i;
                }

                return map;
            }

            var index = new Dictionary<string, int>(replicateIds.Count, StringComparer.Ordinal);
            for (var j = 0; j < replicateIds.Count; j++)
            {
                index.TryAdd(replicateIds[j], j);
            }

            for (var i = 0; i < map.Length; i++)
            {
                map[i] = index.TryGetValue(observedIds[i], out var j) ? j : -1;
            }

            return map;
        }
    }
}
