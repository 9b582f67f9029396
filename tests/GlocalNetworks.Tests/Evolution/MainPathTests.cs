using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FsCheck.Xunit;
using GlocalNetworks.Evolution;
using GlocalNetworks.IO.GraphFormats;
using GlocalNetworks.Kernels;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Main path analysis (DESIGN §2.13 and §0): the two worked examples, Batagelj's augmented networks, laws, cycles.</summary>
public sealed class MainPathTests
{
    /// <summary>A citation network: innovators in the given order (with optional years), directed arcs "u>v".</summary>
    internal static GlocalNetwork Citations(IEnumerable<string> nodes, IEnumerable<string> arcs, IReadOnlyDictionary<string, int>? years = null)
    {
        var b = GlocalNetwork.CreateBuilder();
        foreach (var v in nodes)
        {
            var attrs = years is not null && years.TryGetValue(v, out var y)
                ? new Dictionary<string, string> { ["year"] = y.ToString(CultureInfo.InvariantCulture) }
                : null;
            b.AddInnovator(v, v, InnovatorKind.Other, RegionTree.ImplicitRootId, attributes: attrs);
        }

        foreach (var a in arcs)
        {
            var p = a.Split('>');
            b.AddLink(p[0], p[1], LinkKind.Citation, directed: true);
        }

        return b.Build();
    }

    private static GlocalNetwork Ag() => Citations(["A", "B", "C", "D", "E", "F", "G"],
        ["A>C", "A>F", "B>D", "B>E", "C>D", "D>G", "E>F", "E>G"]);

    private static string[] Keys(IEnumerable<MainPathArc> arcs) => arcs.Select(a => a.SourceId + ">" + a.TargetId).ToArray();

    private static GlocalNetwork Pajek(string file) => PajekReader.Read(SharedData.Path(Path.Combine("citation-pajek", file))).Network;

    [Fact]
    public void NodeCounts_WorkedExampleAG_MatchDesign()
    {
        var net = Ag();
        var g = new MetricContext(net).Graph(new GraphView { Directed = true, Weighted = false });
        var (minus, plus) = MainPathKernel.NodeCounts(g, false, false);

        Assert.Equal([1.0, 1, 1, 2, 1, 2, 3], minus);
        Assert.Equal([2.0, 3, 1, 1, 2, 1, 1], plus);
    }

    [Fact]
    public void Analyze_WorkedExampleAG_SpcPathsAndMainPaths()
    {
        var r = MainPath.Analyze(Ag());

        Assert.Equal(5, r.TotalPaths);
        var expected = new Dictionary<string, double>
        {
            ["A|C"] = 1, ["A|F"] = 1, ["B|D"] = 1, ["B|E"] = 2, ["C|D"] = 1, ["D|G"] = 2, ["E|F"] = 1, ["E|G"] = 1,
        };
        foreach (var (k, v) in expected)
        {
            Assert.Equal(v, r.Arcs[k, "count"]);
            Assert.Equal(v / 5, r.Arcs[k], 15);
        }

        Assert.Equal(["B>E", "E>F", "E>G"], Keys(r.LocalPath));
        Assert.Equal(["A>C", "C>D", "D>G"], Keys(r.GlobalPath));
        Assert.Equal(4.0 / 5, r.Network["global-weight"], 15);
        Assert.Equal(2, r.Network["sources"]);
        Assert.Equal(2, r.Network["sinks"]);
        Assert.Equal(0, r.Network["dropped-arcs"]);
        Assert.Equal(1, r.Arcs["B|E", "local"]);
        Assert.Equal(0, r.Arcs["B|E", "global"]);
        Assert.Equal(3, r.GlobalNetwork().Links.Count);
        Assert.Equal(3, r.LocalNetwork().Links.Count);
    }

    [Fact]
    public void Analyze_FirstByNodeOrder_ReturnsOneLocalPath()
    {
        var r = MainPath.Analyze(Ag(), new MainPathOptions { TieBreak = MainPathTieBreak.FirstByNodeOrder });

        Assert.Equal(["B>E", "E>F"], Keys(r.LocalPath));
        Assert.Equal(["A>C", "C>D", "D>G"], Keys(r.GlobalPath));
    }

    [Fact]
    public void Analyze_GlobalTies_KeepAllMaximalPaths()
    {
        // Two disjoint chains of equal weight: both are maximal.
        var net = Citations(["a", "b", "c", "d"], ["a>b", "c>d"]);
        var all = MainPath.Analyze(net);
        var one = MainPath.Analyze(net, new MainPathOptions { TieBreak = MainPathTieBreak.FirstByNodeOrder });

        Assert.Equal(["a>b", "c>d"], Keys(all.GlobalPath));
        Assert.Equal(["a>b"], Keys(one.GlobalPath));
        Assert.Equal(["a>b", "c>d"], Keys(all.LocalPath));
        Assert.Equal(["a>b"], Keys(one.LocalPath));
    }

    [Theory]
    [InlineData(TraversalWeight.Spc, new double[] { 3, 1, 3, 2, 1, 1, 1, 1, 2 }, 4)]
    [InlineData(TraversalWeight.Splc, new double[] { 3, 1, 6, 6, 3, 4, 4, 4, 6 }, 15)]
    [InlineData(TraversalWeight.Spnp, new double[] { 8, 2, 14, 12, 6, 8, 4, 4, 6 }, 35)]
    public void Analyze_BatageljTestNet_WeightsAsListed(TraversalWeight weight, double[] expected, double total)
    {
        string[] arcs = ["1|2", "1|6", "2|3", "3|4", "3|5", "4|6", "4|7", "5|7", "6|7"];
        var r = MainPath.Analyze(Pajek("Test.net"), new MainPathOptions { Weight = weight });

        Assert.Equal(expected, arcs.Select(a => r.Arcs[a, "count"]).ToArray());
        Assert.Equal(total, r.TotalPaths);
    }

    [Fact]
    public void Analyze_BatageljTestNet_MainPaths()
    {
        var r = MainPath.Analyze(Pajek("Test.net"));

        Assert.Equal(["1>2", "2>3", "3>4", "4>6", "4>7", "6>7"], Keys(r.LocalPath));
        Assert.Equal(["1>2", "2>3", "3>4", "4>6", "6>7"], Keys(r.GlobalPath));
        Assert.Equal(11.0 / 4, r.Network["global-weight"], 15);
        Assert.Equal(1, r.Network["sources"]);
        Assert.Equal(1, r.Network["sinks"]);
    }

    [Theory]
    [InlineData("TestSPLC.net", TraversalWeight.Splc)]
    [InlineData("TestSPNP.net", TraversalWeight.Spnp)]
    public void Analyze_AugmentedNet_PlainSpcEqualsVariant(string augmented, TraversalWeight weight)
    {
        var variant = MainPath.Analyze(Pajek("Test.net"), new MainPathOptions { Weight = weight });
        var plain = MainPath.Analyze(Pajek(augmented));

        foreach (var id in variant.Arcs.Ids)
        {
            Assert.Equal(variant.Arcs[id, "count"], plain.Arcs[id, "count"]);
        }

        Assert.Equal(plain.TotalPaths, variant.TotalPaths);
    }

    [Property(MaxTest = 60)]
    public bool Spc_IntoEveryIntermediateNode_EqualsSpcOut(int seed)
    {
        var net = RandomDag(seed, null, null);
        var r = MainPath.Analyze(net);
        var into = new Dictionary<string, double>();
        var outOf = new Dictionary<string, double>();
        var seen = new HashSet<string>();
        var links = net.Links;
        for (var l = 0; l < links.Count; l++)
        {
            var key = r.Arcs.Ids[l];
            if (!seen.Add(key))
            {
                continue;
            }

            var (u, v) = (net.Innovators.IdOf(links.Sources[l]), net.Innovators.IdOf(links.Targets[l]));
            outOf[u] = outOf.GetValueOrDefault(u) + r.Arcs[l, "count"];
            into[v] = into.GetValueOrDefault(v) + r.Arcs[l, "count"];
        }

        var sourcesOut = outOf.Where(kv => !into.ContainsKey(kv.Key)).Sum(kv => kv.Value);
        return into.Keys.Where(outOf.ContainsKey).All(v => into[v] == outOf[v]) && sourcesOut == r.TotalPaths;
    }

    [Property(MaxTest = 40)]
    public bool Analyze_RelabelledAndShuffled_SameValuesByKey(int seed)
    {
        var (n, _) = DagSpec(seed);
        var perm = Enumerable.Range(0, n).OrderBy(i => (i * 7919 + seed) % 104729).ThenBy(i => i).ToArray();
        var a = MainPath.Analyze(RandomDag(seed, null, null));
        var b = MainPath.Analyze(RandomDag(seed, i => "w" + (n - i).ToString(CultureInfo.InvariantCulture), perm));
        string Map(string key) => string.Join("|", key.Split('|').Select(s => "w" + (n - int.Parse(s[1..], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)));

        return a.Arcs.Ids.All(k => a.Arcs[k] == b.Arcs[Map(k)] && a.Arcs[k, "local"] == b.Arcs[Map(k), "local"]
                                   && a.Arcs[k, "global"] == b.Arcs[Map(k), "global"])
               && a.TotalPaths == b.TotalPaths && a.LocalPath.Count == b.LocalPath.Count && a.GlobalPath.Count == b.GlobalPath.Count;
    }

    private static (int N, List<(int U, int V)> Arcs) DagSpec(int seed)
    {
        var rng = new TestRandom((ulong)(uint)seed * 31UL + 7);
        var n = rng.Next(3, 16);
        var arcs = new List<(int, int)>();
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                if (rng.Next(0, 100) < 30)
                {
                    arcs.Add((u, v));
                }
            }
        }

        return (n, arcs);
    }

    /// <summary>A seeded random DAG (arcs from lower to higher index), with optional renaming and innovator order.</summary>
    internal static GlocalNetwork RandomDag(int seed, Func<int, string>? rename, int[]? order)
    {
        var (n, arcs) = DagSpec(seed);
        rename ??= i => "v" + i.ToString(CultureInfo.InvariantCulture);
        var nodes = Enumerable.Range(0, n).Select(k => rename(order?[k] ?? k));
        return Citations(nodes, arcs.Select(a => rename(a.U) + ">" + rename(a.V)));
    }

    [Fact]
    public void Analyze_Cycle_Throw_NamesTheCycle()
    {
        var net = Citations(["a", "b", "c", "d"], ["a>b", "b>c", "c>a", "c>d"]);

        var e = Assert.Throws<GraphNotAcyclicException>(() => MainPath.Analyze(net, new MainPathOptions { Cycles = CyclePolicy.Throw }));

        Assert.Equal(["a", "b", "c", "a"], e.Cycle);
        Assert.Equal(1, e.CyclicComponents);
        Assert.Contains("'a' -> 'b' -> 'c' -> 'a'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_CycleWithYears_DropsTheArcCitingANewerWork()
    {
        // b (2001) cites c (2002): the arc c -> b cites a newer work.
        var years = new Dictionary<string, int> { ["a"] = 2000, ["b"] = 2001, ["c"] = 2002, ["d"] = 2003 };
        var net = Citations(["a", "b", "c", "d"], ["a>b", "b>c", "c>b", "c>d"], years);

        var r = MainPath.Analyze(net);

        Assert.Equal([new DroppedArc("c", "b", DropReason.CitesNewerWork, 0)], r.DroppedArcs);
        Assert.Equal([["b", "c"]], r.CyclicComponents.Select(c => c.ToArray()).ToArray());
        Assert.True(double.IsNaN(r.Arcs["c|b"]));
        Assert.Equal(1, r.TotalPaths);
        Assert.Equal(["a>b", "b>c", "c>d"], Keys(r.GlobalPath));
        Assert.Equal(1, r.Dropped["c|b", "reason"]);
    }

    [Fact]
    public void Analyze_CycleWithoutYears_DropsLargestIndexArcUntilAcyclic()
    {
        // One component {a, b, c}: cycles a-b-a and a-b-c-a. Largest (source, target) first: c>a, then b>a.
        var net = Citations(["a", "b", "c", "d"], ["a>b", "b>a", "b>c", "c>a", "c>d"]);

        var r = MainPath.Analyze(net);

        Assert.Equal(
            [new DroppedArc("b", "a", DropReason.LargestInCycle, 0), new DroppedArc("c", "a", DropReason.LargestInCycle, 0)],
            r.DroppedArcs);
        Assert.Equal(["a>b", "b>c", "c>d"], Keys(r.GlobalPath));
        Assert.Equal(1, r.TotalPaths);
    }

    [Fact]
    public void Analyze_Scientometrics_ReportsEveryCyclicComponentAndBreaksThem()
    {
        var dir = Path.Combine(SharedData.Directory, "citation-pajek");
        var nodes = File.ReadAllLines(Path.Combine(dir, "scientometrics-nodes.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var b = GlocalNetwork.CreateBuilder();
        foreach (var f in nodes)
        {
            b.AddInnovator(f[0], f[0], InnovatorKind.Other, RegionTree.ImplicitRootId,
                attributes: new Dictionary<string, string> { ["year"] = f[^2] });
        }

        foreach (var l in File.ReadAllLines(Path.Combine(dir, "scientometrics-arcs.csv")).Skip(1))
        {
            var p = l.Split(',');
            b.AddLink(p[1], p[0], LinkKind.Citation, directed: true);   // cited -> citing
        }

        var net = b.Build();
        var r = MainPath.Analyze(net);

        Assert.Equal(8, r.CyclicComponents.Count);
        Assert.Equal(13, r.DroppedArcs.Count);
        Assert.Equal(2, r.DroppedArcs.Count(d => d.Reason == DropReason.CitesNewerWork));
        Assert.Contains(new DroppedArc("503", "326", DropReason.CitesNewerWork, r.DroppedArcs.First(d => d.SourceId == "503").Component), r.DroppedArcs);
        Assert.Equal(["543>542", "564>542", "564>555"],
            r.DroppedArcs.Where(d => d.SourceId is "543" or "564").Select(d => d.SourceId + ">" + d.TargetId).ToArray());
        Assert.True(r.TotalPaths > 0 && double.IsFinite(r.TotalPaths));
        Assert.NotEmpty(r.LocalPath);
        Assert.NotEmpty(r.GlobalPath);
        Assert.Throws<GraphNotAcyclicException>(() => MainPath.Analyze(net, new MainPathOptions { Cycles = CyclePolicy.Throw }));
        var remaining = net.SelectLinks(Enumerable.Range(0, net.Links.Count).Where(l => !double.IsNaN(r.Arcs[l])).ToArray());
        Assert.Empty(MainPath.Analyze(remaining, new MainPathOptions { Cycles = CyclePolicy.Throw }).DroppedArcs);
    }

    [Fact]
    public void Analyze_UndirectedLink_ArgumentExceptionSaysWhy()
    {
        var net = GlocalNetwork.CreateBuilder()
            .AddInnovator("a", "a", InnovatorKind.Other, RegionTree.ImplicitRootId)
            .AddInnovator("b", "b", InnovatorKind.Other, RegionTree.ImplicitRootId)
            .AddLink("a", "b")
            .Build();

        var e = Assert.Throws<ArgumentException>(() => MainPath.Analyze(net));

        Assert.Contains("'a' - 'b' is undirected", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_HugeCounts_SwitchToLogSpace()
    {
        // 1100 diamonds in a row: N = 2^1100 > 1e300; every arc carries half of the paths.
        const int k = 1100;
        var nodes = new List<string>();
        var arcs = new List<string>();
        for (var i = 0; i < k; i++)
        {
            string s = "s" + i, a = "a" + i, c = "c" + i, t = "s" + (i + 1);
            nodes.AddRange([s, a, c]);
            arcs.AddRange([s + ">" + a, s + ">" + c, a + ">" + t, c + ">" + t]);
        }

        nodes.Add("s" + k);
        var r = MainPath.Analyze(Citations(nodes, arcs));

        Assert.Equal(1, r.Network["log-space"]);
        Assert.Equal(k * Math.Log(2), r.Network["log-paths"], 9);
        Assert.True(double.IsPositiveInfinity(r.TotalPaths));
        Assert.All(r.Arcs.Column().ToArray(), v => Assert.Equal(0.5, v, 9));
        Assert.Equal(4 * k, r.LocalPath.Count);
        Assert.Equal(4 * k, r.GlobalPath.Count);
    }

    [Fact]
    public void Registry_MainPath_IsRegisteredAndMatchesStaticApi()
    {
        var net = Pajek("Test.net");
        var viaRegistry = (MainPathResult)MetricRegistry.CreateDefault().Get("main-path").Compute(new MetricContext(net), null);
        var viaFluent = net.Analyze().Compute(StandardMetrics.MainPath, o => o with { Weight = TraversalWeight.Splc }).Run().Get(StandardMetrics.MainPath);

        Assert.Equal(MainPath.Analyze(net).Arcs.Column().ToArray(), viaRegistry.Arcs.Column().ToArray());
        Assert.Equal(MainPath.Analyze(net, new MainPathOptions { Weight = TraversalWeight.Splc }).Arcs.Column().ToArray(), viaFluent.Arcs.Column().ToArray());
    }

    [Fact]
    public void Analyze_EmptyNetwork_NoPaths()
    {
        var r = MainPath.Analyze(Citations(["a", "b"], []));

        Assert.Equal(0, r.TotalPaths);
        Assert.Empty(r.LocalPath);
        Assert.Empty(r.GlobalPath);
        Assert.Equal(2, r.Network["isolated"]);
        Assert.True(double.IsNaN(r.Network["global-weight"]));
    }
}
