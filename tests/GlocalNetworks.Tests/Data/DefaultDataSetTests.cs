using System;
using System.IO;
using GlocalNetworks.Data;
using GlocalNetworks.IO.Events;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Data;

public class DefaultDataSetTests
{
    [Fact]
    public void Load_Embedded_HasLinksAtAllFiveScales()
    {
        var net = DefaultDataSet.Load().Network;
        var counts = new long[5];
        foreach (var s in net.LinkScales)
        {
            counts[(int)s]++;
        }

        Assert.Equal(96, counts[(int)Scale.Local]);
        Assert.Equal(82, counts[(int)Scale.Regional]);
        Assert.Equal(83, counts[(int)Scale.National]);
        Assert.Equal(634, counts[(int)Scale.Supranational]);
        Assert.Equal(40, counts[(int)Scale.Global]);
        foreach (var s in Enum.GetValues<Scale>())
        {
            Assert.Equal(CordisCounts.Long("default_extract.links_by_scale." + s), counts[(int)s]);
        }
    }

    [Fact]
    public void Load_Embedded_CountsMatchTheExtract()
    {
        var r = DefaultDataSet.Load();
        var net = r.Network;

        Assert.Equal(CordisCounts.Long("default_extract.innovators"), net.Innovators.Count);
        Assert.Equal(174, net.Innovators.Count);
        Assert.Equal(CordisCounts.Long("default_extract.regions"), net.Regions.Count);
        Assert.Equal(CordisCounts.Long("default_extract.links"), net.Links.Count);
        Assert.Equal(935, net.Links.Count);
        Assert.Equal(CordisCounts.Long("default_extract.events"), r.Report.Counts["events"]);
        Assert.Equal(CordisCounts.Long("default_extract.participations"), r.Report.Counts["events.csv rows"]);
        Assert.Equal(0, net.ResolutionLimitedCount);
        Assert.Equal(net.Links.Count, net.Links.UndatedCount);
        Assert.Empty(r.Report.Issues);
        Assert.Same(RegionLadder.Default, net.Ladder);
        Assert.Equal("world", net.Regions.Root.Id);
    }

    [Fact]
    public void Load_Embedded_CentredOnTurin()
    {
        var net = DefaultDataSet.Load().Network;
        var turin = net.Regions["geonames:3165524"];

        Assert.Equal("Turin", turin.Name);
        Assert.Equal("admin1:IT.12", turin.ParentId);
        Assert.Equal("Piedmont", net.Regions["admin1:IT.12"].Name);
        Assert.Equal("POLITECNICO DI TORINO", net.Innovators["999977754"].Name);
        Assert.Equal(InnovatorKind.University, net.Innovators["999977754"].Kind);
        Assert.Equal("TORINO", net.Innovators["999977754"].Attributes["city"]);
        Assert.NotNull(net.Innovators["999977754"].Location);
    }

    [Fact]
    public void Load_Embedded_KindsAreTheKeywordRule()
    {
        // The Python script that made the extract mirrors InnovatorKindRule; the two must agree on every name.
        foreach (var inn in DefaultDataSet.Load().Network.Innovators)
        {
            Assert.True(InnovatorKindRule.Infer(inn.Name) == inn.Kind, $"'{inn.Name}': extract says {inn.Kind}, rule says {InnovatorKindRule.Infer(inn.Name)}.");
        }
    }

    [Fact]
    public void Load_Fractional_EachParticipantGetsOnePerProject()
    {
        var net = DefaultDataSet.Load(projection: EventProjectionOptions.Default with { Counting = ParticipationCounting.Fractional }).Network;
        var total = 0.0;
        foreach (var w in net.Links.Weights)
        {
            total += w;
        }

        Assert.Equal(236 / 2.0, total, 9);   // each of the 236 participations receives 1 in total, each link counted once
    }

    [Fact]
    public void Resource_UnknownFile_Throws() =>
        Assert.Throws<ArgumentException>(() => DefaultDataSet.Resource("links.csv"));

    [Fact]
    public void Embedded_FilesAreSmallAndCarryNotice()
    {
        var dir = Path.Combine(SharedData.RepositoryRoot, "src", "GlocalNetworks", "Data", "Embedded");
        long total = 0;
        foreach (var f in Directory.GetFiles(dir))
        {
            total += new FileInfo(f).Length;
        }

        Assert.True(total < 300_000, $"The embedded data set is {total} bytes; keep it under 300 KB.");
        var notice = File.ReadAllText(Path.Combine(dir, "NOTICE.md"));
        Assert.Contains("Source: CORDIS, © European Union, 2016", notice, StringComparison.Ordinal);
        Assert.Contains("GeoNames", notice, StringComparison.Ordinal);
        Assert.Contains("CC BY-SA 4.0", notice, StringComparison.Ordinal);
        Assert.Contains("MIT", notice, StringComparison.Ordinal);
        Assert.Contains("Source: CORDIS, © European Union, 2016", DefaultDataSet.Attribution, StringComparison.Ordinal);
    }
}
