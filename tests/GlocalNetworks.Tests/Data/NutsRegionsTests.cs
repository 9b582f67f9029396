using GlocalNetworks.Data;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Data;

public class NutsRegionsTests
{
    [Fact]
    public void ReadTree_Nuts2021_HangsNutsUnderIsoCountries()
    {
        var f = SharedData.Files;
        var t = NutsRegions.ReadTree(f.Nuts2021, f.Countries);

        Assert.Same(RegionLadder.Eu, t.Ladder);
        Assert.Equal(CordisCounts.Long("fp7.nuts.regions"), t.Count);
        Assert.Equal(125, t.RegionIndicesAtLevel("nuts1"));
        Assert.Equal(334, t.RegionIndicesAtLevel("nuts2"));
        Assert.Equal(1514, t.RegionIndicesAtLevel("nuts3"));
        Assert.Equal("EL30", t["EL303"].ParentId);
        Assert.Equal("GR", t["EL3"].ParentId);
        Assert.Equal("GB", t["UKI"].ParentId);
        Assert.Equal("DE", t["DE3"].ParentId);
        Assert.Equal("Berlin", t["DE300"].Name);
        Assert.Equal("nuts3", t["DE300"].Level.Name);
        Assert.Equal(52.5005, t["DE300"].Centroid!.Value.Latitude, 4);
        Assert.Equal("Jan Mayen and Svalbard", t["NO0B"].Name);     // quoted across lines in the file
        Assert.Equal("m49:150", t["GR"].ParentId);
        Assert.False(t.Contains("EL"));                             // NUTS-0 rows are the ISO countries
        Assert.Equal("DE", t[t.LcaIndex(t.IndexOf("DE300"), t.IndexOf("DE401"))].Id);
    }

    [Fact]
    public void ReadTree_UnknownParent_NamesFileAndLine()
    {
        using var dir = new TempDir();
        var p = dir.Write("nuts.csv", Header
            + "AT,0,,AT,Österreich,Österreich,0,,0,47.5847,14.1373\n"
            + "AT1,1,AT,AT,Ostösterreich,Ostösterreich,0,,0,48.1,16.3\n"
            + "AT13,2,AT1,AT,Wien,Wien,0,,0,48.2,16.4\n"
            + "AT130,3,AT12,AT,Wien,Wien,0,1,0,48.2,16.4\n");

        var e = Assert.Throws<ReferentialIntegrityException>(() => NutsRegions.ReadTree(p, SharedData.Files.Countries));

        Assert.Equal(5, e.Line);
        Assert.Equal("nuts.csv:5: column 'parent_id': value 'AT12' is not an earlier NUTS region of level 2 that prefixes 'AT130'; list parents before their children.", e.Message);
    }

    [Fact]
    public void ReadTree_CodeOfWrongLength_NamesFileAndLine()
    {
        using var dir = new TempDir();
        var p = dir.Write("nuts.csv", Header
            + "AT,0,,AT,Österreich,Österreich,0,,0,47.5847,14.1373\n"
            + "AT12,1,AT,AT,Ostösterreich,Ostösterreich,0,,0,48.1,16.3\n");

        var e = Assert.Throws<CsvFormatException>(() => NutsRegions.ReadTree(p, SharedData.Files.Countries));

        Assert.Equal("nuts.csv:3: column 'nuts_id': value 'AT12' is not a NUTS code of level 1; expected two capital letters and 1 more letters or digits.", e.Message);
    }

    [Fact]
    public void ReadTree_BadLatitude_NamesColumn()
    {
        using var dir = new TempDir();
        var p = dir.Write("nuts.csv", Header
            + "AT,0,,AT,Österreich,Österreich,0,,0,47.5847,14.1373\n"
            + "AT1,1,AT,AT,Ostösterreich,Ostösterreich,0,,0,north,16.3\n");

        var e = Assert.Throws<CsvFormatException>(() => NutsRegions.ReadTree(p, SharedData.Files.Countries));

        Assert.Equal(3, e.Line);
        Assert.Equal("lat", e.Column);
        Assert.Equal("north", e.Value);
    }

    private const string Header = "nuts_id,level,parent_id,country_code,name_latin,name_native,mount_type,urban_type,coast_type,lat,lon\n";
}

internal static class TreeCounts
{
    public static int RegionIndicesAtLevel(this RegionTree t, string level)
    {
        var rank = t.Ladder.GetLevel(level).Rank;
        var n = 0;
        for (var i = 0; i < t.Count; i++)
        {
            n += t.LevelRank(i) == rank ? 1 : 0;
        }

        return n;
    }
}
