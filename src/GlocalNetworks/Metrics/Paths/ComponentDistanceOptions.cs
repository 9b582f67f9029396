namespace GlocalNetworks.Metrics.Paths;

/// <summary>The options <see cref="DiameterMetric"/> and <see cref="AverageShortestPathMetric"/> share (networkx 3.6.1
/// <c>diameter</c> and <c>average_shortest_path_length</c>).</summary>
public abstract record ComponentDistanceOptions
{
    /// <summary>Use link weights as path LENGTHS (Dijkstra), as networkx's <c>weight="weight"</c> does.</summary>
    /// <value>The default value is <see langword="false"/> (networkx <c>weight=None</c>: every link has length 1).</value>
    public bool Weighted { get; init; }

    /// <summary>Estimate from k seeded sources of the component instead of all of them (the diameter: the largest
    /// eccentricity among them, a lower bound; the average: their mean distance to the rest of the component, unbiased).
    /// <see langword="null"/> or k ≥ component size: exact.</summary>
    /// <value>The default value is <see langword="null"/> (exact).</value>
    public int? Samples { get; init; }

    /// <summary>Whether to read links as directed; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }

    /// <summary>What to do when the network is disconnected (strongly, when directed).</summary>
    /// <value>The default value is <see cref="DisconnectedPolicy.Throw"/>, as networkx.</value>
    public DisconnectedPolicy Disconnected { get; init; }
}
