using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Glocal;

/// <summary>What an analysis across levels computes at each level.</summary>
[Flags]
public enum LevelScopes
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Each innovator scored within its own region's subnetwork at the level (a <see cref="NodeTable"/> column per
    /// metric and level, e.g. <c>betweenness@province</c>).</summary>
    WithinRegions = 1,

    /// <summary>Each region scored in the region network at the level (a <see cref="RegionTable"/> per level).</summary>
    RegionNetworks = 2,

    /// <summary>Both.</summary>
    Both = WithinRegions | RegionNetworks,
}

/// <summary>The levels and scopes of an analysis across levels. Immutable.</summary>
public sealed record MultiLevelRequest
{
    /// <summary>The level ids, e.g. <c>["province", "country"]</c>; each must be on the network's ladder. Repeats are ignored.</summary>
    /// <value>The default value is empty (which <see cref="MultiLevelAnalysis.Run"/> rejects).</value>
    public IReadOnlyList<string> Levels { get; init; } = [];

    /// <summary>What to compute at each level.</summary>
    /// <value>The default value is <see cref="LevelScopes.Both"/>.</value>
    public LevelScopes Scopes { get; init; } = LevelScopes.Both;

    /// <summary>How the region networks are built (weighted flows, direction).</summary>
    /// <value>The default value is <c>new RegionNetworkOptions()</c>: weighted, directed when every link is.</value>
    public RegionNetworkOptions RegionNetwork { get; init; } = new();
}

/// <summary>
/// Any node metric at every scale: runs registered node metrics (built-in or custom) (a) on each region's own subnetwork
/// at one or several levels, so that every innovator is scored within its region, and (b) on the region network of each
/// level (<see cref="RegionNetwork.Build"/>), so that every region is scored among the regions. The fluent front door is
/// <c>network.Analyze().AcrossLevels("province", "country").Compute("betweenness", "degree").Run()</c>.
/// </summary>
/// <remarks>
/// <para>(a) For a level ℓ, the innovators are split by their region at ℓ (<see cref="InnovatorGroups.ByLevel"/>); each
/// region's induced subnetwork (its innovators and the links among them, <see cref="RegionSelection.Induced"/>) is
/// analysed on its own, with the request's metrics, options and seed. Results are keyed by innovator id in one
/// <see cref="NodeTable"/> with a column per metric column and level: <c>METRIC@LEVEL</c> for a metric's value column,
/// <c>METRIC.COLUMN@LEVEL</c> for its other columns (<c>degree.in@province</c>). Innovators without a region at ℓ get NaN
/// and are counted in the property <c>ungrouped@LEVEL</c>; <c>regions@LEVEL</c> counts the regions.</para>
/// <para>(b) For each level, the request's metrics run on the region network; each gives the columns <c>METRIC</c> or
/// <c>METRIC.COLUMN</c> of one <see cref="RegionTable"/> per level, keyed by region id.</para>
/// <para>Only node metrics (<see cref="MetricScope.Node"/>) apply; with the default <see cref="Analyzer"/> the ids,
/// scopes and option types are checked before anything runs. A time range in the request slices the network first.</para>
/// <para>Parallelism and determinism: regions with at least <see cref="LargeRegionLinks"/> links run one after another,
/// each with the request's degree of parallelism; the smaller ones run in parallel, each on one thread. Every metric
/// is deterministic for any degree of parallelism, and results are written by innovator index, so the output does not
/// depend on the thread count or scheduling. Cancellation is checked before each region and inside the metrics; a
/// cancelled run throws <see cref="OperationCanceledException"/>. Progress is reported as
/// <c>MetricProgress("across-levels", regions done, regions in all, stage)</c>.</para>
/// <para>Cost: splitting is O(n + m) per level; the metrics' own costs on the parts are usually far below one run on the
/// whole network (e.g. Brandes is O(Σ n_R m_R)).</para>
/// </remarks>
public static class MultiLevelAnalysis
{
    /// <summary>The id carried by the results: <c>across-levels</c>.</summary>
    public const string ResultId = "across-levels";

    /// <summary>Regions with at least this many links run alone with the request's full degree of parallelism.</summary>
    public const int LargeRegionLinks = 20_000;

    /// <summary>Runs the analysis.</summary>
    /// <param name="network">The network.</param>
    /// <param name="analyzer">Resolves and runs the metrics (e.g. <c>new Analyzer(registry)</c> with custom metrics).</param>
    /// <param name="request">The metrics (node metrics), their options, the seed, the parallelism, progress and time range.</param>
    /// <param name="levels">The levels and what to compute at each.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The results.</returns>
    /// <exception cref="ArgumentException">No level, no metric, a metric that is not a node metric, or options of the wrong type.</exception>
    /// <exception cref="UnknownRegionLevelException">A level is not on the ladder.</exception>
    /// <exception cref="UnknownMetricException">A metric id is not registered.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static MultiLevelResult Run(GlocalNetwork network, IAnalyzer analyzer, AnalysisRequest request, MultiLevelRequest levels,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(levels);
        var lvs = CheckLevels(network, levels.Levels);
        if (request.Metrics.Count == 0)
        {
            throw new ArgumentException("An analysis across levels needs at least one node metric; add them with Compute(...).", nameof(request));
        }

        if (analyzer is Analyzer known)
        {
            CheckMetrics(known.Registry, request);
        }

        var net = network;
        if (request.FromYear is not null || request.ToYear is not null)
        {
            net = network.Where(new LinkFilter { FromYear = request.FromYear, ToYear = request.ToYear });
        }

        var inner = request with { FromYear = null, ToYear = null, Progress = null };
        var progress = new MetricContext(net, request.Seed, request.MaxDegreeOfParallelism, request.Progress, cancellationToken);
        var run = new Execution(analyzer, inner, progress, cancellationToken);
        var parts = new List<KeyValuePair<string, MetricResult>>();
        var props = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["levels"] = string.Join(",", lvs),
            ["seed"] = request.Seed.ToString(CultureInfo.InvariantCulture),
        };
        if ((levels.Scopes & LevelScopes.WithinRegions) != 0)
        {
            parts.Add(new("within", run.Within(net, lvs)));
        }

        if ((levels.Scopes & LevelScopes.RegionNetworks) != 0)
        {
            foreach (var lv in lvs)
            {
                parts.Add(new(MultiLevelResult.RegionPartName(lv), run.OnRegionNetwork(net, lv, levels.RegionNetwork)));
            }
        }

        return new MultiLevelResult(lvs, parts, props);
    }

    private static string[] CheckLevels(GlocalNetwork network, IReadOnlyList<string> levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var list = new List<string>();
        foreach (var l in levels)
        {
            var name = network.Ladder.GetLevel(l).Name;
            if (!list.Contains(name))
            {
                list.Add(name);
            }
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("An analysis across levels needs at least one level, e.g. AcrossLevels(\"province\", \"country\").", nameof(levels));
        }

        return [.. list];
    }

    private static void CheckMetrics(IMetricRegistry registry, AnalysisRequest request)
    {
        foreach (var r in request.Metrics)
        {
            var m = registry.Get(r.MetricId);
            if (m.Scope != MetricScope.Node)
            {
                throw new ArgumentException(
                    $"Metric '{m.Id}' gives a {m.Scope.ToString().ToLowerInvariant()} result; an analysis across levels runs node metrics only.", nameof(request));
            }

            if (r.Options is not null && !m.OptionsType.IsInstanceOfType(r.Options))
            {
                throw new ArgumentException($"Metric '{m.Id}' takes options of type '{m.OptionsType.Name}', not '{r.Options.GetType().Name}'.", nameof(request));
            }
        }
    }

    /// <summary>The column name of a node table's column: <c>METRIC</c> for the value column, else <c>METRIC.COLUMN</c>.</summary>
    private static string ColumnName(string metricId, string column) =>
        column == KeyedTable.ValueColumn ? metricId : metricId + "." + column;

    private static NodeTable AsNodeTable(MetricResult r) => r as NodeTable ?? throw new ArgumentException(
        $"Metric '{r.MetricId}' gave a {r.Scope.ToString().ToLowerInvariant()} result; an analysis across levels runs node metrics only.");

    /// <summary>One run: the analyzer, the inner request, progress and cancellation.</summary>
    private sealed class Execution(IAnalyzer analyzer, AnalysisRequest inner, MetricContext progress, CancellationToken ct)
    {
        private long _done;
        private long _total;

        public NodeTable Within(GlocalNetwork net, string[] levels)
        {
            var n = net.Innovators.Count;
            var names = new List<string>();
            var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
            var props = new Dictionary<string, string>(StringComparer.Ordinal);
            var splits = new (InnovatorGroups Groups, int[][] Members, int[][] Links)[levels.Length];
            for (var k = 0; k < levels.Length; k++)
            {
                var groups = InnovatorGroups.ByLevel(net, levels[k]);
                var links = SubNetworks.Split(net, groups, out var members);
                splits[k] = (groups, members, links);
                Interlocked.Add(ref _total, groups.Count);
            }

            for (var k = 0; k < levels.Length; k++)
            {
                var (groups, members, links) = splits[k];
                var results = RunRegions(net, members, links, "within " + levels[k]);
                if (results.Length == 0)
                {
                    // No region holds innovators at this level: the columns come from an empty network, all NaN.
                    results = [analyzer.Run(SubNetworks.Build(net, [], [], [], []), inner, ct)];
                    members = [[]];
                }

                props["regions@" + levels[k]] = groups.Count.ToString(CultureInfo.InvariantCulture);
                props["ungrouped@" + levels[k]] = groups.UngroupedCount.ToString(CultureInfo.InvariantCulture);

                // Columns in region order, then request order: the same for any scheduling.
                for (var q = 0; q < results.Length; q++)
                {
                    foreach (var r in results[q].Results)
                    {
                        var table = AsNodeTable(r);
                        foreach (var c in table.Columns)
                        {
                            var name = ColumnName(table.MetricId, c) + "@" + levels[k];
                            if (!columns.TryGetValue(name, out var values))
                            {
                                values = new double[n];
                                Array.Fill(values, double.NaN);
                                columns[name] = values;
                                names.Add(name);
                            }

                            var col = table.Column(c);
                            var ids = members[q];
                            for (var row = 0; row < col.Length; row++)
                            {
                                values[ids[row]] = col[row];
                            }
                        }
                    }
                }
            }

            var cols = new List<KeyValuePair<string, double[]>>(names.Count);
            foreach (var name in names)
            {
                cols.Add(KeyedTable.Col(name, columns[name]));
            }

            return new NodeTable(ResultId, progress.InnovatorIds, cols, props);
        }

        public RegionTable OnRegionNetwork(GlocalNetwork net, string level, RegionNetworkOptions options)
        {
            ct.ThrowIfCancellationRequested();
            var rn = RegionNetwork.Build(net, level, options, progress.MaxDegreeOfParallelism, ct);
            var result = analyzer.Run(rn, inner, ct);
            var cols = new List<KeyValuePair<string, double[]>>();
            foreach (var r in result.Results)
            {
                var table = AsNodeTable(r);
                foreach (var c in table.Columns)
                {
                    cols.Add(KeyedTable.Col(ColumnName(table.MetricId, c), table.Column(c).ToArray()));
                }
            }

            var ids = new string[rn.Innovators.Count];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = rn.Innovators.IdOf(i);
            }

            var props = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["level"] = level,
                ["regions"] = ids.Length.ToString(CultureInfo.InvariantCulture),
                ["links"] = rn.Links.Count.ToString(CultureInfo.InvariantCulture),
                ["directed"] = rn.Links.Count > 0 && rn.Links.AllDirected ? "true" : "false",
                ["weighted"] = options.Weighted ? "true" : "false",
            };
            return new RegionTable(ResultId, level, ids, cols, props);
        }

        private AnalysisResult[] RunRegions(GlocalNetwork net, int[][] members, int[][] links, string stage)
        {
            var r = members.Length;
            var results = new AnalysisResult[r];
            var map = new int[net.Innovators.Count];
            var dop = progress.MaxDegreeOfParallelism;
            var small = new List<int>();
            for (var q = 0; q < r; q++)
            {
                if (links[q].Length >= LargeRegionLinks)
                {
                    results[q] = RunRegion(net, members[q], links[q], map, dop, stage);
                }
                else
                {
                    small.Add(q);
                }
            }

            if (dop <= 1 || small.Count <= 1)
            {
                foreach (var q in small)
                {
                    results[q] = RunRegion(net, members[q], links[q], map, 1, stage);
                }

                return results;
            }

            try
            {
                Parallel.ForEach(small, new ParallelOptions { MaxDegreeOfParallelism = dop, CancellationToken = ct },
                    q => results[q] = RunRegion(net, members[q], links[q], map, 1, stage));
            }
            catch (AggregateException e)
            {
                ct.ThrowIfCancellationRequested();
                ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            }

            return results;
        }

        private AnalysisResult RunRegion(GlocalNetwork net, int[] members, int[] links, int[] map, int dop, string stage)
        {
            ct.ThrowIfCancellationRequested();
            var sub = SubNetworks.Build(net, members, [], links, map);
            var result = analyzer.Run(sub, inner with { MaxDegreeOfParallelism = dop }, ct);
            progress.ReportProgress(ResultId, Interlocked.Increment(ref _done), Interlocked.Read(ref _total), stage);
            return result;
        }
    }
}

/// <summary>
/// The results of <see cref="MultiLevelAnalysis"/>: the part <c>within</c> (a <see cref="NodeTable"/> keyed by innovator
/// id, a column per metric and level, e.g. <c>betweenness@province</c>) and a part <c>region-network-LEVEL</c> per level
/// (a <see cref="RegionTable"/> keyed by region id). Immutable.
/// </summary>
public sealed class MultiLevelResult : CompositeResult
{
    private const string WithinPart = "within";

    internal MultiLevelResult(IReadOnlyList<string> levels, IReadOnlyList<KeyValuePair<string, MetricResult>> parts, IReadOnlyDictionary<string, string> properties)
        : base(MultiLevelAnalysis.ResultId, parts, properties)
    {
        Levels = levels;
    }

    /// <summary>The levels, in the ladder's spelling and request order.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>Every innovator's scores within its region at each level (columns <c>METRIC@LEVEL</c>, NaN for innovators
    /// without a region at the level).</summary>
    /// <exception cref="KeyNotFoundException">The run did not compute within-region scores.</exception>
    public NodeTable WithinRegions => Part<NodeTable>(WithinPart);

    /// <summary>The regions' scores in the region network at <paramref name="level"/> (columns <c>METRIC</c>).</summary>
    /// <param name="level">One of <see cref="Levels"/> (case-insensitive).</param>
    /// <returns>The table.</returns>
    /// <exception cref="KeyNotFoundException">The run did not compute region networks, or not at this level.</exception>
    public RegionTable RegionNetwork(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        foreach (var l in Levels)
        {
            if (string.Equals(l, level, StringComparison.OrdinalIgnoreCase))
            {
                return Part<RegionTable>(RegionPartName(l));
            }
        }

        throw new KeyNotFoundException($"The analysis did not run at level '{level}'; its levels are {string.Join(", ", Levels)}.");
    }

    /// <summary>Writes <c>across-levels-nodes.csv</c> (first column <c>id</c>) and one <c>across-levels-regions-LEVEL.csv</c>
    /// per level (first column <c>region</c>) into <paramref name="directory"/>.</summary>
    /// <param name="directory">The folder (created when missing).</param>
    /// <returns>The paths written.</returns>
    public IReadOnlyList<string> WriteCsv(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (name, part) in Parts)
        {
            var file = name == WithinPart ? "nodes" : "regions-" + ((RegionTable)part).Level;
            var path = Path.Combine(directory, MultiLevelAnalysis.ResultId + "-" + file + ".csv");
            File.WriteAllText(path, part.ToCsv());
            written.Add(path);
        }

        return written;
    }

    /// <summary>The part name of a level's region-network table.</summary>
    internal static string RegionPartName(string level) => "region-network-" + level;
}
