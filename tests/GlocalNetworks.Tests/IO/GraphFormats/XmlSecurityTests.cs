using System;
using System.Diagnostics;
using System.IO;
using GlocalNetworks.IO.GraphFormats;
using Xunit;

namespace GlocalNetworks.Tests.IO.GraphFormats;

/// <summary>GraphML and GEXF are read without DTDs: no external entity (XXE), no entity expansion (billion laughs).</summary>
public class XmlSecurityTests
{
    private const string DtdRefused =
        "the document has a DTD (<!DOCTYPE ...>), which is refused: GraphML and GEXF are read without DTD processing, so that no external entity or entity expansion can run. Remove the DOCTYPE declaration.";

    private const string Xxe = """
        <?xml version="1.0" encoding="utf-8"?>
        <!DOCTYPE graphml [
          <!ENTITY xxe SYSTEM "file:///etc/passwd">
        ]>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="l" for="node" attr.name="label"/>
          <graph edgedefault="undirected">
            <node id="a"><data key="l">&xxe;</data></node>
          </graph>
        </graphml>
        """;

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
         <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
         <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
         <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
         <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
         <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
         <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <ROOT><graph><node id="&lol9;"/></graph></ROOT>
        """;

    [Fact]
    public void GraphML_XxeDocument_IsRefusedAsDtd()
    {
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(Xxe), "evil.graphml"));
        Assert.Equal("evil.graphml:2: " + DtdRefused, ex.Message);
        Assert.Equal(2, ex.Line);
        Assert.DoesNotContain("root:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphML_XxeDocumentFromStream_IsRefusedAsDtd()
    {
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(GraphFormatsFixtures.Utf8(Xxe), "evil.graphml"));
        Assert.Equal("evil.graphml:2: " + DtdRefused, ex.Message);
    }

    [Fact]
    public void GraphML_BillionLaughs_IsRefusedQuickly()
    {
        var sw = Stopwatch.StartNew();
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(BillionLaughs.Replace("ROOT", "graphml", StringComparison.Ordinal)), "lol.graphml"));
        Assert.Equal("lol.graphml:2: " + DtdRefused, ex.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void GraphML_ExternalDtdOnly_IsRefused()
    {
        const string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml SYSTEM \"http://www.graphdrawing.org/dtds/graphml.dtd\">\n<graphml><graph/></graphml>";
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "old.graphml"));
        Assert.Equal("old.graphml:2: " + DtdRefused, ex.Message);
    }

    [Fact]
    public void GraphML_UndeclaredEntityWithoutDtd_IsNotWellFormed()
    {
        const string doc = "<graphml>\n<graph><node id=\"&xxe;\"/></graph></graphml>";
        var ex = Assert.Throws<GraphFormatException>(() => GraphMLReader.Read(new StringReader(doc), "evil.graphml"));
        Assert.StartsWith("evil.graphml:2: the document is not well-formed XML: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("xxe", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gexf_XxeDocument_IsRefusedAsDtd()
    {
        var doc = Xxe.Replace("graphml", "gexf", StringComparison.Ordinal);
        var ex = Assert.Throws<GraphFormatException>(() => GexfReader.Read(GraphFormatsFixtures.Utf8(doc), "evil.gexf"));
        Assert.Equal("evil.gexf:2: " + DtdRefused, ex.Message);
    }

    [Fact]
    public void Gexf_BillionLaughs_IsRefusedQuickly()
    {
        var sw = Stopwatch.StartNew();
        var ex = Assert.Throws<GraphFormatException>(() => GexfReader.Read(new StringReader(BillionLaughs.Replace("ROOT", "gexf", StringComparison.Ordinal)), "lol.gexf"));
        Assert.Equal("lol.gexf:2: " + DtdRefused, ex.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void PredefinedEntitiesAndCharacterReferences_StillRead()
    {
        const string doc = "<graphml><key id=\"l\" for=\"node\" attr.name=\"label\"/><graph edgedefault=\"undirected\">" +
            "<node id=\"a\"><data key=\"l\">R&amp;D &#x6E05;&#21326; &lt;&gt;&quot;&apos;</data></node></graph></graphml>";
        var net = GraphMLReader.Read(new StringReader(doc), "ok.graphml").Network;
        Assert.Equal("R&D 清华 <>\"'", net.Innovators["a"].Name);
    }
}
