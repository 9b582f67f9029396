using System;
using System.Collections.Generic;
using GlocalNetworks.Model;

namespace GlocalNetworks.Scales;

/// <summary>
/// Sets the <see cref="Scale"/> of each knowledge link from where its two ends sit. The network calls it once, when it is
/// built, and keeps the result (<see cref="GlocalNetwork.LinkScales"/>).
/// </summary>
/// <remarks>Implementations must be deterministic and thread-safe, and must give the same scale for (a, b) and (b, a).</remarks>
public interface IScaleClassifier
{
    /// <summary>The scales this classifier can emit, nearest first (the set S of the glocality entropy).</summary>
    IReadOnlyList<Scale> Scales { get; }

    /// <summary>Classifies one link.</summary>
    /// <param name="regions">The region tree.</param>
    /// <param name="innovators">The innovators.</param>
    /// <param name="source">The source innovator index.</param>
    /// <param name="target">The target innovator index.</param>
    /// <param name="resolutionLimited">Set when the scale is only an upper bound because an end is located coarsely.</param>
    /// <returns>The scale.</returns>
    Scale Classify(RegionTree regions, InnovatorTable innovators, int source, int target, out bool resolutionLimited);

    /// <summary>Classifies every link.</summary>
    /// <param name="regions">The region tree.</param>
    /// <param name="innovators">The innovators.</param>
    /// <param name="sources">Source innovator indices.</param>
    /// <param name="targets">Target innovator indices, same length.</param>
    /// <param name="scales">Receives each link's scale.</param>
    /// <param name="resolutionLimited">Receives each link's resolution flag.</param>
    void ClassifyAll(RegionTree regions, InnovatorTable innovators, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets,
        Span<Scale> scales, Span<bool> resolutionLimited);
}
