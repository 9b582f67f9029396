using System;
using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Data;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Snapshot;
using GlocalNetworks.Model;

namespace GlocalNetworks.Benchmarks.IO;

/// <summary>
/// Issue 9 at one million links (larger sizes: the timing program <c>benchmarks/GlocalNetworks.Scale</c>): a seeded
/// <see cref="GeoNetworkGenerator"/> network (1,000,000 links, 50,000 innovators, 12,000 cities) loaded from its snapshot
/// and parsed from the same network written as the three CSV files (the baseline), saved, and generated through the
/// stream builder. Files are written to a temporary folder in setup and removed in cleanup.
/// </summary>
[MemoryDiagnoser]
public class SnapshotBenchmark
{
    private static readonly GeoNetworkOptions Options = new()
    {
        Links = 1_000_000,
        Innovators = 50_000,
        WorldRegions = 6,
        CountriesPerWorldRegion = 10,
        ProvincesPerCountry = 10,
        CitiesPerProvince = 20,
    };

    private string _dir = string.Empty;
    private string _snapshot = string.Empty;
    private IReadOnlyList<string> _csv = [];
    private GlocalNetwork _network = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "glocal-snapshot-bench-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(_dir);
        _network = GeoNetworkGenerator.Generate(Options);
        _csv = GlocalCsvWriter.Write(_network, _dir);
        _snapshot = Path.Combine(_dir, "geo-1m" + GlocalNetworkSnapshot.Extension);
        _network.Save(_snapshot);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    /// <summary>Parses regions.csv, innovators.csv and links.csv of the same network (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public GlocalNetwork LoadCsv() => GlocalCsv.Load(_csv[2], _csv[1], _csv[0]).Network;

    /// <summary>Loads the snapshot.</summary>
    [Benchmark]
    public GlocalNetwork LoadSnapshot() => GlocalNetworkSnapshot.Load(_snapshot);

    /// <summary>Saves the snapshot (to a second file).</summary>
    [Benchmark]
    public long SaveSnapshot()
    {
        var path = Path.Combine(_dir, "save" + GlocalNetworkSnapshot.Extension);
        _network.Save(path);
        return new FileInfo(path).Length;
    }

    /// <summary>Generates the network through the stream builder and builds it.</summary>
    [Benchmark]
    public GlocalNetwork GenerateAndBuild() => GeoNetworkGenerator.Generate(Options);
}
