using System;
using System.Collections;
using System.Collections.Generic;

namespace GlocalNetworks.Model;

/// <summary>
/// The knowledge links of a network in columnar arrays (no object per link), sorted by (year, source, target) with
/// undated links first. Immutable; a time slice of a network shares these arrays as an index range.
/// </summary>
/// <remarks>Link <c>i</c> of the table is row <c>i</c> of every column. Endpoints are innovator indices.</remarks>
public sealed class LinkTable : IReadOnlyList<KnowledgeLink>
{
    /// <summary>The sentinel stored for a missing year in the internal year arrays.</summary>
    internal const int NoYear = int.MinValue;

    private readonly LinkColumns _c;
    private readonly int _start;
    private readonly int _count;

    internal LinkTable(LinkColumns columns, int start, int count)
    {
        _c = columns;
        _start = start;
        _count = count;
        var undated = 0;
        var years = columns.Year.AsSpan(start, count);
        // Undated links sort first, so they form a prefix.
        while (undated < years.Length && years[undated] == NoYear)
        {
            undated++;
        }

        UndatedCount = undated;
        var anyDirected = false;
        var allDirected = count > 0;
        foreach (var d in columns.Directed.AsSpan(start, count))
        {
            anyDirected |= d;
            allDirected &= d;
        }

        AnyDirected = anyDirected;
        AllDirected = allDirected;
    }

    internal LinkColumns Columns => _c;

    internal int Start => _start;

    /// <summary>The number of links.</summary>
    public int Count => _count;

    /// <summary>How many links have no year (they come first in the table).</summary>
    public int UndatedCount { get; }

    /// <summary>Whether any link is directed.</summary>
    public bool AnyDirected { get; }

    /// <summary>Whether every link is directed (false for an empty table).</summary>
    public bool AllDirected { get; }

    /// <summary>The source innovator index of each link.</summary>
    public ReadOnlySpan<int> Sources => _c.Source.AsSpan(_start, _count);

    /// <summary>The target innovator index of each link.</summary>
    public ReadOnlySpan<int> Targets => _c.Target.AsSpan(_start, _count);

    /// <summary>The weight of each link (finite, &gt; 0).</summary>
    public ReadOnlySpan<double> Weights => _c.Weight.AsSpan(_start, _count);

    /// <summary>The kind of each link.</summary>
    public ReadOnlySpan<LinkKind> Kinds => _c.Kind.AsSpan(_start, _count);

    /// <summary>Whether each link is directed.</summary>
    public ReadOnlySpan<bool> Directed => _c.Directed.AsSpan(_start, _count);

    /// <summary>The link at <paramref name="index"/>.</summary>
    /// <param name="index">A link index in [0, <see cref="Count"/>).</param>
    public KnowledgeLink this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The table has {_count} link(s).");
            }

            var i = _start + index;
            var y = _c.Year[i];
            var e = _c.EndYear[i];
            var d = _c.Date[i];
            return new KnowledgeLink(_c.Source[i], _c.Target[i], _c.Kind[i], _c.Weight[i],
                y == NoYear ? null : y, d < 0 ? null : DateOnly.FromDayNumber(d), e == NoYear ? null : e, _c.Directed[i]);
        }
    }

    /// <summary>The year of link <paramref name="index"/>, or <see langword="null"/>.</summary>
    /// <param name="index">A link index.</param>
    /// <returns>The year.</returns>
    public int? YearOf(int index)
    {
        var y = _c.Year[_start + index];
        return y == NoYear ? null : y;
    }

    /// <summary>The smallest and largest year of the dated links, or <see langword="null"/> when none is dated.</summary>
    public (int First, int Last)? YearRange =>
        UndatedCount == _count ? null : (_c.Year[_start + UndatedCount], _c.Year[_start + _count - 1]);

    internal ReadOnlySpan<int> YearsRaw => _c.Year.AsSpan(_start, _count);

    /// <summary>The positions [Lo, Hi) in <see cref="YearsRaw"/> of the dated links with a year in
    /// [<paramref name="fromYear"/>, <paramref name="toYear"/>] (the dated links are sorted by year after the undated ones):
    /// two binary searches; <see cref="int.MaxValue"/> as the last year reaches the end.</summary>
    /// <param name="fromYear">The first year (inclusive).</param>
    /// <param name="toYear">The last year (inclusive).</param>
    /// <returns>The index range, empty when no link falls in it.</returns>
    internal (int Lo, int Hi) DatedRange(int fromYear, int toYear)
    {
        var years = YearsRaw;
        var lo = LowerBound(years, UndatedCount, fromYear);
        var hi = toYear == int.MaxValue ? years.Length : LowerBound(years, lo, toYear + 1);
        return (lo, hi);
    }

    private static int LowerBound(ReadOnlySpan<int> sorted, int from, int value)
    {
        int lo = from, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (int)(((uint)lo + (uint)hi) >> 1);
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The end years (<see cref="NoYear"/> when a link has none), parallel to <see cref="YearsRaw"/>.</summary>
    internal ReadOnlySpan<int> EndYearsRaw => _c.EndYear.AsSpan(_start, _count);

    /// <inheritdoc/>
    public IEnumerator<KnowledgeLink> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The column arrays behind <see cref="LinkTable"/>; all the same length.</summary>
internal sealed class LinkColumns
{
    public LinkColumns(int[] source, int[] target, double[] weight, LinkKind[] kind, int[] year, int[] endYear, int[] date, bool[] directed)
    {
        Source = source;
        Target = target;
        Weight = weight;
        Kind = kind;
        Year = year;
        EndYear = endYear;
        Date = date;
        Directed = directed;
    }

    public int[] Source { get; }

    public int[] Target { get; }

    public double[] Weight { get; }

    public LinkKind[] Kind { get; }

    public int[] Year { get; }

    public int[] EndYear { get; }

    /// <summary>DateOnly day numbers, -1 when unknown.</summary>
    public int[] Date { get; }

    public bool[] Directed { get; }

    public int Length => Source.Length;
}
