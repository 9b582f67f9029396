using System;
using System.Collections.Generic;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.Tabular;

/// <summary>
/// Where a table loader puts the links it has read and checked, and how the network is finished. The streaming sink hands
/// chunks of columns to <see cref="GlocalNetworkStreamBuilder"/> (peak memory near the final arrays); the columns sink keeps
/// <see cref="LinkColumnsBuilder"/>, which also carries exact dates and grows the innovator table from the link ends.
/// </summary>
internal abstract class LinkSink
{
    /// <summary>The rows kept so far.</summary>
    public long Kept { get; protected set; }

    /// <summary>Picks the sink: streaming when the innovators are known before the links and no link carries a date.</summary>
    /// <param name="loader">The load.</param>
    /// <param name="tree">The region tree.</param>
    /// <param name="table">The innovators, or <see langword="null"/> when the link ends become innovators.</param>
    /// <param name="dates">Whether the links have a date column.</param>
    /// <param name="linkSource">The links' file or query name (its <c>rows</c> count).</param>
    public static LinkSink Create(TableLoader loader, RegionTree tree, InnovatorTable? table, bool dates, string linkSource) =>
        table is null || dates ? new ColumnsSink() : new StreamSink(loader, tree, table, linkSource);

    /// <summary>Adds one checked link (ends are innovator indices).</summary>
    public abstract void Add(int source, int target, double weight, LinkKind kind, int? year, int? endYear, DateOnly? date, bool directed);

    /// <summary>Builds the network; <paramref name="table"/> is the final innovator table (inferred ones included).</summary>
    /// <param name="linkSource">The links' file or query name.</param>
    /// <param name="loader">The load.</param>
    /// <param name="tree">The region tree.</param>
    /// <param name="table">The innovators.</param>
    /// <param name="organisers">The organisers, or <see langword="null"/>.</param>
    /// <param name="linkRows">The link rows read (kept and skipped), counted as <c>SOURCE rows</c>; <see langword="null"/> not to count them.</param>
    public abstract LoadResult Finish(TableLoader loader, RegionTree tree, InnovatorTable table, IReadOnlyList<Organiser>? organisers, string linkSource, long? linkRows);

    private sealed class ColumnsSink : LinkSink
    {
        private readonly LinkColumnsBuilder _cols = new();

        public override void Add(int source, int target, double weight, LinkKind kind, int? year, int? endYear, DateOnly? date, bool directed)
        {
            _cols.Add(source, target, weight, kind, year, endYear, date, directed);
            Kept++;
        }

        public override LoadResult Finish(TableLoader loader, RegionTree tree, InnovatorTable table, IReadOnlyList<Organiser>? organisers, string linkSource, long? linkRows)
        {
            if (linkRows is { } rows)
            {
                loader.Report.Count(linkSource + " rows", rows);
            }

            return loader.Finish(tree, table, _cols, organisers);
        }
    }

    private sealed class StreamSink : LinkSink
    {
        private const int Chunk = 65_536;
        private readonly GlocalNetworkStreamBuilder _builder;
        private readonly int[] _src = new int[Chunk];
        private readonly int[] _dst = new int[Chunk];
        private readonly double[] _w = new double[Chunk];
        private readonly LinkKind[] _kind = new LinkKind[Chunk];
        private readonly int[] _year = new int[Chunk];
        private readonly int[] _end = new int[Chunk];
        private readonly bool[] _dir = new bool[Chunk];
        private int _n;
        private readonly string _source;

        public StreamSink(TableLoader loader, RegionTree tree, InnovatorTable table, string source)
        {
            _source = source;
            _builder = new GlocalNetworkStreamBuilder(tree, loader.Options, loader.Report);
            foreach (var i in table)
            {
                _builder.AddInnovator(i);
            }
        }

        public override void Add(int source, int target, double weight, LinkKind kind, int? year, int? endYear, DateOnly? date, bool directed)
        {
            _src[_n] = source;
            _dst[_n] = target;
            _w[_n] = weight;
            _kind[_n] = kind;
            _year[_n] = year ?? GlocalNetworkStreamBuilder.NoYear;
            _end[_n] = endYear ?? GlocalNetworkStreamBuilder.NoYear;
            _dir[_n] = directed;
            if (++_n == Chunk)
            {
                Flush();
            }

            Kept++;
        }

        public override LoadResult Finish(TableLoader loader, RegionTree tree, InnovatorTable table, IReadOnlyList<Organiser>? organisers, string linkSource, long? linkRows)
        {
            Flush();
            foreach (var o in organisers ?? [])
            {
                _builder.AddOrganiser(o);
            }

            // The builder counted the kept rows under the source's name; the rows the loader skipped complete the count.
            if (linkRows is { } rows)
            {
                loader.Report.Count(_source + " rows", rows - Kept);
            }

            return _builder.Build();
        }

        private void Flush()
        {
            _builder.AppendLinks(_src.AsSpan(0, _n), _dst.AsSpan(0, _n), _w.AsSpan(0, _n), _year.AsSpan(0, _n), _kind.AsSpan(0, _n),
                _dir.AsSpan(0, _n), _end.AsSpan(0, _n), _source);
            _n = 0;
        }
    }
}
