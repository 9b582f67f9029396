using System;

namespace GlocalNetworks.Model;

/// <summary>One level of a <see cref="RegionLadder"/>, such as <c>city</c> or <c>country</c>.</summary>
/// <param name="Name">The level id: lowercase kebab-case, compared case-insensitively (e.g. <c>world-region</c>).</param>
/// <param name="Rank">The position on the ladder: 0 is the finest level, higher is coarser.</param>
public readonly record struct RegionLevel(string Name, int Rank) : IComparable<RegionLevel>
{
    /// <summary>Compares by <see cref="Rank"/> (finer first).</summary>
    /// <param name="other">The other level.</param>
    /// <returns>A negative number when this level is finer.</returns>
    public int CompareTo(RegionLevel other) => Rank.CompareTo(other.Rank);

    /// <summary>Whether <paramref name="left"/> is finer than <paramref name="right"/>.</summary>
    /// <param name="left">A level.</param>
    /// <param name="right">Another level.</param>
    /// <returns>The comparison of ranks.</returns>
    public static bool operator <(RegionLevel left, RegionLevel right) => left.Rank < right.Rank;

    /// <summary>Whether <paramref name="left"/> is coarser than <paramref name="right"/>.</summary>
    /// <param name="left">A level.</param>
    /// <param name="right">Another level.</param>
    /// <returns>The comparison of ranks.</returns>
    public static bool operator >(RegionLevel left, RegionLevel right) => left.Rank > right.Rank;

    /// <summary>Whether <paramref name="left"/> is finer than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">A level.</param>
    /// <param name="right">Another level.</param>
    /// <returns>The comparison of ranks.</returns>
    public static bool operator <=(RegionLevel left, RegionLevel right) => left.Rank <= right.Rank;

    /// <summary>Whether <paramref name="left"/> is coarser than or equal to <paramref name="right"/>.</summary>
    /// <param name="left">A level.</param>
    /// <param name="right">Another level.</param>
    /// <returns>The comparison of ranks.</returns>
    public static bool operator >=(RegionLevel left, RegionLevel right) => left.Rank >= right.Rank;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
