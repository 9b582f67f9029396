using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.IO;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;
using static System.Buffers.Binary.BinaryPrimitives;

namespace GlocalNetworks.IO.Snapshot;

/// <summary>Reads a snapshot: checks header, table and every section's checksum, bulk-reads the numeric sections into
/// arrays, decodes the record sections, and checks the content before building the network.</summary>
internal sealed class SnapshotReader
{
    private readonly Stream _stream;
    private readonly string? _name;
    private readonly long? _actualLength;
    private long _position;

    private SnapshotReader(Stream stream, string? name)
    {
        _stream = stream;
        _name = name;
        _actualLength = stream.CanSeek ? stream.Length - stream.Position : null;
    }

    public static GlocalNetwork Read(Stream stream, string? name, IScaleClassifier? classifier) =>
        new SnapshotReader(stream, name).Read(classifier);

    private SnapshotFormatException Error(SnapshotProblem problem, string? section, string reason, Exception? inner = null) =>
        new(_name, problem, section, reason, inner);

    private static string Hex(ulong v) => "0x" + v.ToString("x16", CultureInfo.InvariantCulture);

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    private void ReadExactly(Span<byte> buffer, string what)
    {
        var got = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        _position += got;
        if (got < buffer.Length)
        {
            throw Error(SnapshotProblem.Truncated, what,
                $"is truncated: the file ends at byte {N(_position)} inside the {what}, which needs {N(buffer.Length - got)} more byte(s).");
        }
    }

    private GlocalNetwork Read(IScaleClassifier? classifier)
    {
        GlocalNetworkSnapshot.EnsureLittleEndian();
        var header = new byte[SnapshotLayout.HeaderSize];
        var got = _stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        _position = got;
        if (got >= 8 && !header.AsSpan(0, 8).SequenceEqual(SnapshotLayout.Magic))
        {
            throw Error(SnapshotProblem.BadMagic, "header", "is not a GlocalNetworks snapshot: it does not start with the snapshot magic bytes 89 47 4C 4E 53 0D 0A 1A.");
        }

        if (got < header.Length)
        {
            throw Error(SnapshotProblem.Truncated, "header",
                $"is truncated: it has {N(got)} byte(s), fewer than the {SnapshotLayout.HeaderSize}-byte snapshot header.");
        }

        // Bytes 0..47 keep this layout in every format version: magic, version, ..., header checksum at 40.
        var headerSum = ReadUInt64LittleEndian(header.AsSpan(40));
        var actualSum = XxHash64.HashToUInt64(header.AsSpan(0, 40));
        if (headerSum != actualSum)
        {
            throw Error(SnapshotProblem.ChecksumMismatch, "header",
                $"is corrupt: the header checksum is {Hex(headerSum)} but its bytes hash to {Hex(actualSum)}.");
        }

        var version = ReadUInt32LittleEndian(header.AsSpan(8));
        if (version > GlocalNetworkSnapshot.FormatVersion)
        {
            throw Error(SnapshotProblem.NewerVersion, "header",
                $"has snapshot format version {version.ToString(CultureInfo.InvariantCulture)}, newer than version {GlocalNetworkSnapshot.FormatVersion.ToString(CultureInfo.InvariantCulture)} that this GlocalNetworks reads; update GlocalNetworks to load it.");
        }

        if (version == 0 || ReadUInt32LittleEndian(header.AsSpan(12)) != SnapshotLayout.HeaderSize || ReadUInt32LittleEndian(header.AsSpan(20)) != 0
            || header.AsSpan(48).IndexOfAnyExcept((byte)0) >= 0)
        {
            throw Error(SnapshotProblem.Invalid, "header", "is not a valid snapshot: its version is 0, its header size is not 64 bytes, or a reserved header byte is not zero.");
        }

        var count = ReadUInt32LittleEndian(header.AsSpan(16));
        var fileLength = ReadInt64LittleEndian(header.AsSpan(24));
        var tableSum = ReadUInt64LittleEndian(header.AsSpan(32));
        if (count == 0 || count > SnapshotLayout.MaxSections || fileLength < SnapshotLayout.HeaderSize + (count * SnapshotLayout.EntrySize))
        {
            throw Error(SnapshotProblem.Invalid, "header",
                $"is not a valid snapshot: it declares {N(count)} section(s) and a length of {N(fileLength)} bytes.");
        }

        var table = new byte[count * SnapshotLayout.EntrySize];
        ReadExactly(table, "section table");
        var tableActual = SnapshotLayout.Checksum<byte>(table);
        if (tableActual != tableSum)
        {
            throw Error(SnapshotProblem.ChecksumMismatch, "section table",
                $"is corrupt: the section table checksum is {Hex(tableSum)} but its bytes hash to {Hex(tableActual)}.");
        }

        var entries = new SnapshotLayout.Entry[count];
        var seen = new HashSet<uint>();
        long previousEnd = SnapshotLayout.HeaderSize + table.Length;
        for (var i = 0; i < entries.Length; i++)
        {
            var e = SnapshotLayout.Entry.Read(table.AsSpan(i * SnapshotLayout.EntrySize));
            var name = SnapshotLayout.Name(e.Id);
            if (e.Offset < 0 || e.Length < 0 || e.Offset > fileLength || e.Length > fileLength - e.Offset)
            {
                throw Error(SnapshotProblem.SectionOutOfBounds, name,
                    $"has section '{name}' at bytes {N(e.Offset)}..{N(e.Offset + e.Length)}, beyond the end of the file ({N(fileLength)} bytes).");
            }

            if (e.Offset < previousEnd || !seen.Add(e.Id) || e.ElementSize != SnapshotLayout.ElementSize(e.Id)
                || (e.ElementSize > 0 && e.Length % e.ElementSize != 0) || !Enum.IsDefined((SnapshotLayout.Id)e.Id))
            {
                throw Error(SnapshotProblem.Invalid, name, $"is not a valid snapshot: section '{name}' overlaps another, repeats, or has a wrong element size.");
            }

            previousEnd = e.Offset + e.Length;
            entries[i] = e;
        }

        if (_actualLength is { } actual && actual < fileLength)
        {
            var cut = System.Array.Find(entries, e => e.Offset + e.Length > actual);
            var section = cut.Length > 0 || cut.Offset > 0 ? SnapshotLayout.Name(cut.Id) : "padding";
            throw Error(SnapshotProblem.Truncated, section,
                $"is truncated: it has {N(actual)} bytes but its header records {N(fileLength)}; section '{section}' is cut off.");
        }

        if (_actualLength is { } longer && longer > fileLength)
        {
            throw Error(SnapshotProblem.Invalid, "header",
                $"is not a valid snapshot: it has {N(longer)} bytes but its header records {N(fileLength)}.");
        }

        var sections = new Sections(this, entries);
        var network = Build(sections, classifier);
        SkipTo(fileLength, "end of file");
        return network;
    }

    private void SkipTo(long offset, string what)
    {
        var gap = offset - _position;
        if (gap <= 0)
        {
            return;
        }

        var scratch = new byte[(int)Math.Min(gap, 1 << 16)];
        while (gap > 0)
        {
            var n = (int)Math.Min(gap, scratch.Length);
            ReadExactly(scratch.AsSpan(0, n), what);
            if (scratch.AsSpan(0, n).IndexOfAnyExcept((byte)0) is var k and >= 0)
            {
                throw Error(SnapshotProblem.Invalid, what,
                    $"is corrupt: padding byte {N(_position - n + k)} before '{what}' is not zero.");
            }

            gap -= n;
        }
    }

    /// <summary>Reads sections in file order (the stream need not seek).</summary>
    private sealed class Sections(SnapshotReader reader, SnapshotLayout.Entry[] entries)
    {
        private int _next;

        public SnapshotLayout.Entry Next(SnapshotLayout.Id expected)
        {
            if (_next >= entries.Length || entries[_next].Id != (uint)expected)
            {
                throw reader.Error(SnapshotProblem.Invalid, SnapshotLayout.Name((uint)expected),
                    $"is not a valid snapshot: section '{SnapshotLayout.Name((uint)expected)}' is missing or out of order.");
            }

            var e = entries[_next++];
            reader.SkipTo(e.Offset, SnapshotLayout.Name(e.Id));
            return e;
        }
    }

    private byte[] Bytes(Sections sections, SnapshotLayout.Id id)
    {
        var e = sections.Next(id);
        if (e.Length > System.Array.MaxLength)
        {
            throw Error(SnapshotProblem.Invalid, SnapshotLayout.Name(e.Id), "is not a valid snapshot: a record section is larger than 2 GB.");
        }

        var b = new byte[e.Length];
        ReadExactly(b, SnapshotLayout.Name(e.Id));
        Verify(e, SnapshotLayout.Checksum<byte>(b));
        return b;
    }

    private T[] ReadArray<T>(Sections sections, SnapshotLayout.Id id, int expectedCount)
        where T : struct
    {
        var e = sections.Next(id);
        var name = SnapshotLayout.Name(e.Id);
        if (e.Length != (long)expectedCount * e.ElementSize)
        {
            throw Error(SnapshotProblem.Invalid, name,
                $"is not a valid snapshot: section '{name}' has {N(e.Length / Math.Max(1, e.ElementSize))} value(s) but the network has {N(expectedCount)} link(s).");
        }

        var a = new T[expectedCount];
        const int slice = 1 << 24;
        for (var at = 0; at < a.Length; at += slice)
        {
            ReadExactly(MemoryMarshal.AsBytes(a.AsSpan(at, Math.Min(slice, a.Length - at))), name);
        }

        Verify(e, SnapshotLayout.Checksum<T>(a));
        return a;
    }

    private void Verify(SnapshotLayout.Entry e, ulong actual)
    {
        if (actual != e.Checksum)
        {
            var name = SnapshotLayout.Name(e.Id);
            throw Error(SnapshotProblem.ChecksumMismatch, name,
                $"is corrupt: section '{name}' has checksum {Hex(e.Checksum)} but its bytes hash to {Hex(actual)}.");
        }
    }

    private static BinaryReader Reader(byte[] bytes) => new(new MemoryStream(bytes, writable: false), new UTF8Encoding(false, true));

    /// <summary>Decodes a record section; any decoding failure is an <see cref="SnapshotProblem.Invalid"/> error naming it.</summary>
    private T Decode<T>(byte[] bytes, SnapshotLayout.Id id, Func<BinaryReader, T> read)
    {
        try
        {
            using var r = Reader(bytes);
            var value = read(r);
            if (r.BaseStream.Position != bytes.Length)
            {
                throw new FormatException("bytes are left over after the last record");
            }

            return value;
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or ArgumentException or OverflowException or DecoderFallbackException
            or GlocalDataException and not SnapshotFormatException)
        {
            throw Error(SnapshotProblem.Invalid, SnapshotLayout.Name((uint)id),
                $"is not a valid snapshot: section '{SnapshotLayout.Name((uint)id)}' cannot be decoded ({ex.Message}).", ex);
        }
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position)
        {
            throw new FormatException("a count is negative or larger than the bytes left");
        }

        return n;
    }

    private static string? Optional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static GeoPoint? Point(BinaryReader r) => r.ReadBoolean() ? new GeoPoint(r.ReadDouble(), r.ReadDouble()) : null;

    private sealed record Meta(int Innovators, int Links, int Regions, RegionLadder Ladder, IScaleClassifier? Classifier, string ClassifierName);

    private static Meta ReadMeta(BinaryReader r)
    {
        var n = r.ReadInt32();
        var m = r.ReadInt32();
        var regions = r.ReadInt32();
        if (n < 0 || m < 0 || regions < 1)
        {
            throw new FormatException("a count is negative");
        }

        var name = r.ReadString();
        var levels = Count(r);
        var names = new string[levels];
        var scales = new Scale[levels];
        for (var i = 0; i < levels; i++)
        {
            names[i] = r.ReadString();
            scales[i] = (Scale)r.ReadByte();
        }

        var ladder = KnownLadder(name, names, scales) ?? RegionLadder.Create(name, names, scales);
        var kind = r.ReadString();
        IScaleClassifier? classifier = kind switch
        {
            GlocalNetworkSnapshot.LcaClassifier => LcaScaleClassifier.Instance,
            GlocalNetworkSnapshot.DistanceClassifier => new DistanceScaleClassifier(new DistanceThresholds
            {
                LocalKm = r.ReadDouble(),
                RegionalKm = r.ReadDouble(),
                NationalKm = r.ReadDouble(),
                SupranationalKm = r.ReadDouble(),
            }),
            GlocalNetworkSnapshot.CustomClassifier => null,
            _ => throw new FormatException($"unknown classifier kind '{kind}'"),
        };
        var classifierName = classifier is null ? r.ReadString() : kind;
        return new Meta(n, m, regions, ladder, classifier, classifierName);
    }

    private static RegionLadder? KnownLadder(string name, string[] names, Scale[] scales)
    {
        foreach (var l in (RegionLadder[])[RegionLadder.Default, RegionLadder.Eu, RegionLadder.China, RegionLadder.Us])
        {
            if (l.Name != name || l.Levels.Count != names.Length)
            {
                continue;
            }

            var same = true;
            for (var i = 0; i < names.Length && same; i++)
            {
                same = l.Levels[i].Name == names[i] && l.ScaleOf(l.Levels[i]) == scales[i];
            }

            if (same)
            {
                return l;
            }
        }

        return null;
    }

    private static RegionTree ReadRegions(BinaryReader r, RegionLadder ladder, int expectedCount)
    {
        var implicitRoot = r.ReadBoolean();
        var n = Count(r);
        var list = new List<Region>(Math.Min(n, 1 << 16));
        for (var i = 0; i < n; i++)
        {
            var id = r.ReadString();
            var name = r.ReadString();
            var level = ladder.GetLevel(r.ReadString());
            list.Add(new Region(id, name, level, Optional(r), Point(r)));
        }

        var tree = RegionTree.Build(list, ladder);
        if (tree.Count != expectedCount || (tree.Root.Id == RegionTree.ImplicitRootId) != implicitRoot)
        {
            throw new FormatException("the rebuilt region tree differs from the one saved");
        }

        return tree;
    }

    private static List<Innovator> ReadInnovators(BinaryReader r, int expectedCount)
    {
        var n = Count(r);
        if (n != expectedCount)
        {
            throw new FormatException("the innovator count differs from the header's");
        }

        var list = new List<Innovator>(n);
        for (var i = 0; i < n; i++)
        {
            var id = r.ReadString();
            var name = r.ReadString();
            var kind = (InnovatorKind)r.ReadByte();
            if (kind > InnovatorKind.RegionAggregate)
            {
                throw new FormatException("an innovator kind is undefined");
            }

            var region = r.ReadString();
            var location = Point(r);
            var attributes = Count(r);
            Dictionary<string, string>? attrs = null;
            for (var k = 0; k < attributes; k++)
            {
                attrs ??= new Dictionary<string, string>(StringComparer.Ordinal);
                attrs.Add(r.ReadString(), r.ReadString());
            }

            list.Add(new Innovator(id, name, kind, region, location, attrs is null ? null : new ReadOnlyDictionary<string, string>(attrs)));
        }

        return list;
    }

    private static Organiser[] ReadOrganisers(BinaryReader r)
    {
        var n = Count(r);
        var list = new List<Organiser>();
        for (var i = 0; i < n; i++)
        {
            var id = r.ReadString();
            var name = r.ReadString();
            var region = r.ReadString();
            var k = Count(r);
            var members = new List<string>();
            for (var j = 0; j < k; j++)
            {
                members.Add(r.ReadString());
            }

            list.Add(new Organiser(id, name, region, members.AsReadOnly()));
        }

        return list.ToArray();
    }

    private GlocalNetwork Build(Sections sections, IScaleClassifier? classifier)
    {
        var meta = Decode(Bytes(sections, SnapshotLayout.Id.Meta), SnapshotLayout.Id.Meta, ReadMeta);
        var tree = Decode(Bytes(sections, SnapshotLayout.Id.Regions), SnapshotLayout.Id.Regions, r => ReadRegions(r, meta.Ladder, meta.Regions));
        var innovators = Decode(Bytes(sections, SnapshotLayout.Id.Innovators), SnapshotLayout.Id.Innovators,
            r => NetworkAssembly.CreateInnovatorTable(ReadInnovators(r, meta.Innovators), tree, null, null));
        var organisers = Decode(Bytes(sections, SnapshotLayout.Id.Organisers), SnapshotLayout.Id.Organisers, ReadOrganisers);
        var m = meta.Links;
        var n = innovators.Count;
        var src = ReadArray<int>(sections, SnapshotLayout.Id.LinkSource, m);
        CheckIndices(src, n, SnapshotLayout.Id.LinkSource);
        var dst = ReadArray<int>(sections, SnapshotLayout.Id.LinkTarget, m);
        CheckIndices(dst, n, SnapshotLayout.Id.LinkTarget);
        var weight = ReadArray<double>(sections, SnapshotLayout.Id.LinkWeight, m);
        foreach (var w in weight)
        {
            if (!(w > 0 && double.IsFinite(w)))
            {
                throw Invalid(SnapshotLayout.Id.LinkWeight, "a weight is not finite and > 0");
            }
        }

        var kind = ReadArray<LinkKind>(sections, SnapshotLayout.Id.LinkKind, m);
        CheckBytes(MemoryMarshal.AsBytes(kind.AsSpan()), (byte)LinkKind.Other, SnapshotLayout.Id.LinkKind);
        var year = ReadArray<int>(sections, SnapshotLayout.Id.LinkYear, m);
        CheckYears(year);
        var end = ReadArray<int>(sections, SnapshotLayout.Id.LinkEndYear, m);
        var date = ReadArray<int>(sections, SnapshotLayout.Id.LinkDate, m);
        for (var i = 0; i < m; i++)
        {
            if ((end[i] != LinkTable.NoYear && (year[i] == LinkTable.NoYear || end[i] < year[i])) || date[i] < -1 || date[i] > DateOnly.MaxValue.DayNumber)
            {
                throw Invalid(SnapshotLayout.Id.LinkEndYear, "an end year or date breaks the link rules");
            }
        }

        var directed = ReadArray<bool>(sections, SnapshotLayout.Id.LinkDirected, m);
        CheckBytes(MemoryMarshal.AsBytes(directed.AsSpan()), 1, SnapshotLayout.Id.LinkDirected);
        var scales = ReadArray<Scale>(sections, SnapshotLayout.Id.LinkScale, m);
        CheckBytes(MemoryMarshal.AsBytes(scales.AsSpan()), (byte)Scale.Global, SnapshotLayout.Id.LinkScale);
        var limited = ReadArray<bool>(sections, SnapshotLayout.Id.LinkResolutionLimited, m);
        CheckBytes(MemoryMarshal.AsBytes(limited.AsSpan()), 1, SnapshotLayout.Id.LinkResolutionLimited);
        var c = classifier ?? meta.Classifier ?? throw new ArgumentException(
            $"The snapshot was saved with the custom scale classifier '{meta.ClassifierName}'; pass an instance of it to GlocalNetworkSnapshot.Load.", nameof(classifier));
        var columns = new LinkColumns(src, dst, weight, kind, year, end, date, directed);
        return new GlocalNetwork(tree, innovators, new LinkTable(columns, 0, m), scales, limited, organisers, c);
    }

    private SnapshotFormatException Invalid(SnapshotLayout.Id id, string what) =>
        Error(SnapshotProblem.Invalid, SnapshotLayout.Name((uint)id), $"is not a valid snapshot: in section '{SnapshotLayout.Name((uint)id)}', {what}.");

    private void CheckIndices(int[] values, int n, SnapshotLayout.Id id)
    {
        foreach (var v in values)
        {
            if ((uint)v >= (uint)n)
            {
                throw Invalid(id, $"innovator index {N(v)} is outside 0..{N(n - 1)}");
            }
        }
    }

    private void CheckBytes(ReadOnlySpan<byte> values, byte max, SnapshotLayout.Id id)
    {
        foreach (var v in values)
        {
            if (v > max)
            {
                throw Invalid(id, $"value {N(v)} is above {N(max)}");
            }
        }
    }

    private void CheckYears(int[] year)
    {
        var previous = int.MinValue;
        foreach (var y in year)
        {
            if (y < previous)
            {
                throw Invalid(SnapshotLayout.Id.LinkYear, "the years are not sorted with undated links first");
            }

            previous = y;
        }
    }
}
