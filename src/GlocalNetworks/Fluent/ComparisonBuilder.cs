using System;
using System.Collections.Generic;
using System.Threading;
using GlocalNetworks.Comparison;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Fluent;

/// <summary>
/// The fluent front door of a side-by-side comparison: <c>GlocalNetwork.Compare(networks).Compute("density").Run()</c> or
/// <c>network.SplitBy(NetworkSplit.ByLinkKind).Compute("density").Run()</c>. Every network is analysed with the same
/// request (metrics, level, seed, time range), and the network-level values become the rows of a
/// <see cref="ComparisonTable"/>. Mutable while it is configured.
/// </summary>
/// <remarks>
/// <para>Rows from each requested metric: every value of a <see cref="ScalarResult"/> (<c>density</c>,
/// <c>components.count</c>); for a <see cref="CompositeResult"/>, the values of its network part (every part that is a
/// <see cref="ScalarResult"/>); for a <see cref="NodeTable"/>, the mean of each column over the innovators where it is not
/// NaN (<c>degree.mean</c>, <c>glocality.balance.mean</c>; the mean counts isolated innovators, so compare
/// <c>innovators.active</c> too). Region, link, group and matrix tables give no row: read them from
/// <see cref="ComparisonTable.Result"/>. A row name that repeats (a metric requested twice) gets a suffix <c>#2</c>.</para>
/// <para>Then, unless <see cref="WithoutGlocalSummary"/> is called, the rows of <see cref="GlocalSummary"/>.</para>
/// <para>Comparison statistics (<see cref="IComparisonMetric"/>: <c>qap</c>, <c>mrqap</c>) requested with the same
/// <c>Compute</c> calls run once across all the networks, after the per-network metrics, and fill
/// <see cref="ComparisonTable.Pairwise"/>: <c>GlocalNetwork.Compare(a, b).Compute("qap", "density").Run()</c>.</para>
/// </remarks>
public sealed class ComparisonBuilder
{
    private static readonly Lazy<IAnalyzer> DefaultAnalyzer = new(() => new Analyzer(MetricRegistry.CreateDefault()));

    private readonly KeyValuePair<string, GlocalNetwork>[] _networks;
    private readonly List<MetricRequest> _metrics = [];
    private IAnalyzer? _analyzer;
    private IMetricRegistry? _registry;
    private IProgress<MetricProgress>? _progress;
    private AnalysisRequest _request = new();
    private GlocalSummaryOptions? _summary = new();
    private CancellationToken _cancellationToken;

    internal ComparisonBuilder(IEnumerable<KeyValuePair<string, GlocalNetwork>> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var list = new List<KeyValuePair<string, GlocalNetwork>>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, net) in networks)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(net);
            if (!names.Add(name))
            {
                throw new ArgumentException($"Network '{name}' occurs twice; names must be unique.", nameof(networks));
            }

            list.Add(new(name, net));
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("A comparison needs at least one network.", nameof(networks));
        }

        _networks = list.ToArray();
    }

    /// <summary>The networks compared, by name, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, GlocalNetwork>> Networks => _networks;

    /// <summary>Adds metrics by id, with their default options.</summary>
    /// <param name="metricIds">The ids.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder Compute(params string[] metricIds)
    {
        _metrics.AddRange(MetricRequest.ForIds(metricIds));
        return this;
    }

    /// <summary>Adds a metric by id with options of its options type.</summary>
    /// <param name="metricId">The id.</param>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder Compute(string metricId, object options)
    {
        _metrics.Add(MetricRequest.For(metricId, options));
        return this;
    }

    /// <summary>Adds a metric by typed handle, optionally changing its options.</summary>
    /// <typeparam name="TOptions">The options type.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="metric">The handle.</param>
    /// <param name="configure">Changes the default options, or <see langword="null"/>.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder Compute<TOptions, TResult>(MetricHandle<TOptions, TResult> metric, Func<TOptions, TOptions>? configure = null)
        where TOptions : class, new()
        where TResult : MetricResult
    {
        _metrics.Add(MetricRequest.For(metric, configure));
        return this;
    }

    /// <summary>Sets the default region level of region-keyed metrics and of the glocal summary.</summary>
    /// <param name="level">A level id of every network's ladder.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="UnknownRegionLevelException">A network's ladder has no such level.</exception>
    public ComparisonBuilder AtLevel(string level)
    {
        foreach (var (_, net) in _networks)
        {
            net.Ladder.GetLevel(level);
        }

        _request = _request with { Level = level };
        return this;
    }

    /// <summary>Analyses only links whose year lies in [<paramref name="fromYear"/>, <paramref name="toYear"/>].</summary>
    /// <param name="fromYear">The first year.</param>
    /// <param name="toYear">The last year.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The range ends before it starts.</exception>
    public ComparisonBuilder Between(int fromYear, int toYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(toYear, fromYear);
        _request = _request with { FromYear = fromYear, ToYear = toYear };
        return this;
    }

    /// <summary>Sets the seed of every random choice (default 42); every network uses the same seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder WithSeed(ulong seed)
    {
        _request = _request with { Seed = seed };
        return this;
    }

    /// <summary>Sets the threads metrics may use (results do not depend on it).</summary>
    /// <param name="maxDegreeOfParallelism">At least 1.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder WithMaxDegreeOfParallelism(int maxDegreeOfParallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        _request = _request with { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        return this;
    }

    /// <summary>Cancels the run with <paramref name="cancellationToken"/>.</summary>
    /// <param name="cancellationToken">The token.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder WithCancellation(CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        return this;
    }

    /// <summary>Changes the glocal summary's level or local cutoff.</summary>
    /// <param name="configure">Changes the default options.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder WithGlocalSummary(Func<GlocalSummaryOptions, GlocalSummaryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _summary = configure(_summary ?? new GlocalSummaryOptions());
        return this;
    }

    /// <summary>Leaves out the glocal summary rows (and the four metrics behind them).</summary>
    /// <returns>This builder.</returns>
    public ComparisonBuilder WithoutGlocalSummary()
    {
        _summary = null;
        return this;
    }

    /// <summary>Resolves metrics with <paramref name="analyzer"/> (e.g. one from dependency injection); comparison
    /// statistics come from its registry when it is an <see cref="Analyzer"/>, else from the default registry.</summary>
    /// <param name="analyzer">The analyzer.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder Using(IAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        _analyzer = analyzer;
        return this;
    }

    /// <summary>Resolves metrics and comparison statistics with <paramref name="registry"/> (e.g. one with your own
    /// <see cref="IComparisonMetric"/>).</summary>
    /// <param name="registry">The registry.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder Using(IMetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _analyzer = new Analyzer(registry);
        return this;
    }

    /// <summary>Receives the progress of every metric on every network and of the comparison statistics.</summary>
    /// <param name="progress">The receiver.</param>
    /// <returns>This builder.</returns>
    public ComparisonBuilder WithProgress(IProgress<MetricProgress> progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        _progress = progress;
        return this;
    }

    /// <summary>Runs the metrics on every network (one after the other; each metric uses the threads allowed), then the
    /// comparison statistics (<c>qap</c>, <c>mrqap</c>) across the networks, restricted to the same time range.</summary>
    /// <returns>The table; comparison statistics are in <see cref="ComparisonTable.Pairwise"/>.</returns>
    /// <exception cref="UnknownMetricException">An id is not registered (checked before anything runs).</exception>
    /// <exception cref="ArgumentException">A comparison statistic is requested with fewer than two networks, or with options
    /// of another type.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public ComparisonTable Run()
    {
        var analyzer = _analyzer ?? DefaultAnalyzer.Value;
        var registry = _registry ?? (analyzer as Analyzer)?.Registry ?? ((Analyzer)DefaultAnalyzer.Value).Registry;
        var perNetwork = new List<MetricRequest>(_metrics.Count);
        var comparisons = new List<(IComparisonMetric Metric, object? Options)>();
        foreach (var m in _metrics)
        {
            if (registry.TryGetComparison(m.MetricId, out var cm))
            {
                if (m.Options is not null && !cm.OptionsType.IsInstanceOfType(m.Options))
                {
                    throw new ArgumentException($"Metric '{m.MetricId}' takes options of type '{cm.OptionsType.Name}', not '{m.Options.GetType().Name}'.");
                }

                if (_networks.Length < 2)
                {
                    throw new ArgumentException($"Metric '{m.MetricId}' compares two or more networks; the comparison has 1 ('{_networks[0].Key}').");
                }

                comparisons.Add((cm, m.Options));
            }
            else
            {
                registry.Get(m.MetricId);
                perNetwork.Add(m);
            }
        }

        var requests = new List<MetricRequest>(perNetwork);
        if (_summary is not null)
        {
            var s = _summary.Level is null && _request.Level is not null ? _summary with { Level = _request.Level } : _summary;
            requests.AddRange(GlocalSummary.Requests(s));
        }

        var request = _request with { Metrics = requests.ToArray(), Progress = _progress };
        var names = new string[_networks.Length];
        var results = new AnalysisResult[_networks.Length];
        var rows = new List<string>();
        var values = new List<double[]>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < _networks.Length; c++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            names[c] = _networks[c].Key;
            var result = analyzer.Run(_networks[c].Value, request, _cancellationToken);
            results[c] = result;
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            void Add(string name, double value)
            {
                var n = seen.TryGetValue(name, out var k) ? k + 1 : 1;
                seen[name] = n;
                var key = n == 1 ? name : name + "#" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!index.TryGetValue(key, out var r))
                {
                    r = rows.Count;
                    index.Add(key, r);
                    rows.Add(key);
                    var fresh = new double[_networks.Length];
                    Array.Fill(fresh, double.NaN);
                    values.Add(fresh);
                }

                values[r][c] = value;
            }

            for (var m = 0; m < perNetwork.Count; m++)
            {
                AddRows(result.Results[m], Add);
            }

            if (_summary is not null)
            {
                var summary = new List<MetricResult>(4);
                for (var m = perNetwork.Count; m < result.Results.Count; m++)
                {
                    summary.Add(result.Results[m]);
                }

                GlocalSummary.AddRows(summary, Add);
            }
        }

        var pairwise = new List<ComparisonMetricResult>(comparisons.Count);
        if (comparisons.Count > 0)
        {
            var sliced = new KeyValuePair<string, GlocalNetwork>[_networks.Length];
            for (var c = 0; c < sliced.Length; c++)
            {
                sliced[c] = new(names[c], results[c].Network);
            }

            var context = new ComparisonContext(sliced, _request.Seed, _request.MaxDegreeOfParallelism, _progress, _cancellationToken) { Level = _request.Level };
            foreach (var (metric, options) in comparisons)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                pairwise.Add(metric.Compute(context, options));
            }
        }

        return new ComparisonTable(names, rows, values, results, pairwise);
    }

    private static void AddRows(MetricResult result, Action<string, double> add)
    {
        switch (result)
        {
            case ScalarResult s:
                AddScalars(s, add);
                break;
            case CompositeResult composite:
                foreach (var (_, part) in composite.Parts)
                {
                    if (part is ScalarResult ps)
                    {
                        AddScalars(ps, add);
                    }
                }

                break;
            case NodeTable t:
                foreach (var col in t.Columns)
                {
                    double sum = 0;
                    var count = 0;
                    foreach (var v in t.Column(col))
                    {
                        if (!double.IsNaN(v))
                        {
                            sum += v;
                            count++;
                        }
                    }

                    add(col == KeyedTable.ValueColumn ? t.MetricId + ".mean" : t.MetricId + "." + col + ".mean", count > 0 ? sum / count : double.NaN);
                }

                break;
        }
    }

    private static void AddScalars(ScalarResult s, Action<string, double> add)
    {
        for (var i = 0; i < s.Columns.Count; i++)
        {
            add(s.QualifiedName(i), s.Values[i]);
        }
    }
}
