using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using GlocalNetworks.Internal;

namespace GlocalNetworks.Model;

/// <summary>
/// The innovators of a network, indexed 0..<see cref="Count"/>-1 with O(1) lookup by id and each innovator's home region
/// index in the <see cref="RegionTree"/>. Immutable; shared by every snapshot derived from a network.
/// </summary>
public sealed class InnovatorTable : IReadOnlyList<Innovator>
{
    private readonly Innovator[] _items;
    private readonly IdIndex<Innovator> _ids;
    private readonly int[] _region;
    private readonly InnovatorKind[] _kind;
    private readonly Dictionary<string, int> _index;

    internal InnovatorTable(Innovator[] items, Dictionary<string, int> index, int[] region)
    {
        _items = items;
        _index = index;
        _ids = new IdIndex<Innovator>(items, index, "innovator");
        _region = region;
        _kind = new InnovatorKind[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            _kind[i] = items[i].Kind;
        }
    }

    /// <summary>The number of innovators.</summary>
    public int Count => _items.Length;

    /// <summary>The innovator with index <paramref name="index"/>.</summary>
    /// <param name="index">An index in [0, <see cref="Count"/>).</param>
    public Innovator this[int index] => _items[index];

    /// <summary>The innovator with the given id.</summary>
    /// <param name="id">The innovator id.</param>
    /// <exception cref="KeyNotFoundException">No such innovator; the message suggests close ids.</exception>
    public Innovator this[string id] => _items[IndexOf(id)];

    /// <summary>Each innovator's home region index in the region tree, by innovator index.</summary>
    public ReadOnlySpan<int> RegionIndices => _region;

    /// <summary>Each innovator's kind, by innovator index.</summary>
    public ReadOnlySpan<InnovatorKind> Kinds => _kind;

    /// <summary>The index of the innovator with the given id.</summary>
    /// <param name="id">The id (ordinal).</param>
    /// <returns>The index.</returns>
    /// <exception cref="KeyNotFoundException">No such innovator; the message suggests up to three close ids.</exception>
    public int IndexOf(string id) => _ids.IndexOf(id);

    /// <summary>Looks up an innovator index by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="index">The index when found, else -1.</param>
    /// <returns>Whether the innovator exists.</returns>
    public bool TryGetIndex(string id, out int index) => _ids.TryGetIndex(id, out index);

    /// <summary>Looks up an innovator by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="innovator">The innovator when found.</param>
    /// <returns>Whether the innovator exists.</returns>
    public bool TryGet(string id, [NotNullWhen(true)] out Innovator? innovator) => _ids.TryGet(id, out innovator);

    /// <summary>Whether an innovator with this id exists.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>The id of the innovator at <paramref name="index"/>.</summary>
    /// <param name="index">An index.</param>
    /// <returns>The id.</returns>
    public string IdOf(int index) => _items[index].Id;

    /// <summary>A table of the same innovators (same ids, indices and id map) with other homes, for null models that
    /// relocate innovators: <paramref name="items"/>[i] must have this table's id at index i.</summary>
    /// <param name="items">The relocated innovators, by index.</param>
    /// <param name="region">Their home region indices.</param>
    /// <returns>The new table, sharing the id map.</returns>
    internal InnovatorTable WithHomes(Innovator[] items, int[] region) => new(items, _index, region);

    /// <summary>Up to three innovator ids close to <paramref name="id"/>, for "did you mean" messages.</summary>
    internal IReadOnlyList<string> Suggest(string id) => _ids.Suggest(id);

    /// <inheritdoc/>
    public IEnumerator<Innovator> GetEnumerator() => ((IEnumerable<Innovator>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
