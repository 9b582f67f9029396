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

    /// <summary>Up to three known ids (of metrics and comparison statistics) close to <paramref name="unknownId"/> by edit distance.</summary>
    /// <param name="unknownId">The unknown id.</param>
    /// <returns>The suggestions.</returns>
    IReadOnlyList<string> Suggest(string unknownId);

    /// <summary>Every registered comparison statistic (<c>qap</c>, <c>mrqap</c>, ...), in registration order.</summary>
    IEnumerable<IComparisonMetric> ComparisonMetrics => [];

    /// <summary>Looks up a comparison statistic.</summary>
    /// <param name="id">The id.</param>
    /// <param name="metric">The statistic when found.</param>
    /// <returns>Whether it exists.</returns>
    bool TryGetComparison(string id, [NotNullWhen(true)] out IComparisonMetric? metric)
    {
        metric = null;
        return false;
    }
}

/// <summary>The default registry: a fixed set of metrics and comparison statistics with unique ids (across both kinds),
/// plus aliases (e.g. <c>rca</c> for <c>location-quotient</c>).</summary>
public sealed class MetricRegistry : IMetricRegistry
{
    private readonly List<IMetric> _all = [];
    private readonly List<IComparisonMetric> _comparisons = [];
    private readonly Dictionary<string, IMetric> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IComparisonMetric> _comparisonById = new(StringComparer.Ordinal);

    /// <summary>Creates a registry.</summary>
    /// <param name="metrics">The metrics; ids must be unique.</param>
    /// <param name="comparisonMetrics">The comparison statistics (<c>qap</c>, <c>mrqap</c>, ...); their ids must differ
    /// from each other and from every metric's; <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">An id is registered twice (the message names both types) or is not kebab-case.</exception>
    public MetricRegistry(IEnumerable<IMetric> metrics, IEnumerable<IComparisonMetric>? comparisonMetrics = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var m in metrics)
        {
            ArgumentNullException.ThrowIfNull(m);
            if (Admit(m.Id, m, nameof(metrics)))
            {
                _byId.Add(m.Id, m);
                _all.Add(m);
            }
        }

        foreach (var c in comparisonMetrics ?? [])
        {
            ArgumentNullException.ThrowIfNull(c);
            if (Admit(c.Id, c, nameof(comparisonMetrics)))
            {
                _comparisonById.Add(c.Id, c);
                _comparisons.Add(c);
            }
        }
    }

    /// <summary>A registry of every built-in metric and comparison statistic.</summary>
    /// <returns>The registry.</returns>
    public static MetricRegistry CreateDefault() => new(BuiltInMetrics.Create(), Comparison.ComparisonFamily.Create());

    /// <summary>A registry of every built-in metric and comparison statistic plus <paramref name="extra"/>.</summary>
    /// <param name="extra">User metrics.</param>
    /// <param name="extraComparisons">User comparison statistics, or <see langword="null"/>.</param>
    /// <returns>The registry.</returns>
    public static MetricRegistry CreateDefault(IEnumerable<IMetric> extra, IEnumerable<IComparisonMetric>? extraComparisons = null)
    {
        var all = new List<IMetric>(BuiltInMetrics.Create());
        all.AddRange(extra);
        var comparisons = new List<IComparisonMetric>(Comparison.ComparisonFamily.Create());
        comparisons.AddRange(extraComparisons ?? []);
        return new MetricRegistry(all, comparisons);
    }

    /// <inheritdoc/>
    public IEnumerable<IMetric> All => _all;

    /// <inheritdoc/>
    public IEnumerable<IComparisonMetric> ComparisonMetrics => _comparisons;

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="id"/> is a comparison statistic (such as <c>qap</c>), which runs
    /// over several networks: the message says to use <c>GlocalNetwork.Compare(...)</c>.</exception>
    public IMetric Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (TryGet(id, out var m))
        {
            return m;
        }

        if (_comparisonById.ContainsKey(id))
        {
            throw new ArgumentException($"Metric '{id}' compares networks; use GlocalNetwork.Compare(...).Compute(\"{id}\").", nameof(id));
        }

        throw new UnknownMetricException(id, Suggest(id));
    }

    /// <inheritdoc/>
    public bool TryGetComparison(string id, [NotNullWhen(true)] out IComparisonMetric? metric)
    {
        if (id is not null && _comparisonById.TryGetValue(id, out metric))
        {
            return true;
        }

        metric = null;
        return false;
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
    public IReadOnlyList<string> Suggest(string unknownId)
    {
        var ids = new List<string>(_byId.Count + _comparisonById.Count);
        ids.AddRange(_byId.Keys);
        ids.AddRange(_comparisonById.Keys);
        return Suggestions.Closest(unknownId ?? string.Empty, ids);
    }

    // Checks an id; false when the same instance or type is already registered under it (a harmless repeat).
    private bool Admit(string id, object metric, string parameter)
    {
        if (!TextRules.IsKebab(id, allowUpper: false))
        {
            throw new ArgumentException($"Metric id '{id}' of '{metric.GetType().Name}' is not lowercase kebab-case (a-z, 0-9 and single hyphens).", parameter);
        }

        object? other = _byId.TryGetValue(id, out var m) ? m : _comparisonById.TryGetValue(id, out var c) ? c : null;
        if (other is null)
        {
            return true;
        }

        if (ReferenceEquals(other, metric) || other.GetType() == metric.GetType())
        {
            return false;
        }

        throw new ArgumentException($"Metric id '{id}' is registered twice: '{other.GetType().Name}' and '{metric.GetType().Name}'.", parameter);
    }
}
