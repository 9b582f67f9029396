using System;
using FsCheck.Xunit;
using GlocalNetworks.Kernels;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Kernels;

/// <summary>The shortcuts of the CSR build give the general build's graph exactly. Links that all weigh 1 move no weights:
/// the graph is the one weights of 2, halved, give (every policy, loops kept, both directions), and counting multiplicities
/// without weights gives the same weights. Links sorted by (source, target) skip a sort: same offsets, targets, weights
/// (bit for bit, parallel weights summed in the same order), edge and loop counts.</summary>
public sealed class CsrGraphShortcutProperties
{
    [Property(MaxTest = 300)]
    public void Build_SortedLinks_SameGraphAsTheGeneralBuild(int seed, bool directed, bool keepLoops, bool unweighted)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 1 + r.Next(15);
        var m = r.Next(5 * n);
        var keys = new long[m];
        for (var i = 0; i < m; i++)
        {
            keys[i] = ((long)r.Next(n) * n) + r.Next(n);
        }

        Array.Sort(keys);
        var s = Array.ConvertAll(keys, k => (int)(k / n));
        var t = Array.ConvertAll(keys, k => (int)(k % n));

        // Weights whose sums depend on the order of addition.
        var w = new double[m];
        for (var i = 0; i < m; i++)
        {
            w[i] = r.NextDouble() * Math.Pow(10, r.Next(12) - 6);
        }

        var loops = keepLoops ? SelfLoopPolicy.Keep : SelfLoopPolicy.Ignore;
        foreach (var policy in new[] { ParallelLinkPolicy.Sum, ParallelLinkPolicy.Max, ParallelLinkPolicy.Count, ParallelLinkPolicy.First })
        {
            var weights = unweighted ? ReadOnlySpan<double>.Empty : w;
            var sorted = CsrGraph.Build(s, t, weights, n, directed, policy, loops);
            var general = CsrGraph.BuildCore(s, t, weights, n, directed, policy, loops, useSortedInput: false);
            Assert.Equal(general.Offsets.ToArray(), sorted.Offsets.ToArray());
            Assert.Equal(general.Targets.ToArray(), sorted.Targets.ToArray());
            Assert.Equal(Array.ConvertAll(general.AllWeights.ToArray(), BitConverter.DoubleToInt64Bits),
                Array.ConvertAll(sorted.AllWeights.ToArray(), BitConverter.DoubleToInt64Bits));
            Assert.Equal((general.EdgeCount, general.SelfLoopCount, general.IsWeighted), (sorted.EdgeCount, sorted.SelfLoopCount, sorted.IsWeighted));
        }
    }

    [Property(MaxTest = 200)]
    public void Build_AllWeightsOne_SameGraphAsTheWeightedBuild(int seed, bool directed)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var n = 1 + r.Next(20);
        var m = r.Next(4 * n);
        var s = new int[m];
        var t = new int[m];
        for (var i = 0; i < m; i++)
        {
            s[i] = r.Next(n);
            t[i] = r.Next(n);
        }

        var ones = new double[m];
        Array.Fill(ones, 1.0);
        var twos = new double[m];
        Array.Fill(twos, 2.0);
        foreach (var policy in new[] { ParallelLinkPolicy.Sum, ParallelLinkPolicy.Max, ParallelLinkPolicy.Count, ParallelLinkPolicy.First })
        {
            var unit = CsrGraph.Build(s, t, ones, n, directed, policy, SelfLoopPolicy.Keep);
            var reference = CsrGraph.Build(s, t, twos, n, directed, policy, SelfLoopPolicy.Keep);
            Assert.Equal(reference.Offsets.ToArray(), unit.Offsets.ToArray());
            Assert.Equal(reference.Targets.ToArray(), unit.Targets.ToArray());
            var expected = reference.AllWeights.ToArray();
            if (policy != ParallelLinkPolicy.Count)
            {
                expected = Array.ConvertAll(expected, w => w / 2);
            }

            Assert.Equal(expected, unit.AllWeights.ToArray());
            Assert.Equal((reference.EdgeCount, reference.SelfLoopCount), (unit.EdgeCount, unit.SelfLoopCount));
        }

        var counted = CsrGraph.Build(s, t, ReadOnlySpan<double>.Empty, n, directed, ParallelLinkPolicy.Count, SelfLoopPolicy.Ignore);
        var summed = CsrGraph.Build(s, t, ones, n, directed, ParallelLinkPolicy.Sum, SelfLoopPolicy.Ignore);
        Assert.Equal(summed.AllWeights.ToArray(), counted.AllWeights.ToArray());
        Assert.Equal(summed.Targets.ToArray(), counted.Targets.ToArray());
    }
}
