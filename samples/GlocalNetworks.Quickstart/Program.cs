// The main job on the embedded real data set: load the FP7 extract, locate every organisation in the region tree,
// classify every link's scale from local to global, and print the network's glocal profile.
// Run from the repository root:  dotnet run --project samples/GlocalNetworks.Quickstart
// With your own files:           dotnet run --project samples/GlocalNetworks.Quickstart -- links.csv innovators.csv regions.csv
using System;
using System.Globalization;
using GlocalNetworks.Data;
using GlocalNetworks.Interop;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;

var (network, report) = args.Length switch
{
    0 => DefaultDataSet.Load(),
    _ => GlocalCsv.Load(args[0], args.Length > 1 ? args[1] : null, args.Length > 2 ? args[2] : null,
        LoadOptions.Default with { Mode = LoadMode.Lenient }),
};

Console.WriteLine(network);
Console.WriteLine();
Console.WriteLine("Load report");
Console.WriteLine(report.Summary());

// Innovators by the level of their home region.
var byLevel = new int[network.Ladder.Levels.Count];
foreach (var home in network.Innovators.RegionIndices)
{
    byLevel[network.Regions.LevelRank(home)]++;
}

Console.WriteLine("Innovators located at each level");
foreach (var level in network.Ladder.Levels)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {level.Name,-14}{byLevel[level.Rank],8}"));
}

// Scale mix: link counts and weight shares per scale.
var counts = new int[5];
var weights = new double[5];
var limited = new int[5];
var scales = network.LinkScales;
var w = network.Links.Weights;
var flags = network.LinkResolutionLimited;
double total = 0;
for (var i = 0; i < scales.Length; i++)
{
    var s = (int)scales[i];
    counts[s]++;
    weights[s] += w[i];
    limited[s] += flags[i] ? 1 : 0;
    total += w[i];
}

Console.WriteLine();
Console.WriteLine("Scale mix of the knowledge links");
Console.WriteLine("  scale           links   weight share   resolution-limited");
foreach (var scale in Enum.GetValues<Scale>())
{
    var s = (int)scale;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {scale,-14}{counts[s],7}   {(total > 0 ? weights[s] / total : double.NaN),12:P1}   {limited[s],18}"));
}

var graph = network.ToCsrGraph();
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CSR graph: {graph.NodeCount} nodes, {graph.EdgeCount} distinct undirected edges (parallel project links summed)."));
