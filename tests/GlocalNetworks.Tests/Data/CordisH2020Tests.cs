using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using GlocalNetworks.Data;
using GlocalNetworks.IO;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;
using Xunit.Abstractions;

namespace GlocalNetworks.Tests.Data;

public sealed class H2020Fixture
{
    public H2020Fixture()
    {
        var sw = Stopwatch.StartNew();
        Result = CordisH2020.Load(SharedData.Files);
        Time = sw.Elapsed;
    }

    public LoadResult Result { get; }

    public TimeSpan Time { get; }
}

public class CordisH2020Tests(H2020Fixture h2020, ITestOutputHelper output) : IClassFixture<H2020Fixture>
{
    [Fact]
    public void Load_CountsMatchIndependentRecount()
    {
        var r = h2020.Result;
        var c = r.Report.Counts;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"H2020: {h2020.Time.TotalSeconds:F2} s"));
        output.WriteLine(r.Report.Summary());

        Assert.Equal(CordisCounts.Long("h2020.organisations"), r.Network.Innovators.Count);
        Assert.Equal(12326, r.Network.Innovators.Count);
        Assert.Equal(CordisCounts.Long("h2020.participations"), c["participations.csv rows"]);
        Assert.Equal(CordisCounts.Long("h2020.projects"), c["projects.csv rows"]);
        Assert.Equal(CordisCounts.Long("h2020.events"), c["events"]);
        Assert.Equal(CordisCounts.Long("h2020.events_single"), c["events with one participant (no link)"]);
        Assert.Equal(CordisCounts.Long("h2020.links"), r.Network.Links.Count);
        Assert.Equal(767, c["projects without a start date (links undated)"]);
        Assert.Equal(CordisCounts.Long("h2020.projects_without_start"), c["projects without a start date (links undated)"]);
        Assert.Equal(CordisCounts.Long("h2020.projects_end_without_start"), c["projects with an end date but no start date (end not used)"]);
        Assert.Equal(CordisCounts.Long("h2020.links_by_start_year.undated"), r.Network.Links.UndatedCount);
        Assert.Equal(CordisCounts.Long("h2020.links_resolution_limited"), r.Network.ResolutionLimitedCount);
        foreach (var level in new[] { "city", "province", "country", "world-region", "world" })
        {
            Assert.Equal(CordisCounts.Long("h2020.innovators_by_level." + level), c["innovators at " + level]);
        }

        var scales = new long[5];
        foreach (var s in r.Network.LinkScales)
        {
            scales[(int)s]++;
        }

        foreach (var s in Enum.GetValues<Scale>())
        {
            Assert.Equal(CordisCounts.Long("h2020.links_by_scale." + s), scales[(int)s]);
        }
    }

    [Fact]
    public void Load_LinksCarryProjectStartAndEndYears()
    {
        var links = h2020.Result.Network.Links;
        var byYear = new Dictionary<int, long>();
        for (var i = 0; i < links.Count; i++)
        {
            var l = links[i];
            if (l.Year is { } y)
            {
                byYear[y] = byYear.GetValueOrDefault(y) + 1;
                Assert.NotNull(l.EndYear);
                Assert.True(l.EndYear >= y);
            }
            else
            {
                Assert.Null(l.EndYear);
            }
        }

        foreach (var y in new[] { 2014, 2015, 2016 })
        {
            Assert.Equal(CordisCounts.Long("h2020.links_by_start_year." + y.ToString(CultureInfo.InvariantCulture)), byYear[y]);
        }

        Assert.Equal((2014, 2016), links.YearRange);
        Assert.Equal(6744 + 129633 + 56387 + 3672, links.Count);
    }

    [Fact]
    public void Load_OrganisationsSitInTheirCountry()
    {
        var net = h2020.Result.Network;
        foreach (var inn in net.Innovators)
        {
            Assert.Equal("country", net.Regions[inn.RegionId].Level.Name);
        }

        var greek = 0;
        foreach (var inn in net.Innovators)
        {
            greek += inn.RegionId == "GR" ? 1 : 0;
            Assert.NotEqual("UK", inn.RegionId);
            Assert.NotEqual("EL", inn.RegionId);
        }

        Assert.Equal(286, greek);   // every H2020 organisation in Greece is coded EL
    }

    [Fact]
    public void Load_BadStartDate_StrictThrowsLenientLeavesUndated()
    {
        using var dir = new TempDir();
        var files = SharedData.Files with
        {
            H2020Projects = dir.Write("projects.csv", "project_rcn,start_date,end_date\n1,2015-01-01,2017-12-31\n2,2015-13-01,2016-01-01\n"),
            H2020Organisations = dir.Write("organisations.csv", "org_id,name,country\na,A GMBH,DE\nb,B SA,EL\nc,C,UK\n"),
            H2020Participations = dir.Write("participations.csv", "project_rcn,org_id\n1,a\n1,b\n2,b\n2,c\n"),
        };

        var e = Assert.Throws<CsvFormatException>(() => CordisH2020.Load(files));
        var r = CordisH2020.Load(files, new LoadOptions { Mode = LoadMode.Lenient }, CordisOptions.Default with { InferKinds = true });

        Assert.Equal("projects.csv:3: column 'start_date': value '2015-13-01' is not a date; expected yyyy-MM-dd. The date is left out.", e.Message);
        Assert.Equal(2, r.Network.Links.Count);
        Assert.Equal(1, r.Network.Links.UndatedCount);
        Assert.Equal("GR", r.Network.Innovators["b"].RegionId);
        Assert.Equal("GB", r.Network.Innovators["c"].RegionId);
        Assert.Equal(InnovatorKind.Firm, r.Network.Innovators["a"].Kind);
        Assert.Equal(1, r.Report.Counts["innovators left Other by the keyword rule"]);
        var dated = r.Network.Links[1];
        Assert.Equal(2015, dated.Year);
        Assert.Equal(2017, dated.EndYear);
    }
}
