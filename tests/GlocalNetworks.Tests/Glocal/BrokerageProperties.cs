using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck.Xunit;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>Laws of <c>brokerage</c> on seeded random graphs.</summary>
public sealed class BrokerageProperties
{
    private static (List<string> Ids, List<string?> Groups, List<(string S, string T, double W)> Links, bool Directed) RandomCase(int seed, bool directed,
        bool withUngrouped = false)
    {
        var r = new SplitMix((ulong)(uint)seed * 31 + 7);
        var n = 1 + r.Next(22);
        var (ids, groups, links) = GlocalTestNetworks.Random((ulong)(uint)seed, n, 0.1 + (0.5 * r.NextDouble()), 1 + r.Next(4), directed, weighted: true);
        if (withUngrouped)
        {
            for (var i = 0; i < n; i++)
            {
                if (r.NextDouble() < 0.15)
                {
                    groups[i] = null;
                }
            }
        }

        return (ids, groups, links, directed);
    }

    private static BrokerageResult Run(List<string> ids, List<string?> groups, List<(string, string, double)> links, bool directed, bool valued = false) =>
        new BrokerageMetric().Compute(new MetricContext(GlocalTestNetworks.Build(ids, groups, links, directed)),
            new BrokerageOptions { GroupAttribute = "g", Valued = valued });

    [Property(MaxTest = 150)]
    public bool Brokerage_MatchesBruteForceEnumeration(int seed, bool directed)
    {
        var (ids, groups, links, _) = RandomCase(seed, directed, withUngrouped: true);
        var t = Run(ids, groups, links, directed, valued: true).Innovators;
        var (counts, valued) = GlocalTestNetworks.BruteForce(groups, links, ids, directed);
        for (var v = 0; v < ids.Count; v++)
        {
            for (var r = 0; r < 6; r++)
            {
                var role = BrokerageMetric.Roles[r];
                var (c, w) = (t[ids[v], role], t[ids[v], role + ".valued"]);
                if (groups[v] is null ? !(double.IsNaN(c) && double.IsNaN(w)) : c != counts[r][v] || Math.Abs(w - valued[r][v]) > 1e-9 * Math.Max(1, valued[r][v]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 100)]
    public bool Brokerage_RelabellingInnovatorsAndGroups_ChangesNothingButOrder(int seed, bool directed)
    {
        var (ids, groups, links, _) = RandomCase(seed, directed, withUngrouped: true);
        var a = Run(ids, groups, links, directed);

        // Reverse the innovator order, rename every innovator and every group label.
        var n = ids.Count;
        var ids2 = new List<string>();
        var groups2 = new List<string?>();
        for (var i = n - 1; i >= 0; i--)
        {
            ids2.Add("w" + ids[i]);
            groups2.Add(groups[i] is { } g ? "Z" + g.ToLowerInvariant() : null);
        }

        var links2 = new List<(string, string, double)>();
        foreach (var (s, t, w) in links)
        {
            links2.Add(("w" + s, "w" + t, w));
        }

        var b = Run(ids2, groups2, links2, directed);
        foreach (var c in a.Innovators.Columns)
        {
            for (var i = 0; i < n; i++)
            {
                if (!a.Innovators[ids[i], c].Equals(b.Innovators["w" + ids[i], c]))
                {
                    return false;
                }
            }
        }

        return a.Network.Values.SequenceEqual(b.Network.Values);
    }

    [Property(MaxTest = 150)]
    public bool Brokerage_TotalIsTheSumOfTheFiveRoles(int seed, bool directed)
    {
        var (ids, groups, links, _) = RandomCase(seed, directed);
        var r = Run(ids, groups, links, directed);
        var t = r.Innovators;
        foreach (var id in ids)
        {
            var sum = t[id, "coordinator"] + t[id, "itinerant"] + t[id, "representative"] + t[id, "gatekeeper"] + t[id, "liaison"];
            var esum = t[id, "coordinator.expected"] + t[id, "itinerant.expected"] + t[id, "representative.expected"]
                + t[id, "gatekeeper.expected"] + t[id, "liaison.expected"];
            var e = t[id, "total.expected"];
            if (sum != t[id, "total"] || !(Math.Abs(esum - e) <= 1e-12 * Math.Max(1, Math.Abs(e)) || (double.IsNaN(e) && double.IsNaN(esum))))
            {
                return false;
            }
        }

        var net = r.Network;
        return net["coordinator"] + net["itinerant"] + net["representative"] + net["gatekeeper"] + net["liaison"] == net["total"];
    }

    [Property(MaxTest = 150)]
    public bool Brokerage_Undirected_RepresentativeEqualsGatekeeper(int seed)
    {
        var (ids, groups, links, _) = RandomCase(seed, directed: false);
        var t = Run(ids, groups, links, directed: false).Innovators;
        foreach (var id in ids)
        {
            if (t[id, "representative"] != t[id, "gatekeeper"] || t[id, "coordinator"] % 2 != 0 || t[id, "itinerant"] % 2 != 0 || t[id, "liaison"] % 2 != 0)
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 100)]
    public bool Brokerage_OneGroup_EverythingIsCoordinator(int seed, bool directed)
    {
        var (ids, groups, links, _) = RandomCase(seed, directed);
        for (var i = 0; i < groups.Count; i++)
        {
            groups[i] = "one";
        }

        var t = Run(ids, groups, links, directed).Innovators;
        foreach (var id in ids)
        {
            if (t[id, "coordinator"] != t[id, "total"])
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 100)]
    public bool Brokerage_ValuedWithUnitWeights_EqualsTheCounts(int seed, bool directed)
    {
        var (ids, groups, links, _) = RandomCase(seed, directed, withUngrouped: true);
        var unit = new List<(string, string, double)>();
        foreach (var (s, t, _) in links)
        {
            unit.Add((s, t, 1.0));
        }

        var table = Run(ids, groups, unit, directed, valued: true).Innovators;
        foreach (var role in BrokerageMetric.Roles)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (!table[i, role].Equals(table[i, role + ".valued"]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 200)]
    public bool Expectations_EqualTheLiteralTranscriptionOfSna(int seed)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var k = 1 + r.Next(7);
        var sizes = new int[k];
        var nn = 0;
        for (var i = 0; i < k; i++)
        {
            sizes[i] = 1 + r.Next(r.Next(2) == 0 ? 4 : 25);
            nn += sizes[i];
        }

        var arcs = (long)(r.NextDouble() * nn * (nn - 1));
        var (e, v, eg, vg) = GlocalNetworks.Kernels.Brokerage.Expectations(sizes, arcs);
        var (e2, v2, eg2, vg2) = SnaLiteral(sizes, arcs);
        for (var c = 0; c < 6; c++)
        {
            if (!Close(eg[c], eg2[c]) || !Close(vg[c], vg2[c]))
            {
                return false;
            }

            for (var i = 0; i < k; i++)
            {
                if (!Close(e[i][c], e2[i][c]) || !Close(v[i][c], v2[i][c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Close(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) <= 1e-10 * Math.Max(1, Math.Abs(b));

    private static double Choose2(double x) => x * (x - 1) / 2;

    /// <summary>sna 2.7's <c>brokerage()</c> expectation code, loop for loop (R/models.R).</summary>
    private static (double[][], double[][], double[], double[]) SnaLiteral(int[] sizes, long m)
    {
        var k = sizes.Length;
        var n = new double[k];
        double nn = 0;
        for (var i = 0; i < k; i++)
        {
            n[i] = sizes[i];
            nn += n[i];
        }

        var d = m / (nn * (nn - 1));
        double q = d * d * (1 - d), u3 = Math.Pow(d, 3) * Math.Pow(1 - d, 3), u4 = Math.Pow(d, 4) * Math.Pow(1 - d, 2), u5 = Math.Pow(d, 5) * (1 - d);
        var e = new double[k][];
        var v = new double[k][];
        for (var i = 0; i < k; i++)
        {
            e[i] = new double[6];
            v[i] = new double[6];
            double o1 = 0, o2 = 0, outer = 0, sq = 0, l = 0;
            for (var h = 0; h < k; h++)
            {
                if (h == i)
                {
                    continue;
                }

                o1 += n[h] * (n[h] - 1);
                o2 += n[h] * (n[h] - 1) * (n[h] - 2);
                sq += n[h] * n[h];
                l += n[h] * Choose2(nn - n[h] - n[i]) * u3;
                for (var j = 0; j < k; j++)
                {
                    if (j != i)
                    {
                        outer += n[h] * n[j];
                    }
                }
            }

            e[i][0] = q * (n[i] - 1) * (n[i] - 2);
            v[i][0] = e[i][0] * (1 - q) + 2 * (n[i] - 1) * (n[i] - 2) * (n[i] - 3) * u3;
            e[i][1] = q * o1;
            v[i][1] = e[i][1] * (1 - q) + 2 * o2 * u3;
            e[i][2] = q * (nn - n[i]) * (n[i] - 1);
            v[i][2] = e[i][2] * (1 - q) + 2 * ((n[i] - 1) * Choose2(nn - n[i]) + (nn - n[i]) * Choose2(n[i] - 1)) * u3;
            e[i][3] = e[i][2];
            v[i][3] = v[i][2];
            e[i][4] = q * (outer - sq);
            v[i][4] = e[i][4] * (1 - q) + 4 * l;
            e[i][5] = q * (nn - 1) * (nn - 2);
            v[i][5] = e[i][5] * (1 - q) + 2 * (nn - 1) * (nn - 2) * (nn - 3) * u3;
        }

        var eg = new double[6];
        var vg = new double[6];
        double a1 = 0, b1 = 0, a2 = 0, b2 = 0, b2d = 0, b3 = 0, a5 = 0, a5d = 0;
        for (var i = 0; i < k; i++)
        {
            var x = n[i];
            a1 += x * (x - 1) * (x - 2);
            b1 += x * (x - 1) * (x - 2) * ((4 * x - 10) * u3 - 4 * (x - 3) * u4 + (x - 3) * u5);
            a2 += x * (nn - x) * (x - 1);
            b2d += x * x * (x - 1) * ((4 * x - 6) * u3 + (nn - x - 1) * u5);
            b3 += x * (nn - x) * (x - 1) * ((nn - 3) * u3 + (x - 2) * u5);
            a5d += x * x * (nn - 2 * x);
            for (var j = 0; j < k; j++)
            {
                var y = n[j];
                b2 += x * y * (x - 1) * ((2 * x + 2 * y - 6) * u3 + (nn - x - 1) * u5);
                a5 += x * y * (nn - x - y);
            }
        }

        eg[0] = q * a1;
        vg[0] = eg[0] * (1 - q) + b1;
        eg[1] = q * a2;
        vg[1] = eg[1] * (1 - q) + (b2 - b2d);
        eg[2] = q * a2;
        vg[2] = eg[2] * (1 - q) + b3;
        eg[3] = eg[2];
        vg[3] = vg[2];
        eg[4] = q * (a5 - a5d);
        vg[4] = eg[4] * (1 - q);
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                for (var l = 0; l < k; l++)
                {
                    if (i != j && j != l && i != l)
                    {
                        vg[4] += n[i] * n[j] * n[l] * ((4 * (nn - n[j]) - 2 * (n[i] + n[l] + 1)) * u3
                            - (4 * (nn - n[l]) - 2 * (n[i] + n[j] + 1)) * u4 + (nn - (n[i] + n[l] + 1)) * u5);
                    }
                }
            }
        }

        eg[5] = q * nn * (nn - 1) * (nn - 2);
        vg[5] = eg[5] * (1 - q) + nn * (nn - 1) * (nn - 2) * ((4 * nn - 10) * u3 - 4 * (nn - 3) * u4 + (nn - 3) * u5);
        return (e, v, eg, vg);
    }
}
