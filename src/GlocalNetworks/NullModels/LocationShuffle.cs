using System;
using System.Runtime.CompilerServices;
using System.Threading;
using GlocalNetworks.Glocal;
using GlocalNetworks.Internal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.NullModels;

/// <summary>
/// The location null model: the graph stays exactly as it is and the innovators' homes are permuted among them, so every
/// region keeps its number of innovators while who sits where is randomised. Optionally the permutation stays within
/// strata (innovators of one country, of one kind, with one attribute value), so that, for example, innovators move only
/// within their country. Scales are recomputed with the network's classifier.
/// </summary>
/// <remarks>
/// <para>An innovator's home is its home region together with its own coordinates (<see cref="Innovator.Location"/>), so
/// that a distance classifier sees the move too. Ids, names, kinds and attributes stay with the innovator; the link table is
/// shared with the observed network, not copied.</para>
/// <para>Strata are <see cref="InnovatorGroups"/>; innovators without a group (located above the stratum level, attribute
/// missing) are permuted among themselves, as one more stratum.</para>
/// <para>Replicate k draws from <c>DeterministicRandom(seed, stream: k)</c>: one Fisher-Yates shuffle per stratum, strata in
/// group order. Time O(n + m) per replicate (m for the scales).</para>
/// </remarks>
public sealed class LocationShuffle : INullModel
{
    private readonly Func<GlocalNetwork, InnovatorGroups>? _strata;
    private readonly ConditionalWeakTable<GlocalNetwork, Layout> _layouts = [];

    /// <summary>A shuffle over all innovators (no strata).</summary>
    public LocationShuffle()
    {
        Name = "location-shuffle";
    }

    /// <summary>A shuffle within the strata that <paramref name="strata"/> makes of a network.</summary>
    /// <param name="strata">Partitions a network's innovators (e.g. <c>n =&gt; InnovatorGroups.ByLevel(n, "country")</c>).</param>
    /// <param name="stratumName">What the strata are, for <see cref="Name"/> (e.g. <c>country</c>).</param>
    public LocationShuffle(Func<GlocalNetwork, InnovatorGroups> strata, string stratumName)
    {
        ArgumentNullException.ThrowIfNull(strata);
        ArgumentException.ThrowIfNullOrEmpty(stratumName);
        _strata = strata;
        Name = "location-shuffle-within-" + stratumName;
    }

    /// <summary>The name: <c>location-shuffle</c>, or <c>location-shuffle-within-STRATA</c>.</summary>
    public string Name { get; }

    /// <summary>A shuffle within the regions at <paramref name="level"/> (e.g. <c>country</c>: innovators move only within
    /// their country).</summary>
    /// <param name="level">A level id of the network's ladder (checked when a replicate is drawn).</param>
    /// <returns>The model.</returns>
    public static LocationShuffle WithinLevel(string level)
    {
        ArgumentException.ThrowIfNullOrEmpty(level);
        return new LocationShuffle(n => InnovatorGroups.ByLevel(n, level), level);
    }

    /// <summary>A shuffle within innovator kinds (firms swap homes with firms, universities with universities).</summary>
    /// <returns>The model.</returns>
    public static LocationShuffle WithinKind() => new(InnovatorGroups.ByKind, "kind");

    /// <summary>A shuffle within the values of an innovator attribute (e.g. <c>sector</c>).</summary>
    /// <param name="attribute">The attribute name.</param>
    /// <returns>The model.</returns>
    public static LocationShuffle WithinAttribute(string attribute)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        return new LocationShuffle(n => InnovatorGroups.ByAttribute(n, attribute), attribute);
    }

    /// <inheritdoc/>
    public NullReplicate Sample(GlocalNetwork network, ulong seed, int replicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(replicate);
        cancellationToken.ThrowIfCancellationRequested();
        var layout = _layouts.GetValue(network, Build);
        var inn = network.Innovators;
        var n = inn.Count;
        var rng = new DeterministicRandom(seed, (ulong)replicate);
        var perm = (int[])layout.Order.Clone();
        for (var s = 0; s + 1 < layout.Starts.Length; s++)
        {
            rng.Shuffle(perm.AsSpan(layout.Starts[s], layout.Starts[s + 1] - layout.Starts[s]));
        }

        var homes = inn.RegionIndices;
        var items = new Innovator[n];
        var region = new int[n];
        for (var j = 0; j < n; j++)
        {
            var i = layout.Order[j];
            var from = inn[perm[j]];
            var self = inn[i];
            region[i] = homes[perm[j]];
            items[i] = string.Equals(self.RegionId, from.RegionId, StringComparison.Ordinal) && self.Location == from.Location
                ? self
                : self with { RegionId = from.RegionId, Location = from.Location };
        }

        var moved = inn.WithHomes(items, region);
        var links = network.Links;
        var scales = new Scale[links.Start + links.Count];
        var limited = new bool[links.Start + links.Count];
        network.Classifier.ClassifyAll(network.Regions, moved, links.Sources, links.Targets,
            scales.AsSpan(links.Start), limited.AsSpan(links.Start));
        return new NullReplicate(new GlocalNetwork(network.Regions, moved, links, scales, limited, network.Organisers, network.Classifier));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private Layout Build(GlocalNetwork network)
    {
        var n = network.Innovators.Count;
        var order = new int[n];
        CountingSort.Identity(order);
        if (_strata is null)
        {
            return new Layout(order, [0, n]);
        }

        var groups = _strata(network);
        var g = groups.Count;
        var key = new int[n];
        var of = groups.GroupOf;
        for (var i = 0; i < n; i++)
        {
            key[i] = of[i] < 0 ? g : of[i];
        }

        CountingSort.StableByKey(key, g + 1, order);
        var starts = new int[g + 2];
        for (var i = 0; i < n; i++)
        {
            starts[key[i] + 1]++;
        }

        for (var s = 1; s < starts.Length; s++)
        {
            starts[s] += starts[s - 1];
        }

        return new Layout(order, starts);
    }

    /// <summary>Innovator indices sorted by stratum (ungrouped last), and where each stratum starts (plus the end).</summary>
    private sealed record Layout(int[] Order, int[] Starts);
}
