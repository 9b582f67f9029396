using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using FsCheck.Xunit;
using GlocalNetworks.Data;
using GlocalNetworks.IO.Snapshot;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.IO.Snapshot;

public sealed class GlocalNetworkSnapshotTests
{
    private static byte[] Bytes(GlocalNetwork net)
    {
        using var ms = new MemoryStream();
        net.Save(ms);
        return ms.ToArray();
    }

    private static GlocalNetwork FromBytes(byte[] bytes) => GlocalNetworkSnapshot.Load(new MemoryStream(bytes), "net.glsnap");

    private static readonly Lazy<byte[]> Sample = new(() => Bytes(FullRandomNetworks.Rich(12345)));

    [Property(MaxTest = 150)]
    public void SaveLoad_RandomNetworks_RoundTripExactly(int seed)
    {
        var net = FullRandomNetworks.Rich(seed);

        NetworkAssert.Equal(net, FromBytes(Bytes(net)));
    }

    [Fact]
    public void SaveLoad_DefaultFp7DataSet_RoundTripsThroughAFile()
    {
        var net = DefaultDataSet.Load().Network;
        var path = Path.Combine(Path.GetTempPath(), "glocal-snapshot-" + Guid.NewGuid().ToString("N") + GlocalNetworkSnapshot.Extension);
        try
        {
            net.Save(path);
            var back = GlocalNetworkSnapshot.Load(path);

            NetworkAssert.Equal(net, back);
            Assert.Equal(935, back.Links.Count);
            Assert.Same(RegionLadder.Default, back.Ladder);
            Assert.Same(LcaScaleClassifier.Instance, back.Classifier);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SaveLoad_FullFp7SharedData_RoundTrips()
    {
        var net = CordisFp7.Load(SharedData.Files).Network;

        NetworkAssert.Equal(net, FromBytes(Bytes(net)), compareCsr: false);
    }

    [Fact]
    public void SaveLoad_TimeSlice_SavesOnlyItsLinks()
    {
        var net = FullRandomNetworks.Rich(7);
        var slice = net.Between(2003, 2006);

        var back = FromBytes(Bytes(slice));

        NetworkAssert.Equal(slice, back);
        Assert.Equal(slice.Links.Count, back.Links.Count);
    }

    [Fact]
    public void SaveLoad_DistanceClassifier_IsRestoredWithItsThresholds()
    {
        var tree = RegionTree.Build([new Region("DE", "Germany", RegionLadder.Eu.GetLevel("country"), null)], RegionLadder.Eu);
        var b = GlocalNetwork.CreateBuilder().WithLadder(RegionLadder.Eu).WithClassifier(new DistanceScaleClassifier(new DistanceThresholds { LocalKm = 30 }))
            .AddRegion("DE", "Germany", "country")
            .AddInnovator("a", "A", InnovatorKind.Firm, "DE", TinyNetworks.MunichPoint)
            .AddInnovator("b", "B", InnovatorKind.Firm, "DE", TinyNetworks.BerlinPoint)
            .AddLink("a", "b");
        var net = b.Build();

        var back = FromBytes(Bytes(net));

        Assert.Equal(30, Assert.IsType<DistanceScaleClassifier>(back.Classifier).Thresholds.LocalKm);
        Assert.Same(RegionLadder.Eu, back.Ladder);
        Assert.Equal(tree.Count, back.Regions.Count);
        NetworkAssert.Equal(net, back);
    }

    [Property(MaxTest = 300)]
    public void Load_TruncatedAnywhere_RaisesTruncated(int cut)
    {
        var bytes = Sample.Value;
        var length = (int)((uint)cut % (uint)bytes.Length);

        var ex = Assert.Throws<SnapshotFormatException>(() => FromBytes(bytes[..length]));

        Assert.Equal(SnapshotProblem.Truncated, ex.Problem);
        Assert.StartsWith("net.glsnap: ", ex.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public void Load_TruncatedNonSeekableStream_RaisesTruncated(int cut)
    {
        var bytes = Sample.Value;
        var length = (int)((uint)cut % (uint)bytes.Length);

        var ex = Assert.Throws<SnapshotFormatException>(() => GlocalNetworkSnapshot.Load(new ForwardOnlyStream(bytes[..length])));

        Assert.Equal(SnapshotProblem.Truncated, ex.Problem);
    }

    [Property(MaxTest = 500)]
    public void Load_AnyByteFlipped_RaisesChecksumMismatchOrInvalidOrBadMagic(int position, byte mask)
    {
        var bytes = (byte[])Sample.Value.Clone();
        var at = (int)((uint)position % (uint)bytes.Length);
        bytes[at] ^= mask == 0 ? (byte)1 : mask;

        var ex = Assert.Throws<SnapshotFormatException>(() => FromBytes(bytes));

        Assert.Contains(ex.Problem, new[] { SnapshotProblem.ChecksumMismatch, SnapshotProblem.Invalid, SnapshotProblem.BadMagic });
        Assert.NotNull(ex.Section);
    }

    [Fact]
    public void Load_FlippedWeightByte_NamesTheSection()
    {
        var bytes = (byte[])Sample.Value.Clone();
        var (offset, length) = Section(bytes, 12);
        Assert.True(length > 0);
        bytes[offset + 3] ^= 0x40;

        var ex = Assert.Throws<SnapshotFormatException>(() => FromBytes(bytes));

        Assert.Equal(SnapshotProblem.ChecksumMismatch, ex.Problem);
        Assert.Equal("links.weight", ex.Section);
        Assert.Matches("^net.glsnap: is corrupt: section 'links.weight' has checksum 0x[0-9a-f]{16} but its bytes hash to 0x[0-9a-f]{16}\\.$", ex.Message);
    }

    [Fact]
    public void Load_NewerVersion_NamesBothVersions()
    {
        var bytes = (byte[])Sample.Value.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 7);
        Reseal(bytes);

        var ex = Assert.Throws<SnapshotFormatException>(() => FromBytes(bytes));

        Assert.Equal(SnapshotProblem.NewerVersion, ex.Problem);
        Assert.Equal("net.glsnap: has snapshot format version 7, newer than version 1 that this GlocalNetworks reads; update GlocalNetworks to load it.", ex.Message);
    }

    [Fact]
    public void Load_SectionBeyondTheEnd_NamesTheSection()
    {
        var bytes = (byte[])Sample.Value.Clone();
        var entry = EntryIndex(bytes, 11);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(64 + (entry * 32) + 16), bytes.Length);
        Reseal(bytes);

        var ex = Assert.Throws<SnapshotFormatException>(() => FromBytes(bytes));

        Assert.Equal(SnapshotProblem.SectionOutOfBounds, ex.Problem);
        Assert.Equal("links.target", ex.Section);
        Assert.Contains("beyond the end of the file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidChecksumsButIndexOutOfRange_IsInvalidNotIndexOutOfRange()
    {
        var bytes = (byte[])Sample.Value.Clone();
        var (offset, length) = Section(bytes, 10);
        Assert.True(length > 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), 1_000_000);
        ResealSection(bytes, 10);

        var ex = Assert.Throws<SnapshotFormatException>(() => FromBytes(bytes));

        Assert.Equal(SnapshotProblem.Invalid, ex.Problem);
        Assert.Equal("links.source", ex.Section);
    }

    [Fact]
    public void Load_NotASnapshot_RaisesBadMagic()
    {
        var ex = Assert.Throws<SnapshotFormatException>(() => FromBytes("source,target\na,b\n"u8.ToArray()));

        Assert.Equal(SnapshotProblem.BadMagic, ex.Problem);
    }

    [Fact]
    public void Load_EmptyFile_RaisesTruncated()
    {
        var ex = Assert.Throws<SnapshotFormatException>(() => FromBytes([]));

        Assert.Equal(SnapshotProblem.Truncated, ex.Problem);
        Assert.Equal("net.glsnap: is truncated: it has 0 byte(s), fewer than the 64-byte snapshot header.", ex.Message);
    }

    [Fact]
    public void Save_LayoutIsAlignedAndLittleEndian()
    {
        var bytes = Sample.Value;
        Assert.Equal(bytes.Length, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(0, bytes.Length % 64);
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16));
        Assert.Equal(14u, count);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(0, BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(64 + (i * 32) + 8)) % 64);
        }
    }

    private static int EntryIndex(byte[] bytes, uint id)
    {
        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16));
        for (var i = 0; i < count; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(64 + (i * 32))) == id)
            {
                return i;
            }
        }

        throw new InvalidOperationException("no such section");
    }

    private static (int Offset, int Length) Section(byte[] bytes, uint id)
    {
        var e = 64 + (EntryIndex(bytes, id) * 32);
        return ((int)BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(e + 8)), (int)BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(e + 16)));
    }

    /// <summary>Recomputes a section's checksum, then the table's and the header's, as a crafted file would.</summary>
    private static void ResealSection(byte[] bytes, uint id)
    {
        var (offset, length) = Section(bytes, id);
        var e = 64 + (EntryIndex(bytes, id) * 32);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(e + 24), XxHash64.HashToUInt64(bytes.AsSpan(offset, length)));
        Reseal(bytes);
    }

    /// <summary>Recomputes the table and header checksums.</summary>
    private static void Reseal(byte[] bytes)
    {
        var count = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(32), XxHash64.HashToUInt64(bytes.AsSpan(64, count * 32)));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(40), XxHash64.HashToUInt64(bytes.AsSpan(0, 40)));
    }

    /// <summary>A stream that can only be read forwards (no length, no seeking), like a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
