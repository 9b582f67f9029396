using System;
using System.IO;
using System.Text;
using System.Xml;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>
/// The one way GraphML and GEXF are read: a streaming <see cref="XmlReader"/> that refuses DTDs (so no external entity,
/// no entity expansion), resolves nothing, and turns every XML error into a <see cref="GraphFormatException"/>.
/// </summary>
internal static class SafeXml
{
    /// <summary>The reason given when a document carries a DTD.</summary>
    public const string DtdRefused =
        "the document has a DTD (<!DOCTYPE ...>), which is refused: GraphML and GEXF are read without DTD processing, so that no external entity or entity expansion can run. Remove the DOCTYPE declaration.";

    /// <summary>Reader settings: DTDs prohibited, no resolver. Comments, processing instructions and whitespace are reported
    /// (and skipped by the readers) so that the prolog's extent is known when a DOCTYPE is refused.</summary>
    public static XmlReaderSettings Settings(bool closeInput) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = false,
        IgnoreProcessingInstructions = false,
        IgnoreWhitespace = false,
        CheckCharacters = true,
        CloseInput = closeInput,
    };

    /// <summary>Writer settings: UTF-8 without BOM, two-space indent, LF, newlines in values entitized so they read back.</summary>
    public static XmlWriterSettings WriterSettings() => new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CloseOutput = false,
        CheckCharacters = true,
    };

    /// <summary>Opens <paramref name="path"/> for reading (shared read access).</summary>
    public static FileStream OpenRead(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
    }

    /// <summary>Turns an <see cref="XmlException"/> into the data error that names the file and line.</summary>
    /// <param name="error">The XML error.</param>
    /// <param name="prolog">What the reader saw before the root element.</param>
    /// <param name="file">The file or source name.</param>
    public static GraphFormatException Translate(XmlException error, Prolog prolog, string file)
    {
        long? line = error.LineNumber > 0 ? error.LineNumber : null;
        int? position = error.LinePosition > 0 ? error.LinePosition : null;
        if (!prolog.SawElement && error.Message.Contains("dtd", StringComparison.OrdinalIgnoreCase))
        {
            // The prohibited-DTD error carries no position; the DOCTYPE starts where the prolog read so far ends.
            return new GraphFormatException(file, line ?? prolog.EndLine, null, null, DtdRefused, position, error);
        }

        return new GraphFormatException(file, line, null, null, "the document is not well-formed XML: " + error.Message, position, error);
    }

    /// <summary>The line and position the reader is at.</summary>
    public static (long? Line, int? Position) Where(XmlReader reader)
    {
        if (reader is IXmlLineInfo info && info.HasLineInfo())
        {
            return (info.LineNumber, info.LinePosition);
        }

        return (null, null);
    }

    /// <summary>An attribute of the current element with the line and position of the attribute, or <see langword="null"/> when absent.</summary>
    public static Field? Attribute(XmlReader reader, string name, string column)
    {
        if (!reader.MoveToAttribute(name))
        {
            return null;
        }

        var (line, position) = Where(reader);
        var value = reader.Value;
        reader.MoveToElement();
        return new Field(value, line, position, column);
    }

    /// <summary>
    /// Reads the text content of the current element and leaves the reader on its end tag (or on the element when empty).
    /// Child elements are skipped and flagged through <paramref name="hadElements"/>.
    /// </summary>
    public static string ReadContent(XmlReader reader, out bool hadElements)
    {
        hadElements = false;
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? sb = null;
        while (reader.Read())
        {
            if (reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement)
            {
                break;
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    hadElements = true;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (reader.Depth == depth + 1)
                    {
                        if (single is null && sb is null)
                        {
                            single = reader.Value;
                        }
                        else
                        {
                            sb ??= new StringBuilder(single);
                            sb.Append(reader.Value);
                        }
                    }

                    break;
            }
        }

        return sb?.ToString() ?? single ?? string.Empty;
    }

    /// <summary>What the reader saw before the root element: whether it has been reached, and the line the prolog read so far ends on.</summary>
    internal sealed class Prolog
    {
        /// <summary>Whether the root element has been read.</summary>
        public bool SawElement { get; set; }

        /// <summary>The line on which the prolog nodes read so far end (1 before any).</summary>
        public long EndLine { get; private set; } = 1;

        /// <summary>Moves <see cref="EndLine"/> past the current prolog node (declaration, comment, processing instruction, whitespace).</summary>
        public void Track(XmlReader reader)
        {
            var (line, _) = Where(reader);
            if (line is not { } l)
            {
                return;
            }

            var newlines = 0;
            foreach (var c in reader.Value)
            {
                newlines += c == '\n' ? 1 : 0;
            }

            EndLine = l + newlines;
        }
    }
}
