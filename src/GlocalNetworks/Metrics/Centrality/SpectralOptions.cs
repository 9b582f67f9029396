using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Centrality;

/// <summary>Checks and helpers shared by the iterative centralities (PageRank, eigenvector, Katz).</summary>
internal static class SpectralOptions
{
    /// <summary>Throws unless the iteration limit is at least 1 and the tolerance finite and &gt; 0.</summary>
    /// <param name="metricId">The metric, for the message.</param>
    /// <param name="maxIterations">The limit.</param>
    /// <param name="tolerance">The tolerance.</param>
    public static void CheckIterations(string metricId, int maxIterations, double tolerance)
    {
        if (maxIterations < 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Metric '{metricId}': MaxIterations is '{maxIterations}'; it must be at least 1."), nameof(maxIterations));
        }

        if (!(tolerance > 0 && double.IsFinite(tolerance)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Metric '{metricId}': Tolerance is '{tolerance}'; it must be finite and > 0."), nameof(tolerance));
        }
    }

    /// <summary>Turns innovator id → weight into a distribution by innovator index (summing to 1), or <see langword="null"/>.</summary>
    /// <param name="context">The context (for the innovator table).</param>
    /// <param name="weights">The weights, or <see langword="null"/>.</param>
    /// <param name="option">The option's name, for messages.</param>
    /// <returns>The distribution, or <see langword="null"/> when <paramref name="weights"/> is.</returns>
    /// <exception cref="ArgumentException">An unknown id, a negative or non-finite weight, or weights summing to 0.</exception>
    public static double[]? Distribution(MetricContext context, IReadOnlyDictionary<string, double>? weights, string option)
    {
        if (weights is null)
        {
            return null;
        }

        var innovators = context.Network.Innovators;
        var p = new double[innovators.Count];
        var sum = 0.0;
        foreach (var (id, w) in weights)
        {
            if (!innovators.TryGetIndex(id, out var i))
            {
                throw new ArgumentException($"{option} names innovator '{id}', which is not in the network.", nameof(weights));
            }

            if (!(w >= 0 && double.IsFinite(w)))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{option} gives innovator '{id}' the weight '{w}'; weights must be finite and >= 0."), nameof(weights));
            }

            p[i] = w;
        }

        // Sum in innovator order, so that the distribution does not depend on the dictionary's order.
        foreach (var w in p)
        {
            sum += w;
        }

        if (!(sum > 0))
        {
            throw new ArgumentException($"The weights of {option} sum to 0; at least one innovator must have a weight > 0.", nameof(weights));
        }

        for (var i = 0; i < p.Length; i++)
        {
            p[i] /= sum;
        }

        return p;
    }

    /// <summary>The common result properties of an iterative centrality.</summary>
    /// <param name="result">The kernel's result.</param>
    /// <param name="graph">The graph it ran on.</param>
    /// <param name="weighted">Whether weights were used.</param>
    /// <param name="tolerance">The tolerance.</param>
    /// <returns>A new, mutable dictionary.</returns>
    public static Dictionary<string, string> Properties(IterationResult result, CsrGraph graph, bool weighted, double tolerance) => new()
    {
        ["iterations"] = result.Iterations.ToString(CultureInfo.InvariantCulture),
        ["residual"] = result.Residual.ToString("R", CultureInfo.InvariantCulture),
        ["tolerance"] = tolerance.ToString("R", CultureInfo.InvariantCulture),
        ["weighted"] = weighted && graph.IsWeighted ? "true" : "false",
        ["directed"] = graph.IsDirected ? "true" : "false",
    };
}
