using System;

namespace GlocalNetworks.IO.Snapshot;

/// <summary>What is wrong with a snapshot file.</summary>
public enum SnapshotProblem
{
    /// <summary>The file ends before the header, the section table or a section does.</summary>
    Truncated = 0,

    /// <summary>The file does not start with the snapshot magic bytes: it is not a GlocalNetworks snapshot.</summary>
    BadMagic = 1,

    /// <summary>The file was written by a newer format version than this library reads.</summary>
    NewerVersion = 2,

    /// <summary>The header, the section table or a section does not match its XxHash64 checksum.</summary>
    ChecksumMismatch = 3,

    /// <summary>A section's offset and length reach past the end of the file the header records.</summary>
    SectionOutOfBounds = 4,

    /// <summary>The checksums match but the content breaks a rule of the format (a crafted or mis-written file).</summary>
    Invalid = 5,
}

/// <summary>
/// A snapshot file that cannot be read: truncated, not a snapshot, a newer format version, a checksum mismatch (naming the
/// section), a section beyond the end of the file, or content that breaks the format. The message is one line that starts
/// with the file name, as every <see cref="GlocalDataException"/>.
/// </summary>
public sealed class SnapshotFormatException : GlocalDataException
{
    /// <summary>Creates the error.</summary>
    /// <param name="filePath">The file, or <see langword="null"/> for a stream without a name.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="section">The section concerned (<c>header</c>, <c>section table</c>, <c>links.weight</c>, ...), or <see langword="null"/>.</param>
    /// <param name="reason">The sentence that explains it.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public SnapshotFormatException(string? filePath, SnapshotProblem problem, string? section, string reason, Exception? innerException = null)
        : base(filePath, null, null, null, reason, innerException)
    {
        Problem = problem;
        Section = section;
    }

    /// <summary>What is wrong.</summary>
    public SnapshotProblem Problem { get; }

    /// <summary>The section concerned, or <see langword="null"/>.</summary>
    public string? Section { get; }
}
