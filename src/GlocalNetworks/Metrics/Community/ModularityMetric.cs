using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.Community;

/// <summary>The community algorithm whose partition <see cref="ModularityMetric"/> scores when no partition is given.</summary>
public enum CommunityAlgorithm
{
    /// <summary><see cref="LouvainMetric"/> with the same weighting, resolution and direction.</summary>
    Louvain = 0,

    /// <summary><see cref="LeidenMetric"/> (modularity objective) with the same weighting and resolution.</summary>
    Leiden = 1,
}

/// <summary>Options of <see cref="ModularityMetric"/>: networkx 3.6.1's <c>modularity(G, communities, weight="weight",
/// resolution=1)</c>.</summary>
public sealed record ModularityOptions
{
    /// <summary>A node attribute whose values are the communities (innovators without it are communities of their own), or
    /// <see langword="null"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Attribute { get; init; }

    /// <summary>A result whose column <see cref="PartitionColumn"/> holds community labels by innovator id (e.g. a
    /// <c>louvain</c> or <c>leiden</c> result, possibly of another slice); innovators missing from it or with NaN are
    /// communities of their own. <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public KeyedTable? Partition { get; init; }

    /// <summary>The column of <see cref="Partition"/> holding the labels.</summary>
    /// <value>The default value is <c>value</c>.</value>
    public string PartitionColumn { get; init; } = KeyedTable.ValueColumn;

    /// <summary>The algorithm run when neither <see cref="Attribute"/> nor <see cref="Partition"/> is set.</summary>
    /// <value>The default value is <see cref="CommunityAlgorithm.Louvain"/>.</value>
    public CommunityAlgorithm Algorithm { get; init; } = CommunityAlgorithm.Louvain;

    /// <summary>Use link weights (parallel links summed), networkx <c>weight="weight"</c>.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Weighted { get; init; } = true;

    /// <summary>The resolution γ.</summary>
    /// <value>The default value is 1.</value>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Whether to read links as directed (directed modularity); <see langword="null"/>: directed exactly when every
    /// link is. The Leiden algorithm always reads them as undirected.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }
}

/// <summary>Modularity of a partition of the innovators: of a given one, or of the Louvain (or Leiden) partition.</summary>
/// <remarks>
/// <para>Id <c>modularity</c>, networkx 3.6.1's <c>community.modularity(G, communities, weight="weight", resolution=1)</c>:
/// undirected Q = Σ_c [L_c/m - γ (d_c/2m)²], directed Q = Σ_c [L_c/m - γ d_c^out d_c^in / m²], with L_c the weight of the
/// links inside community c, d_c the summed strengths of its innovators and m the total weight (Newman &amp; Girvan 2004;
/// directed: Leicht &amp; Newman 2008). The partition comes from <see cref="ModularityOptions.Attribute"/>, from
/// <see cref="ModularityOptions.Partition"/>, or by default from <see cref="LouvainMetric"/> run with the same options
/// (shared with a <c>louvain</c> run of the same analysis).</para>
/// <para>Values: <c>value</c> (Q) and <c>communities</c>. Properties: <c>source</c> (<c>louvain</c>, <c>leiden</c>,
/// <c>attribute:NAME</c> or <c>partition:METRIC</c>), <c>unassigned</c> (innovators made singletons), <c>resolution</c>,
/// <c>weighted</c>, <c>directed</c>, and <c>seed</c> when an algorithm ran.</para>
/// <para>Q of the all-in-one partition is 0; of singletons, -γ Σ_i (d_i/2m)². A network without links gives NaN (networkx
/// divides by zero). Time O(n + m) for a given partition.</para>
/// </remarks>
public sealed class ModularityMetric : Metric<ModularityOptions, ScalarResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "modularity";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Modularity of a partition (an attribute, a community result, or the Louvain partition).";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Network;

    /// <inheritdoc/>
    public override ScalarResult Compute(MetricContext context, ModularityOptions options)
    {
        if (options.Attribute is not null && options.Partition is not null)
        {
            throw new ArgumentException("Set either Attribute or Partition of the modularity options, not both.", nameof(options));
        }

        var leiden = options.Attribute is null && options.Partition is null && options.Algorithm == CommunityAlgorithm.Leiden;
        var directed = !leiden && (options.Directed ?? context.Network.Links.AllDirected);
        var props = new Dictionary<string, string>
        {
            ["resolution"] = options.Resolution.ToString("R", CultureInfo.InvariantCulture),
            ["weighted"] = options.Weighted ? "true" : "false",
            ["directed"] = directed ? "true" : "false",
        };
        var n = context.Network.Innovators.Count;
        int[] membership;
        var unassigned = 0;
        if (options.Attribute is { } attribute)
        {
            props["source"] = "attribute:" + attribute;
            var keys = new string?[n];
            var inn = context.Network.Innovators;
            for (var i = 0; i < n; i++)
            {
                keys[i] = inn[i].Attributes.TryGetValue(attribute, out var value) ? value : null;
            }

            membership = Labels(keys, out unassigned);
        }
        else if (options.Partition is { } table)
        {
            props["source"] = "partition:" + table.MetricId;
            _ = table.Column(options.PartitionColumn); // throws, listing the columns, when the column is missing
            var ids = context.InnovatorIds;
            var keys = new double[n];
            for (var i = 0; i < n; i++)
            {
                keys[i] = table.TryGetValue(ids[i], out var v, options.PartitionColumn) ? v : double.NaN;
            }

            membership = Labels(keys, out unassigned);
        }
        else if (leiden)
        {
            props["source"] = LeidenMetric.MetricId;
            props["seed"] = context.Seed.ToString(CultureInfo.InvariantCulture);
            membership = LeidenMetric.Partition(context, new LeidenOptions { Weighted = options.Weighted, Resolution = options.Resolution }).Membership;
        }
        else
        {
            props["source"] = LouvainMetric.MetricId;
            props["seed"] = context.Seed.ToString(CultureInfo.InvariantCulture);
            membership = LouvainMetric.Partition(context, new LouvainOptions { Weighted = options.Weighted, Resolution = options.Resolution, Directed = directed }).Result.Membership;
        }

        props["unassigned"] = unassigned.ToString(CultureInfo.InvariantCulture);
        var view = (options.Weighted ? GraphView.UndirectedWeighted : GraphView.UndirectedUnweighted) with { Directed = directed };
        var q = Modularity.Compute(context.Graph(view), membership, options.Resolution);
        var count = 0;
        foreach (var c in membership)
        {
            count = Math.Max(count, c + 1);
        }

        return new ScalarResult(Id, [new(KeyedTable.ValueColumn, q), new("communities", count)], props);
    }

    /// <summary>Dense labels in order of first appearance; null or NaN keys become singletons.</summary>
    private static int[] Labels<T>(T?[] keys, out int unassigned)
        where T : notnull
    {
        var map = new Dictionary<T, int>();
        var labels = new int[keys.Length];
        unassigned = 0;
        var next = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var k = keys[i];
            if (k is null || (k is double d && double.IsNaN(d)))
            {
                labels[i] = next++;
                unassigned++;
                continue;
            }

            if (!map.TryGetValue(k, out var l))
            {
                l = next++;
                map.Add(k, l);
            }

            labels[i] = l;
        }

        return labels;
    }
}
