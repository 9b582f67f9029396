using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Glocal;

/// <summary>Options of <see cref="RegionFlowsMetric"/>.</summary>
public sealed record RegionFlowsOptions
{
    /// <summary>The region level of the matrix's rows and columns, e.g. <c>country</c>; <see langword="null"/>: the analysis
    /// level, else <see cref="InnovatorGroups.DefaultLevel"/> (the finest regional level, e.g. province).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>Whether F sums link weights; <see langword="false"/> counts links (parallel links each count 1).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Weighted { get; init; } = true;

    /// <summary>Whether to read links as directed (F_RS = arcs from R to S; an undirected link then flows both ways);
    /// <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }

    /// <summary>The largest number of regions stored as a dense matrix (tests lower it to exercise the sparse path).</summary>
    internal int DenseLimit { get; init; } = GroupFlows.DenseLimit;
}

/// <summary>
/// Region flows: the region-by-region flow matrix F = MᵀAM at a level (DESIGN 2.7), M the n × r membership matrix of the
/// regions at that level that hold innovators and A the weighted adjacency matrix.
/// </summary>
/// <remarks>
/// <para>Id <c>region-flows</c>. A <see cref="MatrixResult"/> whose rows and columns are the region ids at the level that
/// hold at least one innovator, in region-tree order (<see cref="InnovatorGroups.ByLevel"/>).</para>
/// <para>Undirected: F_RS (R ≠ S) is the weight of the links between R and S (F is symmetric); F_RR is the weight of R's
/// internal links (A stores them twice, so the diagonal is halved); Σ_{R≤S} F_RS is the total weight of the links whose
/// two ends are grouped. Directed: F_RS is the weight of the arcs from R to S, the diagonal the internal arc weight, and
/// Σ F the total arc weight. Parallel links are summed (or counted, with <see cref="RegionFlowsOptions.Weighted"/> off).</para>
/// <para>Innovators located above the level (a country-only address at province level) have no region: their links are
/// left out of F and reported, never dropped silently. Properties: <c>level</c>, <c>regions</c> (r), <c>ungrouped</c>
/// (innovators without a region at the level), <c>ungroupedWeight</c> (weight of the links with such an end),
/// <c>total</c> (all links' weight: Σ F, off-diagonal once when undirected, plus <c>ungroupedWeight</c>),
/// <c>weighted</c>, <c>directed</c>, <c>storage</c> (<c>dense</c> or <c>sparse</c>).</para>
/// <para>Computed in one pass over the CSR (for each stored entry (i, j, w): F[g(i), g(j)] += w), never as a dense n × n
/// matrix: time O(n + m + r²), memory O(r²) when r ≤ 2048 (a dense MathNet matrix; an undirected pass reads each link
/// once and symmetrises); otherwise entries are bucketed by row of F in CSR order and each row is summed into a sparse
/// MathNet matrix, O(m + nnz(F)) memory. Parallel over fixed row chunks with per-chunk accumulators (or bucket ranges)
/// combined in chunk order: bit-identical for any degree of parallelism. Cancellation is checked every 1024
/// rows. Empty network: an r × r zero matrix (0 × 0 without innovators).</para>
/// <para>Checked against a dense numpy MᵀAM (<c>tests/oracles/region_flows.py</c>) on seeded random networks,
/// one directed.</para>
/// </remarks>
public sealed class RegionFlowsMetric : Metric<RegionFlowsOptions, MatrixResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "region-flows";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Region-by-region flow matrix F = MᵀAM at a level: link weight between and within regions.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Matrix;

    /// <inheritdoc/>
    public override MatrixResult Compute(MetricContext context, RegionFlowsOptions options)
    {
        var level = InnovatorGroups.ResolveLevel(context, options.Level);
        var groups = InnovatorGroups.Resolve(context, null, null, level);
        var directed = options.Directed ?? context.Network.Links.AllDirected;
        var g = context.Graph(FlowView(directed, options.Weighted));
        var flows = GroupFlows.Compute(g, groups.GroupOf, groups.Count, !directed, context.MaxDegreeOfParallelism, context.CancellationToken,
            options.DenseLimit, (done, total) => context.ReportProgress(MetricId, done, total));
        var matrix = ToMatrix(flows);
        var covered = 0.0;
        foreach (var (i, j, v) in matrix.EnumerateIndexed(Zeros.AllowSkip))
        {
            covered += directed || i <= j ? v : 0;
        }

        var props = new Dictionary<string, string>
        {
            ["level"] = level,
            ["regions"] = groups.Count.ToString(CultureInfo.InvariantCulture),
            ["ungrouped"] = groups.UngroupedCount.ToString(CultureInfo.InvariantCulture),
            ["ungroupedWeight"] = flows.UngroupedWeight.ToString("R", CultureInfo.InvariantCulture),
            ["total"] = (covered + flows.UngroupedWeight).ToString("R", CultureInfo.InvariantCulture),
            ["weighted"] = options.Weighted ? "true" : "false",
            ["directed"] = directed ? "true" : "false",
            ["storage"] = flows.IsDense ? "dense" : "sparse",
        };
        return new MatrixResult(Id, groups.Ids, groups.Ids, matrix, props);
    }

    /// <summary>The graph view flows are computed on: weights summed, or links counted (parallel links each count 1).</summary>
    /// <param name="directed">Whether directed.</param>
    /// <param name="weighted">Whether weighted.</param>
    /// <returns>The view.</returns>
    internal static GraphView FlowView(bool directed, bool weighted) => new()
    {
        Directed = directed,
        Weighted = weighted,
        Parallel = weighted ? ParallelLinkPolicy.Sum : ParallelLinkPolicy.Count,
        SelfLoops = SelfLoopPolicy.Ignore,
    };

    private static Matrix<double> ToMatrix(FlowMatrix f) => f.IsDense
        ? Matrix<double>.Build.Dense(f.Size, f.Size, f.Dense!)
        : Matrix<double>.Build.SparseFromCompressedSparseRowFormat(f.Size, f.Size, f.Values!.Length, f.RowPointers!, f.Columns!, f.Values);
}
