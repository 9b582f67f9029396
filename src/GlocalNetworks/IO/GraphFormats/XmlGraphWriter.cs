using System;
using System.Globalization;
using System.IO;
using System.Xml;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>
/// The writing core GraphML and GEXF share: the public entry points (text writer, stream, file), the document's skeleton
/// (root with its schema location, declarations, nodes in index order, edges in link-table order) and which values each
/// node and edge carries. A subclass spells the declarations, the values and the format's own head.
/// </summary>
/// <remarks>One instance writes one document.</remarks>
internal abstract class XmlGraphWriter
{
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Starts a writer of one document.</summary>
    /// <param name="xml">The destination.</param>
    /// <param name="ns">The format's namespace.</param>
    protected XmlGraphWriter(XmlWriter xml, string ns)
    {
        Xml = xml;
        Namespace = ns;
    }

    /// <summary>The destination.</summary>
    protected XmlWriter Xml { get; }

    /// <summary>The format's namespace.</summary>
    protected string Namespace { get; }

    /// <summary>The root element's local name.</summary>
    protected abstract string Root { get; }

    /// <summary>The <c>xsi:schemaLocation</c> value.</summary>
    protected abstract string SchemaLocation { get; }

    /// <summary>Whether the nodes are wrapped in a <c>nodes</c> element and the edges in an <c>edges</c> element.</summary>
    protected virtual bool WrapsLists => false;

    /// <summary>Whether a node's label and an edge's weight are attributes of its element rather than values.</summary>
    protected virtual bool LabelAndWeightAreAttributes => false;

    /// <summary>The edge's id from its index in the link table.</summary>
    protected abstract string EdgeId(int index);

    /// <summary>The attribute, and its value, marking a directed edge among undirected ones.</summary>
    protected abstract (string Name, string Value) DirectedMark { get; }

    /// <summary>Writes <paramref name="network"/> to <paramref name="writer"/> (left open) with the writer <paramref name="create"/> makes, then a final LF.</summary>
    public static void Write(GlocalNetwork network, TextWriter writer, Func<XmlWriter, XmlGraphWriter> create)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(writer);
        using (var xw = XmlWriter.Create(writer, SafeXml.WriterSettings()))
        {
            create(xw).WriteDocument(network);
        }

        writer.Write('\n');
    }

    /// <summary>Writes <paramref name="network"/> to <paramref name="stream"/> (left open) as UTF-8 without a BOM, then a final LF.</summary>
    public static void Write(GlocalNetwork network, Stream stream, Func<XmlWriter, XmlGraphWriter> create)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        using (var xw = XmlWriter.Create(stream, SafeXml.WriterSettings()))
        {
            create(xw).WriteDocument(network);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes <paramref name="network"/> to the file <paramref name="path"/> (created or overwritten).</summary>
    public static void Write(GlocalNetwork network, string path, Func<XmlWriter, XmlGraphWriter> create)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var fs = WriterSchema.Create(path);
        Write(network, fs, create);
    }

    /// <summary>Writes what follows the root's start tag up to and including the graph's start tag, calling
    /// <see cref="WriteDeclarations"/> where the format declares its attributes.</summary>
    protected abstract void WriteHead(GlocalNetwork network, WriterSchema schema);

    /// <summary>Declares the value <paramref name="name"/> of <paramref name="element"/> (<c>node</c> or <c>edge</c>).</summary>
    protected abstract void Declare(string element, string name, XmlValueType type);

    /// <summary>Called before the declarations of <paramref name="element"/>'s values.</summary>
    protected virtual void BeginDeclarations(string element)
    {
    }

    /// <summary>Called after the declarations of one element's values.</summary>
    protected virtual void EndDeclarations()
    {
    }

    /// <summary>Writes the value <paramref name="name"/> of the current <paramref name="element"/>.</summary>
    protected abstract void Value(string element, string name, string value);

    /// <summary>Called before the values of a node or edge, after its attributes.</summary>
    protected virtual void BeginValues()
    {
    }

    /// <summary>Called after the values of a node or edge.</summary>
    protected virtual void EndValues()
    {
    }

    /// <summary>Declares every value the network's nodes and edges carry, in the order they are written.</summary>
    protected void WriteDeclarations(WriterSchema schema)
    {
        BeginDeclarations("node");
        if (!LabelAndWeightAreAttributes)
        {
            Declare("node", GraphNames.Label, XmlValueType.String);
        }

        Declare("node", GraphNames.Kind, XmlValueType.String);
        Declare("node", GraphNames.Region, XmlValueType.String);
        if (schema.HasLocation)
        {
            Declare("node", GraphNames.Latitude, XmlValueType.Double);
            Declare("node", GraphNames.Longitude, XmlValueType.Double);
        }

        foreach (var key in schema.AttributeKeys)
        {
            Declare("node", GraphNames.AttributePrefix + key, XmlValueType.String);
        }

        EndDeclarations();
        BeginDeclarations("edge");
        if (!LabelAndWeightAreAttributes)
        {
            Declare("edge", GraphNames.Weight, XmlValueType.Double);
        }

        Declare("edge", GraphNames.Kind, XmlValueType.String);
        if (schema.HasYear)
        {
            Declare("edge", GraphNames.Year, XmlValueType.Integer);
        }

        if (schema.HasEndYear)
        {
            Declare("edge", GraphNames.EndYear, XmlValueType.Integer);
        }

        if (schema.HasDate)
        {
            Declare("edge", GraphNames.Date, XmlValueType.String);
        }

        Declare("edge", GraphNames.Scale, XmlValueType.String);
        EndDeclarations();
    }

    private void WriteDocument(GlocalNetwork network)
    {
        var schema = WriterSchema.Of(network);
        Xml.WriteStartDocument();
        Xml.WriteStartElement(Root, Namespace);
        Xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
        Xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, SchemaLocation);
        WriteHead(network, schema);
        WriteNodes(network);
        WriteEdges(network, schema);
        Xml.WriteEndElement();
        Xml.WriteEndElement();
        Xml.WriteEndDocument();
    }

    private void WriteNodes(GlocalNetwork network)
    {
        var regions = network.Regions;
        var homes = network.Innovators.RegionIndices;
        BeginList("nodes");
        for (var i = 0; i < network.Innovators.Count; i++)
        {
            var inn = network.Innovators[i];
            Xml.WriteStartElement("node", Namespace);
            Xml.WriteAttributeString("id", inn.Id);
            if (LabelAndWeightAreAttributes)
            {
                Xml.WriteAttributeString(GraphNames.Label, inn.Name);
            }

            BeginValues();
            if (!LabelAndWeightAreAttributes)
            {
                Value("node", GraphNames.Label, inn.Name);
            }

            Value("node", GraphNames.Kind, inn.Kind.ToString());
            Value("node", GraphNames.Region, regions[homes[i]].Id);
            if (inn.Location is { } p)
            {
                Value("node", GraphNames.Latitude, WriterSchema.Number(p.Latitude));
                Value("node", GraphNames.Longitude, WriterSchema.Number(p.Longitude));
            }

            foreach (var key in WriterSchema.SortedKeys(inn.Attributes))
            {
                Value("node", GraphNames.AttributePrefix + key, inn.Attributes[key]);
            }

            EndValues();
            Xml.WriteEndElement();
        }

        EndList();
    }

    private void WriteEdges(GlocalNetwork network, WriterSchema schema)
    {
        var links = network.Links;
        var scales = network.LinkScales;
        BeginList("edges");
        for (var i = 0; i < links.Count; i++)
        {
            var l = links[i];
            Xml.WriteStartElement("edge", Namespace);
            Xml.WriteAttributeString("id", EdgeId(i));
            Xml.WriteAttributeString("source", network.Innovators.IdOf(l.Source));
            Xml.WriteAttributeString("target", network.Innovators.IdOf(l.Target));
            if (schema.Mixed && l.Directed)
            {
                var (name, value) = DirectedMark;
                Xml.WriteAttributeString(name, value);
            }

            if (LabelAndWeightAreAttributes)
            {
                Xml.WriteAttributeString(GraphNames.Weight, WriterSchema.Number(l.Weight));
            }

            BeginValues();
            if (!LabelAndWeightAreAttributes)
            {
                Value("edge", GraphNames.Weight, WriterSchema.Number(l.Weight));
            }

            Value("edge", GraphNames.Kind, l.Kind.ToString());
            if (l.Year is { } y)
            {
                Value("edge", GraphNames.Year, WriterSchema.Number(y));
            }

            if (l.EndYear is { } e)
            {
                Value("edge", GraphNames.EndYear, WriterSchema.Number(e));
            }

            if (l.Date is { } d)
            {
                Value("edge", GraphNames.Date, WriterSchema.Date(d));
            }

            Value("edge", GraphNames.Scale, scales[i].ToString());
            EndValues();
            Xml.WriteEndElement();
        }

        EndList();
    }

    private void BeginList(string name)
    {
        if (WrapsLists)
        {
            Xml.WriteStartElement(name, Namespace);
        }
    }

    private void EndList()
    {
        if (WrapsLists)
        {
            Xml.WriteEndElement();
        }
    }

    /// <summary>An index as invariant-culture text.</summary>
    protected static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The type of a declared value.</summary>
internal enum XmlValueType
{
    /// <summary>Text.</summary>
    String,

    /// <summary>A double.</summary>
    Double,

    /// <summary>A whole number.</summary>
    Integer,
}
