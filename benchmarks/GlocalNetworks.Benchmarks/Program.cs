using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using GlocalNetworks.Benchmarks;

// Inputs: benchmarks/prepare-data.sh writes them to scratch/ (or to $GLOCAL_BENCH_DATA); see docs/performance.md.
//   dotnet run -c Release --project benchmarks/GlocalNetworks.Benchmarks -- --filter '*' --job short
//   dotnet run -c Release --project benchmarks/GlocalNetworks.Benchmarks -- footprint 1m [repeats]
//   dotnet run -c Release --project benchmarks/GlocalNetworks.Benchmarks -- phases 1m [repeats]
//   dotnet run -c Release --project benchmarks/GlocalNetworks.Benchmarks -- spmv 1 2   (PageRank iterations on ba-1m)
//   dotnet run -c Release --project benchmarks/GlocalNetworks.Benchmarks -- sidebyside pagerank 5m [repeats] [1,2]
//     (one metric, best-of-N wall time per thread count, as JSON; driven by benchmarks/igraph/side_by_side.py)
if (args.Length > 0 && string.Equals(args[0], "footprint", StringComparison.Ordinal))
{
    return Footprint.Run(args.AsSpan(1));
}

if (args.Length > 0 && string.Equals(args[0], "phases", StringComparison.Ordinal))
{
    return GlocalNetworks.Benchmarks.IO.LoadPhases.Run(args.AsSpan(1));
}

if (args.Length > 0 && string.Equals(args[0], "spmv", StringComparison.Ordinal))
{
    return GlocalNetworks.Benchmarks.Kernels.SpMVQuick.Run(args.AsSpan(1));
}

if (args.Length > 0 && string.Equals(args[0], "sidebyside", StringComparison.Ordinal))
{
    return SideBySide.Run(args.AsSpan(1));
}

// Min and Median next to the Mean: the reference machine is a shared 2-core VM, and the minimum is the least noisy figure.
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min, StatisticColumn.Median);
BenchmarkSwitcher.FromAssembly(typeof(BenchData).Assembly).Run(args, config);
return 0;
