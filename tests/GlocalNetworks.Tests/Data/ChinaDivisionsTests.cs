using GlocalNetworks.Data;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Data;

public class ChinaDivisionsTests
{
    [Fact]
    public void ReadTree_Divisions_HasProvincesPrefecturesCounties()
    {
        var t = ChinaDivisions.ReadTree(SharedData.Files.ChinaDivisions);

        Assert.Same(RegionLadder.China, t.Ladder);
        Assert.Equal(CordisCounts.Long("china.tree_regions"), t.Count);
        Assert.Equal(31, t.RegionIndicesAtLevel("province"));
        Assert.Equal(342, t.RegionIndicesAtLevel("prefecture"));
        Assert.Equal(2975, t.RegionIndicesAtLevel("county"));
        Assert.Equal(CordisCounts.Long("china.provinces"), t.RegionIndicesAtLevel("province"));
        Assert.Equal(CordisCounts.Long("china.prefectures"), t.RegionIndicesAtLevel("prefecture"));
        Assert.Equal(CordisCounts.Long("china.counties"), t.RegionIndicesAtLevel("county"));
        Assert.Equal("world", t.Root.Id);
    }

    [Fact]
    public void ReadTree_Divisions_KeepsChineseNamesAndParentChain()
    {
        var t = ChinaDivisions.ReadTree(SharedData.Files.ChinaDivisions);

        Assert.Equal("北京市", t["110000"].Name);
        Assert.Equal(CordisCounts.Text("china.beijing"), t["110000"].Name);
        Assert.Equal("东城区", t["110101"].Name);
        Assert.Equal(CordisCounts.Text("china.dongcheng"), t["110101"].Name);
        Assert.Equal("county", t["110101"].Level.Name);
        string[] chain = ["110100", "110000", "CN", "m49:142", "world"];
        var i = 0;
        foreach (var a in t.Ancestors(t["110101"]))
        {
            Assert.Equal(chain[i++], a.Id);
        }

        Assert.Equal(5, i);
        Assert.Equal(Scale.Local, t.Ladder.ScaleOf(t[t.LcaIndex(t.IndexOf("110101"), t.IndexOf("110102"))].Level));   // two districts of Beijing
        Assert.Equal(Scale.Regional, t.Ladder.ScaleOf(t[t.LcaIndex(t.IndexOf("440103"), t.IndexOf("440303"))].Level)); // Guangzhou and Shenzhen
        Assert.Equal(Scale.National, t.Ladder.ScaleOf(t[t.LcaIndex(t.IndexOf("110101"), t.IndexOf("310101"))].Level)); // Beijing and Shanghai
    }

    [Fact]
    public void ReadTree_Divisions_SeatPointsAsCentroids()
    {
        var t = ChinaDivisions.ReadTree(SharedData.Files.ChinaDivisions);
        int provinces = 0, prefectures = 0, counties = 0;
        foreach (var r in t)
        {
            if (r.Centroid is null)
            {
                continue;
            }

            provinces += r.Level.Name == "province" ? 1 : 0;
            prefectures += r.Level.Name == "prefecture" ? 1 : 0;
            counties += r.Level.Name == "county" ? 1 : 0;
        }

        Assert.Equal(CordisCounts.Long("china.provinces_with_seat"), provinces);
        Assert.Equal(CordisCounts.Long("china.prefectures_with_seat"), prefectures);
        Assert.Equal(CordisCounts.Long("china.counties_with_seat"), counties);
        Assert.Equal(39.9075, t["110000"].Centroid!.Value.Latitude, 4);
    }

    [Fact]
    public void ReadTree_WithCountries_AddsTheWorld()
    {
        var t = ChinaDivisions.ReadTree(SharedData.Files.ChinaDivisions, SharedData.Files.Countries);

        Assert.Equal(3348 + 256, t.Count);
        Assert.Equal("country", t["JP"].Level.Name);
        Assert.Equal("m49:142", t["CN"].ParentId);
        Assert.Equal("CN", t["110000"].ParentId);
    }

    [Fact]
    public void ReadTree_MalformedCode_NamesFileAndLine()
    {
        using var dir = new TempDir();
        var p = dir.Write("divisions.csv", Header + "110000,1,,北京市,Beijing,CN.22,1816670,Beijing,39.9075,116.39723,provincial-capital\n"
            + "11010,2,110000,市辖区,,,,,,,\n");

        var e = Assert.Throws<CsvFormatException>(() => ChinaDivisions.ReadTree(p));

        Assert.Equal("divisions.csv:3: column 'code': value '11010' is not a GB/T 2260 code; expected six digits.", e.Message);
    }

    [Fact]
    public void ReadTree_UnknownParent_NamesFileAndLine()
    {
        using var dir = new TempDir();
        var p = dir.Write("divisions.csv", Header + "110000,1,,北京市,Beijing,CN.22,1816670,Beijing,39.9075,116.39723,provincial-capital\n"
            + "110100,2,110000,市辖区,,,,,,,\n"
            + "110101,3,110200,东城区,,,,,,,\n");

        var e = Assert.Throws<ReferentialIntegrityException>(() => ChinaDivisions.ReadTree(p));

        Assert.Equal(4, e.Line);
        Assert.Equal("divisions.csv:4: column 'parent_code': value '110200' is not a division of level 2 in the file (parent of '110101').", e.Message);
    }

    [Fact]
    public void ReadTree_DuplicateCode_NamesFirstLine()
    {
        using var dir = new TempDir();
        var row = "110000,1,,北京市,Beijing,CN.22,1816670,Beijing,39.9075,116.39723,provincial-capital\n";
        var p = dir.Write("divisions.csv", Header + row + row);

        var e = Assert.Throws<DuplicateIdException>(() => ChinaDivisions.ReadTree(p));

        Assert.Equal(2, e.FirstLine);
        Assert.Equal(3, e.Line);
    }

    private const string Header = "code,level,parent_code,name_zh,name_geonames,geonames_admin_id,seat_geonameid,seat_name,seat_lat,seat_lon,seat_source\n";
}
