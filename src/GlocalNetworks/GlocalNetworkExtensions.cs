using System;
using GlocalNetworks.Fluent;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks;

/// <summary>The front door: <c>network.Analyze()</c>.</summary>
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
}
