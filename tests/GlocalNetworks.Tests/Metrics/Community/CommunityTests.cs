using System;
using System.Collections.Generic;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Community;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Metrics.Community;

/// <summary>Louvain, Leiden and modularity: planted partitions, canonical labels, determinism across thread counts, edge cases.</summary>
public sealed class CommunityTests
{
    /// <summary>Four 8-cliques joined in a ring by single links.</summary>
    private static GraphSpec Cliques(int count = 4, int size = 8)
    {
        var edges = new List<(int, int, double)>();
        for (var c = 0; c < count; c++)
        {
            for (var i = 0; i < size; i++)
            {
                for (var j = i + 1; j < size; j++)
                {
                    edges.Add(((c * size) + i, (c * size) + j, 1.0));
                }
            }

            edges.Add(((c * size) + size - 1, (((c + 1) % count) * size) % (count * size), 1.0));
        }

        return new GraphSpec(count * size, edges);
    }

    private static double[] Labels(NodeTable t) => t.Column().ToArray();

    [Fact]
    public void Louvain_PlantedCliques_RecoversEachClique()
    {
        var t = new LouvainMetric().Compute(new MetricContext(Cliques().ToNetwork()), new LouvainOptions());
        var labels = Labels(t);
        for (var v = 0; v < labels.Length; v++)
        {
            Assert.Equal(v / 8, labels[v]);
        }

        Assert.Equal("4", t.Properties["communities"]);
        Assert.Equal("42", t.Properties["seed"]);
    }

    [Fact]
    public void Leiden_PlantedCliques_RecoversEachClique()
    {
        var t = new LeidenMetric().Compute(new MetricContext(Cliques().ToNetwork()), new LeidenOptions());
        var labels = Labels(t);
        for (var v = 0; v < labels.Length; v++)
        {
            Assert.Equal(v / 8, labels[v]);
        }

        // Q = Σ_c [L_c/m - (d_c/2m)²] with L_c = 29 (28 inside + none of the ring links), m = 116, d_c = 58.
        Assert.Equal((4 * 28.0 / 116) - (4 * Math.Pow(58.0 / 232, 2)), ResultProperty.Of(t, "modularity"), 12);
    }

    [Theory]
    [InlineData(60, 0.1, 5UL)]
    [InlineData(1500, 0.004, 9UL)]
    public void Louvain_ThreadCounts_SamePartition(int n, double p, ulong seed)
    {
        var g = GraphSpec.Gnp(n, p, seed);
        var net = g.ToNetwork();
        var one = Labels(new LouvainMetric().Compute(new MetricContext(net, 7, maxDegreeOfParallelism: 1), new LouvainOptions()));
        var two = Labels(new LouvainMetric().Compute(new MetricContext(net, 7, maxDegreeOfParallelism: 2), new LouvainOptions()));
        var eight = Labels(new LouvainMetric().Compute(new MetricContext(net, 7, maxDegreeOfParallelism: 8), new LouvainOptions()));
        Assert.Equal(one, two);
        Assert.Equal(one, eight);
    }

    [Theory]
    [InlineData(60, 0.1, 5UL)]
    [InlineData(1500, 0.004, 9UL)]
    public void Leiden_ThreadCounts_SamePartition(int n, double p, ulong seed)
    {
        var net = GraphSpec.Gnp(n, p, seed).ToNetwork();
        var one = Labels(new LeidenMetric().Compute(new MetricContext(net, 7, maxDegreeOfParallelism: 1), new LeidenOptions()));
        var two = Labels(new LeidenMetric().Compute(new MetricContext(net, 7, maxDegreeOfParallelism: 2), new LeidenOptions()));
        var eight = Labels(new LeidenMetric().Compute(new MetricContext(net, 7, maxDegreeOfParallelism: 8), new LeidenOptions()));
        Assert.Equal(one, two);
        Assert.Equal(one, eight);
    }

    [Fact]
    public void Louvain_SameSeed_SamePartitionOtherSeedsStillGood()
    {
        var net = OracleFixture.Load("networkx", "lesmis").ToNetwork();
        var a = new LouvainMetric().Compute(new MetricContext(net, 3), new LouvainOptions());
        var b = new LouvainMetric().Compute(new MetricContext(net, 3), new LouvainOptions());
        Assert.Equal(Labels(a), Labels(b));
        Assert.Equal(a.Properties["modularity"], b.Properties["modularity"]);
        Assert.Equal("3", a.Properties["seed"]);
    }

    [Fact]
    public void Louvain_Labels_CanonicalBySmallestInnovator()
    {
        var labels = Labels(new LouvainMetric().Compute(new MetricContext(OracleFixture.Load("networkx", "gnp60").ToNetwork()), new LouvainOptions()));
        var next = 0.0;
        foreach (var l in labels)
        {
            Assert.True(l <= next, "a label appears before every smaller one");
            if (l == next)
            {
                next++;
            }
        }

        Assert.Equal(0, labels[0]);
    }

    [Fact]
    public void Leiden_Communities_AreConnected()
    {
        foreach (var g in new[] { GraphSpec.Gnp(300, 0.015, 4), GraphSpec.Gnp(60, 0.1, 8) })
        {
            var net = g.ToNetwork();
            var ctx = new MetricContext(net);
            var labels = Labels(new LeidenMetric().Compute(ctx, new LeidenOptions()));
            var csr = ctx.Graph(GraphView.UndirectedUnweighted);
            var k = (int)Max(labels) + 1;
            for (var c = 0; c < k; c++)
            {
                // Breadth-first search inside community c from its first node must reach all of it.
                var start = Array.IndexOf(labels, (double)c);
                var seen = new HashSet<int> { start };
                var queue = new Queue<int>();
                queue.Enqueue(start);
                while (queue.Count > 0)
                {
                    foreach (var w in csr.Neighbors(queue.Dequeue()))
                    {
                        if (labels[w] == c && seen.Add(w))
                        {
                            queue.Enqueue(w);
                        }
                    }
                }

                var size = 0;
                foreach (var l in labels)
                {
                    size += l == c ? 1 : 0;
                }

                Assert.Equal(size, seen.Count);
            }
        }
    }

    [Fact]
    public void Louvain_MaxLevel_StopsEarlyAndRecordsLevels()
    {
        var net = OracleFixture.Load("networkx", "lesmis").ToNetwork();
        var one = new LouvainMetric().Compute(new MetricContext(net), new LouvainOptions { MaxLevel = 1 });
        var all = new LouvainMetric().Compute(new MetricContext(net), new LouvainOptions());
        Assert.Equal("1", one.Properties["levels"]);
        Assert.True(int.Parse(all.Properties["levels"], System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.True(ResultProperty.Of(all, "modularity") >= ResultProperty.Of(one, "modularity"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LouvainMetric().Compute(new MetricContext(net), new LouvainOptions { MaxLevel = 0 }));
    }

    [Fact]
    public void Louvain_Resolution_HigherGivesMoreCommunities()
    {
        var net = OracleFixture.Load("networkx", "lesmis").ToNetwork();
        var low = new LouvainMetric().Compute(new MetricContext(net), new LouvainOptions { Resolution = 0.3 });
        var high = new LouvainMetric().Compute(new MetricContext(net), new LouvainOptions { Resolution = 3 });
        Assert.True(ResultProperty.Of(high, "communities") > ResultProperty.Of(low, "communities"));
    }

    [Fact]
    public void Communities_NoLinks_SingletonsAndNaN()
    {
        var net = new GraphSpec(3, []).ToNetwork();
        var lv = new LouvainMetric().Compute(new MetricContext(net), new LouvainOptions());
        var ld = new LeidenMetric().Compute(new MetricContext(net), new LeidenOptions());
        Assert.Equal([0.0, 1, 2], Labels(lv));
        Assert.Equal([0.0, 1, 2], Labels(ld));
        Assert.Equal("NaN", lv.Properties["modularity"]);
        Assert.True(double.IsNaN(new ModularityMetric().Compute(new MetricContext(net), new ModularityOptions()).Value));
        var empty = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city").Build();
        Assert.Equal(0, new LouvainMetric().Compute(new MetricContext(empty), new LouvainOptions()).Count);
        Assert.Equal(0, new LeidenMetric().Compute(new MetricContext(empty), new LeidenOptions()).Count);
    }

    [Fact]
    public void Communities_IsolatedInnovator_StaysAlone()
    {
        var g = new GraphSpec(5, [(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 2, 1)]);
        var lv = Labels(new LouvainMetric().Compute(new MetricContext(g.ToNetwork()), new LouvainOptions()));
        var ld = Labels(new LeidenMetric().Compute(new MetricContext(g.ToNetwork()), new LeidenOptions()));
        Assert.Equal(1, Count(lv, lv[4]));
        Assert.Equal(1, Count(ld, ld[4]));
    }

    [Fact]
    public void Modularity_Default_IsTheLouvainPartitionsModularity()
    {
        var ctx = new MetricContext(OracleFixture.Load("networkx", "karate").ToNetwork());
        var q = new ModularityMetric().Compute(ctx, new ModularityOptions());
        var lv = new LouvainMetric().Compute(ctx, new LouvainOptions());
        Assert.Equal(ResultProperty.Of(lv, "modularity"), q.Value);
        Assert.Equal("louvain", q.Properties["source"]);
        Assert.Equal(lv.Properties["communities"], q["communities"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        var ql = new ModularityMetric().Compute(ctx, new ModularityOptions { Algorithm = CommunityAlgorithm.Leiden });
        var ld = new LeidenMetric().Compute(ctx, new LeidenOptions());
        Assert.Equal(ResultProperty.Of(ld, "modularity"), ql.Value);
        Assert.Equal("leiden", ql.Properties["source"]);
    }

    [Fact]
    public void Modularity_Singletons_IsMinusSumOfSquaredDegreeShares()
    {
        // Path 0-1-2: degrees 1, 2, 1, 2m = 4.
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city");
        for (var v = 0; v < 3; v++)
        {
            b.AddInnovator(GraphSpec.Name(v), "x", InnovatorKind.Other, "R", attributes: new Dictionary<string, string> { ["g"] = GraphSpec.Name(v) });
        }

        var net = b.AddLink("v0", "v1").AddLink("v1", "v2").Build();
        var r = new ModularityMetric().Compute(new MetricContext(net), new ModularityOptions { Attribute = "g" });
        Assert.Equal(-((1.0 / 16) + (4.0 / 16) + (1.0 / 16)), r.Value, 15);
        Assert.Equal(3, r["communities"]);
    }

    [Fact]
    public void Modularity_MissingAttributeAndPartitionRows_BecomeSingletons()
    {
        var b = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city")
            .AddInnovator("a", "a", InnovatorKind.Other, "R", attributes: new Dictionary<string, string> { ["g"] = "x" })
            .AddInnovator("b", "b", InnovatorKind.Other, "R", attributes: new Dictionary<string, string> { ["g"] = "x" })
            .AddInnovator("c", "c", InnovatorKind.Other, "R")
            .AddLink("a", "b").AddLink("b", "c");
        var ctx = new MetricContext(b.Build());
        var r = new ModularityMetric().Compute(ctx, new ModularityOptions { Attribute = "g" });
        Assert.Equal("1", r.Properties["unassigned"]);
        Assert.Equal(2, r["communities"]);

        // Same partition from a table with a NaN row.
        var table = new NodeTable("labels", ctx.InnovatorIds, [5.0, 5.0, double.NaN]);
        var r2 = new ModularityMetric().Compute(ctx, new ModularityOptions { Partition = table });
        Assert.Equal(r.Value, r2.Value);
        Assert.Throws<KeyNotFoundException>(() => new ModularityMetric().Compute(ctx, new ModularityOptions { Partition = table, PartitionColumn = "nope" }));
        Assert.Throws<ArgumentException>(() => new ModularityMetric().Compute(ctx, new ModularityOptions { Partition = table, Attribute = "g" }));
    }

    [Fact]
    public void Leiden_Cpm_RecordsQualityAndObjective()
    {
        var ctx = new MetricContext(Cliques().ToNetwork());
        var t = new LeidenMetric().Compute(ctx, new LeidenOptions { Objective = LeidenObjective.Cpm, Resolution = 0.5 });
        Assert.Equal("cpm", t.Properties["objective"]);

        // The cliques again: quality = (Σ 2·28 - 0.5 Σ 8²) / 2m, m = 116.
        Assert.Equal(((4 * 56.0) - (0.5 * 4 * 64)) / 232, ResultProperty.Of(t, "quality"), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LeidenMetric().Compute(ctx, new LeidenOptions { Beta = 0 }));
    }

    [Fact]
    public void Leiden_FixedIterations_RunsThatMany()
    {
        var t = new LeidenMetric().Compute(new MetricContext(OracleFixture.Load("networkx", "lesmis").ToNetwork()), new LeidenOptions { Iterations = 1 });
        Assert.Equal("1", t.Properties["iterations"]);
    }

    [Fact]
    public void Louvain_Cancelled_Throws()
    {
        using var cts = new System.Threading.CancellationTokenSource();
        cts.Cancel();
        var ctx = new MetricContext(Cliques().ToNetwork(), cancellationToken: cts.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => new LouvainMetric().Compute(ctx, new LouvainOptions()));
        Assert.ThrowsAny<OperationCanceledException>(() => new LeidenMetric().Compute(ctx, new LeidenOptions()));
    }

    [Fact]
    public void Family_ListsAndHandles_Ids()
    {
        var ids = new List<string>();
        foreach (var m in CommunityFamily.Create())
        {
            ids.Add(m.Id);
        }

        Assert.Equal(["modularity", "louvain", "leiden"], ids);
        Assert.Equal("louvain", StandardMetrics.Louvain.Id);
        Assert.Equal("leiden", StandardMetrics.Leiden.Id);
        Assert.Equal("modularity", StandardMetrics.Modularity.Id);
    }

    private static double Max(double[] values)
    {
        var m = double.NegativeInfinity;
        foreach (var v in values)
        {
            m = Math.Max(m, v);
        }

        return m;
    }

    private static int Count(double[] values, double x)
    {
        var k = 0;
        foreach (var v in values)
        {
            k += v == x ? 1 : 0;
        }

        return k;
    }
}
