using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using GlocalNetworks.NullModels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// One replicate of each null model on a seeded random network (Erdős–Rényi ties among n = links / 5 innovators spread over
/// 40 cities in 8 countries): the double-edge swap kernel alone (10 swaps per tie, as the default), the whole
/// degree-preserving replicate (swaps plus rebuilding the link table and its scales), and a location shuffle.
/// Generated in setup, so no input file is needed.
/// </summary>
[MemoryDiagnoser]
public class NullModelBenchmark
{
    private GlocalNetwork _network = null!;
    private int[] _u = null!;
    private int[] _v = null!;

    /// <summary>The number of links (all distinct undirected ties).</summary>
    [Params(10_000, 100_000)]
    public int Links { get; set; } = 100_000;

    [GlobalSetup]
    public void Setup()
    {
        var n = Links / 5;
        var b = GlocalNetwork.CreateBuilder().AddRegion("w", "World", "world").AddRegion("eu", "Europe", "world-region", "w");
        for (var c = 0; c < 8; c++)
        {
            var country = "C" + c.ToString(CultureInfo.InvariantCulture);
            b.AddRegion(country, country, "country", "eu");
            for (var k = 0; k < 5; k++)
            {
                var city = country + "-" + k.ToString(CultureInfo.InvariantCulture);
                b.AddRegion(city, city, "city", country);
            }
        }

        var rng = new DeterministicRandom(7);
        for (var i = 0; i < n; i++)
        {
            var city = "C" + rng.NextInt(8).ToString(CultureInfo.InvariantCulture) + "-" + rng.NextInt(5).ToString(CultureInfo.InvariantCulture);
            b.AddInnovator("i" + i.ToString(CultureInfo.InvariantCulture), "x", InnovatorKind.Firm, city);
        }

        var seen = new HashSet<long>();
        _u = new int[Links];
        _v = new int[Links];
        for (var e = 0; e < Links;)
        {
            var s = rng.NextInt(n);
            var t = rng.NextInt(n);
            if (s == t || !seen.Add(s < t ? ((long)s << 32) | (uint)t : ((long)t << 32) | (uint)s))
            {
                continue;
            }

            _u[e] = s;
            _v[e] = t;
            e++;
            b.AddLink("i" + s.ToString(CultureInfo.InvariantCulture), "i" + t.ToString(CultureInfo.InvariantCulture), LinkKind.JointProject, 1.0, 2000 + (e % 10));
        }

        _network = b.Build();
    }

    /// <summary>10 · m double-edge swaps on the bare edge arrays.</summary>
    [Benchmark]
    public long SwapKernel()
    {
        var u = (int[])_u.Clone();
        var v = (int[])_v.Clone();
        return DoubleEdgeSwap.Run(u, v, false, 10L * Links, 100L * Links, new DeterministicRandom(42, 1), CancellationToken.None).Swaps;
    }

    /// <summary>One degree-preserving replicate: swaps, then the link table rebuilt and its scales reclassified.</summary>
    [Benchmark]
    public int DegreePreservingReplicate() => NullModel.DegreePreserving.Sample(_network, 42, 1).Network.Links.Count;

    /// <summary>One location-shuffle replicate: a permutation of homes and the scales reclassified.</summary>
    [Benchmark]
    public int LocationShuffleReplicate() => NullModel.LocationShuffle.Sample(_network, 42, 1).Network.Links.Count;
}
