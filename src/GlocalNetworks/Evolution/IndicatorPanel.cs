using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GlocalNetworks.Internal;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;

namespace GlocalNetworks.Evolution;

/// <summary>What <see cref="IndicatorPanel.Read(string, IndicatorReadOptions?)"/> does with a region id that the
/// <see cref="IndicatorReadOptions.Regions"/> tree does not know.</summary>
public enum UnknownIndicatorRegion
{
    /// <summary>Raise <see cref="ReferentialIntegrityException"/> with up to 3 suggestions (the default).</summary>
    Throw = 0,

    /// <summary>Skip the row and count it in <see cref="IndicatorPanel.SkippedRows"/>, listing the id in
    /// <see cref="IndicatorPanel.UnknownRegions"/>.</summary>
    Skip = 1,
}

/// <summary>Options of <see cref="IndicatorPanel.Read(string, IndicatorReadOptions?)"/>.</summary>
public sealed record IndicatorReadOptions
{
    /// <summary>The region column; <see langword="null"/> takes <c>region</c>, else <c>region_code</c>, else <c>id</c>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RegionColumn { get; init; }

    /// <summary>The year column.</summary>
    /// <value>The default value is <c>year</c>.</value>
    public string YearColumn { get; init; } = "year";

    /// <summary>The indicators to keep; <see langword="null"/> keeps all.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IReadOnlyCollection<string>? Indicators { get; init; }

    /// <summary>The first year kept (earlier rows are ignored, not reported).</summary>
    /// <value>The default value is <see cref="int.MinValue"/>.</value>
    public int FromYear { get; init; } = int.MinValue;

    /// <summary>The last year kept.</summary>
    /// <value>The default value is <see cref="int.MaxValue"/>.</value>
    public int ToYear { get; init; } = int.MaxValue;

    /// <summary>A region tree every region id must belong to (e.g. the network's); <see langword="null"/> checks nothing.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public RegionTree? Regions { get; init; }

    /// <summary>What to do with an id <see cref="Regions"/> does not know.</summary>
    /// <value>The default value is <see cref="UnknownIndicatorRegion.Throw"/>.</value>
    public UnknownIndicatorRegion UnknownRegions { get; init; } = UnknownIndicatorRegion.Throw;
}

/// <summary>
/// An external regional indicator panel (GDP per capita, R&amp;D spending, ...): values by region, year and indicator,
/// read from CSV. Join it with trajectories by <see cref="IndicatorJoin.JoinIndicators"/>. Immutable.
/// </summary>
/// <remarks>
/// <para>Two layouts are read (comma-separated, header row, invariant culture, Sep):</para>
/// <list type="bullet">
/// <item>long (tidy): columns region, year, <c>indicator</c>, <c>value</c> (others, e.g. <c>source</c>, are ignored),
/// one row per region, year and indicator, as <c>shared/data/indicators/*.csv</c>; a repeated (region, year, indicator)
/// is a <see cref="DuplicateIdException"/>;</item>
/// <item>wide: columns region, year, then one column per indicator; a repeated (region, year) is a
/// <see cref="DuplicateIdException"/>.</item>
/// </list>
/// <para>An empty value, <c>NA</c> or <c>NaN</c> is missing (not stored). A value or year that is not a number is a
/// <see cref="CsvFormatException"/> naming file, line, column and value. Region ids are kept as written (case-sensitive;
/// map codes such as EL → GR before reading). With <see cref="IndicatorReadOptions.Regions"/> an unknown id throws
/// <see cref="ReferentialIntegrityException"/> with suggestions, or with <see cref="UnknownIndicatorRegion.Skip"/> its
/// rows are skipped and counted. Without a tree nothing is checked at read time; the join reports regions of the
/// network with no indicator data (<see cref="PanelDataset.RegionsWithoutIndicators"/>).</para>
/// </remarks>
public sealed class IndicatorPanel
{
    private readonly Dictionary<string, Dictionary<(string Region, int Year), double>> _values;

    private IndicatorPanel(string source, List<string> indicators, Dictionary<string, Dictionary<(string, int), double>> values,
        List<string> regions, List<int> years, int skipped, List<string> unknown)
    {
        Source = source;
        Indicators = indicators;
        _values = values;
        Regions = regions;
        Years = years;
        SkippedRows = skipped;
        UnknownRegions = unknown;
    }

    /// <summary>The file (or source name) read.</summary>
    public string Source { get; }

    /// <summary>The indicators, in order of first appearance.</summary>
    public IReadOnlyList<string> Indicators { get; }

    /// <summary>The regions with at least one value, in order of first appearance.</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>The years with at least one value, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>Rows skipped because their region was unknown (<see cref="UnknownIndicatorRegion.Skip"/>).</summary>
    public int SkippedRows { get; }

    /// <summary>The unknown region ids skipped, in order of first appearance.</summary>
    public IReadOnlyList<string> UnknownRegions { get; }

    /// <summary>The number of values stored for an indicator.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The count (0 for an unknown indicator).</returns>
    public int Count(string indicator) => _values.TryGetValue(indicator, out var d) ? d.Count : 0;

    /// <summary>A value, or NaN when missing.</summary>
    /// <param name="region">The region id.</param>
    /// <param name="year">The year.</param>
    /// <param name="indicator">The indicator.</param>
    /// <exception cref="KeyNotFoundException">No such indicator; the message lists them.</exception>
    public double this[string region, int year, string indicator] =>
        Indicator(indicator).TryGetValue((region, year), out var v) ? v : double.NaN;

    /// <summary>Reads a panel from a file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The panel.</returns>
    /// <exception cref="GlocalDataException">A malformed cell, a duplicate key or an unknown region.</exception>
    public static IndicatorPanel Read(string path, IndicatorReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var input = CsvInput.FromFile(path);
        return Read(input.Open(), input.Name, options);
    }

    /// <summary>Reads a panel from text.</summary>
    /// <param name="reader">The CSV text (disposed).</param>
    /// <param name="name">The name used in messages.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The panel.</returns>
    /// <exception cref="GlocalDataException">A malformed cell, a duplicate key or an unknown region.</exception>
    public static IndicatorPanel Read(TextReader reader, string name, IndicatorReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        options ??= new IndicatorReadOptions();
        using var src = CsvSource.Open(reader, name, ',');
        var region = options.RegionColumn is { } rc ? src.Required(rc)
            : src.Optional("region") is var r1 and >= 0 ? r1
            : src.Optional("region_code") is var r2 and >= 0 ? r2
            : src.Required("id");
        var year = src.Required(options.YearColumn);
        int indicatorCol = src.Optional("indicator"), valueCol = src.Optional("value");
        var longLayout = indicatorCol >= 0 && valueCol >= 0;
        var wanted = options.Indicators is null ? null : new HashSet<string>(options.Indicators, StringComparer.Ordinal);
        var wide = new List<(int Column, string Name)>();
        if (!longLayout)
        {
            for (var c = 0; c < src.ColumnCount; c++)
            {
                if (c != region && c != year && (wanted is null || wanted.Contains(src.HeaderName(c))))
                {
                    wide.Add((c, src.HeaderName(c)));
                }
            }
        }

        var values = new Dictionary<string, Dictionary<(string, int), double>>(StringComparer.Ordinal);
        var indicators = new List<string>();
        var firstLine = new Dictionary<(string, int, string), long>();
        var regions = new List<string>();
        var regionSet = new HashSet<string>(StringComparer.Ordinal);
        var years = new SortedSet<int>();
        var unknown = new List<string>();
        var unknownSet = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var row in src.Reader)
        {
            if (src.CheckFieldCount(row) is { } bad)
            {
                throw bad;
            }

            var line = (long)row.LineNumberFrom;
            var id = row[region].Span.Trim().ToString();
            if (id.Length == 0)
            {
                throw src.Format(line, region, id, "is empty; every row needs a region id.");
            }

            var ys = row[year].Span.Trim();
            if (!int.TryParse(ys, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
            {
                throw src.Format(line, year, ys, "is not a year; expected an integer such as '2015'.");
            }

            if (y < options.FromYear || y > options.ToYear)
            {
                continue;
            }

            if (longLayout && wanted is not null && !wanted.Contains(row[indicatorCol].Span.Trim().ToString()))
            {
                continue;
            }

            if (options.Regions is { } tree && !tree.TryGet(id, out _))
            {
                if (options.UnknownRegions == UnknownIndicatorRegion.Throw)
                {
                    var ids = new List<string>();
                    foreach (var reg in tree)
                    {
                        ids.Add(reg.Id);
                    }

                    var sug = Suggestions.Closest(id, ids);
                    throw new ReferentialIntegrityException(src.Name, line, src.HeaderName(region), id,
                        "is not a region of the network's region tree." + Suggestions.DidYouMean(sug), sug);
                }

                skipped++;
                if (unknownSet.Add(id))
                {
                    unknown.Add(id);
                }

                continue;
            }

            if (longLayout)
            {
                var ind = row[indicatorCol].Span.Trim().ToString();
                if (ind.Length == 0)
                {
                    throw src.Format(line, indicatorCol, ind, "is empty; every row needs an indicator name.");
                }

                Store(src, line, valueCol, row[valueCol].Span.Trim(), id, y, ind);
            }
            else
            {
                foreach (var (c, ind) in wide)
                {
                    Store(src, line, c, row[c].Span.Trim(), id, y, ind);
                }

                if (wide.Count == 0)
                {
                    Store(src, line, year, default, id, y, string.Empty);
                }
            }
        }

        return new IndicatorPanel(src.Name, indicators, values, regions, [.. years], skipped, unknown);

        void Store(CsvSource s, long line, int column, ReadOnlySpan<char> cell, string id, int y, string ind)
        {
            var key = (id, y, longLayout ? ind : string.Empty);
            if (!firstLine.TryAdd(key, line) && (longLayout || wide.Count == 0 || column == wide[0].Column))
            {
                throw new DuplicateIdException(s.Name, line, longLayout ? "indicator" : s.HeaderName(region),
                    string.Create(CultureInfo.InvariantCulture, $"{id}, {y}{(longLayout ? ", " + ind : string.Empty)}"), firstLine[key]);
            }

            if (ind.Length == 0 || cell.IsEmpty || cell.SequenceEqual("NA") || cell.SequenceEqual("NaN"))
            {
                return;
            }

            if (!CsvCells.TryDouble(cell, out var v) || !double.IsFinite(v))
            {
                throw s.Format(line, column, cell, "is not a number; expected an invariant-culture decimal such as '1234.5' (empty or 'NA' for missing).");
            }

            if (!values.TryGetValue(ind, out var d))
            {
                d = new Dictionary<(string, int), double>();
                values[ind] = d;
                indicators.Add(ind);
            }

            d[(id, y)] = v;
            years.Add(y);
            if (regionSet.Add(id))
            {
                regions.Add(id);
            }
        }
    }

    internal Dictionary<(string Region, int Year), double> Indicator(string indicator) =>
        _values.TryGetValue(indicator, out var d) ? d
        : throw new KeyNotFoundException($"The indicator panel '{Source}' has no indicator '{indicator}'; it has '{string.Join("', '", Indicators)}'.{Suggestions.DidYouMean(Suggestions.Closest(indicator, Indicators))}");

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Source}: {Indicators.Count} indicator(s), {Regions.Count} regions, years {(Years.Count == 0 ? "none" : Years[0] + "-" + Years[^1])}");
}
