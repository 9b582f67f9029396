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
    /// <summary>Reads the GEXF file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="regions">The region tree the nodes' <c>region</c> values name, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode (see <see cref="GraphMLReader"/> for the subtypes).</exception>
    public static LoadResult Read(string path, RegionTree? regions = null, LoadOptions? options = null)
    {
        using var stream = SafeXml.OpenRead(path);
        return Read(stream, path, regions, options);
    }

    /// <summary>Reads GEXF from <paramref name="stream"/> (encoding from the BOM or XML declaration; UTF-8 by default).</summary>
    /// <param name="stream">The input; left open.</param>
    /// <param name="sourceName">The file or source name used in messages.</param>
    /// <param name="regions">The region tree, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    public static LoadResult Read(Stream stream, string sourceName, RegionTree? regions = null, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var o = options ?? LoadOptions.Default;
        o.Validate();
        var prolog = new SafeXml.Prolog();
        try
        {
            using var xr = XmlReader.Create(stream, SafeXml.Settings(closeInput: false));
            return Parse(xr, sourceName, regions, o, prolog);
        }
        catch (XmlException ex)
        {
            throw SafeXml.Translate(ex, prolog, sourceName);
        }
    }

    /// <summary>Reads GEXF from <paramref name="reader"/>.</summary>
    /// <param name="reader">The input; left open.</param>
    /// <param name="sourceName">The file or source name used in messages.</param>
    /// <param name="regions">The region tree, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    public static LoadResult Read(TextReader reader, string sourceName, RegionTree? regions = null, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var o = options ?? LoadOptions.Default;
        o.Validate();
        var prolog = new SafeXml.Prolog();
        try
        {
            using var xr = XmlReader.Create(reader, SafeXml.Settings(closeInput: false));
            return Parse(xr, sourceName, regions, o, prolog);
        }
        catch (XmlException ex)
        {
            throw SafeXml.Translate(ex, prolog, sourceName);
        }
    }

    private static LoadResult Parse(XmlReader xr, string file, RegionTree? regions, LoadOptions o, SafeXml.Prolog prolog)
    {
        var fileName = Path.GetFileName(file);
        var report = new LoadReport();
        var nodeAttributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var edgeAttributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodeDefaults = new List<(string Title, Field Value)>();
        var edgeDefaults = new List<(string Title, Field Value)>();
        var nodes = new List<NodeRecord>();
        var edges = new List<EdgeRecord>();
        var noted = new HashSet<string>(StringComparer.Ordinal);
        var open = new List<(int Depth, NodeRecord? Node, EdgeRecord? Edge)>();
        bool? edgeDefault = null;
        string? attributeClass = null;
        var attributesDepth = -1;
        string? currentAttribute = null;
        var currentAttributeDepth = -1;

        void Problem(GlocalDataException error, LoadAction action)
        {
            if (o.Mode == LoadMode.Strict)
            {
                throw error;
            }

            report.Add(error, action);
        }

        while (xr.Read())
        {
            if (!prolog.SawElement && xr.NodeType != XmlNodeType.Element)
            {
                prolog.Track(xr);
                continue;
            }

            if (xr.NodeType == XmlNodeType.EndElement)
            {
                if (open.Count > 0 && open[^1].Depth == xr.Depth)
                {
                    open.RemoveAt(open.Count - 1);
                }
                else if (currentAttribute is not null && xr.Depth == currentAttributeDepth)
                {
                    currentAttribute = null;
                }
                else if (attributeClass is not null && xr.Depth == attributesDepth)
                {
                    attributeClass = null;
                }

                continue;
            }

            if (xr.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var (line, pos) = SafeXml.Where(xr);
            if (!prolog.SawElement)
            {
                prolog.SawElement = true;
                if (xr.LocalName != "gexf")
                {
                    throw new GraphFormatException(file, line, null, xr.LocalName, "is the root element; a GEXF file's root element is 'gexf'.", pos);
                }

                continue;
            }

            var empty = xr.IsEmptyElement;
            switch (xr.LocalName)
            {
                case "graph":
                    if (edgeDefault is null)
                    {
                        var t = SafeXml.Attribute(xr, "defaultedgetype", "graph/@defaultedgetype");
                        if (t is { } tf)
                        {
                            if (tf.Value is "directed" or "undirected" or "mutual" or "mixed")
                            {
                                edgeDefault = tf.Value == "directed";
                            }
                            else
                            {
                                edgeDefault = o.Directed;
                                Problem(new GraphFormatException(file, tf.Line, tf.Column, tf.Value,
                                    "is not an edge type; expected 'directed', 'undirected' or 'mixed'.", tf.Position), LoadAction.Repaired);
                            }
                        }
                        else
                        {
                            edgeDefault = o.Directed;
                        }
                    }

                    break;

                case "attributes":
                    attributeClass = empty ? null : xr.GetAttribute("class") ?? "node";
                    attributesDepth = xr.Depth;
                    break;

                case "attribute" when attributeClass is not null && xr.Depth == attributesDepth + 1:
                {
                    var idf = SafeXml.Attribute(xr, "id", "attribute/@id");
                    if (idf is not { } id)
                    {
                        throw new GraphFormatException(file, line, "attribute/@id", null, "is missing; every attribute needs an id.", pos);
                    }

                    var title = xr.GetAttribute("title");
                    var map = attributeClass == "edge" ? edgeAttributes : nodeAttributes;
                    if (!map.TryAdd(id.Value, string.IsNullOrEmpty(title) ? id.Value : title))
                    {
                        throw new GraphFormatException(file, id.Line, id.Column, id.Value,
                            $"is declared twice for class '{attributeClass}'; attribute ids must be unique.", id.Position);
                    }

                    currentAttribute = empty ? null : id.Value;
                    currentAttributeDepth = xr.Depth;
                    break;
                }

                case "default" when currentAttribute is not null && xr.Depth == currentAttributeDepth + 1:
                {
                    var isEdge = attributeClass == "edge";
                    var title = (isEdge ? edgeAttributes : nodeAttributes)[currentAttribute];
                    var value = new Field(SafeXml.ReadContent(xr, out _), line, pos, $"attribute[{title}]/default");
                    (isEdge ? edgeDefaults : nodeDefaults).Add((title, value));
                    break;
                }

                case "node":
                {
                    var idf = SafeXml.Attribute(xr, "id", "node/@id");
                    var node = new NodeRecord(idf ?? new Field(string.Empty, line, pos, "node/@id")) { IdMissing = idf is null };
                    foreach (var (title, value) in nodeDefaults)
                    {
                        node.Set(title, value with { Column = "node/attvalue[" + title + "]" });
                    }

                    if (SafeXml.Attribute(xr, "label", "node/@label") is { } label)
                    {
                        node.Label = label;
                    }

                    nodes.Add(node);
                    if (!empty)
                    {
                        open.Add((xr.Depth, node, null));
                    }

                    break;
                }

                case "edge":
                {
                    var edge = new EdgeRecord(line, pos)
                    {
                        Source = SafeXml.Attribute(xr, "source", "edge/@source"),
                        Target = SafeXml.Attribute(xr, "target", "edge/@target"),
                        Directed = SafeXml.Attribute(xr, "type", "edge/@type"),
                    };
                    foreach (var (title, value) in edgeDefaults)
                    {
                        edge.Set(title, value with { Column = "edge/attvalue[" + title + "]" });
                    }

                    if (SafeXml.Attribute(xr, "weight", "edge/@weight") is { } weight)
                    {
                        edge.Weight = weight;
                    }

                    edges.Add(edge);
                    if (!empty)
                    {
                        open.Add((xr.Depth, null, edge));
                    }

                    break;
                }

                case "attvalue":
                {
                    var owner = open.Count > 0 && open[^1].Depth == xr.Depth - 2 ? open[^1] : default;
                    if (owner.Node is null && owner.Edge is null)
                    {
                        break;
                    }

                    var isEdge = owner.Edge is not null;
                    var element = isEdge ? "edge" : "node";
                    var forField = SafeXml.Attribute(xr, "for", "attvalue/@for") ?? SafeXml.Attribute(xr, "id", "attvalue/@id");
                    if (forField is not { } ff)
                    {
                        Problem(new GraphFormatException(file, line, "attvalue/@for", null, "is missing; every attvalue names its attribute.", pos), LoadAction.Repaired);
                        break;
                    }

                    if (!(isEdge ? edgeAttributes : nodeAttributes).TryGetValue(ff.Value, out var title))
                    {
                        Problem(new GraphFormatException(file, ff.Line, ff.Column, ff.Value,
                            $"is not a declared {element} attribute; declare it in <attributes class=\"{element}\">.", ff.Position), LoadAction.Repaired);
                        break;
                    }

                    var vf = SafeXml.Attribute(xr, "value", element + "/attvalue[" + title + "]");
                    var field = vf ?? new Field(string.Empty, line, pos, element + "/attvalue[" + title + "]");
                    if (owner.Node is { } n)
                    {
                        n.Set(title, field);
                    }
                    else if (!owner.Edge!.Set(title, field) && noted.Add(title))
                    {
                        report.Add(new LoadIssue(fileName, line, "edge/attvalue[" + title + "]", null,
                            "is an edge attribute a knowledge link does not hold; it is ignored.", LoadAction.Kept));
                    }

                    break;
                }
            }
        }

        return GraphAssembler.Build(file, nodes, edges, regions, o, report, DirectedSyntax.GexfType, edgeDefault ?? o.Directed);
    }
}
