using System;
using System.Collections.Generic;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Paths;

/// <summary>
/// Diameter and average shortest-path length of the largest component (connected when undirected, strongly connected
/// when directed: the only kind on which every distance is finite), exact or from seeded sources; computed once per
/// context, view, sample size and seed, and shared by <see cref="DiameterMetric"/> and <see cref="AverageShortestPathMetric"/>.
/// </summary>
internal sealed class ComponentDistances
{
    private ComponentDistances(int nodeCount)
    {
        NodeCount = nodeCount;
    }

    public int NodeCount { get; }

    public int ComponentCount { get; private init; }

    public int ComponentSize { get; private init; }

    public bool Directed { get; private init; }

    public double Diameter { get; private init; } = double.NaN;

    public double Average { get; private init; } = double.NaN;

    /// <summary>The sampled sources in draw order, or <see langword="null"/> when exact.</summary>
    public int[]? Sources { get; private init; }

    public static ComponentDistances Get(MetricContext context, GraphView view, int? samples, string metricId) =>
        context.GetOrAdd(new CacheKey("paths:component-distances", (view, samples, context.Seed)), ctx => Compute(ctx, view, samples, metricId));

    /// <summary>The result of either metric: the component distances for its options, the value <paramref name="select"/>
    /// picks, and the common values and properties.</summary>
    public static ScalarResult Result(MetricContext context, ComponentDistanceOptions options, string metricId, Func<ComponentDistances, double> select)
    {
        ArgumentNullException.ThrowIfNull(options);
        PathsCommon.CheckSamples(options.Samples, metricId);
        var view = PathsCommon.View(context, options.Directed, options.Weighted);
        var cd = Get(context, view, options.Samples, metricId);
        cd.ThrowIfDisconnected(options.Disconnected, metricId);
        var (values, props) = cd.Describe(context, select(cd), options.Weighted);
        return new ScalarResult(metricId, values, props);
    }

    /// <summary>Raises <see cref="DisconnectedGraphException"/> when there are several components and the policy says so.</summary>
    public void ThrowIfDisconnected(DisconnectedPolicy policy, string metricId)
    {
        if (ComponentCount > 1 && policy == DisconnectedPolicy.Throw)
        {
            throw new DisconnectedGraphException(metricId, ComponentCount, ComponentSize, NodeCount,
                "Disconnected = DisconnectedPolicy.LargestComponent");
        }
    }

    /// <summary>The values and properties common to both metrics' results.</summary>
    public (List<KeyValuePair<string, double>> Values, Dictionary<string, string> Properties) Describe(MetricContext context, double value, bool weighted)
    {
        var values = new List<KeyValuePair<string, double>>
        {
            new(KeyedTable.ValueColumn, value),
            new("component-size", ComponentSize),
            new("component-share", NodeCount == 0 ? double.NaN : (double)ComponentSize / NodeCount),
            new("components", ComponentCount),
        };
        var props = PathsCommon.BaseProperties(Directed, weighted);
        var kind = Directed ? "strongly connected" : "connected";
        props["scope"] = NodeCount == 0 ? "empty network"
            : ComponentCount == 1 ? $"whole network ({kind})"
            : $"largest {kind} component";
        props["connected"] = PathsCommon.Text(ComponentCount == 1);
        props["components"] = PathsCommon.Text(ComponentCount);
        props["component-size"] = PathsCommon.Text(ComponentSize);
        props["sampled"] = PathsCommon.Text(Sources is not null);
        if (Sources is not null)
        {
            props["seed"] = PathsCommon.Text((long)context.Seed);
            props["samples"] = PathsCommon.Text(Sources.Length);
            props["sampled-sources"] = PathsCommon.IdList(context, Sources);
        }

        return (values, props);
    }

    private static ComponentDistances Compute(MetricContext ctx, GraphView view, int? samples, string metricId)
    {
        var g = ctx.Graph(view);
        var n = g.NodeCount;
        if (n == 0)
        {
            return new ComponentDistances(0) { Directed = g.IsDirected };
        }

        var labels = new int[n];
        var count = g.IsDirected ? Components.Strong(g, labels) : Components.Weak(g, labels);
        var sizes = new int[count];
        foreach (var l in labels)
        {
            sizes[l]++;
        }

        // The largest component; ties go to the one holding the smallest node (labels are numbered that way).
        var best = 0;
        for (var c = 1; c < count; c++)
        {
            if (sizes[c] > sizes[best])
            {
                best = c;
            }
        }

        var size = sizes[best];
        var members = new int[size];
        var m = 0;
        for (var v = 0; v < n; v++)
        {
            if (labels[v] == best)
            {
                members[m++] = v;
            }
        }

        void Report(long d, long t) => ctx.ReportProgress(metricId, d, t);
        int[]? drawn = null;
        SourceSummaries sums;
        int[] rows;
        if (samples is { } k && k < size)
        {
            drawn = PathsCommon.Draw(members, k, ctx.Seed, PathsCommon.DistanceStream);
            rows = (int[])drawn.Clone();
            Array.Sort(rows);
            sums = ShortestPaths.Summarise(g, view.Weighted ? null : g.Transpose(), rows, view.Weighted, g.IsDirected ? labels : null, best, ctx.MaxDegreeOfParallelism,
                ctx.CancellationToken, Report);
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = i;
            }
        }
        else if (!g.IsDirected)
        {
            // Undirected: a node's component is exactly what it reaches, so the shared all-sources pass serves.
            sums = PathsCommon.Inward(ctx, view, metricId);
            rows = members;
        }
        else
        {
            sums = ShortestPaths.Summarise(g, view.Weighted ? null : g.Transpose(), members, view.Weighted, labels, best, ctx.MaxDegreeOfParallelism, ctx.CancellationToken, Report);
            rows = new int[size];
            for (var i = 0; i < size; i++)
            {
                rows[i] = i;
            }
        }

        double total = 0, diameter = 0;
        foreach (var r in rows)
        {
            total += sums.DistanceSum[r];
            diameter = Math.Max(diameter, sums.Eccentricity[r]);
        }

        var pairs = (double)rows.Length * (size - 1);
        return new ComponentDistances(n)
        {
            Directed = g.IsDirected,
            ComponentCount = count,
            ComponentSize = size,
            Diameter = diameter,
            Average = size == 1 ? 0 : total / pairs,
            Sources = drawn,
        };
    }
}
