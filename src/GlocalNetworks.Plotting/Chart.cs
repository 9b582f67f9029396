using System;
using System.IO;
using ScottPlot;

namespace GlocalNetworks.Plotting;

/// <summary>
/// A finished chart: a ScottPlot plot with a size, rendered headless to PNG or SVG, or embedded in HTML as a data URI.
/// Make one with <see cref="Charts"/>; customise further through <see cref="Plot"/> before rendering.
/// </summary>
public sealed class Chart
{
    internal Chart(Plot plot, string title, int width, int height)
    {
        Plot = plot;
        Title = title;
        Width = width;
        Height = height;
    }

    /// <summary>The ScottPlot plot, for further styling.</summary>
    public Plot Plot { get; }

    /// <summary>The title (also the alternative text in HTML).</summary>
    public string Title { get; }

    /// <summary>The width in pixels.</summary>
    public int Width { get; }

    /// <summary>The height in pixels.</summary>
    public int Height { get; }

    /// <summary>The chart as PNG bytes.</summary>
    /// <returns>The PNG file content.</returns>
    public byte[] ToPng() => Plot.GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>The chart as an SVG document.</summary>
    /// <returns>The SVG text.</returns>
    public string ToSvg() => Plot.GetSvgXml(Width, Height);

    /// <summary>The PNG as a <c>data:image/png;base64,...</c> URI, for self-contained HTML.</summary>
    /// <returns>The URI.</returns>
    public string ToDataUri() => "data:image/png;base64," + Convert.ToBase64String(ToPng());

    /// <summary>Saves the chart; the extension (<c>.png</c> or <c>.svg</c>) picks the format.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentException">Another extension.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        switch (Path.GetExtension(path).ToUpperInvariant())
        {
            case ".PNG":
                File.WriteAllBytes(path, ToPng());
                break;
            case ".SVG":
                File.WriteAllText(path, ToSvg());
                break;
            default:
                throw new ArgumentException($"Chart '{Title}': save as .png or .svg, not '{Path.GetFileName(path)}'.", nameof(path));
        }
    }
}
