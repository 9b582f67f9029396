using System;
using System.Linq;
using System.Text.Json;
using GlocalNetworks.Metrics;
using GlocalNetworks.Metrics.Paths;
using GlocalNetworks.Model;
using Xunit;
using static GlocalNetworks.Tests.Metrics.Paths.PathsTestGraphs;

namespace GlocalNetworks.Tests.Metrics.Paths;

public sealed class DistanceMetricsTests
{
    private static ScalarResult Diameter(GlocalNetwork net, DiameterOptions? o = null, int? dop = null, ulong seed = 42) =>
        new DiameterMetric().Compute(new MetricContext(net, seed, dop), (o ?? new DiameterOptions()) with { Disconnected = DisconnectedPolicy.LargestComponent });

    private static ScalarResult Average(GlocalNetwork net, AverageShortestPathOptions? o = null, int? dop = null, ulong seed = 42) =>
        new AverageShortestPathMetric().Compute(new MetricContext(net, seed, dop), (o ?? new AverageShortestPathOptions()) with { Disconnected = DisconnectedPolicy.LargestComponent });

    [Fact]
    public void PathGraph_ValuesByHand()
    {
        // P5: diameter 4; ordered-pair distances sum to 2 · (4·1 + 3·2 + 2·3 + 1·4) = 40 over 20 pairs: 2.
        var net = Network(5, Path(5));

        Assert.Equal(4, Diameter(net).Value);
        Assert.Equal(2, Average(net).Value);
        Assert.Equal("true", Diameter(net).Properties["connected"]);
        Assert.Equal("whole network (connected)", Diameter(net).Properties["scope"]);
        Assert.Equal("diameter", DiameterMetric.MetricId);
        Assert.Equal("average-shortest-path", AverageShortestPathMetric.MetricId);
    }

    [Fact]
    public void Disconnected_LargestComponentOnly_Recorded()
    {
        // P4 (0..3) + triangle (4, 5, 6) + isolated 7: the largest component is the path.
        var net = Network(8, [.. Path(4), (4, 5, 1.0), (5, 6, 1.0), (4, 6, 1.0)]);

        var d = Diameter(net);
        var a = Average(net);

        Assert.Equal(3, d.Value);
        Assert.Equal(20.0 / 12, a.Value, 15); // P4: 2 · (3·1 + 2·2 + 1·3) = 20 over 12 pairs
        Assert.Equal(4, d["component-size"]);
        Assert.Equal(0.5, d["component-share"]);
        Assert.Equal(3, d["components"]);
        Assert.Equal("false", d.Properties["connected"]);
        Assert.Equal("largest connected component", a.Properties["scope"]);
        Assert.Equal("3", a.Properties["components"]);
    }

    [Fact]
    public void Disconnected_DefaultThrows_NamingComponentsAndTheOption()
    {
        // As networkx: diameter and average_shortest_path_length raise on a disconnected graph.
        var net = Network(8, [.. Path(4), (4, 5, 1.0), (5, 6, 1.0), (4, 6, 1.0)]);
        var ctx = new MetricContext(net);

        var d = Assert.Throws<DisconnectedGraphException>(() => new DiameterMetric().Compute(ctx, new DiameterOptions()));
        var a = Assert.Throws<DisconnectedGraphException>(() => ((IMetric)new AverageShortestPathMetric()).Compute(ctx, null));

        Assert.Equal(3, d.Components);
        Assert.Equal(4, d.Largest);
        Assert.Equal("average-shortest-path", a.MetricId);
        Assert.Contains("3 components (the largest holds 4 of 8 innovators)", d.Message);
        Assert.Contains("DisconnectedPolicy.LargestComponent", a.Message);
    }

    [Fact]
    public void Directed_LargestStronglyConnectedComponent()
    {
        // Cycle 0→1→2→0 plus a tail 2→3→4: SCC {0,1,2}, distances 1 and 2 each way: diameter 2, mean 9/6.
        var net = Network(5, [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 1.0), (3, 4, 1.0)], directed: true);

        var d = Diameter(net);

        Assert.Equal(2, d.Value);
        Assert.Equal(1.5, Average(net).Value);
        Assert.Equal(3, d["component-size"]);
        Assert.Equal("largest strongly connected component", d.Properties["scope"]);
    }

    [Fact]
    public void EmptySingleAndIsolated()
    {
        var empty = GlocalNetwork.CreateBuilder().AddRegion("R", "R", "city").Build();

        Assert.True(double.IsNaN(Diameter(empty).Value));
        Assert.True(double.IsNaN(Average(empty).Value));
        Assert.Equal("empty network", Diameter(empty).Properties["scope"]);
        Assert.Equal(0, Diameter(Network(1, [])).Value);
        Assert.Equal(0, Average(Network(3, [])).Value);
        Assert.Equal(3, Average(Network(3, []))["components"]);
    }

    [Fact]
    public void Weighted_UsesLengths()
    {
        // 0 -1- 1 -1- 2 and 0 -5- 2: weighted diameter 2 (via 1), mean (1 + 2 + 1) · 2 / 6.
        var net = Network(3, [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 5.0)]);

        Assert.Equal(2, Diameter(net, new DiameterOptions { Weighted = true }).Value);
        Assert.Equal(1, Diameter(net).Value);
        Assert.Equal(4.0 / 3, Average(net, new AverageShortestPathOptions { Weighted = true }).Value, 15);
    }

    [Fact]
    public void Sampled_SeededLowerBoundAndEstimate_Recorded()
    {
        var edges = Gnp(200, 0.03, 21);
        var net = Network(200, edges);
        var exactD = Diameter(net).Value;
        var exactA = Average(net).Value;

        var d = Diameter(net, new DiameterOptions { Samples = 20 }, seed: 3);
        var a = Average(net, new AverageShortestPathOptions { Samples = 20 }, seed: 3);

        Assert.True(d.Value <= exactD);
        Assert.True(d.Value >= exactD / 2); // an eccentricity is at least half the diameter
        Assert.InRange(a.Value, exactA * 0.8, exactA * 1.2);
        Assert.Equal("true", d.Properties["sampled"]);
        Assert.Equal("3", d.Properties["seed"]);
        Assert.Equal("20", a.Properties["samples"]);
        Assert.Equal(20, JsonSerializer.Deserialize<string[]>(a.Properties["sampled-sources"])!.Distinct().Count());
        Assert.Equal(a.Value, Average(net, new AverageShortestPathOptions { Samples = 20 }, seed: 3).Value);
        Assert.Equal(exactA, Average(net, new AverageShortestPathOptions { Samples = 10_000 }).Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => Diameter(net, new DiameterOptions { Samples = -1 }));
    }

    [Theory]
    [InlineData(false, false, null)]
    [InlineData(true, true, null)]
    [InlineData(false, true, 40)]
    public void Parallelism_OneVersusEight_BitIdentical(bool directed, bool weighted, int? samples)
    {
        var net = Network(300, Gnp(300, 0.03, 23, directed, maxWeight: 7), directed);

        var a1 = Average(net, new AverageShortestPathOptions { Weighted = weighted, Samples = samples }, 1);
        var a8 = Average(net, new AverageShortestPathOptions { Weighted = weighted, Samples = samples }, 8);
        var d1 = Diameter(net, new DiameterOptions { Weighted = weighted, Samples = samples }, 1);
        var d8 = Diameter(net, new DiameterOptions { Weighted = weighted, Samples = samples }, 8);

        Assert.Equal(BitConverter.DoubleToInt64Bits(a1.Value), BitConverter.DoubleToInt64Bits(a8.Value));
        Assert.Equal(BitConverter.DoubleToInt64Bits(d1.Value), BitConverter.DoubleToInt64Bits(d8.Value));
    }
}
