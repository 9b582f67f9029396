using System;
using System.Collections.Generic;
using GlocalNetworks.Model;

namespace GlocalNetworks.Comparison;

/// <summary>
/// How to split one network into named parts for a side-by-side comparison: by link kind, by an innovator attribute, by a
/// key of each link, or by named link predicates. Every part is a snapshot of the same network
/// (<see cref="GlocalNetwork.Where"/>-style): it keeps the region tree, every innovator and the organisers, and only the
/// links differ, so innovators absent from a part are isolated there.
/// </summary>
/// <example><code>
/// ComparisonTable t = network.SplitBy(NetworkSplit.ByAttribute("sector")).Compute("density").Run();
/// </code></example>
public sealed class NetworkSplit
{
    private readonly Func<GlocalNetwork, IReadOnlyList<KeyValuePair<string, GlocalNetwork>>> _split;

    private NetworkSplit(string description, Func<GlocalNetwork, IReadOnlyList<KeyValuePair<string, GlocalNetwork>>> split)
    {
        Description = description;
        _split = split;
    }

    /// <summary>What the split is, e.g. <c>link kind</c> or <c>attribute 'sector'</c>.</summary>
    public string Description { get; }

    /// <summary>One part per link kind that occurs (named by the kind, e.g. <c>CoPatent</c>), in enum order. A partition of the links.</summary>
    public static NetworkSplit ByLinkKind { get; } = new("link kind", SplitByLinkKind);

    /// <summary>One part per value of an innovator attribute: a link is in part v when both of its ends have the value v;
    /// links whose ends differ, or whose ends lack the attribute, are in no part. Parts are ordered by value (ordinal).</summary>
    /// <param name="attribute">The attribute name (<see cref="Innovator.Attributes"/>).</param>
    /// <returns>The split.</returns>
    public static NetworkSplit ByAttribute(string attribute)
    {
        ArgumentException.ThrowIfNullOrEmpty(attribute);
        return new NetworkSplit($"attribute '{attribute}'", net => SplitByAttribute(net, attribute));
    }

    /// <summary>One part per key: each link goes to the part named by <paramref name="key"/> (or to none when it returns
    /// <see langword="null"/>). Parts are ordered by key (ordinal). A partition of the links that have a key.</summary>
    /// <param name="key">The part of a link (its year, a kind pair, ...), given the network and the link.</param>
    /// <returns>The split.</returns>
    public static NetworkSplit ByLinkKey(Func<GlocalNetwork, KnowledgeLink, string?> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new NetworkSplit("link key", net => SplitByKey(net, key));
    }

    /// <summary>Named parts, each the links that satisfy its predicate (parts may overlap), in the order given.</summary>
    /// <param name="parts">Part name → predicate on (network, link); names unique.</param>
    /// <returns>The split.</returns>
    /// <exception cref="ArgumentException">A name repeats or is empty, or there are no parts.</exception>
    public static NetworkSplit ByLinks(params (string Name, Func<GlocalNetwork, KnowledgeLink, bool> Predicate)[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw new ArgumentException("A split needs at least one part.", nameof(parts));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, predicate) in parts)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(predicate);
            if (!names.Add(name))
            {
                throw new ArgumentException($"Part '{name}' occurs twice; part names must be unique.", nameof(parts));
            }
        }

        return new NetworkSplit("link predicates", net => SplitByPredicates(net, parts));
    }

    /// <summary>Splits <paramref name="network"/>.</summary>
    /// <param name="network">The network.</param>
    /// <returns>Part name → snapshot, in the split's order.</returns>
    public IReadOnlyList<KeyValuePair<string, GlocalNetwork>> Apply(GlocalNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return _split(network);
    }

    /// <inheritdoc/>
    public override string ToString() => Description;

    private static List<KeyValuePair<string, GlocalNetwork>> SplitByLinkKind(GlocalNetwork net)
    {
        var kinds = net.Links.Kinds;
        var buckets = new List<int>?[256];
        for (var l = 0; l < kinds.Length; l++)
        {
            (buckets[(int)kinds[l]] ??= []).Add(l);
        }

        var result = new List<KeyValuePair<string, GlocalNetwork>>();
        for (var k = 0; k < buckets.Length; k++)
        {
            if (buckets[k] is { } b)
            {
                result.Add(new(((LinkKind)k).ToString(), net.SelectLinks(b.ToArray())));
            }
        }

        return result;
    }

    private static List<KeyValuePair<string, GlocalNetwork>> SplitByAttribute(GlocalNetwork net, string attribute)
    {
        var n = net.Innovators.Count;
        var value = new string?[n];
        for (var i = 0; i < n; i++)
        {
            value[i] = net.Innovators[i].Attributes.TryGetValue(attribute, out var v) && v.Length > 0 ? v : null;
        }

        var src = net.Links.Sources;
        var dst = net.Links.Targets;
        var keys = new string?[src.Length];
        for (var l = 0; l < src.Length; l++)
        {
            var a = value[src[l]];
            keys[l] = a is not null && string.Equals(a, value[dst[l]], StringComparison.Ordinal) ? a : null;
        }

        return Buckets(net, keys);
    }

    private static List<KeyValuePair<string, GlocalNetwork>> SplitByKey(GlocalNetwork net, Func<GlocalNetwork, KnowledgeLink, string?> key)
    {
        var links = net.Links;
        var keys = new string?[links.Count];
        for (var l = 0; l < keys.Length; l++)
        {
            keys[l] = key(net, links[l]);
        }

        return Buckets(net, keys);
    }

    private static List<KeyValuePair<string, GlocalNetwork>> Buckets(GlocalNetwork net, string?[] keys)
    {
        var buckets = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var l = 0; l < keys.Length; l++)
        {
            if (keys[l] is { } k)
            {
                if (!buckets.TryGetValue(k, out var list))
                {
                    buckets.Add(k, list = []);
                }

                list.Add(l);
            }
        }

        var result = new List<KeyValuePair<string, GlocalNetwork>>(buckets.Count);
        foreach (var (k, list) in buckets)
        {
            result.Add(new(k, net.SelectLinks(list.ToArray())));
        }

        return result;
    }

    private static List<KeyValuePair<string, GlocalNetwork>> SplitByPredicates(GlocalNetwork net, (string Name, Func<GlocalNetwork, KnowledgeLink, bool> Predicate)[] parts)
    {
        var links = net.Links;
        var result = new List<KeyValuePair<string, GlocalNetwork>>(parts.Length);
        foreach (var (name, predicate) in parts)
        {
            var kept = new List<int>();
            for (var l = 0; l < links.Count; l++)
            {
                if (predicate(net, links[l]))
                {
                    kept.Add(l);
                }
            }

            result.Add(new(name, net.SelectLinks(kept.ToArray())));
        }

        return result;
    }
}
