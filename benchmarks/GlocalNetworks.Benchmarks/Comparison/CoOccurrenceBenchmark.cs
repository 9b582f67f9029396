using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Comparison;

/// <summary>
/// The sparse product C = B Bᵀ behind <c>co-occurrence</c> (<see cref="SparseGram.Multiply"/>): a seeded incidence matrix
/// of 600 technology fields × <see cref="Events"/> events (patents), each event in 1-5 fields drawn uniformly.
/// </summary>
[MemoryDiagnoser]
public class CoOccurrenceBenchmark
{
    private const int Fields = 600;
    private int[] _offsets = [];
    private int[] _indices = [];
    private double[] _values = [];

    /// <summary>The number of events.</summary>
    [Params(100_000, 1_000_000)]
    public int Events { get; set; } = 100_000;

    /// <summary>Builds B (fields × events) in CSR form from seeded (event, field) pairs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new DeterministicRandom(7);
        var eOffsets = new int[Events + 1];
        var fields = new System.Collections.Generic.List<int>();
        var seen = new bool[Fields];
        for (var e = 0; e < Events; e++)
        {
            var k = 1 + rng.NextInt(5);
            var start = fields.Count;
            for (var i = 0; i < k; i++)
            {
                var f = rng.NextInt(Fields);
                if (!seen[f])
                {
                    seen[f] = true;
                    fields.Add(f);
                }
            }

            for (var i = start; i < fields.Count; i++)
            {
                seen[fields[i]] = false;
            }

            eOffsets[e + 1] = fields.Count;
        }

        // Events × fields is Bᵀ; transpose it to B (fields × events).
        var ones = new double[fields.Count];
        System.Array.Fill(ones, 1.0);
        (_offsets, _indices, _values) = SparseGram.Transpose(Events, Fields, eOffsets, fields.ToArray(), ones);
    }

    /// <summary>C = B Bᵀ with a zero diagonal.</summary>
    [Benchmark]
    public int CoOccurrence() => SparseGram.Multiply(Fields, Events, _offsets, _indices, _values, zeroDiagonal: true).Indices.Length;
}
