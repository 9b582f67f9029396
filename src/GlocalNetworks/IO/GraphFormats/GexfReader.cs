using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>
/// Reads a GEXF file (ours from <see cref="GexfWriter"/>, or Gephi's; versions 1.1, 1.2draft and 1.3) into a network.
/// </summary>
/// <remarks>
/// <para><b>What is read.</b> Nodes become innovators: <c>id</c> is the innovator id and <c>label</c> the name (the id
/// when absent). Attribute values are matched by their attribute's <c>title</c> (its id when untitled), ignoring case,
/// exactly as <see cref="GraphMLReader"/> matches key names: <c>kind</c>, <c>region</c>, <c>latitude</c>/<c>lat</c>,
/// <c>longitude</c>/<c>lng</c>/<c>lon</c>, and every other node attribute into <see cref="Innovator.Attributes"/>
/// (an <c>attr.</c> prefix removed). Edges become links: the edge's <c>weight</c> (1 when absent; an attribute value
/// titled <c>weight</c> also counts), <c>kind</c>, <c>year</c>, <c>endYear</c> and <c>date</c> attribute values; the edge's
/// <c>type</c> (<c>directed</c>, <c>undirected</c>, or <c>mutual</c>, read as undirected), else the graph's
/// <c>defaultedgetype</c> (<c>mixed</c> counts as undirected), else <see cref="LoadOptions.Directed"/>. Attribute
/// <c>&lt;default&gt;</c> values apply. Dynamic data (spells, start/end) and visual data (viz:*) are ignored; the edge's own
/// <c>kind</c> attribute (GEXF's parallel-edge kind) is not read. Element names are matched by local name, so the
/// namespace (version) is not checked.</para>
/// <para><b>Regions, errors and security</b> are as in <see cref="GraphMLReader"/>: an optional <see cref="RegionTree"/>
/// (else a flat tree under the implicit root), strict or lenient mode with the same exception types, and a streaming
/// <see cref="XmlReader"/> that refuses any DTD with a <see cref="GraphFormatException"/>.</para>
/// </remarks>
public static class GexfReader
{
    private static readonly XmlGraphSyntax Syntax = new(
        Root: "gexf",
        FormatName: "GEXF",
        ValueElement: "attvalue",
        EdgeDefaultAttribute: "defaultedgetype",
        EdgeDefaultValues: ["directed", "undirected", "mutual", "mixed"],
        EdgeDefaultReason: "is not an edge type; expected 'directed', 'undirected' or 'mixed'.",
        DirectedAttribute: "type",
        DirectedSyntax: DirectedSyntax.GexfType);

    /// <summary>Reads the GEXF file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="regions">The region tree the nodes' <c>region</c> values name, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode (see <see cref="GraphMLReader"/> for the subtypes).</exception>
    public static LoadResult Read(string path, RegionTree? regions = null, LoadOptions? options = null) =>
        XmlGraphReader.Read(path, regions, options, Create);

    /// <summary>Reads GEXF from <paramref name="stream"/> (encoding from the BOM or XML declaration; UTF-8 by default).</summary>
    /// <param name="stream">The input; left open.</param>
    /// <param name="sourceName">The file or source name used in messages.</param>
    /// <param name="regions">The region tree, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    public static LoadResult Read(Stream stream, string sourceName, RegionTree? regions = null, LoadOptions? options = null) =>
        XmlGraphReader.Read(stream, sourceName, regions, options, Create);

    /// <summary>Reads GEXF from <paramref name="reader"/>.</summary>
    /// <param name="reader">The input; left open.</param>
    /// <param name="sourceName">The file or source name used in messages.</param>
    /// <param name="regions">The region tree, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    public static LoadResult Read(TextReader reader, string sourceName, RegionTree? regions = null, LoadOptions? options = null) =>
        XmlGraphReader.Read(reader, sourceName, regions, options, Create);

    private static XmlGraphReader Create(string file, LoadOptions options) => new Parser(file, options);

    /// <summary>GEXF's part of the reading: <c>attributes</c> declarations and their defaults, <c>attvalue</c> values, and the
    /// <c>label</c> and <c>weight</c> attributes of nodes and edges.</summary>
    private sealed class Parser(string file, LoadOptions options) : XmlGraphReader(file, options, Syntax)
    {
        private readonly Dictionary<string, string> _nodeAttributes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _edgeAttributes = new(StringComparer.Ordinal);
        private string? _attributeClass;
        private int _attributesDepth = -1;
        private string? _currentAttribute;
        private int _currentAttributeDepth = -1;

        protected override void EndElement(int depth)
        {
            if (_currentAttribute is not null && depth == _currentAttributeDepth)
            {
                _currentAttribute = null;
            }
            else if (_attributeClass is not null && depth == _attributesDepth)
            {
                _attributeClass = null;
            }
        }

        protected override void ReadNodeAttributes(XmlReader xr, NodeRecord node)
        {
            if (SafeXml.Attribute(xr, "label", "node/@label") is { } label)
            {
                node.Label = label;
            }
        }

        protected override void ReadEdgeAttributes(XmlReader xr, EdgeRecord edge)
        {
            if (SafeXml.Attribute(xr, "weight", "edge/@weight") is { } weight)
            {
                edge.Weight = weight;
            }
        }

        protected override void ReadElement(XmlReader xr, long? line, int? pos, bool empty)
        {
            switch (xr.LocalName)
            {
                case "attributes":
                    _attributeClass = empty ? null : xr.GetAttribute("class") ?? "node";
                    _attributesDepth = xr.Depth;
                    break;

                case "attribute" when _attributeClass is not null && xr.Depth == _attributesDepth + 1:
                {
                    var idf = SafeXml.Attribute(xr, "id", "attribute/@id");
                    if (idf is not { } id)
                    {
                        throw new GraphFormatException(File, line, "attribute/@id", null, "is missing; every attribute needs an id.", pos);
                    }

                    var title = xr.GetAttribute("title");
                    var map = _attributeClass == "edge" ? _edgeAttributes : _nodeAttributes;
                    if (!map.TryAdd(id.Value, string.IsNullOrEmpty(title) ? id.Value : title))
                    {
                        throw new GraphFormatException(File, id.Line, id.Column, id.Value,
                            $"is declared twice for class '{_attributeClass}'; attribute ids must be unique.", id.Position);
                    }

                    _currentAttribute = empty ? null : id.Value;
                    _currentAttributeDepth = xr.Depth;
                    break;
                }

                case "default" when _currentAttribute is not null && xr.Depth == _currentAttributeDepth + 1:
                {
                    var isEdge = _attributeClass == "edge";
                    var title = (isEdge ? _edgeAttributes : _nodeAttributes)[_currentAttribute];
                    var value = new Field(SafeXml.ReadContent(xr, out _), line, pos, $"attribute[{title}]/default");
                    if (isEdge)
                    {
                        AddEdgeDefault(title, value);
                    }
                    else
                    {
                        AddNodeDefault(title, value);
                    }

                    break;
                }

                case "attvalue":
                {
                    var owner = Owner(xr.Depth - 2);
                    if (owner.Node is null && owner.Edge is null)
                    {
                        break;
                    }

                    var isEdge = owner.Edge is not null;
                    var element = isEdge ? "edge" : "node";
                    var forField = SafeXml.Attribute(xr, "for", "attvalue/@for") ?? SafeXml.Attribute(xr, "id", "attvalue/@id");
                    if (forField is not { } ff)
                    {
                        Problem(new GraphFormatException(File, line, "attvalue/@for", null, "is missing; every attvalue names its attribute.", pos), LoadAction.Repaired);
                        break;
                    }

                    if (!(isEdge ? _edgeAttributes : _nodeAttributes).TryGetValue(ff.Value, out var title))
                    {
                        Problem(new GraphFormatException(File, ff.Line, ff.Column, ff.Value,
                            $"is not a declared {element} attribute; declare it in <attributes class=\"{element}\">.", ff.Position), LoadAction.Repaired);
                        break;
                    }

                    var column = ValueColumn(element, title);
                    var field = SafeXml.Attribute(xr, "value", column) ?? new Field(string.Empty, line, pos, column);
                    SetValue(owner.Node, owner.Edge, title, field, title, line);
                    break;
                }
            }
        }
    }
}
