using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using GlocalNetworks.Data;
using GlocalNetworks.Glocal;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Snapshot;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Centrality;
using GlocalNetworks.Model;

// Scale measurements (issue 9): one size per process, so that the peak resident set (VmHWM) belongs to that size.
//   dotnet run -c Release --project benchmarks/GlocalNetworks.Scale -- run 1m      [--dir scratch/scale] [--threads 2]
//   dotnet run -c Release --project benchmarks/GlocalNetworks.Scale -- csv 1m      [--dir scratch/scale] [--repeats 3]
//   dotnet run -c Release --project benchmarks/GlocalNetworks.Scale -- buildmem 10m   (live heap at each build phase)
//   dotnet run -c Release --project benchmarks/GlocalNetworks.Scale -- loadparts 1m  (where a snapshot load spends its time)
// Sizes: 1m, 10m, 100m (or any integer). Innovators = links / 20; the region tree is fixed (6 world regions x 10 countries
// x 10 provinces x 20 cities = 12,000 cities), so the sizes differ only in n and m.
return ScaleRun.Execute(args);

internal static class ScaleRun
{
    public static int Execute(string[] args)
    {
        if (args.Length < 2 || (args[0] != "run" && args[0] != "csv" && args[0] != "buildmem" && args[0] != "loadparts"))
        {
            Console.Error.WriteLine("usage: run|csv|buildmem <links: 1m, 10m, 100m or a number> [--dir DIR] [--threads T] [--repeats R]");
            return 2;
        }

        var links = ParseSize(args[1]);
        var dir = Option(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "glocal-scale");
        var threads = int.Parse(Option(args, "--threads") ?? "2", CultureInfo.InvariantCulture);
        var repeats = int.Parse(Option(args, "--repeats") ?? "3", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(dir);
        var options = Options(links);
        Console.WriteLine($"# {args[0]} {args[1]}: {links:N0} links, {options.Innovators:N0} innovators; load average {LoadAverage()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        return args[0] switch
        {
            "run" => Run(options, dir, threads),
            "csv" => Csv(options, dir, repeats),
            "loadparts" => LoadParts(options, dir, repeats),
            _ => BuildMemory(options),
        };
    }

    private static GeoNetworkOptions Options(int links) => new()
    {
        Links = links,
        Innovators = Math.Max(1000, links / 20),
        WorldRegions = 6,
        CountriesPerWorldRegion = 10,
        ProvincesPerCountry = 10,
        CitiesPerProvince = 20,
    };

    private static int ParseSize(string s) => s.ToLowerInvariant() switch
    {
        "1m" => 1_000_000,
        "10m" => 10_000_000,
        "100m" => 100_000_000,
        _ => int.Parse(s, CultureInfo.InvariantCulture),
    };

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Run(GeoNetworkOptions o, string dir, int threads)
    {
        long m = o.Links;
        var rows = new List<(string Step, double Seconds, string Note)>();
        var sw = Stopwatch.StartNew();
        var builder = GeoNetworkGenerator.ToBuilder(o);
        rows.Add(("generate (regions, innovators, links into the stream builder)", sw.Elapsed.TotalSeconds, $"builder buffers {builder.BufferedLinkBytes / (double)m:F1} B/link"));

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        GlocalNetwork net;
        long sampledPeak;
        using (var sampler = new HeapSampler())
        {
            sw.Restart();
            net = builder.Build().Network;
            rows.Add(("build (sort, final arrays, scales)", sw.Elapsed.TotalSeconds, string.Empty));
            sampledPeak = sampler.Peak;
        }

        builder = null!;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var finalBytes = m * 32;
        var others = heapAfter - finalBytes;
        var corePeak = sampledPeak - others;
        Console.WriteLine($"build memory: live heap before build {Mb(heapBefore)} (builder buffers + innovators), after {Mb(heapAfter)}; final link arrays {Mb(finalBytes)} (32 B/link); " +
            $"sampled peak heap during build {Mb(sampledPeak)} => links' peak {Mb(corePeak)} = {corePeak / (double)finalBytes:F2} x the final arrays (upper bound: the sample includes garbage not yet collected); allocated during build {Mb(allocated)} = {allocated / (double)m:F1} B/link");

        var path = Path.Combine(dir, $"geo-{o.Links}.glsnap");
        sw.Restart();
        net.Save(path);
        rows.Add(("save snapshot", sw.Elapsed.TotalSeconds, $"{new FileInfo(path).Length / (double)m:F1} B/link on disk"));
        net = null!;
        GC.Collect();
        sw.Restart();
        net = GlocalNetworkSnapshot.Load(path);
        rows.Add(("load snapshot (warm page cache)", sw.Elapsed.TotalSeconds, string.Empty));

        var ctx = new MetricContext(net, maxDegreeOfParallelism: threads);
        sw.Restart();
        var graph = ctx.Graph(GraphView.UndirectedWeighted);
        rows.Add(("CSR build (undirected, weighted)", sw.Elapsed.TotalSeconds, $"{graph.EntryCount:N0} half-edges"));
        sw.Restart();
        var pr = new PageRankMetric().Compute(ctx, new PageRankOptions());
        rows.Add(("PageRank (networkx defaults, CSR cached)", sw.Elapsed.TotalSeconds, pr.Columns.Count > 0 ? string.Empty : "no columns"));
        sw.Restart();
        var mix = new ScaleMixMetric().Compute(ctx, new ScaleMixOptions());
        rows.Add(("scale-mix (default groupings)", sw.Elapsed.TotalSeconds, string.Empty));
        sw.Restart();
        var flows = new RegionFlowsMetric().Compute(ctx, new RegionFlowsOptions { Level = "country" });
        rows.Add(("region-flows at country level (60 x 60)", sw.Elapsed.TotalSeconds, string.Empty));
        sw.Restart();
        var flowsP = new RegionFlowsMetric().Compute(ctx, new RegionFlowsOptions { Level = "province" });
        rows.Add(("region-flows at province level (600 x 600)", sw.Elapsed.TotalSeconds, string.Empty));
        GC.KeepAlive(mix);
        GC.KeepAlive(flows);
        GC.KeepAlive(flowsP);

        var shares = new double[5];
        foreach (var s in net.LinkScales)
        {
            shares[(int)s]++;
        }

        Console.WriteLine($"scale mix (share of links): Local {shares[0] / m:P1}, Regional {shares[1] / m:P1}, National {shares[2] / m:P1}, Supranational {shares[3] / m:P1}, Global {shares[4] / m:P1}");
        Console.WriteLine();
        Console.WriteLine("| step | seconds | note |");
        Console.WriteLine("|---|---:|---|");
        foreach (var (step, seconds, note) in rows)
        {
            Console.WriteLine($"| {step} | {seconds:F2} | {note} |");
        }

        var hwm = VmHwm();
        Console.WriteLine();
        Console.WriteLine($"peak resident set (VmHWM) {Mb(hwm)} = {hwm / (double)m:F1} B/link; live heap at the end (network + CSR + results) {Mb(GC.GetTotalMemory(true))}; load average {LoadAverage()}");
        GC.KeepAlive(net);
        GC.KeepAlive(ctx);
        File.Delete(path);
        return 0;
    }

    /// <summary>The live heap (after a full collection) at every phase of the stream builder's Build, against the final
    /// link arrays: the "peak at most 1.5x the final arrays" check. The forced collections make this run slow; it is not timed.</summary>
    private static int BuildMemory(GeoNetworkOptions o)
    {
        long m = o.Links;
        var builder = GeoNetworkGenerator.ToBuilder(o);
        var buffered = builder.BufferedLinkBytes;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var others = before - buffered;
        var final = m * 32;
        long peak = 0;
        Console.WriteLine($"before Build: live heap {Mb(before)}, of which link blocks {Mb(buffered)} ({buffered / (double)m:F1} B/link); final link arrays {Mb(final)} (32 B/link)");
        Console.WriteLine("| phase | live heap for the links (MiB) | x final arrays |");
        Console.WriteLine("|---|---:|---:|");
        builder.Probe = phase =>
        {
            var links = GC.GetTotalMemory(forceFullCollection: true) - others;
            peak = Math.Max(peak, links);
            Console.WriteLine($"| {phase} | {links / 1048576.0:N0} | {links / (double)final:F2} |");
        };
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var net = builder.Build().Network;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Console.WriteLine($"peak {Mb(peak)} = {peak / (double)final:F2} x the final arrays; allocated during Build {Mb(allocated)} = {allocated / (double)m:F1} B/link; {net.Links.Count:N0} links; load average {LoadAverage()}");
        return 0;
    }

    /// <summary>Where a snapshot load spends its time: the raw read of the file, rebuilding the region tree, and
    /// indexing the innovators, against the whole load (best of the repeats).</summary>
    private static int LoadParts(GeoNetworkOptions o, string dir, int repeats)
    {
        var net = GeoNetworkGenerator.Generate(o);
        var snap = Path.Combine(dir, $"geo-{o.Links}.glsnap");
        net.Save(snap);
        var regions = new List<Region>();
        foreach (var r in net.Regions)
        {
            if (r.Id != RegionTree.ImplicitRootId)
            {
                regions.Add(r);
            }
        }

        var innovators = new List<Innovator>(net.Innovators);
        double raw = double.MaxValue, tree = double.MaxValue, table = double.MaxValue, load = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            var bytes = File.ReadAllBytes(snap);
            raw = Math.Min(raw, sw.Elapsed.TotalSeconds);
            GC.KeepAlive(bytes);
            sw.Restart();
            var t = RegionTree.Build(regions, net.Ladder);
            tree = Math.Min(tree, sw.Elapsed.TotalSeconds);
            sw.Restart();
            GC.KeepAlive(NetworkAssembly.CreateInnovatorTable(innovators, t, null, null));
            table = Math.Min(table, sw.Elapsed.TotalSeconds);
            sw.Restart();
            GC.KeepAlive(GlocalNetworkSnapshot.Load(snap));
            load = Math.Min(load, sw.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"best of {repeats}: File.ReadAllBytes {raw:F3} s, RegionTree.Build {tree:F3} s, CreateInnovatorTable {table:F3} s, whole Load {load:F3} s; load average {LoadAverage()}");
        File.Delete(snap);
        return 0;
    }

    private static int Csv(GeoNetworkOptions o, string dir, int repeats)
    {
        var net = GeoNetworkGenerator.Generate(o);
        var csvDir = Path.Combine(dir, $"csv-{o.Links}");
        var paths = GlocalCsvWriter.Write(net, csvDir);
        var snap = Path.Combine(dir, $"geo-{o.Links}.glsnap");
        net.Save(snap);
        net = null!;
        double csvBest = double.MaxValue, snapBest = double.MaxValue;
        for (var r = 0; r < repeats; r++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var a = GlocalCsv.Load(paths[2], paths[1], paths[0]).Network;
            csvBest = Math.Min(csvBest, sw.Elapsed.TotalSeconds);
            GC.KeepAlive(a);
            a = null;
            GC.Collect();
            sw.Restart();
            var b = GlocalNetworkSnapshot.Load(snap);
            snapBest = Math.Min(snapBest, sw.Elapsed.TotalSeconds);
            GC.KeepAlive(b);
            Console.WriteLine($"repeat {r + 1}: CSV {csvBest:F3} s best so far, snapshot {snapBest:F3} s best so far");
        }

        long csvBytes = 0;
        foreach (var p in paths)
        {
            csvBytes += new FileInfo(p).Length;
        }

        Console.WriteLine($"CSV files {Mb(csvBytes)}, snapshot {Mb(new FileInfo(snap).Length)}");
        Console.WriteLine($"best of {repeats}: CSV load {csvBest:F3} s, snapshot load {snapBest:F3} s: snapshot {csvBest / snapBest:F1}x faster; load average {LoadAverage()}");
        Directory.Delete(csvDir, recursive: true);
        File.Delete(snap);
        return 0;
    }

    private static string Mb(long bytes) => $"{bytes / 1048576.0:N0} MiB";

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static long VmHwm()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                // "VmHWM:\t  123456 kB": the number may follow the tab directly.
                var parts = line["VmHWM:".Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    /// <summary>Samples the GC heap size every millisecond on a background thread and keeps the largest value.</summary>
    private sealed class HeapSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public HeapSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    var h = GC.GetTotalMemory(false);
                    if (h > Interlocked.Read(ref _peak))
                    {
                        Interlocked.Exchange(ref _peak, h);
                    }

                    Thread.Sleep(1);
                }
            })
            { IsBackground = true, Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        public long Peak => Interlocked.Read(ref _peak);

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
