using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>
/// Reads a GraphML file (ours from <see cref="GraphMLWriter"/>, or Gephi's, yEd's, networkx's, igraph's) into a network.
/// </summary>
/// <remarks>
/// <para><b>What is read.</b> Nodes become innovators: the node id is the innovator id, and data values are matched by
/// their key's <c>attr.name</c> (ignoring case): <c>label</c> (the name; the id when absent), <c>kind</c> (an
/// <see cref="InnovatorKind"/> name, case, '-' and '_' ignored; <see cref="InnovatorKind.Other"/> when absent),
/// <c>region</c> (the home region id), <c>latitude</c>/<c>lat</c> and <c>longitude</c>/<c>lng</c>/<c>lon</c> (both or
/// neither). Every other node key becomes an <see cref="Innovator.Attributes"/> entry, with an <c>attr.</c> prefix
/// removed. Edges become links: <c>weight</c> (1 when absent), <c>kind</c> (a <see cref="LinkKind"/> name;
/// <see cref="LoadOptions.DefaultLinkKind"/> when absent), <c>year</c>, <c>endYear</c>, <c>date</c> (yyyy-MM-dd); the
/// edge's <c>directed</c> attribute, else the graph's <c>edgedefault</c>, else <see cref="LoadOptions.Directed"/>. The
/// <c>scale</c> key is ignored (scales are recomputed); other edge keys are ignored with one informational issue each.
/// Key defaults (<c>&lt;default&gt;</c>) apply. Data whose content is XML (yEd graphics) is ignored with one issue per key.
/// Element names are matched by local name, so the namespace is not checked.</para>
/// <para><b>Regions.</b> Given a <see cref="RegionTree"/>, every node's <c>region</c> must be one of its ids
/// (otherwise <see cref="ReferentialIntegrityException"/> with suggestions). Without one, a flat tree is built on
/// <see cref="LoadOptions.Ladder"/>: every distinct region id becomes a region at the ladder's finest level under the
/// implicit root <see cref="RegionTree.ImplicitRootId"/>, so scales are then the finest level's (Local on the default
/// ladder) within one region and the root's (Global) across regions. Nodes without a region sit at the tree's root.</para>
/// <para><b>Errors.</b> Strict mode (the default) throws the first problem; lenient mode records it in the
/// <see cref="LoadReport"/> and skips the node or edge (edges to a skipped node are skipped and reported too). XML that is
/// not well-formed, a DTD, a wrong root element, an undeclared key or an unparsable value: <see cref="GraphFormatException"/>.
/// A duplicate node id: <see cref="DuplicateIdException"/>. An edge end or region that does not exist:
/// <see cref="ReferentialIntegrityException"/>. A weight that is not finite and &gt; 0: <see cref="InvalidWeightException"/>.
/// A self-loop: <see cref="SelfLoopException"/> (or a reported skip with <see cref="Kernels.SelfLoopPolicy.Ignore"/>).</para>
/// <para><b>Security.</b> The XML is streamed by an <see cref="XmlReader"/> with DTD processing prohibited and no resolver:
/// a document with a <c>&lt;!DOCTYPE&gt;</c> is refused with a <see cref="GraphFormatException"/>, so external entities
/// (XXE) and entity expansion ("billion laughs") can never run.</para>
/// </remarks>
public static class GraphMLReader
{
    /// <summary>Reads the GraphML file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="regions">The region tree the nodes' <c>region</c> values name, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode (see the remarks for the subtypes).</exception>
    public static LoadResult Read(string path, RegionTree? regions = null, LoadOptions? options = null)
    {
        using var stream = SafeXml.OpenRead(path);
        return Read(stream, path, regions, options);
    }

    /// <summary>Reads GraphML from <paramref name="stream"/> (encoding from the BOM or XML declaration; UTF-8 by default).</summary>
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

    /// <summary>Reads GraphML from <paramref name="reader"/>.</summary>
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
        var keys = new Dictionary<string, Key>(StringComparer.Ordinal);
        var nodeDefaults = new List<(Key Key, Field Value)>();
        var edgeDefaults = new List<(Key Key, Field Value)>();
        var nodes = new List<NodeRecord>();
        var edges = new List<EdgeRecord>();
        var noted = new HashSet<string>(StringComparer.Ordinal);
        var open = new List<(int Depth, NodeRecord? Node, EdgeRecord? Edge)>();
        bool? edgeDefault = null;
        Key? currentKey = null;
        var currentKeyDepth = -1;

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
                else if (currentKey is not null && xr.Depth == currentKeyDepth)
                {
                    currentKey = null;
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
                if (xr.LocalName != "graphml")
                {
                    throw new GraphFormatException(file, line, null, xr.LocalName, "is the root element; a GraphML file's root element is 'graphml'.", pos);
                }

                continue;
            }

            var empty = xr.IsEmptyElement;
            switch (xr.LocalName)
            {
                case "key":
                {
                    var id = SafeXml.Attribute(xr, "id", "key/@id");
                    if (id is not { } idf)
                    {
                        throw new GraphFormatException(file, line, "key/@id", null, "is missing; every key needs an id.", pos);
                    }

                    var name = xr.GetAttribute("attr.name");
                    var key = new Key(idf.Value, xr.GetAttribute("for") ?? "all", string.IsNullOrEmpty(name) ? idf.Value : name);
                    if (!keys.TryAdd(key.Id, key))
                    {
                        throw new GraphFormatException(file, idf.Line, idf.Column, idf.Value, "is declared twice; key ids must be unique.", idf.Position);
                    }

                    currentKey = empty ? null : key;
                    currentKeyDepth = xr.Depth;
                    break;
                }

                case "default" when currentKey is not null && xr.Depth == currentKeyDepth + 1:
                {
                    var value = new Field(SafeXml.ReadContent(xr, out _), line, pos, $"key[{currentKey.Name}]/default");
                    if (currentKey.AppliesTo("node"))
                    {
                        nodeDefaults.Add((currentKey, value));
                    }

                    if (currentKey.AppliesTo("edge"))
                    {
                        edgeDefaults.Add((currentKey, value));
                    }

                    break;
                }

                case "graph":
                    if (edgeDefault is null)
                    {
                        var ed = SafeXml.Attribute(xr, "edgedefault", "graph/@edgedefault");
                        if (ed is { } edf)
                        {
                            if (edf.Value == "directed" || edf.Value == "undirected")
                            {
                                edgeDefault = edf.Value == "directed";
                            }
                            else
                            {
                                edgeDefault = o.Directed;
                                Problem(new GraphFormatException(file, edf.Line, edf.Column, edf.Value,
                                    "is not an edge default; expected 'directed' or 'undirected'.", edf.Position), LoadAction.Repaired);
                            }
                        }
                        else
                        {
                            edgeDefault = o.Directed;
                        }
                    }

                    break;

                case "node":
                {
                    var idf = SafeXml.Attribute(xr, "id", "node/@id");
                    var node = new NodeRecord(idf ?? new Field(string.Empty, line, pos, "node/@id")) { IdMissing = idf is null };
                    foreach (var (key, value) in nodeDefaults)
                    {
                        node.Set(key.Name, value with { Column = "node/data[" + key.Name + "]" });
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
                        Directed = SafeXml.Attribute(xr, "directed", "edge/@directed"),
                    };
                    foreach (var (key, value) in edgeDefaults)
                    {
                        SetEdge(edge, key, value with { Column = "edge/data[" + key.Name + "]" });
                    }

                    edges.Add(edge);
                    if (!empty)
                    {
                        open.Add((xr.Depth, null, edge));
                    }

                    break;
                }

                case "hyperedge":
                    Problem(new GraphFormatException(file, line, null, "hyperedge",
                        "is not supported; a knowledge link joins two innovators. Replace each hyperedge by edges.", pos), LoadAction.Skipped);
                    break;

                case "data":
                {
                    var owner = open.Count > 0 && open[^1].Depth == xr.Depth - 1 ? open[^1] : default;
                    if (owner.Node is null && owner.Edge is null)
                    {
                        // Graph- or document-level data: nothing in the model holds it.
                        SafeXml.ReadContent(xr, out _);
                        break;
                    }

                    var element = owner.Node is not null ? "node" : "edge";
                    var keyField = SafeXml.Attribute(xr, "key", "data/@key");
                    var content = SafeXml.ReadContent(xr, out var hadElements);
                    if (keyField is not { } kf)
                    {
                        Problem(new GraphFormatException(file, line, "data/@key", null, "is missing; every data element names its key.", pos), LoadAction.Repaired);
                        break;
                    }

                    if (!keys.TryGetValue(kf.Value, out var key))
                    {
                        Problem(new GraphFormatException(file, kf.Line, kf.Column, kf.Value,
                            "is not a declared key; declare it with a <key> element before the graph.", kf.Position), LoadAction.Repaired);
                        break;
                    }

                    if (hadElements)
                    {
                        if (noted.Add("xml:" + key.Id))
                        {
                            report.Add(new LoadIssue(fileName, line, "data/@key", key.Id, "holds XML content, not a value; data of this key are ignored.", LoadAction.Kept));
                        }

                        break;
                    }

                    var field = new Field(content, line, pos, element + "/data[" + key.Name + "]");
                    if (owner.Node is { } n)
                    {
                        n.Set(key.Name, field);
                    }
                    else if (!SetEdge(owner.Edge!, key, field) && noted.Add("edge:" + key.Id))
                    {
                        report.Add(new LoadIssue(fileName, line, "edge/data[" + key.Name + "]", null,
                            "is an edge attribute a knowledge link does not hold; it is ignored.", LoadAction.Kept));
                    }

                    break;
                }
            }
        }

        return GraphAssembler.Build(file, nodes, edges, regions, o, report, DirectedSyntax.Boolean, edgeDefault ?? o.Directed);
    }

    private static bool SetEdge(EdgeRecord edge, Key key, Field value) => edge.Set(key.Name, value);

    private sealed class Key(string id, string forWhat, string name)
    {
        public string Id { get; } = id;

        public string For { get; } = forWhat;

        public string Name { get; } = name;

        public bool AppliesTo(string element) => For == "all" || For == element;
    }
}
