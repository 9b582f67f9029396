using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>
/// Writes a network as GraphML (<c>http://graphml.graphdrawing.org/xmlns</c>), readable by Gephi, yEd, networkx and
/// igraph, and read back by <see cref="GraphMLReader"/>.
/// </summary>
/// <remarks>
/// <para>Nodes are the innovators, in index order, with the node id = the innovator id and data keys
/// <c>label</c> (the name), <c>kind</c> (an <see cref="InnovatorKind"/> name), <c>region</c> (the home region id),
/// <c>latitude</c> and <c>longitude</c> (doubles, only for innovators with a location), and one string key
/// <c>attr.&lt;name&gt;</c> per key of <see cref="Innovator.Attributes"/>.</para>
/// <para>Edges are the links, in the link table's order, with ids <c>e0</c>, <c>e1</c>, ... and data keys <c>weight</c>
/// (double), <c>kind</c> (a <see cref="LinkKind"/> name), <c>year</c>, <c>endYear</c> (ints) and <c>date</c>
/// (yyyy-MM-dd) when set, and <c>scale</c>: the computed <see cref="Scale"/> name, informative only (the reader recomputes
/// scales from the regions). The graph's <c>edgedefault</c> is <c>directed</c> when every link is directed and
/// <c>undirected</c> otherwise; with mixed directions each directed edge carries <c>directed="true"</c>.</para>
/// <para>Keys are named by <c>attr.name</c> (their ids are <c>d0</c>, <c>d1</c>, ...) and declared only when some node or
/// edge uses them. Numbers are invariant culture, doubles round-trip ("R"); lines end with LF, the last one too. The output is deterministic: the same
/// network gives the same bytes. The region tree itself is not written (GraphML has no place for it): pass the tree to
/// <see cref="GraphMLReader.Read(string, RegionTree?, LoadOptions?)"/> to read the network back with the same scales.
/// Organisers are not written. A name or attribute holding a character XML cannot carry (a control character other than
/// tab, CR or LF) raises an <see cref="ArgumentException"/>.</para>
/// </remarks>
public static class GraphMLWriter
{
    /// <summary>The GraphML namespace.</summary>
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    private const string SchemaLocation = Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

    /// <summary>Writes <paramref name="network"/> to <paramref name="writer"/>; the XML declaration names the writer's encoding.</summary>
    /// <param name="network">The network.</param>
    /// <param name="writer">The destination; left open.</param>
    /// <exception cref="ArgumentException">A name or attribute holds a character XML cannot carry.</exception>
    public static void Write(GlocalNetwork network, TextWriter writer) => XmlGraphWriter.Write(network, writer, Create);

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/> as UTF-8 without a byte-order mark.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <exception cref="ArgumentException">A name or attribute holds a character XML cannot carry.</exception>
    public static void Write(GlocalNetwork network, Stream stream) => XmlGraphWriter.Write(network, stream, Create);

    /// <summary>Writes <paramref name="network"/> to the file <paramref name="path"/> (created or overwritten) as UTF-8.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file path.</param>
    /// <exception cref="ArgumentException">A name or attribute holds a character XML cannot carry.</exception>
    public static void Write(GlocalNetwork network, string path) => XmlGraphWriter.Write(network, path, Create);

    private static XmlGraphWriter Create(XmlWriter xml) => new Writer(xml);

    /// <summary>GraphML's spelling: <c>key</c> declarations (ids <c>d0</c>, <c>d1</c>, ...) before the graph and <c>data</c> values.</summary>
    private sealed class Writer(XmlWriter xml) : XmlGraphWriter(xml, GraphMLWriter.Namespace)
    {
        private readonly Dictionary<string, string> _nodeKeys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _edgeKeys = new(StringComparer.Ordinal);

        protected override string Root => "graphml";

        protected override string SchemaLocation => GraphMLWriter.SchemaLocation;

        protected override (string Name, string Value) DirectedMark => ("directed", "true");

        protected override string EdgeId(int index) => "e" + Index(index);

        protected override void WriteHead(GlocalNetwork network, WriterSchema schema)
        {
            WriteDeclarations(schema);
            Xml.WriteStartElement("graph", Namespace);
            Xml.WriteAttributeString("id", "G");
            Xml.WriteAttributeString("edgedefault", schema.AllDirected ? "directed" : "undirected");
        }

        protected override void Declare(string element, string name, XmlValueType type)
        {
            var id = "d" + Index(_nodeKeys.Count + _edgeKeys.Count);
            (element == "node" ? _nodeKeys : _edgeKeys).Add(name, id);
            Xml.WriteStartElement("key", Namespace);
            Xml.WriteAttributeString("id", id);
            Xml.WriteAttributeString("for", element);
            Xml.WriteAttributeString("attr.name", name);
            Xml.WriteAttributeString("attr.type", type switch
            {
                XmlValueType.Double => "double",
                XmlValueType.Integer => "int",
                _ => "string",
            });
            Xml.WriteEndElement();
        }

        protected override void Value(string element, string name, string value)
        {
            Xml.WriteStartElement("data", Namespace);
            Xml.WriteAttributeString("key", (element == "node" ? _nodeKeys : _edgeKeys)[name]);
            Xml.WriteString(value);
            Xml.WriteEndElement();
        }
    }
}
