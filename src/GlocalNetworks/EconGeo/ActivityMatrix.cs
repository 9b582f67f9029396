using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Glocal;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.EconGeo;

/// <summary>What <see cref="ActivityMatrix.FromNetwork"/> counts in a region × field cell.</summary>
public enum ActivityCount
{
    /// <summary>Innovators: x_cp is the number of innovators located in region c whose field is p.</summary>
    Innovators,

    /// <summary>Participations: x_cp is the number of link ends at innovators of region c and field p (an innovator with
    /// degree 3 adds 3; a link between two innovators of the same cell adds 2). This is the full count of co-patents,
    /// co-publications or joint projects per participant.</summary>
    Participations,

    /// <summary>Like <see cref="Participations"/> but each link end adds the link's weight.</summary>
    Weight,
}

/// <summary>
/// A region × field activity matrix X (x_cp ≥ 0: patents, publications, projects or innovators of region c in technology
/// field p), the input of every economic-geography indicator (<see cref="EconGeoIndicators"/>). Immutable.
/// </summary>
/// <remarks>
/// <para>Storage is sparse, CSR-style: for each region the fields with x_cp &gt; 0 in ascending field order and their values;
/// zero cells are not stored. Row sums, column sums and the total are computed once. Memory is O(r + f + nnz).</para>
/// <para>Build it from a CSV file (<see cref="ReadCsv"/>, long form <c>region,field,count</c>), from a MathNet matrix
/// (<see cref="Create(IReadOnlyList{string}, IReadOnlyList{string}, Matrix{double}, string)"/>), or from a network
/// (<see cref="FromNetwork"/>: innovators' regions at a level × an innovator grouping such as an attribute;
/// <see cref="FromLinkKinds"/>: regions × link kinds).</para>
/// <para>The same type serves as an incidence matrix of fields (rows) × events (columns) for
/// <see cref="EconGeoIndicators.CoOccurrence"/>; <see cref="Transpose"/> swaps the axes.</para>
/// </remarks>
public sealed class ActivityMatrix
{
    private readonly string[] _rowIds;
    private readonly string[] _columnIds;
    private readonly int[] _offsets;
    private readonly int[] _columns;
    private readonly double[] _values;
    private readonly double[] _rowSums;
    private readonly double[] _columnSums;
    private Dictionary<string, int>? _rowIndex;
    private Dictionary<string, int>? _columnIndex;

    internal ActivityMatrix(string[] rowIds, string[] columnIds, int[] offsets, int[] columns, double[] values, string level,
        int unassigned = 0)
    {
        _rowIds = rowIds;
        _columnIds = columnIds;
        _offsets = offsets;
        _columns = columns;
        _values = values;
        Level = level;
        UnassignedCount = unassigned;
        _rowSums = new double[rowIds.Length];
        _columnSums = new double[columnIds.Length];
        double total = 0;
        for (var c = 0; c < rowIds.Length; c++)
        {
            double s = 0;
            for (var k = offsets[c]; k < offsets[c + 1]; k++)
            {
                s += values[k];
                _columnSums[columns[k]] += values[k];
            }

            _rowSums[c] = s;
            total += s;
        }

        Total = total;
    }

    /// <summary>The region (row) ids, in row order.</summary>
    public IReadOnlyList<string> RegionIds => _rowIds;

    /// <summary>The field (column) ids, in column order.</summary>
    public IReadOnlyList<string> FieldIds => _columnIds;

    /// <summary>The number of regions (rows).</summary>
    public int RegionCount => _rowIds.Length;

    /// <summary>The number of fields (columns).</summary>
    public int FieldCount => _columnIds.Length;

    /// <summary>The number of stored (non-zero) cells.</summary>
    public int NonZeroCount => _values.Length;

    /// <summary>What the rows are: the level id when built from a network (<c>province</c>), else <c>region</c>. Used as
    /// the level of the <see cref="Metrics.RegionTable"/> results.</summary>
    public string Level { get; }

    /// <summary>The number of innovators (or link ends) left out because they had no region at the level or no field.</summary>
    public int UnassignedCount { get; }

    /// <summary>Σ_cp x_cp.</summary>
    public double Total { get; }

    /// <summary>Row sums Σ_p x_cp, by region.</summary>
    public ReadOnlySpan<double> RegionTotals => _rowSums;

    /// <summary>Column sums Σ_c x_cp, by field.</summary>
    public ReadOnlySpan<double> FieldTotals => _columnSums;

    /// <summary>The fields of region <paramref name="region"/> with x_cp &gt; 0, ascending.</summary>
    /// <param name="region">A region (row) index.</param>
    /// <returns>The field indices.</returns>
    public ReadOnlySpan<int> FieldsOf(int region) => _columns.AsSpan(_offsets[region], _offsets[region + 1] - _offsets[region]);

    /// <summary>The non-zero values of region <paramref name="region"/>, aligned with <see cref="FieldsOf"/>.</summary>
    /// <param name="region">A region (row) index.</param>
    /// <returns>The values.</returns>
    public ReadOnlySpan<double> ValuesOf(int region) => _values.AsSpan(_offsets[region], _offsets[region + 1] - _offsets[region]);

    internal int[] Offsets => _offsets;

    internal int[] ColumnIndices => _columns;

    internal double[] Values => _values;

    /// <summary>One cell.</summary>
    /// <param name="region">The region (row) index.</param>
    /// <param name="field">The field (column) index.</param>
    public double this[int region, int field]
    {
        get
        {
            var k = Array.BinarySearch(_columns, _offsets[region], _offsets[region + 1] - _offsets[region], field);
            return k >= 0 ? _values[k] : 0;
        }
    }

    /// <summary>One cell by ids.</summary>
    /// <param name="region">The region id.</param>
    /// <param name="field">The field id.</param>
    /// <exception cref="KeyNotFoundException">An id is unknown.</exception>
    public double this[string region, string field] => this[RegionIndex(region), FieldIndex(field)];

    /// <summary>The row index of a region id.</summary>
    /// <param name="region">The region id.</param>
    /// <returns>The index.</returns>
    /// <exception cref="KeyNotFoundException">No such region.</exception>
    public int RegionIndex(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        _rowIndex ??= Index(_rowIds);
        return _rowIndex.TryGetValue(region, out var i) ? i : throw new KeyNotFoundException($"The activity matrix has no region '{region}'.");
    }

    /// <summary>The column index of a field id.</summary>
    /// <param name="field">The field id.</param>
    /// <returns>The index.</returns>
    /// <exception cref="KeyNotFoundException">No such field.</exception>
    public int FieldIndex(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        _columnIndex ??= Index(_columnIds);
        return _columnIndex.TryGetValue(field, out var i) ? i : throw new KeyNotFoundException($"The activity matrix has no field '{field}'.");
    }

    /// <summary>A dense MathNet copy (regions × fields).</summary>
    /// <returns>The matrix.</returns>
    public Matrix<double> ToMatrix()
    {
        var m = Matrix<double>.Build.Dense(RegionCount, FieldCount);
        for (var c = 0; c < RegionCount; c++)
        {
            for (var k = _offsets[c]; k < _offsets[c + 1]; k++)
            {
                m[c, _columns[k]] = _values[k];
            }
        }

        return m;
    }

    /// <summary>The matrix as a result table (regions × fields; CSV in long form, non-zero cells).</summary>
    /// <param name="metricId">The id the result carries.</param>
    /// <returns>The result.</returns>
    public Metrics.MatrixResult ToResult(string metricId = "activity") =>
        new(metricId, _rowIds, _columnIds, ToMatrix(), new Dictionary<string, string> { ["level"] = Level });

    /// <summary>The transpose: fields become rows, regions columns (e.g. to turn regions × fields into the fields ×
    /// regions incidence matrix of <see cref="EconGeoIndicators.CoOccurrence"/>). O(nnz).</summary>
    /// <returns>The transposed matrix; its <see cref="Level"/> is <c>field</c>.</returns>
    public ActivityMatrix Transpose()
    {
        var (offsets, cols, vals) = SparseGram.Transpose(RegionCount, FieldCount, _offsets, _columns, _values);
        return new ActivityMatrix(_columnIds, _rowIds, offsets, cols, vals, "field", UnassignedCount);
    }

    /// <summary>A matrix from dense values.</summary>
    /// <param name="regionIds">Row ids (unique).</param>
    /// <param name="fieldIds">Column ids (unique).</param>
    /// <param name="values">The values, regions × fields; finite and ≥ 0.</param>
    /// <param name="level">What the rows are (the level of region results).</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">The sizes disagree, an id repeats, or a value is negative, NaN or infinite.</exception>
    public static ActivityMatrix Create(IReadOnlyList<string> regionIds, IReadOnlyList<string> fieldIds, Matrix<double> values, string level = "region")
    {
        ArgumentNullException.ThrowIfNull(regionIds);
        ArgumentNullException.ThrowIfNull(fieldIds);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentException.ThrowIfNullOrEmpty(level);
        if (values.RowCount != regionIds.Count || values.ColumnCount != fieldIds.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The values are {values.RowCount} x {values.ColumnCount} but there are {regionIds.Count} region and {fieldIds.Count} field ids."), nameof(values));
        }

        var rows = UniqueIds(regionIds, nameof(regionIds));
        var cols = UniqueIds(fieldIds, nameof(fieldIds));
        var offsets = new int[rows.Length + 1];
        var ci = new List<int>();
        var cv = new List<double>();
        for (var c = 0; c < rows.Length; c++)
        {
            for (var p = 0; p < cols.Length; p++)
            {
                var v = values[c, p];
                if (!double.IsFinite(v) || v < 0)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"The value of region '{rows[c]}' and field '{cols[p]}' is '{v}'; activity counts must be finite and >= 0."), nameof(values));
                }

                if (v > 0)
                {
                    ci.Add(p);
                    cv.Add(v);
                }
            }

            offsets[c + 1] = ci.Count;
        }

        return new ActivityMatrix(rows, cols, offsets, [.. ci], [.. cv], level);
    }

    /// <summary>A matrix from a row-major array of values (convenient in tests and notebooks).</summary>
    /// <param name="regionIds">Row ids.</param>
    /// <param name="fieldIds">Column ids.</param>
    /// <param name="values">The values, <c>values[c, p]</c>.</param>
    /// <param name="level">What the rows are.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">As <see cref="Create(IReadOnlyList{string}, IReadOnlyList{string}, Matrix{double}, string)"/>.</exception>
    public static ActivityMatrix Create(IReadOnlyList<string> regionIds, IReadOnlyList<string> fieldIds, double[,] values, string level = "region")
    {
        ArgumentNullException.ThrowIfNull(values);
        return Create(regionIds, fieldIds, Matrix<double>.Build.DenseOfArray(values), level);
    }

    /// <summary>
    /// Reads a long-form CSV with one row per cell: <c>region,field,count</c> (other columns are ignored; column names are
    /// matched ignoring case). Regions and fields are numbered in order of first appearance; cells not listed are 0, and a
    /// row with count 0 still declares its region and field.
    /// </summary>
    /// <param name="input">The CSV.</param>
    /// <param name="regionColumn">The region column.</param>
    /// <param name="fieldColumn">The field column.</param>
    /// <param name="countColumn">The count column.</param>
    /// <returns>The matrix (level <c>region</c>).</returns>
    /// <exception cref="CsvFormatException">A column is missing, a row has the wrong number of fields, an id is empty, or a
    /// count is not a number or is NaN or infinite.</exception>
    /// <exception cref="InvalidWeightException">A count is negative.</exception>
    /// <exception cref="DuplicateIdException">A (region, field) cell occurs twice; the message names the first line.</exception>
    public static ActivityMatrix ReadCsv(CsvInput input, string regionColumn = "region", string fieldColumn = "field", string countColumn = "count")
    {
        ArgumentNullException.ThrowIfNull(input);
        using var text = input.Open();
        using var src = CsvSource.Open(text, input.Name, ',');
        var rc = src.Required(regionColumn);
        var fc = src.Required(fieldColumn);
        var vc = src.Required(countColumn);
        var regions = new Dictionary<string, int>(StringComparer.Ordinal);
        var fields = new Dictionary<string, int>(StringComparer.Ordinal);
        var cells = new Dictionary<(int, int), (double Value, long Line)>();
        foreach (var row in src.Reader)
        {
            if (src.CheckFieldCount(row) is { } bad)
            {
                throw bad;
            }

            long line = row.LineNumberFrom;
            var r = row[rc].Span.Trim();
            var f = row[fc].Span.Trim();
            var v = row[vc].Span.Trim();
            if (r.IsEmpty)
            {
                throw src.Format(line, rc, r, "is empty; every row needs a region id.");
            }

            if (f.IsEmpty)
            {
                throw src.Format(line, fc, f, "is empty; every row needs a field id.");
            }

            if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            {
                throw src.Format(line, vc, v, "is not a finite number; counts must be numbers >= 0.");
            }

            if (x < 0)
            {
                throw new InvalidWeightException(input.Name, line, src.HeaderName(vc), v.ToString(), "is negative; counts must be >= 0.");
            }

            var ri = Intern(regions, r.ToString());
            var fi = Intern(fields, f.ToString());
            if (cells.TryGetValue((ri, fi), out var first))
            {
                throw new DuplicateIdException(input.Name, line, src.HeaderName(fc), r.ToString() + "," + f.ToString(), first.Line);
            }

            cells.Add((ri, fi), (x, line));
        }

        var rowIds = Keys(regions);
        var colIds = Keys(fields);
        var offsets = new int[rowIds.Length + 1];
        foreach (var ((ri, _), (val, _)) in cells)
        {
            if (val > 0)
            {
                offsets[ri + 1]++;
            }
        }

        return FromCells(rowIds, colIds, offsets, cells, "region");
    }

    /// <summary>
    /// Builds X from a network: rows are the regions at <paramref name="level"/> that hold innovators (in region-tree
    /// order, as <see cref="InnovatorGroups.ByLevel"/>), columns the groups of <paramref name="fields"/> (an innovator
    /// attribute such as a technology class: <see cref="InnovatorGroups.ByAttribute"/>, the kinds, or an explicit map).
    /// </summary>
    /// <remarks>Innovators without a region at the level or without a field are left out; their count (innovators, or link
    /// ends for <see cref="ActivityCount.Participations"/> and <see cref="ActivityCount.Weight"/>) is
    /// <see cref="UnassignedCount"/>. O(n + m).</remarks>
    /// <param name="network">The network.</param>
    /// <param name="level">The level id of the rows.</param>
    /// <param name="fields">The field of each innovator.</param>
    /// <param name="count">What a cell counts.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    /// <exception cref="ArgumentException"><paramref name="fields"/> is for another network (its size differs).</exception>
    public static ActivityMatrix FromNetwork(GlocalNetwork network, string level, InnovatorGroups fields, ActivityCount count = ActivityCount.Innovators)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(fields);
        var regions = InnovatorGroups.ByLevel(network, level);
        if (fields.GroupOf.Length != network.Innovators.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The field groups cover {fields.GroupOf.Length} innovators but the network has {network.Innovators.Count}."), nameof(fields));
        }

        var rg = regions.GroupOf;
        var fg = fields.GroupOf;
        var dense = new double[regions.Count * fields.Count];
        var unassigned = 0;
        if (count == ActivityCount.Innovators)
        {
            for (var i = 0; i < rg.Length; i++)
            {
                if (rg[i] < 0 || fg[i] < 0)
                {
                    unassigned++;
                    continue;
                }

                dense[(rg[i] * fields.Count) + fg[i]] += 1;
            }
        }
        else
        {
            var src = network.Links.Sources;
            var dst = network.Links.Targets;
            var w = network.Links.Weights;
            for (var l = 0; l < src.Length; l++)
            {
                var add = count == ActivityCount.Weight ? w[l] : 1.0;
                unassigned += AddEnd(dense, fields.Count, rg[src[l]], fg[src[l]], add);
                unassigned += AddEnd(dense, fields.Count, rg[dst[l]], fg[dst[l]], add);
            }
        }

        return FromDense([.. regions.Ids], [.. fields.Ids], dense, regions.Level ?? level, unassigned);
    }

    /// <summary>
    /// Builds regions × link kinds: x_ck is the number of link ends of kind k at innovators of region c (level
    /// <paramref name="level"/>); a link with both ends in c counts twice (full count per participant). Only the kinds
    /// that occur are columns, in enum order.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="level">The level id of the rows.</param>
    /// <param name="weighted">Count link weights instead of links.</param>
    /// <returns>The matrix; <see cref="UnassignedCount"/> is the number of link ends whose innovator has no region at the level.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    public static ActivityMatrix FromLinkKinds(GlocalNetwork network, string level, bool weighted = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        var regions = InnovatorGroups.ByLevel(network, level);
        var kinds = network.Links.Kinds;
        var number = new int[256];
        Array.Fill(number, -1);
        foreach (var k in kinds)
        {
            number[(int)k] = 0;
        }

        var ids = new List<string>();
        for (var k = 0; k < number.Length; k++)
        {
            if (number[k] == 0)
            {
                number[k] = ids.Count;
                ids.Add(((LinkKind)k).ToString());
            }
        }

        var rg = regions.GroupOf;
        var src = network.Links.Sources;
        var dst = network.Links.Targets;
        var w = network.Links.Weights;
        var dense = new double[regions.Count * ids.Count];
        var unassigned = 0;
        for (var l = 0; l < src.Length; l++)
        {
            var add = weighted ? w[l] : 1.0;
            var kind = number[(int)kinds[l]];
            unassigned += AddEnd(dense, ids.Count, rg[src[l]], kind, add);
            unassigned += AddEnd(dense, ids.Count, rg[dst[l]], kind, add);
        }

        return FromDense([.. regions.Ids], [.. ids], dense, regions.Level ?? level, unassigned);
    }

    /// <summary>A matrix from a dense row-major array (zeros dropped).</summary>
    internal static ActivityMatrix FromDense(string[] rowIds, string[] colIds, double[] dense, string level, int unassigned = 0)
    {
        var offsets = new int[rowIds.Length + 1];
        var nnz = 0;
        foreach (var v in dense)
        {
            nnz += v > 0 ? 1 : 0;
        }

        var cols = new int[nnz];
        var vals = new double[nnz];
        var at = 0;
        for (var c = 0; c < rowIds.Length; c++)
        {
            for (var p = 0; p < colIds.Length; p++)
            {
                var v = dense[(c * colIds.Length) + p];
                if (v > 0)
                {
                    cols[at] = p;
                    vals[at++] = v;
                }
            }

            offsets[c + 1] = at;
        }

        return new ActivityMatrix(rowIds, colIds, offsets, cols, vals, level, unassigned);
    }

    private static int AddEnd(double[] dense, int fieldCount, int region, int field, double add)
    {
        if (region < 0 || field < 0)
        {
            return 1;
        }

        dense[(region * fieldCount) + field] += add;
        return 0;
    }

    private static ActivityMatrix FromCells(string[] rowIds, string[] colIds, int[] offsets, Dictionary<(int, int), (double Value, long Line)> cells, string level)
    {
        for (var c = 0; c < rowIds.Length; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        var next = (int[])offsets.Clone();
        var cols = new int[offsets[^1]];
        var vals = new double[cols.Length];
        foreach (var ((ri, fi), (val, _)) in cells)
        {
            if (val > 0)
            {
                var at = next[ri]++;
                cols[at] = fi;
                vals[at] = val;
            }
        }

        for (var c = 0; c < rowIds.Length; c++)
        {
            Array.Sort(cols, vals, offsets[c], offsets[c + 1] - offsets[c]);
        }

        return new ActivityMatrix(rowIds, colIds, offsets, cols, vals, level);
    }

    private static int Intern(Dictionary<string, int> map, string id)
    {
        if (!map.TryGetValue(id, out var i))
        {
            i = map.Count;
            map.Add(id, i);
        }

        return i;
    }

    private static string[] Keys(Dictionary<string, int> map)
    {
        var ids = new string[map.Count];
        foreach (var (id, i) in map)
        {
            ids[i] = id;
        }

        return ids;
    }

    private static string[] UniqueIds(IReadOnlyList<string> ids, string name)
    {
        var result = new string[ids.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < result.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(ids[i], name);
            if (!seen.Add(ids[i]))
            {
                throw new ArgumentException($"The id '{ids[i]}' occurs twice; ids must be unique.", name);
            }

            result[i] = ids[i];
        }

        return result;
    }

    private static Dictionary<string, int> Index(string[] ids)
    {
        var d = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            d[ids[i]] = i;
        }

        return d;
    }
}
