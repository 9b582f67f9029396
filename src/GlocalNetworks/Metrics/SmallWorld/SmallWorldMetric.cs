using System.Collections.Generic;
using System.Globalization;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Metrics.SmallWorld;

/// <summary>Options of <see cref="SmallWorldMetric"/>: networkx 3.6.1's <c>sigma(niter=100, nrand=10)</c> and
/// <c>omega(niter=5, nrand=10)</c>.</summary>
public sealed record SmallWorldOptions
{
    /// <summary>Compute σ.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Sigma { get; init; } = true;

    /// <summary>Compute ω.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Omega { get; init; } = true;

    /// <summary>σ's niter: rounds of rewiring per edge of each random reference.</summary>
    /// <value>The default value is 100.</value>
    public int SigmaIterations { get; init; } = 100;

    /// <summary>ω's niter: rounds per edge of each lattice reference; its random references get twice as many.</summary>
    /// <value>The default value is 5.</value>
    public int OmegaIterations { get; init; } = 5;

    /// <summary>nrand: reference graphs per coefficient (σ's random ones; ω's random and lattice ones).</summary>
    /// <value>The default value is 10.</value>
    public int References { get; init; } = 10;

    /// <summary>Undo swaps that disconnect the reference graph (networkx <c>connectivity=True</c>).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool Connectivity { get; init; } = true;
}

/// <summary>Small-world coefficients σ (Humphries &amp; Gurney 2008) and ω (Telesford et al. 2011) against seeded
/// degree-preserving references.</summary>
/// <remarks>
/// <para>Id <c>small-world</c>, as networkx 3.6.1's <c>sigma</c> and <c>omega</c>. σ = (C/C_r)/(L/L_r) with C the
/// transitivity and L the average shortest path length of the network, C_r and L_r their means over
/// <see cref="SmallWorldOptions.References"/> random references (<c>random_reference(niter=SigmaIterations)</c>: niter·m
/// rounds of degree-preserving double-edge swaps, kept connected). σ &gt; 1 suggests a small world.
/// ω = L_r/L - C/C_l with C the average clustering, L_r the mean L of random references with 2·OmegaIterations rounds, and
/// C_l the largest average clustering among the network and its lattice references (<c>lattice_reference(niter=
/// OmegaIterations)</c>, ring distance over innovator index order). ω is near -1 for a lattice, near 0 for a small world and
/// near +1 for a random graph.</para>
/// <para>Links are read as undirected and unweighted (networkx rejects directed graphs; weights are ignored). References
/// follow networkx's swap rules (see NullModels); reference k draws from stream k of the seed, so references run in parallel
/// and the values depend only on the seed, not on the thread count; they differ from networkx's for the same seed. Where
/// networkx loops forever (a star offers no swap with four distinct ends), redraws stop after 100 × the allowed attempts.</para>
/// <para>Values: <c>sigma</c>, <c>omega</c> (NaN when not requested), <c>transitivity</c>, <c>average-clustering</c>,
/// <c>average-path-length</c>, <c>random-transitivity</c>, <c>random-path-length</c>, <c>omega-random-path-length</c>,
/// <c>lattice-clustering</c>. Properties: <c>seed</c>, <c>references</c>, <c>sigma-niter</c>, <c>omega-niter</c>,
/// <c>swaps</c>, <c>connected</c>. A disconnected network, or one with fewer than 4 innovators or 2 links (networkx raises),
/// gives NaN with the reason in property <c>reason</c>. A reference without triangles makes σ infinite (C_r = 0).</para>
/// <para>Time: references × (niter·m swaps, each with a connectivity search, + an all-pairs BFS O(n m)); expensive beyond a
/// few thousand innovators. References: Humphries, M. D. &amp; Gurney, K. (2008), <i>PLoS ONE</i> 3(4), e0002051;
/// Telesford, Q. K. et al. (2011), The ubiquity of small-world networks, <i>Brain Connectivity</i> 1(5), 367-375;
/// Maslov, S. &amp; Sneppen, K. (2002), <i>Science</i> 296, 910-913.</para>
/// </remarks>
public sealed class SmallWorldMetric : Metric<SmallWorldOptions, ScalarResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "small-world";

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Small-world sigma and omega against seeded degree-preserving random and lattice references.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Network;

    /// <inheritdoc/>
    public override ScalarResult Compute(MetricContext context, SmallWorldOptions options)
    {
        if (options.References < 1 || options.SigmaIterations < 0 || options.OmegaIterations < 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(options), "References must be at least 1 and the iteration counts at least 0.");
        }

        var g = context.Graph(GraphView.UndirectedUnweighted);
        var props = new Dictionary<string, string>
        {
            ["seed"] = context.Seed.ToString(CultureInfo.InvariantCulture),
            ["references"] = options.References.ToString(CultureInfo.InvariantCulture),
            ["sigma-niter"] = options.SigmaIterations.ToString(CultureInfo.InvariantCulture),
            ["omega-niter"] = options.OmegaIterations.ToString(CultureInfo.InvariantCulture),
        };
        var labels = new int[g.NodeCount];
        var connected = g.NodeCount > 0 && Components.Weak(g, labels) == 1;
        props["connected"] = connected ? "true" : "false";
        if (g.NodeCount < 4 || g.EdgeCount < 2 || !connected)
        {
            props["reason"] = !connected && g.NodeCount >= 4 && g.EdgeCount >= 2
                ? "The network is not connected; sigma and omega need a connected network."
                : "Sigma and omega need at least 4 innovators and 2 links.";
            var nan = double.NaN;
            return Result(nan, nan, nan, nan, nan, nan, nan, nan, nan, props);
        }

        var s = SmallWorldStatistics.Compute(g, options.Sigma, options.Omega, options.SigmaIterations, options.OmegaIterations, options.References,
            options.Connectivity, context.Seed, context.MaxDegreeOfParallelism, context.CancellationToken,
            (done, total) => context.ReportProgress(Id, done, total, "references"));
        props["swaps"] = s.Swaps.ToString(CultureInfo.InvariantCulture);
        return Result(s.Sigma, s.Omega, s.Transitivity, s.AverageClustering, s.AveragePathLength, s.RandomTransitivity, s.RandomPathLength,
            s.OmegaRandomPathLength, s.LatticeClustering, props);
    }

    private ScalarResult Result(double sigma, double omega, double c, double avgC, double l, double cr, double lr, double lro, double cl,
        Dictionary<string, string> props) => new(Id,
    [
        new("sigma", sigma), new("omega", omega), new("transitivity", c), new("average-clustering", avgC), new("average-path-length", l),
        new("random-transitivity", cr), new("random-path-length", lr), new("omega-random-path-length", lro), new("lattice-clustering", cl),
    ], props);
}
