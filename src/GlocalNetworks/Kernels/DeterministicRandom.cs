using System;

namespace GlocalNetworks.Kernels;

/// <summary>
/// The library's only source of randomness: xoshiro256** seeded by SplitMix64 from (seed, stream), so every replicate,
/// sampled source or restart has its own reproducible stream (DESIGN 3.5). Not thread-safe: one instance per stream.
/// </summary>
public sealed class DeterministicRandom
{
    /// <summary>The default seed of every randomised metric: 42.</summary>
    public const ulong DefaultSeed = 42;

    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates the generator for <paramref name="seed"/> and <paramref name="stream"/>.</summary>
    /// <param name="seed">The user's seed.</param>
    /// <param name="stream">The stream number (replicate, source sample, restart); different streams are independent.</param>
    public DeterministicRandom(ulong seed, ulong stream = 0)
    {
        var sm = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    /// <summary>The next 64 random bits.</summary>
    /// <returns>A uniformly distributed value.</returns>
    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's method).</summary>
    /// <param name="maxExclusive">The bound, &gt; 0.</param>
    /// <returns>The integer.</returns>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var bound = (ulong)maxExclusive;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var r = NextUInt64();
            var hi = Math.BigMul(r, bound, out var lo);
            if (lo >= threshold)
            {
                return (int)hi;
            }
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>The double.</returns>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher-Yates).</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="values">The values.</param>
    public void Shuffle<T>(Span<T> values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
