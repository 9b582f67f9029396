using System.Globalization;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Interop;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using nietras.SeparatedValues;

namespace GlocalNetworks.Benchmarks.IO;

/// <summary>
/// Loads a <c>source,target</c> links CSV (seeded Barabasi-Albert graph, no innovators or regions file, so the link ends
/// become innovators) into a <see cref="GlocalNetwork"/>, with and without building its CSR graph. The baseline is the
/// bare Sep parse of the same file with the loader's reader options (two integer cells per row, nothing kept): the floor
/// any Sep-based loader pays.
/// </summary>
[MemoryDiagnoser]
public class CsvLoadBenchmark
{
    private string _path = string.Empty;

    /// <summary>The number of links: 500k (ba-100k.csv), 1m (first million links of ba-1m.csv), 5m (ba-1m.csv).</summary>
    [Params("500k", "1m", "5m")]
    public string Links { get; set; } = "1m";

    [GlobalSetup]
    public void Setup()
    {
        _path = BenchData.PathOf(Links);
        BenchData.WarmPageCache(_path);
    }

    /// <summary>Sep alone: read every row and parse both ids as integers.</summary>
    [Benchmark(Baseline = true)]
    public long SepParse()
    {
        long sum = 0;
        using var reader = Sep.New(',').Reader(o => o with
        {
            HasHeader = true,
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        }).FromFile(_path);
        foreach (var row in reader)
        {
            sum += row[0].Parse<int>() + row[1].Parse<int>();
        }

        return sum;
    }

    /// <summary><see cref="GlocalCsv.Load(string, string?, string?, GlocalNetworks.IO.LoadOptions?, CsvSchema?)"/>: the network snapshot.</summary>
    [Benchmark]
    public GlocalNetwork Load() => GlocalCsv.Load(_path).Network;

    /// <summary>Load, then <see cref="NetworkGraphExtensions.ToCsrGraph"/> (undirected, weighted): file to CSR.</summary>
    [Benchmark]
    public CsrGraph LoadAndBuildCsr() => GlocalCsv.Load(_path).Network.ToCsrGraph();
}
