using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using GlocalNetworks.Internal;
using GlocalNetworks.Metrics;

namespace GlocalNetworks.Plotting;

/// <summary>
/// A report built block by block (headings, paragraphs, tables, charts) and written as one self-contained HTML file
/// (<c>index.html</c>: styles inline, charts embedded as base64 PNG, no network access needed to view it), the same
/// content as Markdown (<c>report.md</c>, with the charts as PNG files beside it) and every table as CSV.
/// </summary>
public sealed class ReportDocument
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly List<Block> _blocks = [];

    /// <summary>Creates an empty report.</summary>
    /// <param name="title">The report's title.</param>
    public ReportDocument(string title)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        Title = title;
    }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>Adds a section heading.</summary>
    /// <param name="text">The heading.</param>
    /// <returns>This report.</returns>
    public ReportDocument Heading(string text)
    {
        _blocks.Add(new Block(Kind.Heading, text));
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>This report.</returns>
    public ReportDocument Paragraph(string text)
    {
        _blocks.Add(new Block(Kind.Paragraph, text));
        return this;
    }

    /// <summary>Adds a table of text cells, also written as <paramref name="csvName"/>.</summary>
    /// <param name="caption">The caption.</param>
    /// <param name="header">The column names.</param>
    /// <param name="rows">The rows (each as long as the header).</param>
    /// <param name="csvName">The CSV file name (e.g. <c>scale-mix.csv</c>).</param>
    /// <returns>This report.</returns>
    /// <exception cref="ArgumentException">A row's length differs from the header's.</exception>
    public ReportDocument Table(string caption, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string csvName)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(csvName);
        foreach (var r in rows)
        {
            if (r.Count != header.Count)
            {
                throw new ArgumentException($"Table '{caption}': a row has {r.Count} cells for {header.Count} columns.", nameof(rows));
            }
        }

        _blocks.Add(new Block(Kind.Table, caption) { Header = header, Rows = rows, File = csvName });
        return this;
    }

    /// <summary>Attaches a table as a CSV file beside the report without showing it (a matrix too large to print).</summary>
    /// <param name="header">The column names.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="csvName">The CSV file name.</param>
    /// <returns>This report.</returns>
    public ReportDocument Attach(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string csvName)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrEmpty(csvName);
        _blocks.Add(new Block(Kind.Attachment, csvName) { Header = header, Rows = rows, File = csvName });
        return this;
    }

    /// <summary>Adds the top <paramref name="maxRows"/> rows of a metric table by <paramref name="sortColumn"/> (all its
    /// columns shown), with the whole table written as <paramref name="csvName"/>.</summary>
    /// <param name="caption">The caption.</param>
    /// <param name="table">The table.</param>
    /// <param name="csvName">The CSV file name.</param>
    /// <param name="sortColumn">The column to rank by (descending; ties by id), or <see langword="null"/> to keep the
    /// table's own row order (distance bands, years).</param>
    /// <param name="maxRows">Rows shown.</param>
    /// <param name="label">Optional display labels by id (innovator names).</param>
    /// <returns>This report.</returns>
    public ReportDocument Table(string caption, KeyedTable table, string csvName, string? sortColumn = KeyedTable.ValueColumn, int maxRows = 15,
        Func<string, string>? label = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        var header = new List<string> { label is null ? table.KeyColumnName : "name" };
        foreach (var c in table.Columns)
        {
            header.Add(c == KeyedTable.ValueColumn ? table.MetricId : c);
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var id in RowIds(table, sortColumn, maxRows))
        {
            var row = new List<string> { label is null ? id : label(id) };
            foreach (var c in table.Columns)
            {
                row.Add(Number(table[id, c]));
            }

            rows.Add(row);
        }

        _blocks.Add(new Block(Kind.Table, caption) { Header = header, Rows = rows, File = csvName, Csv = table.ToCsv() });
        return this;
    }

    private static IEnumerable<string> RowIds(KeyedTable table, string? sortColumn, int maxRows)
    {
        if (sortColumn is null)
        {
            for (var r = 0; r < table.Count && r < maxRows; r++)
            {
                yield return table.Ids[r];
            }

            yield break;
        }

        foreach (var (id, _) in table.Top(maxRows, sortColumn))
        {
            yield return id;
        }
    }

    /// <summary>Adds a chart, embedded in the HTML and saved as <paramref name="pngName"/> for the Markdown.</summary>
    /// <param name="chart">The chart.</param>
    /// <param name="pngName">The PNG file name.</param>
    /// <returns>This report.</returns>
    public ReportDocument Chart(Chart chart, string pngName)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrEmpty(pngName);
        _blocks.Add(new Block(Kind.Chart, chart.Title) { Chart = chart, File = pngName });
        return this;
    }

    /// <summary>A number as the report shows it: integers plainly, others with 4 significant digits, NaN as an en dash.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Number(double value) =>
        double.IsNaN(value) ? "–"
        : value == Math.Floor(value) && Math.Abs(value) < 1e15 ? value.ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>Writes <c>index.html</c>, <c>report.md</c>, the tables' CSV files and the charts' PNG files.</summary>
    /// <param name="directory">The folder (created when missing).</param>
    /// <returns>The paths written, <c>index.html</c> first.</returns>
    public IReadOnlyList<string> Write(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var pngs = RenderCharts();
        var html = Path.Combine(directory, "index.html");
        File.WriteAllText(html, ToHtml(pngs), Utf8);
        var md = Path.Combine(directory, "report.md");
        File.WriteAllText(md, ToMarkdown(), Utf8);
        var written = new List<string> { html, md };
        WriteAssets(directory, pngs, written);
        return written;
    }

    /// <summary>Writes the report as one Markdown file (for a documentation site or a repository) with its charts and
    /// tables in a folder beside it named after the file (<c>docs/example.md</c> and <c>docs/example/</c>), linked
    /// relatively.</summary>
    /// <param name="markdownPath">The Markdown file.</param>
    /// <returns>The paths written, the Markdown file first.</returns>
    public IReadOnlyList<string> WriteMarkdown(string markdownPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(markdownPath);
        var full = Path.GetFullPath(markdownPath);
        var folderName = Path.GetFileNameWithoutExtension(full);
        var assets = Path.Combine(Path.GetDirectoryName(full)!, folderName);
        Directory.CreateDirectory(assets);
        File.WriteAllText(full, ToMarkdown(folderName + "/"), Utf8);
        var written = new List<string> { full };
        WriteAssets(assets, RenderCharts(), written);
        return written;
    }

    // Each chart rendered once, for the HTML and its PNG file alike.
    private Dictionary<Block, byte[]> RenderCharts()
    {
        var pngs = new Dictionary<Block, byte[]>();
        foreach (var b in _blocks)
        {
            if (b.Kind == Kind.Chart)
            {
                pngs[b] = b.Chart!.ToPng();
            }
        }

        return pngs;
    }

    // The charts as PNG files and the tables (shown or attached) as CSV files, in block order.
    private void WriteAssets(string directory, Dictionary<Block, byte[]> pngs, List<string> written)
    {
        foreach (var b in _blocks)
        {
            if (b.File is null)
            {
                continue;
            }

            var p = Path.Combine(directory, b.File);
            if (b.Kind == Kind.Chart)
            {
                File.WriteAllBytes(p, pngs[b]);
            }
            else
            {
                File.WriteAllText(p, b.Csv ?? Csv(b.Header!, b.Rows!), Utf8);
            }

            written.Add(p);
        }
    }

    /// <summary>The report as one self-contained HTML document.</summary>
    /// <returns>The HTML.</returns>
    public string ToHtml() => ToHtml(null);

    /// <summary>The report as Markdown; charts refer to their PNG files.</summary>
    /// <returns>The Markdown.</returns>
    public string ToMarkdown() => ToMarkdown(string.Empty);

    private string ToMarkdown(string assetPrefix)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Title).Append("\n\n");
        foreach (var b in _blocks)
        {
            switch (b.Kind)
            {
                case Kind.Attachment:
                    break;
                case Kind.Heading:
                    sb.Append("## ").Append(b.Text).Append("\n\n");
                    break;
                case Kind.Paragraph:
                    sb.Append(b.Text).Append("\n\n");
                    break;
                case Kind.Chart:
                    sb.Append("![").Append(b.Text).Append("](").Append(assetPrefix).Append(b.File).Append(")\n\n");
                    break;
                default:
                    sb.Append('*').Append(b.Text).Append("* ([CSV](").Append(assetPrefix).Append(b.File).Append("))\n\n");
                    sb.Append("| ").Append(string.Join(" | ", Md(b.Header!))).Append(" |\n|");
                    foreach (var _ in b.Header!)
                    {
                        sb.Append("---|");
                    }

                    sb.Append('\n');
                    foreach (var r in b.Rows!)
                    {
                        sb.Append("| ").Append(string.Join(" | ", Md(r))).Append(" |\n");
                    }

                    sb.Append('\n');
                    break;
            }
        }

        return sb.ToString();
    }

    private string ToHtml(Dictionary<Block, byte[]>? pngs)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Enc(Title)).Append("</title>\n")
          .Append("<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}")
          .Append("table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
          .Append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}caption{text-align:left;font-style:italic;padding:.3em 0}")
          .Append("img{max-width:100%;height:auto}figure{margin:1em 0}figcaption{font-style:italic}</style>\n</head>\n<body>\n")
          .Append("<h1>").Append(Enc(Title)).Append("</h1>\n");
        foreach (var b in _blocks)
        {
            switch (b.Kind)
            {
                case Kind.Attachment:
                    break;
                case Kind.Heading:
                    sb.Append("<h2>").Append(Enc(b.Text)).Append("</h2>\n");
                    break;
                case Kind.Paragraph:
                    sb.Append("<p>").Append(Enc(b.Text)).Append("</p>\n");
                    break;
                case Kind.Chart:
                    var png = pngs is not null && pngs.TryGetValue(b, out var bytes) ? bytes : b.Chart!.ToPng();
                    sb.Append("<figure><img alt=\"").Append(Enc(b.Text)).Append("\" src=\"data:image/png;base64,")
                      .Append(Convert.ToBase64String(png)).Append("\"><figcaption>").Append(Enc(b.Text)).Append("</figcaption></figure>\n");
                    break;
                default:
                    sb.Append("<table>\n<caption>").Append(Enc(b.Text)).Append("</caption>\n<tr>");
                    foreach (var h in b.Header!)
                    {
                        sb.Append("<th>").Append(Enc(h)).Append("</th>");
                    }

                    sb.Append("</tr>\n");
                    foreach (var r in b.Rows!)
                    {
                        sb.Append("<tr>");
                        foreach (var c in r)
                        {
                            sb.Append("<td>").Append(Enc(c)).Append("</td>");
                        }

                        sb.Append("</tr>\n");
                    }

                    sb.Append("</table>\n");
                    break;
            }
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);

    private static IEnumerable<string> Md(IEnumerable<string> cells)
    {
        foreach (var c in cells)
        {
            yield return c.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
        }
    }

    private static string Csv(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', CsvCells(header))).Append('\n');
        foreach (var r in rows)
        {
            sb.Append(string.Join(',', CsvCells(r))).Append('\n');
        }

        return sb.ToString();
    }

    private static IEnumerable<string> CsvCells(IEnumerable<string> cells)
    {
        foreach (var c in cells)
        {
            yield return TextRules.CsvField(c);
        }
    }

    private enum Kind
    {
        Heading,
        Paragraph,
        Table,
        Chart,
        Attachment,
    }

    private sealed class Block(Kind kind, string text)
    {
        public Kind Kind { get; } = kind;

        public string Text { get; } = text;

        public IReadOnlyList<string>? Header { get; init; }

        public IReadOnlyList<IReadOnlyList<string>>? Rows { get; init; }

        public string? File { get; init; }

        public string? Csv { get; init; }

        public Chart? Chart { get; init; }
    }
}
