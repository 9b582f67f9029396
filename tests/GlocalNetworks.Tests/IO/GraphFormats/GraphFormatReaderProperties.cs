using System;
using System.IO;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GlocalNetworks.IO;
using GlocalNetworks.IO.GraphFormats;
using GlocalNetworks.Model;

namespace GlocalNetworks.Tests.IO.GraphFormats;

/// <summary>
/// Every reader, fed random bytes, truncations and mutations of a valid file, or soups of its tokens, either returns a
/// network or throws a <see cref="GlocalDataException"/> that names the file or the line; never anything else.
/// </summary>
public class GraphFormatReaderProperties
{
    private static readonly GlocalNetwork Sample = GraphFormatsFixtures.Sample();
    internal static readonly byte[] ValidGraphML = Write(s => GraphMLWriter.Write(Sample, s));
    internal static readonly byte[] ValidGexf = Write(s => GexfWriter.Write(Sample, s));
    internal static readonly byte[] ValidPajek = Encoding.UTF8.GetBytes(
        "% test\r\n*Vertices 4 2\r\n1 \"Zürich\" 0.1 0.2\r\n2 清华\r\n3 \"a b\"\r\n*Arcs\r\n1 2 2.5\r\n3 4\r\n*Edges\r\n2 3 1\r\n*Arcslist\r\n4 1 2\r\n*Edgeslist\r\n1 3 4\r\n");

    internal static readonly string[] XmlTokens =
    [
        "<", ">", "/>", "</", "\"", "'", "=", " ", "\n", "&amp;", "&xxe;", "<!DOCTYPE x>", "<![CDATA[", "]]>", "<!--", "-->",
        "<?xml version=\"1.0\"?>", "graphml", "gexf", "graph", "node", "edge", "key", "data", "attvalue", "attvalues", "attributes",
        "attribute", "default", "id=\"a\"", "id=\"b\"", "source=\"a\"", "target=\"b\"", "target=\"a\"", "key=\"d0\"", "for=\"node\"",
        "for=\"edge\"", "for=\"0\"", "attr.name=\"weight\"", "attr.name=\"region\"", "attr.name=\"kind\"", "attr.name=\"year\"",
        "title=\"latitude\"", "title=\"region\"", "class=\"edge\"", "value=\"-1\"", "value=\"x\"", "weight=\"NaN\"", "weight=\"2\"",
        "directed=\"maybe\"", "type=\"directed\"", "edgedefault=\"directed\"", "defaultedgetype=\"mixed\"", "2015", "0", "-3", "1e309",
        "Firm", "zurich", "hyperedge", "清华",
    ];

    internal static readonly string[] PajekTokens =
    [
        "*Vertices", "*vertices", "*Arcs", "*Edges", "*Arcslist", "*Edgeslist", "*Matrix", "*Network", "%", " ", "\t", "\n", "\r\n",
        "\r", "\"", "\"a b\"", "0", "1", "2", "3", "-1", "99999999999", "2.5", "NaN", "x", "清华",
    ];

    [Property(MaxTest = 300)]
    public Property GraphMLReader_AnyInput_ReturnsOrThrowsLocatedDataError() =>
        Prop.ForAll(Arb.From(Inputs(ValidGraphML, XmlTokens, StructuredGraphML())), input =>
            ReturnsOrFailsCleanly("fuzz.graphml", () => GraphMLReader.Read(new MemoryStream(input.Bytes), "fuzz.graphml", input.Tree, input.Options)));

    [Property(MaxTest = 300)]
    public Property GexfReader_AnyInput_ReturnsOrThrowsLocatedDataError() =>
        Prop.ForAll(Arb.From(Inputs(ValidGexf, XmlTokens, StructuredGexf())), input =>
            ReturnsOrFailsCleanly("fuzz.gexf", () => GexfReader.Read(new MemoryStream(input.Bytes), "fuzz.gexf", input.Tree, input.Options)));

    [Property(MaxTest = 300)]
    public Property PajekReader_AnyInput_ReturnsOrThrowsLocatedDataError() =>
        Prop.ForAll(Arb.From(Inputs(ValidPajek, PajekTokens, StructuredPajek())), input =>
            ReturnsOrFailsCleanly("fuzz.net", () => PajekReader.Read(new StreamReader(new MemoryStream(input.Bytes), Encoding.UTF8), "fuzz.net", input.Options)));

    [Property(MaxTest = 50)]
    public Property ValidFiles_AlwaysRead() =>
        Prop.ForAll(Arb.From(Gen.Elements(LoadMode.Strict, LoadMode.Lenient)), mode =>
        {
            var o = new LoadOptions { Mode = mode };
            return GraphMLReader.Read(new MemoryStream(ValidGraphML), "ok.graphml", Sample.Regions, o).Network.Links.Count == 6
                && GexfReader.Read(new MemoryStream(ValidGexf), "ok.gexf", Sample.Regions, o).Network.Links.Count == 6
                && PajekReader.Read(new StreamReader(new MemoryStream(ValidPajek)), "ok.net", o).Network.Links.Count == 7;
        });

    [Property(MaxTest = 200)]
    public Property GraphMLReader_Lenient_AccountsForEveryNodeAndEdge() =>
        Prop.ForAll(Arb.From(StructuredGraphML()), bytes =>
            AccountsForEveryRow(GraphMLReader.Read(new MemoryStream(bytes), "l.graphml", null, new LoadOptions { Mode = LoadMode.Lenient }), "l.graphml"));

    [Property(MaxTest = 200)]
    public Property GexfReader_Lenient_AccountsForEveryNodeAndEdge() =>
        Prop.ForAll(Arb.From(StructuredGexf()), bytes =>
            AccountsForEveryRow(GexfReader.Read(new MemoryStream(bytes), "l.gexf", null, new LoadOptions { Mode = LoadMode.Lenient }), "l.gexf"));

    /// <summary>Lenient mode drops nothing silently: kept rows plus skipped rows (one issue each) equal the rows read.</summary>
    private static bool AccountsForEveryRow(LoadResult result, string name)
    {
        int skippedNodes = 0, skippedEdges = 0;
        foreach (var issue in result.Report.Issues)
        {
            if (issue.Action != LoadAction.Skipped)
            {
                continue;
            }

            if (issue.Column!.StartsWith("node/", StringComparison.Ordinal))
            {
                skippedNodes++;
            }
            else if (issue.Column.StartsWith("edge/", StringComparison.Ordinal))
            {
                skippedEdges++;
            }
        }

        return result.Network.Innovators.Count + skippedNodes == result.Report.Counts[name + " nodes"]
            && result.Network.Links.Count + skippedEdges == result.Report.Counts[name + " edges"];
    }

    private static bool ReturnsOrFailsCleanly(string name, Func<LoadResult> read)
    {
        try
        {
            return read().Network is not null;
        }
        catch (GlocalDataException ex)
        {
            return ex.Line is not null || ex.Message.StartsWith(name, StringComparison.Ordinal);
        }
    }

    internal static readonly string[] Names = ["label", "kind", "region", "latitude", "lat", "longitude", "lng", "weight", "year", "endYear", "date", "scale", "other", "attr.x"];

    internal static readonly string[] Values =
        ["", " ", "1", "2.5", "-1", "0", "NaN", "Infinity", "1e400", "x", "2015", "2014", "0001", "10000", "2019-05-04", "2019-13-01", "Firm",
         "research_institute", "Citation", "zurich", "CH", "(world)", "zurch", "-91", "181", "89.5", "true", "false", "directed", "mutual", "a", "b", "清华"];

    private static readonly string[] Ids = ["a", "b", "c", "a", "b", "c", "", "uzh", "eth"];

    /// <summary>Well-formed GraphML whose nodes, edges and values are drawn from small pools of good and bad values.</summary>
    internal static Gen<byte[]> StructuredGraphML()
    {
        var data = from name in Gen.Elements(Names) from value in Gen.Elements(Values) select $"<data key=\"{name}\">{Escape(value)}</data>";
        var node =
            from id in Gen.Elements(Ids)
            from hasId in Gen.Elements(true, true, true, true, true, false)
            from values in Gen.ArrayOf(data, 3)
            select (hasId ? $"<node id=\"{Escape(id)}\">" : "<node>") + string.Concat(values) + "</node>\n";
        var edge =
            from s in Gen.Elements(Ids)
            from t in Gen.Elements(Ids)
            from directed in Gen.Elements("", " directed=\"true\"", " directed=\"yes\"", " directed=\"0\"")
            from values in Gen.ArrayOf(data, 2)
            select $"<edge source=\"{Escape(s)}\" target=\"{Escape(t)}\"{directed}>" + string.Concat(values) + "</edge>\n";
        return
            from edgeDefault in Gen.Elements("directed", "undirected", "undirected", "undirected", "both")
            from nodes in Gen.ArrayOf(node)
            from edges in Gen.ArrayOf(edge)
            select Encoding.UTF8.GetBytes("<graphml>\n" + Keys("node") + Keys("edge") + $"<graph edgedefault=\"{edgeDefault}\">\n" +
                string.Concat(nodes) + string.Concat(edges) + "</graph></graphml>");

        static string Keys(string forWhat)
        {
            var sb = new StringBuilder();
            foreach (var n in Names)
            {
                // Node and edge keys share ids by name; the edge declaration of a duplicate id is left out.
                if (forWhat == "node")
                {
                    sb.Append($"<key id=\"{n}\" for=\"all\" attr.name=\"{n}\"/>\n");
                }
            }

            return sb.ToString();
        }
    }

    /// <summary>Well-formed GEXF whose nodes, edges and values are drawn from small pools of good and bad values.</summary>
    internal static Gen<byte[]> StructuredGexf()
    {
        var value = from name in Gen.Elements(Names) from v in Gen.Elements(Values) select $"<attvalue for=\"{name}\" value=\"{Escape(v)}\"/>";
        var node =
            from id in Gen.Elements(Ids)
            from label in Gen.Elements("", " label=\"L\"")
            from values in Gen.ArrayOf(value, 3)
            select $"<node id=\"{Escape(id)}\"{label}><attvalues>" + string.Concat(values) + "</attvalues></node>\n";
        var edge =
            from s in Gen.Elements(Ids)
            from t in Gen.Elements(Ids)
            from type in Gen.Elements("", " type=\"directed\"", " type=\"mutual\"", " type=\"arc\"")
            from weight in Gen.Elements(Values)
            from values in Gen.ArrayOf(value, 2)
            select $"<edge source=\"{Escape(s)}\" target=\"{Escape(t)}\"{type} weight=\"{Escape(weight)}\"><attvalues>" + string.Concat(values) + "</attvalues></edge>\n";
        var declarations = new StringBuilder();
        foreach (var cls in new[] { "node", "edge" })
        {
            declarations.Append($"<attributes class=\"{cls}\">");
            foreach (var n in Names)
            {
                declarations.Append($"<attribute id=\"{n}\" title=\"{n}\" type=\"string\"/>");
            }

            declarations.Append("</attributes>\n");
        }

        return
            from edgeType in Gen.Elements("directed", "undirected", "mixed", "mixed", "mixed", "sideways")
            from nodes in Gen.ArrayOf(node)
            from edges in Gen.ArrayOf(edge)
            select Encoding.UTF8.GetBytes($"<gexf version=\"1.3\"><graph defaultedgetype=\"{edgeType}\">\n" + declarations +
                "<nodes>" + string.Concat(nodes) + "</nodes><edges>" + string.Concat(edges) + "</edges></graph></gexf>");
    }

    /// <summary>Pajek text whose lines are drawn from small pools of good and bad lines.</summary>
    internal static Gen<byte[]> StructuredPajek()
    {
        var number = Gen.Elements("0", "1", "2", "3", "4", "5", "-1", "x", "1.5");
        var vertex = from v in number from label in Gen.Elements("", " a", " \"a b\"", " \"open", " \"\"") select v + label + "\n";
        var link = from u in number from v in number from w in Gen.Elements("", " 1", " 2.5", " 0", " -2", " NaN", " w") select u + " " + v + w + "\n";
        var list = from u in number from vs in Gen.ArrayOf(number, 3) select u + " " + string.Join(' ', vs) + "\n";
        var header = Gen.Elements("*Vertices 4\n", "*Vertices 4 2\n", "*Vertices 4 9\n", "*Vertices\n", "*Vertices 0\n", "*Arcs\n", "*Edges\n",
            "*Arcslist\n", "*Edgeslist\n", "*Matrix\n", "% c\n", "\n");
        var line = Gen.OneOf(header, vertex, link, list);
        return
            from lines in Gen.ArrayOf(line)
            select Encoding.UTF8.GetBytes("*Vertices 4\n" + string.Concat(lines));
    }

    private static string Escape(string s) => System.Security.SecurityElement.Escape(s);

    /// <summary>Random bytes, a truncation of the valid file, the valid file with a few bytes changed, or a soup of format tokens;
    /// read strict or lenient, with or without the sample's region tree.</summary>
    internal static Gen<Input> Inputs(byte[] valid, string[] tokens, Gen<byte[]> structured)
    {
        var anyByte = Gen.Choose(0, 255).Select(static b => (byte)b);
        var random = Gen.ArrayOf(anyByte);
        var truncated = Gen.Choose(0, valid.Length).Select(n => valid.AsSpan(0, n).ToArray());
        var mutated =
            from count in Gen.Choose(1, 3)
            from edits in Gen.ArrayOf(Gen.Choose(0, valid.Length - 1).Zip(anyByte), count)
            select Mutate(valid, edits);
        var truncatedMutated =
            from n in Gen.Choose(1, valid.Length)
            from edits in Gen.ArrayOf(Gen.Choose(0, n - 1).Zip(anyByte))
            select Mutate(valid.AsSpan(0, n).ToArray(), edits);
        var soup = Gen.ArrayOf(Gen.Elements(tokens)).Select(static parts => Encoding.UTF8.GetBytes(string.Concat(parts)));
        return
            from bytes in Gen.OneOf(random, truncated, mutated, truncatedMutated, soup, structured)
            from lenient in Gen.Elements(false, true)
            from withTree in Gen.Elements(false, true)
            select new Input(bytes, withTree ? Sample.Regions : null, new LoadOptions { Mode = lenient ? LoadMode.Lenient : LoadMode.Strict });
    }

    private static byte[] Mutate(byte[] source, (int Position, byte Value)[] edits)
    {
        var copy = (byte[])source.Clone();
        foreach (var (position, value) in edits)
        {
            copy[position] = value;
        }

        return copy;
    }

    private static byte[] Write(Action<Stream> write)
    {
        var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }

    public sealed record Input(byte[] Bytes, RegionTree? Tree, LoadOptions Options)
    {
        public override string ToString() =>
            $"{(Options.Mode == LoadMode.Lenient ? "lenient" : "strict")}{(Tree is null ? string.Empty : ", with tree")}: {Encoding.UTF8.GetString(Bytes)}";
    }
}
