using System.Collections.Generic;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Centrality;

/// <summary>Options of <see cref="DegreeMetric"/>.</summary>
public sealed record DegreeOptions
{
    /// <summary>Divide by n - 1, as networkx's <c>degree_centrality</c> does.</summary>
    /// <value>The default value is <see langword="false"/> (raw degree, as networkx's <c>G.degree</c>).</value>
    public bool Normalized { get; init; }

    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>Degree: the number of distinct neighbours of each innovator (parallel links count once).</summary>
/// <remarks>
/// <para>Id <c>degree</c>. Undirected: column <c>value</c>. Directed: <c>value</c> = in + out, and <c>in</c>, <c>out</c>.
/// With <see cref="DegreeOptions.Normalized"/> every column is divided by n - 1 (networkx <c>degree_centrality</c>,
/// <c>in_degree_centrality</c>, <c>out_degree_centrality</c>); n ≤ 1 gives 1 for the single node, as networkx.</para>
/// <para>Time O(n); isolated innovators have 0. Empty network: empty table.</para>
/// </remarks>
public sealed class DegreeMetric : Metric<DegreeOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "degree";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Number of distinct neighbours of each innovator (in, out and total when directed).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, DegreeOptions options)
    {
        var g = context.Graph(GraphView.UndirectedUnweighted with { Directed = options.Directed ?? context.Network.Links.AllDirected });
        var n = g.NodeCount;
        var scale = !options.Normalized ? 1.0 : n <= 1 ? 1.0 : 1.0 / (n - 1);
        var props = new Dictionary<string, string> { ["directed"] = g.IsDirected ? "true" : "false", ["normalized"] = options.Normalized ? "true" : "false" };
        if (!g.IsDirected)
        {
            var d = new double[n];
            for (var v = 0; v < n; v++)
            {
                d[v] = g.Degree(v) * scale;
            }

            return new NodeTable(Id, context.InnovatorIds, d, props);
        }

        var t = g.Transpose();
        var total = new double[n];
        var din = new double[n];
        var dout = new double[n];
        for (var v = 0; v < n; v++)
        {
            din[v] = t.Degree(v) * scale;
            dout[v] = g.Degree(v) * scale;
            total[v] = (t.Degree(v) + g.Degree(v)) * scale;
        }

        return new NodeTable(Id, context.InnovatorIds,
            [KeyedTable.Col(KeyedTable.ValueColumn, total), KeyedTable.Col("in", din), KeyedTable.Col("out", dout)], props);
    }
}

/// <summary>Options of <see cref="StrengthMetric"/>.</summary>
public sealed record StrengthOptions
{
    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }

    /// <summary>How parallel links merge before summing (Sum keeps the total weight).</summary>
    /// <value>The default value is <see cref="ParallelLinkPolicy.Sum"/>.</value>
    public ParallelLinkPolicy Parallel { get; init; } = ParallelLinkPolicy.Sum;
}

/// <summary>Strength: the total weight of each innovator's links (networkx <c>G.degree(weight="weight")</c>).</summary>
/// <remarks>
/// <para>Id <c>strength</c>. s(v) = Σ<sub>u</sub> w<sub>vu</sub>. Directed: <c>value</c> = in + out, with <c>in</c> and <c>out</c>.</para>
/// <para>Time O(n + m). Isolated innovators have 0. Empty network: empty table.</para>
/// </remarks>
public sealed class StrengthMetric : Metric<StrengthOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "strength";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Total link weight of each innovator (in, out and total when directed).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, StrengthOptions options)
    {
        var g = context.Graph(GraphView.UndirectedWeighted with { Directed = options.Directed ?? context.Network.Links.AllDirected, Parallel = options.Parallel });
        var n = g.NodeCount;
        var props = new Dictionary<string, string> { ["directed"] = g.IsDirected ? "true" : "false" };
        var outS = new double[n];
        for (var v = 0; v < n; v++)
        {
            outS[v] = g.Strength(v);
        }

        if (!g.IsDirected)
        {
            return new NodeTable(Id, context.InnovatorIds, outS, props);
        }

        var t = g.Transpose();
        var inS = new double[n];
        var total = new double[n];
        for (var v = 0; v < n; v++)
        {
            inS[v] = t.Strength(v);
            total[v] = inS[v] + outS[v];
        }

        return new NodeTable(Id, context.InnovatorIds, [KeyedTable.Col(KeyedTable.ValueColumn, total), KeyedTable.Col("in", inS), KeyedTable.Col("out", outS)], props);
    }
}
