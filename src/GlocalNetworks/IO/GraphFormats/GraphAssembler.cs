using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>
/// Validates the nodes and edges a GraphML or GEXF reader collected and builds the network through the bulk path
/// (<see cref="NetworkAssembly"/>). Strict mode throws the first problem; lenient mode records it and skips the node or edge.
/// </summary>
internal sealed class GraphAssembler
{
    private readonly string _file;
    private readonly string _fileName;
    private readonly IssueSink _sink;
    private readonly LoadOptions _options;
    private readonly LoadReport _report;

    private GraphAssembler(string file, IssueSink sink)
    {
        _file = file;
        _fileName = Path.GetFileName(file);
        _sink = sink;
        _options = sink.Options;
        _report = sink.Report;
    }

    public static LoadResult Build(string file, IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges, RegionTree? regions,
        IssueSink sink, DirectedSyntax syntax, bool defaultDirected) =>
        new GraphAssembler(file, sink).Run(nodes, edges, regions, syntax, defaultDirected);

    private LoadResult Run(IReadOnlyList<NodeRecord> nodes, IReadOnlyList<EdgeRecord> edges, RegionTree? given,
        DirectedSyntax syntax, bool defaultDirected)
    {
        _report.Count(_fileName + " nodes", nodes.Count);
        _report.Count(_fileName + " edges", edges.Count);
        if (given is null && _options.Ladder.Levels.Count < 2)
        {
            throw new ArgumentException(
                $"Reading '{_fileName}' without a region tree builds a flat tree under the implicit root, which needs a ladder of at least two levels; '{_options.Ladder.Name}' has one. Pass a RegionTree.");
        }

        var firstLine = new Dictionary<string, long?>(nodes.Count, StringComparer.Ordinal);
        var skipped = new Dictionary<string, long?>(StringComparer.Ordinal);
        var pending = new List<(Innovator Innovator, long? Line, string? Region)>(nodes.Count);
        var flatIds = new List<string>();
        var withoutRegion = 0;
        foreach (var node in nodes)
        {
            var inn = ReadNode(node, given, firstLine, out var region);
            if (inn is null)
            {
                if (!node.IdMissing && !firstLine.ContainsKey(node.Id.Value))
                {
                    skipped.TryAdd(node.Id.Value, node.Id.Line);
                }

                continue;
            }

            firstLine.Add(inn.Id, node.Id.Line);
            if (region is null)
            {
                withoutRegion++;
            }
            else if (given is null)
            {
                flatIds.Add(region);
            }

            pending.Add((inn, node.Id.Line, region));
        }

        var tree = given ?? RegionTree.Flat(flatIds, _options.Ladder, out _);
        var list = new List<Innovator>(pending.Count);
        var lines = new List<long>(pending.Count);
        foreach (var (inn, line, region) in pending)
        {
            list.Add(region is null ? inn with { RegionId = tree.Root.Id } : inn);
            lines.Add(line ?? 0);
        }

        if (withoutRegion > 0)
        {
            _report.Count("nodes without a region (placed at the root)", withoutRegion);
        }

        var innovators = NetworkAssembly.CreateInnovatorTable(list, tree, _file, lines);
        var cols = new LinkColumnsBuilder();
        foreach (var edge in edges)
        {
            ReadEdge(edge, innovators, skipped, syntax, defaultDirected, cols);
        }

        _report.Count("innovators", innovators.Count);
        _report.Count("links", cols.Count);
        var net = NetworkAssembly.Assemble(tree, innovators, cols, Array.Empty<Organiser>(), _options.Classifier);
        return new LoadResult(net, _report);
    }

    private Innovator? ReadNode(NodeRecord node, RegionTree? tree, Dictionary<string, long?> firstLine, out string? region)
    {
        region = null;
        var id = node.Id;
        if (node.IdMissing)
        {
            return Fail(new GraphFormatException(_file, id.Line, id.Column, null, "is missing; every node needs an id.", id.Position));
        }

        if (id.Value.Length == 0)
        {
            return Fail(new GraphFormatException(_file, id.Line, id.Column, string.Empty, "is empty; every node needs an id.", id.Position));
        }

        if (firstLine.TryGetValue(id.Value, out var first))
        {
            return Fail(new DuplicateIdException(_file, id.Line, id.Column, id.Value, first));
        }

        var kind = InnovatorKind.Other;
        if (node.Kind is { } k && !string.IsNullOrWhiteSpace(k.Value) && !TryParseName(k.Value, out kind))
        {
            return Fail(new GraphFormatException(_file, k.Line, k.Column, k.Value,
                $"is not an innovator kind; expected one of {string.Join(", ", Enum.GetNames<InnovatorKind>())}.", k.Position));
        }

        GeoPoint? location = null;
        if (node.Latitude is not null || node.Longitude is not null)
        {
            if (node.Latitude is not { } lat)
            {
                var lon = node.Longitude!.Value;
                return Fail(new GraphFormatException(_file, lon.Line, lon.Column, lon.Value, "is given without a latitude; give both coordinates or neither.", lon.Position));
            }

            if (node.Longitude is not { } lng)
            {
                return Fail(new GraphFormatException(_file, lat.Line, lat.Column, lat.Value, "is given without a longitude; give both coordinates or neither.", lat.Position));
            }

            if (!TryNumber(lat, out var la) || !TryNumber(lng, out var lo))
            {
                return null;
            }

            if (!(la >= -90 && la <= 90))
            {
                return Fail(new GraphFormatException(_file, lat.Line, lat.Column, lat.Value, "is out of range; a latitude must lie in [-90, 90] degrees.", lat.Position));
            }

            if (!(lo >= -180 && lo <= 180))
            {
                return Fail(new GraphFormatException(_file, lng.Line, lng.Column, lng.Value, "is out of range; a longitude must lie in [-180, 180] degrees.", lng.Position));
            }

            location = new GeoPoint(la, lo);
        }

        if (node.Region is { } r && !string.IsNullOrWhiteSpace(r.Value))
        {
            if (tree is not null && !tree.Contains(r.Value))
            {
                return Fail(new ReferentialIntegrityException(_file, r.Line, r.Column, r.Value,
                    $"is not a region of the given region tree (node '{id.Value}').", tree.Suggest(r.Value)));
            }

            region = r.Value;
        }

        var name = node.Label?.Value ?? id.Value;
        var attributes = node.Attributes is null ? null : new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(node.Attributes);
        return new Innovator(id.Value, name, kind, region ?? string.Empty, location, attributes);
    }

    private void ReadEdge(EdgeRecord edge, InnovatorTable innovators, Dictionary<string, long?> skipped, DirectedSyntax syntax,
        bool defaultDirected, LinkColumnsBuilder cols)
    {
        if (!TryEnd(edge.Source, "source", edge, innovators, skipped, out var s) || !TryEnd(edge.Target, "target", edge, innovators, skipped, out var t))
        {
            return;
        }

        if (s == t)
        {
            var tf = edge.Target!.Value;
            _sink.SkipSelfLoop(_file, tf.Line, tf.Column, tf.Value);
            return;
        }

        var weight = 1.0;
        if (edge.Weight is { } wf)
        {
            if (!TryNumber(wf, out weight))
            {
                return;
            }

            if (LinkFieldRules.WeightProblem(weight) is { } why)
            {
                Fail(new InvalidWeightException(_file, wf.Line, wf.Column, wf.Value, why));
                return;
            }
        }

        var kind = _options.DefaultLinkKind;
        if (edge.Kind is { } kf && !string.IsNullOrWhiteSpace(kf.Value) && !TryParseName(kf.Value, out kind))
        {
            Fail(new GraphFormatException(_file, kf.Line, kf.Column, kf.Value,
                $"is not a link kind; expected one of {string.Join(", ", Enum.GetNames<LinkKind>())}.", kf.Position));
            return;
        }

        if (!TryYear(edge.Year, out var year) || !TryYear(edge.EndYear, out var endYear))
        {
            return;
        }

        if (endYear is { } e && LinkFieldRules.EndYearProblem(year, e) is { } endWhy)
        {
            var ef = edge.EndYear!.Value;
            Fail(new GraphFormatException(_file, ef.Line, ef.Column, ef.Value, endWhy, ef.Position));
            return;
        }

        DateOnly? date = null;
        if (edge.Date is { } df && !string.IsNullOrWhiteSpace(df.Value))
        {
            if (!LinkFieldRules.TryDate(df.Value, out var d))
            {
                Fail(new GraphFormatException(_file, df.Line, df.Column, df.Value, LinkFieldRules.NotADate, df.Position));
                return;
            }

            date = d;
        }

        var directed = defaultDirected;
        if (edge.Directed is { } dirf && !TryDirected(dirf, syntax, out directed))
        {
            return;
        }

        cols.Add(s, t, weight, kind, year, endYear, date, directed);
    }

    private bool TryEnd(Field? field, string role, EdgeRecord edge, InnovatorTable innovators, Dictionary<string, long?> skipped, out int index)
    {
        index = -1;
        if (field is not { } f)
        {
            Fail(new GraphFormatException(_file, edge.Line, "edge/@" + role, null, $"is missing; every edge needs a source and a target.", edge.Position));
            return false;
        }

        if (innovators.TryGetIndex(f.Value, out index))
        {
            return true;
        }

        if (skipped.TryGetValue(f.Value, out var line))
        {
            var where = line is { } l ? string.Create(CultureInfo.InvariantCulture, $" on line {l}") : string.Empty;
            Fail(new ReferentialIntegrityException(_file, f.Line, f.Column, f.Value,
                $"is a node that was skipped{where}; the edge is skipped too.", Array.Empty<string>()));
            return false;
        }

        Fail(new ReferentialIntegrityException(_file, f.Line, f.Column, f.Value, "is not a known node id.", innovators.Suggest(f.Value)));
        return false;
    }

    private bool TryNumber(Field f, out double value)
    {
        if (double.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        Fail(new GraphFormatException(_file, f.Line, f.Column, f.Value, "is not a number; expected an invariant-culture number such as '2.5'.", f.Position));
        return false;
    }

    private bool TryYear(Field? field, out int? year)
    {
        year = null;
        if (field is not { } f || LinkFieldRules.TryYear(f.Value, LinkFieldRules.MinGraphYear, out year, out var why))
        {
            return true;
        }

        Fail(new GraphFormatException(_file, f.Line, f.Column, f.Value, why, f.Position));
        return false;
    }

    private bool TryDirected(Field f, DirectedSyntax syntax, out bool directed)
    {
        var v = f.Value.Trim();
        if (syntax == DirectedSyntax.Boolean)
        {
            if (v is "true" or "1")
            {
                directed = true;
                return true;
            }

            if (v is "false" or "0")
            {
                directed = false;
                return true;
            }

            directed = false;
            Fail(new GraphFormatException(_file, f.Line, f.Column, f.Value, "is not a boolean; expected 'true' or 'false'.", f.Position));
            return false;
        }

        if (string.Equals(v, "directed", StringComparison.OrdinalIgnoreCase))
        {
            directed = true;
            return true;
        }

        if (string.Equals(v, "undirected", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "mutual", StringComparison.OrdinalIgnoreCase))
        {
            directed = false;
            return true;
        }

        directed = false;
        Fail(new GraphFormatException(_file, f.Line, f.Column, f.Value, "is not an edge type; expected 'directed', 'undirected' or 'mutual'.", f.Position));
        return false;
    }

    /// <summary>Strict: throws <paramref name="error"/>. Lenient: records it as a skipped row.</summary>
    private Innovator? Fail(GlocalDataException error)
    {
        _sink.Problem(error, LoadAction.Skipped);
        return null;
    }

    /// <summary>Parses an enum member by name, ignoring case and the separators '-', '_' and ' ' (numbers are refused).</summary>
    internal static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum
    {
        var wanted = Normalise(text);
        foreach (var v in Enum.GetValues<T>())
        {
            if (string.Equals(Normalise(v.ToString()), wanted, StringComparison.OrdinalIgnoreCase))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string Normalise(string s)
    {
        Span<char> buffer = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var c in s)
        {
            if (c is not ('-' or '_' or ' ' or '\t' or '\n' or '\r'))
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }
}
