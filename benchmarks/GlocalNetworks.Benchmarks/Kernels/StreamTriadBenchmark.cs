using System;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace GlocalNetworks.Benchmarks.Kernels;

/// <summary>
/// A STREAM-style triad <c>a[i] = b[i] + s · c[i]</c> over three 512 MiB arrays, the machine's memory bandwidth measured
/// in the same session as the SpMV (<see cref="SpMVBandwidthBenchmark"/>). Bytes counted as STREAM does: 24 per element
/// (two reads, one write; the write-allocate read is not counted), so GB/s = 3 · 8 · 2^26 / time. The arrays are cut
/// into <see cref="Threads"/> equal slices, one per thread.
/// </summary>
public class StreamTriadBenchmark
{
    /// <summary>Elements per array: 2^26 doubles = 512 MiB, far beyond the caches.</summary>
    public const int Length = 1 << 26;

    /// <summary>The bytes one triad moves (STREAM counting).</summary>
    public const double Bytes = 3.0 * sizeof(double) * Length;

    private double[] _a = [];
    private double[] _b = [];
    private double[] _c = [];

    /// <summary>The number of threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        _a = new double[Length];
        _b = new double[Length];
        _c = new double[Length];
        Array.Fill(_b, 2.0);
        Array.Fill(_c, 0.5);
    }

    /// <summary>One triad over the whole arrays.</summary>
    [Benchmark]
    public double Triad()
    {
        if (Threads <= 1)
        {
            Slice(0, Length);
        }
        else
        {
            var t = Threads;
            Parallel.For(0, t, new ParallelOptions { MaxDegreeOfParallelism = t }, i => Slice((int)((long)Length * i / t), (int)((long)Length * (i + 1) / t)));
        }

        return _a[Length / 2];
    }

    private void Slice(int from, int to)
    {
        const double s = 3.0;
        var a = MemoryMarshal.Cast<double, Vector<double>>(_a.AsSpan(from, to - from));
        var b = MemoryMarshal.Cast<double, Vector<double>>(_b.AsSpan(from, to - from));
        var c = MemoryMarshal.Cast<double, Vector<double>>(_c.AsSpan(from, to - from));
        var sv = new Vector<double>(s);
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = b[i] + (sv * c[i]);
        }
    }
}
