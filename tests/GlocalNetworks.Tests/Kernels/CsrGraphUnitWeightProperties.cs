using System;
using FsCheck.Xunit;
using GlocalNetworks.Kernels;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Kernels;

/// <summary>Links that all weigh 1 take the build that moves no weights: the graph is the one weights of 2, halved, give
/// (every policy, loops kept, both directions), and counting multiplicities without weights gives the same weights.</summary>
public sealed class CsrGraphUnitWeightProperties
{
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
