using System;
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
        CountingSort.StableByKey(_dst.AsSpan(0, m), innovatorCount, order);
        CountingSort.StableByKey(_src.AsSpan(0, m), innovatorCount, order);
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
        }

        var c = new LinkColumns(new int[m], new int[m], new double[m], new LinkKind[m], new int[m], new int[m], new int[m], new bool[m]);
        for (var k = 0; k < m; k++)
        {
            var i = order[k];
            c.Source[k] = _src[i];
            c.Target[k] = _dst[i];
            c.Weight[k] = _w[i];
            c.Kind[k] = _kind[i];
            c.Year[k] = _year[i];
            c.EndYear[k] = _end[i];
            c.Date[k] = _date[i];
            c.Directed[k] = _dir[i];
        }

        return c;
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
