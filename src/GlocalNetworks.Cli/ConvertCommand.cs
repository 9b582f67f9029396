using System;
using System.CommandLine;
using System.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.GraphFormats;

namespace GlocalNetworks.Cli;

/// <summary><c>glocal convert</c>: read a network (CSV, events, GraphML, GEXF, Pajek) and write it in another format.</summary>
internal sealed class ConvertCommand
{
    private readonly NetworkInput _input = new();
    private readonly Option<string> _to = new("--to")
    {
        Description = "Output: a .graphml, .gexf or .net file, or a folder for regions.csv, innovators.csv and links.csv.",
        Required = true,
    };

    public Command Create(TextWriter output, TextWriter error)
    {
        var c = new Command("convert", "Convert a network between CSV files, GraphML, GEXF and Pajek.");
        _input.AddTo(c);
        c.Options.Add(_to);
        c.SetAction(r =>
        {
            var (network, report) = _input.Load(r);
            if (report.Issues.Count > 0)
            {
                error.WriteLine($"warning: {report.Issues.Count} load issue(s) skipped:");
                error.Write(report.Summary());
            }

            var to = r.GetValue(_to)!;
            switch (Path.GetExtension(to).ToUpperInvariant())
            {
                case ".GRAPHML":
                    GraphMLWriter.Write(network, to);
                    output.WriteLine(to);
                    break;
                case ".GEXF":
                    GexfWriter.Write(network, to);
                    output.WriteLine(to);
                    break;
                case ".NET":
                    PajekWriter.Write(network, to);
                    output.WriteLine(to);
                    break;
                case "":
                    foreach (var p in GlocalCsvWriter.Write(network, to))
                    {
                        output.WriteLine(p);
                    }

                    break;
                default:
                    throw new ArgumentException($"--to '{to}': write a .graphml, .gexf or .net file, or name a folder for the CSV files.");
            }

            return 0;
        });
        return c;
    }
}
