using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Evolution;

/// <summary>Runs metrics on every slice of a <see cref="SliceSet"/> and assembles the <see cref="TrajectorySet"/>.</summary>
internal static class Tracker
{
    /// <summary>The progress id of slice-level progress reports.</summary>
    public const string ProgressId = "evolution";

    /// <summary>Whether <paramref name="e"/> is a documented domain error that makes a metric undefined on a slice (recorded
    /// as NaN plus an issue) rather than a bug or misuse (which aborts the run).</summary>
    /// <param name="e">The exception.</param>
    /// <returns>True for <see cref="DisconnectedGraphException"/>, <see cref="ConvergenceException"/>,
    /// <see cref="GraphNotAcyclicException"/> (a slice of a citation network with a cycle under
    /// <see cref="CyclePolicy.Throw"/>), <see cref="EstimationException"/> (a model that cannot be estimated on the slice)
    /// and any <see cref="GlocalDataException"/> a metric raises about the slice's data.</returns>
    public static bool IsDomainError(Exception e) =>
        e is DisconnectedGraphException or ConvergenceException or GraphNotAcyclicException or EstimationException or GlocalDataException;

    public static TrajectorySet Run(SliceSet slices, IReadOnlyList<MetricRequest> requests, IMetricRegistry? registry, IAnalyzer? analyzer,
        TrackSettings settings, CancellationToken cancellationToken)
    {
        // Resolve every id (and check option types) before anything runs, as the analyzer does.
        var metrics = new IMetric?[requests.Count];
        var ids = new string[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            var r = requests[i];
            ids[i] = r.MetricId;
            if (Array.IndexOf(ids, r.MetricId, 0, i) >= 0)
            {
                throw new ArgumentException($"Metric '{r.MetricId}' is tracked twice; track each id once.", nameof(requests));
            }

            if (registry is not null)
            {
                var m = registry.Get(r.MetricId);
                if (r.Options is not null && !m.OptionsType.IsInstanceOfType(r.Options))
                {
                    throw new ArgumentException($"Metric '{r.MetricId}' takes options of type '{m.OptionsType.Name}', not '{r.Options.GetType().Name}'.", nameof(requests));
                }

                metrics[i] = m;
            }
        }

        var t = slices.Count;
        var results = new MetricResult?[t][];
        var issues = new List<TrajectoryIssue>?[t];
        var maxDop = settings.MaxDegreeOfParallelism ?? MetricContext.DefaultMaxDegreeOfParallelism;
        var sliceDop = settings.SliceParallelism ?? AutoSliceParallelism(slices, maxDop, requests.Count);
        sliceDop = Math.Max(1, Math.Min(sliceDop, Math.Max(1, t)));
        var innerDop = Math.Max(1, maxDop / sliceDop);
        var done = 0;
        void RunSlice(int s)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = slices[s];
            var net = slice.Network;
            var row = new MetricResult?[requests.Count];
            MetricContext? context = null;
            for (var i = 0; i < requests.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    if (metrics[i] is { } metric)
                    {
                        context ??= new MetricContext(net, settings.Seed, innerDop, null, cancellationToken) { Level = settings.Level, SharedGraphs = slice.Graphs };
                        row[i] = metric.Compute(context, requests[i].Options);
                    }
                    else
                    {
                        var request = new AnalysisRequest
                        {
                            Metrics = [requests[i]], Seed = settings.Seed, Level = settings.Level, MaxDegreeOfParallelism = innerDop,
                        };
                        row[i] = analyzer!.Run(net, request, cancellationToken).Results[0];
                    }
                }
                catch (Exception e) when (IsDomainError(e))
                {
                    (issues[s] ??= []).Add(new TrajectoryIssue(slice.Label, requests[i].MetricId, e.GetType().Name, e.Message));
                }
            }

            results[s] = row;
            var d = Interlocked.Increment(ref done);
            settings.Progress?.Report(new MetricProgress(ProgressId, d, t, slice.Label));
        }

        if (sliceDop == 1)
        {
            for (var s = 0; s < t; s++)
            {
                RunSlice(s);
            }
        }
        else
        {
            try
            {
                Parallel.For(0, t, new ParallelOptions { MaxDegreeOfParallelism = sliceDop, CancellationToken = cancellationToken }, RunSlice);
            }
            catch (AggregateException ae)
            {
                var inner = ae.Flatten().InnerExceptions;
                foreach (var e in inner)
                {
                    if (e is OperationCanceledException)
                    {
                        ExceptionDispatchInfo.Capture(e).Throw();
                    }
                }

                ExceptionDispatchInfo.Capture(inner[0]).Throw();
                throw;
            }
        }

        return Assemble(slices, ids, results, issues, settings.Seed);
    }

    /// <summary>Slices run in parallel only as far as memory allows: each slice in flight is budgeted 64 bytes per link of the
    /// network (its link rows, one or two CSRs) plus 16 bytes per innovator per metric (result columns), and the slices in
    /// flight may use at most half the memory the GC reports available.</summary>
    private static int AutoSliceParallelism(SliceSet slices, int maxDop, int metricCount)
    {
        if (slices.Count <= 1)
        {
            return 1;
        }

        var n = slices[0].Network.Innovators.Count;
        var perSlice = (64L * slices.Report.Links) + (16L * n * (metricCount + 1)) + (1L << 20);
        var info = GC.GetGCMemoryInfo();
        var available = Math.Max(0L, info.TotalAvailableMemoryBytes - GC.GetTotalMemory(false));
        var byMemory = Math.Max(1L, available / 2 / perSlice);
        return (int)Math.Min(byMemory, Math.Min(maxDop, slices.Count));
    }

    private static TrajectorySet Assemble(SliceSet slices, string[] ids, MetricResult?[][] results, List<TrajectoryIssue>?[] issues, ulong seed)
    {
        var t = slices.Count;
        var series = new List<(string Name, string Metric, double[] Values)>();
        var seriesIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var panels = new List<PanelBuilder>();
        var panelIndex = new Dictionary<string, int>(StringComparer.Ordinal);

        void AddScalar(ScalarResult r, string? prefix, int s)
        {
            for (var i = 0; i < r.Columns.Count; i++)
            {
                var name = prefix is null ? r.QualifiedName(i) : Name(r.MetricId, prefix, r.Columns[i]);
                if (!seriesIndex.TryGetValue(name, out var k))
                {
                    k = series.Count;
                    seriesIndex[name] = k;
                    var v = new double[t];
                    Array.Fill(v, double.NaN);
                    series.Add((name, r.MetricId, v));
                }

                series[k].Values[s] = r.Values[i];
            }
        }

        void AddKeyed(KeyedTable r, string? prefix, int s)
        {
            foreach (var column in r.Columns)
            {
                var name = Name(r.MetricId, prefix, column);
                if (!panelIndex.TryGetValue(name, out var k))
                {
                    k = panels.Count;
                    panelIndex[name] = k;
                    panels.Add(new PanelBuilder(name, r.MetricId, r.Scope, r.KeyColumnName, (r as RegionTable)?.Level, t));
                }

                panels[k].Set(r.Ids, r.Column(column), s);
            }
        }

        void Add(MetricResult r, string? prefix, int s)
        {
            switch (r)
            {
                case ScalarResult sr:
                    AddScalar(sr, prefix, s);
                    break;
                case KeyedTable kt:
                    AddKeyed(kt, prefix, s);
                    break;
                default:
                    // Matrices are not tracked (no id × slice shape); see docs/evolution.md.
                    break;
            }
        }

        for (var m = 0; m < ids.Length; m++)
        {
            for (var s = 0; s < t; s++)
            {
                if (results[s]?[m] is not { } r)
                {
                    continue;
                }

                if (r is CompositeResult c)
                {
                    foreach (var (part, value) in c.Parts)
                    {
                        // The network part keeps network.csv's names (scale-mix.share.global); other parts carry their name.
                        Add(value, value is ScalarResult && part == "network" ? null : part, s);
                    }
                }
                else
                {
                    Add(r, null, s);
                }
            }
        }

        var allIssues = new List<TrajectoryIssue>();
        foreach (var list in issues)
        {
            if (list is not null)
            {
                allIssues.AddRange(list);
            }
        }

        var ts = new TimeSeries[series.Count];
        for (var i = 0; i < ts.Length; i++)
        {
            ts[i] = new TimeSeries(series[i].Name, series[i].Metric, series[i].Values);
        }

        var ps = new Panel[panels.Count];
        for (var i = 0; i < ps.Length; i++)
        {
            ps[i] = panels[i].Build();
        }

        return new TrajectorySet(slices, ts, ps, [.. allIssues], seed, ids);
    }

    private static string Name(string metricId, string? prefix, string column)
    {
        var name = prefix is null ? metricId : metricId + "." + prefix;
        return column == KeyedTable.ValueColumn ? name : name + "." + column;
    }

    private sealed class PanelBuilder(string name, string metricId, MetricScope scope, string keyName, string? level, int slices)
    {
        private readonly List<string> _ids = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<double[]> _rows = [];

        public double[] Row(string id)
        {
            if (!_index.TryGetValue(id, out var r))
            {
                r = _ids.Count;
                _index[id] = r;
                _ids.Add(id);
                var v = new double[slices];
                Array.Fill(v, double.NaN);
                _rows.Add(v);
            }

            return _rows[r];
        }

        /// <summary>Sets slice <paramref name="s"/> of the rows <paramref name="ids"/>. When the ids are the panel's rows in
        /// order (every slice of a node table: the innovator table's ids), rows are addressed by position, else by lookup.</summary>
        public void Set(IReadOnlyList<string> ids, ReadOnlySpan<double> values, int s)
        {
            var same = ids.Count == _ids.Count;
            for (var row = 0; same && row < ids.Count; row++)
            {
                same = string.Equals(ids[row], _ids[row], StringComparison.Ordinal);
            }

            for (var row = 0; row < values.Length; row++)
            {
                (same ? _rows[row] : Row(ids[row]))[s] = values[row];
            }
        }

        public Panel Build() => new(name, metricId, scope, keyName, level, _ids, _index, [.. _rows]);
    }
}

/// <summary>How the tracker runs each slice.</summary>
/// <param name="Seed">The seed of every slice's metrics.</param>
/// <param name="Level">The analysis level, or null.</param>
/// <param name="MaxDegreeOfParallelism">The threads in all, or null for the core count.</param>
/// <param name="SliceParallelism">Slices run at once, or null to decide from memory.</param>
/// <param name="Progress">Slice-level progress, or null.</param>
internal sealed record TrackSettings(ulong Seed, string? Level, int? MaxDegreeOfParallelism, int? SliceParallelism, IProgress<MetricProgress>? Progress);
