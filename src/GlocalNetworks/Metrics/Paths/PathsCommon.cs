using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Paths;

/// <summary>What the shortest-path metrics share: graph views, the cached all-sources pass, component choice and seeded source draws.</summary>
internal static class PathsCommon
{
    /// <summary>The random stream of betweenness's sampled sources.</summary>
    public const ulong BetweennessStream = 1;

    /// <summary>The random stream of the sampled sources of diameter and average shortest path.</summary>
    public const ulong DistanceStream = 2;

    /// <summary>The graph view of a shortest-path metric: unweighted (simple graph) or weighted (parallel links summed).</summary>
    /// <param name="context">The context.</param>
    /// <param name="directed">The option, or <see langword="null"/> for "directed exactly when every link is".</param>
    /// <param name="weighted">Whether weights are lengths.</param>
    /// <returns>The view.</returns>
    public static GraphView View(MetricContext context, bool? directed, bool weighted) =>
        (weighted ? GraphView.UndirectedWeighted : GraphView.UndirectedUnweighted) with
        {
            Directed = directed ?? context.Network.Links.AllDirected,
        };

    /// <summary>
    /// Shortest-path summaries of every node as a target (distances <em>to</em> it: BFS/Dijkstra on the transposed graph
    /// when directed), computed once per context and view and shared by closeness, harmonic centrality and, on undirected
    /// graphs, diameter and average shortest path. Memory: four arrays of n.
    /// </summary>
    /// <param name="context">The context.</param>
    /// <param name="view">The view.</param>
    /// <param name="metricId">The metric reporting progress.</param>
    /// <returns>The summaries, indexed by node.</returns>
    public static SourceSummaries Inward(MetricContext context, GraphView view, string metricId) =>
        context.GetOrAdd(new CacheKey("paths:inward-summaries", view), ctx =>
        {
            var g = ctx.Graph(view);
            var reversed = g.IsDirected ? g.Transpose() : g;
            return ShortestPaths.Summarise(reversed, g, null, view.Weighted, null, 0, ctx.MaxDegreeOfParallelism, ctx.CancellationToken,
                (d, t) => ctx.ReportProgress(metricId, d, t));
        });

    /// <summary>Draws <paramref name="k"/> distinct items of <paramref name="candidates"/> (partial Fisher–Yates on a copy), in draw order.</summary>
    /// <param name="candidates">The population.</param>
    /// <param name="k">How many (≤ population).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="stream">The stream.</param>
    /// <returns>The sample.</returns>
    public static int[] Draw(ReadOnlySpan<int> candidates, int k, ulong seed, ulong stream)
    {
        var pool = ArrayPool<int>.Shared.Rent(Math.Max(1, candidates.Length));
        try
        {
            candidates.CopyTo(pool);
            var rng = new DeterministicRandom(seed, stream);
            var m = candidates.Length;
            var result = new int[k];
            for (var i = 0; i < k; i++)
            {
                var j = i + rng.NextInt(m - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
                result[i] = pool[i];
            }

            return result;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(pool);
        }
    }

    /// <summary>The ids of <paramref name="nodes"/> as a JSON array of strings, in order.</summary>
    /// <param name="context">The context (for the ids).</param>
    /// <param name="nodes">Node indices.</param>
    /// <returns>The JSON text.</returns>
    public static string IdList(MetricContext context, ReadOnlySpan<int> nodes)
    {
        var ids = context.InnovatorIds;
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var v in nodes)
            {
                w.WriteStringValue(ids[v]);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Formats a number for a result property (invariant, round-trip).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats an integer for a result property.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a flag for a result property.</summary>
    /// <param name="value">The value.</param>
    /// <returns><c>true</c> or <c>false</c>.</returns>
    public static string Text(bool value) => value ? "true" : "false";

    /// <summary>The properties every shortest-path result carries.</summary>
    /// <param name="directed">Directed.</param>
    /// <param name="weighted">Weighted.</param>
    /// <returns>A new dictionary.</returns>
    public static Dictionary<string, string> BaseProperties(bool directed, bool weighted)
    {
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["directed"] = Text(directed),
            ["weighted"] = Text(weighted),
        };
    }

    /// <summary>Throws when a sample size is not positive.</summary>
    /// <param name="samples">The option.</param>
    /// <param name="metricId">The metric.</param>
    public static void CheckSamples(int? samples, string metricId)
    {
        if (samples is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples,
                string.Create(CultureInfo.InvariantCulture, $"Metric '{metricId}' takes Samples >= 1 (or null for every source), not '{samples}'."));
        }
    }
}
