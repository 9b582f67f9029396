using System;
using System.Collections.Generic;
using System.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.IO.Csv;

public class GlocalCsvWriterTests
{
    [Fact]
    public void Write_ThenLoad_GivesTheSameNetwork()
    {
        var original = TinyNetworks.WorldBuilder()
            .AddInnovator("m1", "Firm, \"Munich\"", InnovatorKind.Firm, "Munich", TinyNetworks.GarchingPoint,
                new Dictionary<string, string> { ["sector"] = "ict", ["note"] = "multi\nline" })
            .AddInnovator("de", "Ministry", InnovatorKind.Government, "DE")
            .AddInnovator("t1", "東京大学", InnovatorKind.University, "Tokyo")
            .AddLink("m1", "de", LinkKind.Alliance, 1.0 / 3, 2020, endYear: 2022)
            .AddLink("t1", "m1", LinkKind.Citation, 2.0, 2010, directed: true)
            .AddLink("de", "t1", LinkKind.Other, 0.5)
            .Build();
        var dir = Path.Combine(Path.GetTempPath(), "glocal-writer-" + Guid.NewGuid().ToString("N"));
        try
        {
            var paths = GlocalCsvWriter.Write(original, dir);
            var back = GlocalCsv.Load(paths[2], paths[1], paths[0]).Network;

            Assert.Equal(original.Regions.Count, back.Regions.Count);
            foreach (var r in original.Regions)
            {
                var b = back.Regions[r.Id];
                Assert.Equal((r.Name, r.Level, r.ParentId, r.Centroid), (b.Name, b.Level, b.ParentId, b.Centroid));
            }

            Assert.Equal(original.Innovators.Count, back.Innovators.Count);
            for (var i = 0; i < original.Innovators.Count; i++)
            {
                var (a, b) = (original.Innovators[i], back.Innovators[i]);
                Assert.Equal((a.Id, a.Name, a.Kind, a.RegionId, a.Location), (b.Id, b.Name, b.Kind, b.RegionId, b.Location));
                Assert.Equal(a.Attributes.Count, b.Attributes.Count);
                foreach (var (k, v) in a.Attributes)
                {
                    Assert.Equal(v, b.Attributes[k]);
                }
            }

            Assert.Equal(original.Links.Count, back.Links.Count);
            for (var l = 0; l < original.Links.Count; l++)
            {
                var (x, y) = (original.Links[l], back.Links[l]);
                Assert.Equal(original.Innovators.IdOf(x.Source), back.Innovators.IdOf(y.Source));
                Assert.Equal(original.Innovators.IdOf(x.Target), back.Innovators.IdOf(y.Target));
                Assert.Equal((x.Weight, x.Kind, x.Year, x.EndYear, x.Date, x.Directed), (y.Weight, y.Kind, y.Year, y.EndYear, y.Date, y.Directed));
                Assert.Equal(original.LinkScales[l], back.LinkScales[l]);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void WriteLinks_Format_IsFixed()
    {
        var net = TinyNetworks.WorldPair("Munich", "Paris");
        var w = new StringWriter();

        GlocalCsvWriter.WriteLinks(net, w);

        Assert.Equal("source,target,weight,kind,year,end_year,date,directed\na,b,1,Other,,,,false\n", w.ToString());
    }

    [Fact]
    public void ReadGroups_ReadsIdsAndGroups()
    {
        var map = GlocalCsv.ReadGroups(CsvInput.FromText("groups.csv", "id,group,extra\n a ,x,1\nb,,2\n\"c,d\",y,3\n"));

        Assert.Equal(3, map.Count);
        Assert.Equal("x", map["a"]);
        Assert.Equal(string.Empty, map["b"]);
        Assert.Equal("y", map["c,d"]);
    }

    [Theory]
    [InlineData("id,grp\na,x\n", "groups.csv:1: column 'group'")]
    [InlineData("id,group\na,x\na,y\n", "groups.csv:3: column 'id': value 'a' is a duplicate id; it first occurs on line 2.")]
    [InlineData("id,group\n,x\n", "groups.csv:2: column 'id'")]
    [InlineData("id,group\na,x,z\n", "groups.csv:2:")]
    public void ReadGroups_BadInput_NamesFileLineAndColumn(string text, string message)
    {
        var ex = Assert.ThrowsAny<GlocalDataException>(() => GlocalCsv.ReadGroups(CsvInput.FromText("groups.csv", text)));
        Assert.StartsWith(message, ex.Message);
    }
}
