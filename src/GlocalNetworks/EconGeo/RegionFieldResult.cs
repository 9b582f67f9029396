using System.Collections.Generic;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.EconGeo;

/// <summary>A result with one table per region and one per field (the method of reflections; ECI with PCI). Immutable.</summary>
public sealed class RegionFieldResult : CompositeResult
{
    internal RegionFieldResult(string metricId, RegionTable regions, GroupTable fields, IReadOnlyDictionary<string, string> properties)
        : base(metricId, [new KeyValuePair<string, MetricResult>("regions", regions), new KeyValuePair<string, MetricResult>("fields", fields)], properties)
    {
    }

    /// <summary>The values per region (rows of the activity matrix).</summary>
    public RegionTable Regions => Part<RegionTable>("regions");

    /// <summary>The values per field (columns of the activity matrix); the key column is <c>field</c>.</summary>
    public GroupTable Fields => Part<GroupTable>("fields");
}
