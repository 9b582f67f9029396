using System;
using System.Globalization;
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

    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    private const string SchemaLocation = Namespace + " http://gexf.net/1.3/gexf.xsd";

    /// <summary>Writes <paramref name="network"/> to <paramref name="writer"/>; the XML declaration names the writer's encoding.</summary>
    /// <param name="network">The network.</param>
    /// <param name="writer">The destination; left open.</param>
    /// <exception cref="ArgumentException">A name or attribute holds a character XML cannot carry.</exception>
    public static void Write(GlocalNetwork network, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(writer);
        using (var xw = XmlWriter.Create(writer, SafeXml.WriterSettings()))
        {
            WriteCore(network, xw);
        }

        writer.Write('\n');
    }

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/> as UTF-8 without a byte-order mark.</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">The destination; left open.</param>
    /// <exception cref="ArgumentException">A name or attribute holds a character XML cannot carry.</exception>
    public static void Write(GlocalNetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        using (var xw = XmlWriter.Create(stream, SafeXml.WriterSettings()))
        {
            WriteCore(network, xw);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes <paramref name="network"/> to the file <paramref name="path"/> (created or overwritten) as UTF-8.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file path.</param>
    /// <exception cref="ArgumentException">A name or attribute holds a character XML cannot carry.</exception>
    public static void Write(GlocalNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var fs = WriterSchema.Create(path);
        Write(network, fs);
    }

    private static void WriteCore(GlocalNetwork network, XmlWriter xw)
    {
        var schema = WriterSchema.Of(network);
        xw.WriteStartDocument();
        xw.WriteStartElement("gexf", Namespace);
        xw.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        xw.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, SchemaLocation);
        xw.WriteAttributeString("version", "1.3");
        xw.WriteStartElement("meta", Namespace);
        xw.WriteElementString("creator", Namespace, "GlocalNetworks");
        xw.WriteElementString("description", Namespace, $"Glocal innovation network on region ladder '{network.Ladder.Name}'");
        xw.WriteEndElement();

        xw.WriteStartElement("graph", Namespace);
        xw.WriteAttributeString("defaultedgetype", schema.AllDirected ? "directed" : "undirected");
        xw.WriteAttributeString("mode", "static");

        xw.WriteStartElement("attributes", Namespace);
        xw.WriteAttributeString("class", "node");
        xw.WriteAttributeString("mode", "static");
        Attribute(xw, GraphNames.Kind, "string");
        Attribute(xw, GraphNames.Region, "string");
        if (schema.HasLocation)
        {
            Attribute(xw, GraphNames.Latitude, "double");
            Attribute(xw, GraphNames.Longitude, "double");
        }

        foreach (var key in schema.AttributeKeys)
        {
            Attribute(xw, GraphNames.AttributePrefix + key, "string");
        }

        xw.WriteEndElement();

        xw.WriteStartElement("attributes", Namespace);
        xw.WriteAttributeString("class", "edge");
        xw.WriteAttributeString("mode", "static");
        Attribute(xw, GraphNames.Kind, "string");
        if (schema.HasYear)
        {
            Attribute(xw, GraphNames.Year, "integer");
        }

        if (schema.HasEndYear)
        {
            Attribute(xw, GraphNames.EndYear, "integer");
        }

        if (schema.HasDate)
        {
            Attribute(xw, GraphNames.Date, "string");
        }

        Attribute(xw, GraphNames.Scale, "string");
        xw.WriteEndElement();

        var regions = network.Regions;
        var homes = network.Innovators.RegionIndices;
        xw.WriteStartElement("nodes", Namespace);
        for (var i = 0; i < network.Innovators.Count; i++)
        {
            var inn = network.Innovators[i];
            xw.WriteStartElement("node", Namespace);
            xw.WriteAttributeString("id", inn.Id);
            xw.WriteAttributeString("label", inn.Name);
            xw.WriteStartElement("attvalues", Namespace);
            Value(xw, GraphNames.Kind, inn.Kind.ToString());
            Value(xw, GraphNames.Region, regions[homes[i]].Id);
            if (inn.Location is { } p)
            {
                Value(xw, GraphNames.Latitude, WriterSchema.Number(p.Latitude));
                Value(xw, GraphNames.Longitude, WriterSchema.Number(p.Longitude));
            }

            foreach (var key in WriterSchema.SortedKeys(inn.Attributes))
            {
                Value(xw, GraphNames.AttributePrefix + key, inn.Attributes[key]);
            }

            xw.WriteEndElement();
            xw.WriteEndElement();
        }

        xw.WriteEndElement();

        var links = network.Links;
        var scales = network.LinkScales;
        xw.WriteStartElement("edges", Namespace);
        for (var i = 0; i < links.Count; i++)
        {
            var l = links[i];
            xw.WriteStartElement("edge", Namespace);
            xw.WriteAttributeString("id", i.ToString(CultureInfo.InvariantCulture));
            xw.WriteAttributeString("source", network.Innovators.IdOf(l.Source));
            xw.WriteAttributeString("target", network.Innovators.IdOf(l.Target));
            if (schema.Mixed && l.Directed)
            {
                xw.WriteAttributeString("type", "directed");
            }

            xw.WriteAttributeString("weight", WriterSchema.Number(l.Weight));
            xw.WriteStartElement("attvalues", Namespace);
            Value(xw, GraphNames.Kind, l.Kind.ToString());
            if (l.Year is { } y)
            {
                Value(xw, GraphNames.Year, WriterSchema.Number(y));
            }

            if (l.EndYear is { } e)
            {
                Value(xw, GraphNames.EndYear, WriterSchema.Number(e));
            }

            if (l.Date is { } d)
            {
                Value(xw, GraphNames.Date, WriterSchema.Date(d));
            }

            Value(xw, GraphNames.Scale, scales[i].ToString());
            xw.WriteEndElement();
            xw.WriteEndElement();
        }

        xw.WriteEndElement();
        xw.WriteEndElement();
        xw.WriteEndElement();
        xw.WriteEndDocument();
    }

    private static void Attribute(XmlWriter xw, string title, string type)
    {
        xw.WriteStartElement("attribute", Namespace);
        xw.WriteAttributeString("id", title);
        xw.WriteAttributeString("title", title);
        xw.WriteAttributeString("type", type);
        xw.WriteEndElement();
    }

    private static void Value(XmlWriter xw, string attribute, string value)
    {
        xw.WriteStartElement("attvalue", Namespace);
        xw.WriteAttributeString("for", attribute);
        xw.WriteAttributeString("value", value);
        xw.WriteEndElement();
    }
}
