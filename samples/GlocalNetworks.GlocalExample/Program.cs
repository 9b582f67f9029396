// The glocal metrics on the real CORDIS FP7 collaboration network (30,973 organisations located by GeoNames city, 888,405
// co-participation links), written as docs/glocal-example.md with its charts and tables in docs/glocal-example/.
// Run from the repository root:  dotnet run -c Release --project samples/GlocalNetworks.GlocalExample [-- DATA_DIR [OUT.md]]
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GlocalNetworks;
using GlocalNetworks.Data;
using GlocalNetworks.Metrics;
using GlocalNetworks.NullModels;
using GlocalNetworks.Plotting;

var dataDir = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("GLOCAL_SHARED_DATA") ?? Path.Combine("..", "shared", "data");
var outPath = args.Length > 1 ? args[1] : Path.Combine("docs", "glocal-example.md");
var ci = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();
var timings = new List<IReadOnlyList<string>>();
void Step(string what)
{
    timings.Add([what, clock.Elapsed.TotalSeconds.ToString("0.00", ci)]);
    Console.Error.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:0.00} s");
    clock.Restart();
}

var (net, report) = CordisFp7.Load(new DataFiles(dataDir));
Step("load FP7 by city (CordisFp7.Load)");
string Name(string id) => net.Innovators[id].Name;
string RegionName(string id) => net.Regions.TryGet(id, out var r) && r.Name != id ? $"{r.Name} ({id})" : id;
string N(double v) => ReportDocument.Number(v);

var result = net.Analyze()
    .AtLevel("country")
    .Compute(StandardMetrics.ScaleMix)
    .Compute(StandardMetrics.EiIndex, o => o with { Levels = ["province", "country"] })
    .Compute(StandardMetrics.Brokerage)
    .Compute(StandardMetrics.Gatekeepers, o => o with { Level = "province" })
    .Compute(StandardMetrics.RegionFlows)
    .Compute(StandardMetrics.DistanceDecay)
    .Run();
Step("scale-mix, ei-index (province, country), brokerage (country), gatekeepers (province), region-flows, distance-decay");

var doc = new ReportDocument("Glocal metrics on the CORDIS FP7 collaboration network");
doc.Paragraph("This page is written by `samples/GlocalNetworks.GlocalExample` (run it from the repository root with `dotnet run -c Release --project samples/GlocalNetworks.GlocalExample`; it reads `../shared/data`). Every number is computed by the library on the real data: the FP7 participation records of CORDIS (\"Source: CORDIS, © European Union, 2016\", CC BY 4.0, via the #SOD16 tables), organisations located by GeoNames city, province, country and UN M49 world region, projects projected to co-participation links with full counting. FP7 has no project years, so nothing here is over time.")
   .Paragraph(string.Create(ci, $"The network: {net.Innovators.Count:N0} organisations in {net.Regions.Count:N0} regions, {net.Links.Count:N0} links; {net.ResolutionLimitedCount:N0} links join an organisation located only by its country (their scale is an upper bound, counted, never dropped). The loader located {report.Counts["organisations located by city"]:N0} organisations by city and the rest by country; its full report lists every organisation it could not place finely."));

// 1. Scale mix.
var mix = result.Get(StandardMetrics.ScaleMix).Network!;
var scaleRows = new List<IReadOnlyList<string>>();
var scaleLabels = new List<string>();
var scaleShares = new List<double>();
foreach (var s in net.Classifier.Scales)
{
    var k = s.ToString().ToLowerInvariant();
    scaleRows.Add([s.ToString(), N(mix["count." + k]), N(mix["count-share." + k])]);
    scaleLabels.Add(s.ToString());
    scaleShares.Add(mix["count-share." + k]);
}

doc.Heading("Scale mix")
   .Paragraph("A link's scale is the ladder level of the lowest common ancestor of its two ends' home regions (DESIGN §2.1): Local in one city, Regional in one province, National in one country, Supranational in one UN M49 world region, Global otherwise. FP7 is a European programme, so most links are Supranational; the local buzz is a thin layer.")
   .Table("Links by scale (metric scale-mix)", ["scale", "links", "share of links"], scaleRows, "scale-mix.csv")
   .Chart(Charts.Bars("Share of FP7 co-participation links by scale", scaleLabels, scaleShares, "share of links"), "scale-mix.png");

// 2. Brokers and gatekeepers.
var brokerage = result.Get(StandardMetrics.Brokerage).Innovators;
doc.Heading("Gatekeepers and brokers")
   .Paragraph("Gould and Fernandez brokerage roles with countries as groups (metric brokerage, exactly as R's sna::brokerage): a gatekeeper b receives from another country and passes on within its own (a → b → c with a's country ≠ b's = c's, and no direct a–c tie); a representative passes its country's knowledge out; a liaison links two other countries. Counts are of open two-paths in the symmetric digraph (sna's convention). sna's z-scores compare with a random graph of the same density, so on a network this sparse and this clustered they are huge for every hub; read them as a ranking, not as a test.")
   .Table("Top gatekeepers (role b_OI, countries as groups)", Select(brokerage, ["gatekeeper", "gatekeeper.z", "total"]), "gatekeepers-brokerage.csv", sortColumn: "gatekeeper", maxRows: 10, label: Name)
   .Table("Top liaisons (role b_O: between two other countries)", Select(brokerage, ["liaison", "liaison.z", "total"]), "liaisons.csv", sortColumn: "liaison", maxRows: 10, label: Name)
   .Chart(Charts.Top("Top gatekeepers by brokerage role b_OI (countries)", brokerage, "gatekeeper", 15, Name), "gatekeepers.png");

var gk = result.Get(StandardMetrics.Gatekeepers);
var gkRegions = gk.Regions;
doc.Paragraph("Technological gatekeepers in the style of Giuliani and Bell (2005) (metric gatekeepers): within each province, an organisation with more internal (up to regional scale) and more external partners than the province's mean is a gatekeeper; high internal only, a mutual exchanger; high external only, an external star.")
   .Table("Provinces with the most technological gatekeepers", gkRegions, "gatekeepers-by-province.csv", sortColumn: "gatekeeper", maxRows: 10, label: RegionName);

// 3. Open regions.
var ei = result.Get(StandardMetrics.EiIndex);
var eiNet = ei.Network;
doc.Heading("Open regions")
   .Paragraph(string.Create(ci, $"The E-I index (Krackhardt and Stern 1988) of the whole network is {N(eiNet["ei.country"])} with countries as groups and {N(eiNet["ei.province"])} with provinces: most ties leave their country. Openness is a region's share of external ties, E/(E+I)."));
var countries = ei.Regions("country");
doc.Table("Least open countries (most internal ties), countries with at least 200 organisations", Filter(countries, "members", 200), "countries-openness.csv", sortColumn: "internal", maxRows: 10, label: RegionName);

// Significance of the network E-I index against a location shuffle (organisations keep their links, swap their places).
var sig = net.TestSignificance(StandardMetrics.EiIndex, NullModel.LocationShuffle, o => o with { Level = "country" });
Step("E-I index against 99 location shuffles");
var row = sig.IndexOf("ei.country", "value", "network");
doc.Paragraph(string.Create(ci, $"Against 99 location shuffles (each organisation keeps its links and takes the home of another; DESIGN §2.11), the network's E-I index at country level is {N(sig[row, SignificanceTable.ObservedColumn])}, the shuffled mean {N(sig[row, SignificanceTable.MeanColumn])} (sd {N(sig[row, SignificanceTable.SdColumn])}), z = {N(sig[row, SignificanceTable.ZColumn])}, p-lower = {N(sig[row, SignificanceTable.PLowerColumn])} (the smallest possible with 99 replicates is 0.01)."));

// 4. Country flow matrix.
var flows = result.Get(StandardMetrics.RegionFlows);
doc.Heading("Knowledge flows between countries")
   .Paragraph("The region flow matrix F = MᵀAM at country level (metric region-flows): F_RS is the weight of links between organisations of R and S, F_RR the weight inside R. Shown for the 20 countries with the most links, coloured by log10(1 + weight).")
   .Chart(Charts.Heatmap("Co-participation links between the 20 most connected countries", TopBlock(flows, 20)), "country-flows.png");

// 5. Distance decay.
var decay = result.Get(StandardMetrics.DistanceDecay);
var bands = decay.Bands;
var mids = new List<double>();
var prob = new List<double>();
for (var b = 0; b < bands.Count; b++)
{
    mids.Add(bands[b, "mean-distance"]);
    prob.Add(bands[b, "probability"]);
}

doc.Heading("Distance decay")
   .Paragraph(string.Create(ci, $"Link probability (links over pairs of located organisations) by great-circle distance band (metric distance-decay). The fitted decay exponent is γ = {N(decay.Network["gamma-ppml"])} by Poisson pseudo-maximum likelihood with the pair count as exposure, {N(decay.Network["gamma-ols"])} by log-log OLS."))
   .Table("Links and pairs by distance band (pairs estimated from 10 million seeded sample pairs, with their standard error)", bands, "distance-bands.csv", sortColumn: null, maxRows: 20)
   .Chart(Charts.Lines("Link probability by distance", mids, [new("probability", prob.ToArray())], "km", "link probability", logLog: true), "distance-decay.png");

doc.Heading("Timings").Table("Seconds on the machine that wrote this page (2 cores)", ["step", "seconds"], timings, "timings.csv");
foreach (var p in doc.WriteMarkdown(outPath))
{
    Console.WriteLine(p);
}

static KeyedTable Select(NodeTable t, IReadOnlyList<string> columns)
{
    var cols = new List<KeyValuePair<string, double[]>>();
    foreach (var c in columns)
    {
        cols.Add(KeyedTable.Col(c, t.Column(c).ToArray()));
    }

    return new NodeTable(t.MetricId, t.Ids, cols);
}

static KeyedTable Filter(RegionTable t, string column, double min)
{
    var keep = new List<int>();
    for (var r = 0; r < t.Count; r++)
    {
        if (t[r, column] >= min)
        {
            keep.Add(r);
        }
    }

    var ids = new List<string>();
    foreach (var r in keep)
    {
        ids.Add(t.Ids[r]);
    }

    var cols = new List<KeyValuePair<string, double[]>>();
    foreach (var c in t.Columns)
    {
        var v = new double[keep.Count];
        for (var i = 0; i < keep.Count; i++)
        {
            v[i] = t[keep[i], c];
        }

        cols.Add(KeyedTable.Col(c, v));
    }

    return new RegionTable(t.MetricId, t.Level, ids, cols);
}

static MatrixResult TopBlock(MatrixResult m, int k)
{
    var n = m.RowIds.Count;
    var totals = new double[n];
    for (var i = 0; i < n; i++)
    {
        for (var j = 0; j < n; j++)
        {
            totals[i] += m[i, j];
        }
    }

    var order = new List<int>();
    for (var i = 0; i < n; i++)
    {
        order.Add(i);
    }

    order.Sort((a, b) => totals[b].CompareTo(totals[a]) is var c && c != 0 ? c : string.CompareOrdinal(m.RowIds[a], m.RowIds[b]));
    var top = order.GetRange(0, Math.Min(k, n));
    var data = new double[top.Count, top.Count];
    var ids = new List<string>();
    for (var i = 0; i < top.Count; i++)
    {
        ids.Add(m.RowIds[top[i]]);
        for (var j = 0; j < top.Count; j++)
        {
            data[i, j] = m[top[i], top[j]];
        }
    }

    return new MatrixResult(m.MetricId, ids, ids, MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(data));
}
