using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Evolution;

/// <summary>The traversal count that weights the arcs of a citation network (Batagelj 2003).</summary>
public enum TraversalWeight
{
    /// <summary>Search path count: the number of source-to-sink paths through the arc, N⁻(u)·N⁺(v).</summary>
    Spc = 0,

    /// <summary>Search path link count: every node is also a start, N⁻_all(u)·N⁺(v).</summary>
    Splc = 1,

    /// <summary>Search path node pair: every node is a start and an end, N⁻_all(u)·N⁺_all(v).</summary>
    Spnp = 2,
}

/// <summary>What main path analysis does with a citation network that has cycles (DESIGN §0).</summary>
public enum CyclePolicy
{
    /// <summary>Report every cyclic strongly connected component and break its cycles: first drop its arcs that cite a newer
    /// work, then, while a cycle remains, the remaining cycle's arc with the largest (source, target) index.</summary>
    Break = 0,

    /// <summary>Raise <see cref="GraphNotAcyclicException"/> naming one cycle.</summary>
    Throw = 1,
}

/// <summary>How the local and global main paths treat ties.</summary>
public enum MainPathTieBreak
{
    /// <summary>Keep every tied arc (local) or every maximal path (global): the main path is a subgraph.</summary>
    KeepAll = 0,

    /// <summary>One path: the first tied arc by (source, target) index (local); the smallest tied sink and then the smallest
    /// tied predecessor at each step back (global).</summary>
    FirstByNodeOrder = 1,
}

/// <summary>How the key-route main path searches from each key route (Liu and Lu 2012).</summary>
public enum KeyRouteSearch
{
    /// <summary>Key-route local: from the key route's head follow the out-arc(s) with the largest count until a sink, and
    /// from its tail the in-arc(s) with the largest count until a source.</summary>
    Local = 0,

    /// <summary>Key-route global: the continuation from the head to a sink and from a source to the tail with the largest
    /// sum of counts (longest-path dynamic programming), so the result is the best source-to-sink path through each key
    /// route.</summary>
    Global = 1,
}

/// <summary>Why an arc was dropped to break a cycle.</summary>
public enum DropReason
{
    /// <summary>The citing work (the arc's target) is older than the cited one (its source).</summary>
    CitesNewerWork = 1,

    /// <summary>The arc with the largest (source, target) index of a cycle that remained after the year rule.</summary>
    LargestInCycle = 2,
}

/// <summary>Options of <see cref="MainPathMetric"/> and <see cref="MainPath.Analyze"/>.</summary>
public sealed record MainPathOptions
{
    /// <summary>The default attribute holding an innovator's (a work's) year.</summary>
    public const string DefaultYearAttribute = "year";

    /// <summary>The traversal count that weights the arcs and drives both main paths.</summary>
    /// <value>The default value is <see cref="TraversalWeight.Spc"/>.</value>
    public TraversalWeight Weight { get; init; } = TraversalWeight.Spc;

    /// <summary>What to do with cycles.</summary>
    /// <value>The default value is <see cref="CyclePolicy.Break"/>.</value>
    public CyclePolicy Cycles { get; init; } = CyclePolicy.Break;

    /// <summary>How ties in the local and global searches are resolved.</summary>
    /// <value>The default value is <see cref="MainPathTieBreak.KeepAll"/>.</value>
    public MainPathTieBreak TieBreak { get; init; } = MainPathTieBreak.KeepAll;

    /// <summary>The innovator attribute holding a work's year (an integer), used only to break cycles. A work without it
    /// takes the earliest year of the links that point at it (the citations it makes).</summary>
    /// <value>The default value is <see cref="DefaultYearAttribute"/> (<c>year</c>).</value>
    public string YearAttribute { get; init; } = DefaultYearAttribute;

    /// <summary>k of the key-route main path: the k arcs with the largest count are the key routes (every arc tied with
    /// the k-th largest count is kept too); 0 computes no key-route main path.</summary>
    /// <value>The default value is 0 (off).</value>
    public int KeyRoutes { get; init; }

    /// <summary>How the key-route main path continues from each key route.</summary>
    /// <value>The default value is <see cref="KeyRouteSearch.Local"/>.</value>
    public KeyRouteSearch Search { get; init; } = KeyRouteSearch.Local;
}

/// <summary>An arc on a main path: its ends, its traversal count and the count divided by N.</summary>
/// <param name="SourceId">The cited work (the arc's source).</param>
/// <param name="TargetId">The citing work.</param>
/// <param name="Count">The traversal count (+∞ beyond <see cref="double.MaxValue"/>).</param>
/// <param name="Normalised">The count divided by N.</param>
public readonly record struct MainPathArc(string SourceId, string TargetId, double Count, double Normalised);

/// <summary>An arc dropped to break a cycle.</summary>
/// <param name="SourceId">The arc's source.</param>
/// <param name="TargetId">The arc's target.</param>
/// <param name="Reason">Why it was dropped.</param>
/// <param name="Component">The index of its cyclic component in <see cref="MainPathResult.CyclicComponents"/>.</param>
public readonly record struct DroppedArc(string SourceId, string TargetId, DropReason Reason, int Component);

/// <summary>
/// The result of main path analysis: the part <c>network</c> (N, sources, sinks, cycles, dropped arcs, path sizes), the
/// part <c>arcs</c> (one row per link of the network, keyed <c>source|target</c>: <c>value</c> = count / N, <c>count</c>,
/// <c>log-count</c>, and <c>local</c>, <c>global</c> = 1 on the local or global main path, else 0; NaN counts for dropped
/// arcs; with key routes also <c>key-route</c>) and the part <c>dropped</c> (one row per dropped arc: <c>reason</c> 1 = cites a newer work, 2 = largest in a
/// cycle; <c>component</c>; <c>links</c> = the number of parallel links it stands for). Immutable.
/// </summary>
public sealed class MainPathResult : CompositeResult
{
    /// <summary>The part name of the network values.</summary>
    public const string NetworkPart = "network";

    /// <summary>The part name of the per-link table.</summary>
    public const string ArcsPart = "arcs";

    /// <summary>The part name of the dropped arcs.</summary>
    public const string DroppedPart = "dropped";

    private readonly GlocalNetwork _source;
    private readonly int[] _localLinks;
    private readonly int[] _globalLinks;
    private readonly int[] _keyRouteLinks;

    internal MainPathResult(ScalarResult network, LinkScoreTable arcs, GroupTable dropped, IReadOnlyDictionary<string, string> properties,
        GlocalNetwork source, MainPathArc[] local, MainPathArc[] global, int[] localLinks, int[] globalLinks, DroppedArc[] droppedArcs,
        IReadOnlyList<IReadOnlyList<string>> cyclicComponents, MainPathArc[] keyRoutes, MainPathArc[] keyRoutePath, int[] keyRouteLinks)
        : base(MainPathMetric.MetricId, [new(NetworkPart, network), new(ArcsPart, arcs), new(DroppedPart, dropped)], properties)
    {
        KeyRoutes = keyRoutes;
        KeyRoutePath = keyRoutePath;
        _keyRouteLinks = keyRouteLinks;
        _source = source;
        LocalPath = local;
        GlobalPath = global;
        _localLinks = localLinks;
        _globalLinks = globalLinks;
        DroppedArcs = droppedArcs;
        CyclicComponents = cyclicComponents;
    }

    /// <summary>The network values: <c>paths</c> (N), <c>log-paths</c> (ln N), <c>sources</c>, <c>sinks</c>, <c>isolated</c>,
    /// <c>arcs</c> (distinct arcs analysed), <c>cyclic-components</c>, <c>dropped-arcs</c>, <c>local-arcs</c>,
    /// <c>global-arcs</c>, <c>global-weight</c> (the global path's Σ count / N) and <c>log-space</c> (1 when the counts
    /// were computed in logarithms); with key routes also <c>key-routes</c> and <c>key-route-arcs</c>.</summary>
    public ScalarResult Network => Part<ScalarResult>(NetworkPart);

    /// <summary>One row per link of the analysed network (row i = link i).</summary>
    public LinkScoreTable Arcs => Part<LinkScoreTable>(ArcsPart);

    /// <summary>One row per dropped arc, keyed <c>source|target</c> (key column <c>arc</c>).</summary>
    public GroupTable Dropped => Part<GroupTable>(DroppedPart);

    /// <summary>The arcs of the local (forward) main path, in (source, target) index order.</summary>
    public IReadOnlyList<MainPathArc> LocalPath { get; }

    /// <summary>The arcs of the global main path(s), in (source, target) index order.</summary>
    public IReadOnlyList<MainPathArc> GlobalPath { get; }

    /// <summary>The key routes (<see cref="MainPathOptions.KeyRoutes"/> &gt; 0): the arcs with the k largest counts, ties at
    /// the k-th kept, in (source, target) index order; empty when k = 0.</summary>
    public IReadOnlyList<MainPathArc> KeyRoutes { get; }

    /// <summary>The arcs of the key-route main path (Liu and Lu 2012): the key routes and their local or global
    /// continuations to sources and sinks, in (source, target) index order; empty when k = 0.</summary>
    public IReadOnlyList<MainPathArc> KeyRoutePath { get; }

    /// <summary>The arcs dropped to break cycles, in (source, target) index order.</summary>
    public IReadOnlyList<DroppedArc> DroppedArcs { get; }

    /// <summary>Every strongly connected component with more than one innovator (before breaking), each as its ids in index
    /// order, ordered by their first innovator.</summary>
    public IReadOnlyList<IReadOnlyList<string>> CyclicComponents { get; }

    /// <summary>N: the number of paths the counts are normalised by (+∞ beyond <see cref="double.MaxValue"/>).</summary>
    public double TotalPaths => Network["paths"];

    /// <summary>The local main path as a network: the links of its arcs (parallel links included), sharing the regions
    /// and innovators of the analysed network.</summary>
    /// <returns>The sub-network.</returns>
    public GlocalNetwork LocalNetwork() => _source.SelectLinks(_localLinks);

    /// <summary>The global main path(s) as a network, like <see cref="LocalNetwork"/>.</summary>
    /// <returns>The sub-network.</returns>
    public GlocalNetwork GlobalNetwork() => _source.SelectLinks(_globalLinks);

    /// <summary>The key-route main path as a network, like <see cref="LocalNetwork"/> (no links when k = 0).</summary>
    /// <returns>The sub-network.</returns>
    public GlocalNetwork KeyRouteNetwork() => _source.SelectLinks(_keyRouteLinks);
}

/// <summary>
/// Main path analysis of a citation network in one call: <c>MainPath.Analyze(network)</c>, the same as running the metric
/// <c>main-path</c> (<see cref="MainPathMetric"/>), where the formulas and conventions are documented.
/// </summary>
public static class MainPath
{
    /// <summary>Runs main path analysis.</summary>
    /// <param name="network">A network whose links are directed citations in knowledge-flow direction (cited → citing).</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the analysis.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">A link is undirected.</exception>
    /// <exception cref="GraphNotAcyclicException">The network has a cycle and <see cref="MainPathOptions.Cycles"/> is
    /// <see cref="CyclePolicy.Throw"/>.</exception>
    public static MainPathResult Analyze(GlocalNetwork network, MainPathOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new MainPathMetric().Compute(new MetricContext(network, cancellationToken: cancellationToken), options ?? new MainPathOptions());
    }
}

/// <summary>
/// The key-route main path (Liu and Lu 2012, <i>JASIST</i> 63(3), 528-542) on a DAG with its traversal counts: the key
/// routes are the k arcs with the largest counts (every arc tied with the k-th largest is kept); from each key route's
/// head the search goes forward to a sink and from its tail backward to a source, either locally (the largest-count
/// arc(s) at each step) or globally (the continuation with the largest sum of counts). The union is the key-route main
/// path. Ties follow <see cref="MainPathTieBreak"/> as in the local and global main paths.
/// </summary>
internal static class KeyRoute
{
    /// <summary>Runs the key-route search.</summary>
    /// <param name="g">The DAG (simple, rows sorted: entry order is (source, target) order).</param>
    /// <param name="c">Its counts.</param>
    /// <param name="k">The number of key routes (at least 1).</param>
    /// <param name="search">Local or global continuation.</param>
    /// <param name="keepAll">Keep every tied arc (and every tied key route at the k-th count); otherwise the first by
    /// (source, target) index at each step, and exactly min(k, arcs) key routes (largest counts, then entry order).</param>
    /// <returns>The key-route entries and the entries of the key-route main path, both ascending.</returns>
    public static (int[] Keys, int[] Path) Search(CsrGraph g, MainPathKernel.Counts c, int k, KeyRouteSearch search, bool keepAll)
    {
        var m = g.EntryCount;
        if (m == 0 || k <= 0)
        {
            return ([], []);
        }

        var w = c.Weight;
        var byCount = new int[m];
        for (var e = 0; e < m; e++)
        {
            byCount[e] = e;
        }

        // Largest count first; ties by entry order (Array.Sort is not stable, so the entry is the second key).
        Array.Sort(byCount, (a, b) => w[a] != w[b] ? w[b].CompareTo(w[a]) : a.CompareTo(b));
        var take = Math.Min(k, m);
        var threshold = w[byCount[take - 1]];
        var keys = new List<int>();
        for (var i = 0; i < m && (i < take || (keepAll && c.Ties(w[byCount[i]], threshold))); i++)
        {
            keys.Add(byCount[i]);
        }

        var keyArray = keys.ToArray();
        Array.Sort(keyArray);

        var n = g.NodeCount;
        var offsets = g.Offsets;
        var targets = g.Targets;
        var sourceOf = MainPathKernel.EntrySources(g);
        var headOf = targets.ToArray();

        // In-entries of each node, grouped by target, sources ascending within a group.
        var (inOff, inEntry) = MainPathKernel.InEntries(g);

        // The value of each arc in the search: the count (local; logs compare the same way) or, for sums, the count or
        // the normalised count in log space, as the global main path does.
        var value = new double[m];
        for (var e = 0; e < m; e++)
        {
            value[e] = search == KeyRouteSearch.Local ? w[e] : c.Log ? c.Normalised(e) : w[e];
        }

        // Global: the best sum from a source to each node (ahead) and from each node to a sink (behind).
        double[] ahead = [];
        double[] behind = [];
        if (search == KeyRouteSearch.Global)
        {
            ahead = new double[n];
            behind = new double[n];
            foreach (var v in c.Order)
            {
                var best = inOff[v + 1] == inOff[v] ? 0.0 : double.NegativeInfinity;
                for (var i = inOff[v]; i < inOff[v + 1]; i++)
                {
                    var e = inEntry[i];
                    best = Math.Max(best, ahead[sourceOf[e]] + value[e]);
                }

                ahead[v] = best;
            }

            for (var i = c.Order.Length - 1; i >= 0; i--)
            {
                var v = c.Order[i];
                var best = offsets[v + 1] == offsets[v] ? 0.0 : double.NegativeInfinity;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    best = Math.Max(best, value[e] + behind[targets[e]]);
                }

                behind[v] = best;
            }
        }

        var selected = new bool[m];
        var forwardDone = new bool[n];
        var backwardDone = new bool[n];
        var stack = new Stack<int>();
        foreach (var key in keyArray)
        {
            selected[key] = true;

            // Forward from the head.
            Push(targets[key], forwardDone);
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                var goal = double.NegativeInfinity;
                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    goal = Math.Max(goal, Score(e, forward: true));
                }

                for (var e = offsets[v]; e < offsets[v + 1]; e++)
                {
                    if (Same(Score(e, forward: true), goal))
                    {
                        selected[e] = true;
                        Push(targets[e], forwardDone);
                        if (!keepAll)
                        {
                            break;
                        }
                    }
                }
            }

            // Backward from the tail.
            Push(sourceOf[key], backwardDone);
            while (stack.Count > 0)
            {
                var v = stack.Pop();
                var goal = double.NegativeInfinity;
                for (var i = inOff[v]; i < inOff[v + 1]; i++)
                {
                    goal = Math.Max(goal, Score(inEntry[i], forward: false));
                }

                for (var i = inOff[v]; i < inOff[v + 1]; i++)
                {
                    var e = inEntry[i];
                    if (Same(Score(e, forward: false), goal))
                    {
                        selected[e] = true;
                        Push(sourceOf[e], backwardDone);
                        if (!keepAll)
                        {
                            break;
                        }
                    }
                }
            }
        }

        var path = new List<int>();
        for (var e = 0; e < m; e++)
        {
            if (selected[e])
            {
                path.Add(e);
            }
        }

        return (keyArray, path.ToArray());

        // Local: the arc's own count. Global: the arc plus the best continuation beyond it.
        double Score(int e, bool forward) => search == KeyRouteSearch.Local
            ? value[e]
            : forward ? value[e] + behind[headOf[e]] : ahead[sourceOf[e]] + value[e];

        // Exact equality, or in log space a relative 1e-12 (logs locally, normalised sums globally, as the main paths do).
        bool Same(double a, double b) => c.Ties(a, b);

        void Push(int v, bool[] done)
        {
            if (!done[v])
            {
                done[v] = true;
                stack.Push(v);
            }
        }
    }
}
