using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO;

/// <summary>
/// Builds a <see cref="GlocalNetwork"/> from chunks of columns (spans of ids, indices, weights, years, kinds), as a
/// Parquet, DuckDB or generator source delivers them: no object per link, the same checks and the same result as
/// <see cref="GlocalCsv"/> and <see cref="GlocalNetworkBuilder"/> for the same rows.
/// </summary>
/// <remarks>
/// <para>Order of use: create it on a region tree, append every innovator (<see cref="AppendInnovators"/> or
/// <see cref="AddInnovator"/>), then links (<see cref="AppendLinks(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{double}, ReadOnlySpan{int}, ReadOnlySpan{LinkKind}, ReadOnlySpan{bool}, ReadOnlySpan{int}, string?, long?)"/>
/// by innovator index, or the overload by innovator id), optionally organisers, and call <see cref="Build"/> once.
/// Integer link ends are the innovators' row numbers in append order, counting from 0 (a row skipped in lenient mode keeps
/// its number; a link to it is reported). When no innovator is appended before the first links by id, the link ends
/// become innovators of kind <c>Other</c> in the implicit root, as <see cref="GlocalCsv"/> does without an innovators
/// file.</para>
/// <para>Checks, as the CSV reader: unknown innovator (with up to three suggestions), self-loop
/// (<see cref="LoadOptions.SelfLoops"/>), a weight that is not finite and &gt; 0, a year outside -9999..9999, an end year
/// without a start year or before it, an undefined kind. Strict mode throws the first as a
/// <see cref="GlocalDataException"/>; lenient mode skips the row and records a <see cref="LoadIssue"/>. Nothing is dropped
/// unreported. Errors name <c>sourceName:row</c>, where a chunk's rows are numbered from its <c>firstRow</c> argument, or
/// by default continue from the rows appended before (1-based).</para>
/// <para>Memory: each link column is kept in blocks of 65,536 rows (the first block starts at 256 rows and doubles), so
/// growing never copies stored rows and at most one block is partly empty; optional columns (end years, directed flags
/// when they all equal the default) take no memory until a row differs. <see cref="Build"/> sorts by (year, source,
/// target) with stable counting sorts over two <c>int</c> permutation arrays and gathers the rows into the network's
/// final arrays one column at a time: each final array is allocated just before its column is gathered and
/// the column's blocks are freed right after. The links' peak is therefore the larger of (a) the blocks plus two
/// permutations while sorting (about 12 to 21 + 8 bytes per link) and (b) the final arrays plus one permutation while
/// gathering (32 + 4 bytes per link, counting scales), about 1.1 times the final 32 bytes per link; measured in
/// <c>docs/performance.md</c>.</para>
/// </remarks>
public sealed class GlocalNetworkStreamBuilder
{
    /// <summary>The year value that means "no year" in the <c>years</c> and <c>endYears</c> spans: <see cref="int.MinValue"/>.</summary>
    public const int NoYear = LinkTable.NoYear;

    /// <summary>The source name used in messages when none is given for innovators.</summary>
    public const string DefaultInnovatorSource = "innovators";

    /// <summary>The source name used in messages when none is given for links.</summary>
    public const string DefaultLinkSource = "links";

    private readonly IssueSink _sink;
    private readonly RegionTree _tree;
    private readonly List<Innovator> _innovators = [];
    private readonly List<Organiser> _organisers = [];
    private readonly ChunkedColumn<int> _src = new(0);
    private readonly ChunkedColumn<int> _dst = new(0);
    private readonly ChunkedColumn<double> _weight = new(1.0);
    private readonly ChunkedColumn<LinkKind> _kind;
    private readonly ChunkedColumn<int> _year = new(NoYear);
    private readonly ChunkedColumn<int> _end = new(NoYear);
    private readonly ChunkedColumn<bool> _directed;
    private Dictionary<string, long>? _innovatorRows = new(StringComparer.Ordinal);
    private List<int>? _rowToIndex;
    private int _innovatorRowCount;
    private InnovatorTable? _table;
    private InnovatorResolver? _resolver;
    private long _linkRows;
    private int _minYear = int.MaxValue;
    private int _maxYear = int.MinValue;
    private bool _built;

    /// <summary>Starts a build on <paramref name="regions"/>.</summary>
    /// <param name="regions">The validated region tree (from <see cref="RegionTree.Build(IEnumerable{Region}, RegionLadder)"/>
    /// or <see cref="GlocalCsv.ReadRegions"/>); <see cref="RegionTree.Empty"/> when the innovators are not located.</param>
    /// <param name="options">Load options (mode, classifier, default kind and direction, self-loops); <see langword="null"/>
    /// for <see cref="LoadOptions.Default"/>. The tree's own ladder is used, not <see cref="LoadOptions.Ladder"/>.</param>
    /// <param name="report">A report to fill, or <see langword="null"/> for a new one.</param>
    public GlocalNetworkStreamBuilder(RegionTree regions, LoadOptions? options = null, LoadReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var o = options ?? LoadOptions.Default;
        o.Validate();
        _tree = regions;
        _sink = new IssueSink(o, report ?? new LoadReport());
        _kind = new ChunkedColumn<LinkKind>(o.DefaultLinkKind);
        _directed = new ChunkedColumn<bool>(o.Directed);
    }

    /// <summary>The options.</summary>
    public LoadOptions Options => _sink.Options;

    /// <summary>The report that lenient mode fills; its counts are complete after <see cref="Build"/>.</summary>
    public LoadReport Report => _sink.Report;

    /// <summary>The region tree.</summary>
    public RegionTree Regions => _tree;

    /// <summary>How many innovator rows were appended (skipped rows included).</summary>
    public int InnovatorRowCount => _innovatorRowCount;

    /// <summary>How many links are kept so far.</summary>
    public int LinkCount => _src.Count;

    /// <summary>The bytes the link column blocks hold now (for memory measurements).</summary>
    public long BufferedLinkBytes =>
        _src.AllocatedBytes + _dst.AllocatedBytes + _weight.AllocatedBytes + _kind.AllocatedBytes + _year.AllocatedBytes
        + _end.AllocatedBytes + _directed.AllocatedBytes;

    /// <summary>Appends a chunk of innovators.</summary>
    /// <param name="ids">The ids (unique, non-empty).</param>
    /// <param name="regionIds">The home region ids, parallel to <paramref name="ids"/>; empty or <see langword="null"/> means the implicit root.</param>
    /// <param name="kinds">The kinds, parallel; empty for <see cref="InnovatorKind.Other"/>.</param>
    /// <param name="names">The display names, parallel; empty (or a <see langword="null"/> name) for the id.</param>
    /// <param name="sourceName">The file or table named in messages (default <see cref="DefaultInnovatorSource"/>).</param>
    /// <param name="firstRow">The row number of the chunk's first row in messages; <see langword="null"/> continues from the
    /// innovator rows appended before (1-based).</param>
    /// <exception cref="ArgumentException">A non-empty span's length differs from <paramref name="ids"/>'s.</exception>
    /// <exception cref="InvalidOperationException">Links were already appended, or the builder was built.</exception>
    /// <exception cref="GlocalDataException">Strict mode: an empty or duplicate id, or an unknown region (with suggestions).</exception>
    public void AppendInnovators(ReadOnlySpan<string> ids, ReadOnlySpan<string> regionIds, ReadOnlySpan<InnovatorKind> kinds = default,
        ReadOnlySpan<string?> names = default, string? sourceName = null, long? firstRow = null)
    {
        EnsureInnovatorsOpen();
        CheckLength(ids.Length, regionIds.Length, nameof(regionIds), allowEmpty: false);
        CheckLength(ids.Length, kinds.Length, nameof(kinds), allowEmpty: true);
        CheckLength(ids.Length, names.Length, nameof(names), allowEmpty: true);
        var source = sourceName ?? DefaultInnovatorSource;
        var row0 = firstRow ?? _innovatorRowCount + 1;
        for (var i = 0; i < ids.Length; i++)
        {
            var id = ids[i];
            var name = names.IsEmpty ? null : names[i];
            var kind = kinds.IsEmpty ? InnovatorKind.Other : kinds[i];
            var region = string.IsNullOrEmpty(regionIds[i]) ? RegionTree.ImplicitRootId : regionIds[i];
            AddInnovatorRow(id is null ? string.Empty : id, name, kind, region, null, null, source, row0 + i);
        }

        Report.Count(source + " rows", ids.Length);
    }

    /// <summary>Appends one innovator with every field (location, attributes).</summary>
    /// <param name="innovator">The innovator.</param>
    /// <param name="sourceName">The file or table named in messages.</param>
    /// <param name="row">The row number in messages; <see langword="null"/> for the next one.</param>
    /// <exception cref="InvalidOperationException">Links were already appended, or the builder was built.</exception>
    /// <exception cref="GlocalDataException">Strict mode: an empty or duplicate id, or an unknown region.</exception>
    public void AddInnovator(Innovator innovator, string? sourceName = null, long? row = null)
    {
        ArgumentNullException.ThrowIfNull(innovator);
        EnsureInnovatorsOpen();
        var region = string.IsNullOrEmpty(innovator.RegionId) ? RegionTree.ImplicitRootId : innovator.RegionId;
        AddInnovatorRow(innovator.Id ?? string.Empty, innovator.Name, innovator.Kind, region, innovator.Location, innovator.Attributes,
            sourceName ?? DefaultInnovatorSource, row ?? _innovatorRowCount + 1);
    }

    /// <summary>Appends a chunk of links whose ends are innovator row numbers (0-based, in append order).</summary>
    /// <param name="sources">The source innovator indices.</param>
    /// <param name="targets">The target innovator indices, parallel.</param>
    /// <param name="weights">The weights, parallel (finite, &gt; 0); empty for 1.</param>
    /// <param name="years">The (start) years, parallel, <see cref="NoYear"/> for none; empty for no years.</param>
    /// <param name="kinds">The kinds, parallel; empty for <see cref="LoadOptions.DefaultLinkKind"/>.</param>
    /// <param name="directed">Whether each link is directed, parallel; empty for <see cref="LoadOptions.Directed"/>.</param>
    /// <param name="endYears">The last active years (inclusive), parallel, <see cref="NoYear"/> for none; empty for none.</param>
    /// <param name="sourceName">The file or table named in messages (default <see cref="DefaultLinkSource"/>).</param>
    /// <param name="firstRow">The row number of the chunk's first row in messages; <see langword="null"/> continues from the
    /// link rows appended before (1-based).</param>
    /// <exception cref="ArgumentException">A non-empty span's length differs from <paramref name="sources"/>'s.</exception>
    /// <exception cref="InvalidOperationException">The builder was built.</exception>
    /// <exception cref="GlocalDataException">Strict mode: a bad row (see the remarks of the class).</exception>
    public void AppendLinks(ReadOnlySpan<int> sources, ReadOnlySpan<int> targets, ReadOnlySpan<double> weights = default,
        ReadOnlySpan<int> years = default, ReadOnlySpan<LinkKind> kinds = default, ReadOnlySpan<bool> directed = default,
        ReadOnlySpan<int> endYears = default, string? sourceName = null, long? firstRow = null)
    {
        var source = BeginLinks(sources.Length, targets.Length, weights.Length, years.Length, kinds.Length, directed.Length, endYears.Length, sourceName);
        var row0 = firstRow ?? _linkRows + 1;
        var known = _resolver is { Inferred: true } r ? r.Count : _innovatorRowCount;
        for (var i = 0; i < sources.Length; i++)
        {
            var line = row0 + i;
            var a = MapIndex(sources[i], known);
            var b = MapIndex(targets[i], known);
            if (a < 0 || b < 0)
            {
                var bad = a < 0 ? sources[i] : targets[i];
                _sink.Problem(new ReferentialIntegrityException(source, line, a < 0 ? "source" : "target", bad.ToString(CultureInfo.InvariantCulture),
                    (uint)bad < (uint)known
                        ? "refers to an innovator row that was skipped (see the load report)."
                        : $"is not a known innovator index; indices run from 0 to {(known - 1).ToString(CultureInfo.InvariantCulture)} in the order the innovators were appended.",
                    []), LoadAction.Skipped);
                continue;
            }

            AddLinkRow(a, b, null, targets[i], weights, years, kinds, directed, endYears, i, source, line);
        }

        EndLinks(source, sources.Length);
    }

    /// <summary>Appends a chunk of links whose ends are innovator ids.</summary>
    /// <param name="sourceIds">The source innovator ids.</param>
    /// <param name="targetIds">The target innovator ids, parallel.</param>
    /// <param name="weights">The weights, parallel (finite, &gt; 0); empty for 1.</param>
    /// <param name="years">The (start) years, parallel, <see cref="NoYear"/> for none; empty for no years.</param>
    /// <param name="kinds">The kinds, parallel; empty for <see cref="LoadOptions.DefaultLinkKind"/>.</param>
    /// <param name="directed">Whether each link is directed, parallel; empty for <see cref="LoadOptions.Directed"/>.</param>
    /// <param name="endYears">The last active years (inclusive), parallel, <see cref="NoYear"/> for none; empty for none.</param>
    /// <param name="sourceName">The file or table named in messages (default <see cref="DefaultLinkSource"/>).</param>
    /// <param name="firstRow">The row number of the chunk's first row in messages; <see langword="null"/> continues from the
    /// link rows appended before (1-based).</param>
    /// <exception cref="ArgumentException">A non-empty span's length differs from <paramref name="sourceIds"/>'s.</exception>
    /// <exception cref="InvalidOperationException">The builder was built.</exception>
    /// <exception cref="ReferentialIntegrityException">Strict mode: an empty or unknown id, with up to three suggestions.</exception>
    /// <exception cref="GlocalDataException">Strict mode: another bad row (see the remarks of the class).</exception>
    public void AppendLinks(ReadOnlySpan<string> sourceIds, ReadOnlySpan<string> targetIds, ReadOnlySpan<double> weights = default,
        ReadOnlySpan<int> years = default, ReadOnlySpan<LinkKind> kinds = default, ReadOnlySpan<bool> directed = default,
        ReadOnlySpan<int> endYears = default, string? sourceName = null, long? firstRow = null)
    {
        var source = BeginLinks(sourceIds.Length, targetIds.Length, weights.Length, years.Length, kinds.Length, directed.Length, endYears.Length, sourceName);
        var resolver = _resolver!;
        var row0 = firstRow ?? _linkRows + 1;
        for (var i = 0; i < sourceIds.Length; i++)
        {
            var line = row0 + i;
            var sId = (sourceIds[i] ?? string.Empty).AsSpan().Trim();
            var tId = (targetIds[i] ?? string.Empty).AsSpan().Trim();
            var a = sId.IsEmpty ? -1 : resolver.Resolve(sId);
            var b = a < 0 || tId.IsEmpty ? -1 : resolver.Resolve(tId);
            if (a < 0 || b < 0)
            {
                var v = (a < 0 ? sId : tId).ToString();
                _sink.Problem(new ReferentialIntegrityException(source, line, a < 0 ? "source" : "target", v,
                    v.Length == 0 ? "is empty; every link needs two innovator ids." : "is not a known innovator id.",
                    v.Length == 0 ? [] : resolver.Suggest(v)), LoadAction.Skipped);
                continue;
            }

            AddLinkRow(a, b, targetIds[i], -1, weights, years, kinds, directed, endYears, i, source, line);
        }

        EndLinks(source, sourceIds.Length);
    }

    /// <summary>Adds an organiser; its region and members are checked at <see cref="Build"/>.</summary>
    /// <param name="organiser">The organiser.</param>
    /// <exception cref="InvalidOperationException">The builder was built.</exception>
    public void AddOrganiser(Organiser organiser)
    {
        ArgumentNullException.ThrowIfNull(organiser);
        EnsureOpen();
        _organisers.Add(organiser);
    }

    /// <summary>Sorts the links by (year, source, target), classifies their scales once and creates the network. The
    /// builder cannot be used afterwards.</summary>
    /// <returns>The network and the load report (counts <c>innovators</c>, <c>links</c>, <c>links loaded</c>,
    /// <c>links resolution-limited</c>, rows per source, and the issues of lenient mode).</returns>
    /// <exception cref="InvalidOperationException">The builder was built.</exception>
    /// <exception cref="ReferentialIntegrityException">Strict mode: an organiser's region or member is unknown.</exception>
    public LoadResult Build()
    {
        EnsureOpen();
        Freeze(inferIfEmpty: false);
        var table = _resolver!.Inferred ? _resolver.BuildInferred(_tree) : _table!;
        var organisers = new List<Organiser>(_organisers.Count);
        foreach (var o in _organisers)
        {
            if (CheckOrganiser(o, table))
            {
                organisers.Add(o);
            }
        }

        _built = true;
        var columns = SortedColumns(table.Count);
        var net = NetworkAssembly.AssembleSorted(_tree, table, columns, organisers.ToArray(), Options.Classifier);
        Probe?.Invoke("assembled");
        Report.Count("innovators", table.Count);
        Report.Count("links", net.Links.Count);
        Report.Count("links resolution-limited", net.ResolutionLimitedCount);
        return new LoadResult(net, Report);
    }

    private bool CheckOrganiser(Organiser o, InnovatorTable table)
    {
        if (!_tree.Contains(o.RegionId))
        {
            _sink.Problem(new ReferentialIntegrityException(null, null, "organiser region", o.RegionId,
                $"is not a known region id (organiser '{o.Id}').", _tree.Suggest(o.RegionId)), LoadAction.Skipped);
            return false;
        }

        foreach (var m in o.MemberIds)
        {
            if (!table.TryGetIndex(m, out _))
            {
                _sink.Problem(new ReferentialIntegrityException(null, null, "members", m,
                    $"is not a known innovator id (member of organiser '{o.Id}').", table.Suggest(m)), LoadAction.Skipped);
                return false;
            }
        }

        return true;
    }

    private void AddInnovatorRow(string id, string? name, InnovatorKind kind, string region, GeoPoint? location,
        IReadOnlyDictionary<string, string>? attributes, string source, long line)
    {
        var rowIndex = _innovatorRowCount++;
        id = id.Trim();
        var ok = Validate(id, ref kind, region, source, line);
        if (!ok)
        {
            if (_rowToIndex is null)
            {
                _rowToIndex = new List<int>(rowIndex + 1);
                for (var r = 0; r < rowIndex; r++)
                {
                    _rowToIndex.Add(r);
                }
            }

            _rowToIndex.Add(-1);
            return;
        }

        _rowToIndex?.Add(_innovators.Count);
        _innovatorRows!.Add(id, line);
        _innovators.Add(new Innovator(id, string.IsNullOrEmpty(name) ? id : name, kind, region, location, attributes));
    }

    private bool Validate(string id, ref InnovatorKind kind, string region, string source, long line)
    {
        if (id.Length == 0)
        {
            _sink.Problem(new GlocalDataException(source, line, "id", id, "is empty; every innovator needs an id."), LoadAction.Skipped);
            return false;
        }

        if (_innovatorRows!.TryGetValue(id, out var first))
        {
            _sink.Problem(new DuplicateIdException(source, line, "id", id, first), LoadAction.Skipped);
            return false;
        }

        if (!_tree.Contains(region))
        {
            _sink.Problem(new ReferentialIntegrityException(source, line, "region", region,
                $"is not a known region id (home of innovator '{id}').", _tree.Suggest(region)), LoadAction.Skipped);
            return false;
        }

        if ((uint)kind > (uint)InnovatorKind.RegionAggregate)
        {
            _sink.Problem(new GlocalDataException(source, line, "kind", ((int)kind).ToString(CultureInfo.InvariantCulture),
                "is not an innovator kind; the kind is set to other."), LoadAction.Repaired);
            kind = InnovatorKind.Other;
        }

        return true;
    }

    /// <summary>Checks and appends one resolved link; the target's text (<paramref name="targetId"/>, else
    /// <paramref name="targetIndex"/>) is formatted only for a message.</summary>
    private void AddLinkRow(int a, int b, string? targetId, int targetIndex, ReadOnlySpan<double> weights, ReadOnlySpan<int> years,
        ReadOnlySpan<LinkKind> kinds, ReadOnlySpan<bool> directed, ReadOnlySpan<int> endYears, int i, string source, long line)
    {
        if (a == b)
        {
            _sink.SkipSelfLoop(source, line, "target", targetId?.Trim() ?? targetIndex.ToString(CultureInfo.InvariantCulture));
            return;
        }

        var weight = weights.IsEmpty ? 1.0 : weights[i];
        if (LinkFieldRules.WeightProblem(weight) is { } why)
        {
            _sink.Problem(new InvalidWeightException(source, line, "weight", weight.ToString("R", CultureInfo.InvariantCulture), why), LoadAction.Skipped);
            return;
        }

        var kind = kinds.IsEmpty ? Options.DefaultLinkKind : kinds[i];
        if ((uint)kind > (uint)LinkKind.Other)
        {
            _sink.Problem(new GlocalDataException(source, line, "kind", ((int)kind).ToString(CultureInfo.InvariantCulture),
                "is not a link kind; use a LinkKind value (co-patent, co-publication, joint-project, alliance, citation, licence, mobility or other)."), LoadAction.Skipped);
            return;
        }

        var year = years.IsEmpty ? NoYear : years[i];
        var end = endYears.IsEmpty ? NoYear : endYears[i];
        if (!YearOk(year, "year", source, line) || !YearOk(end, "end_year", source, line))
        {
            return;
        }

        if (end != NoYear && LinkFieldRules.EndYearProblem(year == NoYear ? null : year, end) is { } endWhy)
        {
            _sink.Problem(new GlocalDataException(source, line, "end_year", end.ToString(CultureInfo.InvariantCulture), endWhy), LoadAction.Skipped);
            return;
        }

        _src.Add(a);
        _dst.Add(b);
        _weight.Add(weight);
        _kind.Add(kind);
        _year.Add(year);
        _end.Add(end);
        _directed.Add(directed.IsEmpty ? Options.Directed : directed[i]);
        if (year != NoYear)
        {
            _minYear = Math.Min(_minYear, year);
            _maxYear = Math.Max(_maxYear, year);
        }
    }

    private bool YearOk(int year, string column, string source, long line)
    {
        if (year == NoYear || (year >= LinkFieldRules.MinCsvYear && year <= LinkFieldRules.MaxYear))
        {
            return true;
        }

        _sink.Problem(new GlocalDataException(source, line, column, year.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"is out of range; years must lie in {LinkFieldRules.MinCsvYear}..{LinkFieldRules.MaxYear} (use GlocalNetworkStreamBuilder.NoYear for none).")), LoadAction.Skipped);
        return false;
    }

    private int MapIndex(int row, int known)
    {
        if ((uint)row >= (uint)known)
        {
            return -1;
        }

        return _rowToIndex is null ? row : _rowToIndex[row];
    }

    private string BeginLinks(int count, int targets, int weights, int years, int kinds, int directed, int endYears, string? sourceName)
    {
        EnsureOpen();
        CheckLength(count, targets, "targets", allowEmpty: false);
        CheckLength(count, weights, "weights", allowEmpty: true);
        CheckLength(count, years, "years", allowEmpty: true);
        CheckLength(count, kinds, "kinds", allowEmpty: true);
        CheckLength(count, directed, "directed", allowEmpty: true);
        CheckLength(count, endYears, "endYears", allowEmpty: true);
        Freeze(inferIfEmpty: true);
        return sourceName ?? DefaultLinkSource;
    }

    private void EndLinks(string source, int rows)
    {
        _linkRows += rows;
        Report.Count(source + " rows", rows);
    }

    /// <summary>Fixes the innovator table at the first links (or at <see cref="Build"/>).</summary>
    private void Freeze(bool inferIfEmpty)
    {
        if (_resolver is not null)
        {
            return;
        }

        if (inferIfEmpty && _innovatorRowCount == 0)
        {
            _resolver = new InnovatorResolver(null);
            _innovatorRows = null;
            return;
        }

        _table = NetworkAssembly.CreateInnovatorTable(_innovators, _tree, null, null);
        _resolver = new InnovatorResolver(_table);
        _innovatorRows = null;
        _innovators.Clear();
        _innovators.TrimExcess();
    }

    /// <summary>Sorts by (year, source, target), undated first, stably (ties keep append order, as <c>LinkColumnsBuilder</c>),
    /// and gathers the columns one by one into their final arrays, freeing each column's blocks.</summary>
    private LinkColumns SortedColumns(int innovatorCount)
    {
        var m = _src.Count;
        var order = new int[m];
        var tmp = new int[m];
        var counts = new int[Math.Max(innovatorCount, _maxYear >= _minYear ? _maxYear - _minYear + 1 : 0) + 2];
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
        }

        Pass(_dst.Blocks(), isYear: false, 0, innovatorCount, order, tmp, counts);
        Pass(_src.Blocks(), isYear: false, 0, innovatorCount, tmp, order, counts);
        var sorted = order;
        if (_year.Materialised)
        {
            Pass(_year.Blocks(), isYear: true, _minYear, _maxYear - _minYear + 2, order, tmp, counts);
            sorted = tmp;
        }
        else
        {
            tmp = null;
        }

        Probe?.Invoke("sort passes");

        // The other permutation is no longer needed. Each final column is allocated just before it is gathered, and the
        // column's blocks are released right after, so the links never need blocks and final arrays in full at once.
        order = null!;
        tmp = null;
        Probe?.Invoke("sorted");
        var source = Gather(_src, sorted, "source");
        var target = Gather(_dst, sorted, "target");
        var weight = Gather(_weight, sorted, "weight");
        var kind = Gather(_kind, sorted, "kind");
        var year = Gather(_year, sorted, "year");
        var end = Gather(_end, sorted, "end_year");
        var directed = Gather(_directed, sorted, "directed");
        var date = new int[m];
        date.AsSpan().Fill(-1);
        return new LinkColumns(source, target, weight, kind, year, end, date, directed);
    }

    /// <summary>Called with a phase name at each step of <see cref="Build"/> (memory measurements in tests and benchmarks).</summary>
    internal Action<string>? Probe { get; set; }

    private T[] Gather<T>(ChunkedColumn<T> column, int[] order, string name)
        where T : struct
    {
        var a = new T[order.Length];
        column.GatherAndRelease(order, a);
        Probe?.Invoke(name);
        return a;
    }

    /// <summary>One stable counting-sort pass: <paramref name="to"/> = <paramref name="from"/> reordered by the key of each row.
    /// For years the key is 0 for no year, else year - <paramref name="yearBase"/> + 1.</summary>
    private static void Pass(int[][]? blocks, bool isYear, int yearBase, int keyCount, int[] from, int[] to, int[] counts)
    {
        var m = from.Length;
        if (m == 0)
        {
            return;
        }

        const int shift = ChunkedColumn<int>.Shift;
        const int mask = ChunkedColumn<int>.BlockRows - 1;
        var c = counts.AsSpan(0, keyCount + 1);
        c.Clear();
        if (blocks is null)
        {
            from.CopyTo(to, 0);
            return;
        }

        for (var i = 0; i < m; i++)
        {
            var r = from[i];
            c[Key(blocks[r >> shift][r & mask], isYear, yearBase) + 1]++;
        }

        for (var k = 1; k < c.Length; k++)
        {
            c[k] += c[k - 1];
        }

        for (var i = 0; i < m; i++)
        {
            var r = from[i];
            to[c[Key(blocks[r >> shift][r & mask], isYear, yearBase)]++] = r;
        }
    }

    private static int Key(int value, bool isYear, int yearBase) =>
        !isYear ? value : value == NoYear ? 0 : value - yearBase + 1;

    private static void CheckLength(int expected, int actual, string name, bool allowEmpty)
    {
        if (actual != expected && !(allowEmpty && actual == 0))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The span '{name}' has {actual} element(s); it must have {expected} (one per row){(allowEmpty ? " or none" : string.Empty)}."),
                name);
        }
    }

    private void EnsureInnovatorsOpen()
    {
        EnsureOpen();
        if (_resolver is not null)
        {
            throw new InvalidOperationException("Append every innovator before the first link: link ends refer to the innovator table, which is fixed at the first links.");
        }
    }

    private void EnsureOpen()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder has already built its network; start a new GlocalNetworkStreamBuilder.");
        }
    }
}
