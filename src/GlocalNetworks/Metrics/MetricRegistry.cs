using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using GlocalNetworks.Internal;

namespace GlocalNetworks.Metrics;

/// <summary>Resolves metrics by id.</summary>
public interface IMetricRegistry
{
    /// <summary>Every registered metric, in registration order.</summary>
    IEnumerable<IMetric> All { get; }

    /// <summary>The metric with <paramref name="id"/>.</summary>
    /// <param name="id">The id (ordinal, lowercase kebab-case).</param>
    /// <returns>The metric.</returns>
    /// <exception cref="UnknownMetricException">No metric has the id; the message suggests close ids.</exception>
    IMetric Get(string id);

    /// <summary>Looks up a metric.</summary>
    /// <param name="id">The id.</param>
    /// <param name="metric">The metric when found.</param>
    /// <returns>Whether it exists.</returns>
    bool TryGet(string id, [NotNullWhen(true)] out IMetric? metric);

    /// <summary>Up to three known ids close to <paramref name="unknownId"/> by edit distance.</summary>
    /// <param name="unknownId">The unknown id.</param>
    /// <returns>The suggestions.</returns>
    IReadOnlyList<string> Suggest(string unknownId);
}

/// <summary>The default registry: a fixed set of metrics with unique ids, plus aliases (e.g. <c>rca</c> for <c>location-quotient</c>).</summary>
public sealed class MetricRegistry : IMetricRegistry
{
    private readonly List<IMetric> _all = [];
    private readonly Dictionary<string, IMetric> _byId = new(StringComparer.Ordinal);

    /// <summary>Creates a registry.</summary>
    /// <param name="metrics">The metrics; ids must be unique.</param>
    /// <exception cref="ArgumentException">An id is registered twice (the message names both types) or is not kebab-case.</exception>
    public MetricRegistry(IEnumerable<IMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var m in metrics)
        {
            ArgumentNullException.ThrowIfNull(m);
            if (!TextRules.IsKebab(m.Id, allowUpper: false))
            {
                throw new ArgumentException($"Metric id '{m.Id}' of '{m.GetType().Name}' is not lowercase kebab-case (a-z, 0-9 and single hyphens).", nameof(metrics));
            }

            if (_byId.TryGetValue(m.Id, out var other))
            {
                if (ReferenceEquals(other, m) || other.GetType() == m.GetType())
                {
                    continue;
                }

                throw new ArgumentException($"Metric id '{m.Id}' is registered twice: '{other.GetType().Name}' and '{m.GetType().Name}'.", nameof(metrics));
            }

            _byId.Add(m.Id, m);
            _all.Add(m);
        }
    }

    /// <summary>A registry of every built-in metric.</summary>
    /// <returns>The registry.</returns>
    public static MetricRegistry CreateDefault() => new(BuiltInMetrics.Create());

    /// <summary>A registry of every built-in metric plus <paramref name="extra"/>.</summary>
    /// <param name="extra">User metrics.</param>
    /// <returns>The registry.</returns>
    public static MetricRegistry CreateDefault(IEnumerable<IMetric> extra)
    {
        var all = new List<IMetric>(BuiltInMetrics.Create());
        all.AddRange(extra);
        return new MetricRegistry(all);
    }

    /// <inheritdoc/>
    public IEnumerable<IMetric> All => _all;

    /// <inheritdoc/>
    public IMetric Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryGet(id, out var m) ? m : throw new UnknownMetricException(id, Suggest(id));
    }

    /// <inheritdoc/>
    public bool TryGet(string id, [NotNullWhen(true)] out IMetric? metric)
    {
        if (id is not null && _byId.TryGetValue(id, out metric))
        {
            return true;
        }

        metric = null;
        return false;
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> Suggest(string unknownId) => Suggestions.Closest(unknownId ?? string.Empty, _byId.Keys);

}
