using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Statistics;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Glocal;

/// <summary>Options of <see cref="DistanceDecayMetric"/>.</summary>
public sealed record DistanceDecayOptions
{
    /// <summary>The default pair count up to which pairs are counted exactly.</summary>
    public const int DefaultExactPairLimit = 20_000;

    /// <summary>The default number of sampled pairs above <see cref="ExactPairLimit"/>.</summary>
    public const long DefaultSampleSize = 10_000_000;

    /// <summary>The default band edges in km (DESIGN 2.8); 20038 km is above half the Earth's circumference.</summary>
    public static IReadOnlyList<double> DefaultEdges { get; } = Array.AsReadOnly(new double[] { 0, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 20038 });

    /// <summary>The band edges in km, increasing, at least two, the first ≥ 0. Band b is [e_b, e_b+1), the last one closed.</summary>
    /// <value>The default value is 0, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 20038.</value>
    public IReadOnlyList<double> Edges { get; init; } = DefaultEdges;

    /// <summary>L_b sums link weights instead of counting links.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool Weighted { get; init; }

    /// <summary>Ordered pairs (each distance twice) and arcs (an undirected link counts both ways);
    /// <see langword="null"/>: directed exactly when every link is.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public bool? Directed { get; init; }

    /// <summary>Up to this many located innovators, P_b is counted exactly over all pairs (O(n²), parallel); above, it is
    /// estimated from <see cref="SampleSize"/> seeded uniform pairs.</summary>
    /// <value>The default value is 20,000.</value>
    public int ExactPairLimit { get; init; } = DefaultExactPairLimit;

    /// <summary>The number of sampled pairs K when sampling.</summary>
    /// <value>The default value is 10,000,000.</value>
    public long SampleSize { get; init; } = DefaultSampleSize;

    /// <summary>The sampling seed; <see langword="null"/> for the context's seed.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ulong? Seed { get; init; }

    /// <summary>The IRLS iteration limit of the PPML fit.</summary>
    /// <value>The default value is 100.</value>
    public int MaxIterations { get; init; } = GlmOptions.DefaultMaxIterations;

    /// <summary>The IRLS convergence tolerance of the PPML fit.</summary>
    /// <value>The default value is 1e-8.</value>
    public double Tolerance { get; init; } = GlmOptions.DefaultTolerance;
}

/// <summary>The result of <see cref="DistanceDecayMetric"/>: the bands and the fitted exponents.</summary>
public sealed class DistanceDecayResult : CompositeResult
{
    internal DistanceDecayResult(string metricId, GroupTable bands, ScalarResult network, GlmFit? fit, IReadOnlyDictionary<string, string> properties)
        : base(metricId, [new("bands", bands), new("network", network)], properties)
    {
        Fit = fit;
    }

    /// <summary>One row per band (key <c>band</c>, e.g. <c>0-10</c>): <c>lower</c>, <c>upper</c>, <c>links</c> (L_b),
    /// <c>share</c>, <c>pairs</c> (P_b), <c>probability</c> (L_b / P_b), <c>mean-distance</c> (d̄_b), <c>pairs-se</c>
    /// (the sampling standard error of P_b; 0 when exact).</summary>
    public GroupTable Bands => Part<GroupTable>("bands");

    /// <summary><c>gamma-ppml</c>, <c>gamma-ppml-se</c> (HC1), <c>gamma-ppml-p</c>, <c>gamma-ppml-se-quasi</c>,
    /// <c>gamma-ols</c>, <c>bands-ppml</c>, <c>bands-ols</c>, <c>bands-dropped</c> (zero-link bands left out of OLS),
    /// <c>bands-empty</c> (no pairs: left out of both), <c>located</c>, <c>unlocated</c>, <c>links</c>,
    /// <c>links-excluded</c>, <c>pairs</c>, <c>sampled</c>.</summary>
    public ScalarResult Network => Part<ScalarResult>("network");

    /// <summary>The PPML fit (terms <c>intercept</c>, <c>ln-distance</c>; γ = -β of <c>ln-distance</c>), or
    /// <see langword="null"/> when fewer than two bands with pairs have links.</summary>
    public GlmFit? Fit { get; }
}

/// <summary>
/// Distance decay of collaboration: link frequency and link probability by great-circle distance band, and the decay
/// exponent γ of p(d) ∝ d^-γ, by log-log OLS and by PPML.
/// </summary>
/// <remarks>
/// <para>Id <c>distance-decay</c>. An innovator's coordinates are its own <see cref="Innovator.Location"/>, else its home
/// region's centroid; an innovator with neither is excluded (<c>unlocated</c>), with its links (<c>links-excluded</c>).
/// Distances are haversine with R = 6371.0088 km. Pairs are the located innovator pairs i &lt; j (ordered pairs when
/// directed). Band b is [e_b, e_b+1), the last band closed; pairs and links outside the edges are left out.</para>
/// <para>L_b: the links (or their weight) with d in band b, from the link list (parallel links each count);
/// share_b = L_b / Σ L. P_b: the pairs in band b, exact when at most <see cref="DistanceDecayOptions.ExactPairLimit"/>
/// innovators are located (64 fixed chunks of rows, combined in order: bit-identical at any parallelism), otherwise
/// estimated from K seeded uniform pairs (chunk c draws from <see cref="DeterministicRandom"/>(seed, c)):
/// P̂_b = N q_b, se = N √(q_b (1 - q_b) / K), q_b the share of sampled pairs in b, N the number of pairs.
/// p_b = L_b / P_b (NaN when P_b = 0). d̄_b: the mean distance of the (sampled) pairs in b.</para>
/// <para>Exponents over the bands with P_b &gt; 0 and d̄_b &gt; 0 (others are <c>bands-empty</c>): OLS of ln p_b on ln d̄_b
/// over the bands with L_b &gt; 0 (the zero bands are dropped, which biases γ; <c>bands-dropped</c> says how many), and
/// PPML (preferred): L_b ~ Poisson(exp(ln P_b + a - γ ln d̄_b)) with offset ln P_b, zeros kept (<see cref="PoissonGlm"/>).
/// Each needs links in two bands, else NaN.</para>
/// <para>Time O(n² + m) exact, O(K + m) sampled. Checked by hand on five cities and against R glm (PPML with offset) and
/// lm (OLS) on a seeded network (tests/oracles/gravity.R), to 1e-12.</para>
/// </remarks>
public sealed class DistanceDecayMetric : Metric<DistanceDecayOptions, DistanceDecayResult>
{
    /// <summary>The id.</summary>
    public const string MetricId = "distance-decay";

    private const int Chunks = 64;

    /// <inheritdoc/>
    public override string Id => MetricId;

    /// <inheritdoc/>
    public override string Description => "Link frequency and probability by great-circle distance band, with the decay exponent by OLS and PPML.";

    /// <inheritdoc/>
    public override MetricScope Scope => MetricScope.Composite;

    /// <inheritdoc/>
    public override DistanceDecayResult Compute(MetricContext context, DistanceDecayOptions options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var edges = ValidEdges(options.Edges);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ExactPairLimit);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SampleSize, 1);
        var net = context.Network;
        var directed = options.Directed ?? net.Links.AllDirected;
        var seed = options.Seed ?? context.Seed;
        var nb = edges.Length - 1;

        // Coordinates: own location, else the home region's centroid, else unlocated.
        var inn = net.Innovators;
        var slot = new int[inn.Count];
        var points = new List<GeoPoint>(inn.Count);
        for (var i = 0; i < inn.Count; i++)
        {
            var home = inn.RegionIndices[i];
            var pt = inn[i].Location ?? (home >= 0 ? net.Regions[home].Centroid : null);
            slot[i] = pt is null ? -1 : points.Count;
            if (pt is { } q)
            {
                points.Add(q);
            }
        }

        var pts = new PointSet(points);
        var n = pts.Count;
        var links = new double[nb];
        long linkCount = 0, excluded = 0;
        var src = net.Links.Sources;
        var dst = net.Links.Targets;
        var w = net.Links.Weights;
        var arc = net.Links.Directed;
        for (var l = 0; l < src.Length; l++)
        {
            int a = slot[src[l]], b = slot[dst[l]];
            var band = a < 0 || b < 0 || src[l] == dst[l] ? -1 : Band(edges, pts.Distance(a, b));
            if (band < 0)
            {
                excluded++;
                continue;
            }

            var times = directed && !arc[l] ? 2 : 1;
            links[band] += times * (options.Weighted ? w[l] : 1.0);
            linkCount++;
        }

        var sampled = n > options.ExactPairLimit && n >= 2;
        var (hits, sums) = sampled
            ? SamplePairs(context, pts, edges, options.SampleSize, seed)
            : CountPairs(context, pts, edges);
        var pairsTotal = (double)n * (n - 1) / 2 * (directed ? 2 : 1);
        var pairs = new double[nb];
        var pairsSe = new double[nb];
        var mean = new double[nb];
        for (var b = 0; b < nb; b++)
        {
            mean[b] = hits[b] > 0 ? sums[b] / hits[b] : double.NaN;
            if (sampled)
            {
                var q = (double)hits[b] / options.SampleSize;
                pairs[b] = pairsTotal * q;
                pairsSe[b] = pairsTotal * Math.Sqrt(q * (1 - q) / options.SampleSize);
            }
            else
            {
                pairs[b] = hits[b] * (directed ? 2.0 : 1.0);
            }
        }

        var totalL = 0.0;
        foreach (var v in links)
        {
            totalL += v;
        }

        var share = new double[nb];
        var prob = new double[nb];
        var lower = new double[nb];
        var upper = new double[nb];
        var ids = new string[nb];
        for (var b = 0; b < nb; b++)
        {
            share[b] = totalL > 0 ? links[b] / totalL : double.NaN;
            prob[b] = pairs[b] > 0 ? links[b] / pairs[b] : double.NaN;
            lower[b] = edges[b];
            upper[b] = edges[b + 1];
            ids[b] = Km(edges[b]) + "-" + Km(edges[b + 1]);
        }

        var fits = Fits(links, pairs, mean, options, context.CancellationToken);
        var props = new Dictionary<string, string>
        {
            ["directed"] = directed ? "true" : "false",
            ["weighted"] = options.Weighted ? "true" : "false",
            ["pairs"] = sampled ? "sampled" : "exact",
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["exact-pair-limit"] = options.ExactPairLimit.ToString(CultureInfo.InvariantCulture),
            ["sample-size"] = sampled ? options.SampleSize.ToString(CultureInfo.InvariantCulture) : "0",
            ["edges"] = string.Join(" ", Array.ConvertAll(edges, Km)),
        };
        var inference = fits.Fit?.Inference();
        var bands = new GroupTable(Id, "band", ids,
        [
            KeyedTable.Col("lower", lower), KeyedTable.Col("upper", upper), KeyedTable.Col("links", links), KeyedTable.Col("share", share),
            KeyedTable.Col("pairs", pairs), KeyedTable.Col("probability", prob), KeyedTable.Col("mean-distance", mean),
            KeyedTable.Col("pairs-se", pairsSe),
        ], props);
        var network = new ScalarResult(Id,
        [
            new("gamma-ppml", fits.Fit is { } f ? -f.Coefficients[1] : double.NaN),
            new("gamma-ppml-se", inference?.StandardErrors[1] ?? double.NaN),
            new("gamma-ppml-p", inference?.PValues[1] ?? double.NaN),
            new("gamma-ppml-se-quasi", fits.Fit?.Inference(GlmCovariance.QuasiPoisson).StandardErrors[1] ?? double.NaN),
            new("gamma-ols", fits.GammaOls),
            new("bands-ppml", fits.PpmlBands),
            new("bands-ols", fits.OlsBands),
            new("bands-dropped", fits.Dropped),
            new("bands-empty", fits.Empty),
            new("located", n),
            new("unlocated", inn.Count - n),
            new("links", linkCount),
            new("links-excluded", excluded),
            new("pairs", pairsTotal),
            new("sampled", sampled ? 1 : 0),
        ], props);
        return new DistanceDecayResult(Id, bands, network, fits.Fit, props);
    }

    /// <summary>The band of a distance: b with e_b ≤ d &lt; e_b+1, the last band closed; -1 outside the edges.</summary>
    internal static int Band(double[] edges, double d)
    {
        var last = edges.Length - 1;
        if (!(d >= edges[0]) || d > edges[last])
        {
            return -1;
        }

        if (d == edges[last])
        {
            return last - 1;
        }

        var lo = 0;
        var hi = last;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >> 1;
            if (d >= edges[mid])
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static (double GammaOls, int OlsBands, int Dropped, int Empty, int PpmlBands, GlmFit? Fit) Fits(double[] links, double[] pairs, double[] mean,
        DistanceDecayOptions options, CancellationToken token)
    {
        var y = new List<double>();
        var x = new List<double>();
        var off = new List<double>();
        var olsX = new List<double>();
        var olsY = new List<double>();
        var empty = 0;
        for (var b = 0; b < links.Length; b++)
        {
            if (!(pairs[b] > 0 && mean[b] > 0))
            {
                empty++;
                continue;
            }

            y.Add(links[b]);
            x.Add(Math.Log(mean[b]));
            off.Add(Math.Log(pairs[b]));
            if (links[b] > 0)
            {
                olsX.Add(Math.Log(mean[b]));
                olsY.Add(Math.Log(links[b] / pairs[b]));
            }
        }

        var dropped = y.Count - olsX.Count;
        if (olsX.Count < 2)
        {
            return (double.NaN, olsX.Count, dropped, empty, y.Count, null);
        }

        var (_, slope) = MathNet.Numerics.Fit.Line([.. olsX], [.. olsY]);
        var design = Matrix<double>.Build.Dense(y.Count, 2, (i, j) => j == 0 ? 1 : x[i]);
        var fit = PoissonGlm.Fit(design, y, ["intercept", "ln-distance"], off,
            new GlmOptions { MaxIterations = options.MaxIterations, Tolerance = options.Tolerance }, MetricId, token);
        return (-slope, olsX.Count, dropped, empty, y.Count, fit);
    }

    private static (long[] Hits, double[] Sums) CountPairs(MetricContext context, PointSet pts, double[] edges)
    {
        // Row i goes to chunk i mod 64: balanced work, and a fixed assignment whatever the thread count.
        var n = pts.Count;
        var rows = 0L;
        return ByChunks(context, edges.Length - 1, (c, h, s) =>
        {
            for (var i = c; i < n; i += Chunks)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                for (var j = i + 1; j < n; j++)
                {
                    Tally(edges, pts.Distance(i, j), h, s);
                }

                context.ReportProgress(MetricId, Interlocked.Increment(ref rows), n, "pairs");
            }
        });
    }

    private static (long[] Hits, double[] Sums) SamplePairs(MetricContext context, PointSet pts, double[] edges, long k, ulong seed)
    {
        var n = pts.Count;
        var chunks = 0L;
        return ByChunks(context, edges.Length - 1, (c, h, s) =>
        {
            var rng = new DeterministicRandom(seed, (ulong)c);
            var draws = (k / Chunks) + (c < k % Chunks ? 1 : 0);
            for (var t = 0L; t < draws; t++)
            {
                if ((t & 1023) == 0)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                }

                var i = rng.NextInt(n);
                var j = rng.NextInt(n - 1);
                Tally(edges, pts.Distance(i, j >= i ? j + 1 : j), h, s);
            }

            context.ReportProgress(MetricId, Interlocked.Increment(ref chunks), Chunks, "sampled pairs");
        });
    }

    /// <summary>Runs <paramref name="chunk"/> for the 64 chunks in parallel, each with its own counts and distance sums
    /// by band, and adds those up in chunk order.</summary>
    private static (long[] Hits, double[] Sums) ByChunks(MetricContext context, int nb, Action<int, long[], double[]> chunk)
    {
        var hits = new long[Chunks][];
        var sums = new double[Chunks][];
        Parallel.For(0, Chunks, new ParallelOptions { MaxDegreeOfParallelism = context.MaxDegreeOfParallelism, CancellationToken = context.CancellationToken },
            c =>
            {
                hits[c] = new long[nb];
                sums[c] = new double[nb];
                chunk(c, hits[c], sums[c]);
            });
        return Combine(hits, sums, nb);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tally(double[] edges, double d, long[] hits, double[] sums)
    {
        var b = Band(edges, d);
        if (b >= 0)
        {
            hits[b]++;
            sums[b] += d;
        }
    }

    private static (long[] Hits, double[] Sums) Combine(long[][] hits, double[][] sums, int nb)
    {
        var h = new long[nb];
        var s = new double[nb];
        for (var c = 0; c < hits.Length; c++)
        {
            for (var b = 0; b < nb; b++)
            {
                h[b] += hits[c][b];
                s[b] += sums[c][b];
            }
        }

        return (h, s);
    }

    private static double[] ValidEdges(IReadOnlyList<double> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var e = new double[edges.Count];
        var ok = e.Length >= 2;
        for (var i = 0; i < e.Length; i++)
        {
            e[i] = edges[i];
            ok &= double.IsFinite(e[i]) && (i == 0 ? e[i] >= 0 : e[i] > e[i - 1]);
        }

        return ok ? e : throw new ArgumentException(
            $"The distance band edges '{string.Join(" ", Array.ConvertAll(e, Km))}' must be at least two finite values, >= 0 and increasing.", nameof(edges));
    }

    private static string Km(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Points with cos(latitude) computed once: <see cref="Distance"/> is <see cref="GeoPoint.DistanceKm"/> with
    /// the same operations in the same order, hence the same bits (tested), at three transcendental calls per pair
    /// instead of five.</summary>
    internal sealed class PointSet
    {
        private const double ToRad = Math.PI / 180.0;
        private readonly double[] _lat;
        private readonly double[] _lon;
        private readonly double[] _cos;

        public PointSet(IReadOnlyList<GeoPoint> points)
        {
            _lat = new double[points.Count];
            _lon = new double[points.Count];
            _cos = new double[points.Count];
            for (var i = 0; i < _lat.Length; i++)
            {
                _lat[i] = points[i].Latitude;
                _lon[i] = points[i].Longitude;
                _cos[i] = Math.Cos(_lat[i] * ToRad);
            }
        }

        public int Count => _lat.Length;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Distance(int i, int j)
        {
            var dLat = (_lat[j] - _lat[i]) * ToRad;
            var dLon = (_lon[j] - _lon[i]) * ToRad;
            var s1 = Math.Sin(dLat / 2);
            var s2 = Math.Sin(dLon / 2);
            var a = (s1 * s1) + (_cos[i] * _cos[j] * s2 * s2);
            return 2 * GeoPoint.EarthRadiusKm * Math.Asin(Math.Min(1.0, Math.Sqrt(a)));
        }
    }
}
