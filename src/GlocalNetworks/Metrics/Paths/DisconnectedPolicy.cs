namespace GlocalNetworks.Metrics.Paths;

/// <summary>What distance metrics that need a connected network do when it is not.</summary>
public enum DisconnectedPolicy
{
    /// <summary>Raise <see cref="DisconnectedGraphException"/>, as networkx does.</summary>
    Throw = 0,

    /// <summary>Measure the largest connected component (strongly connected, when directed) and say so in the result.</summary>
    LargestComponent = 1,
}
