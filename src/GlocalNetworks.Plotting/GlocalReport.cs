using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using GlocalNetworks.Glocal;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;

namespace GlocalNetworks.Plotting;

/// <summary>Options of <see cref="GlocalReport"/>. Immutable; change with <c>with</c>.</summary>
public sealed record GlocalReportOptions
{
    /// <summary>The report's title.</summary>
    /// <value>The default value is <c>Glocal innovation network report</c>.</value>
    public string Title { get; init; } = "Glocal innovation network report";

    /// <summary>The region level of openness, buzz and pipelines; <see langword="null"/> for the ladder's regional level
    /// (<see cref="InnovatorGroups.DefaultLevel"/>).</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Level { get; init; }

    /// <summary>Rows of each top list.</summary>
    /// <value>The default value is 15.</value>
    public int TopK { get; init; } = 15;

    /// <summary>Regions with fewer innovators are left out of the "most open regions" ranking (their openness is noise).</summary>
    /// <value>The default value is 3.</value>
    public int MinRegionSize { get; init; } = 3;

    /// <summary>Above this many innovators, betweenness is estimated from <see cref="BetweennessSamples"/> seeded sources.</summary>
    /// <value>The default value is 20,000.</value>
    public int ExactBetweennessLimit { get; init; } = 20_000;

    /// <summary>Sources of the sampled betweenness estimate on large networks.</summary>
    /// <value>The default value is 1,000.</value>
    public int BetweennessSamples { get; init; } = 1_000;

    /// <summary>The seed of every random choice.</summary>
    /// <value>The default value is 42.</value>
    public ulong Seed { get; init; } = Kernels.DeterministicRandom.DefaultSeed;
}

/// <summary>
/// The glocal report: one self-contained HTML file (plus Markdown, CSV tables and PNG charts beside it) with the network's
/// size, its scale mix, the top innovators by the main centralities, the glocal actors, the most open regions and the
/// buzz-and-pipelines profile of regions. Everything in it comes from the library's metrics, so a number in the report
/// is the number the API gives.
/// </summary>
public static class GlocalReport
{
    /// <summary>Builds the report.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the metrics.</param>
    /// <returns>The report, to write with <see cref="ReportDocument.Write(string)"/>.</returns>
    public static ReportDocument Build(GlocalNetwork network, GlocalReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        var o = options ?? new GlocalReportOptions();
        var level = network.Ladder.GetLevel(o.Level ?? InnovatorGroups.DefaultLevel(network.Ladder)).Name;
        var n = network.Innovators.Count;
        var flowLevel = network.Ladder.TryGetLevel("country", out var country) ? country.Name : level;
        var result = network.Analyze()
            .AtLevel(level)
            .WithSeed(o.Seed)
            .WithCancellation(cancellationToken)
            .Compute(StandardMetrics.ScaleMix)
            .Compute(StandardMetrics.Glocality)
            .Compute(StandardMetrics.Degree)
            .Compute(StandardMetrics.Betweenness, b => b with { Samples = n > o.ExactBetweennessLimit ? o.BetweennessSamples : null })
            .Compute(StandardMetrics.PageRank)
            .Compute(StandardMetrics.EiIndex)
            .Compute(StandardMetrics.BuzzPipelines)
            .Compute(StandardMetrics.Brokerage, b => b with { Level = flowLevel })
            .Compute(StandardMetrics.Gatekeepers)
            .Compute(StandardMetrics.RegionFlows, f => f with { Level = flowLevel })
            .Compute(StandardMetrics.DistanceDecay)
            .Run();
        string Name(string id) => network.Innovators[id].Name;

        var doc = new ReportDocument(o.Title);
        Overview(doc, network, level);
        ScaleMix(doc, network, result.Get(StandardMetrics.ScaleMix));
        Centralities(doc, result, o, Name);
        GlocalActors(doc, result.Get(StandardMetrics.Glocality), o, Name);
        OpenRegions(doc, network, result.Get(StandardMetrics.EiIndex).Regions(level), o);
        BuzzPipelines(doc, result.Get(StandardMetrics.BuzzPipelines), o, network);
        Brokers(doc, result.Get(StandardMetrics.Brokerage), result.Get(StandardMetrics.Gatekeepers), flowLevel, level, o, Name, network);
        Flows(doc, result.Get(StandardMetrics.RegionFlows), flowLevel);
        Decay(doc, result.Get(StandardMetrics.DistanceDecay));
        OverTime(doc, network, o, cancellationToken);
        doc.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Made by GlocalNetworks with seed {o.Seed}. Every table is also a CSV file beside this report."));
        return doc;
    }

    /// <summary>Builds the report and writes it into <paramref name="directory"/>.</summary>
    /// <param name="network">The network.</param>
    /// <param name="directory">The folder.</param>
    /// <param name="options">Options; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the metrics.</param>
    /// <returns>The paths written, <c>index.html</c> first.</returns>
    public static IReadOnlyList<string> Write(GlocalNetwork network, string directory, GlocalReportOptions? options = null, CancellationToken cancellationToken = default) =>
        Build(network, options, cancellationToken).Write(directory);

    private static void Overview(ReportDocument doc, GlocalNetwork net, string level)
    {
        var years = net.Links.YearRange is { } y
            ? string.Create(CultureInfo.InvariantCulture, $"dated from {y.First} to {y.Last} ({net.Links.UndatedCount} links have no year)")
            : "(none has a year)";
        doc.Heading("The network").Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"{net.Innovators.Count} innovators in {net.Regions.Count} regions (ladder '{net.Ladder.Name}': {string.Join(" < ", net.Ladder.LevelNames())}), joined by {net.Links.Count} knowledge links {years}. {net.ResolutionLimitedCount} links join innovators located only coarsely (their scale is an upper bound). Regions below are at level '{level}'."));
        var byLevel = new int[net.Ladder.Levels.Count];
        foreach (var home in net.Innovators.RegionIndices)
        {
            byLevel[net.Regions.LevelRank(home)]++;
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var l in net.Ladder.Levels)
        {
            rows.Add([l.Name, byLevel[l.Rank].ToString(CultureInfo.InvariantCulture)]);
        }

        doc.Table("Innovators by the level of their home region", ["level", "innovators"], rows, "innovators-by-level.csv");
        var kinds = InnovatorGroups.ByKind(net);
        var kindRows = new List<IReadOnlyList<string>>();
        for (var g = 0; g < kinds.Count; g++)
        {
            kindRows.Add([kinds.Ids[g], kinds.Sizes[g].ToString(CultureInfo.InvariantCulture)]);
        }

        doc.Table("Innovators by kind", ["kind", "innovators"], kindRows, "innovators-by-kind.csv");
    }

    private static void ScaleMix(ReportDocument doc, GlocalNetwork net, ScaleMixResult mix)
    {
        var s = mix.Network!;
        var scales = net.Classifier.Scales;
        var labels = new List<string>();
        var shares = new List<double>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var scale in scales)
        {
            var key = scale.ToString().ToLowerInvariant();
            labels.Add(scale.ToString());
            shares.Add(s["share." + key]);
            rows.Add([scale.ToString(), ReportDocument.Number(s["count." + key]), ReportDocument.Number(s["count-share." + key]),
                ReportDocument.Number(s["weight." + key]), ReportDocument.Number(s["share." + key])]);
        }

        doc.Heading("Scale mix: from local buzz to global pipelines")
            .Paragraph("Each link's scale is the level of the lowest common ancestor of its two ends' regions: Local within a city, Regional within a province, National within a country, Supranational within a world region, Global otherwise.")
            .Table("Links by scale", ["scale", "links", "share of links", "weight", "share of weight"], rows, "scale-mix.csv")
            .Chart(Charts.Bars("Share of link weight by scale", labels, shares, "share of weight"), "scale-mix.png");
    }

    private static void Centralities(ReportDocument doc, AnalysisResult result, GlocalReportOptions o, Func<string, string> name)
    {
        var bc = result.Get(StandardMetrics.Betweenness);
        var sampled = bc.Properties.TryGetValue("sampled", out var s) && s == "true";
        doc.Heading("Central innovators")
            .Paragraph("Degree counts distinct partners; betweenness is the share of shortest paths between others that run through an innovator (brokers between parts of the network)" + (sampled ? ", estimated from seeded sample sources on this large network" : string.Empty) + "; PageRank weighs a partner by its own centrality and the link weights.")
            .Table("Top innovators by betweenness", bc, "betweenness.csv", maxRows: o.TopK, label: name)
            .Chart(Charts.Top("Top innovators by betweenness", bc, k: o.TopK, label: name), "betweenness.png")
            .Table("Top innovators by degree", result.Get(StandardMetrics.Degree), "degree.csv", maxRows: o.TopK, label: name)
            .Table("Top innovators by PageRank", result.Get(StandardMetrics.PageRank), "pagerank.csv", maxRows: o.TopK, label: name);
    }

    private static void GlocalActors(ReportDocument doc, NodeTable glocality, GlocalReportOptions o, Func<string, string> name)
    {
        var top = GlocalityMetric.TopGlocalActors(glocality, o.TopK);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var id in top)
        {
            rows.Add([name(id), ReportDocument.Number(glocality[id, "balance"]), ReportDocument.Number(glocality[id, "glocality"]),
                ReportDocument.Number(glocality[id, "local-share"]), ReportDocument.Number(glocality[id, "total"])]);
        }

        var actors = 0;
        foreach (var v in glocality.Column("glocal-actor"))
        {
            actors += v > 0 ? 1 : 0;
        }

        doc.Heading("Glocal actors")
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{actors} innovators hold both local (up to regional) and non-local ties (Graf 2011). Ranked by the balance of local and non-local weight, then by glocality, the normalised entropy of their ties over scales."))
            .Table("Top glocal actors", ["name", "balance", "glocality", "local share", "total weight"], rows, "glocal-actors.csv");
    }

    private static void OpenRegions(ReportDocument doc, GlocalNetwork net, RegionTable ei, GlocalReportOptions o)
    {
        var order = new List<int>();
        var members = ei.Column("members");
        for (var r = 0; r < ei.Count; r++)
        {
            if (members[r] >= o.MinRegionSize && double.IsFinite(ei[r, "openness"]))
            {
                order.Add(r);
            }
        }

        order.Sort((a, b) =>
        {
            var c = ei[b, "openness"].CompareTo(ei[a, "openness"]);
            return c != 0 ? c : string.CompareOrdinal(ei.Ids[a], ei.Ids[b]);
        });
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < order.Count && i < o.TopK; i++)
        {
            var r = order[i];
            rows.Add([RegionLabel(net, ei.Ids[r]), ReportDocument.Number(members[r]), ReportDocument.Number(ei[r, "internal"]),
                ReportDocument.Number(ei[r, "external"]), ReportDocument.Number(ei[r, "ei"]), ReportDocument.Number(ei[r, "openness"])]);
        }

        doc.Heading("Open regions")
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Openness is the share of a region's ties that leave it, E/(E+I); the E-I index (Krackhardt and Stern 1988) is (E-I)/(E+I). Regions at level '{ei.Level}' with at least {o.MinRegionSize} innovators."))
            .Table("Most open regions", ["region", "innovators", "internal ties", "external ties", "E-I", "openness"], rows, "open-regions.csv");
    }

    private static void BuzzPipelines(ReportDocument doc, RegionTable buzz, GlocalReportOptions o, GlocalNetwork net)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (id, _) in buzz.Top(o.TopK, "external"))
        {
            rows.Add([RegionLabel(net, id), ReportDocument.Number(buzz[id, "members"]), ReportDocument.Number(buzz[id, "density"]),
                ReportDocument.Number(buzz[id, "transitivity"]), ReportDocument.Number(buzz[id, "external"]),
                ReportDocument.Number(buzz[id, "partners"]), ReportDocument.Number(buzz[id, "regions-reached"]),
                ReportDocument.Number(buzz[id, "gini"]), ReportDocument.Number(buzz[id, "pipeline-share"])]);
        }

        doc.Heading("Local buzz and global pipelines")
            .Paragraph("Buzz: the density and clustering of a region's internal network. Pipelines: its external ties, the partners and regions they reach, and how concentrated they are on few innovators (Gini). After Bathelt, Malmberg and Maskell (2004).")
            .Table("Regions with the most external ties", ["region", "innovators", "internal density", "transitivity", "external ties", "external partners", "regions reached", "Gini of external ties", "pipeline share"], rows, "buzz-pipelines.csv");
    }

    private static void Brokers(ReportDocument doc, BrokerageResult brokerage, GatekeepersResult gatekeepers, string groupLevel, string level,
        GlocalReportOptions o, Func<string, string> name, GlocalNetwork net)
    {
        var b = brokerage.Innovators;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (id, _) in b.Top(o.TopK, "gatekeeper"))
        {
            rows.Add([name(id), ReportDocument.Number(b[id, "gatekeeper"]), ReportDocument.Number(b[id, "representative"]),
                ReportDocument.Number(b[id, "liaison"]), ReportDocument.Number(b[id, "total"])]);
        }

        doc.Heading("Gatekeepers and brokers")
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Gould and Fernandez brokerage roles with the regions at level '{groupLevel}' as groups (as R's sna::brokerage): a gatekeeper passes knowledge from outside its region to its own, a representative from its own outward, a liaison between two other regions. Counts of open two-paths; the CSV also has sna's expected values and z-scores."))
            .Table("Top gatekeepers by brokerage role", ["name", "gatekeeper", "representative", "liaison", "total"], rows, "brokerage.csv")
            .Table(string.Create(CultureInfo.InvariantCulture, $"Regions (level '{level}') with the most technological gatekeepers: more internal and external partners than the region's mean (Giuliani and Bell style)"),
                gatekeepers.Regions, "gatekeepers-by-region.csv", sortColumn: "gatekeeper", maxRows: o.TopK, label: id => RegionLabel(net, id));
    }

    private static void Flows(ReportDocument doc, MatrixResult flows, string level)
    {
        if (flows.RowIds.Count < 2)
        {
            return;
        }

        doc.Heading("Knowledge flows between regions")
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"The region flow matrix at level '{level}': the link weight between (and, on the diagonal, within) regions; the {Math.Min(20, flows.RowIds.Count)} regions with the most weight, coloured by log10(1 + weight). The whole matrix is in region-flows.csv."))
            .Chart(Charts.Heatmap("Link weight between regions", flows, logScale: true, top: 20), "region-flows.png");
        var header = new List<string> { "region" };
        header.AddRange(flows.ColumnIds);
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < flows.RowIds.Count; i++)
        {
            var row = new List<string> { flows.RowIds[i] };
            for (var j = 0; j < flows.ColumnIds.Count; j++)
            {
                row.Add(flows[i, j].ToString("R", CultureInfo.InvariantCulture));
            }

            rows.Add(row);
        }

        doc.Attach(header, rows, "region-flows.csv");
    }

    private static void Decay(ReportDocument doc, DistanceDecayResult decay)
    {
        var bands = decay.Bands;
        var x = new List<double>();
        var y = new List<double>();
        for (var b = 0; b < bands.Count; b++)
        {
            if (bands[b, "links"] > 0)
            {
                x.Add(bands[b, "mean-distance"]);
                y.Add(bands[b, "probability"]);
            }
        }

        if (x.Count < 2)
        {
            return;
        }

        doc.Heading("Distance decay")
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Link probability (links over pairs of located innovators) by great-circle distance band; decay exponent γ = {ReportDocument.Number(decay.Network["gamma-ppml"])} by Poisson pseudo-maximum likelihood, {ReportDocument.Number(decay.Network["gamma-ols"])} by log-log OLS."))
            .Table("Links and pairs by distance band", bands, "distance-decay.csv", sortColumn: null, maxRows: 50)
            .Chart(Charts.Lines("Link probability by distance", x, [new("probability", y.ToArray())], "km", "link probability", logLog: true), "distance-decay.png");
    }

    private static void OverTime(ReportDocument doc, GlocalNetwork net, GlocalReportOptions o, CancellationToken cancellationToken)
    {
        if (net.Links.YearRange is not { } years || years.Last - years.First < 1)
        {
            return;
        }

        var t = net.Evolve().Yearly().WithSeed(o.Seed).WithCancellation(cancellationToken).Track("density").Track(StandardMetrics.ScaleMix, m => m with { Groupings = ScaleMixGroupings.Network }).Run();
        var x = new double[t.Slices.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = t.Slices[i].From;
        }

        var shares = new List<KeyValuePair<string, double[]>>();
        foreach (var scale in net.Classifier.Scales)
        {
            shares.Add(new(scale.ToString(), t.GetSeries("scale-mix.count-share." + scale.ToString().ToLowerInvariant()).Values.ToArray()));
        }

        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < x.Length; i++)
        {
            rows.Add([t.Slices[i].Label, ReportDocument.Number(t.GetSeries("scale-mix.links")[i]), ReportDocument.Number(t.GetSeries("density")[i])]);
        }

        doc.Heading("Over time")
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Yearly slices from {years.First} to {years.Last}; a link with an end year counts in every year it runs, undated links ({net.Links.UndatedCount}) in none."))
            .Table("Links and density by year", ["year", "links", "density"], rows, "over-time.csv")
            .Chart(Charts.Lines("Share of links by scale, by year", x, shares, "year", "share of links"), "scale-mix-over-time.png");
    }

    private static string RegionLabel(GlocalNetwork net, string id) =>
        net.Regions.TryGet(id, out var r) && r.Name != r.Id ? $"{r.Name} ({r.Id})" : id;
}
