// The evolution tracker on real data (issue 5): the early Horizon 2020 collaboration network sliced by year (projects
// present over their lifetimes), its scale mix and churn over time; catching-up of countries (rank trajectories, sigma and
// beta convergence of a network measure; World Bank GDP per capita joined, lagged correlations and a fixed-effects
// regression with cluster-robust SEs); and the main path of the Hummon-Doreian centrality-productivity citation network.
// Written as docs/evolution-example.md with its charts (PNG and SVG) and tables in docs/evolution-example/.
// Run from the repository root:  dotnet run -c Release --project samples/GlocalNetworks.EvolutionExample [-- DATA_DIR [OUT.md]]
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using GlocalNetworks;
using GlocalNetworks.Data;
using GlocalNetworks.Evolution;
using GlocalNetworks.Model;
using GlocalNetworks.Plotting;
using GlocalNetworks.Statistics;

var dataDir = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("GLOCAL_SHARED_DATA") ?? Path.Combine("..", "shared", "data");
var outPath = args.Length > 1 ? args[1] : Path.Combine("docs", "evolution-example.md");
var assets = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, Path.GetFileNameWithoutExtension(outPath));
Directory.CreateDirectory(assets);
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
var doc = new ReportDocument("Evolution and catching-up on real data");
void Picture(Chart chart, string name)
{
    doc.Chart(chart, name + ".png");
    chart.Save(Path.Combine(assets, name + ".svg"));
}

// 1. H2020 by year.
var (net, _) = CordisH2020.Load(new DataFiles(dataDir));
Step("load H2020 (CordisH2020.Load)");

var t = net.Evolve().Yearly().AtLevel("country").Track("density", "scale-mix").Run();
var churn = net.Evolve().Yearly().Churn();
Step("yearly slices: density and scale-mix (country level) on every slice, and churn");

doc.Paragraph("This page is written by `samples/GlocalNetworks.EvolutionExample` (run it from the repository root with `dotnet run -c Release --project samples/GlocalNetworks.EvolutionExample`; it reads `../shared/data`). Charts are drawn by `GlocalNetworks.Plotting.TrajectoryCharts` and written as PNG (shown) and SVG (same name, `.svg`, in `evolution-example/`). Every number is computed by the library on real data: the early Horizon 2020 records of CORDIS (projects signed by mid-2016; \"Source: CORDIS, © European Union, 2016\", CC BY 4.0, via the #SOD16 tables), World Bank GDP per capita (World Development Indicators, CC BY 4.0), and the Hummon-Doreian citation network in Pajek format by V. Batagelj and A. Mrvar.")
   .Paragraph(string.Create(ci, $"H2020 organisations are located by country only and projects start in 2014-2017, so the analysis runs at country level (DESIGN §4). A project is a set of co-participation links that exist in every year from its start to its end date (`network.Evolve().Yearly()`); {t.Report.UndatedExcluded:N0} links of projects without a start date are left out of every slice, and {t.Report.LinksWithLifetime:N0} links have a lifetime. The years run from {t.Slices[0].Label} to {t.Slices[^1].Label}: after 2017 only projects still running remain, so the later slices shrink."));

var years = new List<IReadOnlyList<string>>();
foreach (var (s, i) in Indexed(t.Slices))
{
    years.Add([s.Label, N(t.GetSeries("scale-mix.links")[i]), N(t.GetSeries("density")[i]),
        N(t.GetSeries("scale-mix.count-share.national")[i]), N(t.GetSeries("scale-mix.count-share.supranational")[i]), N(t.GetSeries("scale-mix.count-share.global")[i])]);
}

doc.Heading("Scale mix over time")
   .Paragraph("`net.Evolve().Yearly().AtLevel(\"country\").Track(\"density\", \"scale-mix\").Run()` computes both metrics on every yearly slice; `TrajectorySet.WriteCsv` writes them as tidy CSV. With organisations located by country, every link is National (both ends in one country), Supranational (one UN M49 world region) or Global.")
   .Table("Links, density and the share of links by scale, by year", ["year", "links", "density", "national", "supranational", "global"], years, "scale-mix-by-year.csv");
Picture(TrajectoryCharts.ScaleMix(t, "Share of H2020 links by scale, by year"), "scale-mix-over-time");

var churnRows = new List<IReadOnlyList<string>>();
var tr = churn.Transitions;
for (var i = 0; i < tr.Count; i++)
{
    churnRows.Add([tr.Ids[i], N(tr[i, "links"]), N(tr[i, "entering"]), N(tr[i, "leaving"]), N(tr[i, "persisting"]), N(tr[i, "jaccard"]),
        N(tr[i, "entering.count-share.global"]), N(tr[i, "leaving.count-share.global"])]);
}

doc.Heading("Churn")
   .Paragraph("`net.Evolve().Yearly().Churn()` compares each slice with the one before (DESIGN §2.13): links (distinct pairs of partners) entering, leaving and persisting, the Jaccard similarity of consecutive link sets, and the scale mix of the entering and the leaving links: is the network going global?")
   .Table("Change between consecutive years", ["year", "links", "entering", "leaving", "persisting", "Jaccard", "global share of entering", "global share of leaving"], churnRows, "churn.csv");

// 2. Catching-up of countries.
var links = RegionSeries.FromPanel(t, "scale-mix.regions.links");
var active = Active(links, 2014, 2017);
var ranks = Convergence.Ranks(active);
var sigmaLinks = Convergence.Sigma(active);
var betaLinks = Convergence.Beta(active, new BetaOptions { From = 2014, To = 2017 });
var globalShare = RegionSeries.FromPanel(t, "scale-mix.regions.share.global");
var sigmaGlobal = Convergence.Sigma(Active(globalShare, 2014, 2017, links), SigmaMeasure.CoefficientOfVariation);
Step("catching-up: ranks, sigma and beta convergence of country link counts and global shares");

doc.Heading("Catching-up of countries")
   .Paragraph(string.Create(ci, $"The country panels of the tracked scale-mix (`RegionSeries.FromPanel(t, \"scale-mix.regions.links\")`: links touching each country, by year) for the {active.Regions.Count} countries with links in every year 2014-2017 (projects starting after mid-2016 are missing from the data, so 2017 is the last full start year). Ranks are 1 for the most links, ties averaged (`Convergence.Ranks`)."))
   .Paragraph(ranks.ToMarkdown(12));
Picture(TrajectoryCharts.Ranks(ranks, "Countries by H2020 links, rank by year", 10), "country-ranks");
var sigmaWord = sigmaLinks.Trend < 0 ? "narrows (σ-convergence)" : "widens (no σ-convergence)";
var betaWord = betaLinks.B < 0
    ? string.Create(ci, $"b < 0: countries with few links in 2014 grew faster (β-convergence), at a speed of {N(betaLinks.Speed)} per year, a half-life of {N(betaLinks.HalfLife)} years")
    : string.Create(ci, $"b ≥ 0: countries with few links in 2014 did not grow faster (no β-convergence; the implied speed is {N(betaLinks.Speed)} per year and there is no half-life)");
doc.Paragraph(string.Create(ci, $"σ-convergence of the link counts (sd of ln links across countries, `Convergence.Sigma`): σ is {N(sigmaLinks.Sigma[0])} in 2014 and {N(sigmaLinks.Sigma[^1])} in 2017, a trend of {N(sigmaLinks.Trend)} per year (SE {N(sigmaLinks.TrendStandardError)}): the spread {sigmaWord}. β-convergence 2014-2017 (`Convergence.Beta`): regressing the yearly growth (1/3) ln(links₂₀₁₇/links₂₀₁₄) on ln links₂₀₁₄ gives b = {N(betaLinks.B)} (SE {N(betaLinks.Fit.Inference().StandardErrors[1])}, HC1 SE {N(betaLinks.Fit.Inference(OlsCovariance.HC1).StandardErrors[1])}; n = {betaLinks.Fit.ObservationCount}), so {betaWord}. Read 2014 with care: few projects in the data start that year. The global share of a country's links (`scale-mix.regions.share.global`) has zeros, so its σ is the coefficient of variation (the sd of logs raises an error that says so): {N(sigmaGlobal.Sigma[0])} in 2014, {N(sigmaGlobal.Sigma[^1])} in 2017, trend {N(sigmaGlobal.Trend)} (SE {N(sigmaGlobal.TrendStandardError)})."))
   .Paragraph(betaLinks.ToMarkdown());
Picture(TrajectoryCharts.Sigma(sigmaLinks, "σ-convergence of H2020 links across countries (sd of ln links)"), "sigma-links");

// 3. GDP per capita joined.
const string Gdp = "gdp_per_capita_current_usd";
var indicators = IndicatorPanel.Read(Path.Combine(dataDir, "indicators", "country-year.csv"), new IndicatorReadOptions { Indicators = [Gdp] });
var joined = t.JoinIndicators(indicators).WithColumn("ln-gdp-pc", Gdp, Math.Log);
var share = "scale-mix.regions.share.global";
var lagged = joined.LaggedCorrelation(share, "ln-gdp-pc", maxLag: 3);
var fe = joined.FixedEffects("ln-gdp-pc", [share], lag: 1, yearEffects: true);
var fe0 = joined.FixedEffects("ln-gdp-pc", [share], lag: 1);
Step("indicators: read country-year.csv, join, lagged correlations, two fixed-effects regressions");
var withoutGdp = new List<string>();
foreach (var id in joined.RegionsWithoutIndicators)
{
    withoutGdp.Add(id);
}

doc.Heading("Does gaining global pipelines precede growth?")
   .Paragraph(string.Create(ci, $"`IndicatorPanel.Read(\"indicators/country-year.csv\", ...)` reads the World Bank GDP per capita (current US$) from the long indicator table, and `t.JoinIndicators(indicators)` joins it with every country panel of the trajectories: {joined.Regions.Count} countries × {joined.Years.Count} years. {withoutGdp.Count} region(s) of the network have no GDP value in any year ({(withoutGdp.Count == 0 ? "none" : string.Join(", ", withoutGdp))}; the join lists them with suggestions), and {joined.IndicatorRegionsNotInNetwork} countries of the indicator file have no H2020 organisation. The question is whether a larger share of Global links (partners in another world region) in year t - L goes with higher GDP per capita in year t."))
   .Paragraph(lagged.ToMarkdown())
   .Paragraph(string.Create(ci, $"Pooled correlations compare countries with each other: {(lagged.Correlations[0] < 0 ? "here they are negative, because the partners of European countries are mostly in Europe (Supranational) while every foreign partner of a non-European country, many of them poorer, is Global by construction" : "here they are positive")}. The within estimator removes each country's level (`joined.FixedEffects(\"ln-gdp-pc\", [\"{share}\"], lag: 1, yearEffects: true)`, DESIGN §2.13, checked against R's plm to 1e-8): with year effects and standard errors clustered by country (plm's `vcovHC(type = \"HC1\", cluster = \"group\")`), the coefficient of last year's global share on ln GDP per capita is {N(fe.Coefficients[0])} (cluster SE {N(fe.Inference().StandardErrors[0])}, p = {N(fe.Inference().PValues[0])}; {(fe.Inference().PValues[0] < 0.05 ? "different from 0 at the 5% level" : "not different from 0 at the 5% level")}), from {fe.ObservationCount} country-years ({fe.DroppedMissing} dropped as missing: the first year has no lag, and some countries lack GDP or links in some years). Without year effects it is {N(fe0.Coefficients[0])} (cluster SE {N(fe0.Inference().StandardErrors[0])}), so common shocks (the dollar, the cycle) matter. A few years of one programme cannot settle the question; the point is that asking it takes a few lines."))
   .Paragraph(fe.ToMarkdown());

// 4. A citation main path.
var cite = Path.Combine(dataDir, "citation-pajek");
var b = GlocalNetwork.CreateBuilder();
var labels = new Dictionary<string, string>(StringComparer.Ordinal);
foreach (var l in File.ReadAllLines(Path.Combine(cite, "centrality-productivity-nodes.csv"))[1..])
{
    var f = l.Split(',');
    labels[f[0]] = f[1];
    var attrs = f[^1].Length > 0 ? new Dictionary<string, string> { ["year"] = f[^1] } : null;
    b.AddInnovator(f[0], f[1], InnovatorKind.Other, RegionTree.ImplicitRootId, attributes: attrs);
}

foreach (var l in File.ReadAllLines(Path.Combine(cite, "centrality-productivity-arcs.csv"))[1..])
{
    var f = l.Split(',');
    b.AddLink(f[1], f[0], LinkKind.Citation, directed: true); // cited -> citing: the direction knowledge flows
}

var citations = b.Build();
var mp = MainPath.Analyze(citations);
Step("main path of the centrality-productivity citation network (SPC, local and global)");
List<IReadOnlyList<string>> PathRows(IReadOnlyList<MainPathArc> arcs)
{
    var rows = new List<IReadOnlyList<string>>();
    foreach (var a in arcs)
    {
        rows.Add([labels[a.SourceId], labels[a.TargetId], N(a.Count), N(a.Normalised)]);
    }

    return rows;
}

doc.Heading("A knowledge trajectory: the main path")
   .Paragraph(string.Create(ci, $"The centrality-productivity literature 1948-1979 (Hummon, Doreian & Freeman 1990: {citations.Innovators.Count} works, {citations.Links.Count} citations), the network of the original main-path papers, read from `citation-pajek/` with arcs turned cited → citing. `MainPath.Analyze(net)` weighs every arc by its search path count (SPC, Batagelj 2003; {N(mp.TotalPaths)} source-to-sink paths) and follows the heaviest arcs. The default cycle policy drops arcs that cite a newer work; here it dropped {mp.DroppedArcs.Count} arc(s)."))
   .Table("Local (forward) main path: from the heaviest arc leaving a source, the heaviest arc onwards (ties kept)", ["from", "to", "SPC", "SPC / N"], PathRows(mp.LocalPath), "local-main-path.csv")
   .Table("Global main path: the source-to-sink path with the largest total SPC", ["from", "to", "SPC", "SPC / N"], PathRows(mp.GlobalPath), "global-main-path.csv");

var load = File.Exists("/proc/loadavg") ? "; load average " + File.ReadAllText("/proc/loadavg").Split(' ')[0] + " at the end" : string.Empty;
doc.Heading("Timings").Table($"Seconds on the machine that wrote this page (2 cores, shared{load})", ["step", "seconds"], timings, "timings.csv");
foreach (var p in doc.WriteMarkdown(outPath))
{
    Console.WriteLine(p);
}

static IEnumerable<(T Item, int Index)> Indexed<T>(IReadOnlyList<T> items)
{
    for (var i = 0; i < items.Count; i++)
    {
        yield return (items[i], i);
    }
}

// The rows of `series` whose `filter` series (default: itself) is > 0 in every year from..to, restricted to those years.
static RegionSeries Active(RegionSeries series, int from, int to, RegionSeries? filter = null)
{
    filter ??= series;
    var ids = new List<string>();
    var rows = new List<double[]>();
    var yrs = new List<int>();
    for (var y = from; y <= to; y++)
    {
        yrs.Add(y);
    }

    for (var r = 0; r < series.Regions.Count; r++)
    {
        var fr = IndexOf(filter.Regions, series.Regions[r]);
        var row = new double[yrs.Count];
        var ok = fr >= 0;
        for (var k = 0; ok && k < yrs.Count; k++)
        {
            var t = IndexOf(series.Years, yrs[k]);
            ok = t >= 0 && filter[fr, IndexOf(filter.Years, yrs[k])] > 0;
            row[k] = ok ? series[r, t] : double.NaN;
        }

        if (ok)
        {
            ids.Add(series.Regions[r]);
            rows.Add(row);
        }
    }

    return new RegionSeries(series.Name, ids, yrs, rows);
}

static int IndexOf<T>(IReadOnlyList<T> list, T item)
{
    for (var i = 0; i < list.Count; i++)
    {
        if (EqualityComparer<T>.Default.Equals(list[i], item))
        {
            return i;
        }
    }

    return -1;
}
