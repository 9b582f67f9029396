using System;
using System.Collections.Generic;
using System.Globalization;

namespace GlocalNetworks.Metrics;

/// <summary>
/// A metric tested against a null model: one row per statistic the metric produced (each network value of a
/// <see cref="ScalarResult"/>, each cell of a keyed table or matrix, each part of a <see cref="CompositeResult"/>), with the
/// observed value, the mean and standard deviation over the replicates, the z-score and the empirical p-values
/// (DESIGN 2.11). Made by <c>GlocalNetworks.NullModels.Significance</c> or by <c>Analyze()...Against(...)</c>.
/// </summary>
/// <remarks>
/// <para>Row ids (the <c>statistic</c> column of the CSV): the value name of a scalar result (<c>value</c> when it has one
/// value); the row id of a keyed table when the column is <c>value</c>, else <c>ROW.COLUMN</c>; <c>ROW.COLUMN</c> for a
/// matrix cell; each prefixed <c>PART/</c> inside a composite result. <see cref="IndexOf"/> finds a statistic from its
/// parts without building the id. Statistics come part by part; a keyed table column by column, rows in table order; a
/// matrix row by row.</para>
/// <para>Columns: <c>observed</c> (t0), <c>mean</c> and <c>sd</c> (sample standard deviation, n - 1) of the replicate values
/// t*, <c>z</c> = (t0 - mean) / sd (NaN when sd = 0 or fewer than two replicates), <c>p-upper</c> = (1 + #{t* ≥ t0}) /
/// (R + 1), <c>p-lower</c> = (1 + #{t* ≤ t0}) / (R + 1), <c>p-two</c> = min(1, 2 min(p-upper, p-lower)) (Phipson &amp; Smyth
/// 2010), and <c>replicates</c>, the R that entered the statistic: replicates whose value is NaN or missing are left out.
/// A replicate value within a relative 1e-12 of t0 counts as a tie (both ≥ and ≤); when all replicate values agree within a
/// relative 1e-12, sd is 0. A NaN observed value gives NaN everywhere but <c>replicates</c>.</para>
/// </remarks>
public sealed class SignificanceTable : KeyedTable
{
    /// <summary>The observed value column.</summary>
    public const string ObservedColumn = "observed";

    /// <summary>The replicate mean column.</summary>
    public const string MeanColumn = "mean";

    /// <summary>The replicate standard deviation column (n - 1).</summary>
    public const string SdColumn = "sd";

    /// <summary>The z-score column.</summary>
    public const string ZColumn = "z";

    /// <summary>The upper-tail p-value column.</summary>
    public const string PUpperColumn = "p-upper";

    /// <summary>The lower-tail p-value column.</summary>
    public const string PLowerColumn = "p-lower";

    /// <summary>The two-sided p-value column.</summary>
    public const string PTwoColumn = "p-two";

    /// <summary>The column counting the replicates that entered each statistic.</summary>
    public const string ReplicatesColumn = "replicates";

    private readonly string?[] _parts;
    private readonly string[] _rows;
    private readonly string[] _columns;

    /// <summary>Creates the table.</summary>
    /// <param name="metricId">The tested metric.</param>
    /// <param name="ids">The statistic ids.</param>
    /// <param name="parts">Each statistic's part of a composite result, or <see langword="null"/>.</param>
    /// <param name="rows">Each statistic's row (row id, or the value name of a scalar result).</param>
    /// <param name="columns">Each statistic's column (<c>value</c> for a scalar result).</param>
    /// <param name="values">The columns <c>observed</c> ... <c>replicates</c>, each with one value per statistic.</param>
    /// <param name="nullModel">The null model's name.</param>
    /// <param name="replicates">The replicates drawn (R).</param>
    /// <param name="seed">The master seed.</param>
    /// <param name="attemptLimitHits">How many replicates stopped at the null model's attempt limit.</param>
    /// <param name="properties">Further facts, or <see langword="null"/>.</param>
    internal SignificanceTable(string metricId, IReadOnlyList<string> ids, IReadOnlyList<string?> parts, IReadOnlyList<string> rows,
        IReadOnlyList<string> columns, IReadOnlyList<KeyValuePair<string, double[]>> values, string nullModel, int replicates, ulong seed,
        int attemptLimitHits, IReadOnlyDictionary<string, string>? properties = null)
        : base(metricId, MetricScope.Group, ids, values, Facts(nullModel, replicates, seed, attemptLimitHits, properties))
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (parts.Count != ids.Count || rows.Count != ids.Count || columns.Count != ids.Count)
        {
            throw new ArgumentException("parts, rows and columns must have one entry per statistic id.", nameof(ids));
        }

        _parts = [.. parts];
        _rows = [.. rows];
        _columns = [.. columns];
        NullModel = nullModel;
        Replicates = replicates;
        Seed = seed;
        AttemptLimitHits = attemptLimitHits;
    }

    /// <summary>The null model's name (e.g. <c>degree-preserving</c>).</summary>
    public string NullModel { get; }

    /// <summary>The replicates drawn (R).</summary>
    public int Replicates { get; }

    /// <summary>The master seed: replicate k drew from stream k of it.</summary>
    public ulong Seed { get; }

    /// <summary>How many replicates stopped at the null model's attempt limit (less randomised than asked).</summary>
    public int AttemptLimitHits { get; }

    /// <summary>Each statistic's part of a composite result, or <see langword="null"/>.</summary>
    public IReadOnlyList<string?> StatisticParts => _parts;

    /// <summary>Each statistic's row: a row id, or the value name of a scalar result.</summary>
    public IReadOnlyList<string> StatisticRows => _rows;

    /// <summary>Each statistic's column (<c>value</c> for a scalar result).</summary>
    public IReadOnlyList<string> StatisticColumns => _columns;

    /// <inheritdoc/>
    protected override string KeyName => "statistic";

    /// <summary>The statistic id for a cell: see the remarks of <see cref="SignificanceTable"/>.</summary>
    /// <param name="row">The row id (or a scalar's value name).</param>
    /// <param name="column">The column.</param>
    /// <param name="part">The part of a composite result, or <see langword="null"/>.</param>
    /// <returns>The id.</returns>
    public static string StatisticId(string row, string column = ValueColumn, string? part = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(column);
        var cell = string.Equals(column, ValueColumn, StringComparison.Ordinal) ? row : row + "." + column;
        return part is null ? cell : part + "/" + cell;
    }

    /// <summary>The index of the statistic for a cell, or -1.</summary>
    /// <param name="row">The row id (or a scalar's value name).</param>
    /// <param name="column">The column.</param>
    /// <param name="part">The part of a composite result, or <see langword="null"/>.</param>
    /// <returns>The row index in this table, or -1.</returns>
    public int IndexOf(string row, string column = ValueColumn, string? part = null)
    {
        for (var i = 0; i < _rows.Length; i++)
        {
            if (string.Equals(_rows[i], row, StringComparison.Ordinal) && string.Equals(_columns[i], column, StringComparison.Ordinal)
                && string.Equals(_parts[i], part, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static Dictionary<string, string> Facts(string nullModel, int replicates, ulong seed, int hits, IReadOnlyDictionary<string, string>? more)
    {
        ArgumentException.ThrowIfNullOrEmpty(nullModel);
        var d = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["null-model"] = nullModel,
            ["replicates"] = replicates.ToString(CultureInfo.InvariantCulture),
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["attempt-limit-hits"] = hits.ToString(CultureInfo.InvariantCulture),
        };
        if (more is not null)
        {
            foreach (var (k, v) in more)
            {
                d[k] = v;
            }
        }

        return d;
    }
}
