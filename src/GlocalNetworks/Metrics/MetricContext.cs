using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using GlocalNetworks.Interop;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.Metrics;

/// <summary>A key in the <see cref="MetricContext"/> cache of shared intermediates (e.g. shortest-path counts, triangles).</summary>
/// <param name="Name">The intermediate's name, e.g. <c>sssp-counts</c>.</param>
/// <param name="Parameters">What it depends on (a <see cref="GraphView"/>, a weight flag ...); compared by value.</param>
public readonly record struct CacheKey(string Name, object? Parameters = null);

/// <summary>
/// What a metric gets: the network, its CSR graphs (built once per <see cref="GraphView"/>), a cache of shared
/// intermediates, the cancellation token, the progress reporter, the seed and the degree of parallelism.
/// Thread-safe; one context serves one analysis run.
/// </summary>
public sealed class MetricContext
{
    /// <summary>The default degree of parallelism: the number of cores.</summary>
    public static int DefaultMaxDegreeOfParallelism => Environment.ProcessorCount;

    private readonly ConcurrentDictionary<GraphView, Lazy<CsrGraph>> _graphs = new();
    private readonly ConcurrentDictionary<CacheKey, Lazy<object>> _cache = new();
    private readonly Lazy<string[]> _ids;
    private long _lastReport;

    /// <summary>Creates a context.</summary>
    /// <param name="network">The network (or the slice) to analyse.</param>
    /// <param name="seed">The seed of every random choice; default <see cref="DeterministicRandom.DefaultSeed"/>.</param>
    /// <param name="maxDegreeOfParallelism">Threads a metric may use; results do not depend on it (DESIGN 3.5). Default: the core count.</param>
    /// <param name="progress">Receives progress at most every 100 ms, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels long metrics (checked every 1024 units).</param>
    public MetricContext(GlocalNetwork network, ulong seed = DeterministicRandom.DefaultSeed, int? maxDegreeOfParallelism = null,
        IProgress<MetricProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (maxDegreeOfParallelism is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The degree of parallelism must be at least 1.");
        }

        Network = network;
        Seed = seed;
        MaxDegreeOfParallelism = maxDegreeOfParallelism ?? DefaultMaxDegreeOfParallelism;
        Progress = progress;
        CancellationToken = cancellationToken;
        _ids = new Lazy<string[]>(() =>
        {
            var inn = network.Innovators;
            var ids = new string[inn.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = inn.IdOf(i);
            }

            return ids;
        });
    }

    /// <summary>A CSR cache that outlives this context (a time slice's, so a slice's graphs are built once whatever the
    /// number of runs), or <see langword="null"/> for the context's own. The graphs must be of <see cref="Network"/>.</summary>
    internal ConcurrentDictionary<GraphView, Lazy<CsrGraph>>? SharedGraphs { get; init; }

    /// <summary>The network being analysed.</summary>
    public GlocalNetwork Network { get; }

    /// <summary>The default region level for region-keyed metrics, or <see langword="null"/> for each metric's own default.</summary>
    public string? Level { get; init; }

    /// <summary>The seed; every randomised metric records it in its result.</summary>
    public ulong Seed { get; }

    /// <summary>The threads a metric may use.</summary>
    public int MaxDegreeOfParallelism { get; }

    /// <summary>The progress reporter, or <see langword="null"/>.</summary>
    public IProgress<MetricProgress>? Progress { get; }

    /// <summary>The cancellation token.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The innovator ids by index (shared by every node table of this context).</summary>
    public string[] InnovatorIds => _ids.Value;

    /// <summary>The network's CSR graph under <paramref name="view"/>, built once and cached.</summary>
    /// <param name="view">The view; <see langword="null"/> for <see cref="GraphView.UndirectedWeighted"/>.</param>
    /// <returns>The graph.</returns>
    public CsrGraph Graph(GraphView? view = null)
    {
        view ??= GraphView.UndirectedWeighted;
        return (SharedGraphs ?? _graphs).GetOrAdd(view, v => new Lazy<CsrGraph>(() => Network.ToCsrGraph(v))).Value;
    }

    /// <summary>Gets a shared intermediate, computing it once with <paramref name="factory"/>.</summary>
    /// <typeparam name="T">The intermediate's type.</typeparam>
    /// <param name="key">The cache key.</param>
    /// <param name="factory">Computes it.</param>
    /// <returns>The cached value.</returns>
    /// <exception cref="InvalidCastException">The key holds a value of another type.</exception>
    public T GetOrAdd<T>(CacheKey key, Func<MetricContext, T> factory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        var lazy = _cache.GetOrAdd(key, _ => new Lazy<object>(() => factory(this)));
        return (T)lazy.Value;
    }

    /// <summary>Reports progress, at most every 100 ms (and always when <paramref name="done"/> equals <paramref name="total"/>).</summary>
    /// <param name="metricId">The metric.</param>
    /// <param name="done">Units done.</param>
    /// <param name="total">Units in all.</param>
    /// <param name="stage">An optional stage.</param>
    public void ReportProgress(string metricId, long done, long total, string? stage = null)
    {
        if (Progress is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastReport);
        if (done != total && now - last < Stopwatch.Frequency / 10)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _lastReport, now, last) == last || done == total)
        {
            Progress.Report(new MetricProgress(metricId, done, total, stage));
        }
    }
}
