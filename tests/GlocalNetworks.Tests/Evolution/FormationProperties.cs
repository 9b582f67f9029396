using System.Globalization;
using FsCheck.Xunit;
using GlocalNetworks.Evolution;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Laws of attachment and formation on seeded random dated networks (<see cref="EvolutionNetworks.Random"/>).</summary>
public sealed class FormationProperties
{
    private static readonly AttachmentOptions AllDegrees = new() { MinNodes = 1 };

    [Property(MaxTest = 60)]
    public bool Relabelling_ChangesNoShareOrCount(int seed, bool windows)
    {
        var (n, m) = EvolutionNetworks.Size(seed);
        var rng = new TestRandom((ulong)(uint)seed + 7);
        var a = EvolutionNetworks.Random(seed);
        var b = EvolutionNetworks.Random(seed, i => "r" + (500 - i).ToString(CultureInfo.InvariantCulture), rng.Permutation(n), rng.Permutation(m));

        string Both(GlocalNetwork net)
        {
            var e = net.Evolve();
            e = windows ? e.Windows(2, 1) : e.Yearly();
            return e.Formation(new FormationOptions { Level = "country" }).ToCsv() + e.Attachment(AllDegrees).ToCsv();
        }

        return Both(a) == Both(b);
    }

    [Property(MaxTest = 100)]
    public bool Shares_AreInZeroOne_AndCountsAddUp(int seed, bool previousSliceOnly, bool byKind)
    {
        var f = EvolutionNetworks.Random(seed).Evolve().Yearly()
            .Formation(new FormationOptions { PreviousSliceOnly = previousSliceOnly, Identity = new ChurnOptions { ByKind = byKind } });
        var c = f.Closure;
        var h = f.Homophily;
        for (var r = 0; r < c.Count; r++)
        {
            if (c[r, "between-present"] + c[r, "newcomer-present"] + c[r, "newcomer-newcomer"] != c[r, "new-links"]
                || c[r, "closed"] > c[r, "between-present"] || !InUnit(c[r, "closure-share"]))
            {
                return false;
            }

            foreach (var attr in new[] { "region", "kind", "organiser" })
            {
                if (!InUnit(h[r, attr + ".share"]) || !InUnit(h[r, attr + ".baseline"]) || h[r, attr + ".links"] > h[r, "new-links"])
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 100)]
    public bool Newman_EndsOnOldNodes_AreTwiceOldOldPlusNewcomerOld(int seed, bool cumulative, int delta)
    {
        var r = EvolutionNetworks.Random(seed).Evolve().Yearly()
            .Attachment(AllDegrees with { Cumulative = cumulative, Delta = 1 + (int)((uint)delta % 3) });
        var p = r.Pairs;
        var d = r.Degrees;
        for (var row = 0; row < p.Count; row++)
        {
            var label = p.Ids[row];
            double newman = 0, jeong = 0;
            for (var k = 0; k < d.Count; k++)
            {
                if (d.Ids[k].StartsWith(label + "|", System.StringComparison.Ordinal))
                {
                    newman += d[k, "newman.ends"];
                    jeong += d[k, "jeong.ends"];
                }
            }

            if (newman != (2 * p[row, "old-old-links"]) + p[row, "newcomer-old-links"] || jeong != p[row, "newcomer-old-links"]
                || p[row, "old-old-links"] + p[row, "newcomer-old-links"] + p[row, "newcomer-links"] != p[row, "new-links"])
            {
                return false;
            }
        }

        return true;
    }

    private static bool InUnit(double x) => double.IsNaN(x) || (x >= 0 && x <= 1);
}
