using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Comparison;

/// <summary>Which matrix of each network a QAP statistic compares.</summary>
public enum ComparisonMatrix
{
    /// <summary>The weighted innovator adjacency (<see cref="QapMatrices.Adjacency"/>, weights of parallel links summed),
    /// over the innovator ids the networks share.</summary>
    Adjacency = 0,

    /// <summary>The 0/1 innovator adjacency, over the innovator ids the networks share.</summary>
    BinaryAdjacency = 1,

    /// <summary>The region flow matrix at a level (<see cref="RegionFlowsMetric"/>, weighted), over the region ids the
    /// networks share.</summary>
    RegionFlows = 2,
}

/// <summary>Options shared by the QAP comparison statistics (<see cref="QapMetric"/>, <see cref="MrqapMetric"/>).</summary>
public abstract record QapComparisonOptions
{
    /// <summary>The number of permutations R.</summary>
    /// <value>The default value is 1000 (as sna).</value>
    public int Permutations { get; init; } = 1000;

    /// <summary>The seed; <see langword="null"/>: the comparison's seed (<c>WithSeed</c>, default 42).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ulong? Seed { get; init; }

    /// <summary>The dyads; <see langword="null"/>: <see cref="DyadMode.Directed"/> when any network has a directed link,
    /// else <see cref="DyadMode.Undirected"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public DyadMode? Mode { get; init; }

    /// <summary>Which matrix of each network is compared.</summary>
    /// <value>The default value is <see cref="ComparisonMatrix.Adjacency"/>.</value>
    public ComparisonMatrix Matrix { get; init; } = ComparisonMatrix.Adjacency;

    /// <summary>The region level of <see cref="ComparisonMatrix.RegionFlows"/>; <see langword="null"/>: the comparison's
    /// level, else the ladder's finest regional level.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }
}

/// <summary>Options of <see cref="QapMetric"/>.</summary>
public sealed record QapMetricOptions : QapComparisonOptions;

/// <summary>Options of <see cref="MrqapMetric"/>.</summary>
public sealed record MrqapMetricOptions : QapComparisonOptions
{
    /// <summary>Add an intercept as the first term.</summary>
    /// <value>The default value is <see langword="true"/> (as sna).</value>
    public bool Intercept { get; init; } = true;

    /// <summary>The permutation method: double semi-partialling (sna <c>"qapspp"</c>) or permuting Y (<c>"qapy"</c>).</summary>
    /// <value>The default value is <see cref="MrqapNullHypothesis.DoubleSemiPartialling"/>.</value>
    public MrqapNullHypothesis Method { get; init; } = MrqapNullHypothesis.DoubleSemiPartialling;
}

/// <summary>
/// QAP correlation between every pair of compared networks (id <c>qap</c>): for networks A and B (A before B in the
/// comparison), <see cref="Qap.Correlation(Matrix{double}, Matrix{double}, QapOptions?, int?, System.Threading.CancellationToken)"/>
/// of their matrices over the innovators (or regions) both have, B's rows and columns permuted. One row per pair, named
/// <c>A vs B</c>, statistic <c>correlation</c>; the <see cref="QapResult"/> (with the distribution) is its detail.
/// </summary>
/// <remarks>Dense n × n matrices: O(n²) memory per network and O(R · n²) time per pair, so use region flows
/// (<see cref="ComparisonMatrix.RegionFlows"/>) or networks of a few thousand innovators.</remarks>
public sealed class QapMetric : ComparisonMetric<QapMetricOptions>
{
    /// <summary>The id.</summary>
    public const string MetricId = "qap";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "QAP correlation of every pair of compared networks (shared innovators or regions), with permutation p-values.";

    /// <inheritdoc/>
    public override ComparisonMetricResult Compute(ComparisonContext context, QapMetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var mode = ComparisonMatrices.Mode(context, options);
        var seed = options.Seed ?? context.Seed;
        var qapOptions = new QapOptions { Permutations = options.Permutations, Seed = seed, Mode = mode };
        var rows = new List<PairwiseStatistic>();
        var details = new List<KeyValuePair<string, object>>();
        var pairs = context.Count * (context.Count - 1) / 2;
        var progress = new ChunkProgress(context, Id, (long)pairs * Qap.Chunks);
        for (var a = 0; a < context.Count; a++)
        {
            for (var b = a + 1; b < context.Count; b++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var m = ComparisonMatrices.Aligned(context, options, mode, [a, b], out var nodes);
                var q = Qap.CorrelationWithProgress(m[0], m[1], qapOptions, context.MaxDegreeOfParallelism, context.CancellationToken, progress.ChunkDone);
                var pair = context.Names[a] + " vs " + context.Names[b];
                rows.Add(new PairwiseStatistic(Id, pair, "correlation", q.Observed, q.Observed, q.PGreaterOrEqual, q.PLessOrEqual,
                    q.PUpper, q.PLower, q.PTwoSided, nodes, options.Permutations, seed));
                details.Add(new(pair, q));
            }
        }

        return new ComparisonMetricResult(Id, rows, details);
    }
}

/// <summary>
/// MRQAP regression across the compared networks (id <c>mrqap</c>): the first network is the dependent matrix Y, the
/// others are the covariates, aligned on the innovators (or regions) all of them have;
/// <see cref="Qap.Mrqap(Matrix{double}, IReadOnlyList{Matrix{double}}, MrqapOptions?, int?, System.Threading.CancellationToken)"/>
/// with double semi-partialling (sna <c>netlm(nullhyp = "qapspp")</c>). One row per term (<c>(intercept)</c>, then each
/// covariate by network name), model named <c>Y ~ X1 + X2</c>; the <see cref="MrqapResult"/> is its detail.
/// </summary>
/// <remarks>Estimate = the OLS coefficient, observed = its t statistic, two-sided p = (1 + #{|t*| ≥ |t|}) / (R + 1).</remarks>
public sealed class MrqapMetric : ComparisonMetric<MrqapMetricOptions>
{
    /// <summary>The id.</summary>
    public const string MetricId = "mrqap";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "MRQAP regression (double semi-partialling): the first network on the others, over shared innovators or regions.";

    /// <inheritdoc/>
    public override ComparisonMetricResult Compute(ComparisonContext context, MrqapMetricOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var mode = ComparisonMatrices.Mode(context, options);
        var seed = options.Seed ?? context.Seed;
        var all = new int[context.Count];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        var m = ComparisonMatrices.Aligned(context, options, mode, all, out var nodes);
        var names = new string[context.Count - 1];
        for (var i = 1; i < context.Count; i++)
        {
            names[i - 1] = context.Names[i];
        }

        var x = new Matrix<double>[names.Length];
        Array.Copy(m, 1, x, 0, x.Length);
        var terms = x.Length + (options.Intercept ? 1 : 0);
        var progress = new ChunkProgress(context, Id, (long)terms * Qap.Chunks);
        var mr = Qap.MrqapWithProgress(m[0], x, new MrqapOptions { Permutations = options.Permutations, Seed = seed, Mode = mode, Intercept = options.Intercept, Names = names, NullHypothesis = options.Method },
            context.MaxDegreeOfParallelism, context.CancellationToken, progress.ChunkDone);
        var model = context.Names[0] + " ~ " + string.Join(" + ", names);
        var pUpper = mr.Table.Column("p-upper");
        var pLower = mr.Table.Column("p-lower");
        var rows = new List<PairwiseStatistic>(mr.Terms.Count);
        for (var k = 0; k < mr.Terms.Count; k++)
        {
            rows.Add(new PairwiseStatistic(Id, model, mr.Terms[k], mr.Coefficients[k], mr.T[k], mr.PGreaterOrEqual[k], mr.PLessOrEqual[k],
                pUpper[k], pLower[k], mr.PAbs[k], nodes, options.Permutations, seed));
        }

        return new ComparisonMetricResult(Id, rows, [new(model, mr)]);
    }
}

/// <summary>The built-in comparison statistics.</summary>
public static class ComparisonFamily
{
    /// <summary>A new list of the built-in comparison statistics: <c>qap</c>, <c>mrqap</c>.</summary>
    /// <returns>The statistics.</returns>
    public static IReadOnlyList<IComparisonMetric> Create() => [new QapMetric(), new MrqapMetric()];
}

/// <summary>Progress of a QAP statistic in chunks of permutations (64 per pair or term), reported from worker threads at
/// most every 100 ms and once at the end.</summary>
internal sealed class ChunkProgress
{
    private readonly IProgress<MetricProgress>? _progress;
    private readonly string _id;
    private readonly long _total;
    private long _done;
    private long _lastTicks = long.MinValue;

    public ChunkProgress(ComparisonContext context, string id, long total)
    {
        _progress = context.Progress;
        _id = id;
        _total = total;
        ChunkDone = _progress is null ? null : Done;
    }

    public Action? ChunkDone { get; }

    private void Done()
    {
        var done = Interlocked.Increment(ref _done);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastTicks);
        if (done == _total || (now - last >= 100 && Interlocked.CompareExchange(ref _lastTicks, now, last) == last))
        {
            _progress!.Report(new MetricProgress(_id, done, _total));
        }
    }
}

/// <summary>The matrices of compared networks, aligned on the ids they share.</summary>
internal static class ComparisonMatrices
{
    public static DyadMode Mode(ComparisonContext context, QapComparisonOptions options)
    {
        if (options.Mode is { } mode)
        {
            return mode;
        }

        foreach (var net in context.Networks)
        {
            if (net.Links.AnyDirected)
            {
                return DyadMode.Directed;
            }
        }

        return DyadMode.Undirected;
    }

    /// <summary>The matrices of the networks at <paramref name="which"/>, over the ids all of them share (in the first's
    /// order).</summary>
    /// <exception cref="ArgumentException">Fewer than two shared ids.</exception>
    public static Matrix<double>[] Aligned(ComparisonContext context, QapComparisonOptions options, DyadMode mode, int[] which, out int nodes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Permutations);
        var result = new Matrix<double>[which.Length];
        string what;
        if (options.Matrix == ComparisonMatrix.RegionFlows)
        {
            what = "regions";
            var flows = new MatrixResult[which.Length];
            var flowOptions = new RegionFlowsOptions { Level = options.Level, Directed = mode == DyadMode.Directed };
            for (var i = 0; i < which.Length; i++)
            {
                flows[i] = new RegionFlowsMetric().Compute(context.ContextOf(which[i]), flowOptions);
            }

            var shared = Shared(flows[0].RowIds, i => Index(flows[i].RowIds), which.Length);
            nodes = shared.Count;
            CheckShared(context, which, nodes, what);
            for (var i = 0; i < which.Length; i++)
            {
                var index = Index(flows[i].RowIds);
                var at = new int[nodes];
                for (var k = 0; k < nodes; k++)
                {
                    at[k] = index[shared[k]];
                }

                var f = flows[i];
                result[i] = Matrix<double>.Build.Dense(nodes, nodes, (r, c) => f[at[r], at[c]]);
            }

            return result;
        }

        what = "innovators";
        var first = context.Networks[which[0]];
        var ids = new string[first.Innovators.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = first.Innovators.IdOf(i);
        }

        var common = Shared(ids, i => InnovatorIndex(context, which[i]), which.Length);
        nodes = common.Count;
        CheckShared(context, which, nodes, what);
        for (var i = 0; i < which.Length; i++)
        {
            result[i] = QapMatrices.Adjacency(context.Networks[which[i]], options.Matrix == ComparisonMatrix.Adjacency, common);
        }

        return result;
    }

    private static IReadOnlyDictionary<string, int> InnovatorIndex(ComparisonContext context, int network)
    {
        var inn = context.Networks[network].Innovators;
        var d = new Dictionary<string, int>(inn.Count, StringComparer.Ordinal);
        for (var i = 0; i < inn.Count; i++)
        {
            d[inn.IdOf(i)] = i;
        }

        return d;
    }

    private static Dictionary<string, int> Index(IReadOnlyList<string> ids)
    {
        var d = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            d[ids[i]] = i;
        }

        return d;
    }

    // The ids of the first list that every other network (1..count-1) has, in the first's order.
    private static List<string> Shared(IReadOnlyList<string> first, Func<int, IReadOnlyDictionary<string, int>> indexOf, int count)
    {
        var others = new IReadOnlyDictionary<string, int>[count - 1];
        for (var i = 1; i < count; i++)
        {
            others[i - 1] = indexOf(i);
        }

        var shared = new List<string>(first.Count);
        foreach (var id in first)
        {
            var all = true;
            foreach (var o in others)
            {
                all &= o.ContainsKey(id);
            }

            if (all)
            {
                shared.Add(id);
            }
        }

        return shared;
    }

    private static void CheckShared(ComparisonContext context, int[] which, int nodes, string what)
    {
        if (nodes >= 2)
        {
            return;
        }

        var names = new string[which.Length];
        for (var i = 0; i < which.Length; i++)
        {
            names[i] = context.Names[which[i]];
        }

        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"Networks '{string.Join("', '", names)}' share {nodes} {what}; QAP needs at least 2 shared {what}."));
    }
}
