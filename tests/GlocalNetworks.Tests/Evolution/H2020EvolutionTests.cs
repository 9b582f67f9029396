using System.Globalization;
using System.Linq;
using GlocalNetworks.Tests.Data;
using Xunit;
using Xunit.Abstractions;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>The real H2020 projects (links carry project start and end years) sliced by year, 2014-2017.</summary>
public sealed class H2020EvolutionTests(H2020Fixture h2020, ITestOutputHelper output) : IClassFixture<H2020Fixture>
{
    [Fact]
    public void Track_DensityAndScaleMixByYear_SliceCountsMatchDirectCount()
    {
        var net = h2020.Result.Network;

        var t = net.Evolve().Yearly().Between(2014, 2017).Track("density", "scale-mix").Run();

        Assert.Equal(["2014", "2015", "2016", "2017"], t.Slices.Select(s => s.Label));
        Assert.Equal(net.Links.UndatedCount, t.Report.UndatedExcluded);
        Assert.True(t.Report.LinksWithLifetime > 0);
        var links = net.Links;
        for (var s = 0; s < t.Slices.Count; s++)
        {
            var y = 2014 + s;
            long direct = 0, started = 0;
            for (var i = 0; i < links.Count; i++)
            {
                var l = links[i];
                if (l.Year is { } start && start <= y && (l.EndYear ?? start) >= y)
                {
                    direct++;
                    started += start == y ? 1 : 0;
                }
            }

            Assert.Equal(direct, t.Slices[s].LinkCount);
            Assert.Equal(direct, t.GetSeries("scale-mix.links")[s]);
            Assert.True(started < direct || y == 2014);
            Assert.Equal(net.Between(y, y).Links.Count, started);
            double n = net.Innovators.Count;
            var density = t.GetSeries("density")[s];
            Assert.InRange(density, 0, 2.0 * direct / (n * (n - 1)) + 1e-15); // parallel links count once
            var shares = t.Series.Where(x => x.Name.StartsWith("scale-mix.count-share.", System.StringComparison.Ordinal)).Sum(x => x[s]);
            Assert.Equal(1.0, shares, 12);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{y}: {direct} links ({started} starting), density {density:G4}, global share {t.GetSeries("scale-mix.count-share.global")[s]:F4}"));
        }

        Assert.Empty(t.Issues);
    }
}
