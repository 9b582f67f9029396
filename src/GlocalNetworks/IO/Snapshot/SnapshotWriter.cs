using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using GlocalNetworks.Model;
using GlocalNetworks.Scales;

namespace GlocalNetworks.IO.Snapshot;

/// <summary>Writes a network as a snapshot (format version <see cref="GlocalNetworkSnapshot.FormatVersion"/>).</summary>
internal static class SnapshotWriter
{
    /// <summary>A section's payload: record sections are encoded to bytes first; numeric sections are array ranges written as they are.</summary>
    private abstract class Payload
    {
        public abstract uint Id { get; }

        public abstract long Length { get; }

        public abstract ulong Checksum();

        public abstract void WriteTo(Stream stream);
    }

    private sealed class BytesPayload(uint id, byte[] bytes) : Payload
    {
        public override uint Id => id;

        public override long Length => bytes.Length;

        public override ulong Checksum() => SnapshotLayout.Checksum<byte>(bytes);

        public override void WriteTo(Stream stream) => stream.Write(bytes);
    }

    private sealed class ArrayPayload<T>(uint id, T[] array, int start, int count) : Payload
        where T : struct
    {
        public override uint Id => id;

        public override long Length => (long)count * SnapshotLayout.ElementSize(id);

        public override ulong Checksum() => SnapshotLayout.Checksum<T>(array.AsSpan(start, count));

        public override void WriteTo(Stream stream)
        {
            const int slice = 1 << 24;
            for (var at = 0; at < count; at += slice)
            {
                stream.Write(MemoryMarshal.AsBytes(array.AsSpan(start + at, Math.Min(slice, count - at))));
            }
        }
    }

    public static void Write(GlocalNetwork network, Stream stream)
    {
        GlocalNetworkSnapshot.EnsureLittleEndian();
        var links = network.Links;
        var c = links.Columns;
        var s = links.Start;
        var m = links.Count;
        var scales = network.LinkScales.ToArray();
        var limited = network.LinkResolutionLimited.ToArray();
        var payloads = new List<Payload>
        {
            new BytesPayload((uint)SnapshotLayout.Id.Meta, Meta(network)),
            new BytesPayload((uint)SnapshotLayout.Id.Regions, Regions(network.Regions)),
            new BytesPayload((uint)SnapshotLayout.Id.Innovators, Innovators(network.Innovators)),
            new BytesPayload((uint)SnapshotLayout.Id.Organisers, Organisers(network.Organisers)),
            new ArrayPayload<int>((uint)SnapshotLayout.Id.LinkSource, c.Source, s, m),
            new ArrayPayload<int>((uint)SnapshotLayout.Id.LinkTarget, c.Target, s, m),
            new ArrayPayload<double>((uint)SnapshotLayout.Id.LinkWeight, c.Weight, s, m),
            new ArrayPayload<LinkKind>((uint)SnapshotLayout.Id.LinkKind, c.Kind, s, m),
            new ArrayPayload<int>((uint)SnapshotLayout.Id.LinkYear, c.Year, s, m),
            new ArrayPayload<int>((uint)SnapshotLayout.Id.LinkEndYear, c.EndYear, s, m),
            new ArrayPayload<int>((uint)SnapshotLayout.Id.LinkDate, c.Date, s, m),
            new ArrayPayload<bool>((uint)SnapshotLayout.Id.LinkDirected, c.Directed, s, m),
            new ArrayPayload<Scale>((uint)SnapshotLayout.Id.LinkScale, scales, 0, m),
            new ArrayPayload<bool>((uint)SnapshotLayout.Id.LinkResolutionLimited, limited, 0, m),
        };

        var table = new byte[payloads.Count * SnapshotLayout.EntrySize];
        var offsets = new long[payloads.Count];
        var offset = SnapshotLayout.Align(SnapshotLayout.HeaderSize + table.Length);
        for (var i = 0; i < payloads.Count; i++)
        {
            var p = payloads[i];
            offsets[i] = offset;
            new SnapshotLayout.Entry(p.Id, (uint)SnapshotLayout.ElementSize(p.Id), offset, p.Length, p.Checksum())
                .Write(table.AsSpan(i * SnapshotLayout.EntrySize));
            offset = SnapshotLayout.Align(offset + p.Length);
        }

        var fileLength = offset;
        Span<byte> header = stackalloc byte[SnapshotLayout.HeaderSize];
        SnapshotLayout.WriteHeader(header, GlocalNetworkSnapshot.FormatVersion, payloads.Count, fileLength, SnapshotLayout.Checksum<byte>(table));
        stream.Write(header);
        stream.Write(table);
        long at = SnapshotLayout.HeaderSize + table.Length;
        Span<byte> zeros = stackalloc byte[SnapshotLayout.Alignment];
        zeros.Clear();
        for (var i = 0; i < payloads.Count; i++)
        {
            stream.Write(zeros[..(int)(offsets[i] - at)]);
            payloads[i].WriteTo(stream);
            at = offsets[i] + payloads[i].Length;
        }

        stream.Write(zeros[..(int)(fileLength - at)]);
    }

    private static BinaryWriter Writer(MemoryStream ms) => new(ms, new UTF8Encoding(false, true), leaveOpen: true);

    private static byte[] Meta(GlocalNetwork network)
    {
        using var ms = new MemoryStream();
        using (var w = Writer(ms))
        {
            w.Write(network.Innovators.Count);
            w.Write(network.Links.Count);
            w.Write(network.Regions.Count);
            var ladder = network.Ladder;
            w.Write(ladder.Name);
            w.Write(ladder.Levels.Count);
            for (var i = 0; i < ladder.Levels.Count; i++)
            {
                w.Write(ladder.Levels[i].Name);
                w.Write((byte)ladder.ScaleOf(ladder.Levels[i]));
            }

            switch (network.Classifier)
            {
                case LcaScaleClassifier:
                    w.Write(GlocalNetworkSnapshot.LcaClassifier);
                    break;
                case DistanceScaleClassifier d:
                    w.Write(GlocalNetworkSnapshot.DistanceClassifier);
                    w.Write(d.Thresholds.LocalKm);
                    w.Write(d.Thresholds.RegionalKm);
                    w.Write(d.Thresholds.NationalKm);
                    w.Write(d.Thresholds.SupranationalKm);
                    break;
                default:
                    w.Write(GlocalNetworkSnapshot.CustomClassifier);
                    w.Write(network.Classifier.GetType().FullName ?? network.Classifier.GetType().Name);
                    break;
            }
        }

        return ms.ToArray();
    }

    private static void WriteOptional(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null)
        {
            w.Write(s);
        }
    }

    private static void WritePoint(BinaryWriter w, GeoPoint? p)
    {
        w.Write(p.HasValue);
        if (p is { } g)
        {
            w.Write(g.Latitude);
            w.Write(g.Longitude);
        }
    }

    private static byte[] Regions(RegionTree tree)
    {
        using var ms = new MemoryStream();
        using (var w = Writer(ms))
        {
            // The implicit root is added again by RegionTree.Build; it is always the last region.
            var implicitRoot = tree.Root.Id == RegionTree.ImplicitRootId;
            var count = implicitRoot ? tree.Count - 1 : tree.Count;
            w.Write(implicitRoot);
            w.Write(count);
            for (var i = 0; i < count; i++)
            {
                var r = tree[i];
                w.Write(r.Id);
                w.Write(r.Name);
                w.Write(r.Level.Name);
                WriteOptional(w, r.ParentId);
                WritePoint(w, r.Centroid);
            }
        }

        return ms.ToArray();
    }

    private static byte[] Innovators(InnovatorTable table)
    {
        using var ms = new MemoryStream();
        using (var w = Writer(ms))
        {
            w.Write(table.Count);
            for (var i = 0; i < table.Count; i++)
            {
                var inn = table[i];
                w.Write(inn.Id);
                w.Write(inn.Name);
                w.Write((byte)inn.Kind);
                w.Write(inn.RegionId);
                WritePoint(w, inn.Location);
                w.Write(inn.Attributes.Count);
                foreach (var kv in inn.Attributes)
                {
                    w.Write(kv.Key);
                    w.Write(kv.Value);
                }
            }
        }

        return ms.ToArray();
    }

    private static byte[] Organisers(IReadOnlyList<Organiser> organisers)
    {
        using var ms = new MemoryStream();
        using (var w = Writer(ms))
        {
            w.Write(organisers.Count);
            foreach (var o in organisers)
            {
                w.Write(o.Id);
                w.Write(o.Name);
                w.Write(o.RegionId);
                w.Write(o.MemberIds.Count);
                foreach (var id in o.MemberIds)
                {
                    w.Write(id);
                }
            }
        }

        return ms.ToArray();
    }
}
