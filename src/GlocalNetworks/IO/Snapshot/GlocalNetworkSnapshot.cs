using System;
using System.IO;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;

namespace GlocalNetworks.IO.Snapshot;

/// <summary>
/// Saves a whole <see cref="GlocalNetwork"/> (region tree and ladder, innovators, organisers, every link column, the
/// cached link scales) as one binary snapshot file, and loads it back identical.
/// </summary>
/// <remarks>
/// <para><b>Layout</b> (format version 1, little-endian): a 64-byte header (magic <c>89 47 4C 4E 53 0D 0A 1A</c>,
/// <c>uint32</c> format version, header size, section count, flags = 0, <c>int64</c> file length, XxHash64 of the section
/// table, XxHash64 of header bytes 0..39, zero bytes), then the section table (32 bytes per section: <c>uint32</c> id,
/// element size, <c>int64</c> offset, length, XxHash64 of the payload), then the sections, each starting at a multiple of
/// 64 bytes, with zero padding between them. Sections: <c>meta</c> (counts, ladder, classifier), <c>regions</c>,
/// <c>innovators</c>, <c>organisers</c> (length-prefixed UTF-8 records), and the raw arrays <c>links.source</c>,
/// <c>links.target</c> (int32), <c>links.weight</c> (float64), <c>links.kind</c> (byte), <c>links.year</c>,
/// <c>links.end_year</c>, <c>links.date</c> (int32; <c>int.MinValue</c> = no year, -1 = no date), <c>links.directed</c>
/// (byte 0/1), <c>links.scale</c> (byte) and <c>links.resolution_limited</c> (byte 0/1). A network holds no CSR graph,
/// so none is stored: metrics build it on first use.</para>
/// <para><b>Loading</b> reads the file once, front to back (the stream need not seek). Each numeric section is read in
/// slices of 16 Mi elements (<c>Stream.ReadAtLeast</c>) straight into the bytes of its final array
/// (<c>MemoryMarshal.AsBytes</c>): no per-element decoding, but it is a copy from the OS page cache into managed arrays,
/// not a memory mapping. The checksum of every section is checked after it is read, then the content is checked (indices within the
/// innovator table, kinds and scales defined, weights finite and &gt; 0, years in order). Record sections (regions,
/// innovators, organisers) are decoded record by record, since they become objects. Every byte of the file is covered
/// by a checksum or must be a zero padding byte, so a damaged file is never loaded as a different network.</para>
/// <para><b>Errors</b> are <see cref="SnapshotFormatException"/>s with a <see cref="SnapshotProblem"/>: a truncated file,
/// a file that is not a snapshot (bad magic), a newer format version (naming both versions), a checksum mismatch
/// (naming the section), a section beyond the end of the file, or invalid content.</para>
/// </remarks>
public static class GlocalNetworkSnapshot
{
    /// <summary>The format version this library writes, and the newest it reads.</summary>
    public const uint FormatVersion = 1;

    /// <summary>The usual file extension: <c>.glsnap</c>.</summary>
    public const string Extension = ".glsnap";

    internal const string LcaClassifier = "lca";
    internal const string DistanceClassifier = "distance";
    internal const string CustomClassifier = "custom";

    /// <summary>Saves <paramref name="network"/> to <paramref name="path"/> (written to a temporary file beside it, then
    /// moved over <paramref name="path"/>, so a crash never leaves a half-written snapshot under that name).</summary>
    /// <param name="network">The network (a time slice or filtered network saves only its own links).</param>
    /// <param name="path">The file.</param>
    /// <exception cref="PlatformNotSupportedException">The machine is big-endian.</exception>
    public static void Save(this GlocalNetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        using (var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            SnapshotWriter.Write(network, fs);
        }

        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Writes <paramref name="network"/> as a snapshot to <paramref name="stream"/> (from its current position; no seeking).</summary>
    /// <param name="network">The network.</param>
    /// <param name="stream">A writable stream; left open.</param>
    /// <exception cref="PlatformNotSupportedException">The machine is big-endian.</exception>
    public static void Save(this GlocalNetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        SnapshotWriter.Write(network, stream);
    }

    /// <summary>Loads a snapshot file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="classifier">The scale classifier to attach when the snapshot was saved with a custom one (the stored
    /// scales are kept either way); <see langword="null"/> restores <see cref="LcaScaleClassifier"/> or
    /// <see cref="DistanceScaleClassifier"/> as saved.</param>
    /// <returns>The network, equal to the one saved.</returns>
    /// <exception cref="SnapshotFormatException">The file is truncated, not a snapshot, a newer version, corrupt or invalid.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The snapshot names a custom classifier and <paramref name="classifier"/> is <see langword="null"/>.</exception>
    public static GlocalNetwork Load(string path, IScaleClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return SnapshotReader.Read(fs, path, classifier);
    }

    /// <summary>Loads a snapshot from a stream, read front to back from its current position to the snapshot's end.</summary>
    /// <param name="stream">A readable stream; left open.</param>
    /// <param name="sourceName">The name used in error messages, or <see langword="null"/>.</param>
    /// <param name="classifier">See <see cref="Load(string, IScaleClassifier?)"/>.</param>
    /// <returns>The network.</returns>
    /// <exception cref="SnapshotFormatException">The data is truncated, not a snapshot, a newer version, corrupt or invalid.</exception>
    public static GlocalNetwork Load(Stream stream, string? sourceName = null, IScaleClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return SnapshotReader.Read(stream, sourceName, classifier);
    }

    internal static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Snapshots are little-endian and this machine is big-endian; they are read and written on little-endian machines only.");
        }
    }
}
