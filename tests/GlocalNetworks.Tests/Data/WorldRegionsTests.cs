using System;
using System.IO;
using GlocalNetworks.Data;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Data;

public class WorldRegionsTests
{
    [Fact]
    public void ReadTree_SharedTable_HasWorldRegionsCountriesAndKosovo()
    {
        var t = WorldRegions.ReadTree(SharedData.Files.Countries, SharedData.Files.CountryCentroids);

        Assert.Equal(CordisCounts.Long("world.countries") + CordisCounts.Long("world.world_regions") + 1, t.Count);
        Assert.Equal(256, t.Count);
        Assert.Equal("world", t.Root.Id);
        Assert.Equal("world", t.Root.Level.Name);
        Assert.Equal(new[] { "m49:002", "m49:009", "m49:019", "m49:142", "m49:150" }, Ids(t, 1, 5));
        Assert.Equal("Europe", t["m49:150"].Name);
        Assert.Equal("world-region", t["m49:150"].Level.Name);
        Assert.Equal("m49:150", t["GR"].ParentId);
        Assert.Equal("country", t["GR"].Level.Name);
        Assert.Equal(CordisCounts.Text("world.kosovo_parent"), t["XK"].ParentId);
        Assert.Equal("Kosovo", t["XK"].Name);
        Assert.Equal(CordisCounts.Text("world.antarctica_parent"), t["AQ"].ParentId);
        Assert.Equal("Namibia", t["NA"].Name);
        Assert.Equal("m49:002", t["NA"].ParentId);
        Assert.Equal("Åland Islands", t["AX"].Name);
    }

    [Fact]
    public void ReadTree_WithCentroids_UsesPopulationWeightedCentreThenCapital()
    {
        var t = WorldRegions.ReadTree(SharedData.Files.Countries, SharedData.Files.CountryCentroids);

        // DE: popw 51.0137, 9.7989 in country-centroids/countries.csv.
        var de = t["DE"].Centroid!.Value;
        Assert.Equal(51.0137, de.Latitude, 4);
        Assert.Equal(9.7989, de.Longitude, 4);
        Assert.NotNull(t["XK"].Centroid);
        Assert.Null(t["BV"].Centroid);       // Bouvet Island: no places, no capital
        Assert.Null(t["m49:150"].Centroid);
        Assert.Null(WorldRegions.ReadTree(SharedData.Files.Countries)["DE"].Centroid);
    }

    [Fact]
    public void ReadTree_EuLadder_PutsLevelsOnThatLadder()
    {
        var t = WorldRegions.ReadTree(SharedData.Files.Countries, null, RegionLadder.Eu);

        Assert.Same(RegionLadder.Eu, t.Ladder);
        Assert.Equal(3, t["FR"].Level.Rank);
    }

    [Fact]
    public void ReadTree_LadderWithoutWorldRegion_Throws()
    {
        var ladder = RegionLadder.Create("two", ["country", "world"], [Scale.National, Scale.Global]);

        var e = Assert.Throws<UnknownRegionLevelException>(() => WorldRegions.ReadTree(SharedData.Files.Countries, null, ladder));
        Assert.Equal("world-region", e.Level);
    }

    [Fact]
    public void ReadTree_BadAlpha2_NamesFileLineAndValue()
    {
        using var dir = new TempDir();
        var p = dir.Write("countries.csv", Header + "Afghanistan,AF,AFG,004,ISO 3166-2:AF,Asia,Southern Asia,\"\",142,034,\"\"\nBroken,A1,XXX,999,x,Asia,Southern Asia,\"\",142,034,\"\"\n");

        var e = Assert.Throws<CsvFormatException>(() => WorldRegions.ReadTree(p));

        Assert.Equal(3, e.Line);
        Assert.Equal("alpha-2", e.Column);
        Assert.Equal("countries.csv:3: column 'alpha-2': value 'A1' is not an ISO 3166-1 alpha-2 code; expected two capital letters A-Z.", e.Message);
    }

    [Fact]
    public void ReadTree_DuplicateCode_NamesFirstLine()
    {
        using var dir = new TempDir();
        var row = "Afghanistan,AF,AFG,004,ISO 3166-2:AF,Asia,Southern Asia,\"\",142,034,\"\"\n";
        var p = dir.Write("countries.csv", Header + row + row);

        var e = Assert.Throws<DuplicateIdException>(() => WorldRegions.ReadTree(p));

        Assert.Equal(3, e.Line);
        Assert.Equal(2, e.FirstLine);
        Assert.StartsWith("countries.csv:3: column 'alpha-2': value 'AF' is a duplicate id", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTree_RegionNameDisagreesWithCode_Throws()
    {
        using var dir = new TempDir();
        var p = dir.Write("countries.csv", Header
            + "Afghanistan,AF,AFG,004,ISO 3166-2:AF,Asia,Southern Asia,\"\",142,034,\"\"\n"
            + "Albania,AL,ALB,008,ISO 3166-2:AL,Europe,Southern Europe,\"\",142,039,\"\"\n");

        var e = Assert.Throws<CsvFormatException>(() => WorldRegions.ReadTree(p));

        Assert.Equal("countries.csv:3: column 'region': value 'Europe' disagrees with the name 'Asia' that line 2 gives M49 region code '142'.", e.Message);
    }

    [Fact]
    public void ReadTree_WrongFieldCount_NamesLine()
    {
        using var dir = new TempDir();
        var p = dir.Write("countries.csv", Header + "Afghanistan,AF,AFG\n");

        var e = Assert.Throws<CsvFormatException>(() => WorldRegions.ReadTree(p));

        Assert.Equal(2, e.Line);
        Assert.StartsWith("countries.csv:2: value 'Afghanistan,AF,AFG' has 3 field(s) but the header has 11", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTree_MissingColumn_NamesHeader()
    {
        using var dir = new TempDir();
        var p = dir.Write("countries.csv", "name,alpha-2,region\nAfghanistan,AF,Asia\n");

        var e = Assert.Throws<CsvFormatException>(() => WorldRegions.ReadTree(p));

        Assert.Equal(1, e.Line);
        Assert.Equal("region-code", e.Column);
    }

    [Fact]
    public void ReadTree_MissingFile_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => WorldRegions.ReadTree(Path.Combine(Path.GetTempPath(), "no-such-dir-xyz", "countries.csv")));

    internal const string Header = "name,alpha-2,alpha-3,country-code,iso_3166-2,region,sub-region,intermediate-region,region-code,sub-region-code,intermediate-region-code\n";

    private static string[] Ids(RegionTree t, int from, int count)
    {
        var ids = new string[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = t[from + i].Id;
        }

        return ids;
    }
}
