using System;
using System.Collections.Generic;
using System.Globalization;
using FsCheck.Xunit;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>
/// Properties of scale-mix, glocality and triple-helix on random networks (<see cref="RandomNetworks"/> specs, with
/// innovator kinds, link kinds and weights derived from positions so relabelling keeps them). FsCheck supplies integers;
/// a failing case reproduces from them.
/// </summary>
public sealed class CompositionProperties
{
    private const double Tol = 1e-12;

    private static readonly string[] Scales = ["local", "regional", "national", "supranational", "global"];

    private static int Seed(int a, int b) => unchecked((a * 100_003) + b);

    /// <summary>Builds the spec with innovators added in <paramref name="order"/> and renamed, links in <paramref name="linkOrder"/>;
    /// innovator at position i has kind i mod 6, link at position k has kind k mod 8 and weight 0.5 + (k mod 5) · 0.75.</summary>
    private static GlocalNetwork Build(NetworkSpec spec, int[] order, int[] linkOrder, Func<int, string> rename)
    {
        var b = GlocalNetwork.CreateBuilder();
        foreach (var r in spec.Regions)
        {
            b.AddRegion(r.Id, r.Name, r.Level.Name, r.ParentId, r.Centroid);
        }

        foreach (var i in order)
        {
            b.AddInnovator(rename(i), rename(i), (InnovatorKind)(i % 6), spec.InnovatorRegions[i]);
        }

        foreach (var k in linkOrder)
        {
            var (s, t) = spec.Links[k];
            b.AddLink(rename(s), rename(t), (LinkKind)(k % 8), 0.5 + (k % 5 * 0.75), spec.LinkYears[k]);
        }

        return b.Build();
    }

    private static (GlocalNetwork Net, GlocalNetwork Relabelled, Dictionary<string, string> ToOriginal) Pair(int a, int b, int c)
    {
        var spec = RandomNetworks.Network(Seed(a, b));
        var rng = new TestRandom(unchecked((ulong)c * 0x9E3779B97F4A7C15UL));
        var n = spec.InnovatorIds.Count;
        var newName = rng.Permutation(n);
        var renamed = new string[n];
        var toOriginal = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            renamed[i] = "z" + (n - newName[i]).ToString("D3", CultureInfo.InvariantCulture);
            toOriginal[renamed[i]] = spec.InnovatorIds[i];
        }

        var net = Build(spec, ScaleTally.AllRows(n), ScaleTally.AllRows(spec.Links.Count), i => spec.InnovatorIds[i]);
        var relabelled = Build(spec, rng.Permutation(n), rng.Permutation(spec.Links.Count), i => renamed[i]);
        return (net, relabelled, toOriginal);
    }

    private static void AssertRowSharesSumToOne(KeyedTable t, string prefix)
    {
        for (var r = 0; r < t.Count; r++)
        {
            double sum = 0;
            var nan = 0;
            foreach (var s in Scales)
            {
                var v = t[r, prefix + s];
                nan += double.IsNaN(v) ? 1 : 0;
                sum += double.IsNaN(v) ? 0 : v;
            }

            if (t[r, "links"] == 0)
            {
                Assert.Equal(Scales.Length, nan);
            }
            else
            {
                Assert.Equal(0, nan);
                Assert.Equal(1.0, sum, Tol);
            }
        }
    }

    private static void AssertSameRows(KeyedTable x, KeyedTable y, Func<string, string> map)
    {
        Assert.Equal(x.Count, y.Count);
        Assert.Equal(x.Columns, y.Columns);
        for (var r = 0; r < y.Count; r++)
        {
            var id = map(y.Ids[r]);
            foreach (var c in y.Columns)
            {
                var expected = x[id, c];
                var actual = y[r, c];
                if (double.IsNaN(expected))
                {
                    Assert.True(double.IsNaN(actual), $"{id} {c}: expected NaN, got {actual}");
                }
                else
                {
                    Assert.True(Math.Abs(expected - actual) <= Tol * Math.Max(1, Math.Abs(expected)), $"{id} {c}: {expected} vs {actual}");
                }
            }
        }
    }

    [Property(MaxTest = 150)]
    public void ScaleMix_SharesSumToOne_EveryGrouping(int a, int b)
    {
        var spec = RandomNetworks.Network(Seed(a, b));
        var net = Build(spec, ScaleTally.AllRows(spec.InnovatorIds.Count), ScaleTally.AllRows(spec.Links.Count), i => spec.InnovatorIds[i]);
        foreach (var level in new[] { "city", "province", "country", "world-region" })
        {
            var r = new ScaleMixMetric().Compute(new MetricContext(net), new ScaleMixOptions { Level = level, Groupings = ScaleMixGroupings.All });
            foreach (var (_, part) in r.Parts)
            {
                if (part is KeyedTable t)
                {
                    AssertRowSharesSumToOne(t, "share.");
                    AssertRowSharesSumToOne(t, "count-share.");
                }
            }

            var network = r.Network!;
            double sum = 0;
            foreach (var s in Scales)
            {
                sum += network["share." + s];
            }

            Assert.True(net.Links.Count == 0 ? double.IsNaN(sum) : Math.Abs(sum - 1) <= Tol);
        }
    }

    [Property(MaxTest = 150)]
    public void ScaleMix_LinkKindsPartitionTheNetwork(int a, int b)
    {
        var spec = RandomNetworks.Network(Seed(a, b));
        var net = Build(spec, ScaleTally.AllRows(spec.InnovatorIds.Count), ScaleTally.AllRows(spec.Links.Count), i => spec.InnovatorIds[i]);
        var r = new ScaleMixMetric().Compute(new MetricContext(net), new ScaleMixOptions());
        foreach (var s in Scales)
        {
            double count = 0;
            foreach (var v in r.LinkKinds!.Column("count." + s))
            {
                count += v;
            }

            Assert.Equal(r.Network!["count." + s], count);
        }
    }

    [Property(MaxTest = 150)]
    public void Relabelling_Innovators_LeavesEveryGroupValueUnchanged(int a, int b, int c)
    {
        var (net, relabelled, toOriginal) = Pair(a, b, c);
        string Same(string id) => id;
        string Back(string id) => toOriginal[id];

        var options = new ScaleMixOptions { Level = "country", Groupings = ScaleMixGroupings.All };
        var x = new ScaleMixMetric().Compute(new MetricContext(net), options);
        var y = new ScaleMixMetric().Compute(new MetricContext(relabelled), options);
        AssertSameRows(x.Regions!, y.Regions!, Same);
        AssertSameRows(x.InnovatorKinds!, y.InnovatorKinds!, Same);
        AssertSameRows(x.LinkKinds!, y.LinkKinds!, Same);
        AssertSameRows(x.Innovators!, y.Innovators!, Back);
        Assert.Equal(x.Network!.Values.ToArray().Length, y.Network!.Values.Length);
        foreach (var name in x.Network.Columns)
        {
            var (e, v) = (x.Network[name], y.Network[name]);
            Assert.True(double.IsNaN(e) ? double.IsNaN(v) : Math.Abs(e - v) <= Tol * Math.Max(1, Math.Abs(e)), name);
        }

        AssertSameRows(new GlocalityMetric().Compute(new MetricContext(net), new GlocalityOptions()),
            new GlocalityMetric().Compute(new MetricContext(relabelled), new GlocalityOptions()), Back);
        var hx = new TripleHelixMetric().Compute(new MetricContext(net), new TripleHelixOptions());
        var hy = new TripleHelixMetric().Compute(new MetricContext(relabelled), new TripleHelixOptions());
        AssertSameRows(hx.KindPairs, hy.KindPairs, Same);
        AssertSameRows(hx.Helix, hy.Helix, Same);
    }

    [Property(MaxTest = 150)]
    public void Glocality_AndBalance_InUnitInterval(int a, int b, bool weighted)
    {
        var spec = RandomNetworks.Network(Seed(a, b));
        var net = Build(spec, ScaleTally.AllRows(spec.InnovatorIds.Count), ScaleTally.AllRows(spec.Links.Count), i => spec.InnovatorIds[i]);
        var t = new GlocalityMetric().Compute(new MetricContext(net), new GlocalityOptions { Weighted = weighted });
        for (var r = 0; r < t.Count; r++)
        {
            var isolated = t[r, "total"] == 0;
            foreach (var col in new[] { "glocality", "local-share", "balance" })
            {
                var v = t[r, col];
                Assert.True(isolated ? double.IsNaN(v) : v is >= 0 and <= 1, $"{t.Ids[r]} {col} = {v}");
            }

            // A glocal actor has both sides, so its balance is strictly positive.
            if (t[r, "glocal-actor"] == 1)
            {
                Assert.True(t[r, "balance"] > 0);
            }
        }
    }

    [Property(MaxTest = 100)]
    public void TripleHelix_ScaleShareColumnsSumToOne(int a, int b)
    {
        var spec = RandomNetworks.Network(Seed(a, b));
        var net = Build(spec, ScaleTally.AllRows(spec.InnovatorIds.Count), ScaleTally.AllRows(spec.Links.Count), i => spec.InnovatorIds[i]);
        var r = new TripleHelixMetric().Compute(new MetricContext(net), new TripleHelixOptions());
        foreach (var t in new[] { r.KindPairs, r.Helix })
        {
            foreach (var s in Scales)
            {
                double sum = 0, count = 0;
                for (var row = 0; row < t.Count; row++)
                {
                    sum += double.IsNaN(t[row, "share." + s]) ? 0 : t[row, "share." + s];
                    count += t[row, "count." + s];
                }

                Assert.True(count == 0 ? sum == 0 : Math.Abs(sum - 1) <= Tol, s);
            }
        }
    }
}
