using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using GlocalNetworks.Data;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Events;
using GlocalNetworks.IO.GraphFormats;
using GlocalNetworks.Model;

namespace GlocalNetworks.Cli;

/// <summary>The options every command that reads a network shares, and the one way it is loaded.</summary>
internal sealed class NetworkInput
{
    private bool _defaultData;

    public Option<FileInfo?> Links { get; } = new("--links") { Description = "Links CSV: source,target and optionally weight, year, end_year, kind, directed." };

    public Option<FileInfo?> Innovators { get; } = new("--innovators") { Description = "Innovators CSV: id,name,kind,region[,lat,lon]; other columns become attributes." };

    public Option<FileInfo?> Regions { get; } = new("--regions") { Description = "Regions CSV: id,name,level,parent[,lat,lon]." };

    public Option<FileInfo?> Events { get; } = new("--events") { Description = "Events CSV (event,innovator[,year]): projects or patents projected to co-participation links, instead of --links." };

    public Option<FileInfo?> Graph { get; } = new("--graph") { Description = "A GraphML (.graphml), GEXF (.gexf) or Pajek (.net) file, instead of --links." };

    public Option<string> Ladder { get; } = new("--ladder")
    {
        Description = "The region ladder: default (city<province<country<world-region<world), eu (NUTS), china or us.",
        DefaultValueFactory = _ => "default",
    };

    public Option<bool> Directed { get; } = new("--directed") { Description = "Read links as directed (a 'directed' column overrides per row)." };

    public Option<string?> Weight { get; } = new("--weight") { Description = "The links CSV column that holds weights (default 'weight'); each metric keeps its own default weighting." };

    public Option<bool> Unweighted { get; } = new("--unweighted") { Description = "Force every metric unweighted (sets Weighted = false on every metric that has the option)." };

    public Option<bool> Fractional { get; } = new("--fractional") { Description = "With --events: fractional counting (each event's links weigh 1/(k-1))." };

    public Option<bool> Lenient { get; } = new("--lenient") { Description = "Skip bad rows and report them in load-issues.csv instead of stopping at the first." };

    /// <summary>Adds the options and their checks to <paramref name="command"/>; the checks are skipped when the flag
    /// <paramref name="unlessSet"/> is given (as <c>metrics --list</c>, which reads no network). With
    /// <paramref name="defaultData"/>, giving no input at all means the embedded default data set.</summary>
    public void AddTo(Command command, Option<bool>? unlessSet = null, bool defaultData = false)
    {
        _defaultData = defaultData;
        foreach (var o in new Option[] { Links, Innovators, Regions, Events, Graph, Ladder, Directed, Weight, Unweighted, Fractional, Lenient })
        {
            command.Options.Add(o);
        }

        command.Validators.Add(r =>
        {
            if (unlessSet is not null && r.GetValue(unlessSet))
            {
                return;
            }

            var sources = (r.GetValue(Links) is null ? 0 : 1) + (r.GetValue(Events) is null ? 0 : 1) + (r.GetValue(Graph) is null ? 0 : 1);
            if (sources > 1 || (sources == 0 && !defaultData))
            {
                r.AddError(defaultData
                    ? "Give at most one of --links, --events or --graph (none: the embedded default data set)."
                    : "Give exactly one of --links, --events or --graph.");
            }

            RequireWeightOrUnweighted(r, Weight, Unweighted);
        });
    }

    /// <summary>The one check that <c>--weight</c> (a weight column) and <c>--unweighted</c> are not both given.</summary>
    public static void RequireWeightOrUnweighted(CommandResult r, Option<string?> weight, Option<bool> unweighted)
    {
        if (r.GetValue(weight) is not null && r.GetValue(unweighted))
        {
            r.AddError("--weight and --unweighted exclude each other.");
        }
    }

    /// <summary>Loads the network the options describe, reading with at most <paramref name="threads"/> threads
    /// (<c>--threads</c>; <see langword="null"/> for every core).</summary>
    public LoadResult Load(ParseResult r, int? threads = null)
    {
        var options = OptionsOf(r.GetValue(Lenient), r.GetValue(Ladder)!, r.GetValue(Directed), threads);
        if (_defaultData && r.GetValue(Links) is null && r.GetValue(Events) is null && r.GetValue(Graph) is null)
        {
            return DefaultDataSet.Load(options);
        }

        var innovators = Input(r.GetValue(Innovators));
        var regions = Input(r.GetValue(Regions));
        if (r.GetValue(Graph) is { } graph)
        {
            var tree = regions is null ? null : GlocalCsv.ReadRegions(regions, options);
            return Path.GetExtension(graph.Name).ToUpperInvariant() switch
            {
                ".GRAPHML" or ".XML" => GraphMLReader.Read(Existing(graph), tree, options),
                ".GEXF" => GexfReader.Read(Existing(graph), tree, options),
                ".NET" or ".PAJ" => PajekReader.Read(Existing(graph), options),
                _ => throw new ArgumentException($"--graph '{graph.Name}': the extension must be .graphml, .gexf or .net."),
            };
        }

        return r.GetValue(Events) is { } events
            ? LoadEvents(events, innovators, regions, options, r.GetValue(Fractional))
            : LoadLinks(r.GetValue(Links)!, innovators, regions, options, r.GetValue(Weight));
    }

    /// <summary>Loads one links file, with weights from <paramref name="weightColumn"/> when given (<c>--weight</c>).</summary>
    /// <exception cref="CsvFormatException">The weight column is not in the file's header.</exception>
    public static LoadResult LoadLinks(FileInfo links, CsvInput? innovators, CsvInput? regions, LoadOptions options, string? weightColumn)
    {
        var schema = CsvSchema.Default;
        if (weightColumn is not null)
        {
            RequireColumn(links, weightColumn, "--weight");
            schema = schema with { Links = schema.Links with { Weight = weightColumn } };
        }

        return GlocalCsv.Load(CsvInput.FromFile(Existing(links)), innovators, regions, options, schema);
    }

    /// <summary>Loads one events file projected to co-participation links, full or fractional (<c>--fractional</c>).</summary>
    public static LoadResult LoadEvents(FileInfo events, CsvInput? innovators, CsvInput? regions, LoadOptions options, bool fractional)
    {
        var projection = EventProjectionOptions.Default with
        {
            Counting = fractional ? ParticipationCounting.Fractional : ParticipationCounting.Full,
        };
        return GlocalCsv.LoadEvents(CsvInput.FromFile(Existing(events)), innovators, regions, projection, options);
    }

    /// <summary>The load options of <c>--lenient</c>, <c>--ladder</c>, <c>--directed</c> and <c>--threads</c>.</summary>
    public static LoadOptions OptionsOf(bool lenient, string ladder, bool directed, int? threads) => LoadOptions.Default with
    {
        Mode = lenient ? LoadMode.Lenient : LoadMode.Strict,
        Ladder = LadderOf(ladder),
        Directed = directed,
        MaxDegreeOfParallelism = threads ?? -1,
    };

    public static RegionLadder LadderOf(string name) => name.ToUpperInvariant() switch
    {
        "DEFAULT" => RegionLadder.Default,
        "EU" or "NUTS" => RegionLadder.Eu,
        "CHINA" => RegionLadder.China,
        "US" => RegionLadder.Us,
        _ => throw new ArgumentException($"--ladder '{name}' is not a known ladder; use default, eu, china or us."),
    };

    /// <summary>The file as CSV input, or <see langword="null"/>.</summary>
    public static CsvInput? Input(FileInfo? file) => file is null ? null : CsvInput.FromFile(Existing(file));

    public static string Existing(FileInfo file) =>
        file.Exists ? file.FullName : throw new FileNotFoundException($"The file '{file.FullName}' does not exist.", file.FullName);

    private static void RequireColumn(FileInfo links, string column, string option)
    {
        using var reader = new StreamReader(Existing(links));
        var header = reader.ReadLine() ?? string.Empty;
        var columns = new List<string>();
        foreach (var c in header.Split(','))
        {
            columns.Add(c.Trim().Trim('"'));
        }

        if (!columns.Contains(column))
        {
            throw new CsvFormatException(links.Name, 1, column, null,
                $"is not a column of the links file ({option}); its columns are {string.Join(", ", columns)}");
        }
    }
}
