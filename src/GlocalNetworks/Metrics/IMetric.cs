using System;

namespace GlocalNetworks.Metrics;

/// <summary>What a metric's result is keyed by.</summary>
public enum MetricScope
{
    /// <summary>One value (or several columns) per innovator: a <see cref="NodeTable"/>.</summary>
    Node = 0,

    /// <summary>One row per region at a level: a <see cref="RegionTable"/>.</summary>
    Region = 1,

    /// <summary>One row per link: a <see cref="LinkScoreTable"/>.</summary>
    Link = 2,

    /// <summary>Values for the whole network: a <see cref="ScalarResult"/>.</summary>
    Network = 3,

    /// <summary>A matrix (e.g. region × region): a <see cref="MatrixResult"/>.</summary>
    Matrix = 4,

    /// <summary>One row per category that is neither an innovator, a region nor a link (an innovator kind, a kind pair, a
    /// distance band, an organiser): a <see cref="GroupTable"/>.</summary>
    Group = 5,

    /// <summary>Several of the above at once (network values with per-region and per-innovator tables): a
    /// <see cref="CompositeResult"/>.</summary>
    Composite = 6,
}

/// <summary>
/// A metric: a stateless calculator with a stable kebab-case id, a one-line description, typed options and a typed
/// result. Register your own with the registry or <c>services.AddGlocalNetworks(b =&gt; b.AddMetric&lt;MyMetric&gt;())</c>.
/// </summary>
/// <remarks>Implementations must be thread-safe and deterministic for a given <see cref="MetricContext.Seed"/>.
/// Derive from <see cref="Metric{TOptions, TResult}"/> rather than implementing this interface directly.</remarks>
public interface IMetric
{
    /// <summary>The stable id: lowercase ASCII kebab-case, e.g. <c>pagerank</c>, <c>core-number</c>. Never changes once shipped.</summary>
    string Id { get; }

    /// <summary>A one-line description, shown by <c>glocal metrics --list</c>.</summary>
    string Description { get; }

    /// <summary>The options type (a sealed record with a parameterless constructor giving the defaults).</summary>
    Type OptionsType { get; }

    /// <summary>What the result is keyed by.</summary>
    MetricScope Scope { get; }

    /// <summary>Computes the metric.</summary>
    /// <param name="context">The network, its graphs, the cache, cancellation, progress and the seed.</param>
    /// <param name="options">Options of type <see cref="OptionsType"/>, or <see langword="null"/> for the defaults.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not of <see cref="OptionsType"/>.</exception>
    MetricResult Compute(MetricContext context, object? options);
}

/// <summary>A metric with typed options and result.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
public interface IMetric<in TOptions, out TResult> : IMetric
    where TOptions : class, new()
    where TResult : MetricResult
{
    /// <summary>Computes the metric.</summary>
    /// <param name="context">The context.</param>
    /// <param name="options">The options.</param>
    /// <returns>The result.</returns>
    TResult Compute(MetricContext context, TOptions options);
}

/// <summary>The base of typed metrics: implement <see cref="Compute(MetricContext, TOptions)"/>; the untyped entry point is done for you.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <typeparam name="TResult">The result type.</typeparam>
public abstract class Metric<TOptions, TResult> : IMetric<TOptions, TResult>
    where TOptions : class, new()
    where TResult : MetricResult
{
    /// <inheritdoc/>
    public abstract string Id { get; }

    /// <inheritdoc/>
    public abstract string Description { get; }

    /// <inheritdoc/>
    public Type OptionsType => typeof(TOptions);

    /// <inheritdoc/>
    public abstract MetricScope Scope { get; }

    /// <inheritdoc/>
    public abstract TResult Compute(MetricContext context, TOptions options);

    /// <inheritdoc/>
    public MetricResult Compute(MetricContext context, object? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Compute(context, MetricOptions.Cast<TOptions>(Id, options));
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}

/// <summary>Progress of a long metric: <paramref name="Done"/> of <paramref name="Total"/> units (sources, iterations, passes).</summary>
/// <param name="MetricId">The metric reporting.</param>
/// <param name="Done">Units done.</param>
/// <param name="Total">Units in all (0 when unknown).</param>
/// <param name="Stage">An optional stage name (e.g. <c>level 2</c>).</param>
public readonly record struct MetricProgress(string MetricId, long Done, long Total, string? Stage = null);

/// <summary>Untyped options to a metric's options type, for <see cref="Metric{TOptions, TResult}"/> and
/// <see cref="ComparisonMetric{TOptions}"/>.</summary>
internal static class MetricOptions
{
    /// <summary>The options as <typeparamref name="TOptions"/>: the defaults for <see langword="null"/>.</summary>
    /// <exception cref="ArgumentException">The options are of another type.</exception>
    public static TOptions Cast<TOptions>(string metricId, object? options)
        where TOptions : class, new() => options switch
        {
            null => new TOptions(),
            TOptions o => o,
            _ => throw new ArgumentException(
                $"Metric '{metricId}' takes options of type '{typeof(TOptions).Name}', not '{options.GetType().Name}'.", nameof(options)),
        };
}
