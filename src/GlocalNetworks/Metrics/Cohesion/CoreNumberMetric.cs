using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Cohesion;

/// <summary>Options of <see cref="CoreNumberMetric"/> (networkx's <c>core_number</c> has none).</summary>
public sealed record CoreNumberOptions
{
    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is. On a
    /// directed network the degree is in + out, so a reciprocated pair counts twice, as networkx.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>Core numbers (k-cores), as networkx 3.6.1's <c>core_number</c>.</summary>
/// <remarks>
/// <para>Id <c>core-number</c>. The k-core is the largest subgraph in which every innovator has at least k neighbours;
/// an innovator's core number is the largest k whose k-core contains it. Undirected networks use the number of distinct
/// neighbours (parallel links count once). Directed networks use in-degree + out-degree over distinct arcs, so a
/// reciprocated pair counts twice, exactly as networkx on a DiGraph; igraph's <c>coreness(mode="all")</c> agrees.</para>
/// <para>Edge cases: empty network, an empty table; isolated innovators have core number 0; a clique of k innovators
/// gives k - 1. Self-loops are ignored (networkx raises on them; knowledge links have none, region networks may).</para>
/// <para>Time O(n + m), Batagelj-Zaversnik bin sort, sequential. Result properties: <c>directed</c>, <c>max-core</c>
/// (the degeneracy).</para>
/// <para>Reference: V. Batagelj, M. Zaversnik (2003), "An O(m) algorithm for cores decomposition of networks",
/// arXiv:cs/0310049; S. B. Seidman (1983), "Network structure and minimum degree", Social Networks 5(3), 269-287.</para>
/// </remarks>
public sealed class CoreNumberMetric : Metric<CoreNumberOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "core-number";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Core number: the largest k such that the innovator lies in the k-core (networkx core_number).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, CoreNumberOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var directed = options.Directed ?? context.Network.Links.AllDirected;
        var core = context.GetOrAdd(new CacheKey("core-number", directed), c => Cores(c, directed));
        var values = new double[core.Length];
        var max = 0;
        for (var v = 0; v < core.Length; v++)
        {
            values[v] = core[v];
            max = Math.Max(max, core[v]);
        }

        return new NodeTable(Id, context.InnovatorIds, values, new Dictionary<string, string>
        {
            ["directed"] = directed ? "true" : "false",
            ["max-core"] = max.ToString(CultureInfo.InvariantCulture),
        });
    }

    private static int[] Cores(MetricContext context, bool directed)
    {
        if (!directed)
        {
            return KCore.CoreNumbers(context.Graph(GraphView.UndirectedUnweighted), useMultiplicity: false, context.CancellationToken,
                done => context.ReportProgress(MetricId, done, context.Network.Innovators.Count));
        }

        // Every distinct arc becomes an undirected edge; a reciprocated pair merges into one entry of multiplicity 2.
        var g = context.Graph(GraphView.UndirectedUnweighted with { Directed = true });
        var n = g.NodeCount;
        var src = new int[g.EntryCount];
        var offsets = g.Offsets;
        for (var u = 0; u < n; u++)
        {
            for (var k = offsets[u]; k < offsets[u + 1]; k++)
            {
                src[k] = u;
            }
        }

        var multigraph = CsrGraph.Build(src, g.Targets, ReadOnlySpan<double>.Empty, n, directed: false, ParallelLinkPolicy.Count, SelfLoopPolicy.Ignore);
        return KCore.CoreNumbers(multigraph, useMultiplicity: true, context.CancellationToken, done => context.ReportProgress(MetricId, done, n));
    }
}
