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
    private static readonly XmlGraphSyntax Syntax = new(
        Root: "graphml",
        FormatName: "GraphML",
        ValueElement: "data",
        EdgeDefaultAttribute: "edgedefault",
        EdgeDefaultValues: ["directed", "undirected"],
        EdgeDefaultReason: "is not an edge default; expected 'directed' or 'undirected'.",
        DirectedAttribute: "directed",
        DirectedSyntax: DirectedSyntax.Boolean);

    /// <summary>Reads the GraphML file at <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="regions">The region tree the nodes' <c>region</c> values name, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode (see the remarks for the subtypes).</exception>
    public static LoadResult Read(string path, RegionTree? regions = null, LoadOptions? options = null) =>
        XmlGraphReader.Read(path, regions, options, Create);

    /// <summary>Reads GraphML from <paramref name="stream"/> (encoding from the BOM or XML declaration; UTF-8 by default).</summary>
    /// <param name="stream">The input; left open.</param>
    /// <param name="sourceName">The file or source name used in messages.</param>
    /// <param name="regions">The region tree, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    public static LoadResult Read(Stream stream, string sourceName, RegionTree? regions = null, LoadOptions? options = null) =>
        XmlGraphReader.Read(stream, sourceName, regions, options, Create);

    /// <summary>Reads GraphML from <paramref name="reader"/>.</summary>
    /// <param name="reader">The input; left open.</param>
    /// <param name="sourceName">The file or source name used in messages.</param>
    /// <param name="regions">The region tree, or <see langword="null"/> for a flat tree.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    public static LoadResult Read(TextReader reader, string sourceName, RegionTree? regions = null, LoadOptions? options = null) =>
        XmlGraphReader.Read(reader, sourceName, regions, options, Create);

    private static XmlGraphReader Create(string file, LoadOptions options) => new Parser(file, options);

    /// <summary>GraphML's part of the reading: <c>key</c> declarations and their defaults, <c>data</c> values, hyperedges.</summary>
    private sealed class Parser(string file, LoadOptions options) : XmlGraphReader(file, options, Syntax)
    {
        private readonly Dictionary<string, Key> _keys = new(StringComparer.Ordinal);
        private Key? _currentKey;
        private int _currentKeyDepth = -1;

        protected override void EndElement(int depth)
        {
            if (_currentKey is not null && depth == _currentKeyDepth)
            {
                _currentKey = null;
            }
        }

        protected override void ReadElement(XmlReader xr, long? line, int? pos, bool empty)
        {
            switch (xr.LocalName)
            {
                case "key":
                {
                    var id = SafeXml.Attribute(xr, "id", "key/@id");
                    if (id is not { } idf)
                    {
                        throw new GraphFormatException(File, line, "key/@id", null, "is missing; every key needs an id.", pos);
                    }

                    var name = xr.GetAttribute("attr.name");
                    var key = new Key(idf.Value, xr.GetAttribute("for") ?? "all", string.IsNullOrEmpty(name) ? idf.Value : name);
                    if (!_keys.TryAdd(key.Id, key))
                    {
                        throw new GraphFormatException(File, idf.Line, idf.Column, idf.Value, "is declared twice; key ids must be unique.", idf.Position);
                    }

                    _currentKey = empty ? null : key;
                    _currentKeyDepth = xr.Depth;
                    break;
                }

                case "default" when _currentKey is not null && xr.Depth == _currentKeyDepth + 1:
                {
                    var value = new Field(SafeXml.ReadContent(xr, out _), line, pos, $"key[{_currentKey.Name}]/default");
                    if (_currentKey.AppliesTo("node"))
                    {
                        AddNodeDefault(_currentKey.Name, value);
                    }

                    if (_currentKey.AppliesTo("edge"))
                    {
                        AddEdgeDefault(_currentKey.Name, value);
                    }

                    break;
                }

                case "hyperedge":
                    Problem(new GraphFormatException(File, line, null, "hyperedge",
                        "is not supported; a knowledge link joins two innovators. Replace each hyperedge by edges.", pos), LoadAction.Skipped);
                    break;

                case "data":
                {
                    var owner = Owner(xr.Depth - 1);
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
                        Problem(new GraphFormatException(File, line, "data/@key", null, "is missing; every data element names its key.", pos), LoadAction.Repaired);
                        break;
                    }

                    if (!_keys.TryGetValue(kf.Value, out var key))
                    {
                        Problem(new GraphFormatException(File, kf.Line, kf.Column, kf.Value,
                            "is not a declared key; declare it with a <key> element before the graph.", kf.Position), LoadAction.Repaired);
                        break;
                    }

                    if (hadElements)
                    {
                        if (FirstTime("xml:" + key.Id))
                        {
                            Report.Add(new LoadIssue(FileName, line, "data/@key", key.Id, "holds XML content, not a value; data of this key are ignored.", LoadAction.Kept));
                        }

                        break;
                    }

                    SetValue(owner.Node, owner.Edge, key.Name, new Field(content, line, pos, ValueColumn(element, key.Name)), "edge:" + key.Id, line);
                    break;
                }
            }
        }
    }

    private sealed class Key(string id, string forWhat, string name)
    {
        public string Id { get; } = id;

        public string For { get; } = forWhat;

        public string Name { get; } = name;

        public bool AppliesTo(string element) => For == "all" || For == element;
    }
}
