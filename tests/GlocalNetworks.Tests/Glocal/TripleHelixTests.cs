using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Glocal;

public class TripleHelixTests
{
    private const double Tol = 1e-12;

    private static TripleHelixResult Run(GlocalNetwork net) =>
        new TripleHelixMetric().Compute(new MetricContext(net), new TripleHelixOptions());

    [Fact]
    public void Compute_Mixed_KindPairsByHand()
    {
        var t = Run(TinyNetworks.Mixed()).KindPairs;

        // Kinds m1, n1, p1 Firm; m2, t1 University; d1 ResearchInstitute; de Government. The nine links by pair:
        // Firm-Firm: m1-p1 Supra 1, m1-n1 Regional 4 | Firm-University: m2-p1 Supra 2, m1-m2 Local 3, p1-t1 Global 1 |
        // Firm-ResearchInstitute: n1-d1 National 1.5, m1-d1 National 1 | University-University: m2-t1 Global 0.5 |
        // ResearchInstitute-Government: d1-de National 1 (flagged).
        Assert.Equal(["Firm-Firm", "Firm-University", "Firm-ResearchInstitute", "University-University", "ResearchInstitute-Government"], t.Ids);
        Assert.Equal("kind-pair", t.KeyColumn);
        Assert.Equal(3, t["Firm-University", "links"]);
        Assert.Equal(6, t["Firm-University", "weight"], Tol);
        Assert.Equal(6.0 / 15, t["Firm-University", "share"], Tol);
        Assert.Equal(3.0 / 9, t["Firm-University", "count-share"], Tol);
        Assert.Equal(2, t["Firm-ResearchInstitute", "count.national"]);
        // National weight 3.5 = Firm-RI 2.5 + RI-Government 1: shares 5/7 and 2/7; count shares 2/3 and 1/3.
        Assert.Equal(5.0 / 7, t["Firm-ResearchInstitute", "share.national"], Tol);
        Assert.Equal(2.0 / 7, t["ResearchInstitute-Government", "share.national"], Tol);
        Assert.Equal(1.0 / 3, t["ResearchInstitute-Government", "count-share.national"], Tol);
        Assert.Equal(0.0, t["Firm-Firm", "share.national"]);
        // Global weight 1.5 = Firm-University 1 + University-University 0.5.
        Assert.Equal(2.0 / 3, t["Firm-University", "share.global"], Tol);
        Assert.Equal(1.0 / 3, t["University-University", "share.global"], Tol);
        // Local: only m1-m2.
        Assert.Equal(1.0, t["Firm-University", "share.local"]);
        Assert.Equal(1, t["ResearchInstitute-Government", "resolution-limited"]);
    }

    [Fact]
    public void Compute_Mixed_HelixByHand()
    {
        var t = Run(TinyNetworks.Mixed()).Helix;

        // academia = {m2, t1, d1}, industry = {m1, n1, p1}, government = {de}.
        // academia-academia: m2-t1 0.5 | academia-industry: m2-p1 2, m1-m2 3, n1-d1 1.5, p1-t1 1, m1-d1 1 (8.5) |
        // academia-government: d1-de 1 | industry-industry: m1-p1 1, m1-n1 4 (5).
        Assert.Equal(["academia-academia", "academia-industry", "academia-government", "industry-industry"], t.Ids);
        Assert.Equal(5, t["academia-industry", "links"]);
        Assert.Equal(8.5, t["academia-industry", "weight"], Tol);
        // National 3.5: academia-industry 2.5, academia-government 1.
        Assert.Equal(2.5 / 3.5, t["academia-industry", "share.national"], Tol);
        Assert.Equal(1.0, t["industry-industry", "share.regional"]);
        Assert.Equal(1, t["academia-government", "resolution-limited"]);
    }

    [Fact]
    public void Compute_UnorderedPairs_DirectionAndEndOrderDoNotMatter()
    {
        var net = TinyNetworks.WorldBuilder()
            .AddInnovator("u", "U", InnovatorKind.University, "Munich")
            .AddInnovator("f", "F", InnovatorKind.Firm, "Munich")
            .AddInnovator("i", "I", InnovatorKind.Intermediary, "Munich")
            .AddLink("u", "f", weight: 1)
            .AddLink("f", "u", weight: 2, directed: true)
            .AddLink("i", "u", weight: 4)
            .Build();
        var r = Run(net);

        // Both u-f links are Firm-University (Firm = 0 < University = 1); i-u is University-Intermediary.
        Assert.Equal(["Firm-University", "University-Intermediary"], r.KindPairs.Ids);
        Assert.Equal(2, r.KindPairs["Firm-University", "count.local"]);
        Assert.Equal(3, r.KindPairs["Firm-University", "weight.local"]);
        // Intermediary is "other" in the helix.
        Assert.Equal(["academia-industry", "academia-other"], r.Helix.Ids);
        Assert.Equal(4.0 / 7, r.Helix["academia-other", "share.local"], Tol);
    }

    [Fact]
    public void Compute_EmptyNetwork_EmptyTables()
    {
        var r = Run(TinyNetworks.WorldBuilder().Build());

        Assert.Equal(0, r.KindPairs.Count);
        Assert.Equal(0, r.Helix.Count);
        Assert.Equal(["kind-pairs", "helix"], r.Columns);
    }
}
