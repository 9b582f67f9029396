using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Glocal;

/// <summary>Options of <see cref="RegionNetwork.Build"/>.</summary>
public sealed record RegionNetworkOptions
{
    /// <summary>Whether region links weigh the innovator links' weights; <see langword="false"/> counts links.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Weighted { get; init; } = true;

    /// <summary>Whether the region network is directed (arcs R → S weigh F_RS); <see langword="null"/>: directed exactly
    /// when every link of the network is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>
/// Networks of regions and of one region (DESIGN 2.7): <c>net.ToRegionNetwork("country")</c> turns the innovator network
/// into a network of regions, so every node metric runs on regions; <c>net.Region("DE21").WithBoundaryLinks()</c>
/// extracts one region's local network with its links to the outside.
/// </summary>
/// <remarks>
/// <para><b>Region network.</b> Its innovators are the regions at the level that hold at least one innovator, in
/// region-tree order: id and home region = the region's id, name = the region's name, kind
/// <see cref="InnovatorKind.RegionAggregate"/>, location = the region's centroid. Attributes (strings, invariant
/// round-trip format): <see cref="InternalWeightAttribute"/> = F_RR, the weight of the region's internal links, and
/// <see cref="InnovatorsAttribute"/> = how many innovators it holds. Its links are the non-zero F_RS of
/// <see cref="RegionFlowsMetric"/>: one undirected link per pair R &lt; S, or an arc for every R ≠ S when directed; kind
/// <see cref="LinkKind.Other"/>, no year (slice the innovator network with <see cref="GlocalNetwork.Between"/> first).
/// It shares the region tree and the scale classifier, so a link's scale is that of the two regions' lowest common
/// ancestor. Innovators without a region at the level and their links are left out (F's <c>ungrouped</c> properties
/// count them). No organisers. Time O(n + m + r²) (O(n + m + nnz) above 2048 regions).</para>
/// <para><b>Extraction.</b> <see cref="Region"/> selects the innovators whose home region is the region or lies below it;
/// see <see cref="RegionSelection"/>.</para>
/// </remarks>
public static class RegionNetwork
{
    /// <summary>The region network's node attribute holding F_RR, the weight of the region's internal links: <c>internalWeight</c>.</summary>
    public const string InternalWeightAttribute = "internalWeight";

    /// <summary>The region network's node attribute holding the number of innovators in the region: <c>innovators</c>.</summary>
    public const string InnovatorsAttribute = "innovators";

    /// <summary>The attribute that marks the outside ends of boundary links in an extracted region (value <c>true</c>): <c>boundary</c>.</summary>
    public const string BoundaryAttribute = "boundary";

    /// <summary>The network of the regions at <paramref name="level"/>, linked by the flows between them.</summary>
    /// <param name="network">The innovator network.</param>
    /// <param name="level">A level id of the network's ladder, e.g. <c>country</c>.</param>
    /// <param name="options">Weighting and direction, or <see langword="null"/> for the defaults.</param>
    /// <param name="maxDegreeOfParallelism">Threads for the flow pass (the result does not depend on it), or <see langword="null"/> for the core count.</param>
    /// <param name="cancellationToken">Cancels the flow pass.</param>
    /// <returns>The region network.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    public static GlocalNetwork Build(GlocalNetwork network, string level, RegionNetworkOptions? options = null, int? maxDegreeOfParallelism = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(level);
        options ??= new RegionNetworkOptions();
        var lv = network.Ladder.GetLevel(level).Name;
        var context = new MetricContext(network, maxDegreeOfParallelism: maxDegreeOfParallelism, cancellationToken: cancellationToken);
        var flows = new RegionFlowsMetric().Compute(context, new RegionFlowsOptions { Level = lv, Weighted = options.Weighted, Directed = options.Directed });
        var groups = InnovatorGroups.Resolve(context, null, null, lv);
        var f = flows.ToMatrix();
        var directed = flows.Properties["directed"] == "true";
        var regions = new Innovator[groups.Count];
        for (var q = 0; q < regions.Length; q++)
        {
            var region = network.Regions[groups.Ids[q]];
            var attrs = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [InternalWeightAttribute] = f[q, q].ToString("R", CultureInfo.InvariantCulture),
                [InnovatorsAttribute] = groups.Sizes[q].ToString(CultureInfo.InvariantCulture),
            };
            regions[q] = new Innovator(region.Id, region.Name, InnovatorKind.RegionAggregate, region.Id, region.Centroid,
                new ReadOnlyDictionary<string, string>(attrs));
        }

        var table = NetworkAssembly.CreateInnovatorTable(regions, network.Regions, null, null);
        var cols = new LinkColumnsBuilder();
        foreach (var (i, j, w) in f.EnumerateIndexed(Zeros.AllowSkip))
        {
            if (w != 0 && (directed ? i != j : i < j))
            {
                cols.Add(i, j, w, LinkKind.Other, null, null, null, directed);
            }
        }

        return NetworkAssembly.Assemble(network.Regions, table, cols, [], network.Classifier);
    }

    /// <summary>The network of the regions at <paramref name="level"/> (see <see cref="Build"/>).</summary>
    /// <param name="network">The innovator network.</param>
    /// <param name="level">A level id, e.g. <c>country</c>.</param>
    /// <param name="options">Weighting and direction, or <see langword="null"/> for the defaults.</param>
    /// <returns>The region network.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    public static GlocalNetwork ToRegionNetwork(this GlocalNetwork network, string level, RegionNetworkOptions? options = null) =>
        Build(network, level, options);

    /// <summary>Selects region <paramref name="regionId"/> (any level) for extraction: <c>net.Region("DE21").WithBoundaryLinks()</c>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="regionId">A region id of the network's tree.</param>
    /// <returns>The selection.</returns>
    /// <exception cref="KeyNotFoundException">No such region; the message suggests close ids.</exception>
    public static RegionSelection Region(this GlocalNetwork network, string regionId)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(regionId);
        return new RegionSelection(network, network.Regions.IndexOf(regionId));
    }
}

/// <summary>
/// One region of a network, ready for extraction: its innovators are those whose home region is the region or lies below
/// it. <see cref="Induced"/> gives their network; <see cref="WithBoundaryLinks"/> adds the links to the outside, whose
/// outside ends are kept as boundary innovators. Both share the parent's region tree, classifier and innovator records.
/// </summary>
public sealed class RegionSelection
{
    private readonly GlocalNetwork _network;
    private readonly int _region;

    internal RegionSelection(GlocalNetwork network, int region)
    {
        _network = network;
        _region = region;
    }

    /// <summary>The region.</summary>
    public Region Region => _network.Regions[_region];

    /// <summary>The number of innovators located in the region or below it.</summary>
    public int InnovatorCount
    {
        get
        {
            var c = 0;
            foreach (var inside in Inside())
            {
                c += inside ? 1 : 0;
            }

            return c;
        }
    }

    /// <summary>The induced subnetwork: the region's innovators (in the parent's order) and the links whose two ends are
    /// among them. O(n + m).</summary>
    /// <returns>The subnetwork.</returns>
    public GlocalNetwork Induced() => Extract(boundary: false);

    /// <summary>
    /// The induced subnetwork plus every link with exactly one end in the region. The outside ends are kept as boundary
    /// innovators: their records with the attribute <see cref="RegionNetwork.BoundaryAttribute"/> = <c>true</c> added
    /// (their home regions unchanged, so boundary links keep their scales); interior innovators keep their records
    /// unchanged. Links between two boundary innovators are not included. Innovators keep the parent's order. O(n + m).
    /// </summary>
    /// <returns>The subnetwork.</returns>
    public GlocalNetwork WithBoundaryLinks() => Extract(boundary: true);

    /// <inheritdoc/>
    public override string ToString() => $"Region '{Region.Id}' of {_network}";

    private bool[] Inside()
    {
        var inside = new bool[_network.Innovators.Count];
        var at = _network.RegionIndicesAt(Region.Level);
        for (var i = 0; i < inside.Length; i++)
        {
            inside[i] = at[i] == _region;
        }

        return inside;
    }

    private GlocalNetwork Extract(bool boundary)
    {
        var inside = Inside();
        var kept = (bool[])inside.Clone();
        var src = _network.Links.Sources;
        var dst = _network.Links.Targets;
        var links = new List<int>();
        for (var l = 0; l < src.Length; l++)
        {
            bool a = inside[src[l]], b = inside[dst[l]];
            if (a && b)
            {
                links.Add(l);
            }
            else if (boundary && (a || b))
            {
                links.Add(l);
                kept[a ? dst[l] : src[l]] = true;
            }
        }

        var innovators = new List<int>();
        var marks = new List<bool>();
        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i])
            {
                innovators.Add(i);
                marks.Add(!inside[i]);
            }
        }

        return SubNetworks.Build(_network, innovators.ToArray(), marks.ToArray(), links.ToArray(), new int[kept.Length]);
    }
}
