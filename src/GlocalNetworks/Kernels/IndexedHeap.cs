using System;
using System.Buffers;

namespace GlocalNetworks.Kernels;

/// <summary>
/// An indexed 4-ary min-heap of nodes 0..n-1 keyed by <see langword="double"/> priorities, on pooled arrays: insert,
/// decrease-key and pop-min in O(log₄ n), membership in O(1). Ties between equal keys are broken by the heap's
/// deterministic layout (the same inputs always pop in the same order). Not thread-safe: one heap per worker.
/// </summary>
/// <remarks>A 4-ary heap is shallower than a binary one and its four children share a cache line, which makes
/// Dijkstra's decrease-key-heavy pattern faster (LaMarca &amp; Ladner 1996). Dispose returns the arrays to
/// <see cref="ArrayPool{T}.Shared"/>.</remarks>
internal sealed class IndexedHeap : IDisposable
{
    private const int Arity = 4;

    private int[] _nodes;
    private double[] _keys;
    private int[] _position; // node -> slot, -1 when absent
    private int _count;

    /// <summary>Creates an empty heap for nodes 0..<paramref name="capacity"/>-1.</summary>
    /// <param name="capacity">The number of nodes.</param>
    public IndexedHeap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var c = Math.Max(1, capacity);
        _nodes = ArrayPool<int>.Shared.Rent(c);
        _keys = ArrayPool<double>.Shared.Rent(c);
        _position = ArrayPool<int>.Shared.Rent(c);
        _position.AsSpan(0, c).Fill(-1);
    }

    /// <summary>The number of nodes in the heap.</summary>
    public int Count => _count;

    /// <summary>Whether <paramref name="node"/> is in the heap.</summary>
    /// <param name="node">A node.</param>
    /// <returns>Whether it is queued.</returns>
    public bool Contains(int node) => _position[node] >= 0;

    /// <summary>Inserts <paramref name="node"/> with <paramref name="key"/>, or lowers its key when it is already queued
    /// with a larger one (a larger or equal key leaves it unchanged).</summary>
    /// <param name="node">The node.</param>
    /// <param name="key">Its priority.</param>
    public void InsertOrDecrease(int node, double key)
    {
        var slot = _position[node];
        if (slot < 0)
        {
            slot = _count++;
            _nodes[slot] = node;
            _keys[slot] = key;
            _position[node] = slot;
        }
        else if (key < _keys[slot])
        {
            _keys[slot] = key;
        }
        else
        {
            return;
        }

        SiftUp(slot);
    }

    /// <summary>Removes and returns the node with the smallest key.</summary>
    /// <param name="key">The key it had.</param>
    /// <returns>The node.</returns>
    /// <exception cref="InvalidOperationException">The heap is empty.</exception>
    public int Pop(out double key)
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("The heap is empty.");
        }

        var top = _nodes[0];
        key = _keys[0];
        _position[top] = -1;
        var last = --_count;
        if (last > 0)
        {
            var n = _nodes[last];
            var k = _keys[last];
            _nodes[0] = n;
            _keys[0] = k;
            _position[n] = 0;
            SiftDown(0);
        }

        return top;
    }

    /// <summary>Empties the heap (O(size)).</summary>
    public void Clear()
    {
        for (var i = 0; i < _count; i++)
        {
            _position[_nodes[i]] = -1;
        }

        _count = 0;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_nodes.Length == 0)
        {
            return;
        }

        ArrayPool<int>.Shared.Return(_nodes);
        ArrayPool<double>.Shared.Return(_keys);
        ArrayPool<int>.Shared.Return(_position);
        _nodes = [];
        _keys = [];
        _position = [];
        _count = 0;
    }

    private void SiftUp(int slot)
    {
        var nodes = _nodes;
        var keys = _keys;
        var pos = _position;
        var node = nodes[slot];
        var key = keys[slot];
        while (slot > 0)
        {
            var parent = (slot - 1) / Arity;
            var pk = keys[parent];
            if (pk <= key)
            {
                break;
            }

            var pn = nodes[parent];
            nodes[slot] = pn;
            keys[slot] = pk;
            pos[pn] = slot;
            slot = parent;
        }

        nodes[slot] = node;
        keys[slot] = key;
        pos[node] = slot;
    }

    private void SiftDown(int slot)
    {
        var nodes = _nodes;
        var keys = _keys;
        var pos = _position;
        var count = _count;
        var node = nodes[slot];
        var key = keys[slot];
        while (true)
        {
            var first = (slot * Arity) + 1;
            if (first >= count)
            {
                break;
            }

            var best = first;
            var bestKey = keys[first];
            var end = Math.Min(first + Arity, count);
            for (var c = first + 1; c < end; c++)
            {
                var ck = keys[c];
                if (ck < bestKey)
                {
                    best = c;
                    bestKey = ck;
                }
            }

            if (bestKey >= key)
            {
                break;
            }

            var bn = nodes[best];
            nodes[slot] = bn;
            keys[slot] = bestKey;
            pos[bn] = slot;
            slot = best;
        }

        nodes[slot] = node;
        keys[slot] = key;
        pos[node] = slot;
    }
}
