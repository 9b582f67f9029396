namespace GlocalNetworks.NullModels;

/// <summary>The ready null models: <c>network.Analyze().Compute("density").Against(NullModel.DegreePreserving).Run()</c>.</summary>
public static class NullModel
{
    /// <summary>Degree-preserving double-edge swaps with the defaults (10 swaps per tie, at most 100 attempts per tie).</summary>
    public static DegreePreservingSwap DegreePreserving { get; } = new();

    /// <summary>Innovators' homes permuted over all innovators; the graph stays.</summary>
    public static LocationShuffle LocationShuffle { get; } = new();

    /// <summary>Innovators' homes permuted within the regions at <paramref name="level"/> (e.g. <c>country</c>).</summary>
    /// <param name="level">A level id of the network's ladder.</param>
    /// <returns>The model.</returns>
    public static LocationShuffle LocationShuffleWithin(string level) => LocationShuffle.WithinLevel(level);
}
