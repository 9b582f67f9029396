// The early Horizon 2020 collaboration network (CORDIS, projects signed by mid-2016; 12,326 organisations located by
// country) split by programme pillar and compared side by side: network metrics and the glocal summary, a grouped-bar
// chart, distances between the parts, and a QAP correlation of two parts' country flow matrices. Written as
// docs/comparison-example.md with its charts and tables in docs/comparison-example/.
// Run from the repository root:  dotnet run -c Release --project samples/GlocalNetworks.ComparisonExample [-- DATA_DIR [OUT.md]]
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GlocalNetworks;
using GlocalNetworks.Comparison;
using GlocalNetworks.Data;
using GlocalNetworks.Metrics;
using GlocalNetworks.Model;
using GlocalNetworks.Plotting;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.VisualBasic.FileIO;

var dataDir = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("GLOCAL_SHARED_DATA") ?? Path.Combine("..", "shared", "data");
var outPath = args.Length > 1 ? args[1] : Path.Combine("docs", "comparison-example.md");
var ci = CultureInfo.InvariantCulture;
var clock = Stopwatch.StartNew();
var timings = new List<IReadOnlyList<string>>();
void Step(string what)
{
    timings.Add([what, clock.Elapsed.TotalSeconds.ToString("0.00", ci)]);
    Console.Error.WriteLine($"{what}: {clock.Elapsed.TotalSeconds:0.00} s");
    clock.Restart();
}

string N(double v) => ReportDocument.Number(v);

// 1. The pillar of each project: the first programme code's "H2020-EU.N" prefix.
(string Code, string Name)[] pillars =
[
    ("H2020-EU.1", "Excellent science"),
    ("H2020-EU.2", "Industrial leadership"),
    ("H2020-EU.3", "Societal challenges"),
];
var files = new DataFiles(dataDir);
var pillarOf = new Dictionary<string, string>(StringComparer.Ordinal);
using (var parser = new TextFieldParser(files.H2020Projects) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true })
{
    parser.SetDelimiters(",");
    var columns = parser.ReadFields()!;
    int rcn = Array.IndexOf(columns, "project_rcn"), programme = Array.IndexOf(columns, "programme");
    while (parser.ReadFields() is { } row)
    {
        var first = row[programme].Split(';')[0];
        foreach (var (code, name) in pillars)
        {
            if (first.StartsWith(code + ".", StringComparison.Ordinal))
            {
                pillarOf[row[rcn]] = name;
            }
        }
    }
}

// 2. One participation file per pillar (in a scratch folder), each loaded as its own network: every part has every
// organisation and the same country tree, and only the projects of its pillar.
var scratch = Path.Combine(Path.GetTempPath(), "glocal-comparison-example");
Directory.CreateDirectory(scratch);
var lines = File.ReadAllLines(files.H2020Participations);
var parts = new List<KeyValuePair<string, GlocalNetwork>>();
var projects = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
foreach (var (_, name) in pillars)
{
    var kept = new List<string> { lines[0] };
    projects[name] = new HashSet<string>(StringComparer.Ordinal);
    for (var i = 1; i < lines.Length; i++)
    {
        var project = lines[i][..lines[i].IndexOf(',', StringComparison.Ordinal)];
        if (pillarOf.TryGetValue(project, out var p) && p == name)
        {
            kept.Add(lines[i]);
            projects[name].Add(project);
        }
    }

    var path = Path.Combine(scratch, name.Replace(' ', '-').ToLowerInvariant() + ".csv");
    File.WriteAllLines(path, kept);
    parts.Add(new(name, CordisH2020.Load(files with { H2020Participations = path }).Network));
}

var whole = CordisH2020.Load(files).Network;
Step("load H2020 and its three pillars (CordisH2020.Load)");

// 3. Side by side.
var table = GlocalNetwork.Compare(parts)
    .AtLevel("country")
    .Compute(StandardMetrics.Density)
    .Compute(StandardMetrics.Components)
    .Compute(StandardMetrics.Transitivity)
    .Compute(StandardMetrics.Assortativity)
    .Compute(StandardMetrics.Degree)
    .Compute(StandardMetrics.RegionFlows, o => o with { Level = "country" })
    .WithGlocalSummary(o => o with { LocalCutoff = Scale.National })
    .Run();
Step("compare: density, components, transitivity, assortativity, degree, region-flows and the glocal summary on each pillar");

var doc = new ReportDocument("Comparing the Horizon 2020 programme pillars");
doc.Paragraph("This page is written by `samples/GlocalNetworks.ComparisonExample` (run it from the repository root with `dotnet run -c Release --project samples/GlocalNetworks.ComparisonExample`; it reads `../shared/data`). Every number is computed by the library on the real data: the early Horizon 2020 records of CORDIS (projects signed by mid-2016; \"Source: CORDIS, © European Union, 2016\", CC BY 4.0, via the #SOD16 tables). Organisations are located by country only, so every link is National (both ends in one country, resolution-limited), Supranational (one UN M49 world region) or Global.")
   .Paragraph(string.Create(ci, $"The whole network has {whole.Innovators.Count:N0} organisations and {whole.Links.Count:N0} co-participation links. Each project is put in the pillar of its first programme code: {projects[pillars[0].Name].Count:N0} projects in Excellent science (H2020-EU.1: ERC, Marie Skłodowska-Curie, FET, research infrastructures), {projects[pillars[1].Name].Count:N0} in Industrial leadership (H2020-EU.2: enabling technologies, SME instrument, risk finance) and {projects[pillars[2].Name].Count:N0} in Societal challenges (H2020-EU.3); the few projects of the other programme lines are left out. Each pillar is loaded as its own network with every organisation (those without a project in the pillar are isolated there) and compared with `GlocalNetwork.Compare(parts)`."));

var rows = new List<IReadOnlyList<string>>();
foreach (var r in table.Rows)
{
    var cells = new List<string> { r };
    foreach (var v in table.Row(r))
    {
        cells.Add(N(v));
    }

    rows.Add(cells);
}

var header = new List<string> { "metric" };
header.AddRange(table.Networks);
doc.Heading("Side by side")
   .Paragraph("Rows are network-level values: a metric's scalar values, the mean of a node metric over all organisations (`degree.mean`; isolated organisations count, so read it with `innovators.active`), and the glocal summary: links, active organisations, the scale mix (share of link weight by scale), the E-I index and openness with countries as groups, the technological gatekeepers of each country summed, and the glocal actors. With organisations located by country, \"near\" is set to National (`WithGlocalSummary(o => o with { LocalCutoff = Scale.National })`): an internal tie stays in the country, and a glocal actor has partners both at home and abroad.")
   .Table("The three pillars side by side (`ComparisonTable.ToCsv()` gives the same table with every digit)", header, rows, "comparison.csv");

string V(string row, int part) => N(table[row, parts[part].Key]);
doc.Paragraph(string.Create(ci, $"Reading the table: Societal challenges has the most links ({V("links", 2)}) and active organisations ({V("innovators.active", 2)}), and its largest component holds {V("components.largest-share", 2)} of all organisations, against {V("components.largest-share", 0)} in Excellent science, whose many single-host grants (ERC, individual fellowships) give no link. Excellent science is the most clustered (transitivity {V("transitivity", 0)} against {V("transitivity", 1)} and {V("transitivity", 2)}; every project is a clique of its partners, so transitivity is high where few projects overlap). Industrial leadership is the least open: {V("scale-mix.share.national", 1)} of its link weight stays in one country, against {V("scale-mix.share.national", 0)} and {V("scale-mix.share.national", 2)}, and its E-I index with countries as groups is {V("ei-index.ei.country", 1)}. Societal challenges reaches furthest: {V("scale-mix.share.global", 2)} of its weight is Global (partners in two world regions)."));

var scaleRows = new List<string>();
foreach (var r in table.Rows)
{
    if (r.StartsWith("scale-mix.share.", StringComparison.Ordinal))
    {
        scaleRows.Add(r);
    }
}

doc.Chart(Charts.Comparison(table, scaleRows, "Share of link weight by scale, by pillar", "share of link weight"), "scale-mix-by-pillar.png")
   .Chart(Charts.Comparison(table, ["ei-index.openness.country", "transitivity", "components.largest-share"], "Openness, transitivity and the giant component, by pillar"), "structure-by-pillar.png");

// 4. Distances between the parts.
var distances = NetworkDistances.Pairwise(parts);
Step("distances: link-set Jaccard and degree KS for every pair");
var corrRows = new List<IReadOnlyList<string>>();
for (var i = 0; i < parts.Count; i++)
{
    for (var j = i + 1; j < parts.Count; j++)
    {
        var a = ActiveOnly(table.Result(parts[i].Key).Get(StandardMetrics.Degree));
        var b = ActiveOnly(table.Result(parts[j].Key).Get(StandardMetrics.Degree));
        var c = NetworkDistances.Correlation(a, b);
        corrRows.Add([parts[i].Key + " vs " + parts[j].Key, N(c.Count), N(c.Pearson), N(c.Spearman)]);
    }
}

doc.Heading("Distances between the pillars")
   .Paragraph("`NetworkDistances.Pairwise(parts)` (DESIGN §2.12): the Jaccard similarity of the two tie sets on the organisations present in both (ties: distinct pairs of partners), and the Kolmogorov-Smirnov distance sup_k |F1(k) − F2(k)| between the degree distributions of the active organisations. Then `NetworkDistances.Correlation` of the degree (distinct partners) over the organisations active in both pillars, by Pearson and by Spearman.")
   .Table("Link-set Jaccard and degree KS distance for each pair of pillars", distances, "distances.csv", sortColumn: null)
   .Table("Correlation of degree on organisations active in both pillars", ["pair", "organisations", "Pearson r", "Spearman ρ"], corrRows, "degree-correlation.csv");

// 5. QAP: are the country flow matrices of two pillars more alike than chance?
var f1 = table.Result(pillars[0].Name).Get(StandardMetrics.RegionFlows);
var f2 = table.Result(pillars[1].Name).Get(StandardMetrics.RegionFlows);
var (m1, m2, countries) = ActiveCountries(f1, f2);
var qap = Qap.Correlation(m1, m2, new QapOptions { Mode = DyadMode.Undirected, Permutations = 999 });
Step("QAP correlation of two country flow matrices (999 permutations)");
doc.Heading("QAP: country flows of two pillars")
   .Paragraph(string.Create(ci, $"The country flow matrices (metric region-flows at country level: F_RS the number of links between organisations of countries R and S) of Excellent science and Industrial leadership, over the {countries} countries with a link in either, correlate at r = {N(qap.Observed)} over their {qap.Dyads:N0} country pairs (R < S; within-country links are left out). Permuting the countries of the second matrix 999 times (QAP, seed {qap.Seed}; `Qap.Correlation(m1, m2, new QapOptions {{ Mode = DyadMode.Undirected, Permutations = 999 }})`), the permuted correlations have mean {N(qap.Statistics["mean"])} and sd {N(qap.Statistics["sd"])}; p_ge = {N(qap.PGreaterOrEqual)} as sna reports it and p-upper = {N(qap.PUpper)} with the +1 correction (the smallest possible is 0.001). The pillars fund different work, but they draw on the same country pairs: the large research systems collaborate most in both."));

doc.Heading("Timings").Table("Seconds on the machine that wrote this page (2 cores, shared)", ["step", "seconds"], timings, "timings.csv");
foreach (var p in doc.WriteMarkdown(outPath))
{
    Console.WriteLine(p);
}

static NodeTable ActiveOnly(NodeTable t)
{
    var ids = new List<string>();
    var values = new List<double>();
    for (var i = 0; i < t.Count; i++)
    {
        if (t[i] > 0)
        {
            ids.Add(t.Ids[i]);
            values.Add(t[i]);
        }
    }

    return new NodeTable(t.MetricId, ids, values.ToArray());
}

static (Matrix<double>, Matrix<double>, int) ActiveCountries(MatrixResult a, MatrixResult b)
{
    if (!System.Linq.Enumerable.SequenceEqual(a.RowIds, b.RowIds))
    {
        throw new InvalidOperationException("The two flow matrices have different countries.");
    }

    var keep = new List<int>();
    for (var i = 0; i < a.RowIds.Count; i++)
    {
        double s = 0;
        for (var j = 0; j < a.RowIds.Count; j++)
        {
            s += a[i, j] + b[i, j];
        }

        if (s > 0)
        {
            keep.Add(i);
        }
    }

    var m1 = Matrix<double>.Build.Dense(keep.Count, keep.Count);
    var m2 = Matrix<double>.Build.Dense(keep.Count, keep.Count);
    for (var i = 0; i < keep.Count; i++)
    {
        for (var j = 0; j < keep.Count; j++)
        {
            m1[i, j] = a[keep[i], keep[j]];
            m2[i, j] = b[keep[i], keep[j]];
        }
    }

    return (m1, m2, keep.Count);
}
