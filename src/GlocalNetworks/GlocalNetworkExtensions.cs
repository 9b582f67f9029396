using System;
using System.Collections.Generic;
using GlocalNetworks.Comparison;
using GlocalNetworks.Evolution;
using GlocalNetworks.Fluent;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks;

/// <summary>The front doors: <c>network.Analyze()</c>, <c>network.Evolve()</c>, <c>network.SplitBy(...)</c> and the static
/// <c>GlocalNetwork.Compare(...)</c> (a C# 14 static extension member, so the model references no front end).</summary>
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

    /// <summary>Splits <paramref name="network"/> into named parts (by link kind, an innovator attribute, a link key or
    /// link predicates: see <see cref="NetworkSplit"/>) and starts a side-by-side comparison of the parts.</summary>
    /// <param name="network">The network.</param>
    /// <param name="split">How to split it.</param>
    /// <returns>A fluent builder over the parts.</returns>
    /// <exception cref="ArgumentException">The split gives no part.</exception>
    public static ComparisonBuilder SplitBy(this GlocalNetwork network, NetworkSplit split)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(split);
        return new ComparisonBuilder(split.Apply(network));
    }

    /// <summary>Splits <paramref name="network"/> by an innovator attribute (<see cref="NetworkSplit.ByAttribute"/>) and
    /// starts a side-by-side comparison of the parts.</summary>
    /// <param name="network">The network.</param>
    /// <param name="innovatorAttribute">The attribute name.</param>
    /// <returns>A fluent builder over the parts.</returns>
    public static ComparisonBuilder SplitBy(this GlocalNetwork network, string innovatorAttribute) =>
        SplitBy(network, NetworkSplit.ByAttribute(innovatorAttribute));

    extension(GlocalNetwork)
    {
        /// <summary>Starts a side-by-side comparison of named networks: <c>GlocalNetwork.Compare(nets).Compute("density").Run()</c>.</summary>
        /// <param name="networks">Name → network, in column order; names unique.</param>
        /// <returns>A fluent builder.</returns>
        /// <exception cref="ArgumentException">There is no network, or a name repeats or is empty.</exception>
        public static ComparisonBuilder Compare(IEnumerable<KeyValuePair<string, GlocalNetwork>> networks) => new(networks);

        /// <summary>Starts a side-by-side comparison of named networks given as (name, network) pairs.</summary>
        /// <param name="networks">The pairs, in column order; names unique.</param>
        /// <returns>A fluent builder.</returns>
        /// <exception cref="ArgumentException">There is no network, or a name repeats or is empty.</exception>
        public static ComparisonBuilder Compare(params (string Name, GlocalNetwork Network)[] networks)
        {
            ArgumentNullException.ThrowIfNull(networks);
            var list = new List<KeyValuePair<string, GlocalNetwork>>(networks.Length);
            foreach (var (name, net) in networks)
            {
                list.Add(new(name, net));
            }

            return new ComparisonBuilder(list);
        }
    }
}
