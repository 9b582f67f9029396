using System;
using System.IO;

namespace GlocalNetworks.IO.Csv;

/// <summary>A CSV input: a name used in messages and a way to open it. Immutable.</summary>
/// <param name="Name">The file name or source name that messages show (e.g. <c>links.csv</c>).</param>
/// <param name="Open">Opens a fresh reader over the content; called once per read.</param>
public sealed record CsvInput(string Name, Func<TextReader> Open)
{
    private (Func<TextReader> For, Func<Stream> Open)? _bytes;

    /// <summary>Opens the raw bytes that <see cref="Open"/> decodes as UTF-8 (a BOM honoured), when the input has them
    /// (a file, a byte array) and <see cref="Open"/> is still the reader made for them (a <c>with</c> copy may replace it);
    /// <see langword="null"/> otherwise. Lets a reader scan bytes instead of decoded characters.</summary>
    internal Func<Stream>? OpenBytes => _bytes is { } b && ReferenceEquals(b.For, Open) ? b.Open : null;

    private static CsvInput WithBytes(string name, Func<TextReader> open, Func<Stream> bytes) =>
        new(name, open) { _bytes = (open, bytes) };

    /// <summary>A file on disk, read as UTF-8 (a BOM is honoured).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The input.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static CsvInput FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The file '{path}' does not exist.", path);
        }

        return WithBytes(path, () => new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true),
            () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan));
    }

    /// <summary>CSV text held in memory.</summary>
    /// <param name="name">The name messages show.</param>
    /// <param name="text">The CSV text.</param>
    /// <returns>The input.</returns>
    public static CsvInput FromText(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CsvInput(name, () => new StringReader(text));
    }

    /// <summary>UTF-8 bytes held in memory (e.g. an embedded resource).</summary>
    /// <param name="name">The name messages show.</param>
    /// <param name="bytes">The UTF-8 content.</param>
    /// <returns>The input.</returns>
    public static CsvInput FromBytes(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return WithBytes(name, () => new StreamReader(new MemoryStream(bytes, writable: false), System.Text.Encoding.UTF8, true),
            () => new MemoryStream(bytes, writable: false));
    }
}
