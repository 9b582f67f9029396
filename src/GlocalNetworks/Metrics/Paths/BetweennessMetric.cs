using System;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Paths;

/// <summary>Options of <see cref="BetweennessMetric"/> (networkx 3.6.1 <c>betweenness_centrality</c>).</summary>
public sealed record BetweennessOptions
{
    /// <summary>Divide by the number of (s, t) pairs that could pass through a node: 1/((n-1)(n-2)) on the ordered-pair
    /// sum (= 2/((n-1)(n-2)) on the unordered-pair sum of an undirected graph). Unnormalised undirected scores are halved.</summary>
    /// <value>The default value is <see langword="true"/> (networkx <c>normalized=True</c>).</value>
    public bool Normalized { get; init; } = true;

    /// <summary>Use link weights as path LENGTHS (Dijkstra), as networkx's <c>weight="weight"</c> does; a strong tie is
    /// then a long path. For tie strengths, transform the weights first (e.g. 1/w).</summary>
    /// <value>The default value is <see langword="false"/> (networkx <c>weight=None</c>: every link has length 1).</value>
    public bool Weighted { get; init; }

    /// <summary>Count each path's endpoints as passing through them (networkx <c>endpoints=True</c>).</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Endpoints { get; init; }

    /// <summary>Estimate from k seeded sources (networkx <c>k</c>) instead of every node; the scores are rescaled as
    /// networkx 3.6.1 does. <see langword="null"/> or k ≥ n: exact.</summary>
    /// <value>The default value is <see langword="null"/> (exact).</value>
    public int? Samples { get; init; }

    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>Betweenness centrality: the share of shortest paths between other innovators that pass through each innovator.</summary>
/// <remarks>
/// <para>Id <c>betweenness</c>. B(v) = Σ<sub>s≠v≠t</sub> σ<sub>st</sub>(v)/σ<sub>st</sub>, over ordered pairs (s, t),
/// where σ<sub>st</sub> counts shortest s–t paths and σ<sub>st</sub>(v) those through v (Brandes 2001). Directed
/// networks use directed paths.</para>
/// <para>Normalisation as networkx 3.6.1: × 1/((n-1)(n-2)) for directed and undirected graphs alike (on the
/// ordered-pair sum, i.e. 2/((n-1)(n-2)) on unordered pairs); unnormalised undirected scores are the ordered sum
/// halved. With <see cref="BetweennessOptions.Endpoints"/>, n - 1 becomes n. A star's centre has 1 (normalised).</para>
/// <para>Sampling (<see cref="BetweennessOptions.Samples"/> = k &lt; n): k distinct sources drawn with
/// <see cref="DeterministicRandom"/>(seed, stream 1); networkx 3.6.1's rescaling: normalised, × 1/((k-1)(n-2)) for
/// sampled nodes and 1/(k(n-2)) for the others (unnormalised: (n-1)/((k-1)c) and (n-1)/(kc), c = 2 undirected, 1
/// directed); k = 1 gives NaN for the sampled node, as networkx. The properties record <c>seed</c>, <c>samples</c>
/// and <c>sampled-sources</c> (a JSON array of ids in draw order).</para>
/// <para>Weighted (lengths): Dijkstra with an indexed 4-ary heap; two path lengths are equal when
/// |a - b| ≤ 1e-10 · max(a, b) (property <c>length-tolerance</c>), so 0.1 + 1/3 + 1/3 + 1/3 (1.0999999999999999 in
/// doubles) ties with 0.1 + 1, where networkx's exact float comparison misses the tie. Integer weights give networkx's
/// values.</para>
/// <para>Edge cases: n ≤ 2 gives 0 everywhere (no rescaling, as networkx); isolated innovators 0; disconnected
/// networks count only connected pairs. Empty network: empty table. igraph: not normalised by default, and R uses
/// the <c>weight</c> attribute by default.</para>
/// <para>Time O(n m) unweighted (a direction-optimising BFS per source), O(n (m + n log n)) weighted (k sources
/// instead of n when sampled); memory O(n) per thread. Parallel over sources in 64 fixed chunks whose partial sums are added in chunk order: bit-identical at any
/// degree of parallelism. Cancellation is checked before every source; progress counts sources.</para>
/// <para>Reference: U. Brandes (2001), A faster algorithm for betweenness centrality, J. Math. Sociol. 25(2), 163-177;
/// sampling: Brandes &amp; Pich (2007), Int. J. Bifurcation and Chaos 17(7), 2303-2318.</para>
/// </remarks>
/// <seealso cref="ClosenessMetric"/>
public sealed class BetweennessMetric : Metric<BetweennessOptions, NodeTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "betweenness";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Share of shortest paths between other innovators through each innovator (Brandes; exact or sampled).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Node;

    /// <inheritdoc/>
    public override NodeTable Compute(MetricContext context, BetweennessOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        PathsCommon.CheckSamples(options.Samples, Id);
        var view = PathsCommon.View(context, options.Directed, options.Weighted);
        var g = context.Graph(view);
        var n = g.NodeCount;
        var directed = g.IsDirected;
        var props = PathsCommon.BaseProperties(directed, options.Weighted);
        props["normalized"] = PathsCommon.Text(options.Normalized);
        props["endpoints"] = PathsCommon.Text(options.Endpoints);
        if (options.Weighted)
        {
            props["length-tolerance"] = PathsCommon.Text(Brandes.RelativeTolerance);
        }

        int[]? sources = null;
        if (options.Samples is { } k && k < n)
        {
            var all = new int[n];
            for (var v = 0; v < n; v++)
            {
                all[v] = v;
            }

            sources = PathsCommon.Draw(all, k, context.Seed, PathsCommon.BetweennessStream);
            props["sampled"] = "true";
            props["seed"] = PathsCommon.Text((long)context.Seed);
            props["samples"] = PathsCommon.Text(k);
            props["sampled-sources"] = PathsCommon.IdList(context, sources);
        }
        else
        {
            props["sampled"] = "false";
        }

        props["sources"] = PathsCommon.Text(sources?.Length ?? n);
        var order = sources is null ? null : (int[])sources.Clone();
        if (order is not null)
        {
            Array.Sort(order); // visit in index order (cache-friendlier); the draw order stays in the properties
        }

        var bc = Brandes.Accumulate(g, order, options.Weighted, options.Endpoints, context.MaxDegreeOfParallelism, context.CancellationToken,
            (d, t) => context.ReportProgress(MetricId, d, t));
        Rescale(bc, n, options.Normalized, directed, options.Endpoints, order);
        return new NodeTable(Id, context.InnovatorIds, bc, props);
    }

    /// <summary>networkx 3.6.1's <c>_rescale</c>, to the letter.</summary>
    internal static void Rescale(double[] bc, int n, bool normalized, bool directed, bool endpoints, int[]? sortedSources)
    {
        var big = endpoints ? n : n - 1;
        if (big < 2)
        {
            return;
        }

        var correction = directed ? 1 : 2;
        if (sortedSources is null || endpoints)
        {
            long kSource = sortedSources?.Length ?? big;
            var scale = normalized ? 1.0 / (kSource * (big - 1)) : big / (double)(kSource * correction);
            if (scale != 1)
            {
                for (var v = 0; v < bc.Length; v++)
                {
                    bc[v] *= scale;
                }
            }

            return;
        }

        long k = sortedSources.Length;
        double source, other;
        if (normalized)
        {
            source = k > 1 ? 1.0 / ((k - 1) * (big - 1)) : double.NaN;
            other = 1.0 / (k * (big - 1));
        }
        else
        {
            source = k > 1 ? big / (double)((k - 1) * correction) : double.NaN;
            other = big / (double)(k * correction);
        }

        var next = 0;
        for (var v = 0; v < bc.Length; v++)
        {
            var isSource = next < sortedSources.Length && sortedSources[next] == v;
            if (isSource)
            {
                next++;
            }

            bc[v] *= isSource ? source : other;
        }
    }
}
