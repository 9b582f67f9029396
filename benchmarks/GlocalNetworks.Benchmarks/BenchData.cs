using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using nietras.SeparatedValues;

namespace GlocalNetworks.Benchmarks;

/// <summary>
/// Finds the benchmark input files: the seeded Barabasi-Albert edge lists made by <c>benchmarks/prepare-data.sh</c>.
/// The folder is <c>$GLOCAL_BENCH_DATA</c> when set, otherwise <c>scratch/</c> at the repository root (the folder
/// holding <c>GlocalNetworks.sln</c>, found by walking up from the executable and from the working directory).
/// </summary>
internal static class BenchData
{
    /// <summary>The environment variable naming the data folder.</summary>
    public const string EnvironmentVariable = "GLOCAL_BENCH_DATA";

    /// <summary>The link-count keys the benchmarks take as <c>[Params]</c>, smallest first.</summary>
    public static readonly string[] Sizes = ["500k", "1m", "5m"];

    private static readonly Lazy<string> Folder = new(Locate);

    /// <summary>The data folder.</summary>
    public static string Directory => Folder.Value;

    /// <summary>The file name for a size key: links, not nodes (a BA graph with m = 5 has about 5 links per node).</summary>
    /// <param name="links">A key of <see cref="Sizes"/> (or <c>50k</c>).</param>
    /// <returns>The file name.</returns>
    public static string FileName(string links) => links switch
    {
        "50k" => "ba-10k.csv",        // 10,000 nodes, 49,985 links
        "500k" => "ba-100k.csv",      // 100,000 nodes, 499,985 links
        "1m" => "ba-1m-head1m.csv",   // header + first 1,000,000 links of ba-1m.csv: 200,003 nodes
        "5m" => "ba-1m.csv",          // 1,000,000 nodes, 4,999,985 links (ba-1m.csv.gz, decompressed)
        _ => throw new ArgumentException($"Unknown size '{links}'; use 50k, 500k, 1m or 5m.", nameof(links)),
    };

    /// <summary>The full path of a size's file; throws with instructions when it is missing.</summary>
    /// <param name="links">A size key.</param>
    /// <returns>The path.</returns>
    public static string PathOf(string links)
    {
        var p = Path.Combine(Directory, FileName(links));
        if (!File.Exists(p))
        {
            throw new FileNotFoundException(
                $"The benchmark input '{p}' does not exist. Run 'benchmarks/prepare-data.sh' (writes to scratch/) or set {EnvironmentVariable} to the folder holding it.", p);
        }

        return p;
    }

    /// <summary>Reads a <c>source,target</c> CSV of integer ids into arrays (setup only, not timed).</summary>
    /// <param name="path">The file.</param>
    /// <returns>Sources, targets and the node count (largest id + 1).</returns>
    public static (int[] Sources, int[] Targets, int NodeCount) ReadEdges(string path)
    {
        var src = new List<int>();
        var dst = new List<int>();
        var max = -1;
        using var reader = Sep.Reader(o => o with { HasHeader = true, CultureInfo = CultureInfo.InvariantCulture }).FromFile(path);
        foreach (var row in reader)
        {
            var a = row[0].Parse<int>();
            var b = row[1].Parse<int>();
            src.Add(a);
            dst.Add(b);
            max = Math.Max(max, Math.Max(a, b));
        }

        return (src.ToArray(), dst.ToArray(), max + 1);
    }

    /// <summary>Reads the whole file once so that every measurement starts from the OS page cache.</summary>
    /// <param name="path">The file.</param>
    public static void WarmPageCache(string path)
    {
        var buffer = new byte[1 << 20];
        using var f = File.OpenRead(path);
        while (f.Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Path.GetFullPath(env);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GlocalNetworks.sln")))
                {
                    return Path.Combine(dir.FullName, "scratch");
                }
            }
        }

        return Path.GetFullPath("scratch");
    }
}
