using System;
using System.IO;
using System.Linq;
using System.Text;
using GlocalNetworks.IO;
using GlocalNetworks.IO.GraphFormats;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.IO.GraphFormats;

public class GraphMLTests
{
    private const string Head =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +                                        // 1
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n" +                         // 2
        "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n" +           // 3
        "  <key id=\"r\" for=\"node\" attr.name=\"region\" attr.type=\"string\"/>\n" +           // 4
        "  <key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n" +             // 5
        "  <graph edgedefault=\"undirected\">\n";                                                // 6

    private const string Tail = "  </graph>\n</graphml>\n";

    // ---- writing

    [Fact]
    public void Write_SameNetworkTwice_GivesSameBytes()
    {
        var net = GraphFormatsFixtures.Sample();
        var a = new MemoryStream();
        var b = new MemoryStream();
        GraphMLWriter.Write(net, a);
        GraphMLWriter.Write(net, b);
        Assert.Equal(a.ToArray(), b.ToArray());
        Assert.NotEqual(0xEF, a.ToArray()[0]);
    }

    [Fact]
    public void Write_SmallNetwork_GivesExpectedDocument()
    {
        var net = GlocalNetwork.CreateBuilder()
            .AddRegion("a", "A", "city")
            .AddInnovator("x", "Xé", InnovatorKind.Firm, "a")
            .AddInnovator("y", "Y", InnovatorKind.University, "a", new GeoPoint(1.5, -2.25))
            .AddLink("x", "y", LinkKind.Licence, 0.1, 2020, directed: true)
            .Build();
        var sw = new StringWriter();
        GraphMLWriter.Write(net, sw);
        const string expected = """
            <?xml version="1.0" encoding="utf-16"?>
            <graphml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd" xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="node" attr.name="label" attr.type="string" />
              <key id="d1" for="node" attr.name="kind" attr.type="string" />
              <key id="d2" for="node" attr.name="region" attr.type="string" />
              <key id="d3" for="node" attr.name="latitude" attr.type="double" />
              <key id="d4" for="node" attr.name="longitude" attr.type="double" />
              <key id="d5" for="edge" attr.name="weight" attr.type="double" />
              <key id="d6" for="edge" attr.name="kind" attr.type="string" />
              <key id="d7" for="edge" attr.name="year" attr.type="int" />
              <key id="d8" for="edge" attr.name="scale" attr.type="string" />
              <graph id="G" edgedefault="directed">
                <node id="x">
                  <data key="d0">Xé</data>
                  <data key="d1">Firm</data>
                  <data key="d2">a</data>
                </node>
                <node id="y">
                  <data key="d0">Y</data>
                  <data key="d1">University</data>
                  <data key="d2">a</data>
                  <data key="d3">1.5</data>
                  <data key="d4">-2.25</data>
                </node>
                <edge id="e0" source="x" target="y">
                  <data key="d5">0.1</data>
                  <data key="d6">Licence</data>
                  <data key="d7">2020</data>
                  <data key="d8">Local</data>
                </edge>
              </graph>
            </graphml>

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), sw.ToString());
    }

    [Fact]
    public void Write_MixedDirections_MarksOnlyDirectedEdges()
    {
        var sw = new StringWriter();
        GraphMLWriter.Write(GraphFormatsFixtures.Sample(), sw);
        var text = sw.ToString();
        Assert.Contains("<graph id=\"G\" edgedefault=\"undirected\">", text, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(text, "directed=\"true\""));
        Assert.Contains("<edge id=\"e4\" source=\"eth\" target=\"bosch\" directed=\"true\">", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ToPath_WritesUtf8WithoutBom()
    {
        var path = Path.Combine(Path.GetTempPath(), "glocal-" + Guid.NewGuid().ToString("N") + ".graphml");
        try
        {
            GraphMLWriter.Write(GraphFormatsFixtures.Sample(), path);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal((byte)'<', bytes[0]);
            Assert.Contains("清华大学", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            var read = GraphMLReader.Read(path, GraphFormatsFixtures.Sample().Regions);
            Assert.Equal(6, read.Network.Innovators.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // ---- round trip

    [Fact]
    public void Read_WhatWriteWrote_WithSameTree_GivesSameNetwork()
    {
        var net = GraphFormatsFixtures.Sample();
        var ms = new MemoryStream();
        GraphMLWriter.Write(net, ms);
        ms.Position = 0;
        var result = GraphMLReader.Read(ms, "sample.graphml", net.Regions);
        RoundTripAssert.SameNetwork(net, result.Network);
        Assert.Equal("清华大学", result.Network.Innovators["tsinghua"].Name);
        Assert.Equal("R&D <lab> \"quoted\" 'x'\r\nline 2\ttab  ", result.Network.Innovators["bosch"].Attributes["note"]);
        Assert.Equal("not the name", result.Network.Innovators["bosch"].Attributes["label"]);
        Assert.Equal([Scale.Global, Scale.Local, Scale.National, Scale.Regional, Scale.Supranational, Scale.Global], result.Network.LinkScales.ToArray());
        Assert.Empty(result.Report.Issues);
        Assert.Equal(6, result.Report.Counts["sample.graphml nodes"]);
        Assert.Equal(6, result.Report.Counts["links"]);
    }

    [Fact]
    public void Read_WhatWriteWroteToText_GivesSameNetwork()
    {
        var net = GraphFormatsFixtures.Sample();
        var sw = new StringWriter();
        GraphMLWriter.Write(net, sw);
        var result = GraphMLReader.Read(new StringReader(sw.ToString()), "sample.graphml", net.Regions);
        RoundTripAssert.SameNetwork(net, result.Network);
    }

    [Fact]
    public void Read_WithoutTree_BuildsFlatTreeOfFinestRegions()
    {
        var net = GraphFormatsFixtures.Sample();
        var ms = new MemoryStream();
        GraphMLWriter.Write(net, ms);
        ms.Position = 0;
        var read = GraphMLReader.Read(ms, "sample.graphml").Network;
        var tree = read.Regions;
        Assert.Equal(["zurich", "winterthur", "stuttgart", "beijing", "CH", RegionTree.ImplicitRootId], tree.Select(r => r.Id).ToArray());
        Assert.All(tree.Take(5), r => Assert.Equal("city", r.Level.Name));
        Assert.Equal(RegionTree.ImplicitRootId, tree.Root.Id);
        // Local within one region, Global across regions.
        Assert.Equal([Scale.Global, Scale.Local, Scale.Global, Scale.Global, Scale.Global, Scale.Global], read.LinkScales.ToArray());
    }

    [Fact]
    public void Read_NodesWithoutRegion_SitAtRootAndAreCounted()
    {
        var doc = Head +
            "    <node id=\"a\"/>\n" +
            "    <node id=\"b\"><data key=\"r\">x</data></node>\n" +
            "    <edge source=\"a\" target=\"b\"/>\n" + Tail;
        var result = GraphMLReader.Read(new StringReader(doc), "f.graphml");
        Assert.Equal(RegionTree.ImplicitRootId, result.Network.Innovators["a"].RegionId);
        Assert.Equal("x", result.Network.Innovators["b"].RegionId);
        Assert.Equal(InnovatorKind.Other, result.Network.Innovators["a"].Kind);
        Assert.Equal("a", result.Network.Innovators["a"].Name);
        Assert.Equal(1, result.Report.Counts["nodes without a region (placed at the root)"]);
        Assert.Equal(1.0, result.Network.Links[0].Weight);
        Assert.Equal(LinkKind.Other, result.Network.Links[0].Kind);
        Assert.False(result.Network.Links[0].Directed);
    }

    [Fact]
    public void Read_ForeignFile_MapsKeysByNameAndAppliesDefaults()
    {
        // As networkx and Gephi write it: generated key ids, a default, unknown keys, yEd-style XML data.
        const string doc = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
              <key id="d0" for="node" attr.name="Label" attr.type="string"/>
              <key id="d1" for="node" attr.name="modularity_class" attr.type="int"><default>0</default></key>
              <key id="d2" for="edge" attr.name="Weight" attr.type="double"/>
              <key id="d3" for="edge" attr.name="colour" attr.type="string"/>
              <key id="d4" for="node" yfiles.type="nodegraphics"/>
              <key id="d5" for="node" attr.name="lat" attr.type="double"/>
              <key id="d6" for="node" attr.name="lng" attr.type="double"/>
              <graph id="G" edgedefault="directed">
                <data key="d3">graph-level data is ignored</data>
                <node id="n0"><data key="d0">Node zero</data><data key="d4"><y:ShapeNode><y:Fill color="#FF0000"/></y:ShapeNode></data></node>
                <node id="n1"><data key="d1">3</data><data key="d5">-33.5</data><data key="d6">151.25</data></node>
                <edge source="n0" target="n1"><data key="d2"> 2.5 </data><data key="d3">red</data></edge>
                <edge source="n1" target="n0" directed="false"/>
              </graph>
            </graphml>
            """;
        var result = GraphMLReader.Read(new StringReader(doc), "foreign.graphml");
        var n0 = result.Network.Innovators["n0"];
        var n1 = result.Network.Innovators["n1"];
        Assert.Equal("Node zero", n0.Name);
        Assert.Equal("0", n0.Attributes["modularity_class"]);
        Assert.Equal("3", n1.Attributes["modularity_class"]);
        Assert.Equal(new GeoPoint(-33.5, 151.25), n1.Location);
        var links = result.Network.Links;
        Assert.Equal(2.5, links[0].Weight);
        Assert.True(links[0].Directed);
        Assert.False(links[1].Directed);
        Assert.Equal(
            [
                "foreign.graphml:12: column 'data/@key': value 'd4' holds XML content, not a value; data of this key are ignored. (kept)",
                "foreign.graphml:14: column 'edge/data[colour]': is an edge attribute a knowledge link does not hold; it is ignored. (kept)",
            ],
            result.Report.Issues.Select(i => i.ToString()).ToArray());
    }

    [Fact]
    public void Read_KindsIgnoreCaseAndSeparators()
    {
        var doc = Head + "    <node id=\"a\"><data key=\"k\">research-institute</data></node>\n" +
            "    <node id=\"b\"><data key=\"k\">FIRM</data></node>\n" + Tail;
        var net = GraphMLReader.Read(new StringReader(doc), "f.graphml").Network;
        Assert.Equal(InnovatorKind.ResearchInstitute, net.Innovators["a"].Kind);
        Assert.Equal(InnovatorKind.Firm, net.Innovators["b"].Kind);
    }

    // ---- errors: exact messages

    [Theory]
    [InlineData("-3", "is negative; weights must be > 0.")]
    [InlineData("0", "is zero; weights must be > 0.")]
    [InlineData("NaN", "is not a number; weights must be > 0.")]
    [InlineData("Infinity", "is infinite; weights must be finite and > 0.")]
    public void Read_BadWeight_ThrowsInvalidWeight(string weight, string reason)
    {
        var doc = Head + "    <node id=\"a\"/>\n    <node id=\"b\"/>\n" +
            $"    <edge source=\"a\" target=\"b\">\n      <data key=\"w\">{weight}</data>\n    </edge>\n" + Tail;
        var ex = Assert.Throws<InvalidWeightException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal($"bad.graphml:10: column 'edge/data[weight]': value '{weight}' {reason}", ex.Message);
        Assert.Equal(10, ex.Line);
    }

    [Fact]
    public void Read_UnparsableWeight_ThrowsGraphFormat()
    {
        var doc = Head + "    <node id=\"a\"/>\n    <node id=\"b\"/>\n" +
            "    <edge source=\"a\" target=\"b\"><data key=\"w\">2,5</data></edge>\n" + Tail;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:9: column 'edge/data[weight]': value '2,5' is not a number; expected an invariant-culture number such as '2.5'.", ex.Message);
        Assert.Equal(34, ex.LinePosition);
    }

    [Fact]
    public void Read_UnknownEdgeEnd_ThrowsReferentialIntegrityWithSuggestion()
    {
        var doc = Head + "    <node id=\"uzh\"/>\n    <node id=\"eth\"/>\n" +
            "    <edge source=\"uzh\" target=\"etj\"/>\n" + Tail;
        var ex = Assert.Throws<ReferentialIntegrityException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:9: column 'edge/@target': value 'etj' is not a known node id; did you mean 'eth'?", ex.Message);
        Assert.Equal(["eth"], ex.Suggestions);
    }

    [Fact]
    public void Read_DuplicateNodeId_ThrowsNamingFirstLine()
    {
        var doc = Head + "    <node id=\"a\"/>\n    <node id=\"b\"/>\n    <node id=\"a\"/>\n" + Tail;
        var ex = Assert.Throws<DuplicateIdException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:9: column 'node/@id': value 'a' is a duplicate id; it first occurs on line 7.", ex.Message);
        Assert.Equal(7, ex.FirstLine);
    }

    [Fact]
    public void Read_SelfLoop_ThrowsByDefault()
    {
        var doc = Head + "    <node id=\"a\"/>\n    <edge source=\"a\" target=\"a\"/>\n" + Tail;
        var ex = Assert.Throws<SelfLoopException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:8: column 'edge/@target': value 'a' equals the source; self-loops are not knowledge links.", ex.Message);
    }

    [Fact]
    public void Read_SelfLoopWithIgnore_SkipsAndReports()
    {
        var doc = Head + "    <node id=\"a\"/>\n    <node id=\"b\"/>\n    <edge source=\"a\" target=\"a\"/>\n    <edge source=\"a\" target=\"b\"/>\n" + Tail;
        var result = GraphMLReader.Read(new StringReader(doc), "f.graphml", null, new LoadOptions { SelfLoops = SelfLoopPolicy.Ignore });
        Assert.Single(result.Network.Links);
        var issue = Assert.Single(result.Report.Issues);
        Assert.Equal("f.graphml:9: column 'edge/@target': value 'a' equals the source; the self-loop is left out (LoadOptions.SelfLoops is Ignore). (skipped)", issue.ToString());
    }

    [Fact]
    public void Read_UnknownRegionOfGivenTree_ThrowsWithSuggestion()
    {
        var tree = GraphFormatsFixtures.Sample().Regions;
        var doc = Head + "    <node id=\"a\"><data key=\"r\">zurch</data></node>\n" + Tail;
        var ex = Assert.Throws<ReferentialIntegrityException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml", tree));
        Assert.Equal("bad.graphml:7: column 'node/data[region]': value 'zurch' is not a region of the given region tree (node 'a'); did you mean 'zurich'?", ex.Message);
    }

    [Fact]
    public void Read_UnknownInnovatorKind_Throws()
    {
        var doc = Head + "    <node id=\"a\"><data key=\"k\">Startup</data></node>\n" + Tail;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:7: column 'node/data[kind]': value 'Startup' is not an innovator kind; expected one of Firm, University, ResearchInstitute, Government, Intermediary, Other, RegionAggregate.", ex.Message);
    }

    [Fact]
    public void Read_UndeclaredKey_Throws()
    {
        var doc = Head + "    <node id=\"a\"><data key=\"zz\">1</data></node>\n" + Tail;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:7: column 'data/@key': value 'zz' is not a declared key; declare it with a <key> element before the graph.", ex.Message);
    }

    [Fact]
    public void Read_NodeWithoutId_Throws()
    {
        var doc = Head + "    <node/>\n" + Tail;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:7: column 'node/@id': is missing; every node needs an id.", ex.Message);
    }

    [Fact]
    public void Read_EdgeWithoutTarget_Throws()
    {
        var doc = Head + "    <node id=\"a\"/>\n    <edge source=\"a\"/>\n" + Tail;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:8: column 'edge/@target': is missing; every edge needs a source and a target.", ex.Message);
    }

    [Fact]
    public void Read_BadDirectedAttribute_Throws()
    {
        var doc = Head + "    <node id=\"a\"/>\n    <node id=\"b\"/>\n    <edge source=\"a\" target=\"b\" directed=\"yes\"/>\n" + Tail;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:9: column 'edge/@directed': value 'yes' is not a boolean; expected 'true' or 'false'.", ex.Message);
    }

    [Fact]
    public void Read_EndYearBeforeYear_Throws()
    {
        const string doc = """
            <graphml>
              <key id="y" for="edge" attr.name="year"/>
              <key id="e" for="edge" attr.name="endYear"/>
              <graph edgedefault="undirected">
                <node id="a"/><node id="b"/>
                <edge source="a" target="b"><data key="y">2015</data><data key="e">2014</data></edge>
              </graph>
            </graphml>
            """;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:6: column 'edge/data[endYear]': value '2014' is before the start year.", ex.Message);
    }

    [Fact]
    public void Read_YearOutOfRange_Throws()
    {
        const string doc = """
            <graphml>
              <key id="y" for="edge" attr.name="year"/>
              <graph edgedefault="undirected">
                <node id="a"/><node id="b"/>
                <edge source="a" target="b"><data key="y">20150</data></edge>
              </graph>
            </graphml>
            """;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:5: column 'edge/data[year]': value '20150' is out of range; years must lie in 1..9999.", ex.Message);
    }

    [Fact]
    public void Read_LatitudeWithoutLongitude_Throws()
    {
        const string doc = """
            <graphml>
              <key id="la" for="node" attr.name="latitude"/>
              <graph edgedefault="undirected">
                <node id="a"><data key="la">45</data></node>
              </graph>
            </graphml>
            """;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:4: column 'node/data[latitude]': value '45' is given without a longitude; give both coordinates or neither.", ex.Message);
    }

    [Fact]
    public void Read_WrongRootElement_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader("<?xml version=\"1.0\"?>\n<gexf/>"), "bad.graphml"));
        Assert.Equal("bad.graphml:2: value 'gexf' is the root element; a GraphML file's root element is 'graphml'.", ex.Message);
    }

    [Fact]
    public void Read_TruncatedDocument_ThrowsNotWellFormedWithLine()
    {
        var doc = Head + "    <node id=\"a\">\n";
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.StartsWith("bad.graphml:8: the document is not well-formed XML: ", ex.Message, StringComparison.Ordinal);
        Assert.IsType<System.Xml.XmlException>(ex.InnerException);
        Assert.Equal(8, ex.Line);
    }

    [Fact]
    public void Read_Hyperedge_Throws()
    {
        var doc = Head + "    <node id=\"a\"/>\n    <hyperedge><endpoint node=\"a\"/></hyperedge>\n" + Tail;
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "bad.graphml"));
        Assert.Equal("bad.graphml:8: value 'hyperedge' is not supported; a knowledge link joins two innovators. Replace each hyperedge by edges.", ex.Message);
    }

    // ---- lenient

    [Fact]
    public void Read_Lenient_SkipsBadRowsAndReportsEach()
    {
        var doc = Head +
            "    <node id=\"a\"/>\n" +                                                    // 7
            "    <node id=\"b\"><data key=\"k\">Startup</data></node>\n" +               // 8
            "    <node id=\"c\"/>\n" +                                                    // 9
            "    <node id=\"a\"/>\n" +                                                    // 10
            "    <edge source=\"a\" target=\"b\"/>\n" +                                   // 11
            "    <edge source=\"a\" target=\"c\"><data key=\"w\">-1</data></edge>\n" +   // 12
            "    <edge source=\"a\" target=\"zz\"/>\n" +                                  // 13
            "    <edge source=\"c\" target=\"c\"/>\n" +                                   // 14
            "    <edge source=\"c\" target=\"a\"><data key=\"w\">4</data></edge>\n" +    // 15
            Tail;
        var result = GraphMLReader.Read(new StringReader(doc), "f.graphml", null, new LoadOptions { Mode = LoadMode.Lenient });
        Assert.Equal(["a", "c"], result.Network.Innovators.Select(i => i.Id).ToArray());
        var link = Assert.Single(result.Network.Links);
        Assert.Equal(4.0, link.Weight);
        Assert.Equal(
            [
                "f.graphml:8: column 'node/data[kind]': value 'Startup' is not an innovator kind; expected one of Firm, University, ResearchInstitute, Government, Intermediary, Other, RegionAggregate. (skipped)",
                "f.graphml:10: column 'node/@id': value 'a' is a duplicate id; it first occurs on line 7. (skipped)",
                "f.graphml:11: column 'edge/@target': value 'b' is a node that was skipped on line 8; the edge is skipped too. (skipped)",
                "f.graphml:12: column 'edge/data[weight]': value '-1' is negative; weights must be > 0. (skipped)",
                "f.graphml:13: column 'edge/@target': value 'zz' is not a known node id; did you mean 'a' or 'c'? (skipped)",
                "f.graphml:14: column 'edge/@target': value 'c' equals the source; self-loops are not knowledge links. (skipped)",
            ],
            result.Report.Issues.Select(i => i.ToString()).ToArray());
        Assert.Equal(6, result.Report.SkippedRows);
        Assert.Throws<GraphFormatException>(() => { result.Report.ThrowIfAny(); });
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
