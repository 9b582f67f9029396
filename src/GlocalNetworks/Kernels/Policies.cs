namespace GlocalNetworks.Kernels;

/// <summary>How parallel links (the same pair of nodes, in the same direction for directed graphs) merge into one CSR entry.</summary>
public enum ParallelLinkPolicy
{
    /// <summary>The entry's weight is the sum of the links' weights (the default).</summary>
    Sum = 0,

    /// <summary>The entry's weight is the largest of the links' weights.</summary>
    Max = 1,

    /// <summary>The entry's weight is the number of links.</summary>
    Count = 2,

    /// <summary>The entry keeps the first link's weight (in input order).</summary>
    First = 3,
}

/// <summary>What a CSR build does with a link whose two ends are the same node.</summary>
public enum SelfLoopPolicy
{
    /// <summary>Throw (the default for loaded data).</summary>
    Reject = 0,

    /// <summary>Leave it out of the graph.</summary>
    Ignore = 1,

    /// <summary>Keep it as one entry (u, u) in row u; an undirected loop is stored once, not as two half-edges.</summary>
    Keep = 2,
}
