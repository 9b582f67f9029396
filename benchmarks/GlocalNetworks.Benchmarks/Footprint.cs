using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GlocalNetworks.Interop;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;

namespace GlocalNetworks.Benchmarks;

/// <summary>
/// <c>footprint &lt;size|path&gt; [repeats]</c>: one process loads one links CSV and prints one JSON line with the
/// wall times (first call, which includes JIT, and the best of <c>repeats</c> warm calls), the managed bytes the loaded
/// network and its CSR graph keep alive (<see cref="GC.GetTotalMemory(bool)"/> after a full collection), the bytes
/// allocated while loading, the CSR arrays' own size, and the process's resident memory (Linux <c>/proc/self/status</c>:
/// VmRSS before, VmRSS after, VmHWM peak). <c>load_side_by_side.py</c> runs it next to networkx and igraph.
/// </summary>
internal static class Footprint
{
    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: footprint <50k|500k|1m|5m|path.csv> [repeats=3]");
            return 2;
        }

        var path = File.Exists(args[0]) ? args[0] : BenchData.PathOf(args[0]);
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        BenchData.WarmPageCache(path);

        Collect();
        var rss0 = ProcStatus("VmRSS");
        var managed0 = GC.GetTotalMemory(forceFullCollection: true);
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        GlocalNetwork? network = GlocalCsv.Load(path).Network;
        var loadCold = sw.Elapsed.TotalSeconds;
        var alloc1 = GC.GetTotalAllocatedBytes(precise: true);
        var managed1 = GC.GetTotalMemory(forceFullCollection: true);
        sw.Restart();
        GlocalNetworks.Kernels.CsrGraph? csr = network.ToCsrGraph();
        var csrCold = sw.Elapsed.TotalSeconds;
        var alloc2 = GC.GetTotalAllocatedBytes(precise: true);
        var managed2 = GC.GetTotalMemory(forceFullCollection: true);
        var rss1 = ProcStatus("VmRSS");
        var hwm = ProcStatus("VmHWM");

        long links = network.Links.Count;
        var nodes = network.Innovators.Count;
        long csrBytes = ((long)csr.NodeCount + 1) * sizeof(int) + (long)csr.EntryCount * sizeof(int)
            + (csr.IsWeighted ? (long)csr.EntryCount * sizeof(double) : 0);
        var entries = csr.EntryCount;
        GC.KeepAlive(network);
        GC.KeepAlive(csr);
        network = null;
        csr = null;

        double loadWarm = double.PositiveInfinity, csrWarm = double.PositiveInfinity, totalWarm = double.PositiveInfinity;
        for (var r = 0; r < repeats; r++)
        {
            Collect();
            sw.Restart();
            var n = GlocalCsv.Load(path).Network;
            var tl = sw.Elapsed.TotalSeconds;
            var g = n.ToCsrGraph();
            var tt = sw.Elapsed.TotalSeconds;
            GC.KeepAlive(g);
            loadWarm = Math.Min(loadWarm, tl);
            csrWarm = Math.Min(csrWarm, tt - tl);
            totalWarm = Math.Min(totalWarm, tt);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"tool\": \"GlocalNetworks\", \"runtime\": \"{Environment.Version}\", \"file\": \"{Path.GetFileName(path)}\", \"nodes\": {nodes}, \"links\": {links}, " +
            $"\"csr_entries\": {entries}, \"load_cold_s\": {loadCold:R}, \"csr_cold_s\": {csrCold:R}, \"load_warm_s\": {loadWarm:R}, \"csr_warm_s\": {csrWarm:R}, " +
            $"\"total_warm_s\": {totalWarm:R}, \"repeats\": {repeats}, \"network_managed_bytes\": {managed1 - managed0}, \"network_csr_managed_bytes\": {managed2 - managed0}, " +
            $"\"csr_array_bytes\": {csrBytes}, \"load_allocated_bytes\": {alloc1 - alloc0}, \"csr_allocated_bytes\": {alloc2 - alloc1}, " +
            $"\"rss_before\": {rss0}, \"rss_after\": {rss1}, \"rss_peak\": {hwm}}}"));
        return 0;
    }

    private static void Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    // A /proc/self/status field in bytes (the kernel reports kB); -1 where there is no /proc.
    private static long ProcStatus(string field)
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return -1;
        }

        foreach (var line in File.ReadLines(Status))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return -1;
    }
}
