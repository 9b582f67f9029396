using System;

namespace GlocalNetworks.Kernels;

/// <summary>
/// The fixed split of a list of sources (or rows) into chunks that every deterministic parallel kernel shares: at most
/// <see cref="MaxChunks"/> contiguous chunks, a function of the unit count only, never of the core count (DESIGN 3.5).
/// </summary>
internal static class SourceChunks
{
    /// <summary>The largest number of chunks.</summary>
    public const int MaxChunks = 64;

    /// <summary>The number of chunks for <paramref name="units"/> units: min(units, <see cref="MaxChunks"/>).</summary>
    /// <param name="units">The number of units (sources).</param>
    /// <returns>The chunk count (0 when there are no units).</returns>
    public static int Count(int units) => Math.Min(units, MaxChunks);

    /// <summary>The first unit of <paramref name="chunk"/> (the end of chunk c is the start of chunk c + 1).</summary>
    /// <param name="chunk">The chunk, in [0, <paramref name="chunks"/>].</param>
    /// <param name="chunks">The chunk count.</param>
    /// <param name="units">The unit count.</param>
    /// <returns>The start.</returns>
    public static int Start(int chunk, int chunks, int units) => (int)((long)chunk * units / chunks);

    /// <summary>The number of workers: min(max degree of parallelism, chunks), at least 1.</summary>
    /// <param name="maxDegreeOfParallelism">The allowed threads.</param>
    /// <param name="chunks">The chunk count.</param>
    /// <returns>The worker count.</returns>
    public static int Workers(int maxDegreeOfParallelism, int chunks) => Math.Max(1, Math.Min(maxDegreeOfParallelism, chunks));
}
