using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using GlocalNetworks.Internal;

namespace GlocalNetworks.Model;

/// <summary>
/// The innovators of a network, indexed 0..<see cref="Count"/>-1 with O(1) lookup by id and each innovator's home region
/// index in the <see cref="RegionTree"/>. Immutable; shared by every snapshot derived from a network.
/// </summary>
public sealed class InnovatorTable : IReadOnlyList<Innovator>
{
    private readonly int[] _region;
    private readonly InnovatorKind[] _kind;
    private readonly int _count;
    private Func<Innovator[]>? _create; // a lazy table's innovators, made on first use; null once made (or when eager)
    private Entries? _entries;

    internal InnovatorTable(Innovator[] items, Dictionary<string, int> index, int[] region)
    {
        _entries = new Entries(items, index);
        _count = items.Length;
        _region = region;
        _kind = new InnovatorKind[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            _kind[i] = items[i].Kind;
        }
    }

    /// <summary>A table whose <see cref="Innovator"/> objects and id map are made on first use (a loader's inferred table:
    /// one object and one id string per node that counting, sorting and graph building never need). The objects must
    /// have distinct ids and the given kinds; <paramref name="create"/> must give the same objects on every call.</summary>
    /// <param name="count">The number of innovators.</param>
    /// <param name="region">Their home region indices.</param>
    /// <param name="kind">Their kinds.</param>
    /// <param name="create">Makes the innovators, by index.</param>
    internal InnovatorTable(int count, int[] region, InnovatorKind[] kind, Func<Innovator[]> create)
    {
        _count = count;
        _region = region;
        _kind = kind;
        _create = create;
    }

    /// <summary>The number of innovators.</summary>
    public int Count => _count;

    /// <summary>The innovator with index <paramref name="index"/>.</summary>
    /// <param name="index">An index in [0, <see cref="Count"/>).</param>
    public Innovator this[int index] => Items[index];

    /// <summary>The innovator with the given id.</summary>
    /// <param name="id">The innovator id.</param>
    /// <exception cref="KeyNotFoundException">No such innovator; the message suggests close ids.</exception>
    public Innovator this[string id] => Items[IndexOf(id)];

    /// <summary>Each innovator's home region index in the region tree, by innovator index.</summary>
    public ReadOnlySpan<int> RegionIndices => _region;

    /// <summary>Each innovator's kind, by innovator index.</summary>
    public ReadOnlySpan<InnovatorKind> Kinds => _kind;

    /// <summary>The index of the innovator with the given id.</summary>
    /// <param name="id">The id (ordinal).</param>
    /// <returns>The index.</returns>
    /// <exception cref="KeyNotFoundException">No such innovator; the message suggests up to three close ids.</exception>
    public int IndexOf(string id) => Ids.IndexOf(id);

    /// <summary>Looks up an innovator index by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="index">The index when found, else -1.</param>
    /// <returns>Whether the innovator exists.</returns>
    public bool TryGetIndex(string id, out int index) => Ids.TryGetIndex(id, out index);

    /// <summary>Looks up an innovator by id.</summary>
    /// <param name="id">The id.</param>
    /// <param name="innovator">The innovator when found.</param>
    /// <returns>Whether the innovator exists.</returns>
    public bool TryGet(string id, [NotNullWhen(true)] out Innovator? innovator) => Ids.TryGet(id, out innovator);

    /// <summary>Whether an innovator with this id exists.</summary>
    /// <param name="id">The id.</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public bool Contains(string id) => Ids.Contains(id);

    /// <summary>The id of the innovator at <paramref name="index"/>.</summary>
    /// <param name="index">An index.</param>
    /// <returns>The id.</returns>
    public string IdOf(int index) => Items[index].Id;

    /// <summary>A table of the same innovators (same ids, indices and id map) with other homes, for null models that
    /// relocate innovators: <paramref name="items"/>[i] must have this table's id at index i.</summary>
    /// <param name="items">The relocated innovators, by index.</param>
    /// <param name="region">Their home region indices.</param>
    /// <returns>The new table, sharing the id map.</returns>
    internal InnovatorTable WithHomes(Innovator[] items, int[] region) => new(items, Made.Index, region);

    /// <summary>Up to three innovator ids close to <paramref name="id"/>, for "did you mean" messages.</summary>
    internal IReadOnlyList<string> Suggest(string id) => Ids.Suggest(id);

    /// <inheritdoc/>
    public IEnumerator<Innovator> GetEnumerator() => ((IEnumerable<Innovator>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private Innovator[] Items => Made.Items;

    private IdIndex<Innovator> Ids => Made.Ids;

    /// <summary>The innovators and the id map, made on first use for a lazy table (thread-safe: a racing thread's copy,
    /// equal in every respect, is dropped and everyone uses the one published first).</summary>
    private Entries Made
    {
        get
        {
            var e = Volatile.Read(ref _entries);
            if (e is not null)
            {
                return e;
            }

            // _create is cleared only after the publication, so a null here means another thread has published.
            var create = Volatile.Read(ref _create);
            if (create is null)
            {
                return Volatile.Read(ref _entries)!;
            }

            var items = create();
            var index = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
            for (var i = 0; i < items.Length; i++)
            {
                index.Add(items[i].Id, i);
            }

            Interlocked.CompareExchange(ref _entries, new Entries(items, index), null);
            Volatile.Write(ref _create, null);
            return _entries!;
        }
    }

    private sealed class Entries(Innovator[] items, Dictionary<string, int> index)
    {
        public Innovator[] Items { get; } = items;

        public Dictionary<string, int> Index { get; } = index;

        public IdIndex<Innovator> Ids { get; } = new(items, index, "innovator");
    }
}
