using System.Linq;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Events;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.IO.Csv;

public sealed partial class GlocalCsvTests
{
    internal const string Regions =
        "id,name,level,parent,lat,lon\n" +
        "world,World,world,,,\n" +
        "EU,Europe,world-region,world,,\n" +
        "AS,Asia,world-region,world,,\n" +
        "DE,Germany,country,EU,,\n" +
        "FR,France,country,EU,,\n" +
        "CN,China,country,AS,,\n" +
        "BY,Bayern,province,DE,,\n" +
        "SN,Sachsen,province,DE,,\n" +
        "MUC,München,city,BY,48.137,11.575\n" +
        "NUE,Nürnberg,city,BY,49.452,11.077\n" +
        "DRS,Dresden,city,SN,51.050,13.738\n" +
        "PAR,Paris,city,FR,48.857,2.352\n" +
        "BJ,北京,city,CN,39.904,116.407\n";

    internal const string Innovators =
        "id,name,kind,region,field\n" +
        "tum,Technische Universität München,university,MUC,engineering\n" +
        "siemens,Siemens AG,PRC,MUC,electrical\n" +
        "fau,Universität Erlangen-Nürnberg,HES,NUE,\n" +
        "tud,TU Dresden,research-institute,DRS,\n" +
        "cnrs,\"CNRS, Paris\",REC,PAR,\n" +
        "thu,清华大学,university,BJ,\n" +
        "bmbf,Bundesministerium,government,DE,\n";

    internal const string Links =
        "source,target,weight,kind,year\n" +
        "tum,siemens,2,co-patent,2012\n" +
        "tum,fau,1,co-publication,2011\n" +
        "tum,tud,1.5,joint-project,2013\n" +
        "tum,cnrs,1,joint-project,2013\n" +
        "tum,thu,0.5,co-publication,\n" +
        "bmbf,tud,1,other,2010\n";

    internal static LoadResult LoadSample(string links = Links, LoadOptions? options = null) =>
        GlocalCsv.Load(CsvInput.FromText("links.csv", links), CsvInput.FromText("innovators.csv", Innovators),
            CsvInput.FromText("regions.csv", Regions), options);

    [Fact]
    public void Load_SampleFiles_ReadsEveryRowWithScales()
    {
        var (net, report) = LoadSample();

        Assert.Equal(7, net.Innovators.Count);
        Assert.Equal(6, net.Links.Count);
        Assert.Equal(13, net.Regions.Count);
        Assert.Empty(report.Issues);
        var byPair = Enumerable.Range(0, net.Links.Count).ToDictionary(
            i => net.Innovators.IdOf(net.Links.Sources[i]) + "-" + net.Innovators.IdOf(net.Links.Targets[i]),
            i => (net.Links[i], net.LinkScales[i], net.LinkResolutionLimited[i]));
        Assert.Equal(Scale.Local, byPair["tum-siemens"].Item2);
        Assert.Equal(Scale.Regional, byPair["tum-fau"].Item2);
        Assert.Equal(Scale.National, byPair["tum-tud"].Item2);
        Assert.Equal(Scale.Supranational, byPair["tum-cnrs"].Item2);
        Assert.Equal(Scale.Global, byPair["tum-thu"].Item2);
        Assert.Equal(Scale.National, byPair["bmbf-tud"].Item2);
        Assert.True(byPair["bmbf-tud"].Item3);
        Assert.False(byPair["tum-tud"].Item3);
        Assert.Equal(1, net.ResolutionLimitedCount);
        Assert.Equal(2.0, byPair["tum-siemens"].Item1.Weight);
        Assert.Equal(LinkKind.CoPatent, byPair["tum-siemens"].Item1.Kind);
        Assert.Null(byPair["tum-thu"].Item1.Year);
        Assert.Equal(2013, byPair["tum-cnrs"].Item1.Year);
    }

    [Fact]
    public void Load_Utf8NamesAndQuotedFields_KeptExactly()
    {
        var net = LoadSample().Network;

        Assert.Equal("Technische Universität München", net.Innovators["tum"].Name);
        Assert.Equal("清华大学", net.Innovators["thu"].Name);
        Assert.Equal("CNRS, Paris", net.Innovators["cnrs"].Name);
        Assert.Equal("北京", net.Regions["BJ"].Name);
        Assert.Equal("engineering", net.Innovators["tum"].Attributes["field"]);
        Assert.False(net.Innovators["fau"].Attributes.ContainsKey("field"));
    }

    [Fact]
    public void Load_KindsFromNamesKebabCaseAndCordisCodes()
    {
        var inn = LoadSample().Network.Innovators;

        Assert.Equal(InnovatorKind.University, inn["tum"].Kind);
        Assert.Equal(InnovatorKind.Firm, inn["siemens"].Kind);
        Assert.Equal(InnovatorKind.University, inn["fau"].Kind);
        Assert.Equal(InnovatorKind.ResearchInstitute, inn["tud"].Kind);
        Assert.Equal(InnovatorKind.ResearchInstitute, inn["cnrs"].Kind);
        Assert.Equal(InnovatorKind.Government, inn["bmbf"].Kind);
    }

    [Fact]
    public void Load_LinksSortedByYearUndatedFirst()
    {
        var links = LoadSample().Network.Links;

        Assert.Equal(1, links.UndatedCount);
        var years = Enumerable.Range(0, links.Count).Select(links.YearOf).ToArray();
        Assert.Equal(new int?[] { null, 2010, 2011, 2012, 2013, 2013 }, years);
        Assert.Equal((2010, 2013), links.YearRange);
    }

    [Fact]
    public void Load_CentroidsRead()
    {
        var r = LoadSample().Network.Regions["MUC"];

        Assert.Equal(48.137, r.Centroid!.Value.Latitude, 12);
        Assert.Equal(11.575, r.Centroid!.Value.Longitude, 12);
        Assert.Null(LoadSample().Network.Regions["DE"].Centroid);
    }

    [Fact]
    public void Load_NoInnovatorsFile_InfersInnovatorsInImplicitRoot()
    {
        var (net, _) = GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\na,b\nb,c\n"));

        Assert.Equal(3, net.Innovators.Count);
        Assert.Equal(new[] { "a", "b", "c" }, net.Innovators.Select(i => i.Id));
        Assert.All(net.Innovators, i => Assert.Equal(RegionTree.ImplicitRootId, i.RegionId));
        Assert.Equal(2, net.Links.Count);
        Assert.All(Enumerable.Range(0, 2), i => Assert.Equal(Scale.Global, net.LinkScales[i]));
    }

    [Fact]
    public void Load_NoRegionsFile_InfersFlatRegionsAndReportsThem()
    {
        var (net, report) = GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\na,b\na,c\n"),
            CsvInput.FromText("innovators.csv", "id,region\na,X\nb,X\nc,Y\n"));

        Assert.Equal(3, net.Regions.Count); // X, Y and the implicit root
        Assert.Equal(2, report.Counts["regions inferred"]);
        Assert.Equal(Scale.Local, net.LinkScales[0]);
        Assert.Equal(Scale.Global, net.LinkScales[1]);
    }

    [Fact]
    public void Load_CustomColumnNamesAndSeparator()
    {
        var schema = CsvSchema.Default with
        {
            Separator = ';',
            Links = new LinkCsvColumns { Source = "from", Target = "to", Weight = "w" },
        };
        var (net, _) = GlocalCsv.Load(CsvInput.FromText("links.csv", "from;to;w\na;b;2,5\n".Replace("2,5", "2.5", System.StringComparison.Ordinal)), options: null, schema: schema);

        Assert.Equal(2.5, net.Links.Weights[0]);
    }

    [Fact]
    public void Load_HeaderIgnoresCaseAndSurroundingSpaces()
    {
        var (net, _) = GlocalCsv.Load(CsvInput.FromText("links.csv", "Source , TARGET\na,b\n"));

        Assert.Equal(1, net.Links.Count);
    }

    [Fact]
    public void Load_DirectedColumnAndDefault()
    {
        var (net, _) = GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target,directed\na,b,true\nb,c,\nc,a,0\n"),
            options: LoadOptions.Default with { Directed = true });

        var d = net.Links.Directed.ToArray();
        Assert.Equal(3, d.Length);
        Assert.Equal(2, d.Count(x => x));
        Assert.True(net.Links.AnyDirected);
        Assert.False(net.Links.AllDirected);
    }

    [Fact]
    public void Load_DateSetsYearWhenYearEmpty()
    {
        var (net, _) = GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target,year,date,end_year\na,b,,2015-03-01,2018\n"));

        var l = net.Links[0];
        Assert.Equal(2015, l.Year);
        Assert.Equal(new System.DateOnly(2015, 3, 1), l.Date);
        Assert.Equal(2018, l.EndYear);
    }

    [Fact]
    public void LoadEvents_FullCounting_EachPairOncePerEvent()
    {
        var events = "event,innovator,year\np1,a,2010\np1,b,2010\np1,c,2010\np2,a,2011\np2,b,2011\np3,c,2012\n";
        var (net, report) = GlocalCsv.LoadEvents(CsvInput.FromText("events.csv", events));

        Assert.Equal(4, net.Links.Count); // 3 pairs from p1, 1 from p2; p3 has one participant
        Assert.Equal(1, report.Counts["events with one participant (no link)"]);
        Assert.Equal(3, report.Counts["events"]);
        Assert.All(net.Links, l => Assert.Equal(1.0, l.Weight));
        Assert.All(net.Links, l => Assert.Equal(LinkKind.JointProject, l.Kind));
        Assert.Equal(new int?[] { 2010, 2010, 2010, 2011 }, net.Links.Select(l => l.Year));
    }

    [Fact]
    public void LoadEvents_FractionalCounting_EachParticipantGetsOnePerEvent()
    {
        var events = "event,innovator\np1,a\np1,b\np1,c\np1,d\np2,a\np2,b\n";
        var (net, _) = GlocalCsv.LoadEvents(CsvInput.FromText("events.csv", events),
            projection: EventProjectionOptions.Default with { Counting = ParticipationCounting.Fractional });

        var strength = new double[net.Innovators.Count];
        foreach (var l in net.Links)
        {
            strength[l.Source] += l.Weight;
            strength[l.Target] += l.Weight;
        }

        // a and b: 1 from p1 + 1 from p2; c and d: 1 from p1.
        Assert.Equal(new[] { 2.0, 2.0, 1.0, 1.0 }, strength.Select(s => System.Math.Round(s, 12)));
        Assert.Equal(1.0 / 3, net.Links.Weights[0], 15);
    }

    [Fact]
    public void LoadEvents_DuplicateParticipant_CountedOnceAndReported()
    {
        var (net, report) = GlocalCsv.LoadEvents(CsvInput.FromText("events.csv", "event,innovator\np,a\np,b\np,a\n"));

        Assert.Equal(1, net.Links.Count);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(LoadAction.Repaired, issue.Action);
        Assert.Equal("events.csv: column 'innovator': value 'a' is listed more than once in event 'p'; counted once. (repaired)", issue.ToString());
    }

    [Fact]
    public void LoadEvents_OversizedEvents_SkippedAndReportedOrProjected()
    {
        var events = "event,innovator\nbig,a\nbig,b\nbig,c\nsmall,a\nsmall,b\n";
        var opts = EventProjectionOptions.Default with { MaxParticipants = 2 };
        var (skipped, report) = GlocalCsv.LoadEvents(CsvInput.FromText("events.csv", events), projection: opts);
        var (projected, report2) = GlocalCsv.LoadEvents(CsvInput.FromText("events.csv", events),
            projection: opts with { Oversized = OversizedEventPolicy.Project });

        Assert.Equal(1, skipped.Links.Count);
        Assert.Contains(report.Issues, i => i.Value == "big" && i.Action == LoadAction.Skipped && i.Reason.Contains("has 3 participants", System.StringComparison.Ordinal));
        Assert.Equal(4, projected.Links.Count);
        Assert.Equal(1, report2.Counts["events above MaxParticipants projected"]);
    }

    [Fact]
    public void LoadEvents_LifetimeKeptOnLinks()
    {
        var (net, _) = GlocalCsv.LoadEvents(CsvInput.FromText("events.csv", "event,innovator,year,end_year\np,a,2015,2018\np,b,2015,2018\n"));

        Assert.Equal(2015, net.Links[0].Year);
        Assert.Equal(2018, net.Links[0].EndYear);
    }

    [Fact]
    public void LoadReport_WriteCsv_QuotesFields()
    {
        var (_, report) = LoadSample("source,target,weight\ntum,siemens,-3\n", LoadOptions.Default with { Mode = LoadMode.Lenient });
        var w = new System.IO.StringWriter();
        report.WriteCsv(w);

        Assert.Equal("file,line,column,value,reason,action\nlinks.csv,2,weight,-3,is negative; weights must be > 0.,skipped\n", w.ToString());
    }
}

public sealed class InnovatorIdLookupTests
{
    [Fact]
    public void NumericAndTextIds_AreDistinctByTheirText()
    {
        var (net, _) = GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\n7,007\n07,7\n0,x\n16777216,7\n-1,0\n"));

        Assert.Equal(new[] { "7", "007", "07", "0", "x", "16777216", "-1" }, net.Innovators.Select(i => i.Id));
        Assert.Equal(5, net.Links.Count);
        Assert.Equal(3, net.Links.Count(l => net.Innovators.IdOf(l.Source) == "7" || net.Innovators.IdOf(l.Target) == "7"));
    }

    [Fact]
    public void NumericIds_InAFixedTable_ResolveAndUnknownOnesFail()
    {
        var innovators = "id,region\n1,X\n20,X\n300,X\nabc,X\n";

        var (net, _) = GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\n1,20\n300,abc\n"), CsvInput.FromText("innovators.csv", innovators));
        var e = Assert.Throws<ReferentialIntegrityException>(() => GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\n1,2\n"),
            CsvInput.FromText("innovators.csv", innovators)));

        Assert.Equal(2, net.Links.Count);
        Assert.Equal("20", net.Innovators.IdOf(net.Links[0].Target));
        Assert.StartsWith("links.csv:2: column 'target': value '2' is not a known innovator id", e.Message, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", true, 0)]
    [InlineData("12345678", true, 12345678)]
    [InlineData("16777215", true, 16777215)]
    [InlineData("16777216", false, 0)]
    [InlineData("007", false, 0)]
    [InlineData("-1", false, 0)]
    [InlineData("1a", false, 0)]
    [InlineData("", false, 0)]
    [InlineData("123456789", false, 0)]
    public void CanonicalInt_OnlyPlainDigitsWithoutLeadingZeros(string text, bool expected, int value)
    {
        Assert.Equal(expected, InnovatorResolver.TryCanonicalInt(text, out var v));
        if (expected)
        {
            Assert.Equal(value, v);
        }
    }
}
