using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GlocalNetworks.Interop;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;
using nietras.SeparatedValues;

namespace GlocalNetworks.Benchmarks.IO;

/// <summary>
/// <c>phases &lt;size|path&gt; [repeats]</c>: where the time of <see cref="GlocalCsv.Load(string, string?, string?, GlocalNetworks.IO.LoadOptions?, CsvSchema?)"/>
/// goes, phase by phase, on the loader's internal steps (this project sees the core's internals). Prints one line per
/// repeat, in milliseconds: the bare Sep parse; Sep plus innovator-id resolution alone; then the real load split into
/// reading the links (the integer fast path of <c>IntegerLinksReader</c> when the file has its shape, as the BA files do:
/// a parallel byte scan, id resolution and link columns; otherwise Sep + id resolution + link columns), building the
/// inferred innovator table (since session 4 a lazy table: its innovators are made on first use, outside this timing),
/// assembling the snapshot (sort by year, source, target; scale classification) and the CSR build (undirected, weighted).
/// A diagnostic for profiling, not a benchmark: each phase runs once per repeat, after a full collection.
/// </summary>
internal static class LoadPhases
{
    public static int Run(ReadOnlySpan<string> args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: phases <50k|500k|1m|5m|path.csv> [repeats=5]");
            return 2;
        }

        var path = File.Exists(args[0]) ? args[0] : BenchData.PathOf(args[0]);
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        BenchData.WarmPageCache(path);
        Console.WriteLine("repeat,sep_ms,sep_resolve_ms,read_links_ms,innovators_ms,assemble_ms,csr_ms,total_load_csr_ms");
        for (var r = 0; r < repeats; r++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            SepOnly(path);
            var sep = Lap(sw);
            GC.Collect();
            sw.Restart();
            ResolveOnly(path);
            var resolve = Lap(sw);
            GC.Collect();

            sw.Restart();
            var s = new CsvLoadSession(null, null);
            var (tree, table) = s.ReadNodes(null, null);
            var cols = new LinkColumnsBuilder();
            var resolver = new InnovatorResolver(table);
            s.ReadLinks(CsvInput.FromFile(path), resolver, cols);
            var read = Lap(sw);
            table = resolver.BuildInferred(tree);
            var innovators = Lap(sw);
            var network = s.Finish(tree, table, cols).Network;
            var assemble = Lap(sw);
            var csr = network.ToCsrGraph();
            var build = Lap(sw);
            GC.KeepAlive(csr);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r},{sep:F1},{resolve:F1},{read:F1},{innovators:F1},{assemble:F1},{build:F1},{read + innovators + assemble + build:F1}"));
        }

        return 0;
    }

    private static double Lap(Stopwatch sw)
    {
        var t = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        return t;
    }

    private static SepReader Open(string path) => Sep.New(',').Reader(o => o with
    {
        HasHeader = true,
        Unescape = true,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
    }).FromFile(path);

    private static long SepOnly(string path)
    {
        long sum = 0;
        using var reader = Open(path);
        foreach (var row in reader)
        {
            sum += row[0].Span.Trim().Length + row[1].Span.Trim().Length;
        }

        return sum;
    }

    private static int ResolveOnly(string path)
    {
        var resolver = new InnovatorResolver(null);
        using var reader = Open(path);
        foreach (var row in reader)
        {
            resolver.Resolve(row[0].Span.Trim());
            resolver.Resolve(row[1].Span.Trim());
        }

        return resolver.Count;
    }
}
