using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace GlocalNetworks.Interactive;

/// <summary>Small HTML building blocks shared by the formatters: every text goes through <see cref="Text"/> (HTML-escaped),
/// every number through <c>Number</c> (invariant culture, 6 significant digits).</summary>
internal static class HtmlWriter
{
    /// <summary>The style block written once at the top of each formatted object (scoped by the <c>glocal</c> class).</summary>
    internal const string Style =
        "<style>.glocal table{border-collapse:collapse;margin:0.25em 0 0.75em 0}.glocal th,.glocal td{padding:2px 8px;border-bottom:1px solid #ddd}"
        + ".glocal td.num,.glocal th.num{text-align:right;font-variant-numeric:tabular-nums}.glocal .note{color:#666;font-size:90%}</style>";

    /// <summary>Escapes the five characters HTML gives meaning to (<c>&amp; &lt; &gt; " '</c>); every other character, accented
    /// and CJK letters included, is kept as it is (the notebook is UTF-8).</summary>
    internal static string Escape(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return string.Empty;
        }

        if (s.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return sb.ToString();
    }

    internal static void Text(TextWriter w, string? s) => w.Write(Escape(s));

    internal static string Number(double v) =>
        double.IsNaN(v) ? "NaN" : v.ToString("G6", CultureInfo.InvariantCulture);

    internal static string Number(long v) => v.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Percent(double share) =>
        double.IsNaN(share) ? "NaN" : share.ToString("P1", CultureInfo.InvariantCulture);

    internal static void Open(TextWriter w, string title)
    {
        w.Write("<div class=\"glocal\">");
        w.Write(Style);
        Heading(w, title);
    }

    internal static void Close(TextWriter w) => w.Write("</div>");

    internal static void Heading(TextWriter w, string title, int level = 4)
    {
        w.Write(string.Create(CultureInfo.InvariantCulture, $"<h{level}>"));
        Text(w, title);
        w.Write(string.Create(CultureInfo.InvariantCulture, $"</h{level}>"));
    }

    internal static void Note(TextWriter w, string text)
    {
        w.Write("<p class=\"note\">");
        Text(w, text);
        w.Write("</p>");
    }

    /// <summary>Writes "showing N of M rows" when rows were left out.</summary>
    internal static void Showing(TextWriter w, int shown, int total, string what = "rows")
    {
        if (shown < total)
        {
            Note(w, string.Create(CultureInfo.InvariantCulture, $"showing {shown} of {total} {what}"));
        }
    }

    /// <summary>Starts a table with a header row; <paramref name="numeric"/>[i] right-aligns column i.</summary>
    internal static void TableStart(TextWriter w, IReadOnlyList<string> header, Func<int, bool> numeric)
    {
        w.Write("<table><thead><tr>");
        for (var i = 0; i < header.Count; i++)
        {
            w.Write(numeric(i) ? "<th class=\"num\">" : "<th>");
            Text(w, header[i]);
            w.Write("</th>");
        }

        w.Write("</tr></thead><tbody>");
    }

    internal static void TableEnd(TextWriter w) => w.Write("</tbody></table>");

    internal static void RowStart(TextWriter w) => w.Write("<tr>");

    internal static void RowEnd(TextWriter w) => w.Write("</tr>");

    internal static void Cell(TextWriter w, string? text)
    {
        w.Write("<td>");
        Text(w, text);
        w.Write("</td>");
    }

    internal static void NumCell(TextWriter w, string text)
    {
        w.Write("<td class=\"num\">");
        Text(w, text);
        w.Write("</td>");
    }

    /// <summary>A two-column name/value table.</summary>
    internal static void KeyValues(TextWriter w, string keyHeader, string valueHeader, IReadOnlyList<KeyValuePair<string, string>> rows)
    {
        TableStart(w, [keyHeader, valueHeader], static i => i == 1);
        foreach (var (k, v) in rows)
        {
            RowStart(w);
            Cell(w, k);
            NumCell(w, v);
            RowEnd(w);
        }

        TableEnd(w);
    }
}
