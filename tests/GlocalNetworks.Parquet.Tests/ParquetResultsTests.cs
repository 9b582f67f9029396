using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Parquet.Tests;

public sealed class ParquetResultsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "glocal-parquet-results-" + Guid.NewGuid().ToString("N"));

    public ParquetResultsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WriteParquet_Analysis_WritesTheCsvExportsTablesCellForCell()
    {
        var net = Network();
        var result = net.Analyze().Compute("degree", "betweenness", "density", "components", "scale-mix", "region-flows").Run();
        var csv = result.WriteCsv(Path.Combine(_dir, "csv"));
        var parquet = result.WriteParquet(Path.Combine(_dir, "parquet"));
        Assert.Equal(Names(csv, ".csv"), Names(parquet, ".parquet"));
        Assert.Contains("nodes", Names(parquet, ".parquet"));
        Assert.Contains("network", Names(parquet, ".parquet"));
        for (var i = 0; i < csv.Count; i++)
        {
            var expected = ReadCsv(csv[i]);
            var actual = ReadParquet(parquet[i]);
            Assert.Equal(expected[0], actual[0]);
            var e = expected.GetRange(1, expected.Count - 1);
            var a = actual.GetRange(1, actual.Count - 1);
            e.Sort(StringComparer.Ordinal);
            a.Sort(StringComparer.Ordinal);
            Assert.Equal(e, a);
        }
    }

    [Fact]
    public void WriteParquet_Trajectories_WritesTheTidyCsvRowsInOrder()
    {
        var t = Network().Evolve().Yearly().Between(2001, 2003).Track("density", "degree").WithSeed(42).Run();
        var dir = Path.Combine(_dir, "evo");
        t.WriteCsv(dir);
        var files = t.WriteParquet(dir);
        Assert.Equal(["trajectories", "series"], Names(files, ".parquet"));
        Assert.Equal(ReadCsv(Path.Combine(dir, "trajectories.csv")), ReadParquet(Path.Combine(dir, "trajectories.parquet")));
        Assert.Equal(ReadCsv(Path.Combine(dir, "series.csv")), ReadParquet(Path.Combine(dir, "series.parquet")));
    }

    private static GlocalNetwork Network()
    {
        var b = GlocalNetwork.CreateBuilder()
            .AddRegion("W", "World", "world")
            .AddRegion("E", "Europe", "world-region", "W")
            .AddRegion("DE", "Germany", "country", "E")
            .AddRegion("FR", "France", "country", "E")
            .AddRegion("DE1", "Bavaria", "province", "DE")
            .AddRegion("DE2", "Saxony", "province", "DE");
        var homes = new[] { "DE1", "DE1", "DE2", "FR", "FR", "DE2" };
        for (var i = 0; i < homes.Length; i++)
        {
            b.AddInnovator("i" + i, "Innovator " + i, InnovatorKind.Firm, homes[i]);
        }

        var links = new[] { (0, 1, 2001), (1, 2, 2001), (2, 3, 2002), (3, 4, 2002), (4, 5, 2003), (0, 5, 2003), (1, 3, 2003) };
        foreach (var (s, t, y) in links)
        {
            b.AddLink("i" + s, "i" + t, LinkKind.JointProject, 1.0 + (s * 0.25), y);
        }

        return b.Build();
    }

    private static List<string> Names(IReadOnlyList<string> paths, string ext)
    {
        var names = new List<string>();
        foreach (var p in paths)
        {
            Assert.EndsWith(ext, p, StringComparison.Ordinal);
            names.Add(Path.GetFileNameWithoutExtension(p));
        }

        return names;
    }

    // Rows as '|'-joined cells; first the header.
    private static List<string> ReadParquet(string path)
    {
        using var c = new ParquetTableCursor(path);
        var rows = new List<string> { string.Join("|", c.ColumnNames) };
        while (c.Next())
        {
            var sb = new StringBuilder();
            for (var i = 0; i < c.ColumnNames.Count; i++)
            {
                sb.Append(i == 0 ? string.Empty : "|").Append(c.Text(i));
            }

            rows.Add(sb.ToString());
        }

        return rows;
    }

    private static List<string> ReadCsv(string path)
    {
        var rows = new List<string>();
        var text = File.ReadAllText(path);
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\n')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                rows.Add(string.Join("|", cells));
                cells.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        return rows;
    }
}
