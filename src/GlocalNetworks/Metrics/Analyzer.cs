using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.Metrics;

/// <summary>One metric to run, with its options (<see langword="null"/> for the defaults).</summary>
/// <param name="MetricId">The metric id.</param>
/// <param name="Options">The options, of the metric's options type, or <see langword="null"/>.</param>
public sealed record MetricRequest(string MetricId, object? Options = null)
{
    /// <summary>Requests for ids with default options; shared by every fluent builder (analysis, evolution).</summary>
    internal static IEnumerable<MetricRequest> ForIds(string[] metricIds)
    {
        ArgumentNullException.ThrowIfNull(metricIds);
        var list = new List<MetricRequest>(metricIds.Length);
        foreach (var id in metricIds)
        {
            ArgumentException.ThrowIfNullOrEmpty(id);
            list.Add(new MetricRequest(id));
        }

        return list;
    }

    /// <summary>A request for an id with options of its options type.</summary>
    internal static MetricRequest For(string metricId, object options)
    {
        ArgumentException.ThrowIfNullOrEmpty(metricId);
        ArgumentNullException.ThrowIfNull(options);
        return new MetricRequest(metricId, options);
    }

    /// <summary>A request for a typed handle with its default options, changed by <paramref name="configure"/>.</summary>
    internal static MetricRequest For<TOptions, TResult>(MetricHandle<TOptions, TResult> metric, Func<TOptions, TOptions>? configure)
        where TOptions : class, new()
        where TResult : MetricResult
    {
        ArgumentNullException.ThrowIfNull(metric);
        var options = new TOptions();
        return new MetricRequest(metric.Id, configure is null ? options : configure(options));
    }
}

/// <summary>What to analyse: the metrics, the time range, the seed, the parallelism and the progress reporter. Immutable.</summary>
public sealed record AnalysisRequest
{
    /// <summary>The metrics, run in this order.</summary>
    public IReadOnlyList<MetricRequest> Metrics { get; init; } = [];

    /// <summary>The first year (inclusive) of links analysed, or <see langword="null"/>.</summary>
    public int? FromYear { get; init; }

    /// <summary>The last year (inclusive), or <see langword="null"/>.</summary>
    public int? ToYear { get; init; }

    /// <summary>The default region level for region-keyed metrics (e.g. <c>country</c>), or <see langword="null"/> for each metric's own default.</summary>
    public string? Level { get; init; }

    /// <summary>The seed of every random choice.</summary>
    /// <value>The default value is 42.</value>
    public ulong Seed { get; init; } = DeterministicRandom.DefaultSeed;

    /// <summary>Threads a metric may use, or <see langword="null"/> for the core count. Results do not depend on it.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Receives progress, or <see langword="null"/>.</summary>
    public IProgress<MetricProgress>? Progress { get; init; }
}

/// <summary>Runs metrics on a network.</summary>
public interface IAnalyzer
{
    /// <summary>Runs every requested metric and returns their results.</summary>
    /// <param name="network">The network.</param>
    /// <param name="request">What to run.</param>
    /// <param name="cancellationToken">Cancels the run; a cancelled run throws <see cref="OperationCanceledException"/> and returns nothing partial.</param>
    /// <returns>The results.</returns>
    /// <exception cref="UnknownMetricException">An id is not registered.</exception>
    AnalysisResult Run(GlocalNetwork network, AnalysisRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The default analyzer: resolves ids in the registry (all of them before running any), slices time, and runs the metrics in order on one shared <see cref="MetricContext"/>.</summary>
public sealed class Analyzer : IAnalyzer
{
    /// <summary>Creates an analyzer.</summary>
    /// <param name="registry">The registry that resolves ids.</param>
    public Analyzer(IMetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        Registry = registry;
    }

    /// <summary>The registry.</summary>
    public IMetricRegistry Registry { get; }

    /// <inheritdoc/>
    public AnalysisResult Run(GlocalNetwork network, AnalysisRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(request);
        var metrics = new IMetric[request.Metrics.Count];
        for (var i = 0; i < metrics.Length; i++)
        {
            var r = request.Metrics[i];
            metrics[i] = Registry.Get(r.MetricId);
            if (r.Options is not null && !metrics[i].OptionsType.IsInstanceOfType(r.Options))
            {
                throw new ArgumentException($"Metric '{r.MetricId}' takes options of type '{metrics[i].OptionsType.Name}', not '{r.Options.GetType().Name}'.", nameof(request));
            }
        }

        var net = network;
        if (request.FromYear is not null || request.ToYear is not null)
        {
            net = network.Where(new LinkFilter { FromYear = request.FromYear, ToYear = request.ToYear });
        }

        if (request.Level is not null)
        {
            net.Ladder.GetLevel(request.Level);
        }

        var context = new MetricContext(net, request.Seed, request.MaxDegreeOfParallelism, request.Progress, cancellationToken) { Level = request.Level };
        var results = new List<MetricResult>(metrics.Length);
        for (var i = 0; i < metrics.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(metrics[i].Compute(context, request.Metrics[i].Options));
        }

        return new AnalysisResult(net, request, results);
    }
}
