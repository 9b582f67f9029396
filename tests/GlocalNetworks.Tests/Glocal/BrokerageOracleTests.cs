using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>
/// <c>brokerage</c> against R sna 2.7's <c>brokerage(g, cl)</c>: the three cases of Fixtures/r/brokerage.json
/// (tests/oracles/brokerage.R) at tolerance 1e-9, and the sna entries of the seven classic R fixtures
/// (tests/oracles/classic_metrics.R, groups = the <c>group</c> attribute) at their own tolerance.
/// </summary>
public sealed class BrokerageOracleTests
{
    private static readonly string[] SnaRoles = ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"];

    public static TheoryData<string> Cases => new() { "hand", "florentine", "directed40" };

    public static TheoryData<string> ClassicGraphs
    {
        get
        {
            var d = new TheoryData<string>();
            foreach (var g in OracleAssert.AllGraphs)
            {
                d.Add(g);
            }

            return d;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Brokerage_BrokerageFixture_MatchesSnaPerNodeAndNetwork(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(OracleFixture.Directory, "r", "brokerage.json")));
        var root = doc.RootElement;
        Assert.Equal("sna 2.7.1", root.GetProperty("oracle_version").GetString());
        var tol = root.GetProperty("tolerance").GetDouble();
        var c = root.GetProperty("cases").GetProperty(name);
        var directed = c.GetProperty("directed").GetBoolean();
        var ids = new List<string>();
        var groups = new List<string?>();
        foreach (var n in c.GetProperty("nodes").EnumerateArray())
        {
            ids.Add(n.GetString()!);
            groups.Add(c.GetProperty("groups").GetProperty(n.GetString()!).GetString());
        }

        var links = new List<(string, string, double)>();
        foreach (var l in c.GetProperty("links").EnumerateArray())
        {
            links.Add((l[0].GetString()!, l[1].GetString()!, 1.0));
        }

        var net = GlocalTestNetworks.Build(ids, groups, links, directed);
        var result = new BrokerageMetric().Compute(new MetricContext(net), new BrokerageOptions { GroupAttribute = "g" });
        Assert.Equal(directed ? "true" : "false", result.Properties["directed"]);
        var table = result.Innovators;
        var groupsUsed = InnovatorGroups.ByAttribute(net, "g");
        var (_, variance, _, _) = GlocalNetworks.Kernels.Brokerage.Expectations(groupsUsed.Sizes,
            long.Parse(result.Properties["arcs"], CultureInfo.InvariantCulture));
        for (var r = 0; r < SnaRoles.Length; r++)
        {
            var role = BrokerageMetric.Roles[r];
            var e = c.GetProperty("node").GetProperty(SnaRoles[r]);
            foreach (var id in ids)
            {
                var what = $"sna {name} {SnaRoles[r]} node {id}";
                OracleAssert.Close(Number(e.GetProperty("raw").GetProperty(id)), table[id, role], tol, what + " raw");
                OracleAssert.Close(Number(e.GetProperty("expected").GetProperty(id)), table[id, role + ".expected"], tol, what + " expected");
                OracleAssert.Close(Number(e.GetProperty("z").GetProperty(id)), table[id, role + ".z"], tol, what + " z");
                var gv = groupsUsed.GroupOf[ids.IndexOf(id)];
                OracleAssert.Close(Number(e.GetProperty("sd").GetProperty(id)), Math.Sqrt(variance[gv][r]), tol, what + " sd");
            }

            var g = c.GetProperty("network");
            OracleAssert.Close(Number(g.GetProperty("raw").GetProperty(SnaRoles[r])), result.Network[role], tol, $"sna {name} global {role}");
            OracleAssert.Close(Number(g.GetProperty("expected").GetProperty(SnaRoles[r])), result.Network[role + ".expected"], tol, $"sna {name} global {role} expected");
            OracleAssert.Close(Number(g.GetProperty("sd").GetProperty(SnaRoles[r])), result.Network[role + ".sd"], tol, $"sna {name} global {role} sd");
            OracleAssert.Close(Number(g.GetProperty("z").GetProperty(SnaRoles[r])), result.Network[role + ".z"], tol, $"sna {name} global {role} z");
        }
    }

    [Theory]
    [MemberData(nameof(ClassicGraphs))]
    public void Brokerage_ClassicRFixture_MatchesSna(string graph)
    {
        var f = OracleFixture.Load("r", graph);
        var result = new BrokerageMetric().Compute(new MetricContext(f.ToNetwork()),
            new BrokerageOptions { GroupAttribute = "group", Directed = f.Directed });
        for (var r = 0; r < SnaRoles.Length; r++)
        {
            var role = BrokerageMetric.Roles[r];
            OracleAssert.Nodes(f, "brokerage:" + SnaRoles[r], result.Innovators, role);
            OracleAssert.Nodes(f, "brokerage-expected:" + SnaRoles[r], result.Innovators, role + ".expected");
            OracleAssert.Nodes(f, "brokerage-z:" + SnaRoles[r], result.Innovators, role + ".z");
            var tol = f.Tolerance("brokerage-global");
            OracleAssert.Close(f.NetworkValue("brokerage-global", SnaRoles[r]), result.Network[role], tol, $"{graph} global {role}");
            OracleAssert.Close(f.NetworkValue("brokerage-global-expected", SnaRoles[r]), result.Network[role + ".expected"], tol, $"{graph} global {role} expected");
            OracleAssert.Close(f.NetworkValue("brokerage-global-sd", SnaRoles[r]), result.Network[role + ".sd"], tol, $"{graph} global {role} sd");
            OracleAssert.Close(f.NetworkValue("brokerage-global-z", SnaRoles[r]), result.Network[role + ".z"], tol, $"{graph} global {role} z");
        }
    }

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture)
        : e.GetDouble();
}
