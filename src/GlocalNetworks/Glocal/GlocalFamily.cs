using System.Collections.Generic;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Glocal;

/// <summary>The glocal metrics (scales, openness, buzz and pipelines, brokerage, gatekeepers, flows, distance decay, gravity,
/// triple helix, organisers): what no general graph library offers.</summary>
public static class GlocalFamily
{
    /// <summary>A new list of the family's metrics, one instance each.</summary>
    /// <returns>The metrics.</returns>
    public static IReadOnlyList<IMetric> Create() =>
    [
        new ScaleMixMetric(),
        new GlocalityMetric(),
        new TripleHelixMetric(),
        new OrganiserReachMetric(),
        new EiIndexMetric(),
        new BuzzPipelinesMetric(),
        new BrokerageMetric(),
        new GatekeepersMetric(),
        new DistanceDecayMetric(),
        new GravityMetric(),
        new RegionFlowsMetric(),
    ];
}
