using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Evolution;

/// <summary>
/// The fluent front door of evolution analysis: <c>network.Evolve().Yearly().Track("density", "scale-mix").Run()</c>
/// for trajectories, <c>network.Evolve().Yearly().Churn()</c> for change between consecutive slices,
/// <c>.Attachment()</c> and <c>.Formation()</c> for the mechanisms of link formation. Mutable while it is
/// configured; reusable: slices are built once per builder and shared by every <see cref="Run"/>, <see cref="Churn"/> and
/// <see cref="Slices"/> call.
/// </summary>
public sealed class EvolutionBuilder
{
    private static readonly Lazy<IMetricRegistry> DefaultRegistry = new(MetricRegistry.CreateDefault);

    private readonly GlocalNetwork _network;
    private readonly List<MetricRequest> _metrics = [];
    private TimeSlicer? _slicer;
    private SliceMode _mode = SliceMode.Yearly;
    private int _width = 1;
    private int _step = 1;
    private int? _from;
    private int? _to;
    private bool _ignoreLifetimes;
    private string? _level;
    private ulong _seed = Kernels.DeterministicRandom.DefaultSeed;
    private int? _maxDop;
    private int? _sliceDop;
    private IProgress<MetricProgress>? _progress;
    private CancellationToken _cancellationToken;
    private IMetricRegistry? _registry;
    private IAnalyzer? _analyzer;

    internal EvolutionBuilder(GlocalNetwork network, IMetricRegistry? registry)
    {
        _network = network;
        _registry = registry;
    }

    /// <summary>One slice per year (the default).</summary>
    /// <returns>This builder.</returns>
    public EvolutionBuilder Yearly()
    {
        (_mode, _width, _step) = (SliceMode.Yearly, 1, 1);
        return this;
    }

    /// <summary>Moving windows of <paramref name="width"/> years every <paramref name="step"/> years (full windows only).</summary>
    /// <param name="width">Years per window (at least 1).</param>
    /// <param name="step">Years between window starts (at least 1).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The width or step is below 1.</exception>
    public EvolutionBuilder Windows(int width, int step = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        (_mode, _width, _step) = (SliceMode.Windows, width, step);
        return this;
    }

    /// <summary>Cumulative slices [from, y] for each year y.</summary>
    /// <returns>This builder.</returns>
    public EvolutionBuilder Cumulative()
    {
        _mode = SliceMode.Cumulative;
        return this;
    }

    /// <summary>Slices the years [<paramref name="fromYear"/>, <paramref name="toYear"/>] (default: <see cref="TimeSlicer.YearRange"/>, from the first start year to the last year a link is present).</summary>
    /// <param name="fromYear">The first year.</param>
    /// <param name="toYear">The last year.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range ends before it starts.</exception>
    public EvolutionBuilder Between(int fromYear, int toYear)
    {
        if (toYear < fromYear)
        {
            throw new ArgumentOutOfRangeException(nameof(toYear), toYear, $"The range ends before it starts ({fromYear}..{toYear}).");
        }

        (_from, _to) = (fromYear, toYear);
        return this;
    }

    /// <summary>Ignores end years: every link is present in its start year only.</summary>
    /// <param name="ignore">Whether to ignore lifetimes.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder IgnoringLifetimes(bool ignore = true)
    {
        if (ignore != _ignoreLifetimes)
        {
            _ignoreLifetimes = ignore;
            _slicer = null;
        }

        return this;
    }

    /// <summary>Sets the default region level of region-keyed metrics on every slice.</summary>
    /// <param name="level">A level id of the network's ladder.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="UnknownRegionLevelException">The ladder has no such level.</exception>
    public EvolutionBuilder AtLevel(string level)
    {
        _network.Ladder.GetLevel(level);
        _level = level;
        return this;
    }

    /// <summary>Tracks metrics by id, with their default options.</summary>
    /// <param name="metricIds">The ids (each at most once).</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder Track(params string[] metricIds)
    {
        _metrics.AddRange(MetricRequest.ForIds(metricIds));
        return this;
    }

    /// <summary>Tracks a metric by id with options of its options type.</summary>
    /// <param name="metricId">The id.</param>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder Track(string metricId, object options)
    {
        _metrics.Add(MetricRequest.For(metricId, options));
        return this;
    }

    /// <summary>Tracks a metric by typed handle, optionally changing its options: <c>o =&gt; o with { ... }</c>.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="metric">The handle.</param>
    /// <param name="configure">Changes the default options, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder Track<TOptions, TResult>(MetricHandle<TOptions, TResult> metric, Func<TOptions, TOptions>? configure = null)
        where TOptions : class, new()
        where TResult : MetricResult
    {
        _metrics.Add(MetricRequest.For(metric, configure));
        return this;
    }

    /// <summary>Sets the seed of every random choice (default 42). Every slice runs with this same seed, so a slice's values
    /// equal <c>slice.Network.Analyze().WithSeed(seed)</c> whatever the other slices are.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder WithSeed(ulong seed)
    {
        _seed = seed;
        return this;
    }

    /// <summary>Sets the threads the run may use in all (slices times threads per metric); results do not depend on it.</summary>
    /// <param name="maxDegreeOfParallelism">At least 1.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder WithMaxDegreeOfParallelism(int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        _maxDop = maxDegreeOfParallelism;
        return this;
    }

    /// <summary>Sets how many slices run at once (default: as many as memory allows, at most the degree of parallelism).</summary>
    /// <param name="slices">At least 1.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder WithSliceParallelism(int slices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slices, 1);
        _sliceDop = slices;
        return this;
    }

    /// <summary>Reports one <see cref="MetricProgress"/> per finished slice (metric id <c>evolution</c>, stage = the slice label).</summary>
    /// <param name="progress">The reporter.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder WithProgress(IProgress<MetricProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        _progress = progress;
        return this;
    }

    /// <summary>Cancels the run with <paramref name="cancellationToken"/>.</summary>
    /// <param name="cancellationToken">The token.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder WithCancellation(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        return this;
    }

    /// <summary>Resolves metrics with <paramref name="registry"/> (e.g. one that knows your own metrics).</summary>
    /// <param name="registry">The registry.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder Using(IMetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        (_registry, _analyzer) = (registry, null);
        return this;
    }

    /// <summary>Runs metrics through <paramref name="analyzer"/> (e.g. from dependency injection). An <see cref="Analyzer"/> lends
    /// its registry, so each slice's metrics share one context (one CSR per view); any other analyzer runs one metric per call.</summary>
    /// <param name="analyzer">The analyzer.</param>
    /// <returns>This builder.</returns>
    public EvolutionBuilder Using(IAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        (_registry, _analyzer) = analyzer is Analyzer a ? (a.Registry, (IAnalyzer?)null) : (null, analyzer);
        return this;
    }

    /// <summary>The slices as configured (built lazily, cached by this builder).</summary>
    /// <returns>The slices.</returns>
    public SliceSet Slices()
    {
        var slicer = _slicer ??= new TimeSlicer(_network, _ignoreLifetimes);
        return _mode switch
        {
            SliceMode.Windows => slicer.Windows(_width, _step, _from, _to),
            SliceMode.Cumulative => slicer.Cumulative(_from, _to),
            _ => slicer.Yearly(_from, _to),
        };
    }

    /// <summary>
    /// Runs every tracked metric on every slice and returns the trajectories.
    /// </summary>
    /// <remarks>
    /// <para>Each slice's metrics run in order on one <see cref="MetricContext"/> of that slice (so a CSR is built once per
    /// slice and view), with the builder's seed, the level and the cancellation token. Slices run in parallel, as many at
    /// once as memory allows (see <see cref="WithSliceParallelism"/>); each result lands in its slice's slot, so the set is
    /// identical for any degree of parallelism.</para>
    /// <para>Error policy: a metric that throws a documented domain error on a slice — <see cref="DisconnectedGraphException"/>
    /// (e.g. diameter on a disconnected slice), <see cref="ConvergenceException"/>, <see cref="GraphNotAcyclicException"/>
    /// (main path with <see cref="CyclePolicy.Throw"/> on a slice with a cycle), <see cref="EstimationException"/> or a
    /// <see cref="GlocalDataException"/> — gets NaN there and an entry in
    /// <see cref="TrajectorySet.Issues"/>; the run goes on. Any other exception (a bug, bad options) aborts the run, and
    /// cancellation throws <see cref="OperationCanceledException"/> with no partial result.</para>
    /// </remarks>
    /// <returns>The trajectories.</returns>
    /// <exception cref="UnknownMetricException">An id is not registered (checked before anything runs).</exception>
    /// <exception cref="ArgumentException">An id is tracked twice, or options have the wrong type.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public TrajectorySet Run() => RunCore(_cancellationToken);

    /// <summary>Runs <see cref="Run()"/> on the thread pool.</summary>
    /// <param name="cancellationToken">Cancels the run (together with any token given to <see cref="WithCancellation"/>).</param>
    /// <returns>The trajectories.</returns>
    public Task<TrajectorySet> RunAsync(CancellationToken cancellationToken = default)
    {
        var token = _cancellationToken;
        return Task.Run(() =>
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, cancellationToken);
            return RunCore(linked.Token);
        }, cancellationToken);
    }

    /// <summary>Change between consecutive slices: entering, leaving and persisting links and innovators, Jaccard,
    /// persistence, the scale mix of entering versus leaving links, and cohort survival with half-lives (DESIGN §2.13).</summary>
    /// <param name="options">The link identity; <see langword="null"/> for the defaults.</param>
    /// <returns>The churn tables.</returns>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public ChurnResult Churn(ChurnOptions? options = null) => Evolution.Churn.Compute(Slices(), options ?? new ChurnOptions(), _cancellationToken);

    /// <summary>Preferential attachment estimated from consecutive slice pairs (DESIGN §2.13): Jeong, Néda and Barabási's
    /// cumulative κ(k) and Newman's R(k) per degree, with the fitted exponents and their SEs, per pair and pooled.</summary>
    /// <param name="options">Δ, the smallest N_k fitted, the snapshot and the link identity; <see langword="null"/> for the defaults.</param>
    /// <returns>The attachment tables.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Δ or <see cref="AttachmentOptions.MinNodes"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public AttachmentResult Attachment(AttachmentOptions? options = null) =>
        Evolution.Attachment.Compute(Slices(), options ?? new AttachmentOptions(), _cancellationToken);

    /// <summary>How new links form between consecutive slices (DESIGN §2.13): the triadic closure share and the homophily of
    /// new links by region, innovator kind and organiser against the share of all possible active pairs.</summary>
    /// <param name="options">The closure network, the region level and the link identity; <see langword="null"/> for the defaults.</param>
    /// <returns>The formation tables.</returns>
    /// <exception cref="UnknownRegionLevelException">The level is not on the ladder.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public FormationResult Formation(FormationOptions? options = null) =>
        Evolution.Formation.Compute(Slices(), options ?? new FormationOptions(), _level, _cancellationToken);

    private TrajectorySet RunCore(CancellationToken token)
    {
        var registry = _registry;
        if (registry is null && _analyzer is null)
        {
            registry = DefaultRegistry.Value;
        }

        var settings = new TrackSettings(_seed, _level, _maxDop, _sliceDop, _progress);
        return Tracker.Run(Slices(), _metrics.ToArray(), registry, _analyzer, settings, token);
    }
}
