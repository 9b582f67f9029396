using System.Globalization;
using FsCheck.Xunit;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Glocal;

/// <summary>Laws of <c>ei-index</c> and <c>buzz-pipelines</c> on seeded random networks (<see cref="RandomNetworks"/>).</summary>
public sealed class OpennessProperties
{
    private static readonly string[] Levels = ["city", "province", "country", "world-region", "world"];

    [Property(MaxTest = 150)]
    public bool EiIndex_SumOfRegionalExternalTies_IsTwiceTheNetworks(int seed)
    {
        var net = RandomNetworks.Build(RandomNetworks.Network(seed));
        var ctx = new MetricContext(net);
        var both = new EiIndexMetric().Compute(ctx, new EiIndexOptions { Levels = Levels });
        var member = new EiIndexMetric().Compute(ctx, new EiIndexOptions { Levels = Levels, Counting = EiCounting.PerMember });
        var outTies = new EiIndexMetric().Compute(ctx, new EiIndexOptions { Levels = Levels, Direction = EiDirection.Out });
        foreach (var level in Levels)
        {
            double e = 0, i = 0, ew = 0, im = 0, eo = 0;
            var regions = both.Regions(level);
            for (var r = 0; r < regions.Count; r++)
            {
                e += regions[r, "external"];
                i += regions[r, "internal"];
                ew += regions[r, "external-weight"];
                im += member.Regions(level)[r, "internal"];
                eo += outTies.Regions(level)[r, "external"];
                var ei = regions[r, "ei"];
                if (!(double.IsNaN(ei) || (ei >= -1 && ei <= 1)))
                {
                    return false;
                }
            }

            if (e != 2 * both.Network["external." + level] || i != both.Network["internal." + level]
                || ew != 2 * both.Network["external-weight." + level] || im != 2 * i
                || eo != outTies.Network["external." + level])
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 100)]
    public bool Relabelling_ChangesNothingButOrder(int seed)
    {
        var spec = RandomNetworks.Network(seed);
        var rng = new TestRandom((ulong)(uint)seed + 7);
        var order = rng.Permutation(spec.InnovatorIds.Count);
        var links = rng.Permutation(spec.Links.Count);
        var a = RandomNetworks.Build(spec);
        var b = RandomNetworks.Build(spec, order, links, i => "Z" + (100 - i).ToString(CultureInfo.InvariantCulture), swapEnds: true);
        string Renamed(string id) => "Z" + (100 - int.Parse(id[1..], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);

        var o = new EiIndexOptions { Levels = Levels };
        var ea = new EiIndexMetric().Compute(new MetricContext(a), o);
        var eb = new EiIndexMetric().Compute(new MetricContext(b), o);
        if (!Same(ea.Network.Values.ToArray(), eb.Network.Values.ToArray()))
        {
            return false;
        }

        foreach (var level in Levels)
        {
            if (!SameRows(ea.Regions(level), eb.Regions(level), id => id))
            {
                return false;
            }
        }

        var ba = new BuzzPipelinesMetric().Compute(new MetricContext(a), new BuzzPipelinesOptions { Level = "province", ReachLevel = "country" });
        var bb = new BuzzPipelinesMetric().Compute(new MetricContext(b), new BuzzPipelinesOptions { Level = "province", ReachLevel = "country" });
        return SameRows(ea.Innovators, eb.Innovators, Renamed) && SameRows(ba, bb, id => id);
    }

    [Property(MaxTest = 100)]
    public bool BuzzPipelines_AgreesWithEiIndexAndBounds(int seed)
    {
        var net = RandomNetworks.Build(RandomNetworks.Network(seed));
        var ctx = new MetricContext(net);
        foreach (var level in Levels)
        {
            var buzz = new BuzzPipelinesMetric().Compute(ctx, new BuzzPipelinesOptions { Level = level });
            var ei = new EiIndexMetric().Compute(ctx, new EiIndexOptions { Level = level }).Regions(level);
            for (var r = 0; r < buzz.Count; r++)
            {
                if (!SameValue(buzz[r, "pipeline-share"], ei[r, "openness"])
                    || buzz[r, "external"] != ei[r, "external"] || buzz[r, "internal"] != ei[r, "internal"]
                    || !(buzz[r, "partners"] <= net.Innovators.Count) || !(buzz[r, "regions-reached"] <= buzz.Count - 1))
                {
                    return false;
                }

                foreach (var c in new[] { "density", "transitivity", "average-clustering", "hhi", "gini" })
                {
                    var v = buzz[r, c];
                    if (!(double.IsNaN(v) || (v >= 0 && v <= 1 + 1e-12)))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static bool SameRows(KeyedTable a, KeyedTable b, System.Func<string, string> rename)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var c in a.Columns)
        {
            for (var r = 0; r < a.Count; r++)
            {
                if (!Close(a[r, c], b[rename(a.Ids[r]), c]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool Same(double[] a, double[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!Close(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameValue(double x, double y) => (double.IsNaN(x) && double.IsNaN(y)) || x == y;

    /// <summary>Equal up to summation order (clustering averages add in innovator order).</summary>
    private static bool Close(double x, double y) => (double.IsNaN(x) && double.IsNaN(y)) || System.Math.Abs(x - y) <= 1e-12;
}
