using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Glocal;

/// <summary>Options of <see cref="BrokerageMetric"/>. Defaults reproduce R sna 2.7's <c>brokerage(g, cl)</c> with the
/// groups being the regions at the analysis level.</summary>
public sealed record BrokerageOptions
{
    /// <summary>An explicit partition of the innovators (wins over <see cref="GroupAttribute"/> and <see cref="Level"/>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public InnovatorGroups? Groups { get; init; }

    /// <summary>An innovator attribute whose values are the groups (wins over <see cref="Level"/>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? GroupAttribute { get; init; }

    /// <summary>The level whose regions are the groups; <see langword="null"/>: the analysis level, else
    /// <see cref="InnovatorGroups.DefaultLevel"/> (province, NUTS-2, state).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>Whether to read links as arcs; <see langword="null"/>: directed exactly when every link is. Undirected links
    /// in a directed reading, and every link in an undirected one, are two arcs (sna's symmetric digraph).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }

    /// <summary>For an undirected reading, divide raw counts, valued counts and expected values by 2 so that each open
    /// path a-b-c counts once (z-scores are unchanged). sna counts both directions.</summary>
    /// <value>The default value is <see langword="false"/> (sna's doubled counts).</value>
    public bool HalveUndirected { get; init; }

    /// <summary>Also report the valued counts (columns <c>ROLE.valued</c>): each brokered path a → b → c contributes
    /// w_ab · w_bc (parallel links summed). sna has no valued variant.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Valued { get; init; }
}

/// <summary>The result of <see cref="BrokerageMetric"/>: per-innovator role counts with expectations and z-scores, and
/// the network totals.</summary>
public sealed class BrokerageResult : CompositeResult
{
    internal BrokerageResult(string metricId, NodeTable innovators, ScalarResult network, IReadOnlyDictionary<string, string> properties)
        : base(metricId, [new("innovators", innovators), new("network", network)], properties)
    {
    }

    /// <summary>Per innovator: <c>coordinator</c>, <c>coordinator.expected</c>, <c>coordinator.z</c>, then the same for
    /// <c>itinerant</c>, <c>representative</c>, <c>gatekeeper</c>, <c>liaison</c> and <c>total</c> (sna's w_I, w_O, b_IO,
    /// b_OI, b_O, t), then <c>ROLE.valued</c> when valued. NaN rows for ungrouped innovators.</summary>
    public NodeTable Innovators => Part<NodeTable>("innovators");

    /// <summary>Network totals (sna's <c>raw.gli</c>, <c>exp.gli</c>, <c>sd.gli</c>, <c>z.gli</c>): <c>ROLE</c>,
    /// <c>ROLE.expected</c>, <c>ROLE.sd</c>, <c>ROLE.z</c> per role, then <c>ROLE.valued</c> when valued.</summary>
    public ScalarResult Network => Part<ScalarResult>("network");
}

/// <summary>
/// Gould-Fernandez brokerage roles per innovator, with groups given by regions at a level or by any attribute, exactly as
/// R sna 2.7's <c>brokerage(g, cl)</c> (DESIGN 2.5): raw counts, expected counts under random group assignment, and
/// z-scores; plus a valued variant.
/// </summary>
/// <remarks>
/// <para>Id <c>brokerage</c>. For every ordered 2-path a → b → c with a, b, c distinct and <b>no arc a → c</b>, broker b
/// gets one count in one role, with g(.) the group: coordinator (sna <c>w_I</c>) when g(a) = g(b) = g(c); itinerant or
/// consultant (<c>w_O</c>) when g(a) = g(c) ≠ g(b); representative (<c>b_IO</c>) when g(a) = g(b) ≠ g(c); gatekeeper
/// (<c>b_OI</c>) when g(a) ≠ g(b) = g(c); liaison (<c>b_O</c>) when all three differ; <c>total</c> (<c>t</c>) is the sum of
/// the five. Weights are ignored, parallel links count once.</para>
/// <para>Undirected links: an undirected network is read as the symmetric digraph (sna's convention), so every open path
/// a - b - c counts twice (a → b → c and c → b → a): coordinator, itinerant and liaison counts are even, and
/// representative = gatekeeper (each mixed path is one of each). <see cref="BrokerageOptions.HalveUndirected"/> divides
/// every count and expectation by 2 (each undirected path then counts once in total; a mixed path counts ½ as
/// representative and ½ as gatekeeper), leaving z-scores unchanged.</para>
/// <para>Expectations (sna): with N grouped innovators, M arcs among them, d = M / (N(N-1)), q = d²(1-d),
/// u = d³(1-d)³, a broker in a group of size n_g, sums over the other groups h:
/// E[w_I] = q (n_g-1)(n_g-2); E[w_O] = q Σ_h n_h(n_h-1); E[b_IO] = E[b_OI] = q (N-n_g)(n_g-1);
/// E[b_O] = q ((Σ_h n_h)² - Σ_h n_h²); E[t] = q (N-1)(N-2); variances V = E(1-q) + a u-term (see the docs page), and
/// z = (raw - E) / √V. As in R, z is NaN for 0/0 (e.g. the coordinator role in a group of one or two) and ±∞ for x/0.
/// The network values are the column sums with sna's global expectations and variances.</para>
/// <para>Valued variant (<see cref="BrokerageOptions.Valued"/>): each brokered path a → b → c contributes w_ab · w_bc, the
/// product of its two tie weights (parallel links summed first); the closure test stays binary (any arc a → c closes the
/// triad). The product, rather than the geometric mean √(w_ab w_bc), because it is what the binary count becomes on the
/// multigraph: when weights count repeated links (projects, co-patents), w_ab · w_bc is the number of distinct pairs of
/// links that form the path, so merging parallel links or not gives the same answer, and all-unit weights give the binary
/// counts. Reported in extra columns <c>ROLE.valued</c> next to the binary counts; expectations and z-scores exist for
/// the binary counts only.</para>
/// <para>Groups: <see cref="InnovatorGroups.Resolve"/> (explicit groups, else an attribute, else regions at the level).
/// Ungrouped innovators (located above the level, attribute missing) cannot be classified: they are removed from the
/// graph (brokerage is computed on the subgraph of grouped innovators, so N and M count grouped innovators only, and
/// paths through an ungrouped innovator do not count), their rows are NaN, and their number is the property
/// <c>ungrouped</c>.</para>
/// <para>Edge cases: an empty network gives an empty table and NaN network expectations; one grouped innovator gives
/// d = 0/0 and NaN expectations and z, as R. One group: every count is coordinator; the other roles' expectations are 0
/// and their z NaN.</para>
/// <para>Time O(n + Σ_b Σ_{a→b} min(d⁺(a), d⁺(b) log d⁺(a))) (at most O(Σ_b d⁻(b) d⁺(b) log n), the number of 2-paths),
/// parallel over brokers in fixed chunks and bit-identical for any degree of parallelism; memory O(n + groups) per
/// thread. Expectations cost O(groups + D²) with D ≤ √(2N) distinct group sizes.</para>
/// <para>Reference: Gould, R. V. and Fernandez, R. M. (1989), Structures of mediation: a formal approach to brokerage in
/// transaction networks, <i>Sociological Methodology</i> 19, 89-126. Oracle: sna 2.7 (tests/oracles/brokerage.R).</para>
/// </remarks>
public sealed class BrokerageMetric : Metric<BrokerageOptions, BrokerageResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "brokerage";

    /// <summary>The role column names in sna's order (w_I, w_O, b_IO, b_OI, b_O, t).</summary>
    public static IReadOnlyList<string> Roles { get; } = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total"];

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Gould-Fernandez brokerage roles per innovator (coordinator, itinerant, representative, gatekeeper, liaison) with sna's expectations and z-scores.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Composite;

    /// <inheritdoc/>
    public override BrokerageResult Compute(MetricContext context, BrokerageOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var groups = InnovatorGroups.Resolve(context, options.Groups, options.GroupAttribute, options.Level);
        var directed = options.Directed ?? context.Network.Links.AllDirected;
        var g = context.Graph(GraphView.UndirectedUnweighted with { Directed = directed, Weighted = options.Valued });
        var n = g.NodeCount;
        var groupOf = groups.GroupOf;
        var cols = Brokerage.Columns;
        var raw = NewColumns(cols, n);
        var valued = options.Valued ? NewColumns(cols, n) : null;
        var arcs = Brokerage.Count(g, groupOf, groups.Count, raw, valued, context.MaxDegreeOfParallelism, context.CancellationToken,
            done => context.ReportProgress(Id, done, n));
        var (expected, variance, netExpected, netVariance) = Brokerage.Expectations(groups.Sizes, arcs);
        var halve = options.HalveUndirected && !directed ? 0.5 : 1.0;

        var columns = new List<KeyValuePair<string, double[]>>();
        var networkValues = new List<KeyValuePair<string, double>>();
        var valuedColumns = new List<KeyValuePair<string, double[]>>();
        for (var r = 0; r < cols; r++)
        {
            var count = new double[n];
            var exp = new double[n];
            var z = new double[n];
            var val = valued is null ? null : new double[n];
            var sum = 0.0;
            for (var v = 0; v < n; v++)
            {
                var gv = groupOf[v];
                if (gv < 0)
                {
                    count[v] = exp[v] = z[v] = double.NaN;
                    if (val is not null)
                    {
                        val[v] = double.NaN;
                    }

                    continue;
                }

                var x = raw[r][v];
                sum += x;
                count[v] = x * halve;
                exp[v] = expected[gv][r] * halve;
                z[v] = (x - expected[gv][r]) / Math.Sqrt(variance[gv][r]);
                if (val is not null)
                {
                    val[v] = valued![r][v] * halve;
                }
            }

            var role = Roles[r];
            columns.Add(KeyedTable.Col(role, count));
            columns.Add(KeyedTable.Col(role + ".expected", exp));
            columns.Add(KeyedTable.Col(role + ".z", z));
            var sd = Math.Sqrt(netVariance[r]);
            networkValues.Add(new(role, sum * halve));
            networkValues.Add(new(role + ".expected", netExpected[r] * halve));
            networkValues.Add(new(role + ".sd", sd * halve));
            networkValues.Add(new(role + ".z", (sum - netExpected[r]) / sd));
            if (val is not null)
            {
                valuedColumns.Add(KeyedTable.Col(role + ".valued", val));
            }
        }

        columns.AddRange(valuedColumns);
        if (valued is not null)
        {
            foreach (var (name, values) in valuedColumns)
            {
                var s = 0.0;
                foreach (var x in values)
                {
                    s += double.IsNaN(x) ? 0 : x;
                }

                networkValues.Add(new(name, s));
            }
        }

        var grouped = n - groups.UngroupedCount;
        var props = new Dictionary<string, string>
        {
            ["directed"] = directed ? "true" : "false",
            ["groups"] = groups.Name,
            ["group-count"] = groups.Count.ToString(CultureInfo.InvariantCulture),
            ["ungrouped"] = groups.UngroupedCount.ToString(CultureInfo.InvariantCulture),
            ["arcs"] = arcs.ToString(CultureInfo.InvariantCulture),
            ["density"] = (arcs / ((double)grouped * (grouped - 1))).ToString("R", CultureInfo.InvariantCulture),
            ["halve-undirected"] = halve != 1.0 ? "true" : "false",
            ["valued"] = options.Valued ? "true" : "false",
        };
        if (groups.Level is not null)
        {
            props["level"] = groups.Level;
        }

        return new BrokerageResult(Id, new NodeTable(Id, context.InnovatorIds, columns, props), new ScalarResult(Id, networkValues, props), props);
    }

    private static double[][] NewColumns(int count, int n)
    {
        var c = new double[count][];
        for (var i = 0; i < count; i++)
        {
            c[i] = new double[n];
        }

        return c;
    }
}
