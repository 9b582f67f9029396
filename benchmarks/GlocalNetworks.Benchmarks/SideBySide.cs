using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using GlocalNetworks.Interop;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks;

/// <summary>
/// <c>sidebyside &lt;operation&gt; &lt;size|path&gt; [repeats=3] [threads=1,2]</c>: the GlocalNetworks half of
/// <c>benchmarks/igraph/side_by_side.py</c>. One process reads the edge list into a <see cref="CsrGraph"/> (not timed,
/// as igraph's graph is loaded before its timer starts), runs the operation once per thread count to warm up (JIT,
/// caches), then times <c>repeats</c> runs per thread count and prints one JSON line: the best and every wall time per
/// thread count, plus facts about the result (iterations, modularity, ...) that the script puts next to igraph's.
/// </summary>
/// <remarks>
/// Operations (each the kernel its metric runs on the cached CSR graph):
/// <c>pagerank</c> (alpha 0.85, unweighted, Chebyshev-accelerated, until the L1 change a power step makes is below 1e-10:
/// DESIGN §0's equal accuracy), <c>pagerank-power</c> (the same by plain power iteration, networkx's iterates),
/// <c>pagerank-1e13</c> (Chebyshev to an L1 residual below 1e-13, the accuracy igraph's PRPACK actually reaches on ba-1m),
/// <c>betweenness</c> (exact Brandes, unweighted), <c>betweenness-sampled</c> (2,000 sources drawn as the metric draws
/// them: seed 42, stream 1), <c>louvain</c> (seed 42, pruned passes: the metric's default; sequential),
/// <c>leiden</c> (modularity, 2 iterations as igraph's default <c>n_iterations</c>, seed 42; sequential),
/// <c>clustering</c> (triangles per node, then local clustering and transitivity), <c>core-number</c>
/// (Batagelj-Zaversnik; sequential), <c>constraint</c> (Burt, unweighted) and <c>load</c>
/// (<c>GlocalCsv.Load(path).Network.ToCsrGraph()</c>, which is timed here, with <c>LoadOptions.MaxDegreeOfParallelism</c> set to the
/// thread count).
/// </remarks>
internal static class SideBySide
{
    /// <summary>The sampled-betweenness source count (DESIGN §0).</summary>
    public const int SampledSources = 2000;

    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: sidebyside <pagerank|pagerank-power|pagerank-1e13|betweenness|betweenness-sampled|louvain|leiden|clustering|core-number|constraint|load> <50k|500k|1m|5m|path.csv> [repeats=3] [threads=1,2]");
            return 2;
        }

        var op = args[0];
        var path = File.Exists(args[1]) ? args[1] : BenchData.PathOf(args[1]);
        var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var threadList = new List<int>();
        foreach (var t in (args.Length > 3 ? args[3] : "1,2").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            threadList.Add(int.Parse(t, CultureInfo.InvariantCulture));
        }

        var sequential = op is "louvain" or "leiden" or "core-number";
        if (sequential)
        {
            threadList = [1];
        }

        BenchData.WarmPageCache(path);
        var setup = Stopwatch.StartNew();
        CsrGraph? graph = null;
        int[]? sources = null;
        if (op != "load")
        {
            var (s, t, n) = BenchData.ReadEdges(path);
            graph = CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);
            if (op == "betweenness-sampled")
            {
                sources = SampleSources(graph.NodeCount, SampledSources);
            }
        }

        var setupSeconds = setup.Elapsed.TotalSeconds;
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"tool\": \"GlocalNetworks\", \"runtime\": \"{Environment.Version}\", \"op\": \"{op}\", \"file\": \"{Path.GetFileName(path)}\", ");
        if (graph is not null)
        {
            json.Append(CultureInfo.InvariantCulture, $"\"nodes\": {graph.NodeCount}, \"links\": {graph.EntryCount / 2}, ");
        }

        json.Append(CultureInfo.InvariantCulture, $"\"setup_s\": {setupSeconds:R}, \"repeats\": {repeats}, \"sequential\": {(sequential ? "true" : "false")}, \"threads\": {{");
        for (var ti = 0; ti < threadList.Count; ti++)
        {
            var threads = threadList[ti];
            // Warm-up: JIT, caches, pooled buffers (betweenness warms up on 64 sources: a full run would only repeat it).
            RunOnce(op, path, graph, op.StartsWith("betweenness", StringComparison.Ordinal) ? WarmupSources(graph!, sources) : sources, threads, facts);
            var times = new double[repeats];
            for (var r = 0; r < repeats; r++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                var sw = Stopwatch.StartNew();
                RunOnce(op, path, graph, sources, threads, facts);
                times[r] = sw.Elapsed.TotalSeconds;
            }

            var best = double.PositiveInfinity;
            foreach (var x in times)
            {
                best = Math.Min(best, x);
            }

            json.Append(CultureInfo.InvariantCulture, $"{(ti > 0 ? ", " : string.Empty)}\"{threads}\": {{\"best_s\": {best:R}, \"runs_s\": [");
            for (var r = 0; r < times.Length; r++)
            {
                json.Append(CultureInfo.InvariantCulture, $"{(r > 0 ? ", " : string.Empty)}{times[r]:R}");
            }

            json.Append("]}");
        }

        json.Append("}, \"facts\": {");
        var first = true;
        foreach (var (k, v) in facts)
        {
            json.Append(CultureInfo.InvariantCulture, $"{(first ? string.Empty : ", ")}\"{k}\": {v}");
            first = false;
        }

        json.Append("}}");
        Console.WriteLine(json.ToString());
        return 0;
    }

    /// <summary>2,000 distinct sources drawn as the betweenness metric draws them (seed 42, stream 1), in index order.</summary>
    /// <param name="n">The node count.</param>
    /// <param name="k">The number of sources.</param>
    /// <returns>The sources.</returns>
    public static int[] SampleSources(int n, int k)
    {
        var all = new int[n];
        for (var v = 0; v < all.Length; v++)
        {
            all[v] = v;
        }

        var rng = new DeterministicRandom(DeterministicRandom.DefaultSeed, 1);
        rng.Shuffle(all.AsSpan());
        var sources = all.AsSpan(0, Math.Min(k, n)).ToArray();
        Array.Sort(sources);
        return sources;
    }

    private static int[] WarmupSources(CsrGraph g, int[]? sources)
    {
        if (sources is not null)
        {
            return sources.AsSpan(0, Math.Min(64, sources.Length)).ToArray();
        }

        var w = new int[Math.Min(64, g.NodeCount)];
        for (var i = 0; i < w.Length; i++)
        {
            w[i] = i;
        }

        return w;
    }

    private static void RunOnce(string op, string path, CsrGraph? g, int[]? sources, int threads, Dictionary<string, string> facts)
    {
        var ct = CancellationToken.None;
        switch (op)
        {
            case "pagerank":
            case "pagerank-power":
            case "pagerank-1e13":
            {
                var chebyshev = op != "pagerank-power";
                var l1 = op == "pagerank-1e13" ? 1e-13 : 1e-10;
                var r = PageRankKernel.Run(g!, 0.85, null, null, useWeights: false, 1000, l1 / g!.NodeCount, threads, ct, chebyshev: chebyshev);
                facts["solver"] = chebyshev ? "\"chebyshev\"" : "\"power-iteration\"";
                facts["iterations"] = Num(r.Iterations);
                facts["l1_change"] = Num(r.Residual);
                facts["x0"] = Num(r.Values[0]);
                break;
            }

            case "betweenness":
            case "betweenness-sampled":
            {
                var b = Brandes.Accumulate(g!, sources, weighted: false, endpoints: false, threads);
                facts["sources"] = Num(sources?.Length ?? g!.NodeCount);
                facts["b0"] = Num(b[0]);
                break;
            }

            case "louvain":
            {
                var r = Louvain.Run(g!, seed: DeterministicRandom.DefaultSeed);
                facts["modularity"] = Num(r.Modularity);
                facts["communities"] = Num(r.Count);
                facts["seed"] = Num((double)DeterministicRandom.DefaultSeed);
                break;
            }

            case "leiden":
            {
                var r = Leiden.Run(g!, iterations: 2, seed: DeterministicRandom.DefaultSeed);
                facts["modularity"] = Num(r.Modularity);
                facts["communities"] = Num(r.Count);
                break;
            }

            case "clustering":
            {
                var tri = Triangles.PerNode(g!, null, threads, ct);
                var offsets = g!.Offsets;
                double triangles = 0, triples = 0, sum = 0;
                var local = new double[g.NodeCount];
                for (var v = 0; v < local.Length; v++)
                {
                    double k = offsets[v + 1] - offsets[v];
                    var pairs = k * (k - 1) / 2;
                    local[v] = pairs > 0 ? tri[v] / pairs : 0;
                    sum += local[v];
                    triangles += tri[v];
                    triples += pairs;
                }

                facts["transitivity"] = Num(triples > 0 ? triangles / triples : 0);
                facts["average_clustering"] = Num(sum / local.Length);
                break;
            }

            case "core-number":
            {
                var c = KCore.CoreNumbers(g!, useMultiplicity: false, ct);
                var max = 0;
                foreach (var x in c)
                {
                    max = Math.Max(max, x);
                }

                facts["max_core"] = Num(max);
                break;
            }

            case "constraint":
            {
                var result = new double[g!.NodeCount];
                Constraint.Compute(g, result, threads, ct);
                facts["c0"] = Num(result[0]);
                break;
            }

            case "load":
            {
                var net = GlocalCsv.Load(path, options: LoadOptions.Default with { MaxDegreeOfParallelism = threads }).Network;
                var csr = net.ToCsrGraph();
                facts["nodes"] = Num(csr.NodeCount);
                facts["links"] = Num(net.Links.Count);
                break;
            }

            default:
                throw new ArgumentException($"Unknown operation '{op}'.", nameof(op));
        }
    }

    private static string Num(double x) => double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "null";
}
