using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>Reads a Pajek network file (<c>.net</c>) into a network.</summary>
/// <remarks>
/// <para><b>Syntax.</b> <c>*Vertices n</c> (or <c>*Vertices n m</c> for a two-mode network whose first m vertices are the
/// first mode), then vertex lines <c>id "label" [x y z ...]</c> (the label quoted or a single word; anything after it is
/// ignored); then any number of <c>*Arcs</c> and <c>*Edges</c> sections with lines <c>u v [w ...]</c>, and
/// <c>*Arcslist</c> / <c>*Edgeslist</c> sections with lines <c>u v1 v2 ...</c> (weight 1). Section keywords are
/// case-insensitive and may carry a tail (<c>*Arcs :1 "cites"</c>), which is ignored; <c>*Network name</c> is skipped.
/// Lines starting with <c>%</c> and blank lines are skipped; CRLF, LF and CR line ends are all accepted. Vertices not
/// listed exist with their number as label.</para>
/// <para><b>Model.</b> Each vertex becomes an innovator with id = the vertex number as text ("1", "2", ...),
/// name = its label and kind <see cref="InnovatorKind.Other"/>; in a two-mode network the attribute <c>mode</c> is
/// "1" or "2". Arcs are directed links, edges undirected links, of kind <see cref="LoadOptions.DefaultLinkKind"/> and
/// without a year. Extra fields after the weight (colours, labels) are ignored.</para>
/// <para><b>No geography.</b> Pajek files carry no regions: every innovator sits in the implicit root of an otherwise
/// empty tree (<see cref="RegionTree.Empty"/> on <see cref="LoadOptions.Ladder"/>). Every link's scale is therefore the
/// root level's (Global on the default ladder) and flagged <c>ResolutionLimited</c>: the scales carry no information, but
/// every structural metric works.</para>
/// <para><b>Errors.</b> Strict mode throws the first problem; lenient mode records it and skips the line. A line that
/// cannot be parsed, an unknown section (<c>*Matrix</c>, <c>*Partition</c>, ...), a vertex number that is not a whole
/// number or lies outside 1..n on a vertex line: <see cref="GraphFormatException"/>. A vertex listed twice:
/// <see cref="DuplicateIdException"/>. An arc end outside 1..n: <see cref="ReferentialIntegrityException"/>. A weight
/// that is not finite and &gt; 0 (Pajek allows negative weights; knowledge links do not): <see cref="InvalidWeightException"/>.
/// A self-loop: <see cref="SelfLoopException"/> or, with <see cref="SelfLoopPolicy.Ignore"/>, a reported skip.
/// <c>*Vertices</c> may declare at most <see cref="MaxVertices"/> vertices.</para>
/// </remarks>
public static class PajekReader
{
    /// <summary>The largest vertex count a <c>*Vertices</c> line may declare (every declared vertex becomes an innovator).</summary>
    public const int MaxVertices = 10_000_000;

    /// <summary>Reads the Pajek file at <paramref name="path"/> as UTF-8 (a byte-order mark selects another Unicode encoding;
    /// invalid bytes, e.g. from Latin-1 labels, become U+FFFD).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode (see the remarks for the subtypes).</exception>
    public static LoadResult Read(string path, LoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, options);
    }

    /// <summary>Reads a Pajek network from <paramref name="reader"/>.</summary>
    /// <param name="reader">The input; left open.</param>
    /// <param name="sourceName">The file or source name used in messages.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    public static LoadResult Read(TextReader reader, string sourceName, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        var o = options ?? LoadOptions.Default;
        o.Validate();
        return new Parser(reader, sourceName, o).Run();
    }

    private enum Section
    {
        None,
        Vertices,
        Arcs,
        Edges,
        ArcsList,
        EdgesList,
        Skipped,
    }

    private sealed class Parser(TextReader reader, string file, LoadOptions options)
    {
        private readonly string _fileName = Path.GetFileName(file);
        private readonly IssueSink _sink = new(options, new LoadReport());
        private readonly LinkColumnsBuilder _links = new();
        private readonly List<string> _tokens = [];
        private int _n = -1;
        private int _firstMode = -1;
        private long _verticesLine;
        private string?[] _labels = [];
        private long[] _vertexLines = [];
        private long _arcLines;
        private long _edgeLines;

        public LoadResult Run()
        {
            var section = Section.None;
            long lineNo = 0;
            string? raw;
            while ((raw = reader.ReadLine()) is not null)
            {
                lineNo++;
                var text = raw.AsSpan().Trim();
                if (lineNo == 1 && text.Length > 0 && text[0] == '\uFEFF')
                {
                    text = text[1..].Trim();
                }

                if (text.Length == 0 || text[0] == '%')
                {
                    continue;
                }

                try
                {
                    if (text[0] == '*')
                    {
                        section = ReadSection(text.ToString(), lineNo, section);
                        continue;
                    }

                    switch (section)
                    {
                        case Section.Vertices:
                            ReadVertex(text.ToString(), lineNo);
                            break;
                        case Section.Arcs or Section.Edges:
                            ReadLink(text.ToString(), lineNo, section == Section.Arcs);
                            break;
                        case Section.ArcsList or Section.EdgesList:
                            ReadList(text.ToString(), lineNo, section == Section.ArcsList);
                            break;
                        case Section.Skipped:
                            break;
                        default:
                            Tokenize(text.ToString(), lineNo);
                            throw new GraphFormatException(file, lineNo, null, _tokens.Count > 0 ? _tokens[0] : text.ToString(),
                                "comes before *Vertices; a Pajek network starts with '*Vertices n'.");
                    }
                }
                catch (GlocalDataException error) when (_sink.Absorb(error, LoadAction.Skipped))
                {
                    // Lenient: the line is skipped and reported.
                }
            }

            return Build();
        }

        private Section ReadSection(string text, long line, Section current)
        {
            Tokenize(text, line);
            var keyword = _tokens[0].ToLowerInvariant();
            switch (keyword)
            {
                case "*vertices":
                    ReadVerticesHeader(line);
                    return Section.Vertices;
                case "*arcs" or "*edges" or "*arcslist" or "*edgeslist":
                    if (_n < 0)
                    {
                        throw new GraphFormatException(file, line, null, _tokens[0], "comes before *Vertices; a Pajek network starts with '*Vertices n'.");
                    }

                    return keyword switch
                    {
                        "*arcs" => Section.Arcs,
                        "*edges" => Section.Edges,
                        "*arcslist" => Section.ArcsList,
                        _ => Section.EdgesList,
                    };
                case "*network":
                    return _n < 0 ? Section.None : current;
                default:
                    _sink.Problem(new GraphFormatException(file, line, "section", _tokens[0],
                        "is not a section this reader understands; expected *Vertices, *Arcs, *Edges, *Arcslist or *Edgeslist (matrices, partitions and vectors are not read)."),
                        LoadAction.Skipped);
                    return Section.Skipped;
            }
        }

        private void ReadVerticesHeader(long line)
        {
            if (_n >= 0)
            {
                throw new GraphFormatException(file, line, "section", _tokens[0],
                    string.Create(CultureInfo.InvariantCulture, $"occurs twice (first on line {_verticesLine}); a Pajek network has one *Vertices section."));
            }

            if (_tokens.Count < 2)
            {
                throw new GraphFormatException(file, line, "vertex count", null, "is missing; expected '*Vertices n'.");
            }

            var count = _tokens[1];
            if (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxVertices)
            {
                throw new GraphFormatException(file, line, "vertex count", count,
                    string.Create(CultureInfo.InvariantCulture, $"is not a whole number in 0..{MaxVertices}."));
            }

            var firstMode = -1;
            if (_tokens.Count > 2)
            {
                var m = _tokens[2];
                if (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out firstMode) || firstMode > n)
                {
                    throw new GraphFormatException(file, line, "first-mode count", m,
                        string.Create(CultureInfo.InvariantCulture, $"is not a whole number in 0..{n}; in '*Vertices n m' the first m of the n vertices are the first mode."));
                }
            }

            _n = n;
            _firstMode = firstMode;
            _verticesLine = line;
            _labels = new string?[n];
            _vertexLines = new long[n];
        }

        private void ReadVertex(string text, long line)
        {
            Tokenize(text, line);
            var v = Vertex(_tokens[0], line, "vertex", onVertexLine: true);
            if (_vertexLines[v] != 0)
            {
                throw new DuplicateIdException(file, line, "vertex", _tokens[0], _vertexLines[v]);
            }

            _vertexLines[v] = line;
            _labels[v] = _tokens.Count > 1 ? _tokens[1] : null;
        }

        private void ReadLink(string text, long line, bool directed)
        {
            Tokenize(text, line);
            if (_tokens.Count < 2)
            {
                throw new GraphFormatException(file, line, null, text,
                    $"has fewer than two vertex numbers; expected '{(directed ? "source target" : "vertex vertex")} [weight]'.");
            }

            var s = Vertex(_tokens[0], line, "source", onVertexLine: false);
            var t = Vertex(_tokens[1], line, "target", onVertexLine: false);
            var weight = 1.0;
            if (_tokens.Count > 2)
            {
                var w = _tokens[2];
                if (!double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
                {
                    throw new GraphFormatException(file, line, "weight", w, "is not a number; expected an invariant-culture number such as '2.5'.");
                }

                if (LinkFieldRules.WeightProblem(weight) is { } why)
                {
                    throw new InvalidWeightException(file, line, "weight", w, why);
                }
            }

            Add(s, t, weight, directed, line, _tokens[1]);
            CountLine(directed);
        }

        private void ReadList(string text, long line, bool directed)
        {
            Tokenize(text, line);
            var s = Vertex(_tokens[0], line, "source", onVertexLine: false);
            var targets = new int[_tokens.Count - 1];
            for (var k = 1; k < _tokens.Count; k++)
            {
                targets[k - 1] = Vertex(_tokens[k], line, "target", onVertexLine: false);
            }

            // A list line is one record: checked whole, then added, so a bad target skips the line and nothing of it stays.
            for (var k = 0; k < targets.Length; k++)
            {
                if (targets[k] == s && options.SelfLoops == SelfLoopPolicy.Reject)
                {
                    throw new SelfLoopException(file, line, "target", _tokens[k + 1], LinkFieldRules.SelfLoopRejected);
                }
            }

            for (var k = 0; k < targets.Length; k++)
            {
                Add(s, targets[k], 1.0, directed, line, _tokens[k + 1]);
            }

            CountLine(directed);
        }

        private void CountLine(bool directed)
        {
            if (directed)
            {
                _arcLines++;
            }
            else
            {
                _edgeLines++;
            }
        }

        private void Add(int s, int t, double weight, bool directed, long line, string targetText)
        {
            if (s == t)
            {
                // The error is thrown, not handed to the sink, so that the whole line is skipped.
                if (_sink.SelfLoop(file, line, "target", targetText) is { } error)
                {
                    throw error;
                }

                return;
            }

            _links.Add(s, t, weight, options.DefaultLinkKind, null, null, null, directed);
        }

        private int Vertex(string token, long line, string column, bool onVertexLine)
        {
            if (!int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
            {
                throw new GraphFormatException(file, line, column, token,
                    string.Create(CultureInfo.InvariantCulture, $"is not a vertex number; expected a whole number in 1..{_n}."));
            }

            if (v < 1 || v > _n)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"is not a vertex number; *Vertices on line {_verticesLine} declares {_n}, numbered 1..{_n}.");
                if (onVertexLine)
                {
                    throw new GraphFormatException(file, line, column, token, reason);
                }

                throw new ReferentialIntegrityException(file, line, column, token, reason, Array.Empty<string>());
            }

            return v - 1;
        }

        /// <summary>Splits a line into whitespace-separated tokens; a token starting with '"' runs to the next '"'.</summary>
        private void Tokenize(string text, long line)
        {
            _tokens.Clear();
            var i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    break;
                }

                if (text[i] == '"')
                {
                    var end = text.IndexOf('"', i + 1);
                    if (end < 0)
                    {
                        throw new GraphFormatException(file, line, "label", text[i..], "has no closing quote; quote a label as \"...\".");
                    }

                    _tokens.Add(text.Substring(i + 1, end - i - 1));
                    i = end + 1;
                }
                else
                {
                    var start = i;
                    while (i < text.Length && !char.IsWhiteSpace(text[i]))
                    {
                        i++;
                    }

                    _tokens.Add(text[start..i]);
                }
            }
        }

        private LoadResult Build()
        {
            var n = Math.Max(_n, 0);
            var tree = RegionTree.Empty(options.Ladder);
            var root = tree.Root.Id;
            var list = new List<Innovator>(n);
            var lines = new List<long>(n);
            ReadOnlyDictionary<string, string>? mode1 = null, mode2 = null;
            if (_firstMode >= 0)
            {
                mode1 = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal) { ["mode"] = "1" });
                mode2 = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal) { ["mode"] = "2" });
            }

            for (var i = 0; i < n; i++)
            {
                var id = (i + 1).ToString(CultureInfo.InvariantCulture);
                var attributes = _firstMode < 0 ? null : i < _firstMode ? mode1 : mode2;
                list.Add(new Innovator(id, _labels[i] ?? id, InnovatorKind.Other, root, null, attributes));
                lines.Add(_vertexLines[i] != 0 ? _vertexLines[i] : _verticesLine);
            }

            _sink.Report.Count(_fileName + " vertices", n);
            _sink.Report.Count(_fileName + " arc lines", _arcLines);
            _sink.Report.Count(_fileName + " edge lines", _edgeLines);
            var innovators = NetworkAssembly.CreateInnovatorTable(list, tree, file, lines);
            _sink.Report.Count("innovators", innovators.Count);
            _sink.Report.Count("links", _links.Count);
            var net = NetworkAssembly.Assemble(tree, innovators, _links, Array.Empty<Organiser>(), options.Classifier);
            return new LoadResult(net, _sink.Report);
        }
    }
}
