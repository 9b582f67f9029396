using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace GlocalNetworks.Internal;

/// <summary>
/// The lookup by id that <see cref="Model.InnovatorTable"/> and <see cref="Model.RegionTree"/> share: items indexed
/// 0..n-1, an ordinal id → index map, and misses that name the closest known ids. Immutable once built.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class IdIndex<T>
    where T : class
{
    private readonly T[] _items;
    private readonly Dictionary<string, int> _index;
    private readonly string _noun;

    /// <summary>Wraps <paramref name="items"/> and their index (taken over, not copied).</summary>
    /// <param name="items">The items by index.</param>
    /// <param name="index">Each item's id → its index (ordinal).</param>
    /// <param name="noun">What an item is, in messages (<c>innovator</c>, <c>region</c>).</param>
    public IdIndex(T[] items, Dictionary<string, int> index, string noun)
    {
        _items = items;
        _index = index;
        _noun = noun;
    }

    /// <summary>Every id, in no particular order.</summary>
    public IEnumerable<string> Ids => _index.Keys;

    /// <summary>The index of the item with the given id.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No such item; the message suggests up to three close ids.</exception>
    public int IndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_index.TryGetValue(id, out var i))
        {
            return i;
        }

        throw new KeyNotFoundException($"Unknown {_noun} id '{id}'.{Suggestions.DidYouMean(Suggest(id))}");
    }

    /// <summary>Looks up an index by id; -1 when absent (or <paramref name="id"/> is <see langword="null"/>).</summary>
    public bool TryGetIndex(string id, out int index)
    {
        if (id is not null && _index.TryGetValue(id, out index))
        {
            return true;
        }

        index = -1;
        return false;
    }

    /// <summary>Looks up an item by id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out T? item)
    {
        if (TryGetIndex(id, out var i))
        {
            item = _items[i];
            return true;
        }

        item = null;
        return false;
    }

    /// <summary>Whether an item with this id exists (<see langword="false"/> for <see langword="null"/>).</summary>
    public bool Contains(string id) => id is not null && _index.ContainsKey(id);

    /// <summary>Up to three known ids close to <paramref name="id"/>, closest first.</summary>
    public IReadOnlyList<string> Suggest(string id) => Suggestions.Closest(id, _index.Keys);
}
