using System;
using GlocalNetworks.Evolution;
using GlocalNetworks.Fluent;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks;

/// <summary>The front doors: <c>network.Analyze()</c> and <c>network.Evolve()</c>.</summary>
public static class GlocalNetworkExtensions
{
    /// <summary>Starts an analysis of <paramref name="network"/> with the built-in metrics.</summary>
    /// <param name="network">The network.</param>
    /// <returns>A fluent builder.</returns>
    public static AnalysisBuilder Analyze(this GlocalNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new AnalysisBuilder(network, null);
    }

    /// <summary>Starts an analysis that resolves metrics with <paramref name="analyzer"/> (e.g. from dependency injection).</summary>
    /// <param name="network">The network.</param>
    /// <param name="analyzer">The analyzer.</param>
    /// <returns>A fluent builder.</returns>
    public static AnalysisBuilder Analyze(this GlocalNetwork network, IAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(analyzer);
        return new AnalysisBuilder(network, analyzer);
    }

    /// <summary>Starts an evolution analysis of <paramref name="network"/> (time slices, trajectories, churn) with the built-in metrics.</summary>
    /// <param name="network">The network.</param>
    /// <returns>A fluent builder (yearly slices until told otherwise).</returns>
    public static EvolutionBuilder Evolve(this GlocalNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new EvolutionBuilder(network, null);
    }

    /// <summary>Starts an evolution analysis that resolves metrics with <paramref name="registry"/> (e.g. from dependency injection).</summary>
    /// <param name="network">The network.</param>
    /// <param name="registry">The registry.</param>
    /// <returns>A fluent builder.</returns>
    public static EvolutionBuilder Evolve(this GlocalNetwork network, IMetricRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(registry);
        return new EvolutionBuilder(network, registry);
    }
}
