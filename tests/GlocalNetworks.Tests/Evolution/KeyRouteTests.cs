using System.Collections.Generic;
using System.IO;
using System.Linq;
using GlocalNetworks.Evolution;
using GlocalNetworks.IO.GraphFormats;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Key-route main paths (Liu and Lu 2012) on DESIGN's two worked examples, checked by hand.</summary>
public sealed class KeyRouteTests
{
    private static GlocalNetwork Ag() => MainPathTests.Citations(["A", "B", "C", "D", "E", "F", "G"],
        ["A>C", "A>F", "B>D", "B>E", "C>D", "D>G", "E>F", "E>G"]);

    private static GlocalNetwork TestNet() => PajekReader.Read(SharedData.Path(Path.Combine("citation-pajek", "Test.net"))).Network;

    private static string[] Keys(IEnumerable<MainPathArc> arcs) => arcs.Select(a => a.SourceId + ">" + a.TargetId).ToArray();

    private static MainPathResult Run(GlocalNetwork net, int k, KeyRouteSearch search, MainPathTieBreak tie = MainPathTieBreak.KeepAll) =>
        MainPath.Analyze(net, new MainPathOptions { KeyRoutes = k, Search = search, TieBreak = tie });

    [Fact]
    public void KeyRoute_Off_AddsNoColumnsAndNoArcs()
    {
        var r = MainPath.Analyze(Ag());

        Assert.Empty(r.KeyRoutePath);
        Assert.DoesNotContain("key-route", r.Arcs.Columns);
        Assert.DoesNotContain("key-route-arcs", r.Network.Columns);
    }

    [Fact]
    public void KeyRoute_AG_Local_k1()
    {
        // SPC: A>C 1, A>F 1, B>D 1, B>E 2, C>D 1, D>G 2, E>F 1, E>G 1. k = 1: the largest count is 2, held by B>E and D>G
        // (ties at the k-th value are kept): 2 key routes. From B>E: forward at E, E>F = E>G = 1 tie, both (F, G sinks);
        // backward: B is a source. From D>G: forward: G is a sink; backward at D, B>D = C>D = 1 tie, both; B is a source,
        // at C the only in-arc A>C, A a source. Union: 7 of the 8 arcs (all but A>F).
        var r = Run(Ag(), 1, KeyRouteSearch.Local);

        Assert.Equal(["B>E", "D>G"], Keys(r.KeyRoutes));
        Assert.Equal(["A>C", "B>D", "B>E", "C>D", "D>G", "E>F", "E>G"], Keys(r.KeyRoutePath));
        Assert.Equal(2, r.Network["key-routes"]);
        Assert.Equal(7, r.Network["key-route-arcs"]);
        Assert.Equal(1, r.Arcs["B|D", "key-route"]);
        Assert.Equal(0, r.Arcs["A|F", "key-route"]);
        Assert.Equal(7, r.KeyRouteNetwork().Links.Count);
    }

    [Fact]
    public void KeyRoute_AG_Global_k1()
    {
        // Best sums: from a source to D: A>C>D = 1 + 1 = 2 beats B>D = 1; from E to a sink: E>F = E>G = 1 (tie, both).
        // From B>E: forward both E>F and E>G. From D>G: backward A>C, C>D. Union: 6 arcs, neither B>D nor A>F.
        var r = Run(Ag(), 1, KeyRouteSearch.Global);

        Assert.Equal(["A>C", "B>E", "C>D", "D>G", "E>F", "E>G"], Keys(r.KeyRoutePath));
    }

    [Fact]
    public void KeyRoute_AG_k3_TiesAtTheThirdCountKeepEveryArc()
    {
        // Counts sorted: 2, 2, 1, 1, 1, 1, 1, 1: the 3rd largest is 1, tied with all six arcs of count 1, so every arc is a
        // key route and the key-route main path is the whole network.
        var r = Run(Ag(), 3, KeyRouteSearch.Local);

        Assert.Equal(8, r.KeyRoutes.Count);
        Assert.Equal(8, r.KeyRoutePath.Count);
    }

    [Fact]
    public void KeyRoute_AG_FirstByNodeOrder_TakesExactlyKAndOneArcPerStep()
    {
        // k = 1 without ties: the first of B>E, D>G by entry order is B>E; forward at E the first tied arc E>F.
        var r = Run(Ag(), 1, KeyRouteSearch.Local, MainPathTieBreak.FirstByNodeOrder);

        Assert.Equal(["B>E"], Keys(r.KeyRoutes));
        Assert.Equal(["B>E", "E>F"], Keys(r.KeyRoutePath));
    }

    [Fact]
    public void KeyRoute_TestNet_k1_EqualsTheLocalAndGlobalMainPaths()
    {
        // SPC: 1>2 3, 1>6 1, 2>3 3, 3>4 2, 3>5 1, 4>6 1, 4>7 1, 5>7 1, 6>7 2. k = 1: 1>2 and 2>3 tie at 3.
        // Local: forward from 3: 3>4 (2 > 1); at 4: 4>6 = 4>7 = 1, both; at 6: 6>7. Backward from 1: a source.
        // = the local main path {1>2, 2>3, 3>4, 4>6, 4>7, 6>7}.
        // Global: best sums to the sink from 3: 3>4>6>7 = 2 + 1 + 2 = 5, 3>4>7 = 3, 3>5>7 = 2: = the global main path.
        var local = Run(TestNet(), 1, KeyRouteSearch.Local);
        var global = Run(TestNet(), 1, KeyRouteSearch.Global);

        Assert.Equal(["1>2", "2>3"], Keys(local.KeyRoutes));
        Assert.Equal(Keys(local.LocalPath), Keys(local.KeyRoutePath));
        Assert.Equal(["1>2", "2>3", "3>4", "4>6", "4>7", "6>7"], Keys(local.KeyRoutePath));
        Assert.Equal(Keys(global.GlobalPath), Keys(global.KeyRoutePath));
        Assert.Equal(["1>2", "2>3", "3>4", "4>6", "6>7"], Keys(global.KeyRoutePath));
    }

    [Fact]
    public void KeyRoute_TestNet_k3_LocalAddsTheTiedInArcOf6_GlobalDoesNot()
    {
        // k = 3: counts sorted 3, 3, 2, 2, 1, ...: the 3rd largest is 2, held by 3>4 and 6>7: 4 key routes.
        // Local, backward from 6 (tail of 6>7): 1>6 = 4>6 = 1 tie, both: 1>6 joins the local result of k = 1.
        // Global, backward from 6: 1>6 sums 1, 1>2>3>4>6 sums 3 + 3 + 2 + 1 = 9: only the latter; = the global main path.
        var local = Run(TestNet(), 3, KeyRouteSearch.Local);
        var global = Run(TestNet(), 3, KeyRouteSearch.Global);

        Assert.Equal(["1>2", "2>3", "3>4", "6>7"], Keys(local.KeyRoutes));
        Assert.Equal(["1>2", "1>6", "2>3", "3>4", "4>6", "4>7", "6>7"], Keys(local.KeyRoutePath));
        Assert.Equal(["1>2", "2>3", "3>4", "4>6", "6>7"], Keys(global.KeyRoutePath));
    }

    /// <summary>Laws on random DAGs: every arc of the key-route main path continues to a source behind it and a sink ahead
    /// of it within the path; it holds every key route; with k at least the number of arcs it is the whole DAG.</summary>
    [FsCheck.Xunit.Property(MaxTest = 80)]
    public bool KeyRoute_RandomDag_PathIsClosedAndHoldsTheKeyRoutes(int seed, bool global, byte k)
    {
        var net = MainPathTests.RandomDag(seed, null, null);
        var search = global ? KeyRouteSearch.Global : KeyRouteSearch.Local;
        var kk = 1 + (k % 6);
        var r = Run(net, kk, search);
        var path = Keys(r.KeyRoutePath).ToHashSet();
        if (!Keys(r.KeyRoutes).All(path.Contains) || (r.Arcs.Count > 0 && r.KeyRoutes.Count < System.Math.Min(kk, r.Arcs.Count)))
        {
            return false;
        }

        var outs = new HashSet<string>(r.Arcs.Ids.Select(id => id.Split('|')[0]));
        var ins = new HashSet<string>(r.Arcs.Ids.Select(id => id.Split('|')[1]));
        foreach (var a in r.KeyRoutePath)
        {
            var tailOk = !ins.Contains(a.SourceId) || r.KeyRoutePath.Any(b => b.TargetId == a.SourceId);
            var headOk = !outs.Contains(a.TargetId) || r.KeyRoutePath.Any(b => b.SourceId == a.TargetId);
            if (!tailOk || !headOk)
            {
                return false;
            }
        }

        var all = Run(net, r.Arcs.Count + 1, search);
        return all.KeyRoutePath.Count == r.Arcs.Count;
    }

    [Fact]
    public void KeyRoute_NegativeK_Throws()
    {
        Assert.Throws<System.ArgumentOutOfRangeException>(() => MainPath.Analyze(Ag(), new MainPathOptions { KeyRoutes = -1 }));
    }
}
