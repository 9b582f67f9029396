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
    private (LinkKind Kind, bool Directed)? _plain; // set by AddPlain: the other columns hold one value each, not stored
    private bool _taken;

    public int Count { get; private set; }

    public void Add(int source, int target, double weight, LinkKind kind, int? year, int? endYear, DateOnly? date, bool directed)
    {
        if (Count == _src.Length || _plain is not null)
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

    /// <summary>Takes over <paramref name="count"/> plain links (weight 1, kind <paramref name="kind"/>, no years or dates,
    /// direction <paramref name="directed"/>) into an empty builder: the arrays become its source and target columns (not
    /// copied; the caller gives them up), and the other columns are not stored until they are needed.</summary>
    /// <param name="sources">Source indices; at least <paramref name="count"/> long.</param>
    /// <param name="targets">Target indices; at least <paramref name="count"/> long.</param>
    /// <param name="count">The number of links.</param>
    /// <param name="kind">Every link's kind.</param>
    /// <param name="directed">Every link's direction.</param>
    public void AddPlain(int[] sources, int[] targets, int count, LinkKind kind, bool directed)
    {
        if (Count != 0 || _taken || sources.Length < count || targets.Length < count || count == 0)
        {
            throw new InvalidOperationException("AddPlain takes non-empty columns into an empty builder.");
        }

        _src = sources;
        _dst = targets;
        Count = count;
        _plain = (kind, directed);
    }

    /// <summary>Sorts by (year, source, target), undated first, with three stable counting-sort passes: O(m + n + years).
    /// Takes the columns: the builder cannot be used afterwards.</summary>
    public LinkColumns ToSortedColumns(int innovatorCount)
    {
        if (_taken)
        {
            throw new InvalidOperationException("The link columns were already taken.");
        }

        _taken = true;
        if (_plain is { } plain)
        {
            return PlainSorted(innovatorCount, plain.Kind, plain.Directed);
        }

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

    /// <summary>The sorted columns of plain links: no years, so only (source, target) order, by at most two stable
    /// scatters of the (source, target) pairs (none when already sorted); the constant columns are filled once.</summary>
    private LinkColumns PlainSorted(int innovatorCount, LinkKind kind, bool directed)
    {
        var m = Count;
        int[] src, dst;
        if (SortedBySourceThenTarget(m))
        {
            src = Exact(_src, m);
            dst = Exact(_dst, m);
        }
        else
        {
            var s = _src.AsSpan(0, m);
            var d = _dst.AsSpan(0, m);
            if (!Nondecreasing(d))
            {
                // By target first, then (stably) by source.
                var s1 = GC.AllocateUninitializedArray<int>(m);
                var d1 = GC.AllocateUninitializedArray<int>(m);
                CountingSort.StableScatterPairs(d, s, innovatorCount, d1, s1);
                s = s1;
                d = d1;
            }

            src = GC.AllocateUninitializedArray<int>(m);
            dst = GC.AllocateUninitializedArray<int>(m);
            CountingSort.StableScatterPairs(s, d, innovatorCount, src, dst);
        }

        PlainColumns(m, kind, directed, out var w, out var k, out var year, out var end, out var date, out var dir);
        _src = _dst = [];
        return new LinkColumns(src, dst, w, k, year, end, date, dir);
    }

    /// <summary>The columns other than source and target for <paramref name="length"/> plain links: weight 1, one kind, no
    /// years or date, one direction.</summary>
    private static void PlainColumns(int length, LinkKind kind, bool directed, out double[] weight, out LinkKind[] kinds, out int[] year,
        out int[] endYear, out int[] date, out bool[] dir)
    {
        weight = GC.AllocateUninitializedArray<double>(length);
        Array.Fill(weight, 1.0);
        kinds = GC.AllocateUninitializedArray<LinkKind>(length);
        Array.Fill(kinds, kind);
        year = GC.AllocateUninitializedArray<int>(length);
        Array.Fill(year, LinkTable.NoYear);
        endYear = GC.AllocateUninitializedArray<int>(length);
        Array.Fill(endYear, LinkTable.NoYear);
        date = GC.AllocateUninitializedArray<int>(length);
        Array.Fill(date, -1);
        dir = GC.AllocateUninitializedArray<bool>(length);
        Array.Fill(dir, directed);
    }

    private static int[] Exact(int[] a, int m) => a.Length == m ? a : a.AsSpan(0, m).ToArray();

    private void Grow()
    {
        if (_taken)
        {
            throw new InvalidOperationException("The link columns were already taken.");
        }

        if (_plain is { } plain)
        {
            // Plain links become ordinary stored columns, as long as the source column, before anything else is added.
            _plain = null;
            PlainColumns(_src.Length, plain.Kind, plain.Directed, out _w, out _kind, out _year, out _end, out _date, out _dir);
            if (_dst.Length != _src.Length)
            {
                Array.Resize(ref _dst, _src.Length); // AddPlain takes columns of any length >= count
            }

            if (Count < _src.Length)
            {
                return;
            }
        }

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
