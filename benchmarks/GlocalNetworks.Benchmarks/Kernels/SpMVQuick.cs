using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Kernels;

/// <summary>
/// A quick check without BenchmarkDotNet (<c>GlocalNetworks.Benchmarks.dll spmv 1 2 ...</c>): 40 timed PageRank
/// iterations on ba-1m (unweighted) per thread count after 5 warm-up ones, printing the best and mean wall time and the
/// best process CPU time (less disturbed by time slicing on a shared machine) with the bandwidth of the best wall time.
/// </summary>
internal static class SpMVQuick
{
    public static int Run(ReadOnlySpan<string> args)
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf("5m"));
        var g = CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);
        var bytes = (4.0 * (n + 1)) + (4.0 * g.EntryCount) + (16.0 * n);
        foreach (var a in args)
        {
            var threads = int.Parse(a, CultureInfo.InvariantCulture);
            var st = new PageRankKernel.State(g, g, 0.85, null, null, false);
            double best = double.MaxValue, bestCpu = double.MaxValue, sum = 0;
            using var proc = Process.GetCurrentProcess();
            for (var i = 0; i < 45; i++)
            {
                proc.Refresh();
                var cpu0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                st.Iterate(threads, CancellationToken.None);
                var ms = sw.Elapsed.TotalMilliseconds;
                proc.Refresh();
                var cpu = (proc.TotalProcessorTime - cpu0).TotalMilliseconds;
                if (i >= 5)
                {
                    best = Math.Min(best, ms);
                    bestCpu = Math.Min(bestCpu, cpu);
                    sum += ms;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"threads {threads}: best {best:F2} ms ({bytes / best / 1e6:F2} GB/s), mean {sum / 40:F2} ms, best CPU {bestCpu:F1} ms, x[0] = {st.X[0]:R}"));
            st.Release();
        }

        return 0;
    }
}
