using System;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>
/// A GraphML, GEXF or Pajek file that cannot be read: XML that is not well-formed or carries a DTD, a missing or
/// undeclared attribute, an unparsable number, year or kind, an unknown Pajek section, a broken vertex or arc line.
/// </summary>
/// <remarks>
/// <para>The message is the one-line form of every <see cref="GlocalDataException"/>, for example
/// <c>net.graphml:12: column 'edge/data[weight]': value 'abc' is not a number; expected an invariant-culture number such as '2.5'.</c></para>
/// <para><see cref="GlocalDataException.Line"/> is the physical line of the offending element or attribute (for XML the
/// line <see cref="System.Xml.XmlReader"/> reports, for Pajek the physical line, CRLF or LF).
/// <see cref="GlocalDataException.Column"/> names the field: <c>element/@attribute</c> for an XML attribute,
/// <c>element/data[name]</c> for a GraphML data value, <c>element/attvalue[title]</c> for a GEXF attribute value, and the
/// field name (<c>vertex</c>, <c>label</c>, <c>source</c>, <c>weight</c>, ...) for Pajek. <see cref="LinePosition"/> gives the
/// 1-based character position within the line when the reader knows it.</para>
/// </remarks>
public sealed class GraphFormatException : GlocalDataException
{
    /// <summary>Creates the error.</summary>
    /// <param name="filePath">The file (or source name) the problem is in.</param>
    /// <param name="line">The 1-based physical line, or <see langword="null"/> when unknown.</param>
    /// <param name="column">The element/attribute or field name, or <see langword="null"/> for the whole document or line.</param>
    /// <param name="value">The offending value as read, or <see langword="null"/>.</param>
    /// <param name="reason">What is wrong and, where it helps, how to fix it.</param>
    /// <param name="linePosition">The 1-based character position within the line, or <see langword="null"/>.</param>
    /// <param name="innerException">The underlying error (an <see cref="System.Xml.XmlException"/>), if any.</param>
    public GraphFormatException(string? filePath, long? line, string? column, string? value, string reason, int? linePosition = null,
        Exception? innerException = null)
        : base(filePath, line, column, value, reason, innerException)
    {
        LinePosition = linePosition;
    }

    /// <summary>The 1-based character position within <see cref="GlocalDataException.Line"/>, or <see langword="null"/> when unknown.</summary>
    public int? LinePosition { get; }
}
