using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;

namespace GlocalNetworks.IO;

/// <summary>
/// State of one load shared by every tabular reader (CSV files, Parquet files, DuckDB query results): options, schema,
/// the report behind the strict/lenient switch (<see cref="IssueSink"/>), how innovators and regions become the region
/// tree and innovator table, and how the network is assembled at the end. A subclass reads the rows of its input.
/// </summary>
/// <typeparam name="TInput">One input table (a CSV input, a table cursor).</typeparam>
internal abstract class NodeLoadSession<TInput>
    where TInput : class
{
    /// <summary>Starts a load.</summary>
    /// <param name="options">Load options; <see langword="null"/> for <see cref="LoadOptions.Default"/>.</param>
    /// <param name="schema">Column names; <see langword="null"/> for <see cref="CsvSchema.Default"/>.</param>
    /// <param name="report">The report to fill; <see langword="null"/> for a new one.</param>
    protected NodeLoadSession(LoadOptions? options, CsvSchema? schema, LoadReport? report)
    {
        Options = options ?? LoadOptions.Default;
        Options.Validate();
        Schema = schema ?? CsvSchema.Default;
        Sink = new IssueSink(Options, report ?? new LoadReport());
    }

    public LoadOptions Options { get; }

    public CsvSchema Schema { get; }

    public LoadReport Report => Sink.Report;

    /// <summary>The strict/lenient switch of this load.</summary>
    protected IssueSink Sink { get; }

    /// <summary>Throws in strict mode; records the issue in lenient mode.</summary>
    public void Problem(GlocalDataException e, LoadAction action) => Sink.Problem(e, action);

    /// <summary>Reads the innovators and regions (either may be absent). Without regions, the innovators' distinct region
    /// ids become a flat tree (counted as <c>regions inferred</c>); an innovator whose region is not in the tree is a
    /// problem (strict throws with suggestions; lenient skips the innovator).</summary>
    public (RegionTree Tree, InnovatorTable? Table) ReadNodes(TInput? innovators, TInput? regions)
    {
        if (innovators is null)
        {
            var t = regions is null ? RegionTree.Empty(Options.Ladder) : ReadRegionTree(regions);
            return (t, null);
        }

        var (list, lines) = ReadInnovatorRows(innovators);
        RegionTree tree;
        if (regions is not null)
        {
            tree = ReadRegionTree(regions);
        }
        else
        {
            var ids = new List<string>(list.Count);
            foreach (var inn in list)
            {
                ids.Add(inn.RegionId);
            }

            tree = RegionTree.Flat(ids, Options.Ladder, out var inferred);
            Report.Count("regions inferred", inferred);
        }

        var name = NameOf(innovators);
        var kept = new List<Innovator>(list.Count);
        var keptLines = new List<long>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            if (!tree.Contains(list[i].RegionId))
            {
                Problem(new ReferentialIntegrityException(name, lines[i], Schema.Innovators.Region, list[i].RegionId,
                    $"is not a known region id (home of innovator '{list[i].Id}').", tree.Suggest(list[i].RegionId)), LoadAction.Skipped);
                continue;
            }

            kept.Add(list[i]);
            keptLines.Add(lines[i]);
        }

        return (tree, NetworkAssembly.CreateInnovatorTable(kept, tree, name, keptLines));
    }

    /// <summary>Reads a regions table into the region tree.</summary>
    public abstract RegionTree ReadRegionTree(TInput input);

    /// <summary>Assembles the network and counts innovators, links and resolution-limited links.</summary>
    public LoadResult Finish(RegionTree tree, InnovatorTable? table, LinkColumnsBuilder cols, IReadOnlyList<Organiser>? organisers = null)
    {
        table ??= NetworkAssembly.CreateInnovatorTable([], tree, null, null);
        var net = NetworkAssembly.Assemble(tree, table, cols, organisers ?? [], Options.Classifier);
        Report.Count("innovators", table.Count);
        Report.Count("links", net.Links.Count);
        Report.Count("links resolution-limited", net.ResolutionLimitedCount);
        return new LoadResult(net, Report);
    }

    /// <summary>Why an innovator kind cell is repaired to <see cref="InnovatorKind.Other"/>.</summary>
    protected const string NotAnInnovatorKind =
        "is not an innovator kind; use firm, university, research-institute, government, intermediary or other (or PRC, HES, REC, PUB, OTH).";

    /// <summary>Why a coordinate pair is left out.</summary>
    protected const string NotACoordinate =
        "is not a valid coordinate; latitude must be in [-90, 90] and longitude in [-180, 180] degrees; the point is left out.";

    /// <summary>A region from a kept row: an empty name becomes the id, an empty parent the implicit root.</summary>
    protected static Region NewRegion(string id, string name, RegionLevel level, ReadOnlySpan<char> parent, GeoPoint? centroid) =>
        new(id, name.Length == 0 ? id : name, level, parent.IsEmpty ? null : parent.ToString(), centroid);

    /// <summary>An innovator from a kept row: an empty name becomes the id, an empty region the implicit root.</summary>
    protected static Innovator NewInnovator(string id, string name, InnovatorKind kind, ReadOnlySpan<char> region, GeoPoint? location,
        Dictionary<string, string>? attributes) =>
        new(id, name.Length == 0 ? id : name, kind, region.IsEmpty ? RegionTree.ImplicitRootId : region.ToString(), location,
            attributes is null ? null : new ReadOnlyDictionary<string, string>(attributes));

    /// <summary>The level named by a region row's level cell; an unknown level is a problem (the row is skipped).</summary>
    protected bool TryLevel(string file, long line, string value, out RegionLevel level)
    {
        if (Options.Ladder.TryGetLevel(value, out level))
        {
            return true;
        }

        Problem(new RegionTreeException(file, line, Schema.Regions.Level, value,
            $"is not a level of the ladder '{Options.Ladder.Name}'; its levels are {string.Join(", ", Options.Ladder.LevelNames())}."), LoadAction.Skipped);
        return false;
    }

    /// <summary>Reads the innovator rows with the line (or row) each starts on; home regions are not checked yet.</summary>
    protected abstract (List<Innovator> List, List<long> Lines) ReadInnovatorRows(TInput input);

    /// <summary>The name errors give for <paramref name="input"/>.</summary>
    protected abstract string NameOf(TInput input);

    /// <summary>The rows a reader keeps: items, the line (or row) of each, and the first line of each id.</summary>
    /// <typeparam name="T">A region or an innovator.</typeparam>
    protected sealed class KeptRows<T>
    {
        public List<T> Items { get; } = [];

        public List<long> Lines { get; } = [];

        public Dictionary<string, long> FirstLine { get; } = new(StringComparer.Ordinal);

        public void Add(string id, T item, long line)
        {
            FirstLine.Add(id, line);
            Items.Add(item);
            Lines.Add(line);
        }
    }
}
