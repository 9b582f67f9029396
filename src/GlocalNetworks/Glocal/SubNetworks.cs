using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using GlocalNetworks.Model;

namespace GlocalNetworks.Glocal;

/// <summary>Subnetworks that share their parent's region tree, classifier and innovator records: one region's induced
/// network (with or without its boundary), or every region's at a level in one O(n + m) pass.</summary>
internal static class SubNetworks
{
    /// <summary>
    /// The network of the given innovators (ascending indices into <paramref name="network"/>) and links (ascending link
    /// positions), keeping every innovator's record (boundary ones marked with <see cref="RegionNetwork.BoundaryAttribute"/>)
    /// and every link's kind, weight, years, date and direction. Organisers keep the members present; those left without
    /// members are dropped.
    /// </summary>
    /// <param name="network">The parent network.</param>
    /// <param name="innovators">The innovators kept, ascending.</param>
    /// <param name="boundary">Whether each kept innovator is a boundary innovator (parallel to <paramref name="innovators"/>), or
    /// <see langword="null"/> for none.</param>
    /// <param name="links">The link positions kept, whose two ends are among <paramref name="innovators"/>.</param>
    /// <param name="map">Scratch of length n (the parent's innovator count); the entries of the kept innovators are
    /// overwritten. Disjoint calls may share it concurrently.</param>
    /// <returns>The subnetwork.</returns>
    public static GlocalNetwork Build(GlocalNetwork network, ReadOnlySpan<int> innovators, ReadOnlySpan<bool> boundary, ReadOnlySpan<int> links, int[] map)
    {
        var list = new Innovator[innovators.Length];
        for (var k = 0; k < list.Length; k++)
        {
            var i = innovators[k];
            map[i] = k;
            var inn = network.Innovators[i];
            list[k] = boundary.Length > 0 && boundary[k] ? MarkBoundary(inn) : inn;
        }

        var table = NetworkAssembly.CreateInnovatorTable(list, network.Regions, null, null);
        var cols = new LinkColumnsBuilder();
        var all = network.Links;
        foreach (var l in links)
        {
            var kl = all[l];
            cols.Add(map[kl.Source], map[kl.Target], kl.Weight, kl.Kind, kl.Year, kl.EndYear, kl.Date, kl.Directed);
        }

        var organisers = new List<Organiser>();
        foreach (var o in network.Organisers)
        {
            var members = new List<string>();
            foreach (var id in o.MemberIds)
            {
                if (table.Contains(id))
                {
                    members.Add(id);
                }
            }

            if (members.Count > 0)
            {
                organisers.Add(o with { MemberIds = members.AsReadOnly() });
            }
        }

        return NetworkAssembly.Assemble(network.Regions, table, cols, organisers, network.Classifier);
    }

    /// <summary>Every group's induced subnetwork: its innovators (in index order) and the links whose two ends are in it.
    /// O(n + m) in all (two counting sorts), plus the cost of assembling each subnetwork.</summary>
    /// <param name="network">The network.</param>
    /// <param name="groups">The partition (ungrouped innovators belong to none).</param>
    /// <param name="members">Each group's innovator indices, ascending (the subnetwork's innovator k is members[g][k]).</param>
    /// <returns>The groups' link positions, by group (ascending); build each subnetwork with <see cref="Build"/>.</returns>
    public static int[][] Split(GlocalNetwork network, InnovatorGroups groups, out int[][] members)
    {
        var r = groups.Count;
        var g = groups.GroupOf;
        members = Bucket(g, r);
        var src = network.Links.Sources;
        var dst = network.Links.Targets;
        var linkGroup = new int[src.Length];
        for (var l = 0; l < linkGroup.Length; l++)
        {
            var a = g[src[l]];
            linkGroup[l] = a >= 0 && a == g[dst[l]] ? a : -1;
        }

        return Bucket(linkGroup, r);
    }

    private static int[][] Bucket(ReadOnlySpan<int> key, int r)
    {
        var counts = new int[r];
        foreach (var k in key)
        {
            if (k >= 0)
            {
                counts[k]++;
            }
        }

        var buckets = new int[r][];
        for (var q = 0; q < r; q++)
        {
            buckets[q] = new int[counts[q]];
            counts[q] = 0;
        }

        for (var i = 0; i < key.Length; i++)
        {
            var k = key[i];
            if (k >= 0)
            {
                buckets[k][counts[k]++] = i;
            }
        }

        return buckets;
    }

    private static Innovator MarkBoundary(Innovator inn)
    {
        var attrs = new Dictionary<string, string>(inn.Attributes, StringComparer.Ordinal)
        {
            [RegionNetwork.BoundaryAttribute] = "true",
        };
        return inn with { Attributes = new ReadOnlyDictionary<string, string>(attrs) };
    }
}
