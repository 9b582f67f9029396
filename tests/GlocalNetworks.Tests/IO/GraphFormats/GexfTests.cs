using System;
using System.IO;
using System.Linq;
using GlocalNetworks.IO;
using GlocalNetworks.IO.GraphFormats;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.IO.GraphFormats;

public class GexfTests
{
    private const string Head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +                                                        // 1
        "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n" +                                               // 2
        "  <graph defaultedgetype=\"directed\">\n" +                                                             // 3
        "    <attributes class=\"node\"><attribute id=\"0\" title=\"region\" type=\"string\"/></attributes>\n" + // 4
        "    <attributes class=\"edge\"><attribute id=\"0\" title=\"year\" type=\"integer\"/></attributes>\n" +  // 5
        "    <nodes>\n";                                                                                         // 6

    // ---- writing

    [Fact]
    public void Write_SameNetworkTwice_GivesSameBytes()
    {
        var net = GraphFormatsFixtures.Sample();
        var a = new MemoryStream();
        var b = new MemoryStream();
        GexfWriter.Write(net, a);
        GexfWriter.Write(net, b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void Write_SmallNetwork_GivesExpectedDocument()
    {
        var net = GlocalNetwork.CreateBuilder()
            .AddRegion("a", "A", "city")
            .AddInnovator("x", "Xé", InnovatorKind.Firm, "a", null, new System.Collections.Generic.Dictionary<string, string> { ["size"] = "10" })
            .AddInnovator("y", "清华", InnovatorKind.University, "a")
            .AddLink("x", "y", LinkKind.Licence, 2.5, directed: true)
            .Build();
        var sw = new StringWriter();
        GexfWriter.Write(net, sw);
        const string expected = """
            <?xml version="1.0" encoding="utf-16"?>
            <gexf xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3" xmlns="http://gexf.net/1.3">
              <meta>
                <creator>GlocalNetworks</creator>
                <description>Glocal innovation network on region ladder 'default'</description>
              </meta>
              <graph defaultedgetype="directed" mode="static">
                <attributes class="node" mode="static">
                  <attribute id="kind" title="kind" type="string" />
                  <attribute id="region" title="region" type="string" />
                  <attribute id="attr.size" title="attr.size" type="string" />
                </attributes>
                <attributes class="edge" mode="static">
                  <attribute id="kind" title="kind" type="string" />
                  <attribute id="scale" title="scale" type="string" />
                </attributes>
                <nodes>
                  <node id="x" label="Xé">
                    <attvalues>
                      <attvalue for="kind" value="Firm" />
                      <attvalue for="region" value="a" />
                      <attvalue for="attr.size" value="10" />
                    </attvalues>
                  </node>
                  <node id="y" label="清华">
                    <attvalues>
                      <attvalue for="kind" value="University" />
                      <attvalue for="region" value="a" />
                    </attvalues>
                  </node>
                </nodes>
                <edges>
                  <edge id="0" source="x" target="y" weight="2.5">
                    <attvalues>
                      <attvalue for="kind" value="Licence" />
                      <attvalue for="scale" value="Local" />
                    </attvalues>
                  </edge>
                </edges>
              </graph>
            </gexf>

            """;
        Assert.Equal(expected.ReplaceLineEndings("\n"), sw.ToString());
    }

    [Fact]
    public void Write_MixedDirections_UndirectedDefaultAndTypedDirectedEdges()
    {
        var sw = new StringWriter();
        GexfWriter.Write(GraphFormatsFixtures.Sample(), sw);
        var text = sw.ToString();
        Assert.Contains("<graph defaultedgetype=\"undirected\" mode=\"static\">", text, StringComparison.Ordinal);
        Assert.Contains("<edge id=\"4\" source=\"eth\" target=\"bosch\" type=\"directed\" weight=\"2.25\">", text, StringComparison.Ordinal);
        Assert.Contains("<edge id=\"5\" source=\"tsinghua\" target=\"uzh\" type=\"directed\" weight=\"1\">", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" type=\"undirected\"", text, StringComparison.Ordinal);
    }

    // ---- round trip

    [Fact]
    public void Read_WhatWriteWrote_WithSameTree_GivesSameNetwork()
    {
        var net = GraphFormatsFixtures.Sample();
        var ms = new MemoryStream();
        GexfWriter.Write(net, ms);
        ms.Position = 0;
        var result = GexfReader.Read(ms, "sample.gexf", net.Regions);
        RoundTripAssert.SameNetwork(net, result.Network);
        Assert.Equal("Universität Zürich", result.Network.Innovators["uzh"].Name);
        Assert.Equal("R&D <lab> \"quoted\" 'x'\r\nline 2\ttab  ", result.Network.Innovators["bosch"].Attributes["note"]);
        Assert.Empty(result.Report.Issues);
    }

    [Fact]
    public void Read_WhatWriteWroteToFile_GivesSameNetwork()
    {
        var net = GraphFormatsFixtures.Sample();
        var path = Path.Combine(Path.GetTempPath(), "glocal-" + Guid.NewGuid().ToString("N") + ".gexf");
        try
        {
            GexfWriter.Write(net, path);
            RoundTripAssert.SameNetwork(net, GexfReader.Read(path, net.Regions).Network);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_AllDirected_RoundTripsDirection()
    {
        var net = GlocalNetwork.CreateBuilder()
            .AddRegion("a", "A", "city")
            .AddInnovator("x", "X", InnovatorKind.Firm, "a")
            .AddInnovator("y", "Y", InnovatorKind.Firm, "a")
            .AddLink("x", "y", LinkKind.Citation, directed: true)
            .AddLink("y", "x", LinkKind.Citation, directed: true)
            .Build();
        var sw = new StringWriter();
        GexfWriter.Write(net, sw);
        Assert.Contains("<graph defaultedgetype=\"directed\" mode=\"static\">", sw.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" type=\"directed\"", sw.ToString(), StringComparison.Ordinal);
        var read = GexfReader.Read(new StringReader(sw.ToString()), "d.gexf", net.Regions).Network;
        RoundTripAssert.SameNetwork(net, read);
        Assert.True(read.Links.AllDirected);
    }

    [Fact]
    public void Read_Gephi12File_ReadsLabelsAttributesAndTypes()
    {
        const string doc = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
              <meta lastmodifieddate="2024-01-01"><creator>Gephi 0.10</creator></meta>
              <graph defaultedgetype="mixed" mode="static">
                <attributes class="node" mode="static">
                  <attribute id="modularity_class" title="Modularity Class" type="integer"/>
                  <attribute id="k" title="Kind" type="string"><default>Firm</default></attribute>
                </attributes>
                <nodes>
                  <node id="1" label="Alpha"><attvalues><attvalue for="modularity_class" value="2"/></attvalues><viz:size value="10.0"/></node>
                  <node id="2" label="Beta"><attvalues><attvalue for="k" value="university"/></attvalues></node>
                </nodes>
                <edges>
                  <edge id="0" source="1" target="2" type="directed" weight="3.5"/>
                  <edge id="1" source="2" target="1" type="mutual"/>
                </edges>
              </graph>
            </gexf>
            """;
        var net = GexfReader.Read(new StringReader(doc), "gephi.gexf").Network;
        Assert.Equal("Alpha", net.Innovators["1"].Name);
        Assert.Equal(InnovatorKind.Firm, net.Innovators["1"].Kind);
        Assert.Equal("2", net.Innovators["1"].Attributes["Modularity Class"]);
        Assert.Equal(InnovatorKind.University, net.Innovators["2"].Kind);
        Assert.Equal(3.5, net.Links[0].Weight);
        Assert.True(net.Links[0].Directed);
        Assert.False(net.Links[1].Directed);
        Assert.Equal(1.0, net.Links[1].Weight);
    }

    [Fact]
    public void Read_DefaultEdgeType_AppliesToEdgesWithoutType()
    {
        var doc = Head + "      <node id=\"a\"/><node id=\"b\"/>\n    </nodes>\n    <edges>\n      <edge source=\"a\" target=\"b\"/>\n    </edges>\n  </graph>\n</gexf>";
        var net = GexfReader.Read(new StringReader(doc), "f.gexf").Network;
        Assert.True(net.Links[0].Directed);
    }

    // ---- errors: exact messages

    [Fact]
    public void Read_UnknownTarget_ThrowsReferentialIntegrity()
    {
        var doc = Head + "      <node id=\"alpha\"/>\n      <node id=\"beta\"/>\n    </nodes>\n    <edges>\n" +
            "      <edge source=\"alpha\" target=\"betta\"/>\n    </edges>\n  </graph>\n</gexf>";
        var ex = Assert.Throws<ReferentialIntegrityException>(() => GexfReader.Read(new StringReader(doc), "bad.gexf"));
        Assert.Equal("bad.gexf:11: column 'edge/@target': value 'betta' is not a known node id; did you mean 'beta'?", ex.Message);
    }

    [Fact]
    public void Read_NegativeWeight_ThrowsInvalidWeight()
    {
        var doc = Head + "      <node id=\"a\"/><node id=\"b\"/>\n    </nodes>\n    <edges>\n" +
            "      <edge source=\"a\" target=\"b\" weight=\"-2\"/>\n    </edges>\n  </graph>\n</gexf>";
        var ex = Assert.Throws<InvalidWeightException>(() => GexfReader.Read(new StringReader(doc), "bad.gexf"));
        Assert.Equal("bad.gexf:10: column 'edge/@weight': value '-2' is negative; weights must be > 0.", ex.Message);
    }

    [Fact]
    public void Read_BadEdgeType_Throws()
    {
        var doc = Head + "      <node id=\"a\"/><node id=\"b\"/>\n    </nodes>\n    <edges>\n" +
            "      <edge source=\"a\" target=\"b\" type=\"arc\"/>\n    </edges>\n  </graph>\n</gexf>";
        var ex = Assert.Throws<GraphFormatException>(() => GexfReader.Read(new StringReader(doc), "bad.gexf"));
        Assert.Equal("bad.gexf:10: column 'edge/@type': value 'arc' is not an edge type; expected 'directed', 'undirected' or 'mutual'.", ex.Message);
    }

    [Fact]
    public void Read_BadYear_Throws()
    {
        var doc = Head + "      <node id=\"a\"/><node id=\"b\"/>\n    </nodes>\n    <edges>\n" +
            "      <edge source=\"a\" target=\"b\"><attvalues><attvalue for=\"0\" value=\"MMXV\"/></attvalues></edge>\n    </edges>\n  </graph>\n</gexf>";
        var ex = Assert.Throws<GraphFormatException>(() => GexfReader.Read(new StringReader(doc), "bad.gexf"));
        Assert.Equal("bad.gexf:10: column 'edge/attvalue[year]': value 'MMXV' is not a year; use a whole number such as 2015.", ex.Message);
    }

    [Fact]
    public void Read_UndeclaredAttribute_Throws()
    {
        var doc = Head + "      <node id=\"a\"><attvalues><attvalue for=\"9\" value=\"x\"/></attvalues></node>\n    </nodes>\n  </graph>\n</gexf>";
        var ex = Assert.Throws<GraphFormatException>(() => GexfReader.Read(new StringReader(doc), "bad.gexf"));
        Assert.Equal("bad.gexf:7: column 'attvalue/@for': value '9' is not a declared node attribute; declare it in <attributes class=\"node\">.", ex.Message);
    }

    [Fact]
    public void Read_DuplicateNode_ThrowsNamingFirstLine()
    {
        var doc = Head + "      <node id=\"a\"/>\n      <node id=\"a\"/>\n    </nodes>\n  </graph>\n</gexf>";
        var ex = Assert.Throws<DuplicateIdException>(() => GexfReader.Read(new StringReader(doc), "bad.gexf"));
        Assert.Equal("bad.gexf:8: column 'node/@id': value 'a' is a duplicate id; it first occurs on line 7.", ex.Message);
    }

    [Fact]
    public void Read_UnknownRegionOfGivenTree_ThrowsWithSuggestion()
    {
        var tree = GraphFormatsFixtures.Sample().Regions;
        var doc = Head + "      <node id=\"a\"><attvalues><attvalue for=\"0\" value=\"stutgart\"/></attvalues></node>\n    </nodes>\n  </graph>\n</gexf>";
        var ex = Assert.Throws<ReferentialIntegrityException>(() => GexfReader.Read(new StringReader(doc), "bad.gexf", tree));
        Assert.Equal("bad.gexf:7: column 'node/attvalue[region]': value 'stutgart' is not a region of the given region tree (node 'a'); did you mean 'stuttgart'?", ex.Message);
    }

    [Fact]
    public void Read_WrongRoot_Throws()
    {
        var ex = Assert.Throws<GraphFormatException>(() => GexfReader.Read(new StringReader("<graphml/>"), "bad.gexf"));
        Assert.Equal("bad.gexf:1: value 'graphml' is the root element; a GEXF file's root element is 'gexf'.", ex.Message);
    }

    [Fact]
    public void Read_Lenient_SkipsBadEdgeAndReports()
    {
        var doc = Head + "      <node id=\"a\"/><node id=\"b\"/>\n    </nodes>\n    <edges>\n" +
            "      <edge source=\"a\" target=\"b\" weight=\"abc\"/>\n      <edge source=\"b\" target=\"a\"/>\n    </edges>\n  </graph>\n</gexf>";
        var result = GexfReader.Read(new StringReader(doc), "f.gexf", null, new LoadOptions { Mode = LoadMode.Lenient });
        Assert.Single(result.Network.Links);
        Assert.Equal(
            ["f.gexf:10: column 'edge/@weight': value 'abc' is not a number; expected an invariant-culture number such as '2.5'. (skipped)"],
            result.Report.Issues.Select(i => i.ToString()).ToArray());
    }
}
