using System;
using FsCheck.Xunit;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Clustering;
using GlocalNetworks.Tests.Metrics.Centrality;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Metrics.Clustering;

/// <summary>Laws of the clustering family on seeded random networks.</summary>
public sealed class ClusteringProperties
{
    private static (GlocalNetworks.Model.GlocalNetwork Net, int[] Order) RandomCase(int seed, bool directed)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 1 + r.Next(25);
        var net = SpectralFixtures.Random((ulong)(uint)seed * 17 + 3, n, 0.1 + (0.6 * r.NextDouble()), directed);
        return (net, new TestRandom((ulong)(uint)seed).Permutation(n));
    }

    [Property(MaxTest = 150)]
    public bool Clustering_Relabelling_PermutesValues(int seed, bool directed, bool weighted)
    {
        var (net, order) = RandomCase(seed, directed);
        var o = new ClusteringOptions { Weighted = weighted };
        var a = new ClusteringMetric().Compute(new MetricContext(net), o);
        var b = new ClusteringMetric().Compute(new MetricContext(SpectralFixtures.Relabel(net, order)), o);
        for (var i = 0; i < a.Count; i++)
        {
            if (!(Math.Abs(a[i] - b["v" + a.Ids[i]]) <= 1e-14))
            {
                return false;
            }
        }

        var ta = new TransitivityMetric().Compute(new MetricContext(net), new TransitivityOptions()).Value;
        var tb = new TransitivityMetric().Compute(new MetricContext(SpectralFixtures.Relabel(net, order)), new TransitivityOptions()).Value;
        return ta == tb;
    }

    [Property(MaxTest = 150)]
    public bool Clustering_IsBetweenZeroAndOne(int seed, bool directed, bool weighted)
    {
        var (net, _) = RandomCase(seed, directed);
        foreach (var c in new ClusteringMetric().Compute(new MetricContext(net), new ClusteringOptions { Weighted = weighted }).Column())
        {
            if (!(c >= 0 && c <= 1 + 1e-12))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 150)]
    public bool Triangles_MatchBruteForce(int seed)
    {
        var (net, _) = RandomCase(seed, directed: false);
        var ctx = new MetricContext(net);
        var g = ctx.Graph(GlocalNetworks.Kernels.GraphView.UndirectedUnweighted);
        var counts = GlocalNetworks.Kernels.Triangles.PerNode(g, null, 4, default);
        var n = g.NodeCount;
        for (var i = 0; i < n; i++)
        {
            var brute = 0;
            for (var j = 0; j < n; j++)
            {
                for (var k = j + 1; k < n; k++)
                {
                    if (g.WeightOf(i, j) > 0 && g.WeightOf(i, k) > 0 && g.WeightOf(j, k) > 0)
                    {
                        brute++;
                    }
                }
            }

            if (counts[i] != brute)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 20)]
    public bool CompleteGraph_TransitivityAndClusteringAreOne(int size)
    {
        var n = 3 + (Math.Abs(size % 12));
        var ctx = new MetricContext(SpectralFixtures.Complete(n));
        var t = new TransitivityMetric().Compute(ctx, new TransitivityOptions()).Value;
        var avg = new AverageClusteringMetric().Compute(ctx, new AverageClusteringOptions()).Value;
        var ok = t == 1 && avg == 1;
        foreach (var c in new ClusteringMetric().Compute(ctx, new ClusteringOptions { Weighted = true }).Column())
        {
            ok &= Math.Abs(c - 1) < 1e-15;
        }

        return ok;
    }
}
