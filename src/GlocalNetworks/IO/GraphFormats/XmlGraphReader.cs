using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>
/// The reading core GraphML and GEXF share: the public entry points' checks, the DTD-refusing <see cref="SafeXml"/>
/// reader and its error translation, the streaming loop (prolog, root element, the stack of open nodes and edges), the
/// graph's default direction, nodes and edges with their declared defaults, the strict/lenient switch, and the
/// hand-over to <see cref="GraphAssembler"/>. A subclass reads its format's declarations and value elements.
/// </summary>
/// <remarks>One instance reads one document.</remarks>
internal abstract class XmlGraphReader
{
    private readonly XmlGraphSyntax _syntax;
    private readonly List<NodeRecord> _nodes = [];
    private readonly List<EdgeRecord> _edges = [];
    private readonly List<(string Name, Field Value)> _nodeDefaults = [];
    private readonly List<(string Name, Field Value)> _edgeDefaults = [];
    private readonly List<(int Depth, NodeRecord? Node, EdgeRecord? Edge)> _open = [];
    private readonly HashSet<string> _noted = new(StringComparer.Ordinal);
    private readonly SafeXml.Prolog _prolog = new();
    private bool? _edgeDefault;

    /// <summary>Starts a reader of one document.</summary>
    /// <param name="file">The file or source name used in messages.</param>
    /// <param name="options">The validated options.</param>
    /// <param name="syntax">How the format spells what this core reads.</param>
    protected XmlGraphReader(string file, LoadOptions options, XmlGraphSyntax syntax)
    {
        File = file;
        FileName = Path.GetFileName(file);
        Sink = new IssueSink(options, new LoadReport());
        _syntax = syntax;
    }

    /// <summary>The file or source name used in messages.</summary>
    protected string File { get; }

    /// <summary>The file name without its folder, as load issues show it.</summary>
    protected string FileName { get; }

    /// <summary>The options, the report the load fills, and the strict/lenient switch.</summary>
    protected IssueSink Sink { get; }

    /// <summary>The options.</summary>
    protected LoadOptions Options => Sink.Options;

    /// <summary>The report the load fills.</summary>
    protected LoadReport Report => Sink.Report;

    /// <summary>Reads the file at <paramref name="path"/> with the reader <paramref name="create"/> makes.</summary>
    public static LoadResult Read(string path, RegionTree? regions, LoadOptions? options, Func<string, LoadOptions, XmlGraphReader> create)
    {
        using var stream = SafeXml.OpenRead(path);
        return Read(stream, path, regions, options, create);
    }

    /// <summary>Reads <paramref name="stream"/> (left open) with the reader <paramref name="create"/> makes.</summary>
    public static LoadResult Read(Stream stream, string sourceName, RegionTree? regions, LoadOptions? options, Func<string, LoadOptions, XmlGraphReader> create)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCore(sourceName, regions, options, create, settings => XmlReader.Create(stream, settings));
    }

    /// <summary>Reads <paramref name="reader"/> (left open) with the reader <paramref name="create"/> makes.</summary>
    public static LoadResult Read(TextReader reader, string sourceName, RegionTree? regions, LoadOptions? options, Func<string, LoadOptions, XmlGraphReader> create)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadCore(sourceName, regions, options, create, settings => XmlReader.Create(reader, settings));
    }

    /// <summary>Reads the current element when it is none of <c>graph</c>, <c>node</c> and <c>edge</c>.</summary>
    /// <param name="xr">The reader, on the element's start tag.</param>
    /// <param name="line">The element's line.</param>
    /// <param name="position">The element's position in its line.</param>
    /// <param name="empty">Whether the element is empty (<c>&lt;x/&gt;</c>).</param>
    protected abstract void ReadElement(XmlReader xr, long? line, int? position, bool empty);

    /// <summary>Called for an end tag that closes no node or edge.</summary>
    /// <param name="depth">The end tag's depth.</param>
    protected virtual void EndElement(int depth)
    {
    }

    /// <summary>Reads what the format puts on a node's start tag besides its id (after the declared defaults are set).</summary>
    /// <param name="xr">The reader, on the node's start tag.</param>
    /// <param name="node">The node.</param>
    protected virtual void ReadNodeAttributes(XmlReader xr, NodeRecord node)
    {
    }

    /// <summary>Reads what the format puts on an edge's start tag besides its ends and direction (after the declared defaults are set).</summary>
    /// <param name="xr">The reader, on the edge's start tag.</param>
    /// <param name="edge">The edge.</param>
    protected virtual void ReadEdgeAttributes(XmlReader xr, EdgeRecord edge)
    {
    }

    /// <summary>Strict: throws <paramref name="error"/>. Lenient: records it with <paramref name="action"/>.</summary>
    protected void Problem(GlocalDataException error, LoadAction action) => Sink.Problem(error, action);

    /// <summary>Whether <paramref name="key"/> is seen for the first time (for issues reported once per key).</summary>
    protected bool FirstTime(string key) => _noted.Add(key);

    /// <summary>Declares the default value of the node attribute <paramref name="name"/>.</summary>
    protected void AddNodeDefault(string name, Field value) => _nodeDefaults.Add((name, value));

    /// <summary>Declares the default value of the edge attribute <paramref name="name"/>.</summary>
    protected void AddEdgeDefault(string name, Field value) => _edgeDefaults.Add((name, value));

    /// <summary>The field name of <paramref name="element"/>'s value <paramref name="name"/>: <c>node/data[kind]</c>, <c>edge/attvalue[year]</c>.</summary>
    protected string ValueColumn(string element, string name) => element + "/" + _syntax.ValueElement + "[" + name + "]";

    /// <summary>The node or edge a value element at <paramref name="ownerDepth"/> + its nesting belongs to: the innermost open
    /// node or edge when it stands at <paramref name="ownerDepth"/>, else neither.</summary>
    protected (NodeRecord? Node, EdgeRecord? Edge) Owner(int ownerDepth) =>
        _open.Count > 0 && _open[^1].Depth == ownerDepth ? (_open[^1].Node, _open[^1].Edge) : default;

    /// <summary>Sets the value <paramref name="name"/> of <paramref name="node"/> (when given) or <paramref name="edge"/>; an edge
    /// attribute a link does not hold is reported once per <paramref name="noteKey"/>.</summary>
    protected void SetValue(NodeRecord? node, EdgeRecord? edge, string name, Field field, string noteKey, long? line)
    {
        if (node is not null)
        {
            node.Set(name, field);
        }
        else if (!edge!.Set(name, field) && FirstTime(noteKey))
        {
            Report.Add(new LoadIssue(FileName, line, ValueColumn("edge", name), null,
                "is an edge attribute a knowledge link does not hold; it is ignored.", LoadAction.Kept));
        }
    }

    private static LoadResult ReadCore(string sourceName, RegionTree? regions, LoadOptions? options, Func<string, LoadOptions, XmlGraphReader> create,
        Func<XmlReaderSettings, XmlReader> open)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var o = options ?? LoadOptions.Default;
        o.Validate();
        var reader = create(sourceName, o);
        try
        {
            using var xr = open(SafeXml.Settings(closeInput: false));
            return reader.Parse(xr, regions);
        }
        catch (XmlException ex)
        {
            throw SafeXml.Translate(ex, reader._prolog, sourceName);
        }
    }

    private LoadResult Parse(XmlReader xr, RegionTree? regions)
    {
        while (xr.Read())
        {
            if (!_prolog.SawElement && xr.NodeType != XmlNodeType.Element)
            {
                _prolog.Track(xr);
                continue;
            }

            if (xr.NodeType == XmlNodeType.EndElement)
            {
                if (_open.Count > 0 && _open[^1].Depth == xr.Depth)
                {
                    _open.RemoveAt(_open.Count - 1);
                }
                else
                {
                    EndElement(xr.Depth);
                }

                continue;
            }

            if (xr.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            var (line, pos) = SafeXml.Where(xr);
            if (!_prolog.SawElement)
            {
                _prolog.SawElement = true;
                if (xr.LocalName != _syntax.Root)
                {
                    throw new GraphFormatException(File, line, null, xr.LocalName,
                        $"is the root element; a {_syntax.FormatName} file's root element is '{_syntax.Root}'.", pos);
                }

                continue;
            }

            var empty = xr.IsEmptyElement;
            switch (xr.LocalName)
            {
                case "graph":
                    ReadGraph(xr);
                    break;
                case "node":
                    ReadNode(xr, line, pos, empty);
                    break;
                case "edge":
                    ReadEdge(xr, line, pos, empty);
                    break;
                default:
                    ReadElement(xr, line, pos, empty);
                    break;
            }
        }

        return GraphAssembler.Build(File, _nodes, _edges, regions, Sink, _syntax.DirectedSyntax, _edgeDefault ?? Options.Directed);
    }

    /// <summary>The first graph's default direction; a value the format does not know falls back to <see cref="LoadOptions.Directed"/>.</summary>
    private void ReadGraph(XmlReader xr)
    {
        if (_edgeDefault is not null)
        {
            return;
        }

        var attribute = _syntax.EdgeDefaultAttribute;
        if (SafeXml.Attribute(xr, attribute, "graph/@" + attribute) is not { } f)
        {
            _edgeDefault = Options.Directed;
            return;
        }

        if (Array.IndexOf(_syntax.EdgeDefaultValues, f.Value) >= 0)
        {
            _edgeDefault = f.Value == "directed";
            return;
        }

        _edgeDefault = Options.Directed;
        Problem(new GraphFormatException(File, f.Line, f.Column, f.Value, _syntax.EdgeDefaultReason, f.Position), LoadAction.Repaired);
    }

    private void ReadNode(XmlReader xr, long? line, int? pos, bool empty)
    {
        var idf = SafeXml.Attribute(xr, "id", "node/@id");
        var node = new NodeRecord(idf ?? new Field(string.Empty, line, pos, "node/@id")) { IdMissing = idf is null };
        foreach (var (name, value) in _nodeDefaults)
        {
            node.Set(name, value with { Column = ValueColumn("node", name) });
        }

        ReadNodeAttributes(xr, node);
        _nodes.Add(node);
        if (!empty)
        {
            _open.Add((xr.Depth, node, null));
        }
    }

    private void ReadEdge(XmlReader xr, long? line, int? pos, bool empty)
    {
        var directed = _syntax.DirectedAttribute;
        var edge = new EdgeRecord(line, pos)
        {
            Source = SafeXml.Attribute(xr, "source", "edge/@source"),
            Target = SafeXml.Attribute(xr, "target", "edge/@target"),
            Directed = SafeXml.Attribute(xr, directed, "edge/@" + directed),
        };
        foreach (var (name, value) in _edgeDefaults)
        {
            edge.Set(name, value with { Column = ValueColumn("edge", name) });
        }

        ReadEdgeAttributes(xr, edge);
        _edges.Add(edge);
        if (!empty)
        {
            _open.Add((xr.Depth, null, edge));
        }
    }
}

/// <summary>How an XML graph format spells what <see cref="XmlGraphReader"/> reads.</summary>
/// <param name="Root">The root element's local name.</param>
/// <param name="FormatName">The format's name in messages.</param>
/// <param name="ValueElement">The element holding a node's or edge's value (<c>data</c>, <c>attvalue</c>), as field names show it.</param>
/// <param name="EdgeDefaultAttribute">The graph's attribute giving the default direction.</param>
/// <param name="EdgeDefaultValues">The values that attribute may take; <c>directed</c> is the directed one.</param>
/// <param name="EdgeDefaultReason">The reason given for any other value.</param>
/// <param name="DirectedAttribute">The edge's attribute giving its own direction.</param>
/// <param name="DirectedSyntax">How that attribute's values are spelled.</param>
internal sealed record XmlGraphSyntax(string Root, string FormatName, string ValueElement, string EdgeDefaultAttribute, string[] EdgeDefaultValues,
    string EdgeDefaultReason, string DirectedAttribute, DirectedSyntax DirectedSyntax);
