using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using Xunit;

namespace GlocalNetworks.Tests.IO.Csv;

public sealed partial class GlocalCsvTests
{
    private static LoadOptions Lenient => LoadOptions.Default with { Mode = LoadMode.Lenient };

    [Theory]
    [InlineData("-3", "links.csv:3: column 'weight': value '-3' is negative; weights must be > 0.")]
    [InlineData("0", "links.csv:3: column 'weight': value '0' is zero; weights must be > 0.")]
    [InlineData("NaN", "links.csv:3: column 'weight': value 'NaN' is not a number; weights must be > 0.")]
    [InlineData("Infinity", "links.csv:3: column 'weight': value 'Infinity' is infinite; weights must be finite and > 0.")]
    [InlineData("1,5", "links.csv:3: column 'weight': value '1,5' is not a number; weights must be > 0.")]
    [InlineData("abc", "links.csv:3: column 'weight': value 'abc' is not a number; weights must be > 0.")]
    public void Load_BadWeight_ThrowsNamingFileLineColumnValue(string weight, string message)
    {
        var links = "source,target,weight\ntum,siemens,1\ntum,fau,\"" + weight + "\"\n";

        var e = Assert.Throws<InvalidWeightException>(() => LoadSample(links));

        Assert.Equal(message, e.Message);
        Assert.Equal("links.csv", e.FilePath);
        Assert.Equal(3, e.Line);
        Assert.Equal("weight", e.Column);
        Assert.Equal(weight, e.Value);
    }

    [Fact]
    public void Load_UnknownInnovator_ThrowsWithSuggestions()
    {
        var e = Assert.Throws<ReferentialIntegrityException>(() => LoadSample("source,target\ntum,siemen\n"));

        Assert.Equal("links.csv:2: column 'target': value 'siemen' is not a known innovator id; did you mean 'siemens'?", e.Message);
        Assert.Equal(new[] { "siemens" }, e.Suggestions);
    }

    [Fact]
    public void Load_EmptyEndpoint_Throws()
    {
        var e = Assert.Throws<ReferentialIntegrityException>(() => LoadSample("source,target\ntum,\n"));

        Assert.Equal("links.csv:2: column 'target': value '' is empty; every link needs two innovator ids.", e.Message);
    }

    [Fact]
    public void Load_SelfLoop_ThrowsByDefault_IgnoredAndReportedOnRequest()
    {
        var e = Assert.Throws<SelfLoopException>(() => LoadSample("source,target\ntum,tum\n"));
        var (net, report) = LoadSample("source,target\ntum,tum\ntum,fau\n", LoadOptions.Default with { SelfLoops = GlocalNetworks.Kernels.SelfLoopPolicy.Ignore });

        Assert.Equal("links.csv:2: column 'target': value 'tum' equals the source; self-loops are not knowledge links.", e.Message);
        Assert.Equal(1, net.Links.Count);
        Assert.Equal("links.csv:2: column 'target': value 'tum' equals the source; the self-loop is left out (LoadOptions.SelfLoops is Ignore). (skipped)",
            Assert.Single(report.Issues).ToString());
        report.ThrowIfAny(); // an ignored self-loop is policy, not an error: strict mode would not have thrown either
    }

    [Fact]
    public void Load_MissingRequiredColumn_ThrowsListingHeader()
    {
        var e = Assert.Throws<CsvFormatException>(() => LoadSample("from,to\na,b\n"));

        Assert.Equal("links.csv:1: column 'source': is a required column but the header has only 'from', 'to'.", e.Message);
    }

    [Fact]
    public void Load_EmptyFile_Throws()
    {
        var e = Assert.Throws<CsvFormatException>(() => LoadSample(string.Empty));

        Assert.Equal("links.csv:1: is empty; expected a header row.", e.Message);
    }

    [Fact]
    public void Load_WrongFieldCount_ThrowsNamingLine()
    {
        var e = Assert.Throws<CsvFormatException>(() => LoadSample("source,target,weight\ntum,fau,1\ntum,siemens\n"));

        Assert.Equal("links.csv:3: value 'tum,siemens' has 2 field(s) but the header has 3; check the separator and quoting.", e.Message);
    }

    [Fact]
    public void Load_QuotedNewline_LineIsWhereRecordStarts()
    {
        var links = "source,target,kind\ntum,fau,\"co-\npublication\"\ntum,siemens,-\n";

        var e = Assert.Throws<CsvFormatException>(() => LoadSample(links));

        // The first record spans lines 2-3 and fails on its kind; its line is 2.
        Assert.Equal(2, e.Line);
        Assert.Equal("kind", e.Column);
    }

    [Fact]
    public void Load_BadYear_Throws()
    {
        var e = Assert.Throws<CsvFormatException>(() => LoadSample("source,target,year\ntum,fau,20x1\n"));

        Assert.Equal("links.csv:2: column 'year': value '20x1' is not a year; use a whole number such as 2015.", e.Message);
    }

    [Fact]
    public void Load_EndYearBeforeYear_Throws()
    {
        var e = Assert.Throws<CsvFormatException>(() => LoadSample("source,target,year,end_year\ntum,fau,2015,2014\n"));

        Assert.Equal("links.csv:2: column 'end_year': value '2014' is before the start year.", e.Message);
    }

    [Fact]
    public void Load_UnknownLinkKind_Throws()
    {
        var e = Assert.Throws<CsvFormatException>(() => LoadSample("source,target,kind\ntum,fau,friendship\n"));

        Assert.StartsWith("links.csv:2: column 'kind': value 'friendship' is not a link kind;", e.Message);
    }

    [Fact]
    public void Load_DuplicateInnovator_ThrowsNamingFirstLine()
    {
        var innovators = "id,region\na,MUC\nb,MUC\na,NUE\n";

        var e = Assert.Throws<DuplicateIdException>(() => GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\na,b\n"),
            CsvInput.FromText("innovators.csv", innovators), CsvInput.FromText("regions.csv", Regions)));

        Assert.Equal("innovators.csv:4: column 'id': value 'a' is a duplicate id; it first occurs on line 2.", e.Message);
        Assert.Equal(2, e.FirstLine);
    }

    [Fact]
    public void Load_InnovatorInUnknownRegion_ThrowsWithSuggestion()
    {
        var e = Assert.Throws<ReferentialIntegrityException>(() => GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\na,b\n"),
            CsvInput.FromText("innovators.csv", "id,region\na,MUC\nb,NUEE\n"), CsvInput.FromText("regions.csv", Regions)));

        Assert.Equal("innovators.csv:3: column 'region': value 'NUEE' is not a known region id (home of innovator 'b'); did you mean 'NUE'?", e.Message);
    }

    [Fact]
    public void ReadRegions_DuplicateId_ThrowsNamingBothLines()
    {
        var e = Assert.Throws<RegionTreeException>(() => GlocalCsv.ReadRegions(CsvInput.FromText("regions.csv", Regions + "DE,Deutschland,country,EU,,\n")));

        Assert.Equal("regions.csv:15: column 'id': value 'DE' is a duplicate region id; it first occurs on line 5.", e.Message);
    }

    [Fact]
    public void ReadRegions_Cycle_ThrowsListingCycle()
    {
        var text = "id,name,level,parent\nA,A,city,B\nB,B,province,C\nC,C,country,A\n";

        var e = Assert.Throws<RegionTreeException>(() => GlocalCsv.ReadRegions(CsvInput.FromText("regions.csv", text)));

        Assert.Equal(new[] { "A", "B", "C", "A" }, e.Cycle);
        Assert.Contains("A -> B -> C -> A", e.Message, System.StringComparison.Ordinal);
        Assert.StartsWith("regions.csv:2: column 'parent': value 'B' closes a cycle", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRegions_UnknownLevel_ThrowsListingLevels()
    {
        var e = Assert.Throws<RegionTreeException>(() => GlocalCsv.ReadRegions(CsvInput.FromText("regions.csv", "id,level\nX,town\n")));

        Assert.Equal("regions.csv:2: column 'level': value 'town' is not a level of the ladder 'default'; its levels are city, province, country, world-region, world.", e.Message);
    }

    [Fact]
    public void ReadRegions_BadCoordinate_ThrowsInStrictMode()
    {
        var e = Assert.Throws<CsvFormatException>(() => GlocalCsv.ReadRegions(CsvInput.FromText("regions.csv", "id,level,lat,lon\nX,city,91,10\n")));

        Assert.Equal("regions.csv:2: column 'lat': value '91' is not a valid coordinate; latitude must be in [-90, 90] and longitude in [-180, 180] degrees; the point is left out.", e.Message);
    }

    [Fact]
    public void Lenient_CollectsEveryProblem_AndSkipsOnlyBadRows()
    {
        var links =
            "source,target,weight,year\n" +
            "tum,fau,1,2010\n" +     // ok
            "tum,fau,-1,2010\n" +    // negative weight
            "tum,nobody,1,2010\n" +  // unknown innovator
            "tum,tum,1,2010\n" +     // self-loop
            "tum,siemens,1\n" +      // wrong field count
            "tum,cnrs,1,year\n" +    // bad year
            "tud,cnrs,2,2011\n";     // ok

        var (net, report) = LoadSample(links, Lenient);

        Assert.Equal(2, net.Links.Count);
        Assert.Equal(5, report.SkippedRows);
        Assert.Equal(new long?[] { 3, 4, 5, 6, 7 }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(report.Issues, i => i.Line)));
        Assert.Equal(7, report.Counts["links.csv rows"]);
        Assert.Equal(2, report.Counts["links loaded"]);
        var e = Assert.Throws<InvalidWeightException>(report.ThrowIfAny);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Lenient_InnovatorInUnknownRegion_SkippedThenItsLinksReported()
    {
        var (net, report) = GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\na,b\n"),
            CsvInput.FromText("innovators.csv", "id,region\na,MUC\nb,NOWHERE\n"), CsvInput.FromText("regions.csv", Regions), Lenient);

        Assert.Equal(1, net.Innovators.Count);
        Assert.Equal(0, net.Links.Count);
        Assert.Equal(2, report.Issues.Count);
        Assert.Equal("innovators.csv", report.Issues[0].File);
        Assert.Equal("links.csv", report.Issues[1].File);
    }

    [Fact]
    public void Lenient_UnknownInnovatorKind_RepairedToOther()
    {
        var (net, report) = GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\na,b\n"),
            CsvInput.FromText("innovators.csv", "id,kind\na,spaceship\nb,firm\n"), options: Lenient);

        Assert.Equal(GlocalNetworks.Model.InnovatorKind.Other, net.Innovators["a"].Kind);
        Assert.Equal(LoadAction.Repaired, Assert.Single(report.Issues).Action);
    }

    [Fact]
    public void Summary_ListsCountsAndReasons()
    {
        var (_, report) = LoadSample("source,target,weight\ntum,fau,-1\ntum,fau,-2\n", Lenient);

        var s = report.Summary();

        Assert.Contains("2 issue(s), 2 row(s) skipped", s, System.StringComparison.Ordinal);
        Assert.Contains("2 x weight: is negative; weights must be > 0. (skipped)", s, System.StringComparison.Ordinal);
    }
}
