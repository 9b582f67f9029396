using System.Globalization;
using GlocalNetworks.Evolution;
using GlocalNetworks.Tests.Data;
using Xunit;
using Xunit.Abstractions;

namespace GlocalNetworks.Tests.Evolution;

/// <summary>Attachment and formation on the real H2020 projects, yearly 2014-2017 (the figures in docs/evolution.md).</summary>
public sealed class H2020FormationTests(H2020Fixture h2020, ITestOutputHelper output) : IClassFixture<H2020Fixture>
{
    [Fact]
    public void AttachmentAndFormation_H2020Yearly_ThreePairsWithFiniteFits()
    {
        var e = h2020.Result.Network.Evolve().Yearly().Between(2014, 2017);
        var a = e.Attachment();
        var f = e.Formation(new FormationOptions { Level = "country" });

        Assert.Equal(["2015", "2016", "2017", "all"], a.Pairs.Ids);
        Assert.Equal(3, a.Network["pairs"]);
        Assert.True(double.IsFinite(a.AlphaJeong) && double.IsFinite(a.AlphaNewman));
        foreach (var id in a.Pairs.Ids)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"attachment {id}: old {a.Pairs[id, "old-nodes"]} new-links {a.Pairs[id, "new-links"]} newcomer-old {a.Pairs[id, "newcomer-old-links"]} old-old {a.Pairs[id, "old-old-links"]} jeong {a.Pairs[id, "jeong.alpha"]:F3} ({a.Pairs[id, "jeong.se"]:F3}, {a.Pairs[id, "jeong.points"]}) newman {a.Pairs[id, "newman.alpha"]:F3} ({a.Pairs[id, "newman.se"]:F3}, {a.Pairs[id, "newman.points"]})"));
        }

        var c = f.Closure;
        var h = f.Homophily;
        foreach (var id in c.Ids)
        {
            var share = c[id, "closure-share"];
            Assert.True(double.IsNaN(share) || (share >= 0 && share <= 1));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"formation {id}: new {c[id, "new-links"]} present {c[id, "between-present"]} closed {c[id, "closed"]} share {share:F3} newcomer-present {c[id, "newcomer-present"]} newcomer-newcomer {c[id, "newcomer-newcomer"]}; region {h[id, "region.share"]:F3} vs {h[id, "region.baseline"]:F3} (x{h[id, "region.ratio"]:F2}); kind {h[id, "kind.share"]:F3} vs {h[id, "kind.baseline"]:F3} (x{h[id, "kind.ratio"]:F2}); organiser {h[id, "organiser.share"]:F3} vs {h[id, "organiser.baseline"]:F3}"));
        }

        Assert.Equal(c["all", "new-links"], a.Network["new-links"]);
    }
}
