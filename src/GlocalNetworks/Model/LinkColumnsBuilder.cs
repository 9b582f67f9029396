using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using GlocalNetworks.Internal;

namespace GlocalNetworks.Model;

/// <summary>
/// A growable set of link columns for bulk loading (readers append ints and doubles; no object per link), turned into
/// sorted <see cref="LinkColumns"/> by <see cref="ToSortedColumns"/>.
/// </summary>
internal sealed class LinkColumnsBuilder
{
    private int[] _src = new int[16];
    private int[] _dst = new int[16];
    private double[] _w = new double[16];
    private LinkKind[] _kind = new LinkKind[16];
    private int[] _year = new int[16];
    private int[] _end = new int[16];
    private int[] _date = new int[16];
    private bool[] _dir = new bool[16];

    public int Count { get; private set; }

    public void Add(int source, int target, double weight, LinkKind kind, int? year, int? endYear, DateOnly? date, bool directed)
    {
        if (Count == _src.Length)
        {
            Grow();
        }

        var i = Count++;
        _src[i] = source;
        _dst[i] = target;
        _w[i] = weight;
        _kind[i] = kind;
        _year[i] = year ?? LinkTable.NoYear;
        _end[i] = endYear ?? LinkTable.NoYear;
        _date[i] = date?.DayNumber ?? -1;
        _dir[i] = directed;
    }

    /// <summary>Sorts by (year, source, target), undated first, with three stable counting-sort passes: O(m + n + years).</summary>
    public LinkColumns ToSortedColumns(int innovatorCount)
    {
        var m = Count;
        var order = new int[m];
        CountingSort.Identity(order);

        // A stable sort of keys already in order is the identity: skip the passes the input makes unnecessary (files are
        // often written sorted by source and target, or by target alone), with the same result.
        var identity = true;
        if (!SortedBySourceThenTarget(m))
        {
            if (!Nondecreasing(_dst.AsSpan(0, m)))
            {
                CountingSort.StableByKey(_dst.AsSpan(0, m), innovatorCount, order);
            }

            CountingSort.StableByKey(_src.AsSpan(0, m), innovatorCount, order);
            identity = false;
        }

        var minYear = int.MaxValue;
        var maxYear = int.MinValue;
        for (var i = 0; i < m; i++)
        {
            var y = _year[i];
            if (y != LinkTable.NoYear)
            {
                minYear = Math.Min(minYear, y);
                maxYear = Math.Max(maxYear, y);
            }
        }

        if (minYear <= maxYear)
        {
            var range = (long)maxYear - minYear + 2;
            if (range > 1_000_000)
            {
                throw new ArgumentException($"Link years span {minYear}..{maxYear}; years must lie within a million years of each other.");
            }

            var key = new int[m];
            for (var i = 0; i < m; i++)
            {
                key[i] = _year[i] == LinkTable.NoYear ? 0 : _year[i] - minYear + 1;
            }

            CountingSort.StableByKey(key, (int)range, order);
            identity = false;
        }

        var c = new LinkColumns(new int[m], new int[m], new double[m], new LinkKind[m], new int[m], new int[m], new int[m], new bool[m]);
        Gather(_src, c.Source, order, identity);
        Gather(_dst, c.Target, order, identity);
        Gather(_w, c.Weight, order, identity);
        Gather(_kind, c.Kind, order, identity);
        Gather(_year, c.Year, order, identity);
        Gather(_end, c.EndYear, order, identity);
        Gather(_date, c.Date, order, identity);
        Gather(_dir, c.Directed, order, identity);
        return c;
    }

    /// <summary>to[k] = from[order[k]]: a copy when the order is the identity, a fill when the column holds one value (the
    /// usual case for weights, kinds, years and dates of a plain edge list), otherwise a gather.</summary>
    private static void Gather<T>(T[] from, T[] to, int[] order, bool identity)
        where T : struct
    {
        var m = to.Length;
        if (identity)
        {
            Array.Copy(from, to, m);
            return;
        }

        // Doubles compare by their bits, so that 0.0 and -0.0 (or two NaN payloads) are never taken for one value.
        var constant = m > 0 && (typeof(T) == typeof(double)
            ? Constant(MemoryMarshal.Cast<T, long>(from.AsSpan(0, m)))
            : Constant<T>(from.AsSpan(0, m)));
        if (constant)
        {
            Array.Fill(to, from[0]);
            return;
        }

        for (var k = 0; k < m; k++)
        {
            to[k] = from[order[k]];
        }
    }

    private static bool Constant<T>(ReadOnlySpan<T> values)
        where T : struct
    {
        var first = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(values[i], first))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Nondecreasing(ReadOnlySpan<int> keys)
    {
        for (var i = 1; i < keys.Length; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private bool SortedBySourceThenTarget(int m)
    {
        for (var i = 1; i < m; i++)
        {
            if (_src[i] < _src[i - 1] || (_src[i] == _src[i - 1] && _dst[i] < _dst[i - 1]))
            {
                return false;
            }
        }

        return true;
    }

    private void Grow()
    {
        var n = checked(_src.Length * 2);
        Array.Resize(ref _src, n);
        Array.Resize(ref _dst, n);
        Array.Resize(ref _w, n);
        Array.Resize(ref _kind, n);
        Array.Resize(ref _year, n);
        Array.Resize(ref _end, n);
        Array.Resize(ref _date, n);
        Array.Resize(ref _dir, n);
    }
}
