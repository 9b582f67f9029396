using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Glocal;

/// <summary>Options of <see cref="BuzzPipelinesMetric"/>. The internal measures follow networkx 3.6.1's <c>density</c>,
/// <c>transitivity</c> and <c>average_clustering</c> on each region's induced subgraph.</summary>
public sealed record BuzzPipelinesOptions
{
    /// <summary>An explicit partition (e.g. <see cref="InnovatorGroups.FromMap"/>); wins over every other grouping option.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public InnovatorGroups? Groups { get; init; }

    /// <summary>Group by this innovator attribute instead of regions.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? GroupAttribute { get; init; }

    /// <summary>The region level; <see langword="null"/>: the analysis level, else <see cref="InnovatorGroups.DefaultLevel"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>A coarser level (e.g. <c>country</c>) at which the distinct external regions reached are also counted
    /// (column <c>regions-reached.LEVEL</c>); <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ReachLevel { get; init; }

    /// <summary>Whether the concentration of external ties (HHI, Gini) uses each innovator's external weight; otherwise
    /// its number of external ties.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Weighted { get; init; } = true;
}

/// <summary>Local buzz and global pipelines per region (Bathelt, Malmberg and Maskell 2004): how dense and clustered a
/// region's internal network is, how many external ties it has, how far they reach, and how concentrated they are on few
/// innovators.</summary>
/// <remarks>
/// <para>Id <c>buzz-pipelines</c>. One row per group of <see cref="InnovatorGroups.Resolve"/> (the regions at the level
/// that hold innovators). Ties are those of the undirected view: direction ignored, parallel links merged into one tie
/// (count 1, weights summed), self-loops ignored. With n_R the members of R and G[R] the subgraph they induce:</para>
/// <code>
/// members            n_R
/// internal           m_R, the ties of G[R]; internal-weight their weight
/// density            m_R / (n_R (n_R - 1) / 2)                        NaN if n_R &lt; 2 (networkx gives 0)
/// transitivity       Σ_i 2T_i / Σ_i k_i (k_i - 1) over G[R]            0 without triangles (networkx transitivity)
/// average-clustering (1/n_R) Σ_i c_i, c_i = 2T_i / (k_i (k_i - 1)), 0 if k_i &lt; 2   (networkx average_clustering)
/// external           X_R, ties with exactly one end in R; external-weight their weight
/// regions-reached    distinct other groups of R's external partners; regions-reached.L' at ReachLevel L'
///                    (regions other than those of R's own members)
/// partners           distinct external partners
/// hhi                Σ_i s_i², s_i = x_i / Σ_j x_j over every member (zeros included), x_i its external weight
///                    (or count when Weighted is false); hhi-normalised = (HHI - 1/n_R) / (1 - 1/n_R)
/// gini               Σ_i Σ_j |x_i - x_j| / (2 n_R² mean x) = 2 Σ_k k x_(k) / (n_R Σx) - (n_R + 1) / n_R
/// pipeline-share     X_R / (X_R + m_R)  (the openness of the E-I index by count)
/// </code>
/// <para>Edge cases: HHI, its normalised form and Gini are NaN when Σx = 0 (no external tie); hhi-normalised is NaN when
/// n_R = 1; pipeline-share is NaN for a region without ties. Innovators without a group are excluded (property
/// <c>ungrouped</c>), and so are ties with such an end: they count neither as internal nor as external (property
/// <c>ungrouped-links</c>). Empty network: an empty table.</para>
/// <para>Time O(n log n + m + Σ_j k_j k_j⁺): one pass builds the union of the induced subgraphs (each tie kept when both
/// ends share a group) as one CSR, the degree-ordered triangle kernel of the clustering family counts the triangles of
/// every G[R] at once, and one pass over the members' rows counts the external ties, partners and regions reached; the
/// Gini sorts each region's x.</para>
/// <para>Reference: H. Bathelt, A. Malmberg, P. Maskell (2004), "Clusters and knowledge: local buzz, global pipelines and
/// the process of knowledge creation", Progress in Human Geography 28(1), 31-56.</para>
/// </remarks>
public sealed class BuzzPipelinesMetric : Metric<BuzzPipelinesOptions, RegionTable>
{
    /// <summary>The id.</summary>
    public const string MetricId = "buzz-pipelines";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Local buzz and global pipelines per region: internal density and clustering, external ties, reach, and their concentration (HHI, Gini).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Region;

    /// <inheritdoc/>
    public override RegionTable Compute(MetricContext context, BuzzPipelinesOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var groups = InnovatorGroups.Resolve(context, options.Groups, options.GroupAttribute, options.Level);
        var label = groups.Level ?? "groups";
        var net = context.Network;
        string? reachLevel = null;
        if (options.ReachLevel is not null)
        {
            reachLevel = net.Ladder.GetLevel(options.ReachLevel).Name;
            if (groups.Level is not null && net.Ladder.GetLevel(reachLevel).Rank <= net.Ladder.GetLevel(groups.Level).Rank)
            {
                throw new ArgumentException(
                    $"Option 'ReachLevel' ('{reachLevel}') must be coarser than the level of the regions ('{groups.Level}').", nameof(options));
            }
        }

        var g = context.Graph(GraphView.UndirectedWeighted);
        var group = groups.GroupOf;
        var r = groups.Count;
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var weights = g.AllWeights;

        // One pass: internal ties (into the union of the induced subgraphs), external ties per member, ungrouped ties.
        var internalCount = new double[r];
        var internalWeight = new double[r];
        var external = new double[r];
        var externalWeight = new double[r];
        var xCount = new double[n];
        var xWeight = new double[n];
        long ungroupedLinks = 0;
        for (var u = 0; u < n; u++)
        {
            var gu = group[u];
            for (int k = offsets[u], end = offsets[u + 1]; k < end; k++)
            {
                var v = targets[k];
                if (v <= u)
                {
                    continue;
                }

                var gv = group[v];
                var w = weights[k];
                if (gu < 0 || gv < 0)
                {
                    ungroupedLinks++;
                }
                else if (gu == gv)
                {
                    internalCount[gu]++;
                    internalWeight[gu] += w;
                }
                else
                {
                    external[gu]++;
                    external[gv]++;
                    externalWeight[gu] += w;
                    externalWeight[gv] += w;
                    xCount[u]++;
                    xCount[v]++;
                    xWeight[u] += w;
                    xWeight[v] += w;
                }
            }
        }

        var (clusteringSum, triangles2, triples) = Clustering(context, g, group, r);
        var (start, members) = Members(group, r);
        var reached = new double[r];
        var reachedCoarse = reachLevel is null ? null : new double[r];
        var partners = new double[r];
        Reach(g, group, start, members, reached, partners);
        if (reachLevel is not null)
        {
            ReachAt(g, group, net.RegionIndicesAt(reachLevel), net.Regions.Count, start, members, reachedCoarse!);
        }

        var density = new double[r];
        var transitivity = new double[r];
        var averageClustering = new double[r];
        var hhi = new double[r];
        var hhiNormalised = new double[r];
        var gini = new double[r];
        var pipeline = new double[r];
        var membersColumn = new double[r];
        var x = options.Weighted ? xWeight : xCount;
        var scratch = new double[n];
        for (var R = 0; R < r; R++)
        {
            double size = groups.Sizes[R];
            membersColumn[R] = size;
            density[R] = size < 2 ? double.NaN : internalCount[R] / (size * (size - 1) / 2);
            transitivity[R] = triangles2[R] == 0 ? 0 : triangles2[R] / triples[R];
            averageClustering[R] = clusteringSum[R] / size;
            var ties = external[R] + internalCount[R];
            pipeline[R] = ties > 0 ? external[R] / ties : double.NaN;
            var xs = scratch.AsSpan(0, start[R + 1] - start[R]);
            for (var k = 0; k < xs.Length; k++)
            {
                xs[k] = x[members[start[R] + k]];
            }

            (hhi[R], hhiNormalised[R], gini[R]) = Concentration(xs);
        }

        var columns = new List<KeyValuePair<string, double[]>>
        {
            KeyedTable.Col("members", membersColumn),
            KeyedTable.Col("internal", internalCount),
            KeyedTable.Col("internal-weight", internalWeight),
            KeyedTable.Col("density", density),
            KeyedTable.Col("transitivity", transitivity),
            KeyedTable.Col("average-clustering", averageClustering),
            KeyedTable.Col("external", external),
            KeyedTable.Col("external-weight", externalWeight),
            KeyedTable.Col("regions-reached", reached),
        };
        if (reachLevel is not null)
        {
            columns.Add(KeyedTable.Col("regions-reached." + reachLevel, reachedCoarse!));
        }

        columns.Add(KeyedTable.Col("partners", partners));
        columns.Add(KeyedTable.Col("hhi", hhi));
        columns.Add(KeyedTable.Col("hhi-normalised", hhiNormalised));
        columns.Add(KeyedTable.Col("gini", gini));
        columns.Add(KeyedTable.Col("pipeline-share", pipeline));
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["groups"] = groups.Name,
            ["weighted"] = options.Weighted ? "true" : "false",
            ["ungrouped"] = groups.UngroupedCount.ToString(CultureInfo.InvariantCulture),
            ["ungrouped-links"] = ungroupedLinks.ToString(CultureInfo.InvariantCulture),
        };
        if (reachLevel is not null)
        {
            properties["reach-level"] = reachLevel;
        }

        return new RegionTable(MetricId, label, groups.Ids, columns, properties);
    }

    /// <summary>HHI, its normalised form and Gini of <paramref name="x"/> (sorted in place); all NaN when Σx = 0.</summary>
    /// <param name="x">The values, one per member (zeros included).</param>
    /// <returns>The three measures.</returns>
    internal static (double Hhi, double Normalised, double Gini) Concentration(Span<double> x)
    {
        // Sorted first, so that every sum runs in an order that does not depend on the innovators' order.
        x.Sort();
        double sum = 0;
        foreach (var v in x)
        {
            sum += v;
        }

        if (!(sum > 0))
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        double n = x.Length;
        double hhi = 0, weighted = 0;
        for (var k = 0; k < x.Length; k++)
        {
            var s = x[k] / sum;
            hhi += s * s;
            weighted += (k + 1) * x[k];
        }

        var normalised = x.Length < 2 ? double.NaN : (hhi - (1 / n)) / (1 - (1 / n));
        return (hhi, normalised, (2 * weighted / (n * sum)) - ((n + 1) / n));
    }

    /// <summary>Per group: the sum of local clustering coefficients, Σ 2T_i and Σ k_i (k_i - 1) inside the group's induced
    /// subgraph, from one triangle count on the union of the induced subgraphs.</summary>
    private static (double[] ClusteringSum, double[] Triangles2, double[] Triples) Clustering(MetricContext context, CsrGraph g,
        ReadOnlySpan<int> group, int r)
    {
        // The union of the induced subgraphs: every tie whose two ends share a group (two passes: count, then fill).
        var n = g.NodeCount;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var kept = 0;
        for (var u = 0; u < n; u++)
        {
            for (int k = offsets[u], end = offsets[u + 1]; k < end; k++)
            {
                kept += targets[k] > u && group[u] >= 0 && group[targets[k]] == group[u] ? 1 : 0;
            }
        }

        var src = new int[kept];
        var tgt = new int[kept];
        var p = 0;
        for (var u = 0; u < n; u++)
        {
            for (int k = offsets[u], end = offsets[u + 1]; k < end; k++)
            {
                var v = targets[k];
                if (v > u && group[u] >= 0 && group[v] == group[u])
                {
                    (src[p], tgt[p]) = (u, v);
                    p++;
                }
            }
        }

        var induced = CsrGraph.Build(src, tgt, [], n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Ignore);
        var t = Triangles.PerNode(induced, null, context.MaxDegreeOfParallelism, context.CancellationToken,
            done => context.ReportProgress(MetricId, done, n, "triangles"));
        var clustering = new double[r];
        var triangles2 = new double[r];
        var triples = new double[r];
        for (var v = 0; v < n; v++)
        {
            var gv = group[v];
            if (gv < 0)
            {
                continue;
            }

            double d = induced.Degree(v);
            triangles2[gv] += 2 * t[v];
            triples[gv] += d * (d - 1);
            clustering[gv] += t[v] == 0 ? 0 : 2 * t[v] / (d * (d - 1));
        }

        return (clustering, triangles2, triples);
    }

    /// <summary>The members of each group, by a counting sort: group R holds <c>members[start[R]..start[R + 1]]</c>.</summary>
    private static (int[] Start, int[] Members) Members(ReadOnlySpan<int> group, int r)
    {
        var start = new int[r + 1];
        foreach (var g in group)
        {
            if (g >= 0)
            {
                start[g + 1]++;
            }
        }

        for (var R = 0; R < r; R++)
        {
            start[R + 1] += start[R];
        }

        var cursor = (int[])start.Clone();
        var members = new int[start[r]];
        for (var i = 0; i < group.Length; i++)
        {
            if (group[i] >= 0)
            {
                members[cursor[group[i]]++] = i;
            }
        }

        return (start, members);
    }

    /// <summary>Distinct other groups and distinct partners reached by each group's external ties.</summary>
    private static void Reach(CsrGraph g, ReadOnlySpan<int> group, int[] start, int[] members, double[] reached, double[] partners)
    {
        var partnerStamp = new int[g.NodeCount];
        var groupStamp = new int[reached.Length];
        Array.Fill(partnerStamp, -1);
        Array.Fill(groupStamp, -1);
        for (var R = 0; R < reached.Length; R++)
        {
            groupStamp[R] = R;
            for (var m = start[R]; m < start[R + 1]; m++)
            {
                foreach (var v in g.Neighbors(members[m]))
                {
                    var gv = group[v];
                    if (gv < 0 || gv == R)
                    {
                        continue;
                    }

                    if (partnerStamp[v] != R)
                    {
                        partnerStamp[v] = R;
                        partners[R]++;
                    }

                    if (groupStamp[gv] != R)
                    {
                        groupStamp[gv] = R;
                        reached[R]++;
                    }
                }
            }
        }
    }

    /// <summary>Distinct regions at a coarser level reached by each group's external ties, other than those of the
    /// group's own members.</summary>
    private static void ReachAt(CsrGraph g, ReadOnlySpan<int> group, ReadOnlySpan<int> regionAt, int regionCount, int[] start, int[] members,
        double[] reached)
    {
        var stamp = new int[regionCount];
        Array.Fill(stamp, -1);
        for (var R = 0; R < reached.Length; R++)
        {
            for (var m = start[R]; m < start[R + 1]; m++)
            {
                var own = regionAt[members[m]];
                if (own >= 0)
                {
                    stamp[own] = R;
                }
            }

            for (var m = start[R]; m < start[R + 1]; m++)
            {
                foreach (var v in g.Neighbors(members[m]))
                {
                    var gv = group[v];
                    var rv = regionAt[v];
                    if (gv < 0 || gv == R || rv < 0 || stamp[rv] == R)
                    {
                        continue;
                    }

                    stamp[rv] = R;
                    reached[R]++;
                }
            }
        }
    }
}
