using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Comparison;
using GlocalNetworks.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace GlocalNetworks.Benchmarks.Comparison;

/// <summary>
/// MRQAP with double semi-partialling (<see cref="Qap.Mrqap"/>) and the QAP correlation on seeded dense region × region
/// matrices: 500 regions, directed (249,500 dyads), an intercept and two covariates, 1,000 permutations per term (issue 6:
/// "well under a minute"). <see cref="Threads"/> is the degree of parallelism; the result is bit-identical at any value.
/// </summary>
[MemoryDiagnoser]
public class MrqapBenchmark
{
    private Matrix<double> _y = null!;
    private Matrix<double> _x1 = null!;
    private Matrix<double> _x2 = null!;

    /// <summary>The number of regions.</summary>
    [Params(500)]
    public int Regions { get; set; } = 500;

    /// <summary>The degree of parallelism.</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    /// <summary>Seeded matrices: x1, x2 uniform; y = 0.3 x1 + 0.1 x2 + noise.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new DeterministicRandom(7);
        var n = Regions;
        _x1 = Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? 0 : rng.NextDouble());
        _x2 = Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? 0 : rng.NextDouble());
        _y = Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? 0 : (0.3 * _x1[i, j]) + (0.1 * _x2[i, j]) + rng.NextDouble());
    }

    /// <summary>MRQAP, 3 terms × 1,000 permutations.</summary>
    [Benchmark(Baseline = true)]
    public MrqapResult Mrqap1000() =>
        Qap.Mrqap(_y, new List<Matrix<double>> { _x1, _x2 }, new MrqapOptions { Permutations = 1000 }, Threads);

    /// <summary>QAP correlation, 1,000 permutations.</summary>
    [Benchmark]
    public QapResult Correlation1000() => Qap.Correlation(_x1, _y, new QapOptions { Permutations = 1000 }, Threads);
}
