namespace GlocalNetworks.Kernels;

/// <summary>
/// How a network becomes a <see cref="CsrGraph"/>: direction, weighting, and the parallel-link and self-loop policies.
/// Immutable; used as a cache key for graphs.
/// </summary>
public sealed record GraphView
{
    /// <summary>The undirected, weighted view with parallel links summed (the default).</summary>
    public static GraphView UndirectedWeighted { get; } = new();

    /// <summary>The undirected, unweighted (simple graph) view.</summary>
    public static GraphView UndirectedUnweighted { get; } = new() { Weighted = false };

    /// <summary>The directed, weighted view.</summary>
    public static GraphView DirectedWeighted { get; } = new() { Directed = true };

    /// <summary>Whether the graph is directed. In a directed view, an undirected link becomes two arcs; in an undirected
    /// view every link is symmetric. <see langword="null"/>: directed exactly when every link is directed.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool? Directed { get; init; } = false;

    /// <summary>Whether entries carry the links' weights.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Weighted { get; init; } = true;

    /// <summary>How parallel links merge.</summary>
    /// <value>The default value is <see cref="ParallelLinkPolicy.Sum"/>.</value>
    public ParallelLinkPolicy Parallel { get; init; } = ParallelLinkPolicy.Sum;

    /// <summary>What to do with self-loops (knowledge links have none, but region networks may).</summary>
    /// <value>The default value is <see cref="SelfLoopPolicy.Ignore"/>.</value>
    public SelfLoopPolicy SelfLoops { get; init; } = SelfLoopPolicy.Ignore;
}
