using System;
using System.Buffers;

namespace GlocalNetworks.Internal;

/// <summary>Stable counting sorts over int keys in [0, keyCount): O(n + keyCount), no comparisons, no per-item objects.</summary>
internal static class CountingSort
{
    /// <summary>
    /// Reorders <paramref name="order"/> (a permutation of item indices) stably by <c>keys[item]</c>.
    /// Used as one pass of an LSD radix sort: sort by the least significant key first.
    /// </summary>
    public static void StableByKey(ReadOnlySpan<int> keys, int keyCount, Span<int> order)
    {
        var n = order.Length;
        var counts = ArrayPool<int>.Shared.Rent(keyCount + 1);
        var tmp = ArrayPool<int>.Shared.Rent(n);
        try
        {
            var c = counts.AsSpan(0, keyCount + 1);
            c.Clear();
            for (var i = 0; i < n; i++)
            {
                c[keys[order[i]] + 1]++;
            }

            for (var k = 1; k <= keyCount; k++)
            {
                c[k] += c[k - 1];
            }

            for (var i = 0; i < n; i++)
            {
                var item = order[i];
                tmp[c[keys[item]]++] = item;
            }

            tmp.AsSpan(0, n).CopyTo(order);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            ArrayPool<int>.Shared.Return(tmp);
        }
    }

    /// <summary>
    /// Moves the pairs (<paramref name="keys"/>[i], <paramref name="values"/>[i]) into <paramref name="keysOut"/> and
    /// <paramref name="valuesOut"/> stably ordered by key: the same as gathering both columns by the order
    /// <see cref="StableByKey"/> gives from the identity, in one pass and without an order array.
    /// </summary>
    public static void StableScatterPairs(ReadOnlySpan<int> keys, ReadOnlySpan<int> values, int keyCount, Span<int> keysOut, Span<int> valuesOut)
    {
        var n = keys.Length;
        var counts = ArrayPool<int>.Shared.Rent(keyCount + 1);
        try
        {
            var c = counts.AsSpan(0, keyCount + 1);
            c.Clear();
            for (var i = 0; i < n; i++)
            {
                c[keys[i] + 1]++;
            }

            for (var k = 1; k <= keyCount; k++)
            {
                c[k] += c[k - 1];
            }

            for (var i = 0; i < n; i++)
            {
                var key = keys[i];
                var p = c[key]++;
                keysOut[p] = key;
                valuesOut[p] = values[i];
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    /// <summary>Writes 0..n-1 into <paramref name="order"/>.</summary>
    public static void Identity(Span<int> order)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
    }
}
