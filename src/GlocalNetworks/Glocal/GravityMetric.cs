using System;
using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Statistics;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Glocal;

/// <summary>What a region's mass is in the <c>gravity</c> model.</summary>
public enum GravityMass
{
    /// <summary>The number of innovators whose region at the level it is.</summary>
    Innovators = 0,

    /// <summary>The region's total degree: every link end of its innovators (link weights when
    /// <see cref="GravityOptions.Weighted"/>), whatever the other end.</summary>
    Degree = 1,
}

/// <summary>What <c>gravity</c> does with regions that have no centroid.</summary>
public enum MissingCentroidPolicy
{
    /// <summary>Raise a <see cref="GlocalDataException"/> naming them.</summary>
    Error = 0,

    /// <summary>Drop every pair with such a region; the count goes into the result's properties.</summary>
    DropPairs = 1,
}

/// <summary>Options of <see cref="GravityMetric"/>.</summary>
public sealed record GravityOptions
{
    /// <summary>The default level of the same-parent dummy.</summary>
    public const string DefaultSameParentLevel = "country";

    /// <summary>The region level of the observations; <see langword="null"/> for the analysis level, else
    /// <see cref="InnovatorGroups.DefaultLevel"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>Ordered pairs R ≠ S (flows R → S; an undirected link flows both ways) instead of R &lt; S;
    /// <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }

    /// <summary>y sums link weights instead of counting links (PPML needs no integer outcome).</summary>
    /// <value>The default value is <see langword="false"/> (link counts).</value>
    public bool Weighted { get; init; }

    /// <summary>The regions' mass, used when <see cref="Masses"/> is not given.</summary>
    /// <value>The default value is <see cref="GravityMass.Innovators"/>.</value>
    public GravityMass Mass { get; init; } = GravityMass.Innovators;

    /// <summary>A user mass per region id (a column of regional data: population, R&amp;D spending); every region at the
    /// level that holds innovators needs a finite value &gt; 0.</summary>
    /// <value>The default value is <see langword="null"/> (use <see cref="Mass"/>).</value>
    public IReadOnlyDictionary<string, double>? Masses { get; init; }

    /// <summary>What to do with regions without a centroid.</summary>
    /// <value>The default value is <see cref="MissingCentroidPolicy.Error"/>.</value>
    public MissingCentroidPolicy MissingCentroids { get; init; } = MissingCentroidPolicy.Error;

    /// <summary>Whether to include the same-parent dummy (1 when R and S have the same ancestor at
    /// <see cref="SameParentLevel"/>); <see langword="null"/>: exactly when the ladder has that level and it is coarser than
    /// <see cref="Level"/>.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? SameParent { get; init; }

    /// <summary>The level of the same-parent dummy.</summary>
    /// <value>The default value is <c>country</c>.</value>
    public string SameParentLevel { get; init; } = DefaultSameParentLevel;

    /// <summary>User covariates (proximities): name → (R, S) region ids → value, entered as they are (take logs
    /// yourself). Undirected models look a pair up as (R, S), then (S, R). A missing pair is an error naming it.</summary>
    /// <value>The default value is <see langword="null"/> (none).</value>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<(string From, string To), double>>? Covariates { get; init; }

    /// <summary>The covariance of the <c>se</c>, <c>z</c>, <c>p</c> columns (HC1 or HC0); quasi-Poisson columns are
    /// always there.</summary>
    /// <value>The default value is <see cref="GlmCovariance.HC1"/>.</value>
    public GlmCovariance Covariance { get; init; } = GlmCovariance.HC1;

    /// <summary>The IRLS iteration limit.</summary>
    /// <value>The default value is 100.</value>
    public int MaxIterations { get; init; } = GlmOptions.DefaultMaxIterations;

    /// <summary>The IRLS convergence tolerance on the relative deviance change.</summary>
    /// <value>The default value is 1e-8.</value>
    public double Tolerance { get; init; } = GlmOptions.DefaultTolerance;
}

/// <summary>The result of <see cref="GravityMetric"/>: the coefficient table and the fit's network values.</summary>
public sealed class GravityResult : CompositeResult
{
    internal GravityResult(string metricId, GroupTable coefficients, ScalarResult network, GlmFit? fit, IReadOnlyDictionary<string, string> properties)
        : base(metricId, [new("coefficients", coefficients), new("network", network)], properties)
    {
        Fit = fit;
    }

    /// <summary>One row per term (key <c>term</c>): <c>estimate</c>, <c>se</c>, <c>z</c>, <c>p</c> (HC1 by default),
    /// <c>se.quasi</c>, <c>t.quasi</c>, <c>p.quasi</c>, and <c>se.hc0</c>, <c>z.hc0</c>, <c>p.hc0</c> under HC1.</summary>
    public GroupTable Coefficients => Part<GroupTable>("coefficients");

    /// <summary><c>deviance</c>, <c>observations</c>, <c>parameters</c>, <c>iterations</c>, <c>pseudo-r2</c>,
    /// <c>dispersion</c>, <c>pairs-dropped</c>.</summary>
    public ScalarResult Network => Part<ScalarResult>("network");

    /// <summary>The full fit (fitted values, covariance matrices), or <see langword="null"/> when there was nothing to
    /// fit (no observations, or no flow between regions).</summary>
    public GlmFit? Fit { get; }
}

/// <summary>
/// The gravity model of collaboration between regions, fitted by Poisson pseudo-maximum-likelihood (Santos Silva and
/// Tenreyro 2006): E[y_RS] = exp(β₀ + β₁ ln mass_R + β₂ ln mass_S + β₃ ln d_RS + β₄ same_RS + Σ γ_k c_k,RS).
/// </summary>
/// <remarks>
/// <para>Id <c>gravity</c>. Observations are the pairs of regions at the level that hold innovators: R &lt; S in
/// region order (undirected), or R ≠ S (directed). y_RS is the number of links (or their weight) between R and S: the
/// entry F_RS of the <c>region-flows</c> matrix F = MᵀAM (<see cref="RegionFlowsMetric"/>, same kernel and graph view);
/// links within a region, and links with an end located above the level, are not observations
/// (both counted in the properties, with the ungrouped innovators). Terms, in order: <c>intercept</c>, <c>ln-mass-r</c>,
/// <c>ln-mass-s</c> (innovators, total degree or a user mass), <c>ln-distance</c> (haversine distance between the
/// regions' centroids, R = 6371.0088 km), <c>same-parent</c> (1 when both have the same ancestor at
/// <see cref="GravityOptions.SameParentLevel"/>; a region whose chain skips that level shares it with nobody), then the
/// user covariates in their dictionary's order.</para>
/// <para>The fit is <see cref="PoissonGlm"/> (IRLS as R's <c>glm.fit</c>); the coefficient table gives HC1 sandwich
/// errors with normal p-values by default (<c>sandwich::vcovHC(type = "HC1")</c>), the quasi-Poisson errors with t
/// p-values (<c>summary(glm(family = quasipoisson))</c>) and HC0. <c>pseudo-r2</c> is the squared correlation of y and μ̂
/// (Santos Silva and Tenreyro 2006, Table 3).</para>
/// <para>Edge cases: regions with zero degree mass are left out with their pairs (counted in <c>regions-zero-mass</c>);
/// no observations or no flow at all gives NaN coefficients, never an exception. Raises
/// <see cref="EstimationException"/> when the estimates may not exist or the design is singular (e.g. the same-parent
/// dummy is 1 everywhere), <see cref="GlocalDataException"/> for missing centroids (unless dropped), zero distances,
/// missing user masses or covariate pairs, and <see cref="ConvergenceException"/> after
/// <see cref="GravityOptions.MaxIterations"/>.</para>
/// <para>Time O(n + m) for the flows, then O(r² p²) per IRLS iteration (r regions, p terms); memory the CSR view and a
/// dense r × r flow array for r ≤ 2048 (sparse above).</para>
/// <para>Checked against R 4.2 <c>glm(family = quasipoisson)</c> and sandwich 3.0-2 on a seeded 19-region network
/// (tests/oracles/gravity.R), to 1e-12 relative.</para>
/// </remarks>
public sealed class GravityMetric : Metric<GravityOptions, GravityResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "gravity";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Gravity model of collaboration between regions by PPML: masses, distance, same-parent dummy, covariates.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Composite;

    /// <inheritdoc/>
    public override GravityResult Compute(MetricContext context, GravityOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var net = context.Network;
        var level = InnovatorGroups.ResolveLevel(context, options.Level);
        var groups = InnovatorGroups.Resolve(context, null, null, level);
        var r = groups.Count;
        var directed = options.Directed ?? net.Links.AllDirected;
        var regionIndex = new int[r];
        for (var g = 0; g < r; g++)
        {
            regionIndex[g] = net.Regions.IndexOf(groups.Ids[g]);
        }

        var flows = RegionFlows(context, groups, directed, options.Weighted);
        var mass = Masses(net, groups, options);
        var sameParent = SameParentOf(net, level, regionIndex, options);
        var covariates = CovariateNames(options);

        var keep = new bool[r];
        var zeroMass = 0;
        var noCentroid = new List<string>();
        for (var g = 0; g < r; g++)
        {
            keep[g] = mass[g] > 0;
            zeroMass += keep[g] ? 0 : 1;
            if (net.Regions[regionIndex[g]].Centroid is null)
            {
                noCentroid.Add(groups.Ids[g]);
                keep[g] = false;
            }
        }

        if (noCentroid.Count > 0 && options.MissingCentroids == MissingCentroidPolicy.Error)
        {
            throw new GlocalDataException(null, null, "centroid", ListOf(noCentroid),
                "has no centroid; the gravity model needs every region's centroid for its distance (or MissingCentroids = DropPairs).");
        }

        var names = new List<string> { "intercept", "ln-mass-r", "ln-mass-s", "ln-distance" };
        if (sameParent is not null)
        {
            names.Add("same-parent");
        }

        names.AddRange(covariates);
        var rows = new List<(int R, int S)>();
        var dropped = 0L;
        for (var a = 0; a < r; a++)
        {
            for (var b = directed ? 0 : a + 1; b < r; b++)
            {
                if (a == b)
                {
                    continue;
                }

                if (keep[a] && keep[b])
                {
                    rows.Add((a, b));
                }
                else if (mass[a] > 0 && mass[b] > 0)
                {
                    dropped++;
                }
            }
        }

        var n = rows.Count;
        var p = names.Count;
        var x = Matrix<double>.Build.Dense(Math.Max(n, 1), p);
        var y = new double[n];
        var sumY = 0.0;
        var missing = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var (a, b) = rows[i];
            y[i] = flows.Flows.At(a, b);
            sumY += y[i];
            var d = net.Regions[regionIndex[a]].Centroid!.Value.DistanceKm(net.Regions[regionIndex[b]].Centroid!.Value);
            if (!(d > 0))
            {
                throw new GlocalDataException(null, null, "centroid", groups.Ids[a] + "|" + groups.Ids[b],
                    "are two regions with the same centroid; ln distance needs distinct centroids.");
            }

            x[i, 0] = 1;
            x[i, 1] = Math.Log(mass[a]);
            x[i, 2] = Math.Log(mass[b]);
            x[i, 3] = Math.Log(d);
            var j = 4;
            if (sameParent is not null)
            {
                x[i, j++] = sameParent[a] >= 0 && sameParent[a] == sameParent[b] ? 1 : 0;
            }

            foreach (var name in covariates)
            {
                x[i, j++] = CovariateValue(options.Covariates![name], groups.Ids[a], groups.Ids[b], directed, name, missing);
            }
        }

        if (missing.Count > 0)
        {
            throw new GlocalDataException(null, null, "covariate", ListOf(missing),
                "are region pairs without a covariate value; every observed pair needs one.");
        }

        var props = new Dictionary<string, string>
        {
            ["level"] = level,
            ["directed"] = directed ? "true" : "false",
            ["weighted"] = options.Weighted ? "true" : "false",
            ["mass"] = options.Masses is not null ? "user" : options.Mass == GravityMass.Degree ? "degree" : "innovators",
            ["same-parent-level"] = sameParent is not null ? options.SameParentLevel : "off",
            ["covariance"] = options.Covariance.ToString(),
            ["regions"] = Invariant(r),
            ["regions-zero-mass"] = Invariant(zeroMass),
            ["regions-without-centroid"] = Invariant(noCentroid.Count),
            ["pairs-dropped"] = Invariant(dropped),
            ["links-internal"] = Invariant(flows.InternalLinks),
            ["links-excluded"] = Invariant(flows.ExcludedLinks),
            ["ungrouped"] = Invariant(groups.UngroupedCount),
            ["tolerance"] = options.Tolerance.ToString("R", CultureInfo.InvariantCulture),
        };

        GlmFit? fit = null;
        GroupTable table;
        if (n == 0 || sumY == 0)
        {
            props["reason"] = n == 0 ? "no region pairs to observe" : "no links between regions";
            table = new GroupTable(Id, "term", names, [KeyedTable.Col("estimate", NaNs(p)), KeyedTable.Col("se", NaNs(p)),
                KeyedTable.Col("z", NaNs(p)), KeyedTable.Col("p", NaNs(p))], props);
        }
        else
        {
            fit = PoissonGlm.Fit(x, y, names, null, new GlmOptions { MaxIterations = options.MaxIterations, Tolerance = options.Tolerance }, Id,
                context.CancellationToken);
            table = fit.ToTable(Id, options.Covariance, props);
        }

        var network = new ScalarResult(Id,
        [
            new("deviance", fit?.Deviance ?? double.NaN),
            new("observations", n),
            new("parameters", p),
            new("iterations", fit?.Iterations ?? 0),
            new("pseudo-r2", fit?.PseudoRSquared ?? double.NaN),
            new("dispersion", fit?.Dispersion ?? double.NaN),
            new("pairs-dropped", dropped),
        ], props);
        return new GravityResult(Id, table, network, fit, props);
    }

    /// <summary>F_RS between the regions at the level, from the <c>region-flows</c> kernel (<see cref="GroupFlows"/>, F = MᵀAM on
    /// <see cref="RegionFlowsMetric.FlowView"/>): weights summed, or links counted (parallel links each 1); undirected, F is
    /// symmetric; directed, F_RS holds the arcs R → S, an undirected link being two arcs (it flows both ways). Also counts
    /// the links inside a region and the links with an ungrouped end (each link once, whatever the view).</summary>
    internal static GravityFlows RegionFlows(MetricContext context, InnovatorGroups groups, bool directed, bool weighted)
    {
        var r = groups.Count;
        var groupOf = groups.GroupOf;
        var graph = context.Graph(RegionFlowsMetric.FlowView(directed, weighted));
        var flows = GroupFlows.Compute(graph, groupOf, r, !directed, context.MaxDegreeOfParallelism, context.CancellationToken);
        var links = context.Network.Links;

        // The link counts come free from F when its entries count each link once: the count view (parallel links each 1)
        // read undirected (F_RR is the internal links, each once; UngroupedWeight each link with an ungrouped end once) or
        // directed with every link an arc. Weights, or undirected links doubled into two arcs, break that; then one O(m)
        // pass over the link list's ends counts them (cheaper than building and reading a second, count, CSR view).
        if (!weighted && (!directed || links.AllDirected))
        {
            var inside = 0.0;
            for (var q = 0; q < r; q++)
            {
                inside += flows.At(q, q);
            }

            return new GravityFlows(flows, (long)inside, (long)flows.UngroupedWeight);
        }

        var src = links.Sources;
        var dst = links.Targets;
        long excluded = 0, internalLinks = 0;
        for (var l = 0; l < src.Length; l++)
        {
            var a = groupOf[src[l]];
            var b = groupOf[dst[l]];
            excluded += a < 0 || b < 0 ? 1 : 0;
            internalLinks += a >= 0 && a == b ? 1 : 0;
        }

        return new GravityFlows(flows, internalLinks, excluded);
    }

    private static double[] Masses(GlocalNetwork net, InnovatorGroups groups, GravityOptions options)
    {
        var r = groups.Count;
        var mass = new double[r];
        if (options.Masses is { } user)
        {
            var bad = new List<string>();
            for (var g = 0; g < r; g++)
            {
                if (!user.TryGetValue(groups.Ids[g], out mass[g]) || !double.IsFinite(mass[g]) || mass[g] <= 0)
                {
                    bad.Add(groups.Ids[g]);
                }
            }

            if (bad.Count > 0)
            {
                throw new GlocalDataException(null, null, "mass", ListOf(bad),
                    "are regions without a finite mass > 0 in Masses; every region at the level that holds innovators needs one.");
            }

            return mass;
        }

        if (options.Mass == GravityMass.Innovators)
        {
            var sizes = groups.Sizes;
            for (var g = 0; g < r; g++)
            {
                mass[g] = sizes[g];
            }

            return mass;
        }

        var groupOf = groups.GroupOf;
        var src = net.Links.Sources;
        var dst = net.Links.Targets;
        var w = net.Links.Weights;
        for (var l = 0; l < src.Length; l++)
        {
            var v = options.Weighted ? w[l] : 1.0;
            if (groupOf[src[l]] >= 0)
            {
                mass[groupOf[src[l]]] += v;
            }

            if (groupOf[dst[l]] >= 0)
            {
                mass[groupOf[dst[l]]] += v;
            }
        }

        return mass;
    }

    private static int[]? SameParentOf(GlocalNetwork net, string level, int[] regionIndex, GravityOptions options)
    {
        var ladder = net.Ladder;
        var has = ladder.TryGetLevel(options.SameParentLevel, out var parentLevel);
        var finer = has && ladder.GetLevel(level) < parentLevel;
        if (options.SameParent == true && !finer)
        {
            throw new ArgumentException(has
                ? $"The same-parent level '{parentLevel.Name}' must be coarser than the level '{level}'."
                : $"The ladder has no level '{options.SameParentLevel}' for the same-parent dummy; its levels are {string.Join(", ", ladder.LevelNames())}.",
                nameof(options));
        }

        if (options.SameParent == false || !finer)
        {
            return null;
        }

        var parent = new int[regionIndex.Length];
        for (var g = 0; g < parent.Length; g++)
        {
            parent[g] = net.Regions.AncestorIndexAt(regionIndex[g], parentLevel.Rank);
        }

        return parent;
    }

    private static List<string> CovariateNames(GravityOptions options)
    {
        var names = new List<string>();
        if (options.Covariates is null)
        {
            return names;
        }

        foreach (var (name, values) in options.Covariates)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            ArgumentNullException.ThrowIfNull(values);
            if (name is "intercept" or "ln-mass-r" or "ln-mass-s" or "ln-distance" or "same-parent")
            {
                throw new ArgumentException($"The covariate name '{name}' is a built-in term of the gravity model; rename it.", nameof(options));
            }

            names.Add(name);
        }

        return names;
    }

    private static double CovariateValue(IReadOnlyDictionary<(string From, string To), double> values, string a, string b, bool directed,
        string name, List<string> missing)
    {
        if (values.TryGetValue((a, b), out var v) || (!directed && values.TryGetValue((b, a), out v)))
        {
            if (!double.IsFinite(v))
            {
                throw new GlocalDataException(null, null, name, v.ToString("R", CultureInfo.InvariantCulture),
                    $"is the value of covariate '{name}' for '{a}|{b}'; covariates must be finite.");
            }

            return v;
        }

        missing.Add(name + ":" + a + "|" + b);
        return double.NaN;
    }

    private static string ListOf(List<string> ids) =>
        ids.Count <= 10 ? string.Join(", ", ids) : string.Join(", ", ids.GetRange(0, 10)) + string.Create(CultureInfo.InvariantCulture, $" (and {ids.Count - 10} more)");

    private static string Invariant(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static double[] NaNs(int p)
    {
        var a = new double[p];
        Array.Fill(a, double.NaN);
        return a;
    }
}

/// <summary>Gravity's y source: the region flow matrix and the link counts left out of it.</summary>
/// <param name="Flows">F at the level (<see cref="FlowMatrix.At"/> gives y_RS).</param>
/// <param name="InternalLinks">The links whose two ends are in the same region.</param>
/// <param name="ExcludedLinks">The links with an end that has no region at the level.</param>
internal readonly record struct GravityFlows(FlowMatrix Flows, long InternalLinks, long ExcludedLinks);
