using System.IO;
using System.Linq;
using GlocalNetworks.IO;
using GlocalNetworks.IO.GraphFormats;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.IO.GraphFormats;

public class PajekTests
{
    // ---- the real files (shared/data/citation-pajek, Batagelj's SPC test networks)

    [Theory]
    [InlineData("Test.net", 7, 9)]
    [InlineData("TestSPLC.net", 8, 16)]
    [InlineData("TestSPNP.net", 9, 23)]
    public void Read_BatageljTestNetworks_GivesDeclaredCounts(string file, int vertices, int arcs)
    {
        var result = PajekReader.Read(GraphFormatsFixtures.SharedData("citation-pajek", file));
        var net = result.Network;
        Assert.Equal(vertices, net.Innovators.Count);
        Assert.Equal(arcs, net.Links.Count);
        Assert.True(net.Links.AllDirected);
        Assert.All(net.Links, l => Assert.Equal(1.0, l.Weight));
        Assert.All(net.Links, l => Assert.Equal(LinkKind.Other, l.Kind));
        Assert.Equal(vertices, result.Report.Counts[file + " vertices"]);
        Assert.Equal(arcs, result.Report.Counts[file + " arc lines"]);
        Assert.Equal(0, result.Report.Counts[file + " edge lines"]);
        Assert.Empty(result.Report.Issues);
    }

    [Fact]
    public void Read_TestNet_GivesLabelsArcsAndNoGeography()
    {
        var net = PajekReader.Read(GraphFormatsFixtures.SharedData("citation-pajek", "Test.net")).Network;
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], net.Innovators.Select(i => i.Id).ToArray());
        Assert.Equal(["3", "5", "12", "20", "15", "21", "22"], net.Innovators.Select(i => i.Name).ToArray());
        Assert.All(net.Innovators, i => Assert.Equal(InnovatorKind.Other, i.Kind));
        Assert.All(net.Innovators, i => Assert.Equal(RegionTree.ImplicitRootId, i.RegionId));
        Assert.Single(net.Regions);
        var arcs = net.Links.Select(l => (net.Innovators.IdOf(l.Source), net.Innovators.IdOf(l.Target))).ToArray();
        Assert.Equal(
            [("1", "2"), ("1", "6"), ("2", "3"), ("3", "4"), ("3", "5"), ("4", "6"), ("4", "7"), ("5", "7"), ("6", "7")],
            arcs);
        Assert.All(net.LinkScales.ToArray(), s => Assert.Equal(Scale.Global, s));
    }

    [Fact]
    public void Read_TestSpnp_HasSourceAndSinkVertices()
    {
        var net = PajekReader.Read(GraphFormatsFixtures.SharedData("citation-pajek", "TestSPNP.net")).Network;
        Assert.Equal("s", net.Innovators["8"].Name);
        Assert.Equal("t", net.Innovators["9"].Name);
        Assert.Equal(7, net.Links.Count(l => net.Innovators.IdOf(l.Source) == "8"));
        Assert.Equal(7, net.Links.Count(l => net.Innovators.IdOf(l.Target) == "9"));
    }

    // ---- syntax

    [Fact]
    public void Read_AllSectionKinds_CommentsAndMixedLineEnds()
    {
        const string text =
            "% a comment\r\n" +
            "*Network demo\n" +
            "*vertices 5\r" +
            "1 \"Universität Zürich\" 0.1 0.2 0.5\n" +
            "2 清华大学\n" +
            "   3   \"a b c\"\n" +
            "\n" +
            "*ARCS\n" +
            "1 2 2.5 c Red\n" +
            "% between\n" +
            "*Edges :1 \"collab\"\n" +
            "2 3\n" +
            "*Arcslist\n" +
            "4 1 2 3\n" +
            "*EdgesList\n" +
            "5 4\n";
        var result = PajekReader.Read(new StringReader(text), "demo.net");
        var net = result.Network;
        Assert.Equal(["Universität Zürich", "清华大学", "a b c", "4", "5"], net.Innovators.Select(i => i.Name).ToArray());
        var links = net.Links.Select(l => (net.Innovators.IdOf(l.Source), net.Innovators.IdOf(l.Target), l.Weight, l.Directed)).ToArray();
        Assert.Equal(
            [("1", "2", 2.5, true), ("2", "3", 1.0, false), ("4", "1", 1.0, true), ("4", "2", 1.0, true), ("4", "3", 1.0, true), ("5", "4", 1.0, false)],
            links);
        Assert.Equal(2, result.Report.Counts["demo.net arc lines"]);
        Assert.Equal(2, result.Report.Counts["demo.net edge lines"]);
    }

    [Fact]
    public void Read_TwoMode_MarksModes()
    {
        var net = PajekReader.Read(new StringReader("*Vertices 3 2\n1 a\n2 b\n3 c\n*Edges\n1 3\n2 3\n"), "two.net").Network;
        Assert.Equal(["1", "1", "2"], net.Innovators.Select(i => i.Attributes["mode"]).ToArray());
        Assert.Equal(2, net.Links.Count);
    }

    [Fact]
    public void Read_EmptyInput_GivesEmptyNetwork()
    {
        var net = PajekReader.Read(new StringReader("% nothing\n"), "empty.net").Network;
        Assert.Empty(net.Innovators);
        Assert.Empty(net.Links);
    }

    [Fact]
    public void Read_UseDefaultLinkKindOption()
    {
        var net = PajekReader.Read(new StringReader("*Vertices 2\n*Arcs\n1 2\n"), "c.net", new LoadOptions { DefaultLinkKind = LinkKind.Citation }).Network;
        Assert.Equal(LinkKind.Citation, net.Links[0].Kind);
        Assert.Equal(["1", "2"], net.Innovators.Select(i => i.Name).ToArray());
    }

    // ---- errors: exact messages

    [Fact]
    public void Read_ArcsBeforeVertices_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("% c\n*Arcs\n1 2\n"), "bad.net"));
        Assert.Equal("bad.net:2: value '*Arcs' comes before *Vertices; a Pajek network starts with '*Vertices n'.", ex.Message);
    }

    [Fact]
    public void Read_LineBeforeVertices_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("1 2\n"), "bad.net"));
        Assert.Equal("bad.net:1: value '1' comes before *Vertices; a Pajek network starts with '*Vertices n'.", ex.Message);
    }

    [Fact]
    public void Read_ArcEndOutOfRange_ThrowsReferentialIntegrity()
    {
        var ex = Assert.Throws<ReferentialIntegrityException>(() => PajekReader.Read(new StringReader("*Vertices 3\n*Arcs\n1 2\n3 4\n"), "bad.net"));
        Assert.Equal("bad.net:4: column 'target': value '4' is not a vertex number; *Vertices on line 1 declares 3, numbered 1..3.", ex.Message);
    }

    [Fact]
    public void Read_VertexLineOutOfRange_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("*Vertices 2\n3 \"c\"\n"), "bad.net"));
        Assert.Equal("bad.net:2: column 'vertex': value '3' is not a vertex number; *Vertices on line 1 declares 2, numbered 1..2.", ex.Message);
    }

    [Fact]
    public void Read_NonNumericVertex_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("*Vertices 2\n*Edges\n1 x\n"), "bad.net"));
        Assert.Equal("bad.net:3: column 'target': value 'x' is not a vertex number; expected a whole number in 1..2.", ex.Message);
    }

    [Fact]
    public void Read_DuplicateVertexLine_ThrowsNamingFirstLine()
    {
        var ex = Assert.Throws<DuplicateIdException>(() => PajekReader.Read(new StringReader("*Vertices 2\n1 a\n1 b\n"), "bad.net"));
        Assert.Equal("bad.net:3: column 'vertex': value '1' is a duplicate id; it first occurs on line 2.", ex.Message);
    }

    [Theory]
    [InlineData("-1", "is negative; weights must be > 0.")]
    [InlineData("0", "is zero; weights must be > 0.")]
    public void Read_BadWeight_ThrowsInvalidWeight(string weight, string reason)
    {
        var ex = Assert.Throws<InvalidWeightException>(() => PajekReader.Read(new StringReader($"*Vertices 2\n*Arcs\n1 2 {weight}\n"), "bad.net"));
        Assert.Equal($"bad.net:3: column 'weight': value '{weight}' {reason}", ex.Message);
    }

    [Fact]
    public void Read_UnparsableWeight_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("*Vertices 2\n*Arcs\n1 2 1,5\n"), "bad.net"));
        Assert.Equal("bad.net:3: column 'weight': value '1,5' is not a number; expected an invariant-culture number such as '2.5'.", ex.Message);
    }

    [Fact]
    public void Read_UnknownSection_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("*Vertices 2\n*Matrix\n0 1\n1 0\n"), "bad.net"));
        Assert.Equal("bad.net:2: column 'section': value '*Matrix' is not a section this reader understands; expected *Vertices, *Arcs, *Edges, *Arcslist or *Edgeslist (matrices, partitions and vectors are not read).", ex.Message);
    }

    [Fact]
    public void Read_UnclosedQuote_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("*Vertices 2\n1 \"Zürich\n"), "bad.net"));
        Assert.Equal("bad.net:2: column 'label': value '\"Zürich' has no closing quote; quote a label as \"...\".", ex.Message);
    }

    [Fact]
    public void Read_BadVertexCount_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("*Vertices many\n"), "bad.net"));
        Assert.Equal("bad.net:1: column 'vertex count': value 'many' is not a whole number in 0..10000000.", ex.Message);
    }

    [Fact]
    public void Read_TooManyVertices_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("*Vertices 999999999\n"), "big.net"));
        Assert.Equal("big.net:1: column 'vertex count': value '999999999' is not a whole number in 0..10000000.", ex.Message);
    }

    [Fact]
    public void Read_VerticesTwice_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => PajekReader.Read(new StringReader("*Vertices 1\n*Vertices 2\n"), "bad.net"));
        Assert.Equal("bad.net:2: column 'section': value '*Vertices' occurs twice (first on line 1); a Pajek network has one *Vertices section.", ex.Message);
    }

    [Fact]
    public void Read_SelfLoop_ThrowsByDefault()
    {
        var ex = Assert.Throws<SelfLoopException>(() => PajekReader.Read(new StringReader("*Vertices 2\n*Arcs\n2 2\n"), "bad.net"));
        Assert.Equal("bad.net:3: column 'target': value '2' equals the source; self-loops are not knowledge links.", ex.Message);
    }

    [Fact]
    public void Read_SelfLoopInListWithIgnore_SkipsOnlyTheLoop()
    {
        var result = PajekReader.Read(new StringReader("*Vertices 3\n*Arcslist\n1 1 2 3\n"), "l.net", new LoadOptions { SelfLoops = SelfLoopPolicy.Ignore });
        Assert.Equal(2, result.Network.Links.Count);
        Assert.Equal(["l.net:3: column 'target': value '1' equals the source; the self-loop is left out (LoadOptions.SelfLoops is Ignore). (skipped)"],
            result.Report.Issues.Select(i => i.ToString()).ToArray());
    }

    [Fact]
    public void Read_Lenient_SkipsBadLinesAndReportsEach()
    {
        const string text = "*Vertices 3\n*Arcs\n1 2\n1 9\n2 3 -4\n3 1 2\n*Partition x\n1\n";
        var result = PajekReader.Read(new StringReader(text), "f.net", new LoadOptions { Mode = LoadMode.Lenient });
        Assert.Equal(2, result.Network.Links.Count);
        Assert.Equal(
            [
                "f.net:4: column 'target': value '9' is not a vertex number; *Vertices on line 1 declares 3, numbered 1..3. (skipped)",
                "f.net:5: column 'weight': value '-4' is negative; weights must be > 0. (skipped)",
                "f.net:7: column 'section': value '*Partition' is not a section this reader understands; expected *Vertices, *Arcs, *Edges, *Arcslist or *Edgeslist (matrices, partitions and vectors are not read). (skipped)",
            ],
            result.Report.Issues.Select(i => i.ToString()).ToArray());
    }

    // ---- writer

    [Fact]
    public void Write_Sample_GivesExpectedText()
    {
        var sw = new StringWriter();
        PajekWriter.Write(GraphFormatsFixtures.Sample(), sw);
        Assert.Equal(
            "*Vertices 6\n" +
            "1 \"Universität Zürich\"\n" +
            "2 \"ETH Zürich\"\n" +
            "3 \"ZHAW – Zürcher Hochschule für Angewandte Wissenschaften\"\n" +
            "4 \"Robert Bosch GmbH\"\n" +
            "5 \"清华大学\"\n" +
            "6 \"Schweizerische Eidgenossenschaft\"\n" +
            "*Arcs\n" +
            "2 4 2.25\n" +
            "5 1 1\n" +
            "*Edges\n" +
            "2 5 0.1\n" +
            "1 2 3\n" +
            "6 1 0.3333333333333333\n" +
            "1 3 1.5\n",
            sw.ToString());
    }

    [Fact]
    public void Write_ThenRead_KeepsNamesWeightsAndDirections()
    {
        var net = GraphFormatsFixtures.Sample();
        var sw = new StringWriter();
        PajekWriter.Write(net, sw);
        var read = PajekReader.Read(new StringReader(sw.ToString()), "sample.net").Network;
        Assert.Equal(net.Innovators.Select(i => i.Name).ToArray(), read.Innovators.Select(i => i.Name).ToArray());
        var expected = net.Links.Select(l => (l.Source, l.Target, l.Weight, l.Directed)).OrderBy(x => x).ToArray();
        var actual = read.Links.Select(l => (l.Source, l.Target, l.Weight, l.Directed)).OrderBy(x => x).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Write_QuoteInName_IsReplaced()
    {
        var net = GlocalNetwork.CreateBuilder()
            .AddRegion("a", "A", "city")
            .AddInnovator("x", "The \"best\"\nfirm", InnovatorKind.Firm, "a")
            .Build();
        var sw = new StringWriter();
        PajekWriter.Write(net, sw);
        Assert.Equal("*Vertices 1\n1 \"The 'best' firm\"\n", sw.ToString());
    }
}
