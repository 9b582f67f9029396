using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Kernels;

/// <summary>
/// A quick check without BenchmarkDotNet (<c>GlocalNetworks.Benchmarks.dll spmv 1 2 ...</c>): 40 timed PageRank
/// iterations on ba-1m (unweighted) per thread count after 5 warm-up ones, printing the best and mean wall time and the
/// best process CPU time (less disturbed by time slicing on a shared machine) with the bandwidth of the best wall time,
/// and the bytes allocated per iteration (all threads). Then, turn by turn in the same process, one bare SpMV
/// dispatched through <c>Parallel.For</c> and through the persistent <see cref="SpMVWorkers"/> (same chunk body, a
/// cached delegate), so the two dispatch mechanisms meet the same machine load. <c>spmv geo 1 2</c> runs the same on a
/// generated geographic network of the same size (1M innovators, 5M links) instead of ba-1m.
/// </summary>
internal static class SpMVQuick
{
    private const int Warmup = 5;
    private const int Timed = 40;

    public static int Run(ReadOnlySpan<string> args)
    {
        CsrGraph g;
        if (args.Length > 0 && args[0] == "geo")
        {
            // The same size as ba-1m (1M nodes, 5M links) but with the locality of a geographic innovation network: links
            // decay with distance, and innovators are numbered city by city as the generator places them.
            args = args[1..];
            var net = GlocalNetworks.Data.GeoNetworkGenerator.Generate(new GlocalNetworks.Data.GeoNetworkOptions { Innovators = 1_000_000, Links = 5_000_000 });
            g = GlocalNetworks.Interop.NetworkGraphExtensions.ToCsrGraph(net, GraphView.UndirectedUnweighted);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"geo network: n = {g.NodeCount}, nnz = {g.EntryCount} (PageRank iteration run unweighted)"));
        }
        else
        {
            var (s, t, nn) = BenchData.ReadEdges(BenchData.PathOf("5m"));
            g = CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, nn, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);
        }

        var n = g.NodeCount;
        var bytes = (4.0 * (n + 1)) + (4.0 * g.EntryCount) + (16.0 * n);
        foreach (var a in args)
        {
            var threads = int.Parse(a, CultureInfo.InvariantCulture);
            var st = new PageRankKernel.State(g, g, 0.85, null, null, false);
            double best = double.MaxValue, bestCpu = double.MaxValue, sum = 0;
            long allocated = 0;
            using var proc = Process.GetCurrentProcess();
            for (var i = 0; i < Warmup + Timed; i++)
            {
                proc.Refresh();
                var cpu0 = proc.TotalProcessorTime;
                var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
                var t0 = Stopwatch.GetTimestamp();
                st.Iterate(threads, CancellationToken.None);
                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                var alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
                proc.Refresh();
                var cpu = (proc.TotalProcessorTime - cpu0).TotalMilliseconds;
                if (i >= Warmup)
                {
                    best = Math.Min(best, ms);
                    bestCpu = Math.Min(bestCpu, cpu);
                    sum += ms;
                    allocated += alloc;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"threads {threads}: best {best:F2} ms ({bytes / best / 1e6:F2} GB/s), mean {sum / Timed:F2} ms, best CPU {bestCpu:F1} ms, allocated {allocated / (double)Timed:F0} B per iteration, x[0] = {st.X[0]:R}"));
            st.Release();
            if (threads > 1)
            {
                CompareDispatch(g, threads);
            }
        }

        return 0;
    }

    private static void CompareDispatch(CsrGraph g, int threads)
    {
        var bounds = SpMV.ChunkBounds(g);
        var chunks = bounds.Length - 1;
        var x = new double[g.NodeCount];
        var y = new double[g.NodeCount];
        Array.Fill(x, 1.0 / g.NodeCount);
        Action<int> body = c => SpMV.MultiplyRows(g, x, y, false, bounds[c], bounds[c + 1]);
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        double bestFor = double.MaxValue, bestWorkers = double.MaxValue;
        long allocFor = 0, allocWorkers = 0;
        for (var i = 0; i < Warmup + Timed; i++)
        {
            var a0 = GC.GetTotalAllocatedBytes(precise: true);
            var t0 = Stopwatch.GetTimestamp();
            Parallel.For(0, chunks, options, body);
            var f = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            var a1 = GC.GetTotalAllocatedBytes(precise: true);
            t0 = Stopwatch.GetTimestamp();
            SpMVWorkers.Shared.Run(chunks, threads, CancellationToken.None, body);
            var w = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            var a2 = GC.GetTotalAllocatedBytes(precise: true);
            if (i >= Warmup)
            {
                bestFor = Math.Min(bestFor, f);
                bestWorkers = Math.Min(bestWorkers, w);
                allocFor += a1 - a0;
                allocWorkers += a2 - a1;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"threads {threads}, bare SpMV ({chunks} chunks), turn by turn: Parallel.For best {bestFor:F2} ms, {allocFor / (double)Timed:F0} B per call; persistent workers best {bestWorkers:F2} ms, {allocWorkers / (double)Timed:F0} B per call"));
    }
}
