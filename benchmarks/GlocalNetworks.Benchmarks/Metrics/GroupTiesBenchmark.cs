using System.Threading;
using BenchmarkDotNet.Attributes;
using GlocalNetworks.Kernels;

namespace GlocalNetworks.Benchmarks.Metrics;

/// <summary>
/// The kernel of <c>ei-index</c> on the seeded Barabasi-Albert graphs with 100 synthetic groups (node index mod 100, and
/// every 97th node ungrouped): one E-I count (network, groups, nodes) and 100 replicates of the label permutation test.
/// </summary>
[MemoryDiagnoser]
public class GroupTiesBenchmark
{
    private CsrGraph _graph = null!;
    private int[] _group = [];
    private CompactTies _ties = null!;

    /// <summary>The number of links: 50k (ba-10k.csv), 500k (ba-100k.csv).</summary>
    [Params("50k", "500k")]
    public string Links { get; set; } = "500k";

    /// <summary>The degree of parallelism of the permutation test (the results are bit-identical for any value).</summary>
    [Params(1, 2)]
    public int Threads { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        var (s, t, n) = BenchData.ReadEdges(BenchData.PathOf(Links));
        var w = new double[s.Length];
        for (var k = 0; k < w.Length; k++)
        {
            w[k] = 1 + (k % 3);
        }

        _graph = CsrGraph.Build(s, t, w, n, directed: false, ParallelLinkPolicy.Sum, SelfLoopPolicy.Reject);
        _group = new int[n];
        for (var v = 0; v < n; v++)
        {
            _group[v] = v % 97 == 0 ? -1 : v % 100;
        }

        _ties = GroupTies.Compact(_graph, _group, undirected: true);
    }

    /// <summary>E and I for the network, every group and every node.</summary>
    [Benchmark(Baseline = true)]
    public double Count() => GroupTies.Count(_graph, _group, 100, TieOwner.Both, internalPerEnd: false).ExternalWeight;

    /// <summary>100 replicates of the permutation test.</summary>
    [Benchmark]
    public double Permute100() => GroupTies.Permute(_ties, 100, 42, Threads, CancellationToken.None, null).Count[0];
}
