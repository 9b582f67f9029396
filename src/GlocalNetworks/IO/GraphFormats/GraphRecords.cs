using System;
using System.Collections.Generic;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>The attribute names the GraphML and GEXF writers use and the readers recognise.</summary>
internal static class GraphNames
{
    public const string Label = "label";
    public const string Kind = "kind";
    public const string Region = "region";
    public const string Latitude = "latitude";
    public const string Longitude = "longitude";
    public const string AttributePrefix = "attr.";
    public const string Weight = "weight";
    public const string Year = "year";
    public const string EndYear = "endYear";
    public const string Date = "date";
    public const string Scale = "scale";

    /// <summary>Maps a node attribute name to the field it fills; names are compared ignoring case.</summary>
    public static NodeField ClassifyNode(string name, out string attributeName)
    {
        attributeName = name;
        if (Is(name, Label))
        {
            return NodeField.Label;
        }

        if (Is(name, Kind))
        {
            return NodeField.Kind;
        }

        if (Is(name, Region))
        {
            return NodeField.Region;
        }

        if (Is(name, Latitude) || Is(name, "lat"))
        {
            return NodeField.Latitude;
        }

        if (Is(name, Longitude) || Is(name, "lng") || Is(name, "lon") || Is(name, "long"))
        {
            return NodeField.Longitude;
        }

        if (name.StartsWith(AttributePrefix, StringComparison.Ordinal) && name.Length > AttributePrefix.Length)
        {
            attributeName = name.Substring(AttributePrefix.Length);
        }

        return NodeField.Attribute;
    }

    /// <summary>Maps an edge attribute name to the field it fills; names are compared ignoring case.</summary>
    public static EdgeField ClassifyEdge(string name) =>
        Is(name, Weight) ? EdgeField.Weight
        : Is(name, Kind) ? EdgeField.Kind
        : Is(name, Year) ? EdgeField.Year
        : Is(name, EndYear) ? EdgeField.EndYear
        : Is(name, Date) ? EdgeField.Date
        : Is(name, Scale) ? EdgeField.Scale
        : EdgeField.Unknown;

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The field a node attribute fills.</summary>
internal enum NodeField
{
    Label,
    Kind,
    Region,
    Latitude,
    Longitude,
    Attribute,
}

/// <summary>The field an edge attribute fills.</summary>
internal enum EdgeField
{
    Weight,
    Kind,
    Year,
    EndYear,
    Date,
    Scale,
    Unknown,
}

/// <summary>How a reader spells an edge's direction.</summary>
internal enum DirectedSyntax
{
    /// <summary>GraphML's <c>directed</c> attribute: an xs:boolean.</summary>
    Boolean,

    /// <summary>GEXF's <c>type</c> attribute: <c>directed</c>, <c>undirected</c> or <c>mutual</c>.</summary>
    GexfType,
}

/// <summary>A value as read, with where it was read and the field name used in error messages.</summary>
internal readonly record struct Field(string Value, long? Line, int? Position, string Column);

/// <summary>A node as read from a file, before validation.</summary>
internal sealed class NodeRecord(Field id)
{
    /// <summary>The id (its value is <see langword="null"/>-free; a missing id has an empty value and <see cref="IdMissing"/>).</summary>
    public Field Id { get; } = id;

    public bool IdMissing { get; init; }

    public Field? Label { get; set; }

    public Field? Kind { get; set; }

    public Field? Region { get; set; }

    public Field? Latitude { get; set; }

    public Field? Longitude { get; set; }

    public Dictionary<string, string>? Attributes { get; private set; }

    public void Set(string name, Field value)
    {
        switch (GraphNames.ClassifyNode(name, out var attribute))
        {
            case NodeField.Label:
                Label = value;
                break;
            case NodeField.Kind:
                Kind = value;
                break;
            case NodeField.Region:
                Region = value;
                break;
            case NodeField.Latitude:
                Latitude = value;
                break;
            case NodeField.Longitude:
                Longitude = value;
                break;
            default:
                (Attributes ??= new Dictionary<string, string>(StringComparer.Ordinal))[attribute] = value.Value;
                break;
        }
    }
}

/// <summary>An edge as read from a file, before validation.</summary>
internal sealed class EdgeRecord(long? line, int? position)
{
    public long? Line { get; } = line;

    public int? Position { get; } = position;

    public Field? Source { get; set; }

    public Field? Target { get; set; }

    public Field? Weight { get; set; }

    public Field? Kind { get; set; }

    public Field? Year { get; set; }

    public Field? EndYear { get; set; }

    public Field? Date { get; set; }

    /// <summary>The raw direction, spelled as <see cref="DirectedSyntax"/> says; <see langword="null"/> for the file's default.</summary>
    public Field? Directed { get; set; }

    /// <summary>Fills the field named <paramref name="name"/>; returns <see langword="false"/> when the name is not a link field.</summary>
    public bool Set(string name, Field value)
    {
        switch (GraphNames.ClassifyEdge(name))
        {
            case EdgeField.Weight:
                Weight = value;
                return true;
            case EdgeField.Kind:
                Kind = value;
                return true;
            case EdgeField.Year:
                Year = value;
                return true;
            case EdgeField.EndYear:
                EndYear = value;
                return true;
            case EdgeField.Date:
                Date = value;
                return true;
            case EdgeField.Scale:
                // Informative only: the scale is recomputed from the regions.
                return true;
            default:
                return false;
        }
    }
}
