using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Glocal;

/// <summary>Which of an innovator's ties the E-I index counts.</summary>
public enum EiDirection
{
    /// <summary>All ties, direction ignored (Krackhardt and Stern's undirected index).</summary>
    Both = 0,

    /// <summary>Out-ties only: a group's external ties are those sent to other groups; an undirected link is read as two
    /// arcs.</summary>
    Out = 1,

    /// <summary>In-ties only: a group's external ties are those received from other groups; an undirected link is read
    /// as two arcs.</summary>
    In = 2,
}

/// <summary>How a group's internal ties are counted (DESIGN 2.3).</summary>
public enum EiCounting
{
    /// <summary>Tie-based: each internal tie counts once for its group.</summary>
    PerLink = 0,

    /// <summary>Member-sum: each internal tie counts once per end, as the individual E-I counts summed over the group's
    /// members (the same as <see cref="PerLink"/> for <see cref="EiDirection.Out"/> and <see cref="EiDirection.In"/>, where
    /// an arc has one owner).</summary>
    PerMember = 1,
}

/// <summary>Options of <see cref="EiIndexMetric"/>. No networkx counterpart; the defaults follow Krackhardt and Stern
/// (1988) and UCINET's E-I index.</summary>
public sealed record EiIndexOptions
{
    /// <summary>An explicit partition (e.g. <see cref="InnovatorGroups.FromMap"/>); wins over every other grouping option.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public InnovatorGroups? Groups { get; init; }

    /// <summary>Group by this innovator attribute instead of regions.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? GroupAttribute { get; init; }

    /// <summary>The region level of the groups; <see langword="null"/>: the analysis level, else
    /// <see cref="InnovatorGroups.DefaultLevel"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>Several region levels in one call (e.g. <c>["province", "country"]</c>): one region table per level, the
    /// network values of each level, and the innovator table of the finest. Not together with <see cref="Level"/>,
    /// <see cref="Groups"/> or <see cref="GroupAttribute"/>.</summary>
    /// <value>The default value is <see langword="null"/> (the single level resolved from the other options).</value>
    public IReadOnlyList<string>? Levels { get; init; }

    /// <summary>Which ties count.</summary>
    /// <value>The default value is <see cref="EiDirection.Both"/>.</value>
    public EiDirection Direction { get; init; } = EiDirection.Both;

    /// <summary>How a group's internal ties count.</summary>
    /// <value>The default value is <see cref="EiCounting.PerLink"/>.</value>
    public EiCounting Counting { get; init; } = EiCounting.PerLink;

    /// <summary>Permutations of the group labels for the significance test of the network index; 0 for no test (UCINET
    /// uses 5000).</summary>
    /// <value>The default value is 0.</value>
    public int Permutations { get; init; }

    /// <summary>The seed of the permutation test; <see langword="null"/>: <see cref="MetricContext.Seed"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ulong? Seed { get; init; }
}

/// <summary>The result of <see cref="EiIndexMetric"/>: network values per level, a region table per level, and an
/// innovator table for the finest level. Immutable.</summary>
public sealed class EiIndexResult : CompositeResult
{
    internal EiIndexResult(IReadOnlyList<KeyValuePair<string, MetricResult>> parts, IReadOnlyList<string> levels,
        IReadOnlyDictionary<string, string> properties)
        : base(EiIndexMetric.MetricId, parts, properties)
    {
        Levels = levels;
    }

    /// <summary>The levels (or <c>groups</c> for an attribute or explicit partition), in the order requested.</summary>
    public IReadOnlyList<string> Levels { get; }

    /// <summary>The network values: for each level L, <c>external.L</c>, <c>internal.L</c>, <c>external-weight.L</c>,
    /// <c>internal-weight.L</c>, <c>ei.L</c>, <c>ei-weighted.L</c>, <c>openness.L</c>, <c>openness-weighted.L</c>; with a
    /// permutation test also <c>ei.L.mean</c>, <c>.sd</c>, <c>.z</c>, <c>.p-upper</c>, <c>.p-lower</c>, <c>.p-two</c> and
    /// the same for <c>ei-weighted.L</c>.</summary>
    public ScalarResult Network => Part<ScalarResult>("network");

    /// <summary>Per innovator at the finest level: <c>external</c>, <c>internal</c>, <c>external-weight</c>,
    /// <c>internal-weight</c>, <c>ei</c>, <c>ei-weighted</c>.</summary>
    public NodeTable Innovators => Part<NodeTable>("innovators");

    /// <summary>The region table of one level (part <c>regions-LEVEL</c>): <c>external</c>, <c>internal</c>,
    /// <c>external-weight</c>, <c>internal-weight</c>, <c>ei</c>, <c>ei-weighted</c>, <c>openness</c>,
    /// <c>openness-weighted</c>, <c>members</c>.</summary>
    /// <param name="level">A level of <see cref="Levels"/> (case-insensitive).</param>
    /// <returns>The table.</returns>
    /// <exception cref="KeyNotFoundException">The level was not computed.</exception>
    public RegionTable Regions(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        foreach (var l in Levels)
        {
            if (string.Equals(l, level, StringComparison.OrdinalIgnoreCase))
            {
                return Part<RegionTable>("regions-" + l);
            }
        }

        throw new KeyNotFoundException($"The result of '{MetricId}' has no level '{level}'; it has {string.Join(", ", Levels)}.");
    }
}

/// <summary>The E-I index and openness of regions (or any groups) and of the network (Krackhardt and Stern 1988), at one
/// or several levels, with a seeded permutation test.</summary>
/// <remarks>
/// <para>Id <c>ei-index</c>. Groups come from <see cref="InnovatorGroups.Resolve"/>: the regions at a level (default the
/// analysis level, else <see cref="InnovatorGroups.DefaultLevel"/>), an attribute, or an explicit partition. A tie is
/// internal (I) when both ends are in one group and external (E) otherwise. Ties are those of the CSR view: parallel
/// links between two innovators merge into one tie of summed weight (as UCINET's adjacency matrix); with
/// <see cref="EiDirection.Out"/> or <see cref="EiDirection.In"/> the view is directed and an undirected link is two
/// arcs.</para>
/// <code>
/// network:    EI = (E - I) / (E + I)            (count; the weighted variant uses weight sums)
/// group R:    EI_R = (E_R - I_R) / (E_R + I_R),  O_R = E_R / (E_R + I_R) = (EI_R + 1) / 2
/// innovator:  EI_i = (E_i - I_i) / (E_i + I_i)   over i's own ties
/// </code>
/// <para>E_R counts the ties with exactly one end in R (only those R sends with Out, receives with In), I_R those with
/// both ends in R, once each (<see cref="EiCounting.PerLink"/>) or once per end (<see cref="EiCounting.PerMember"/>).
/// Innovators without a group are excluded and counted (property <c>ungrouped.L</c>); a tie with such an end counts in
/// neither E nor I (property <c>ungrouped-links.L</c>), so that Σ_R E_R = 2E (Both) or E (Out, In).</para>
/// <para>Permutation test (<see cref="EiIndexOptions.Permutations"/> &gt; 0, as UCINET for one flat partition per level):
/// the group labels of the grouped innovators are shuffled (group sizes kept) and the network EI recomputed by count and
/// by weight; replicate k draws from <c>DeterministicRandom(seed, k)</c>. Reported per level and variant: mean, sd
/// (n - 1), z (NaN if sd = 0) and p_upper = (1 + #{t* ≥ t0}) / (R + 1), p_lower, p_two = min(1, 2 min(p_upper,
/// p_lower)) (DESIGN 2.11). Replicates run in 64 fixed chunks, so the result is bit-identical for any degree of
/// parallelism.</para>
/// <para>Edge cases: no tie between grouped innovators: EI and openness NaN (and every test value); a group without
/// ties: NaN; an innovator without a group: NaN in every column; an isolated innovator: 0 ties, EI NaN. Empty network:
/// empty tables, NaN values.</para>
/// <para>Time O(n + m) per level, plus O(R (n + m)) for R permutations (parallel). Memory O(n + m) per level.</para>
/// <para>Reference: D. Krackhardt, R. N. Stern (1988), "Informal networks and organizational crises: an experimental
/// simulation", Social Psychology Quarterly 51(2), 123-140.</para>
/// </remarks>
public sealed class EiIndexMetric : Metric<EiIndexOptions, EiIndexResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "ei-index";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "E-I index and openness (external vs internal ties) of regions and the network at one or several levels, with a permutation test.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Composite;

    /// <inheritdoc/>
    public override EiIndexResult Compute(MetricContext context, EiIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Permutations, nameof(options));
        var partitions = Partitions(context, options);
        var graph = context.Graph(options.Direction == EiDirection.Both ? GraphView.UndirectedWeighted : GraphView.DirectedWeighted);
        var owner = options.Direction switch
        {
            EiDirection.Out => TieOwner.Source,
            EiDirection.In => TieOwner.Target,
            _ => TieOwner.Both,
        };
        var seed = options.Seed ?? context.Seed;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["direction"] = options.Direction.ToString(),
            ["counting"] = options.Counting.ToString(),
            ["permutations"] = options.Permutations.ToString(CultureInfo.InvariantCulture),
        };
        if (options.Permutations > 0)
        {
            properties["seed"] = seed.ToString(CultureInfo.InvariantCulture);
        }

        var values = new List<KeyValuePair<string, double>>();
        var tables = new List<KeyValuePair<string, MetricResult>>();
        var labels = new List<string>();
        TieCounts? finest = null;
        var finestRank = int.MaxValue;
        foreach (var (label, groups) in partitions)
        {
            labels.Add(label);
            var counts = GroupTies.Count(graph, groups.GroupOf, groups.Count, owner, options.Counting == EiCounting.PerMember);
            properties["groups." + label] = groups.Name;
            properties["ungrouped." + label] = groups.UngroupedCount.ToString(CultureInfo.InvariantCulture);
            properties["ungrouped-links." + label] = counts.Ungrouped.ToString(CultureInfo.InvariantCulture);
            var ei = Ei(counts.External, counts.Internal);
            var eiWeighted = Ei(counts.ExternalWeight, counts.InternalWeight);
            values.Add(new("external." + label, counts.External));
            values.Add(new("internal." + label, counts.Internal));
            values.Add(new("external-weight." + label, counts.ExternalWeight));
            values.Add(new("internal-weight." + label, counts.InternalWeight));
            values.Add(new("ei." + label, ei));
            values.Add(new("ei-weighted." + label, eiWeighted));
            values.Add(new("openness." + label, Share(counts.External, counts.Internal)));
            values.Add(new("openness-weighted." + label, Share(counts.ExternalWeight, counts.InternalWeight)));
            if (options.Permutations > 0)
            {
                Test(context, graph, groups, owner, options.Permutations, seed, label, ei, eiWeighted, values);
            }

            tables.Add(new("regions-" + label, RegionTable(label, groups, counts)));
            var rank = groups.Level is null ? -1 : context.Network.Ladder.GetLevel(groups.Level).Rank;
            if (rank < finestRank)
            {
                (finest, finestRank) = (counts, rank);
            }
        }

        var parts = new List<KeyValuePair<string, MetricResult>>(tables.Count + 2)
        {
            new("network", new ScalarResult(MetricId, values, properties)),
        };
        parts.AddRange(tables);
        parts.Add(new("innovators", InnovatorTable(context, finest!)));
        return new EiIndexResult(parts, labels, properties);
    }

    private static List<(string Label, InnovatorGroups Groups)> Partitions(MetricContext context, EiIndexOptions options)
    {
        var result = new List<(string, InnovatorGroups)>();
        if (options.Levels is null)
        {
            var groups = InnovatorGroups.Resolve(context, options.Groups, options.GroupAttribute, options.Level);
            result.Add((groups.Level ?? "groups", groups));
            return result;
        }

        if (options.Groups is not null || options.GroupAttribute is not null || options.Level is not null)
        {
            throw new ArgumentException("Option 'Levels' cannot be combined with 'Level', 'Groups' or 'GroupAttribute'; give the levels in 'Levels' only.", nameof(options));
        }

        if (options.Levels.Count == 0)
        {
            throw new ArgumentException("Option 'Levels' is empty; give at least one level, or leave it null for the default level.", nameof(options));
        }

        foreach (var level in options.Levels)
        {
            var groups = InnovatorGroups.Resolve(context, null, null, level);
            foreach (var (label, _) in result)
            {
                if (label == groups.Level)
                {
                    throw new ArgumentException($"Level '{label}' occurs twice in option 'Levels'; give each level once.", nameof(options));
                }
            }

            result.Add((groups.Level!, groups));
        }

        return result;
    }

    private static void Test(MetricContext context, CsrGraph graph, InnovatorGroups groups, TieOwner owner, int permutations, ulong seed,
        string label, double ei, double eiWeighted, List<KeyValuePair<string, double>> values)
    {
        var ties = GroupTies.Compact(graph, groups.GroupOf, owner == TieOwner.Both);
        var stage = "permutations " + label;
        var (count, weight) = GroupTies.Permute(ties, permutations, seed, context.MaxDegreeOfParallelism, context.CancellationToken,
            done => context.ReportProgress(MetricId, done, permutations, stage));
        AddSummary(values, "ei." + label, PermutationSummary.Of(ei, count));
        AddSummary(values, "ei-weighted." + label, PermutationSummary.Of(eiWeighted, weight));
    }

    private static void AddSummary(List<KeyValuePair<string, double>> values, string prefix, PermutationSummary summary)
    {
        var v = summary.Values;
        for (var i = 0; i < v.Length; i++)
        {
            values.Add(new(prefix + "." + PermutationSummary.Names[i], v[i]));
        }
    }

    private static RegionTable RegionTable(string label, InnovatorGroups groups, TieCounts c)
    {
        var r = groups.Count;
        var ei = new double[r];
        var eiWeighted = new double[r];
        var openness = new double[r];
        var opennessWeighted = new double[r];
        var members = new double[r];
        for (var g = 0; g < r; g++)
        {
            ei[g] = Ei(c.GroupExternal[g], c.GroupInternal[g]);
            eiWeighted[g] = Ei(c.GroupExternalWeight[g], c.GroupInternalWeight[g]);
            openness[g] = Share(c.GroupExternal[g], c.GroupInternal[g]);
            opennessWeighted[g] = Share(c.GroupExternalWeight[g], c.GroupInternalWeight[g]);
            members[g] = groups.Sizes[g];
        }

        return new RegionTable(MetricId, label, groups.Ids,
        [
            KeyedTable.Col("external", c.GroupExternal), KeyedTable.Col("internal", c.GroupInternal),
            KeyedTable.Col("external-weight", c.GroupExternalWeight), KeyedTable.Col("internal-weight", c.GroupInternalWeight),
            KeyedTable.Col("ei", ei), KeyedTable.Col("ei-weighted", eiWeighted),
            KeyedTable.Col("openness", openness), KeyedTable.Col("openness-weighted", opennessWeighted),
            KeyedTable.Col("members", members),
        ]);
    }

    private static NodeTable InnovatorTable(MetricContext context, TieCounts c)
    {
        var n = c.NodeExternal.Length;
        var ei = new double[n];
        var eiWeighted = new double[n];
        for (var i = 0; i < n; i++)
        {
            ei[i] = Ei(c.NodeExternal[i], c.NodeInternal[i]);
            eiWeighted[i] = Ei(c.NodeExternalWeight[i], c.NodeInternalWeight[i]);
        }

        return new NodeTable(MetricId, context.InnovatorIds,
        [
            KeyedTable.Col("external", c.NodeExternal), KeyedTable.Col("internal", c.NodeInternal),
            KeyedTable.Col("external-weight", c.NodeExternalWeight), KeyedTable.Col("internal-weight", c.NodeInternalWeight),
            KeyedTable.Col("ei", ei), KeyedTable.Col("ei-weighted", eiWeighted),
        ]);
    }

    /// <summary>(E - I) / (E + I); NaN when E + I = 0 (or either is NaN).</summary>
    private static double Ei(double external, double internalTies)
    {
        var total = external + internalTies;
        return total > 0 ? (external - internalTies) / total : double.NaN;
    }

    /// <summary>E / (E + I); NaN when E + I = 0.</summary>
    private static double Share(double external, double internalTies)
    {
        var total = external + internalTies;
        return total > 0 ? external / total : double.NaN;
    }
}
