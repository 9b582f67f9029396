using System;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace GlocalNetworks.IO.Snapshot;

/// <summary>The snapshot file layout (format version 1); see <see cref="GlocalNetworkSnapshot"/> for the description.</summary>
internal static class SnapshotLayout
{
    public const int HeaderSize = 64;
    public const int EntrySize = 32;
    public const int Alignment = 64;
    public const int MaxSections = 64;

    /// <summary>Bytes 0..7: 0x89 'G' 'L' 'N' 'S' '\r' '\n' 0x1A (PNG style: catches text-mode and 7-bit damage).</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'G', (byte)'L', (byte)'N', (byte)'S', 0x0D, 0x0A, 0x1A];

    /// <summary>Section ids and their names in messages.</summary>
    public enum Id : uint
    {
        Meta = 1,
        Regions = 2,
        Innovators = 3,
        Organisers = 4,
        LinkSource = 10,
        LinkTarget = 11,
        LinkWeight = 12,
        LinkKind = 13,
        LinkYear = 14,
        LinkEndYear = 15,
        LinkDate = 16,
        LinkDirected = 17,
        LinkScale = 18,
        LinkResolutionLimited = 19,
    }

    public static string Name(uint id) => (Id)id switch
    {
        Id.Meta => "meta",
        Id.Regions => "regions",
        Id.Innovators => "innovators",
        Id.Organisers => "organisers",
        Id.LinkSource => "links.source",
        Id.LinkTarget => "links.target",
        Id.LinkWeight => "links.weight",
        Id.LinkKind => "links.kind",
        Id.LinkYear => "links.year",
        Id.LinkEndYear => "links.end_year",
        Id.LinkDate => "links.date",
        Id.LinkDirected => "links.directed",
        Id.LinkScale => "links.scale",
        Id.LinkResolutionLimited => "links.resolution_limited",
        _ => "section " + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The element size of a numeric section, 0 for a record section.</summary>
    public static int ElementSize(uint id) => (Id)id switch
    {
        Id.LinkSource or Id.LinkTarget or Id.LinkYear or Id.LinkEndYear or Id.LinkDate => 4,
        Id.LinkWeight => 8,
        Id.LinkKind or Id.LinkDirected or Id.LinkScale or Id.LinkResolutionLimited => 1,
        _ => 0,
    };

    public static long Align(long offset) => (offset + Alignment - 1) / Alignment * Alignment;

    /// <summary>XxHash64 (seed 0) of an array range, fed in slices of at most 1 GiB.</summary>
    public static ulong Checksum<T>(ReadOnlySpan<T> values)
        where T : struct
    {
        var h = new XxHash64();
        const int slice = 1 << 27;
        for (var at = 0; at < values.Length; at += slice)
        {
            h.Append(MemoryMarshal.AsBytes(values.Slice(at, Math.Min(slice, values.Length - at))));
        }

        return h.GetCurrentHashAsUInt64();
    }

    /// <summary>One section table entry.</summary>
    public readonly record struct Entry(uint Id, uint ElementSize, long Offset, long Length, ulong Checksum)
    {
        public void Write(Span<byte> b)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b, Id);
            BinaryPrimitives.WriteUInt32LittleEndian(b[4..], ElementSize);
            BinaryPrimitives.WriteInt64LittleEndian(b[8..], Offset);
            BinaryPrimitives.WriteInt64LittleEndian(b[16..], Length);
            BinaryPrimitives.WriteUInt64LittleEndian(b[24..], Checksum);
        }

        public static Entry Read(ReadOnlySpan<byte> b) => new(
            BinaryPrimitives.ReadUInt32LittleEndian(b),
            BinaryPrimitives.ReadUInt32LittleEndian(b[4..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(b[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(b[24..]));
    }

    /// <summary>Writes the 64-byte header: magic, version, header size, section count, flags, file length, table checksum,
    /// header checksum (of bytes 0..39), zero padding.</summary>
    public static void WriteHeader(Span<byte> h, uint version, int sectionCount, long fileLength, ulong tableChecksum)
    {
        h[..HeaderSize].Clear();
        Magic.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], version);
        BinaryPrimitives.WriteUInt32LittleEndian(h[12..], HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], (uint)sectionCount);
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], 0);
        BinaryPrimitives.WriteInt64LittleEndian(h[24..], fileLength);
        BinaryPrimitives.WriteUInt64LittleEndian(h[32..], tableChecksum);
        BinaryPrimitives.WriteUInt64LittleEndian(h[40..], XxHash64.HashToUInt64(h[..40]));
    }
}
