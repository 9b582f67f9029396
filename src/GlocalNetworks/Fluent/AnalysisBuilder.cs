using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.NullModels;

namespace GlocalNetworks.Fluent;

/// <summary>
/// The fluent front door of an analysis: <c>network.Analyze().Between(2010, 2020).Compute("betweenness", "pagerank").Run()</c>.
/// Mutable while it is configured; <see cref="Run"/> produces an immutable <see cref="AnalysisResult"/>.
/// </summary>
public sealed class AnalysisBuilder
{
    private static readonly Lazy<IAnalyzer> DefaultAnalyzer = new(() => new Analyzer(MetricRegistry.CreateDefault()));

    private readonly GlocalNetwork _network;
    private readonly List<MetricRequest> _metrics = [];
    private IAnalyzer? _analyzer;
    private AnalysisRequest _request = new();
    private CancellationToken _cancellationToken;
    private INullModel? _nullModel;
    private int _replicates;

    internal AnalysisBuilder(GlocalNetwork network, IAnalyzer? analyzer)
    {
        _network = network;
        _analyzer = analyzer;
    }

    /// <summary>Analyses only links whose year lies in [<paramref name="fromYear"/>, <paramref name="toYear"/>] (both included; undated links left out).</summary>
    /// <param name="fromYear">The first year.</param>
    /// <param name="toYear">The last year.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range ends before it starts.</exception>
    public AnalysisBuilder Between(int fromYear, int toYear)
    {
        if (toYear < fromYear)
        {
            throw new ArgumentOutOfRangeException(nameof(toYear), toYear, $"The range ends before it starts ({fromYear}..{toYear}).");
        }

        _request = _request with { FromYear = fromYear, ToYear = toYear };
        return this;
    }

    /// <summary>Sets the default region level of region-keyed metrics.</summary>
    /// <param name="level">A level id of the network's ladder.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    public AnalysisBuilder AtLevel(string level)
    {
        _network.Ladder.GetLevel(level);
        _request = _request with { Level = level };
        return this;
    }

    /// <summary>Adds metrics by id, with their default options.</summary>
    /// <param name="metricIds">The ids.</param>
    /// <returns>This builder.</returns>
    public AnalysisBuilder Compute(params string[] metricIds)
    {
        ArgumentNullException.ThrowIfNull(metricIds);
        foreach (var id in metricIds)
        {
            ArgumentException.ThrowIfNullOrEmpty(id);
            _metrics.Add(new MetricRequest(id));
        }

        return this;
    }

    /// <summary>Adds a metric by id with options of its options type.</summary>
    /// <param name="metricId">The id.</param>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public AnalysisBuilder Compute(string metricId, object options)
    {
        ArgumentException.ThrowIfNullOrEmpty(metricId);
        ArgumentNullException.ThrowIfNull(options);
        _metrics.Add(new MetricRequest(metricId, options));
        return this;
    }

    /// <summary>Adds a metric by typed handle, optionally changing its options: <c>o =&gt; o with { Normalized = true }</c>.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="metric">The handle.</param>
    /// <param name="configure">Changes the default options, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public AnalysisBuilder Compute<TOptions, TResult>(MetricHandle<TOptions, TResult> metric, Func<TOptions, TOptions>? configure = null)
        where TOptions : class, new()
        where TResult : MetricResult
    {
        ArgumentNullException.ThrowIfNull(metric);
        var options = new TOptions();
        _metrics.Add(new MetricRequest(metric.Id, configure is null ? options : configure(options)));
        return this;
    }

    /// <summary>Sets the seed of every random choice (default 42).</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>This builder.</returns>
    public AnalysisBuilder WithSeed(ulong seed)
    {
        _request = _request with { Seed = seed };
        return this;
    }

    /// <summary>Sets the threads metrics may use (results do not depend on it).</summary>
    /// <param name="maxDegreeOfParallelism">At least 1.</param>
    /// <returns>This builder.</returns>
    public AnalysisBuilder WithMaxDegreeOfParallelism(int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        _request = _request with { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        return this;
    }

    /// <summary>Reports progress to <paramref name="progress"/> (at most every 100 ms, from any thread).</summary>
    /// <param name="progress">The reporter.</param>
    /// <returns>This builder.</returns>
    public AnalysisBuilder WithProgress(IProgress<MetricProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        _request = _request with { Progress = progress };
        return this;
    }

    /// <summary>Cancels the run with <paramref name="cancellationToken"/>.</summary>
    /// <param name="cancellationToken">The token.</param>
    /// <returns>This builder.</returns>
    public AnalysisBuilder WithCancellation(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        return this;
    }

    /// <summary>Resolves metrics with <paramref name="analyzer"/> (e.g. one from dependency injection that knows your metrics).</summary>
    /// <param name="analyzer">The analyzer.</param>
    /// <returns>This builder.</returns>
    public AnalysisBuilder Using(IAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzer = analyzer;
        return this;
    }

    /// <summary>Resolves metrics with <paramref name="registry"/>.</summary>
    /// <param name="registry">The registry.</param>
    /// <returns>This builder.</returns>
    public AnalysisBuilder Using(IMetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _analyzer = new Analyzer(registry);
        return this;
    }

    /// <summary>Also tests every metric against <paramref name="nullModel"/>: each metric runs on <paramref name="replicates"/>
    /// replicates of the network too, and <see cref="AnalysisResult.Significance"/> gives, per statistic, the observed value,
    /// the null mean and sd, the z-score and empirical p-values (see <see cref="Significance"/>). Replicates use the
    /// analysis seed (replicate k: stream k), level and parallelism; results do not depend on the thread count.</summary>
    /// <param name="nullModel">The null model, e.g. <see cref="NullModel.DegreePreserving"/> or <see cref="NullModel.LocationShuffle"/>.</param>
    /// <param name="replicates">R, at least 1 (default 99: see <see cref="SignificanceOptions.Replicates"/>).</param>
    /// <returns>This builder.</returns>
    /// <example><code>
    /// var r = network.Analyze().Compute("density", "degree").Against(NullModel.DegreePreserving, replicates: 99).Run();
    /// double p = r.Significance("degree")["m1", SignificanceTable.PUpperColumn];
    /// </code></example>
    public AnalysisBuilder Against(INullModel nullModel, int replicates = SignificanceOptions.DefaultReplicates)
    {
        ArgumentNullException.ThrowIfNull(nullModel);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 1);
        _nullModel = nullModel;
        _replicates = replicates;
        return this;
    }

    /// <summary>
    /// Runs the metrics at every scale instead of on the whole network: on each region's own subnetwork at each level
    /// (innovators scored within their regions, columns <c>METRIC@LEVEL</c>) and on the region network of each level
    /// (regions scored among regions). See <see cref="MultiLevelAnalysis"/>.
    /// </summary>
    /// <param name="levels">Level ids of the ladder, e.g. <c>"province", "country"</c>.</param>
    /// <returns>A builder sharing this one's settings; its <see cref="MultiLevelAnalysisBuilder.Run"/> gives a <see cref="MultiLevelResult"/>.</returns>
    /// <exception cref="UnknownRegionLevelException">A level is not on the ladder.</exception>
    public MultiLevelAnalysisBuilder AcrossLevels(params string[] levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        foreach (var l in levels)
        {
            _network.Ladder.GetLevel(l);
        }

        return new MultiLevelAnalysisBuilder(this, new MultiLevelRequest { Levels = levels });
    }

    /// <summary>The network analysed.</summary>
    internal GlocalNetwork Network => _network;

    /// <summary>The analyzer that resolves metrics.</summary>
    internal IAnalyzer Analyzer => _analyzer ?? DefaultAnalyzer.Value;

    /// <summary>The token given to <see cref="WithCancellation"/>.</summary>
    internal CancellationToken CancellationToken => _cancellationToken;

    /// <summary>Whether <see cref="Against"/> was called.</summary>
    internal bool TestsSignificance => _nullModel is not null;

    /// <summary>The request as configured so far.</summary>
    /// <returns>The request.</returns>
    public AnalysisRequest ToRequest() => _request with { Metrics = _metrics.ToArray() };

    /// <summary>Runs every metric.</summary>
    /// <returns>The results.</returns>
    /// <exception cref="UnknownMetricException">An id is not registered (checked before anything runs).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public AnalysisResult Run() => Execute(_analyzer ?? DefaultAnalyzer.Value, ToRequest(), _cancellationToken);

    /// <summary>Runs every metric on the thread pool.</summary>
    /// <param name="cancellationToken">Cancels the run (together with any token given to <see cref="WithCancellation"/>).</param>
    /// <returns>The results.</returns>
    public Task<AnalysisResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var analyzer = _analyzer ?? DefaultAnalyzer.Value;
        var request = ToRequest();
        var token = _cancellationToken;
        return Task.Run(() =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
            return Execute(analyzer, request, linked.Token);
        }, cancellationToken);
    }

    private AnalysisResult Execute(IAnalyzer analyzer, AnalysisRequest request, CancellationToken cancellationToken)
    {
        var result = analyzer.Run(_network, request, cancellationToken);
        return _nullModel is null ? result : Significance.Attach(result, analyzer, _nullModel, _replicates, cancellationToken);
    }
}
