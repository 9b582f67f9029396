using System;
using System.Collections.Generic;
using System.Threading;
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
/// arcs) and the part <c>dropped</c> (one row per dropped arc: <c>reason</c> 1 = cites a newer work, 2 = largest in a
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

    internal MainPathResult(ScalarResult network, LinkScoreTable arcs, GroupTable dropped, IReadOnlyDictionary<string, string> properties,
        GlocalNetwork source, MainPathArc[] local, MainPathArc[] global, int[] localLinks, int[] globalLinks, DroppedArc[] droppedArcs,
        IReadOnlyList<IReadOnlyList<string>> cyclicComponents)
        : base(MainPathMetric.MetricId, [new(NetworkPart, network), new(ArcsPart, arcs), new(DroppedPart, dropped)], properties)
    {
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
    /// were computed in logarithms).</summary>
    public ScalarResult Network => Part<ScalarResult>(NetworkPart);

    /// <summary>One row per link of the analysed network (row i = link i).</summary>
    public LinkScoreTable Arcs => Part<LinkScoreTable>(ArcsPart);

    /// <summary>One row per dropped arc, keyed <c>source|target</c> (key column <c>arc</c>).</summary>
    public GroupTable Dropped => Part<GroupTable>(DroppedPart);

    /// <summary>The arcs of the local (forward) main path, in (source, target) index order.</summary>
    public IReadOnlyList<MainPathArc> LocalPath { get; }

    /// <summary>The arcs of the global main path(s), in (source, target) index order.</summary>
    public IReadOnlyList<MainPathArc> GlobalPath { get; }

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
