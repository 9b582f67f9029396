using System;
using System.Threading;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.NullModels;

/// <summary>A significance test straight from a network: <c>network.TestSignificance("density", NullModel.DegreePreserving)</c>.</summary>
public static class SignificanceExtensions
{
    /// <summary>Tests the built-in metric <paramref name="metricId"/> (default options) against <paramref name="nullModel"/>;
    /// see <see cref="Significance"/>.</summary>
    /// <param name="network">The observed network.</param>
    /// <param name="metricId">The metric id.</param>
    /// <param name="nullModel">The null model.</param>
    /// <param name="settings">Replicates (default 99), seed (default 42), parallelism, level and progress.</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>One row per statistic.</returns>
    /// <exception cref="UnknownMetricException">The id is not a built-in metric.</exception>
    public static SignificanceTable TestSignificance(this GlocalNetwork network, string metricId, INullModel nullModel,
        SignificanceOptions? settings = null, CancellationToken cancellationToken = default) =>
        Significance.Test(network, metricId, nullModel, settings, null, cancellationToken);

    /// <summary>Tests <paramref name="metric"/> with its options changed by <paramref name="configure"/> against
    /// <paramref name="nullModel"/>; see <see cref="Significance"/>.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="network">The observed network.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="nullModel">The null model.</param>
    /// <param name="configure">Changes the default options, or <see langword="null"/>.</param>
    /// <param name="settings">Replicates (default 99), seed (default 42), parallelism, level and progress.</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>One row per statistic.</returns>
    public static SignificanceTable TestSignificance<TOptions, TResult>(this GlocalNetwork network, IMetric<TOptions, TResult> metric,
        INullModel nullModel, Func<TOptions, TOptions>? configure = null, SignificanceOptions? settings = null,
        CancellationToken cancellationToken = default)
        where TOptions : class, new()
        where TResult : MetricResult
    {
        ArgumentNullException.ThrowIfNull(metric);
        var options = new TOptions();
        return Significance.Test(network, metric, configure is null ? options : configure(options), nullModel, settings, cancellationToken);
    }

    /// <summary>Tests the registered metric behind <paramref name="metric"/> (e.g. <c>StandardMetrics.EiIndex</c>) with its
    /// options changed by <paramref name="configure"/> against <paramref name="nullModel"/>; see <see cref="Significance"/>.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="network">The observed network.</param>
    /// <param name="metric">The metric handle.</param>
    /// <param name="nullModel">The null model.</param>
    /// <param name="configure">Changes the default options, or <see langword="null"/>.</param>
    /// <param name="settings">Replicates (default 99), seed (default 42), parallelism, level and progress.</param>
    /// <param name="registry">Resolves the handle's id; <see langword="null"/> for the built-in metrics.</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>One row per statistic.</returns>
    /// <exception cref="UnknownMetricException">The id is not registered.</exception>
    public static SignificanceTable TestSignificance<TOptions, TResult>(this GlocalNetwork network, MetricHandle<TOptions, TResult> metric,
        INullModel nullModel, Func<TOptions, TOptions>? configure = null, SignificanceOptions? settings = null, IMetricRegistry? registry = null,
        CancellationToken cancellationToken = default)
        where TOptions : class, new()
        where TResult : MetricResult
    {
        ArgumentNullException.ThrowIfNull(metric);
        var options = new TOptions();
        return Significance.Test(network, Significance.Resolve(metric.Id, registry), configure is null ? options : configure(options), nullModel,
            settings, cancellationToken);
    }
}
