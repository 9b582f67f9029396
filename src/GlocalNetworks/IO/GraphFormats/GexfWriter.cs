using System;
using System.IO;
using System.Xml;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>
/// Writes a network as GEXF 1.3 (<c>http://gexf.net/1.3</c>), the format Gephi draws with, read back by <see cref="GexfReader"/>.
/// </summary>
/// <remarks>
/// <para>Nodes are the innovators, in index order: <c>id</c> = the innovator id, <c>label</c> = the name, and node
/// attribute values (id = title) <c>kind</c> (an <see cref="InnovatorKind"/> name), <c>region</c> (the home region id),
/// <c>latitude</c> and <c>longitude</c> (doubles, only for innovators with a location; Gephi's GeoLayout reads them),
/// and one string attribute <c>attr.&lt;name&gt;</c> per key of <see cref="Innovator.Attributes"/>.</para>
/// <para>Edges are the links in the link table's order: ids <c>0</c>, <c>1</c>, ..., <c>weight</c> on the edge, and
/// edge attribute values <c>kind</c> (a <see cref="LinkKind"/> name), <c>year</c>, <c>endYear</c> (integers) and
/// <c>date</c> (yyyy-MM-dd) when set, and <c>scale</c>: the computed <see cref="Scale"/> name, informative only.
/// <c>defaultedgetype</c> is <c>directed</c> when every link is directed and <c>undirected</c> otherwise; with mixed
/// directions each directed edge carries <c>type="directed"</c>.</para>
/// <para>Attributes are declared only when used. Numbers are invariant culture, doubles round-trip ("R"); lines end with LF, the last one too; the meta block
/// carries no date, so the same network gives the same bytes. The region tree is not written: pass it to
/// <see cref="GexfReader"/> to read the network back with the same scales. Organisers are not written.</para>
/// </remarks>
public static class GexfWriter
{
    /// <summary>The GEXF 1.3 namespace.</summary>
    public const string Namespace = "http://gexf.net/1.3";

    private const string SchemaLocation = Namespace + " http://gexf.net/1.3/gexf.xsd";

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

    /// <summary>GEXF's spelling: version and meta block, <c>attributes</c> declarations inside the graph, <c>attvalue</c> values,
    /// label and weight as attributes, <c>nodes</c> and <c>edges</c> lists.</summary>
    private sealed class Writer(XmlWriter xml) : XmlGraphWriter(xml, GexfWriter.Namespace)
    {
        protected override string Root => "gexf";

        protected override string SchemaLocation => GexfWriter.SchemaLocation;

        protected override bool WrapsLists => true;

        protected override bool LabelAndWeightAreAttributes => true;

        protected override (string Name, string Value) DirectedMark => ("type", "directed");

        protected override string EdgeId(int index) => Index(index);

        protected override void WriteHead(GlocalNetwork network, WriterSchema schema)
        {
            Xml.WriteAttributeString("version", "1.3");
            Xml.WriteStartElement("meta", Namespace);
            Xml.WriteElementString("creator", Namespace, "GlocalNetworks");
            Xml.WriteElementString("description", Namespace, $"Glocal innovation network on region ladder '{network.Ladder.Name}'");
            Xml.WriteEndElement();

            Xml.WriteStartElement("graph", Namespace);
            Xml.WriteAttributeString("defaultedgetype", schema.AllDirected ? "directed" : "undirected");
            Xml.WriteAttributeString("mode", "static");
            WriteDeclarations(schema);
        }

        protected override void BeginDeclarations(string element)
        {
            Xml.WriteStartElement("attributes", Namespace);
            Xml.WriteAttributeString("class", element);
            Xml.WriteAttributeString("mode", "static");
        }

        protected override void EndDeclarations() => Xml.WriteEndElement();

        protected override void Declare(string element, string name, XmlValueType type)
        {
            Xml.WriteStartElement("attribute", Namespace);
            Xml.WriteAttributeString("id", name);
            Xml.WriteAttributeString("title", name);
            Xml.WriteAttributeString("type", type switch
            {
                XmlValueType.Double => "double",
                XmlValueType.Integer => "integer",
                _ => "string",
            });
            Xml.WriteEndElement();
        }

        protected override void BeginValues() => Xml.WriteStartElement("attvalues", Namespace);

        protected override void EndValues() => Xml.WriteEndElement();

        protected override void Value(string element, string name, string value)
        {
            Xml.WriteStartElement("attvalue", Namespace);
            Xml.WriteAttributeString("for", name);
            Xml.WriteAttributeString("value", value);
            Xml.WriteEndElement();
        }
    }
}
