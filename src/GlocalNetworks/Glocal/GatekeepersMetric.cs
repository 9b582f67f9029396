using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Glocal;

/// <summary>How a <see cref="GatekeeperThreshold"/> is computed.</summary>
public enum GatekeeperThresholdKind
{
    /// <summary>The mean over the region's innovators.</summary>
    Mean = 0,

    /// <summary>The median over the region's innovators.</summary>
    Median = 1,

    /// <summary>A quantile over the region's innovators (R type 7, linear interpolation).</summary>
    Quantile = 2,

    /// <summary>A fixed number of partners.</summary>
    Absolute = 3,
}

/// <summary>The threshold above which (strictly) a degree is "high" in <see cref="GatekeepersMetric"/>: the mean, the
/// median or a quantile of the degrees of the region's innovators, or an absolute number.</summary>
/// <param name="Kind">How it is computed.</param>
/// <param name="Value">q for <see cref="GatekeeperThresholdKind.Quantile"/>, k for <see cref="GatekeeperThresholdKind.Absolute"/>,
/// otherwise unused (NaN).</param>
public sealed record GatekeeperThreshold(GatekeeperThresholdKind Kind, double Value)
{
    /// <summary>The mean over the region's innovators (the default).</summary>
    public static GatekeeperThreshold Mean { get; } = new(GatekeeperThresholdKind.Mean, double.NaN);

    /// <summary>The median over the region's innovators.</summary>
    public static GatekeeperThreshold Median { get; } = new(GatekeeperThresholdKind.Median, double.NaN);

    /// <summary>The q-quantile over the region's innovators (R's default type 7).</summary>
    /// <param name="q">The probability, in [0, 1].</param>
    /// <returns>The threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is outside [0, 1].</exception>
    public static GatekeeperThreshold Quantile(double q) => q is >= 0 and <= 1
        ? new(GatekeeperThresholdKind.Quantile, q)
        : throw new ArgumentOutOfRangeException(nameof(q), q, "The quantile's probability must be in [0, 1].");

    /// <summary>A fixed number of partners k: "high" means more than k.</summary>
    /// <param name="k">The threshold, ≥ 0.</param>
    /// <returns>The threshold.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is negative or not finite.</exception>
    public static GatekeeperThreshold Absolute(double k) => k >= 0 && double.IsFinite(k)
        ? new(GatekeeperThresholdKind.Absolute, k)
        : throw new ArgumentOutOfRangeException(nameof(k), k, "The absolute threshold must be a finite number >= 0.");

    /// <summary>The threshold for the values of one region.</summary>
    /// <param name="values">The region's values (reordered in place).</param>
    /// <returns>The threshold.</returns>
    internal double Of(Span<double> values)
    {
        switch (Kind)
        {
            case GatekeeperThresholdKind.Absolute:
                return Value;
            case GatekeeperThresholdKind.Mean:
                var s = 0.0;
                foreach (var x in values)
                {
                    s += x;
                }

                return values.Length == 0 ? double.NaN : s / values.Length;
            default:
                if (values.Length == 0)
                {
                    return double.NaN;
                }

                values.Sort();
                var h = (values.Length - 1) * (Kind == GatekeeperThresholdKind.Median ? 0.5 : Value);
                var lo = (int)Math.Floor(h);
                return lo + 1 < values.Length ? values[lo] + ((h - lo) * (values[lo + 1] - values[lo])) : values[lo];
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        GatekeeperThresholdKind.Quantile => string.Create(CultureInfo.InvariantCulture, $"Quantile({Value})"),
        GatekeeperThresholdKind.Absolute => string.Create(CultureInfo.InvariantCulture, $"Absolute({Value})"),
        _ => Kind.ToString(),
    };
}

/// <summary>The class of an innovator in <see cref="GatekeepersMetric"/>; the numeric code is
/// 2 · [internal high] + [external high].</summary>
public enum GatekeeperClass
{
    /// <summary>Low internal, low external: isolated from the cluster (code 0).</summary>
    Isolated = 0,

    /// <summary>Low internal, high external: an external star (code 1).</summary>
    ExternalStar = 1,

    /// <summary>High internal, low external: an active mutual exchanger (code 2).</summary>
    MutualExchanger = 2,

    /// <summary>High internal, high external: a technological gatekeeper (code 3).</summary>
    Gatekeeper = 3,
}

/// <summary>Options of <see cref="GatekeepersMetric"/>.</summary>
public sealed record GatekeepersOptions
{
    /// <summary>The preset of Graf (2011): Absolute(0) on both axes, so a gatekeeper has at least one internal and one
    /// external partner.</summary>
    public static GatekeepersOptions Graf2011 { get; } = new() { Threshold = GatekeeperThreshold.Absolute(0) };

    /// <summary>The level whose regions are the clusters; <see langword="null"/>: the analysis level, else
    /// <see cref="InnovatorGroups.DefaultLevel"/> (province, NUTS-2, state).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>The "near" side (DESIGN §0): a tie is internal when its scale is at most this, external otherwise.</summary>
    /// <value>The default value is <see cref="Scale.Regional"/>.</value>
    public Scale LocalCutoff { get; init; } = Scale.Regional;

    /// <summary>The threshold of both axes (unless overridden by <see cref="InternalThreshold"/> or
    /// <see cref="ExternalThreshold"/>).</summary>
    /// <value>The default value is <see cref="GatekeeperThreshold.Mean"/>.</value>
    public GatekeeperThreshold Threshold { get; init; } = GatekeeperThreshold.Mean;

    /// <summary>The threshold of the internal axis; <see langword="null"/>: <see cref="Threshold"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public GatekeeperThreshold? InternalThreshold { get; init; }

    /// <summary>The threshold of the external axis; <see langword="null"/>: <see cref="Threshold"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public GatekeeperThreshold? ExternalThreshold { get; init; }

    /// <summary>Whether to read links as arcs; <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>The result of <see cref="GatekeepersMetric"/>: the innovators' degrees and classes, and per region the class
/// counts and thresholds.</summary>
public sealed class GatekeepersResult : CompositeResult
{
    internal GatekeepersResult(string metricId, NodeTable innovators, RegionTable regions, IReadOnlyDictionary<string, string> properties)
        : base(metricId, [new("innovators", innovators), new("regions", regions)], properties)
    {
    }

    /// <summary>Per innovator: <c>internal</c>, <c>external</c> (distinct partners), with <c>internal.in</c>,
    /// <c>internal.out</c>, <c>external.in</c>, <c>external.out</c> when directed; <c>class</c> (the
    /// <see cref="GatekeeperClass"/> code), and 0/1 columns <c>gatekeeper</c>, <c>mutual-exchanger</c>,
    /// <c>external-star</c>, <c>isolated</c>. NaN rows for innovators without a region at the level.</summary>
    public NodeTable Innovators => Part<NodeTable>("innovators");

    /// <summary>Per region at the level: <c>innovators</c>, the count per class, and the thresholds used.</summary>
    public RegionTable Regions => Part<RegionTable>("regions");
}

/// <summary>
/// Technological gatekeepers in the style of Giuliani and Bell (2005) and Graf (2011): every innovator of a region
/// (the cluster) classified by its internal and external ties as gatekeeper, active mutual exchanger, external star or
/// isolated (DESIGN 2.6).
/// </summary>
/// <remarks>
/// <para>Id <c>gatekeepers</c>. The clusters are the regions at <see cref="GatekeepersOptions.Level"/>. A tie is internal
/// when its scale (<see cref="GlocalNetwork.LinkScales"/>) is at most <see cref="GatekeepersOptions.LocalCutoff"/>
/// (Regional: the same province or NUTS-2 region, DESIGN §0's one "near" cutoff) and external otherwise. The internal
/// degree k_int is the number of distinct internal partners, the external degree k_ext the number of distinct external
/// partners (parallel links count once, weights are ignored).</para>
/// <para>Undirected: internal is high when k_int &gt; T_int, external is high when k_ext &gt; T_ext, with the thresholds
/// computed over the innovators of the same region (<see cref="GatekeeperThreshold"/>: the mean by default, the median, a
/// quantile, or an absolute number). Directed: internal is high when both the internal in-degree and out-degree exceed
/// their thresholds (mutual exchange), external is high when the external in-degree exceeds its threshold (absorbing
/// outside knowledge). Classes: gatekeeper (high, high), active mutual exchanger (high, low), external star (low, high),
/// isolated (low, low); code = 2 · [internal high] + [external high] (<see cref="GatekeeperClass"/>).</para>
/// <para>Edge cases: innovators without a region at the level (located coarser) are not classified (NaN rows, property
/// <c>ungrouped</c>), but their ties count for their partners. Links whose scale is only an upper bound
/// (<see cref="GlocalNetwork.LinkResolutionLimited"/>) are classified by that scale and counted in the property
/// <c>resolution-limited</c>. With the mean threshold, a region whose innovators all have the same degree has nobody
/// above it (all low). Empty network: empty tables.</para>
/// <para>Time O(n + m) plus O(n log n) for median and quantile thresholds.</para>
/// <para>References: Giuliani, E. and Bell, M. (2005), The micro-determinants of meso-level learning and innovation:
/// evidence from a Chilean wine cluster, <i>Research Policy</i> 34(1), 47-68; Graf, H. (2011), Gatekeepers in regional
/// networks of innovators, <i>Cambridge Journal of Economics</i> 35(1), 173-198. Their operationalisations are
/// questionnaire-based; ours is "in the style of", with documented thresholds.</para>
/// </remarks>
public sealed class GatekeepersMetric : Metric<GatekeepersOptions, GatekeepersResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "gatekeepers";

    private static readonly string[] ClassColumns = ["isolated", "external-star", "mutual-exchanger", "gatekeeper"];

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Technological gatekeepers, mutual exchangers, external stars and isolated innovators of each region by internal and external ties.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Composite;

    /// <inheritdoc/>
    public override GatekeepersResult Compute(MetricContext context, GatekeepersOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var net = context.Network;
        var groups = InnovatorGroups.Resolve(context, null, null, options.Level);
        var directed = options.Directed ?? net.Links.AllDirected;
        var n = net.Innovators.Count;
        var (nearS, nearT, farS, farT, limited) = SplitByScale(net, options.LocalCutoff, directed);
        var near = Build(nearS, nearT, n, directed: false);
        var far = Build(farS, farT, n, directed: false);
        var nearArcs = directed ? Build(nearS, nearT, n, directed: true) : near;
        var farArcs = directed ? Build(farS, farT, n, directed: true) : far;
        context.CancellationToken.ThrowIfCancellationRequested();

        var intAll = new double[n];
        var extAll = new double[n];
        double[]? intIn = null, intOut = null, extIn = null, extOut = null;
        if (directed)
        {
            (intIn, intOut) = (new double[n], new double[n]);
            (extIn, extOut) = (new double[n], new double[n]);
        }

        var groupOf = groups.GroupOf;
        for (var v = 0; v < n; v++)
        {
            if (groupOf[v] < 0)
            {
                intAll[v] = extAll[v] = double.NaN;
                if (directed)
                {
                    intIn![v] = intOut![v] = extIn![v] = extOut![v] = double.NaN;
                }

                continue;
            }

            intAll[v] = near.Degree(v);
            extAll[v] = far.Degree(v);
            if (directed)
            {
                intOut![v] = nearArcs.Degree(v);
                intIn![v] = nearArcs.Transpose().Degree(v);
                extOut![v] = farArcs.Degree(v);
                extIn![v] = farArcs.Transpose().Degree(v);
            }
        }

        var k = groups.Count;
        var tInt = options.InternalThreshold ?? options.Threshold;
        var tExt = options.ExternalThreshold ?? options.Threshold;
        var axes = directed
            ? new[] { ("internal.in", intIn!, tInt), ("internal.out", intOut!, tInt), ("external.in", extIn!, tExt) }
            : new[] { ("internal", intAll, tInt), ("external", extAll, tExt) };
        var thresholds = new double[axes.Length][];
        var byGroup = new List<double>[k];
        for (var g = 0; g < k; g++)
        {
            byGroup[g] = new List<double>(groups.Sizes[g]);
        }

        for (var a = 0; a < axes.Length; a++)
        {
            var values = axes[a].Item2;
            for (var v = 0; v < n; v++)
            {
                if (groupOf[v] >= 0)
                {
                    byGroup[groupOf[v]].Add(values[v]);
                }
            }

            thresholds[a] = new double[k];
            for (var g = 0; g < k; g++)
            {
                thresholds[a][g] = axes[a].Item3.Of(CollectionsMarshal.AsSpan(byGroup[g]));
                byGroup[g].Clear();
            }
        }

        var code = new double[n];
        var flags = new double[4][];
        for (var c = 0; c < 4; c++)
        {
            flags[c] = new double[n];
        }

        var counts = new double[4][];
        for (var c = 0; c < 4; c++)
        {
            counts[c] = new double[k];
        }

        var size = new double[k];
        for (var v = 0; v < n; v++)
        {
            var g = groupOf[v];
            if (g < 0)
            {
                code[v] = double.NaN;
                for (var c = 0; c < 4; c++)
                {
                    flags[c][v] = double.NaN;
                }

                continue;
            }

            bool internalHigh, externalHigh;
            if (directed)
            {
                internalHigh = intIn![v] > thresholds[0][g] && intOut![v] > thresholds[1][g];
                externalHigh = extIn![v] > thresholds[2][g];
            }
            else
            {
                internalHigh = intAll[v] > thresholds[0][g];
                externalHigh = extAll[v] > thresholds[1][g];
            }

            var cls = (internalHigh ? 2 : 0) + (externalHigh ? 1 : 0);
            code[v] = cls;
            flags[cls][v] = 1;
            counts[cls][g]++;
            size[g]++;
        }

        var nodeColumns = new List<KeyValuePair<string, double[]>> { KeyedTable.Col("internal", intAll), KeyedTable.Col("external", extAll) };
        if (directed)
        {
            nodeColumns.Add(KeyedTable.Col("internal.in", intIn!));
            nodeColumns.Add(KeyedTable.Col("internal.out", intOut!));
            nodeColumns.Add(KeyedTable.Col("external.in", extIn!));
            nodeColumns.Add(KeyedTable.Col("external.out", extOut!));
        }

        nodeColumns.Add(KeyedTable.Col("class", code));
        var regionColumns = new List<KeyValuePair<string, double[]>> { KeyedTable.Col("innovators", size) };
        for (var c = 3; c >= 0; c--)
        {
            nodeColumns.Add(KeyedTable.Col(ClassColumns[c], flags[c]));
            regionColumns.Add(KeyedTable.Col(ClassColumns[c], counts[c]));
        }

        for (var a = 0; a < axes.Length; a++)
        {
            regionColumns.Add(KeyedTable.Col(axes[a].Item1 + ".threshold", thresholds[a]));
        }

        var props = new Dictionary<string, string>
        {
            ["level"] = groups.Level ?? groups.Name,
            ["directed"] = directed ? "true" : "false",
            ["local-cutoff"] = options.LocalCutoff.ToString(),
            ["internal-threshold"] = tInt.ToString(),
            ["external-threshold"] = tExt.ToString(),
            ["ungrouped"] = groups.UngroupedCount.ToString(CultureInfo.InvariantCulture),
            ["resolution-limited"] = limited.ToString(CultureInfo.InvariantCulture),
        };
        return new GatekeepersResult(Id, new NodeTable(Id, context.InnovatorIds, nodeColumns, props),
            new RegionTable(Id, groups.Level ?? groups.Name, groups.Ids, regionColumns, props), props);
    }

    /// <summary>The near (scale ≤ cutoff) and far links as source and target lists (an undirected link two arcs in a
    /// directed reading), and the number of resolution-limited links.</summary>
    private static (List<int> NearS, List<int> NearT, List<int> FarS, List<int> FarT, int Limited) SplitByScale(GlocalNetwork net,
        Scale cutoff, bool directed)
    {
        var links = net.Links;
        var scales = net.LinkScales;
        var limitedFlags = net.LinkResolutionLimited;
        var src = links.Sources;
        var dst = links.Targets;
        var arcDirected = links.Directed;
        var nearS = new List<int>();
        var nearT = new List<int>();
        var farS = new List<int>();
        var farT = new List<int>();
        var limited = 0;
        for (var l = 0; l < src.Length; l++)
        {
            limited += limitedFlags[l] ? 1 : 0;
            var (s, t) = scales[l] <= cutoff ? (nearS, nearT) : (farS, farT);
            s.Add(src[l]);
            t.Add(dst[l]);
            if (directed && !arcDirected[l])
            {
                s.Add(dst[l]);
                t.Add(src[l]);
            }
        }

        return (nearS, nearT, farS, farT, limited);
    }

    /// <summary>An unweighted CSR graph of the listed links, parallel links merged (so degrees count distinct partners).</summary>
    private static CsrGraph Build(List<int> s, List<int> t, int n, bool directed) =>
        CsrGraph.Build(CollectionsMarshal.AsSpan(s), CollectionsMarshal.AsSpan(t), ReadOnlySpan<double>.Empty, n, directed,
            ParallelLinkPolicy.Sum, SelfLoopPolicy.Ignore);
}
