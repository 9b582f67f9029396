using System;
using System.Globalization;
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

    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    private const string SchemaLocation = Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

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
        xw.WriteStartElement("graphml", Namespace);
        xw.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        xw.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, SchemaLocation);

        var next = 0;
        string NewKey(string forWhat, string name, string type)
        {
            var id = "d" + next.ToString(CultureInfo.InvariantCulture);
            next++;
            xw.WriteStartElement("key", Namespace);
            xw.WriteAttributeString("id", id);
            xw.WriteAttributeString("for", forWhat);
            xw.WriteAttributeString("attr.name", name);
            xw.WriteAttributeString("attr.type", type);
            xw.WriteEndElement();
            return id;
        }

        var kLabel = NewKey("node", GraphNames.Label, "string");
        var kKind = NewKey("node", GraphNames.Kind, "string");
        var kRegion = NewKey("node", GraphNames.Region, "string");
        var kLat = schema.HasLocation ? NewKey("node", GraphNames.Latitude, "double") : null;
        var kLon = schema.HasLocation ? NewKey("node", GraphNames.Longitude, "double") : null;
        var kAttr = new string[schema.AttributeKeys.Length];
        for (var i = 0; i < kAttr.Length; i++)
        {
            kAttr[i] = NewKey("node", GraphNames.AttributePrefix + schema.AttributeKeys[i], "string");
        }

        var kWeight = NewKey("edge", GraphNames.Weight, "double");
        var kLinkKind = NewKey("edge", GraphNames.Kind, "string");
        var kYear = schema.HasYear ? NewKey("edge", GraphNames.Year, "int") : null;
        var kEnd = schema.HasEndYear ? NewKey("edge", GraphNames.EndYear, "int") : null;
        var kDate = schema.HasDate ? NewKey("edge", GraphNames.Date, "string") : null;
        var kScale = NewKey("edge", GraphNames.Scale, "string");

        xw.WriteStartElement("graph", Namespace);
        xw.WriteAttributeString("id", "G");
        xw.WriteAttributeString("edgedefault", schema.AllDirected ? "directed" : "undirected");

        var regions = network.Regions;
        var homes = network.Innovators.RegionIndices;
        var attrIndex = new System.Collections.Generic.Dictionary<string, string>(kAttr.Length, StringComparer.Ordinal);
        for (var i = 0; i < kAttr.Length; i++)
        {
            attrIndex.Add(schema.AttributeKeys[i], kAttr[i]);
        }

        for (var i = 0; i < network.Innovators.Count; i++)
        {
            var inn = network.Innovators[i];
            xw.WriteStartElement("node", Namespace);
            xw.WriteAttributeString("id", inn.Id);
            Data(xw, kLabel, inn.Name);
            Data(xw, kKind, inn.Kind.ToString());
            Data(xw, kRegion, regions[homes[i]].Id);
            if (inn.Location is { } p)
            {
                Data(xw, kLat!, WriterSchema.Number(p.Latitude));
                Data(xw, kLon!, WriterSchema.Number(p.Longitude));
            }

            foreach (var key in WriterSchema.SortedKeys(inn.Attributes))
            {
                Data(xw, attrIndex[key], inn.Attributes[key]);
            }

            xw.WriteEndElement();
        }

        var links = network.Links;
        var scales = network.LinkScales;
        for (var i = 0; i < links.Count; i++)
        {
            var l = links[i];
            xw.WriteStartElement("edge", Namespace);
            xw.WriteAttributeString("id", "e" + i.ToString(CultureInfo.InvariantCulture));
            xw.WriteAttributeString("source", network.Innovators.IdOf(l.Source));
            xw.WriteAttributeString("target", network.Innovators.IdOf(l.Target));
            if (schema.Mixed && l.Directed)
            {
                xw.WriteAttributeString("directed", "true");
            }

            Data(xw, kWeight, WriterSchema.Number(l.Weight));
            Data(xw, kLinkKind, l.Kind.ToString());
            if (l.Year is { } y)
            {
                Data(xw, kYear!, WriterSchema.Number(y));
            }

            if (l.EndYear is { } e)
            {
                Data(xw, kEnd!, WriterSchema.Number(e));
            }

            if (l.Date is { } d)
            {
                Data(xw, kDate!, WriterSchema.Date(d));
            }

            Data(xw, kScale, scales[i].ToString());
            xw.WriteEndElement();
        }

        xw.WriteEndElement();
        xw.WriteEndElement();
        xw.WriteEndDocument();
    }

    private static void Data(XmlWriter xw, string key, string value)
    {
        xw.WriteStartElement("data", Namespace);
        xw.WriteAttributeString("key", key);
        xw.WriteString(value);
        xw.WriteEndElement();
    }
}
