using System;
using System.Collections.Generic;
using System.IO;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Tabular;
using GlocalNetworks.Model;
using ParquetSharp;

namespace GlocalNetworks.Parquet;

/// <summary>
/// Reads and writes a glocal network as Parquet files with the CSV formats' column names (<c>regions.parquet</c>,
/// <c>innovators.parquet</c>, <c>links.parquet</c>, <c>organisers.parquet</c>): the hand-off point to Spark, DuckDB,
/// BigQuery, pandas and polars. Reading goes row group by row group in column batches, with no object per link, and
/// applies the CSV loader's rules: the same validation, strict and lenient modes and <see cref="LoadReport"/> counts.
/// </summary>
/// <remarks>
/// <para>Column types written: ids, names, kinds, levels and regions as UTF-8 strings (<c>BYTE_ARRAY (String)</c>, nullable);
/// <c>weight</c>, <c>lat</c>, <c>lon</c> as <c>DOUBLE</c> (coordinates nullable); <c>year</c> and <c>end_year</c> as nullable
/// <c>INT32</c>; <c>date</c> as nullable <c>DATE</c>; <c>directed</c> as <c>BOOLEAN</c>. The reader also takes ids stored as
/// integers (read as their decimal text), weights as <c>FLOAT</c> or integers, years as any integer type and dates as
/// <c>yyyy-MM-dd</c> text. Column names match ignoring case, as in CSV, and can be renamed with <see cref="CsvSchema"/>.</para>
/// <para>Errors name the file, the 1-based row (the first data row is 1, since a Parquet file has no header line), the
/// column and the value; a column of the wrong type or a missing required column is a <see cref="ParquetFormatException"/>
/// whose value is the column's stored type.</para>
/// </remarks>
public static class GlocalParquet
{
    /// <summary>The regions file name written by <see cref="Write"/>.</summary>
    public const string RegionsFile = "regions.parquet";

    /// <summary>The innovators file name.</summary>
    public const string InnovatorsFile = "innovators.parquet";

    /// <summary>The links file name.</summary>
    public const string LinksFile = "links.parquet";

    /// <summary>The organisers file name (written only when the network has organisers).</summary>
    public const string OrganisersFile = "organisers.parquet";

    private static readonly string[] LinkKindNames = Enum.GetNames<LinkKind>();
    private static readonly string[] InnovatorKindNames = Enum.GetNames<InnovatorKind>();

    /// <summary>Writes <c>regions.parquet</c>, <c>innovators.parquet</c>, <c>links.parquet</c> and, when the network has
    /// organisers, <c>organisers.parquet</c> into <paramref name="directory"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="directory">The folder (created when missing); existing files of those names are replaced.</param>
    /// <returns>The paths written.</returns>
    public static IReadOnlyList<string> Write(GlocalNetwork network, string directory)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var paths = new List<string> { Path.Combine(directory, RegionsFile), Path.Combine(directory, InnovatorsFile), Path.Combine(directory, LinksFile) };
        WriteRegions(network.Regions, paths[0]);
        WriteInnovators(network.Innovators, paths[1]);
        WriteLinks(network, paths[2]);
        if (network.Organisers.Count > 0)
        {
            paths.Add(Path.Combine(directory, OrganisersFile));
            WriteOrganisers(network.Organisers, paths[3]);
        }

        return paths;
    }

    /// <summary>Writes the region tree as <c>id, name, level, parent, lat, lon</c> (the implicit root left out; a root's parent is null).</summary>
    /// <param name="regions">The tree.</param>
    /// <param name="path">The file.</param>
    public static void WriteRegions(RegionTree regions, string path)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var list = new List<Region>(regions.Count);
        foreach (var r in regions)
        {
            if (r.Id != RegionTree.ImplicitRootId)
            {
                list.Add(r);
            }
        }

        new ParquetTableWriter()
            .Add<string>("id", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => list[i].Id))
            .Add<string>("name", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => list[i].Name))
            .Add<string>("level", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => list[i].Level.Name))
            .Add<string>("parent", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => list[i].ParentId is { } p && p != RegionTree.ImplicitRootId ? p : null))
            .Add<double?>("lat", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => list[i].Centroid?.Latitude))
            .Add<double?>("lon", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => list[i].Centroid?.Longitude))
            .Write(path, list.Count, Meta("regions", regions.Ladder.Name));
    }

    /// <summary>Writes the innovators as <c>id, name, kind, region, lat, lon</c>, then one string column per attribute key
    /// (ordinal order; null where an innovator lacks the key). The implicit root is written as a null region.</summary>
    /// <param name="innovators">The innovators.</param>
    /// <param name="path">The file.</param>
    public static void WriteInnovators(InnovatorTable innovators, string path)
    {
        ArgumentNullException.ThrowIfNull(innovators);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var i in innovators)
        {
            keys.UnionWith(i.Attributes.Keys);
        }

        var w = new ParquetTableWriter()
            .Add<string>("id", (c, s, n) => ParquetTableWriter.Fill(c, s, n, innovators.IdOf))
            .Add<string>("name", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => innovators[i].Name))
            .Add<string>("kind", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => InnovatorKindNames[(int)innovators[i].Kind]))
            .Add<string>("region", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => innovators[i].RegionId == RegionTree.ImplicitRootId ? null : innovators[i].RegionId))
            .Add<double?>("lat", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => innovators[i].Location?.Latitude))
            .Add<double?>("lon", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => innovators[i].Location?.Longitude));
        foreach (var k in keys)
        {
            w.Add<string>(k, (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => innovators[i].Attributes.TryGetValue(k, out var v) ? v : null));
        }

        w.Write(path, innovators.Count, Meta("innovators", null));
    }

    /// <summary>Writes the links as <c>source, target, weight, kind, year, end_year, date, directed</c>, in the link table's order.</summary>
    /// <param name="network">The network.</param>
    /// <param name="path">The file.</param>
    public static void WriteLinks(GlocalNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var links = network.Links;
        var ids = network.Innovators;
        new ParquetTableWriter()
            .Add<string>("source", (c, s, n) =>
            {
                var src = links.Sources.Slice(s, n);
                for (var i = 0; i < n; i++)
                {
                    c[i] = ids.IdOf(src[i]);
                }
            })
            .Add<string>("target", (c, s, n) =>
            {
                var dst = links.Targets.Slice(s, n);
                for (var i = 0; i < n; i++)
                {
                    c[i] = ids.IdOf(dst[i]);
                }
            })
            .Add<double>("weight", (c, s, n) => links.Weights.Slice(s, n).CopyTo(c))
            .Add<string>("kind", (c, s, n) =>
            {
                var k = links.Kinds.Slice(s, n);
                for (var i = 0; i < n; i++)
                {
                    c[i] = LinkKindNames[(int)k[i]];
                }
            })
            .Add<int?>("year", (c, s, n) => Years(c, links.YearsRaw.Slice(s, n)))
            .Add<int?>("end_year", (c, s, n) => Years(c, links.EndYearsRaw.Slice(s, n)))
            .Add<Date?>("date", (c, s, n) =>
            {
                var d = links.Columns.Date.AsSpan(links.Start + s, n);
                for (var i = 0; i < n; i++)
                {
                    c[i] = d[i] < 0 ? null : new Date(d[i] - ParquetDates.EpochDayNumber);
                }
            })
            .Add<bool>("directed", (c, s, n) => links.Directed.Slice(s, n).CopyTo(c))
            .Write(path, links.Count, Meta("links", null));
    }

    /// <summary>Writes organisers in long form, one row per member: <c>id, name, region, member</c> (an organiser without
    /// members gets one row with a null member).</summary>
    /// <param name="organisers">The organisers.</param>
    /// <param name="path">The file.</param>
    public static void WriteOrganisers(IReadOnlyList<Organiser> organisers, string path)
    {
        ArgumentNullException.ThrowIfNull(organisers);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var rows = new List<(Organiser Organiser, string? Member)>();
        foreach (var o in organisers)
        {
            if (o.MemberIds.Count == 0)
            {
                rows.Add((o, null));
            }

            foreach (var m in o.MemberIds)
            {
                rows.Add((o, m));
            }
        }

        new ParquetTableWriter()
            .Add<string>("id", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => rows[i].Organiser.Id))
            .Add<string>("name", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => rows[i].Organiser.Name))
            .Add<string>("region", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => rows[i].Organiser.RegionId))
            .Add<string>("member", (c, s, n) => ParquetTableWriter.Fill(c, s, n, i => rows[i].Member))
            .Write(path, rows.Count, Meta("organisers", null));
    }

    /// <summary>Loads a network from Parquet files, as <see cref="GlocalCsv.Load(string, string?, string?, LoadOptions?, CsvSchema?)"/>
    /// loads one from CSV (the same rules for missing innovators or regions files).</summary>
    /// <param name="linksPath">The links file.</param>
    /// <param name="innovatorsPath">The innovators file, or <see langword="null"/>.</param>
    /// <param name="regionsPath">The regions file, or <see langword="null"/>.</param>
    /// <param name="options">Load options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="schema">Column names; <see langword="null"/> for <see cref="CsvSchema.Default"/>.</param>
    /// <param name="organisersPath">The organisers file (long form), or <see langword="null"/>; needs an innovators file.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode, a missing required column or a column of the wrong
    /// type (<see cref="ParquetFormatException"/>); the message names file, row, column and value.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static LoadResult Load(string linksPath, string? innovatorsPath = null, string? regionsPath = null,
        LoadOptions? options = null, CsvSchema? schema = null, string? organisersPath = null)
    {
        ArgumentNullException.ThrowIfNull(linksPath);
        var loader = new TableLoader(options, schema);
        RegionTree tree;
        InnovatorTable? table;
        using (var innovators = innovatorsPath is null ? null : Open(innovatorsPath))
        using (var regions = regionsPath is null ? null : Open(regionsPath))
        {
            (tree, table) = loader.ReadNodes(innovators, regions);
        }

        var resolver = new InnovatorResolver(table);
        LinkSink sink;
        long rows;
        string name;
        using (var links = Open(linksPath))
        {
            name = links.Name;
            sink = LinkSink.Create(loader, tree, table, links.Find(loader.Schema.Links.Date) >= 0, name);
            rows = loader.ReadLinks(links, resolver, sink);
        }

        if (resolver.Inferred)
        {
            table = resolver.BuildInferred(tree);
        }

        List<Organiser>? organisers = null;
        if (organisersPath is not null)
        {
            using var o = Open(organisersPath);
            organisers = loader.ReadOrganisers(o, tree, table!);
        }

        return sink.Finish(loader, tree, table!, organisers, name, rows);
    }

    /// <summary>Loads the files <see cref="Write"/> writes from <paramref name="directory"/> (<c>organisers.parquet</c> when present).</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="options">Load options; use the ladder and classifier the network was built with to get the same scales.</param>
    /// <returns>The network and the load report.</returns>
    /// <exception cref="GlocalDataException">Bad input in strict mode.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static LoadResult LoadDirectory(string directory, LoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var organisers = Path.Combine(directory, OrganisersFile);
        return Load(Path.Combine(directory, LinksFile), Path.Combine(directory, InnovatorsFile), Path.Combine(directory, RegionsFile), options,
            organisersPath: File.Exists(organisers) ? organisers : null);
    }

    /// <summary>Reads a regions file into a validated tree.</summary>
    /// <param name="path">The regions file.</param>
    /// <param name="options">Load options (the ladder; lenient mode skips bad rows with issues).</param>
    /// <param name="schema">Column names.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="GlocalDataException">Bad input.</exception>
    public static RegionTree ReadRegions(string path, LoadOptions? options = null, CsvSchema? schema = null)
    {
        using var src = Open(path);
        return new TableLoader(options, schema).ReadRegionTree(src);
    }

    private static ParquetTableCursor Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The file '{path}' does not exist.", path);
        }

        return new ParquetTableCursor(path);
    }

    private static void Years(int?[] chunk, ReadOnlySpan<int> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            chunk[i] = raw[i] == LinkTable.NoYear ? null : raw[i];
        }
    }

    internal static Dictionary<string, string> Meta(string table, string? ladder)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal) { ["glocal.table"] = table, ["glocal.format-version"] = "1" };
        if (ladder is not null)
        {
            d["glocal.ladder"] = ladder;
        }

        return d;
    }
}
