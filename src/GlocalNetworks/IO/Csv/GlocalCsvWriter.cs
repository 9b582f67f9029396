using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Internal;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO.Csv;

/// <summary>
/// Writes a network as the three CSV files <see cref="GlocalCsv.Load(string, string?, string?, LoadOptions?, CsvSchema?)"/>
/// reads back: <c>regions.csv</c> (<c>id,name,level,parent,lat,lon</c>), <c>innovators.csv</c>
/// (<c>id,name,kind,region,lat,lon</c>, then one column per attribute key) and <c>links.csv</c>
/// (<c>source,target,weight,kind,year,end_year,date,directed</c>). Deterministic: rows in index order, attribute columns
/// in ordinal order, invariant-culture round-trip numbers, UTF-8 without a byte-order mark, LF line ends.
/// </summary>
/// <remarks>The implicit root region (<see cref="RegionTree.ImplicitRootId"/>) is not written: the reader adds it again.
/// Reading the files back with the same ladder and classifier gives the same regions, innovators, links and scales.</remarks>
public static class GlocalCsvWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes <c>regions.csv</c>, <c>innovators.csv</c> and <c>links.csv</c> into <paramref name="directory"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="directory">The folder (created when missing); existing files of those names are replaced.</param>
    /// <returns>The three paths, in that order.</returns>
    public static IReadOnlyList<string> Write(GlocalNetwork network, string directory)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var paths = new[] { Path.Combine(directory, "regions.csv"), Path.Combine(directory, "innovators.csv"), Path.Combine(directory, "links.csv") };
        using (var w = new StreamWriter(paths[0], false, Utf8))
        {
            WriteRegions(network.Regions, w);
        }

        using (var w = new StreamWriter(paths[1], false, Utf8))
        {
            WriteInnovators(network.Innovators, w);
        }

        using (var w = new StreamWriter(paths[2], false, Utf8))
        {
            WriteLinks(network, w);
        }

        return paths;
    }

    /// <summary>Writes the region tree as <c>id,name,level,parent,lat,lon</c> (the implicit root left out).</summary>
    /// <param name="regions">The tree.</param>
    /// <param name="writer">The destination.</param>
    public static void WriteRegions(RegionTree regions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("id,name,level,parent,lat,lon\n");
        foreach (var r in regions)
        {
            if (r.Id == RegionTree.ImplicitRootId)
            {
                continue;
            }

            var parent = r.ParentId == RegionTree.ImplicitRootId ? null : r.ParentId;
            Row(writer, r.Id, r.Name, r.Level.Name, parent, Coordinate(r.Centroid?.Latitude), Coordinate(r.Centroid?.Longitude));
        }
    }

    /// <summary>Writes the innovators as <c>id,name,kind,region,lat,lon</c> plus one column per attribute key (ordinal order).</summary>
    /// <param name="innovators">The innovators.</param>
    /// <param name="writer">The destination.</param>
    public static void WriteInnovators(InnovatorTable innovators, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(innovators);
        ArgumentNullException.ThrowIfNull(writer);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var i in innovators)
        {
            keys.UnionWith(i.Attributes.Keys);
        }

        writer.Write("id,name,kind,region,lat,lon");
        foreach (var k in keys)
        {
            writer.Write(',');
            writer.Write(TextRules.CsvField(k));
        }

        writer.Write('\n');
        foreach (var i in innovators)
        {
            writer.Write(TextRules.CsvField(i.Id));
            writer.Write(',');
            writer.Write(TextRules.CsvField(i.Name));
            writer.Write(',');
            writer.Write(i.Kind.ToString());
            writer.Write(',');
            writer.Write(i.RegionId == RegionTree.ImplicitRootId ? string.Empty : TextRules.CsvField(i.RegionId));
            writer.Write(',');
            writer.Write(Coordinate(i.Location?.Latitude));
            writer.Write(',');
            writer.Write(Coordinate(i.Location?.Longitude));
            foreach (var k in keys)
            {
                writer.Write(',');
                writer.Write(i.Attributes.TryGetValue(k, out var v) ? TextRules.CsvField(v) : string.Empty);
            }

            writer.Write('\n');
        }
    }

    /// <summary>Writes the links as <c>source,target,weight,kind,year,end_year,date,directed</c>, in the link table's order.</summary>
    /// <param name="network">The network.</param>
    /// <param name="writer">The destination.</param>
    public static void WriteLinks(GlocalNetwork network, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("source,target,weight,kind,year,end_year,date,directed\n");
        var ids = network.Innovators;
        foreach (var l in network.Links)
        {
            writer.Write(TextRules.CsvField(ids.IdOf(l.Source)));
            writer.Write(',');
            writer.Write(TextRules.CsvField(ids.IdOf(l.Target)));
            writer.Write(',');
            writer.Write(l.Weight.ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(l.Kind.ToString());
            writer.Write(',');
            writer.Write(l.Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            writer.Write(',');
            writer.Write(l.EndYear?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            writer.Write(',');
            writer.Write(l.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
            writer.Write(',');
            writer.Write(l.Directed ? "true" : "false");
            writer.Write('\n');
        }
    }

    private static string Coordinate(double? v) => v?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static void Row(TextWriter w, params string?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                w.Write(',');
            }

            w.Write(TextRules.CsvField(cells[i]));
        }

        w.Write('\n');
    }
}
