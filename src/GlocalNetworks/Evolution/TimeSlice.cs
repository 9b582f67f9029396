using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.Evolution;

/// <summary>How a <see cref="SliceSet"/> cuts time.</summary>
public enum SliceMode
{
    /// <summary>One slice per year: [y, y].</summary>
    Yearly = 0,

    /// <summary>Moving windows [a, a + width - 1], a = from, from + step, ...; full windows only.</summary>
    Windows = 1,

    /// <summary>Growing slices [from, y] for y = from .. to.</summary>
    Cumulative = 2,
}

/// <summary>
/// One time slice: the links present in the years [<see cref="From"/>, <see cref="To"/>] (both included), as a
/// <see cref="GlocalNetwork"/> that shares the region tree and the innovator table of the sliced network. Built once
/// (lazily, on first use of <see cref="Network"/>) and cached by its key in its <see cref="TimeSlicer"/>, together with
/// its CSR graphs (one per view, built by the first tracked metric that needs it and reused by every later run).
/// </summary>
/// <remarks>
/// A link with a lifetime [Year, EndYear] is present when that interval overlaps [From, To]; a link without an end year
/// lives one year. Undated links are never in a slice. The slice's links keep the (year, source, target) order of the
/// sliced network; links carried over from earlier years come first.
/// </remarks>
public sealed class TimeSlice
{
    private readonly Lazy<GlocalNetwork> _network;

    internal TimeSlice(int from, int to, Func<GlocalNetwork> build)
    {
        From = from;
        To = to;
        Label = LabelOf(from, to);
        _network = new Lazy<GlocalNetwork>(build, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The label: <c>2015</c> for a one-year slice, <c>2013-2015</c> otherwise.</summary>
    public string Label { get; }

    /// <summary>The first year (inclusive).</summary>
    public int From { get; }

    /// <summary>The last year (inclusive).</summary>
    public int To { get; }

    /// <summary>The slice as a network view (built on first use, then cached).</summary>
    public GlocalNetwork Network => _network.Value;

    /// <summary>The slice's CSR graphs by view, built once (by the first metric that asks) and shared by every run on the slice.</summary>
    internal ConcurrentDictionary<GraphView, Lazy<CsrGraph>> Graphs { get; } = new();

    /// <summary>The number of links in the slice.</summary>
    public int LinkCount => Network.Links.Count;

    /// <summary>The label of a slice [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <param name="from">The first year.</param>
    /// <param name="to">The last year.</param>
    /// <returns><c>2015</c> or <c>2013-2015</c>.</returns>
    public static string LabelOf(int from, int to) => from == to
        ? from.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{from}-{to}");

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Label}: {LinkCount} links");
}

/// <summary>What slicing left out or expanded; the same for every slice set of one <see cref="TimeSlicer"/>.</summary>
/// <param name="Links">The links of the sliced network.</param>
/// <param name="UndatedExcluded">Links without a year: in no slice.</param>
/// <param name="LinksWithLifetime">Dated links whose end year is after their start year (0 when lifetimes are ignored).</param>
/// <param name="CarriedOccurrences">Year occurrences after the start year created by expanding lifetimes (Σ (EndYear - Year)).</param>
/// <param name="IgnoreLifetimes">Whether end years were ignored (every link lives in its start year only).</param>
public sealed record SliceReport(int Links, int UndatedExcluded, int LinksWithLifetime, long CarriedOccurrences, bool IgnoreLifetimes)
{
    /// <summary>A one-line summary.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Links} links; {UndatedExcluded} undated (excluded from every slice); {LinksWithLifetime} with a lifetime ({CarriedOccurrences} carried year occurrences){(IgnoreLifetimes ? "; lifetimes ignored" : string.Empty)}.");
}

/// <summary>An ordered list of time slices of one network (yearly, windows or cumulative), with the slicing report. Immutable.</summary>
public sealed class SliceSet : IReadOnlyList<TimeSlice>
{
    private readonly TimeSlice[] _slices;

    internal SliceSet(SliceMode mode, TimeSlice[] slices, SliceReport report)
    {
        Mode = mode;
        _slices = slices;
        Report = report;
    }

    /// <summary>How time was cut.</summary>
    public SliceMode Mode { get; }

    /// <summary>Undated links, lifetimes.</summary>
    public SliceReport Report { get; }

    /// <summary>The number of slices.</summary>
    public int Count => _slices.Length;

    /// <summary>The slice at <paramref name="index"/>, in time order.</summary>
    /// <param name="index">The index.</param>
    public TimeSlice this[int index] => _slices[index];

    /// <inheritdoc/>
    public IEnumerator<TimeSlice> GetEnumerator() => ((IEnumerable<TimeSlice>)_slices).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
