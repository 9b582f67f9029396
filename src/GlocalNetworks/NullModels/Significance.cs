using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Glocal;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.NullModels;

/// <summary>Settings of a significance test. Immutable; change with <c>o =&gt; o with { Replicates = 999 }</c>.</summary>
public sealed record SignificanceOptions
{
    /// <summary>The default number of replicates: 99.</summary>
    public const int DefaultReplicates = 99;

    /// <summary>The replicates R drawn from the null model. With the +1 correction the smallest p-value is 1 / (R + 1),
    /// so 99 can show p = 0.01 and a tail area of 0.05 is a whole number of replicates (5 of 100); use 999 or more for
    /// p-values near 0.001 or when many statistics are tested at once.</summary>
    /// <value>The default value is 99.</value>
    public int Replicates { get; init; } = DefaultReplicates;

    /// <summary>The master seed: replicate k draws from <c>DeterministicRandom(Seed, stream: k)</c>; the metric itself runs
    /// with this seed on the observed network and on every replicate.</summary>
    /// <value>The default value is 42.</value>
    public ulong Seed { get; init; } = DeterministicRandom.DefaultSeed;

    /// <summary>How many replicates run at once, or <see langword="null"/> for the core count. Results do not depend on it.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>The analysis level handed to the metric (<see cref="MetricContext.Level"/>), or <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>Receives one <see cref="MetricProgress"/> per finished replicate (at most every 100 ms, and the last one), or
    /// <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public IProgress<MetricProgress>? Progress { get; init; }
}

/// <summary>
/// Tests any metric against a null model: runs it on the observed network and on R replicates drawn from the null model,
/// and returns a <see cref="SignificanceTable"/> with each statistic's observed value, null mean and sd, z-score and
/// empirical p-values (DESIGN 2.11).
/// </summary>
/// <remarks>
/// <para>Replicate k is drawn by <see cref="INullModel.Sample"/> with stream k of the seed and analysed on its own
/// <see cref="MetricContext"/> (same seed and level, one thread); replicates run in parallel and their values are combined
/// in replicate order, so the table is bit-identical for any <see cref="SignificanceOptions.MaxDegreeOfParallelism"/>.
/// Cancellation throws <see cref="OperationCanceledException"/> and returns nothing partial. Memory: R values per
/// statistic.</para>
/// <example><code>
/// var t = network.TestSignificance("density", NullModel.LocationShuffle);
/// var z = t["value", SignificanceTable.ZColumn];
/// </code></example>
/// </remarks>
public static class Significance
{
    private static readonly Lazy<IMetricRegistry> DefaultRegistry = new(MetricRegistry.CreateDefault);

    /// <summary>Tests <paramref name="metric"/> with <paramref name="options"/> against <paramref name="nullModel"/>.</summary>
    /// <param name="network">The observed network.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="options">Its options, or <see langword="null"/> for the defaults.</param>
    /// <param name="nullModel">The null model.</param>
    /// <param name="settings">Replicates, seed, parallelism, level and progress; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>One row per statistic of the metric's result.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one replicate.</exception>
    /// <exception cref="ArgumentException">The options are not of the metric's options type, or its result type cannot be read.</exception>
    /// <exception cref="OperationCanceledException">The test was cancelled.</exception>
    public static SignificanceTable Test(GlocalNetwork network, IMetric metric, object? options, INullModel nullModel,
        SignificanceOptions? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(nullModel);
        settings ??= new SignificanceOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Replicates, 1);
        if (settings.Level is not null)
        {
            network.Ladder.GetLevel(settings.Level);
        }

        var observed = metric.Compute(new MetricContext(network, settings.Seed, settings.MaxDegreeOfParallelism, null, cancellationToken) { Level = settings.Level }, options);
        return Run(network, [observed], (replicate, ct) =>
            [metric.Compute(new MetricContext(replicate, settings.Seed, 1, null, ct) { Level = settings.Level }, options)],
            nullModel, settings, cancellationToken)[0];
    }

    /// <summary>Tests the registered metric <paramref name="metricId"/> (default options) against <paramref name="nullModel"/>.</summary>
    /// <param name="network">The observed network.</param>
    /// <param name="metricId">The metric id.</param>
    /// <param name="nullModel">The null model.</param>
    /// <param name="settings">Replicates, seed, parallelism, level and progress; <see langword="null"/> for the defaults.</param>
    /// <param name="registry">Resolves the id; <see langword="null"/> for the built-in metrics.</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>One row per statistic of the metric's result.</returns>
    /// <exception cref="UnknownMetricException">The id is not registered.</exception>
    public static SignificanceTable Test(GlocalNetwork network, string metricId, INullModel nullModel, SignificanceOptions? settings = null,
        IMetricRegistry? registry = null, CancellationToken cancellationToken = default)
    {
        return Test(network, Resolve(metricId, registry), null, nullModel, settings, cancellationToken);
    }

    /// <summary>The metric with <paramref name="metricId"/> in <paramref name="registry"/>, or among the built-in metrics.</summary>
    internal static IMetric Resolve(string metricId, IMetricRegistry? registry)
    {
        ArgumentException.ThrowIfNullOrEmpty(metricId);
        return (registry ?? DefaultRegistry.Value).Get(metricId);
    }

    /// <summary>Adds significance tables to an analysis: every metric of <paramref name="result"/> is run on R replicates of
    /// its network (one draw per replicate serves all metrics) through <paramref name="analyzer"/>.</summary>
    /// <param name="result">The observed analysis.</param>
    /// <param name="analyzer">The analyzer that produced it.</param>
    /// <param name="nullModel">The null model.</param>
    /// <param name="replicates">R.</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    /// <returns>The result with its significance tables.</returns>
    internal static AnalysisResult Attach(AnalysisResult result, IAnalyzer analyzer, INullModel nullModel, int replicates, CancellationToken cancellationToken)
    {
        var request = result.Request;
        var replicateRequest = request with { FromYear = null, ToYear = null, MaxDegreeOfParallelism = 1, Progress = null };
        var settings = new SignificanceOptions
        {
            Replicates = replicates,
            Seed = request.Seed,
            MaxDegreeOfParallelism = request.MaxDegreeOfParallelism,
            Level = request.Level,
            Progress = request.Progress,
        };
        var tables = Run(result.Network, result.Results, (replicate, ct) => analyzer.Run(replicate, replicateRequest, ct).Results, nullModel, settings, cancellationToken);
        return result.WithSignificance(tables);
    }

    /// <summary>The engine: draws R replicates in parallel, computes every metric on each, and summarises.</summary>
    private static SignificanceTable[] Run(GlocalNetwork network, IReadOnlyList<MetricResult> observed,
        Func<GlocalNetwork, CancellationToken, IReadOnlyList<MetricResult>> compute, INullModel nullModel, SignificanceOptions settings,
        CancellationToken cancellationToken)
    {
        var r = settings.Replicates;
        var layouts = new StatisticLayout[observed.Count];
        var ids = new string[observed.Count];
        for (var i = 0; i < layouts.Length; i++)
        {
            layouts[i] = StatisticLayout.Of(observed[i]);
            ids[i] = observed[i].MetricId;
        }

        var values = new double[layouts.Length][][];
        for (var i = 0; i < layouts.Length; i++)
        {
            values[i] = new double[r][];
        }

        var hits = new bool[r];
        var swaps = new long[r];
        var progressId = string.Join(",", ids);
        var stage = "null model " + nullModel.Name;
        var reporter = new MetricContext(network, settings.Seed, 1, settings.Progress, cancellationToken);
        var done = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism ?? MetricContext.DefaultMaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        try
        {
            Parallel.For(0, r, parallel, k =>
            {
                var rep = nullModel.Sample(network, settings.Seed, k, cancellationToken);
                var results = compute(rep.Network, cancellationToken);
                for (var i = 0; i < layouts.Length; i++)
                {
                    var v = new double[layouts[i].Count];
                    layouts[i].Extract(results[i], v);
                    values[i][k] = v;
                }

                hits[k] = rep.HitAttemptLimit;
                swaps[k] = rep.Swaps;
                reporter.ReportProgress(progressId, Interlocked.Increment(ref done), r, stage);
            });
        }
        catch (AggregateException e)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (e.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }

            throw;
        }

        var hitCount = 0;
        long swapSum = 0;
        for (var k = 0; k < r; k++)
        {
            hitCount += hits[k] ? 1 : 0;
            swapSum += swaps[k];
        }

        var extra = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["mean-swaps"] = ((double)swapSum / r).ToString("R", CultureInfo.InvariantCulture),
        };
        var tables = new SignificanceTable[layouts.Length];
        for (var i = 0; i < layouts.Length; i++)
        {
            tables[i] = Summarise(layouts[i], values[i], nullModel.Name, settings.Seed, hitCount, extra);
        }

        return tables;
    }

    private static SignificanceTable Summarise(StatisticLayout layout, double[][] replicates, string nullModel, ulong seed, int hits,
        Dictionary<string, string> extra)
    {
        var s = layout.Count;
        var r = replicates.Length;
        var mean = new double[s];
        var sd = new double[s];
        var z = new double[s];
        var pUpper = new double[s];
        var pLower = new double[s];
        var pTwo = new double[s];
        var valid = new double[s];
        var observed = (double[])layout.Observed.Clone();
        var column = new double[r];
        for (var j = 0; j < s; j++)
        {
            for (var k = 0; k < r; k++)
            {
                column[k] = replicates[k][j];
            }

            var p = PermutationSummary.Of(observed[j], column);
            (mean[j], sd[j], z[j], pUpper[j], pLower[j], pTwo[j], valid[j]) = (p.Mean, p.Sd, p.Z, p.PUpper, p.PLower, p.PTwo, p.Replicates);
        }

        return new SignificanceTable(layout.MetricId, layout.Ids, layout.Parts, layout.Rows, layout.Columns,
        [
            KeyedTable.Col(SignificanceTable.ObservedColumn, observed),
            KeyedTable.Col(SignificanceTable.MeanColumn, mean),
            KeyedTable.Col(SignificanceTable.SdColumn, sd),
            KeyedTable.Col(SignificanceTable.ZColumn, z),
            KeyedTable.Col(SignificanceTable.PUpperColumn, pUpper),
            KeyedTable.Col(SignificanceTable.PLowerColumn, pLower),
            KeyedTable.Col(SignificanceTable.PTwoColumn, pTwo),
            KeyedTable.Col(SignificanceTable.ReplicatesColumn, valid),
        ], nullModel, r, seed, hits, extra);
    }
}
