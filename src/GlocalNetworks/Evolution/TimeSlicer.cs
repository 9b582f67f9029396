using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Model;

namespace GlocalNetworks.Evolution;

/// <summary>
/// Cuts a network into time slices (DESIGN §2.13, §3.7): yearly, moving windows and cumulative, honouring link lifetimes.
/// Every slice shares the region tree and innovator table of the network; its links come from index ranges over the
/// network's time-sorted link table, and each slice is built once and cached by its key (from, to). Thread-safe.
/// </summary>
/// <remarks>
/// <para>Links are sorted by (year, source, target) when a network is built, so the links that start in [a, b] are one
/// index range, found by binary search. A link with a lifetime [Year, EndYear] is also present in the years after its
/// start: these carried occurrences are expanded once, with a counting sort by year, into one bucket per year holding the
/// indices of the links that started earlier and are still alive (ascending, since links are visited in order). The slice
/// [a, b] is then bucket(a) followed by the range of links starting in [a, b]: two index ranges, ascending, so the slice
/// keeps the table's order. Expansion costs O(m + Σ (EndYear − Year)) time and memory once; a slice costs
/// O(log m) to locate plus, when it has carried links, a copy of its link rows (a slice without carried links is a view
/// with no copy).</para>
/// <para>Undated links are in no slice; <see cref="Report"/> counts them. With <c>ignoreLifetimes</c>, end years are
/// ignored and every slice is a single range (the same links as <see cref="GlocalNetwork.Between"/>).</para>
/// <para>Default year range: from the first to the last start year of a dated link. Pass explicit years to extend it
/// (for instance to follow projects that outlive the last start year).</para>
/// </remarks>
public sealed class TimeSlicer
{
    private readonly GlocalNetwork _network;
    private readonly ConcurrentDictionary<(int From, int To), TimeSlice> _cache = new();
    private readonly int _bucketBase;
    private readonly int[] _bucketStart;
    private readonly int[] _carried;
    private readonly int _lastYear;
    private int _built;

    /// <summary>Prepares slicing of <paramref name="network"/>: sorts nothing (the links are sorted already) and expands lifetimes once.</summary>
    /// <param name="network">The network.</param>
    /// <param name="ignoreLifetimes">Whether to ignore end years (each link present in its start year only).</param>
    /// <exception cref="InvalidOperationException">The lifetimes expand to more than 2^31 − 1 year occurrences.</exception>
    public TimeSlicer(GlocalNetwork network, bool ignoreLifetimes = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        _network = network;
        IgnoreLifetimes = ignoreLifetimes;
        var links = network.Links;
        var years = links.YearsRaw;
        var ends = links.EndYearsRaw;
        var undated = links.UndatedCount;
        var withLifetime = 0;
        long carried = 0;
        var maxEnd = int.MinValue;
        if (!ignoreLifetimes)
        {
            for (var i = undated; i < years.Length; i++)
            {
                var e = ends[i];
                if (e != LinkTable.NoYear && e > years[i])
                {
                    withLifetime++;
                    carried += (long)e - years[i];
                    maxEnd = Math.Max(maxEnd, e);
                }
            }
        }

        if (carried > int.MaxValue)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Link lifetimes expand to {carried} year occurrences, more than {int.MaxValue}; slice with ignoreLifetimes: true or shorten the end years."));
        }

        if (withLifetime == 0)
        {
            _bucketBase = 0;
            _bucketStart = [0];
            _carried = [];
        }
        else
        {
            // Counting sort of the carried occurrences by year: bucket y holds the links with Year < y <= EndYear.
            _bucketBase = years[undated] + 1;
            var span = maxEnd - _bucketBase + 1;
            var start = new int[span + 1];
            for (var i = undated; i < years.Length; i++)
            {
                var e = ends[i];
                if (e != LinkTable.NoYear && e > years[i])
                {
                    for (long y = years[i] + 1L; y <= e; y++)
                    {
                        start[y - _bucketBase + 1]++;
                    }
                }
            }

            for (var k = 0; k < span; k++)
            {
                start[k + 1] += start[k];
            }

            var fill = (int[])start.Clone();
            var carriedIdx = new int[carried];
            for (var i = undated; i < years.Length; i++)
            {
                var e = ends[i];
                if (e != LinkTable.NoYear && e > years[i])
                {
                    for (long y = years[i] + 1L; y <= e; y++)
                    {
                        carriedIdx[fill[y - _bucketBase]++] = i;
                    }
                }
            }

            _bucketStart = start;
            _carried = carriedIdx;
        }

        Report = new SliceReport(links.Count, undated, withLifetime, carried, ignoreLifetimes);
        _lastYear = links.YearRange is { } r ? Math.Max(r.Last, maxEnd) : 0;
    }

    /// <summary>The network being sliced.</summary>
    public GlocalNetwork Network => _network;

    /// <summary>Whether end years are ignored.</summary>
    public bool IgnoreLifetimes { get; }

    /// <summary>Undated links, lifetimes.</summary>
    public SliceReport Report { get; }

    /// <summary>The default year range of the slice sets: from the first start year of a dated link to the last year a
    /// dated link is present (its end year when lifetimes are honoured, else its start year); <see langword="null"/> when
    /// no link is dated.</summary>
    public (int First, int Last)? YearRange => _network.Links.YearRange is { } r ? (r.First, _lastYear) : null;

    /// <summary>How many distinct slices have been built (each key at most once).</summary>
    internal int SlicesBuilt => Volatile.Read(ref _built);

    /// <summary>The slice [<paramref name="from"/>, <paramref name="to"/>]: every link whose lifetime overlaps it. Cached by key.</summary>
    /// <param name="from">The first year (inclusive).</param>
    /// <param name="to">The last year (inclusive).</param>
    /// <returns>The slice (its network is built on first use).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public TimeSlice Slice(int from, int to)
    {
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, string.Create(CultureInfo.InvariantCulture, $"The slice ends before it starts ({from}..{to})."));
        }

        return _cache.GetOrAdd((from, to), k => new TimeSlice(k.From, k.To, () => Build(k.From, k.To)));
    }

    /// <summary>One slice per year from <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <param name="from">The first year; default the first start year.</param>
    /// <param name="to">The last year; default the last year a link is present (see <see cref="YearRange"/>).</param>
    /// <returns>The slices (none when no link is dated and no years are given).</returns>
    public SliceSet Yearly(int? from = null, int? to = null) => Windows(1, 1, from, to, SliceMode.Yearly);

    /// <summary>Moving windows [a, a + <paramref name="width"/> − 1] for a = from, from + <paramref name="step"/>, ...,
    /// keeping only windows that end by <paramref name="to"/> (none when the range is shorter than the width).</summary>
    /// <param name="width">Years per window (at least 1).</param>
    /// <param name="step">Years between window starts (at least 1).</param>
    /// <param name="from">The first year; default the first start year.</param>
    /// <param name="to">The last year; default the last year a link is present (see <see cref="YearRange"/>).</param>
    /// <returns>The slices.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The width or step is below 1, or the range ends before it starts.</exception>
    public SliceSet Windows(int width, int step, int? from = null, int? to = null) => Windows(width, step, from, to, SliceMode.Windows);

    /// <summary>Cumulative slices [from, y] for y = from .. to: every link present in any year up to y since from.</summary>
    /// <param name="from">The first year; default the first start year.</param>
    /// <param name="to">The last year; default the last year a link is present (see <see cref="YearRange"/>).</param>
    /// <returns>The slices; each holds every link of the previous one.</returns>
    public SliceSet Cumulative(int? from = null, int? to = null)
    {
        if (!Resolve(from, to, out var a, out var b))
        {
            return new SliceSet(SliceMode.Cumulative, [], Report);
        }

        var list = new TimeSlice[b - a + 1];
        for (var y = a; y <= b; y++)
        {
            list[y - a] = Slice(a, y);
        }

        return new SliceSet(SliceMode.Cumulative, list, Report);
    }

    private SliceSet Windows(int width, int step, int? from, int? to, SliceMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        if (!Resolve(from, to, out var a, out var b))
        {
            return new SliceSet(mode, [], Report);
        }

        var list = new List<TimeSlice>();
        for (long s = a; s + width - 1 <= b; s += step)
        {
            list.Add(Slice((int)s, (int)(s + width - 1)));
        }

        return new SliceSet(mode, [.. list], Report);
    }

    private bool Resolve(int? from, int? to, out int a, out int b)
    {
        var range = YearRange;
        a = from ?? range?.First ?? 0;
        b = to ?? range?.Last ?? 0;
        if (from is not null && to is not null && b < a)
        {
            throw new ArgumentOutOfRangeException(nameof(to), b, string.Create(CultureInfo.InvariantCulture, $"The range ends before it starts ({a}..{b})."));
        }

        return (range is not null || (from is not null && to is not null)) && a <= b;
    }

    private GlocalNetwork Build(int from, int to)
    {
        Interlocked.Increment(ref _built);
        var (lo, hi) = _network.Links.DatedRange(from, to);
        var k = from - _bucketBase;
        var carriedFrom = 0;
        var carriedTo = 0;
        if (_carried.Length > 0 && k >= 0 && k < _bucketStart.Length - 1)
        {
            carriedFrom = _bucketStart[k];
            carriedTo = _bucketStart[k + 1];
        }

        var c = carriedTo - carriedFrom;
        var indices = new int[c + hi - lo];
        _carried.AsSpan(carriedFrom, c).CopyTo(indices);
        for (var i = lo; i < hi; i++)
        {
            indices[c + i - lo] = i;
        }

        return _network.SelectLinks(indices);
    }
}
