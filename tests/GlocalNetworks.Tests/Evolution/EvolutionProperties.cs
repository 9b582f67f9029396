using System.Globalization;
using System.Linq;
using FsCheck.Xunit;
using GlocalNetworks.Evolution;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Laws of slicing, tracking and churn on seeded random dated networks (<see cref="EvolutionNetworks.Random"/>).</summary>
public sealed class EvolutionProperties
{
    [Property(MaxTest = 100)]
    public bool Churn_EnteringMinusLeaving_IsTheChangeInLinkCount(int seed, bool windows, bool byKind)
    {
        var b = EvolutionNetworks.Random(seed).Evolve();
        var t = (windows ? b.Windows(2, 1) : b.Yearly()).Churn(new ChurnOptions { ByKind = byKind }).Transitions;
        for (var r = 0; r < t.Count; r++)
        {
            if (t[r, "entering"] - t[r, "leaving"] != t[r, "links"] - t[r, "previous-links"]
                || t[r, "persisting"] + t[r, "entering"] != t[r, "links"]
                || t[r, "innovators.entering"] - t[r, "innovators.leaving"] != t[r, "innovators"] - t[r, "previous-innovators"])
            {
                return false;
            }

            var j = t[r, "jaccard"];
            if (!double.IsNaN(j) && (j < 0 || j > 1))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 100)]
    public bool Cumulative_GrowsMonotonically(int seed, bool ignoreLifetimes)
    {
        var b = EvolutionNetworks.Random(seed).Evolve().IgnoringLifetimes(ignoreLifetimes).Cumulative();
        var slices = b.Slices();
        for (var i = 1; i < slices.Count; i++)
        {
            if (slices[i].LinkCount < slices[i - 1].LinkCount)
            {
                return false;
            }
        }

        // Nothing ever leaves a cumulative slice.
        var t = b.Churn().Transitions;
        return Enumerable.Range(0, t.Count).All(r => t[r, "leaving"] == 0 && t[r, "innovators.leaving"] == 0);
    }

    [Property(MaxTest = 60)]
    public bool Yearly_SliceLinkCount_EqualsDirectCountOfOverlappingLifetimes(int seed)
    {
        var net = EvolutionNetworks.Random(seed);
        var slices = net.Evolve().Yearly().Between(2009, 2020).Slices();
        foreach (var s in slices)
        {
            var direct = net.Links.Count(l => l.Year is { } y && y <= s.From && (l.EndYear ?? y) >= s.From);
            if (direct != s.LinkCount)
            {
                return false;
            }
        }

        return slices.Count == 12;
    }

    [Property(MaxTest = 60)]
    public bool Relabelling_ChangesNothing(int seed)
    {
        var (n, m) = EvolutionNetworks.Size(seed);
        var rng = new TestRandom((ulong)(uint)seed + 99);
        var a = EvolutionNetworks.Random(seed);
        var b = EvolutionNetworks.Random(seed, i => "z" + (100 - i).ToString(CultureInfo.InvariantCulture), rng.Permutation(n), rng.Permutation(m));

        string Churn(GlocalNetworks.Model.GlocalNetwork net) => net.Evolve().Windows(2, 1).Churn().ToCsv();
        TrajectorySet Track(GlocalNetworks.Model.GlocalNetwork net) => net.Evolve().Yearly().Track("density", "scale-mix", "degree").Run();

        if (Churn(a) != Churn(b))
        {
            return false;
        }

        var ta = Track(a);
        var tb = Track(b);
        if (ta.Series.Count != tb.Series.Count)
        {
            return false;
        }

        for (var i = 0; i < ta.Series.Count; i++)
        {
            if (ta.Series[i].Name != tb.Series[i].Name || !ta.Series[i].Values.ToArray().SequenceEqual(tb.Series[i].Values.ToArray()))
            {
                return false;
            }
        }

        var da = ta.GetPanel("degree");
        var db = tb.GetPanel("degree");
        for (var i = 0; i < n; i++)
        {
            if (!da.Row("i" + i.ToString(CultureInfo.InvariantCulture)).ToArray().SequenceEqual(db.Row("z" + (100 - i).ToString(CultureInfo.InvariantCulture)).ToArray()))
            {
                return false;
            }
        }

        return true;
    }
}
