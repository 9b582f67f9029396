using System.Globalization;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.NullModels;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.NullModels;

/// <summary>A glocal metric (a composite result) end to end against both null models.</summary>
public sealed class GlocalSignificanceTests
{
    /// <summary>Five innovators in each of DE (Berlin), FR (Paris), IT (Rome), JP (Tokyo); every pair within a country
    /// linked (4 × 10 = 40 internal ties), no tie across countries: EI at country level = (0 - 40) / 40 = -1.</summary>
    private static GlocalNetwork Homophilous()
    {
        var b = TinyNetworks.WorldBuilder();
        string[] cities = ["Berlin", "Paris", "Rome", "Tokyo"];
        for (var c = 0; c < cities.Length; c++)
        {
            for (var i = 0; i < 5; i++)
            {
                b.AddInnovator(Id(c, i), "x", InnovatorKind.Firm, cities[c]);
            }

            for (var i = 0; i < 5; i++)
            {
                for (var j = i + 1; j < 5; j++)
                {
                    b.AddLink(Id(c, i), Id(c, j));
                }
            }
        }

        return b.Build();
    }

    /// <summary>The country-level E-I index of <see cref="Homophilous"/> against <paramref name="model"/>, and the row of
    /// its network value.</summary>
    private static (SignificanceTable Table, int Ei) EiByCountry(INullModel model, int replicates)
    {
        var t = Homophilous().TestSignificance(StandardMetrics.EiIndex, model, o => o with { Level = "country" },
            new SignificanceOptions { Replicates = replicates });
        return (t, t.IndexOf("ei.country", "value", "network"));
    }

    private static string Id(int c, int i) => "c" + c.ToString(CultureInfo.InvariantCulture) + "i" + i.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void EiIndex_LocationShuffle_PerfectHomophilyInTheLowerTail()
    {
        // Under the shuffle a tie stays internal only if both ends draw the same country: P = 4 · C(5,2) / C(20,2) = 40/190,
        // so E[EI] = 1 - 2 · 40/190 = 0.579; no replicate reaches -1 (that needs the 4 cliques to stay whole), so
        // p-lower = (1 + 0) / (19 + 1) = 0.05 and p-upper = (1 + 19) / 20 = 1.
        var (t, ei) = EiByCountry(NullModel.LocationShuffle, 19);

        Assert.Equal("network/ei.country", t.Ids[ei]);
        Assert.Equal(-1.0, t[ei, SignificanceTable.ObservedColumn]);
        Assert.Equal(0.05, t[ei, SignificanceTable.PLowerColumn], 12);
        Assert.Equal(1.0, t[ei, SignificanceTable.PUpperColumn], 12);
        Assert.InRange(t[ei, SignificanceTable.MeanColumn], 0.3, 0.85);
        Assert.True(t[ei, SignificanceTable.ZColumn] < -3);
        Assert.True(t.IndexOf("DE", "ei", "regions-country") >= 0);
    }

    [Fact]
    public void EiIndex_DegreePreserving_CliquesRewiredAcrossCountries()
    {
        // Inside a 5-clique no swap is possible (every new tie exists), but two ties of different cliques swap into two
        // cross-country ties: replicates have external ties, EI > -1, so p-lower = 1 / (5 + 1). Degrees stay 4.
        var (t, ei) = EiByCountry(NullModel.DegreePreserving, 5);

        Assert.Equal(0, t.AttemptLimitHits);
        Assert.Equal(1.0 / 6, t[ei, SignificanceTable.PLowerColumn], 12);
        Assert.True(t[ei, SignificanceTable.MeanColumn] > -0.5);
        var degree = Homophilous().TestSignificance("degree", NullModel.DegreePreserving, new SignificanceOptions { Replicates = 5 });
        Assert.Equal(0.0, degree["c0i0", SignificanceTable.SdColumn]);
    }
}
