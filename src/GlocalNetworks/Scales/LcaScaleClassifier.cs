using System;
using System.Collections.Generic;
using GlocalNetworks.Model;

namespace GlocalNetworks.Scales;

/// <summary>
/// The default classifier: a link's scale is the ladder's scale for the level of the lowest common ancestor (LCA) of its
/// two ends' home regions, found in O(depth).
/// </summary>
/// <remarks>
/// <para>Two innovators in one city: the LCA is the city, so the link is Local (default ladder). Two cities of one
/// province: Regional. Two provinces of one country: National. Two countries of one world region: Supranational.
/// Otherwise Global.</para>
/// <para>Resolution: a link is <c>ResolutionLimited</c> when the LCA is one end's own home region and that region sits
/// above the ladder's finest level (two innovators known only by their country are National, flagged: they might share
/// a city). Such links are kept and counted, never dropped; the scale is an upper bound.</para>
/// </remarks>
public sealed class LcaScaleClassifier : IScaleClassifier
{
    /// <summary>The shared instance.</summary>
    public static LcaScaleClassifier Instance { get; } = new();

    /// <summary>The scales of the classifier; they depend on the ladder, so this lists all five.</summary>
    /// <remarks>Use <see cref="RegionLadder.Scales"/> for the scales a given ladder can emit.</remarks>
    public IReadOnlyList<Scale> Scales { get; } = [Scale.Local, Scale.Regional, Scale.National, Scale.Supranational, Scale.Global];

    /// <inheritdoc/>
    public Scale Classify(RegionTree regions, InnovatorTable innovators, int source, int target, out bool resolutionLimited)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(innovators);
        var homes = innovators.RegionIndices;
        return ClassifyCore(regions, homes[source], homes[target], out resolutionLimited);
    }

    /// <inheritdoc/>
    public void ClassifyAll(RegionTree regions, InnovatorTable innovators, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets,
        Span<Scale> scales, Span<bool> resolutionLimited)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(innovators);
        if (targets.Length != sources.Length || scales.Length < sources.Length || resolutionLimited.Length < sources.Length)
        {
            throw new ArgumentException("sources, targets, scales and resolutionLimited must have the same length.");
        }

        var homes = innovators.RegionIndices;
        if (sources.Length > 0 && OneHome(homes, sources, targets))
        {
            // Every innovator in one region (e.g. an inferred table: all in the root): one classification for all links.
            var scale = ClassifyCore(regions, homes[0], homes[0], out var limited);
            scales[..sources.Length].Fill(scale);
            resolutionLimited[..sources.Length].Fill(limited);
            return;
        }

        for (var i = 0; i < sources.Length; i++)
        {
            scales[i] = ClassifyCore(regions, homes[sources[i]], homes[targets[i]], out resolutionLimited[i]);
        }
    }

    /// <summary>Whether all innovators share one home region and every link end is an innovator index (otherwise the
    /// per-link loop runs, and raises its usual error for a bad index).</summary>
    private static bool OneHome(ReadOnlySpan<int> homes, ReadOnlySpan<int> sources, ReadOnlySpan<int> targets)
    {
        if (homes.IsEmpty || homes.ContainsAnyExcept(homes[0]))
        {
            return false;
        }

        var n = (uint)homes.Length;
        for (var i = 0; i < sources.Length; i++)
        {
            if ((uint)sources[i] >= n || (uint)targets[i] >= n)
            {
                return false;
            }
        }

        return true;
    }

    private static Scale ClassifyCore(RegionTree regions, int a, int b, out bool limited)
    {
        var lca = regions.LcaIndex(a, b);
        var rank = regions.LevelRank(lca);
        limited = (lca == a || lca == b) && rank > 0;
        return regions.Ladder.ScaleOfRank(rank);
    }
}
