using System;
using System.Threading;
using GlocalNetworks.Model;

namespace GlocalNetworks.NullModels;

/// <summary>
/// A null model: a way to draw randomised replicates of a network that keep some of its structure and destroy the rest
/// (<see cref="DegreePreservingSwap"/> keeps every degree, <see cref="LocationShuffle"/> keeps the graph and the region
/// sizes). <see cref="Significance"/> compares a metric on the network with its values on the replicates. Implement this
/// interface to add your own.
/// </summary>
/// <remarks>Implementations must be thread-safe (replicates are drawn in parallel) and deterministic: the same network,
/// seed and replicate number always give the same replicate. Draw every random number from
/// <c>new DeterministicRandom(seed, stream: (ulong)replicate)</c> so that replicates are independent of each other and of
/// the thread count (DESIGN 2.11).</remarks>
public interface INullModel
{
    /// <summary>A short kebab-case name recorded in results, e.g. <c>degree-preserving</c>.</summary>
    string Name { get; }

    /// <summary>Draws replicate <paramref name="replicate"/>.</summary>
    /// <param name="network">The observed network.</param>
    /// <param name="seed">The master seed.</param>
    /// <param name="replicate">The replicate number, 0-based; replicate k uses stream k of <paramref name="seed"/>.</param>
    /// <param name="cancellationToken">Cancels a long draw (<see cref="OperationCanceledException"/>).</param>
    /// <returns>The randomised network and what drawing it took.</returns>
    NullReplicate Sample(GlocalNetwork network, ulong seed, int replicate, CancellationToken cancellationToken = default);
}

/// <summary>One replicate drawn by an <see cref="INullModel"/>.</summary>
/// <param name="Network">The randomised network (same innovators and regions as the observed one).</param>
/// <param name="Swaps">Rewiring steps made (0 for models that do not rewire).</param>
/// <param name="Attempts">Rewiring steps attempted.</param>
/// <param name="HitAttemptLimit">Whether the draw stopped at its attempt limit before making the steps it aimed for; the
/// replicate is then less randomised than asked, and <see cref="Metrics.SignificanceTable.AttemptLimitHits"/> counts it.</param>
public sealed record NullReplicate(GlocalNetwork Network, long Swaps = 0, long Attempts = 0, bool HitAttemptLimit = false);
