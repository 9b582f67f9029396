using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.GraphFormats;

/// <summary>What a network needs declared before its nodes and edges are written: the optional columns in use and the
/// innovator attribute keys, sorted ordinally so the output is deterministic.</summary>
internal sealed class WriterSchema
{
    private WriterSchema(bool hasLocation, bool hasYear, bool hasEndYear, bool hasDate, string[] attributeKeys, bool allDirected, bool anyDirected)
    {
        HasLocation = hasLocation;
        HasYear = hasYear;
        HasEndYear = hasEndYear;
        HasDate = hasDate;
        AttributeKeys = attributeKeys;
        AllDirected = allDirected;
        AnyDirected = anyDirected;
    }

    public bool HasLocation { get; }

    public bool HasYear { get; }

    public bool HasEndYear { get; }

    public bool HasDate { get; }

    /// <summary>Every key of any innovator's attributes, ordinal order.</summary>
    public string[] AttributeKeys { get; }

    /// <summary>Whether every link is directed (false when there are none): the file's default direction.</summary>
    public bool AllDirected { get; }

    /// <summary>Whether any link is directed.</summary>
    public bool AnyDirected { get; }

    /// <summary>Whether direction varies, so each directed edge carries its own direction.</summary>
    public bool Mixed => AnyDirected && !AllDirected;

    public static WriterSchema Of(GlocalNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var hasLocation = false;
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var inn in network.Innovators)
        {
            hasLocation |= inn.Location is not null;
            foreach (var k in inn.Attributes.Keys)
            {
                keys.Add(k);
            }
        }

        bool hasYear = false, hasEnd = false, hasDate = false;
        var links = network.Links;
        for (var i = 0; i < links.Count; i++)
        {
            var l = links[i];
            hasYear |= l.Year is not null;
            hasEnd |= l.EndYear is not null;
            hasDate |= l.Date is not null;
        }

        var arr = new string[keys.Count];
        keys.CopyTo(arr);
        return new WriterSchema(hasLocation, hasYear, hasEnd, hasDate, arr, links.AllDirected, links.AnyDirected);
    }

    /// <summary>The keys of <paramref name="attributes"/> in ordinal order.</summary>
    public static string[] SortedKeys(IReadOnlyDictionary<string, string> attributes)
    {
        var keys = new string[attributes.Count];
        var i = 0;
        foreach (var k in attributes.Keys)
        {
            keys[i++] = k;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        return keys;
    }

    /// <summary>A double in invariant culture, round-trippable.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An int in invariant culture.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A date as yyyy-MM-dd.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Creates (or truncates) <paramref name="path"/> for writing.</summary>
    public static FileStream Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>UTF-8 without a byte-order mark.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(false);
}
