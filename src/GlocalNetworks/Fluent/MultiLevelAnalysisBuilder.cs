using System;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Fluent;

/// <summary>
/// The fluent front door of an analysis across levels (<see cref="MultiLevelAnalysis"/>):
/// <c>network.Analyze().AcrossLevels("province", "country").Compute("betweenness", "degree").Run()</c>. It shares the
/// <see cref="AnalysisBuilder"/> it came from (metrics, time range, seed, parallelism, progress, cancellation, analyzer),
/// so settings made before or after <see cref="AnalysisBuilder.AcrossLevels"/> both apply. Mutable while configured.
/// </summary>
public sealed class MultiLevelAnalysisBuilder
{
    private readonly AnalysisBuilder _analysis;
    private MultiLevelRequest _levels;

    internal MultiLevelAnalysisBuilder(AnalysisBuilder analysis, MultiLevelRequest levels)
    {
        _analysis = analysis;
        _levels = levels;
    }

    /// <summary>Adds node metrics by id, with their default options.</summary>
    /// <param name="metricIds">The ids.</param>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder Compute(params string[] metricIds) => With(_analysis.Compute(metricIds));

    /// <summary>Adds a node metric by id with options of its options type.</summary>
    /// <param name="metricId">The id.</param>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder Compute(string metricId, object options) => With(_analysis.Compute(metricId, options));

    /// <summary>Adds a node metric by typed handle, optionally changing its options.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <param name="metric">The handle.</param>
    /// <param name="configure">Changes the default options, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder Compute<TOptions>(MetricHandle<TOptions, NodeTable> metric, Func<TOptions, TOptions>? configure = null)
        where TOptions : class, new() => With(_analysis.Compute(metric, configure));

    /// <summary>Computes only each innovator's scores within its regions (no region networks).</summary>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder WithinRegionsOnly()
    {
        _levels = _levels with { Scopes = LevelScopes.WithinRegions };
        return this;
    }

    /// <summary>Computes only the regions' scores in the region networks (no within-region scores).</summary>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder RegionNetworksOnly()
    {
        _levels = _levels with { Scopes = LevelScopes.RegionNetworks };
        return this;
    }

    /// <summary>Builds the region networks with <paramref name="options"/> (default: weighted flows, directed when every link is).</summary>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder WithRegionNetworkOptions(RegionNetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _levels = _levels with { RegionNetwork = options };
        return this;
    }

    /// <summary>Sets the seed of every random choice (default 42).</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder WithSeed(ulong seed) => With(_analysis.WithSeed(seed));

    /// <summary>Sets the threads the run may use (results do not depend on it).</summary>
    /// <param name="maxDegreeOfParallelism">At least 1.</param>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder WithMaxDegreeOfParallelism(int maxDegreeOfParallelism) => With(_analysis.WithMaxDegreeOfParallelism(maxDegreeOfParallelism));

    /// <summary>Reports progress (regions done) to <paramref name="progress"/>.</summary>
    /// <param name="progress">The reporter.</param>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder WithProgress(IProgress<MetricProgress> progress) => With(_analysis.WithProgress(progress));

    /// <summary>Cancels the run with <paramref name="cancellationToken"/>.</summary>
    /// <param name="cancellationToken">The token.</param>
    /// <returns>This builder.</returns>
    public MultiLevelAnalysisBuilder WithCancellation(CancellationToken cancellationToken) => With(_analysis.WithCancellation(cancellationToken));

    /// <summary>The levels and scopes as configured so far.</summary>
    /// <returns>The request.</returns>
    public MultiLevelRequest ToLevelRequest() => _levels;

    /// <summary>Runs every metric at every level.</summary>
    /// <returns>The results.</returns>
    /// <exception cref="UnknownMetricException">An id is not registered (checked before anything runs).</exception>
    /// <exception cref="ArgumentException">A metric is not a node metric, or no metric was added.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    /// <exception cref="InvalidOperationException">A null model was set with <see cref="AnalysisBuilder.Against"/>: significance
    /// tests run on the whole network, not across levels.</exception>
    public MultiLevelResult Run()
    {
        EnsureNoSignificanceTest();
        return MultiLevelAnalysis.Run(_analysis.Network, _analysis.Analyzer, _analysis.ToRequest(), _levels, _analysis.CancellationToken);
    }

    /// <summary>Runs every metric at every level on the thread pool.</summary>
    /// <param name="cancellationToken">Cancels the run (together with any token given to <see cref="WithCancellation"/>).</param>
    /// <returns>The results.</returns>
    /// <exception cref="InvalidOperationException">A null model was set with <see cref="AnalysisBuilder.Against"/>.</exception>
    public Task<MultiLevelResult> RunAsync(CancellationToken cancellationToken = default)
    {
        EnsureNoSignificanceTest();
        var network = _analysis.Network;
        var analyzer = _analysis.Analyzer;
        var request = _analysis.ToRequest();
        var levels = _levels;
        var token = _analysis.CancellationToken;
        return Task.Run(() =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
            return MultiLevelAnalysis.Run(network, analyzer, request, levels, linked.Token);
        }, cancellationToken);
    }

    private MultiLevelAnalysisBuilder With(AnalysisBuilder _) => this;

    private void EnsureNoSignificanceTest()
    {
        if (_analysis.TestsSignificance)
        {
            throw new InvalidOperationException(
                "Significance tests (Against) run on the whole network, not across levels; run them with Analyze().Against(...).Run(), or on a region's network.");
        }
    }
}
