using System;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>Writes a network as a Pajek network file (<c>.net</c>).</summary>
/// <remarks>
/// <para>Output: <c>*Vertices n</c>, then one line <c>i "name"</c> per innovator in index order (i = index + 1), then
/// <c>*Arcs</c> with the directed links and <c>*Edges</c> with the undirected links (each section only when it has
/// links), one line <c>source target weight</c> per link in the link table's order. Lines end with LF; weights are
/// invariant culture, round-trip ("R"); the same network gives the same text.</para>
/// <para>Pajek has no ids, kinds, years, regions or attributes, so only the names, weights and directions survive:
/// <see cref="PajekReader"/> reads the file back with ids "1".."n". Pajek has no escape for quotes in labels, so a
/// <c>"</c> in a name is written as <c>'</c>, and line breaks in a name as spaces.</para>
/// </remarks>
public static class PajekWriter
{
    /// <summary>Writes <paramref name="network"/> to <paramref name="writer"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="writer">The destination; left open.</param>
    public static void Write(GlocalNetwork network, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(writer);
        var inv = CultureInfo.InvariantCulture;
        var innovators = network.Innovators;
        writer.Write("*Vertices ");
        writer.Write(innovators.Count.ToString(inv));
        writer.Write('\n');
        for (var i = 0; i < innovators.Count; i++)
        {
            writer.Write((i + 1).ToString(inv));
            writer.Write(" \"");
            writer.Write(Label(innovators[i].Name));
            writer.Write("\"\n");
        }

        var links = network.Links;
        WriteSection(writer, links, "*Arcs", directed: true);
        WriteSection(writer, links, "*Edges", directed: false);
    }

    /// <summary>Writes <paramref name="network"/> to the file <paramref name="path"/> (created or overwritten) as UTF-8 without a byte-order mark.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file path.</param>
    public static void Write(GlocalNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        using var fs = WriterSchema.Create(path);
        using var writer = new StreamWriter(fs, WriterSchema.Utf8);
        Write(network, writer);
    }

    private static void WriteSection(TextWriter writer, LinkTable links, string header, bool directed)
    {
        var inv = CultureInfo.InvariantCulture;
        var src = links.Sources;
        var dst = links.Targets;
        var w = links.Weights;
        var dir = links.Directed;
        var wroteHeader = false;
        for (var i = 0; i < links.Count; i++)
        {
            if (dir[i] != directed)
            {
                continue;
            }

            if (!wroteHeader)
            {
                writer.Write(header);
                writer.Write('\n');
                wroteHeader = true;
            }

            writer.Write((src[i] + 1).ToString(inv));
            writer.Write(' ');
            writer.Write((dst[i] + 1).ToString(inv));
            writer.Write(' ');
            writer.Write(w[i].ToString("R", inv));
            writer.Write('\n');
        }
    }

    private static string Label(string name)
    {
        if (name.AsSpan().IndexOfAny("\"\r\n") < 0)
        {
            return name;
        }

        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(c switch
            {
                '"' => '\'',
                '\r' or '\n' => ' ',
                _ => c,
            });
        }

        return sb.ToString();
    }
}
