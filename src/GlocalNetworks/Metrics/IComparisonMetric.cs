using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.Metrics;

/// <summary>
/// A comparison statistic: a stateless calculator over two or more networks (aligned on the innovator ids or region ids
/// they share), such as <c>qap</c> and <c>mrqap</c>. It lives in the same registry as <see cref="IMetric"/> (ids unique
/// across both kinds, the same suggestions for an unknown id) and runs from <c>GlocalNetwork.Compare(...).Compute("qap")</c>.
/// </summary>
/// <remarks>Implementations must be thread-safe and deterministic for a given <see cref="ComparisonContext.Seed"/>. Derive
/// from <see cref="ComparisonMetric{TOptions}"/> rather than implementing this interface directly.</remarks>
public interface IComparisonMetric
{
    /// <summary>The stable id: lowercase ASCII kebab-case, e.g. <c>qap</c>.</summary>
    string Id { get; }

    /// <summary>A one-line description, shown by <c>glocal metrics --list</c>.</summary>
    string Description { get; }

    /// <summary>The options type (a sealed record with a parameterless constructor giving the defaults).</summary>
    Type OptionsType { get; }

    /// <summary>Computes the statistic over the networks of <paramref name="context"/>.</summary>
    /// <param name="context">The named networks, seed, level, threads, progress and cancellation.</param>
    /// <param name="options">Options of type <see cref="OptionsType"/>, or <see langword="null"/> for the defaults.</param>
    /// <returns>One row per pair (or model) and statistic.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not of <see cref="OptionsType"/>, or there are
    /// fewer than two networks.</exception>
    ComparisonMetricResult Compute(ComparisonContext context, object? options);
}

/// <summary>The base of typed comparison statistics: implement <see cref="Compute(ComparisonContext, TOptions)"/>.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
public abstract class ComparisonMetric<TOptions> : IComparisonMetric
    where TOptions : class, new()
{
    /// <inheritdoc/>
    public abstract string Id { get; }

    /// <inheritdoc/>
    public abstract string Description { get; }

    /// <inheritdoc/>
    public Type OptionsType => typeof(TOptions);

    /// <summary>Computes the statistic.</summary>
    /// <param name="context">The context (at least two networks).</param>
    /// <param name="options">The options.</param>
    /// <returns>The result.</returns>
    public abstract ComparisonMetricResult Compute(ComparisonContext context, TOptions options);

    /// <inheritdoc/>
    public ComparisonMetricResult Compute(ComparisonContext context, object? options)
    {
        ArgumentNullException.ThrowIfNull(context);
        var typed = MetricOptions.Cast<TOptions>(Id, options);
        if (context.Count < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Metric '{Id}' compares two or more networks; the comparison has {context.Count} ('{string.Join("', '", context.Names)}')."), nameof(context));
        }

        return Compute(context, typed);
    }

    /// <inheritdoc/>
    public override string ToString() => Id;
}

/// <summary>What a comparison statistic runs on: the named networks (already restricted to the comparison's time range),
/// the default region level, the seed, the thread limit, progress and cancellation. Immutable.</summary>
public sealed class ComparisonContext
{
    private readonly string[] _names;
    private readonly GlocalNetwork[] _networks;

    /// <summary>Creates a context.</summary>
    /// <param name="networks">The networks by name, in order (names unique).</param>
    /// <param name="seed">The seed of every random choice.</param>
    /// <param name="maxDegreeOfParallelism">The thread limit; <see langword="null"/> for the core count.</param>
    /// <param name="progress">Receives progress, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="ArgumentException">A name is empty or repeats.</exception>
    public ComparisonContext(IReadOnlyList<KeyValuePair<string, GlocalNetwork>> networks, ulong seed = DeterministicRandom.DefaultSeed,
        int? maxDegreeOfParallelism = null, IProgress<MetricProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(networks);
        _names = new string[networks.Count];
        _networks = new GlocalNetwork[networks.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < networks.Count; i++)
        {
            var (name, net) = networks[i];
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(net);
            if (!seen.Add(name))
            {
                throw new ArgumentException($"Network '{name}' occurs twice; names must be unique.", nameof(networks));
            }

            _names[i] = name;
            _networks[i] = net;
        }

        Seed = seed;
        MaxDegreeOfParallelism = maxDegreeOfParallelism ?? MetricContext.DefaultMaxDegreeOfParallelism;
        Progress = progress;
        CancellationToken = cancellationToken;
    }

    /// <summary>The number of networks.</summary>
    public int Count => _names.Length;

    /// <summary>The network names, in order.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The networks, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<GlocalNetwork> Networks => _networks;

    /// <summary>The default region level (e.g. <c>country</c>), or <see langword="null"/> for each statistic's own default.</summary>
    public string? Level { get; init; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The thread limit.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>Receives progress, or <see langword="null"/>.</summary>
    public IProgress<MetricProgress>? Progress { get; }

    /// <summary>The cancellation token.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>A metric context for network <paramref name="index"/> with this context's seed, level, threads and token
    /// (no progress), e.g. to compute a region flow matrix.</summary>
    /// <param name="index">The network's index.</param>
    /// <returns>The context.</returns>
    public MetricContext ContextOf(int index) => new(_networks[index], Seed, MaxDegreeOfParallelism, null, CancellationToken) { Level = Level };
}

/// <summary>
/// One row of a comparison statistic: a pair of networks (or a model) and a statistic, with its observed value and
/// permutation p-values.
/// </summary>
/// <param name="MetricId">The statistic's id (<c>qap</c>, <c>mrqap</c>).</param>
/// <param name="Pair">The networks compared: <c>A vs B</c> for a pair, <c>Y ~ X1 + X2</c> for a regression.</param>
/// <param name="Statistic">What the row measures: <c>correlation</c> for QAP, the term (<c>(intercept)</c>, a network name)
/// for MRQAP.</param>
/// <param name="Estimate">The estimate: the correlation (QAP) or the OLS coefficient (MRQAP).</param>
/// <param name="Observed">The test statistic: the correlation (QAP) or the t statistic (MRQAP).</param>
/// <param name="PGreaterOrEqual">sna's p_ge = mean(dist ≥ observed), no +1.</param>
/// <param name="PLessOrEqual">sna's p_le = mean(dist ≤ observed), no +1.</param>
/// <param name="PUpper">(1 + #{t* ≥ t}) / (R + 1).</param>
/// <param name="PLower">(1 + #{t* ≤ t}) / (R + 1).</param>
/// <param name="PTwoSided">Two-sided: min(1, 2 min(p_upper, p_lower)) for QAP; (1 + #{|t*| ≥ |t|}) / (R + 1) for MRQAP.</param>
/// <param name="Nodes">The nodes (shared innovators or regions) the matrices are aligned on.</param>
/// <param name="Permutations">The number of permutations R.</param>
/// <param name="Seed">The seed used.</param>
public sealed record PairwiseStatistic(string MetricId, string Pair, string Statistic, double Estimate, double Observed,
    double PGreaterOrEqual, double PLessOrEqual, double PUpper, double PLower, double PTwoSided, int Nodes, int Permutations, ulong Seed);

/// <summary>The result of a comparison statistic: its rows and, per pair or model, the full result object (a
/// <c>QapResult</c> or <c>MrqapResult</c> for the built-in ones, with the permutation distributions). Immutable.</summary>
public sealed class ComparisonMetricResult
{
    private readonly PairwiseStatistic[] _rows;
    private readonly KeyValuePair<string, object>[] _details;

    /// <summary>Creates a result.</summary>
    /// <param name="metricId">The statistic's id.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="details">The full result per pair or model (key: <see cref="PairwiseStatistic.Pair"/>).</param>
    public ComparisonMetricResult(string metricId, IEnumerable<PairwiseStatistic> rows, IEnumerable<KeyValuePair<string, object>>? details = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(metricId);
        ArgumentNullException.ThrowIfNull(rows);
        MetricId = metricId;
        _rows = [.. rows];
        _details = details is null ? [] : [.. details];
    }

    /// <summary>The statistic's id.</summary>
    public string MetricId { get; }

    /// <summary>The rows, in the order computed.</summary>
    public IReadOnlyList<PairwiseStatistic> Rows => _rows;

    /// <summary>The full result objects, by pair or model.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Details => _details;

    /// <summary>The full result of a pair or model, as its type.</summary>
    /// <typeparam name="T">The result type (e.g. <c>QapResult</c>).</typeparam>
    /// <param name="pair">The pair name, e.g. <c>A vs B</c>.</param>
    /// <returns>The result.</returns>
    /// <exception cref="KeyNotFoundException">No such pair with a result of that type; the message lists the pairs.</exception>
    public T Detail<T>(string pair)
        where T : class
    {
        foreach (var (key, value) in _details)
        {
            if (key == pair && value is T t)
            {
                return t;
            }
        }

        var keys = new List<string>(_details.Length);
        foreach (var (key, _) in _details)
        {
            keys.Add(key);
        }

        throw new KeyNotFoundException($"Metric '{MetricId}' has no {typeof(T).Name} for '{pair}'; it has {string.Join(", ", keys)}.");
    }
}
