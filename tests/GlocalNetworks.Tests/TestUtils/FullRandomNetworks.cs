using System.Collections.Generic;
using GlocalNetworks.Model;

namespace GlocalNetworks.Tests.TestUtils;

/// <summary>Random networks with every link field (weights, kinds, end years, directions) and innovator kinds, for
/// round-trip and equivalence properties.</summary>
public static class FullRandomNetworks
{
    /// <summary>A random network with every link field: <see cref="RandomNetworks.Network"/> plus weights, kinds, end years
    /// and directions drawn from the same seed.</summary>
    public sealed record FullSpec(NetworkSpec Spec, double[] Weights, LinkKind[] Kinds, int?[] EndYears, bool[] Directed, InnovatorKind[] InnovatorKinds);

    public static FullSpec Spec(int seed)
    {
        var spec = RandomNetworks.Network(seed);
        var rng = new TestRandom(unchecked((ulong)seed * 31 + 7));
        var m = spec.Links.Count;
        var w = new double[m];
        var k = new LinkKind[m];
        var e = new int?[m];
        var d = new bool[m];
        for (var i = 0; i < m; i++)
        {
            w[i] = rng.Chance(0.5) ? 1.0 : rng.Next(1, 40) / 8.0;
            k[i] = (LinkKind)rng.Next(0, 7);
            e[i] = spec.LinkYears[i] is { } y && rng.Chance(0.3) ? y + rng.Next(0, 3) : null;
            d[i] = rng.Chance(0.25);
        }

        var ik = new InnovatorKind[spec.InnovatorIds.Count];
        for (var i = 0; i < ik.Length; i++)
        {
            ik[i] = (InnovatorKind)rng.Next(0, 5);
        }

        return new FullSpec(spec, w, k, e, d, ik);
    }

    public static GlocalNetwork Reference(FullSpec f)
    {
        var s = f.Spec;
        var b = GlocalNetwork.CreateBuilder();
        foreach (var r in s.Regions)
        {
            b.AddRegion(r.Id, r.Name, r.Level.Name, r.ParentId, r.Centroid);
        }

        for (var i = 0; i < s.InnovatorIds.Count; i++)
        {
            b.AddInnovator(s.InnovatorIds[i], s.InnovatorIds[i], f.InnovatorKinds[i], s.InnovatorRegions[i]);
        }

        for (var i = 0; i < s.Links.Count; i++)
        {
            var (a, t) = s.Links[i];
            b.AddLink(s.InnovatorIds[a], s.InnovatorIds[t], f.Kinds[i], f.Weights[i], s.LinkYears[i], f.Directed[i], f.EndYears[i]);
        }

        return b.Build();
    }

    /// <summary>The reference network with organisers, innovator attributes and locations added.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>The network.</returns>
    public static GlocalNetwork Rich(int seed)
    {
        var f = Spec(seed);
        var s = f.Spec;
        var rng = new TestRandom(unchecked((ulong)seed * 977 + 3));
        var b = GlocalNetwork.CreateBuilder();
        foreach (var r in s.Regions)
        {
            b.AddRegion(r.Id, "region " + r.Id + " é", r.Level.Name, r.ParentId, rng.Chance(0.5) ? new GeoPoint(rng.Next(-90, 90), rng.Next(-180, 180)) : null);
        }

        for (var i = 0; i < s.InnovatorIds.Count; i++)
        {
            Dictionary<string, string>? attrs = rng.Chance(0.5) ? new() { ["field"] = "F" + rng.Next(0, 3), ["名"] = "値" } : null;
            b.AddInnovator(s.InnovatorIds[i], "Innovator " + i, f.InnovatorKinds[i], s.InnovatorRegions[i],
                rng.Chance(0.5) ? new GeoPoint(rng.Next(-89, 89) + 0.25, rng.Next(-179, 179) + 0.5) : null, attrs);
        }

        for (var i = 0; i < s.Links.Count; i++)
        {
            var (a, t) = s.Links[i];
            b.AddLink(s.InnovatorIds[a], s.InnovatorIds[t], f.Kinds[i], f.Weights[i], s.LinkYears[i], f.Directed[i], f.EndYears[i],
                s.LinkYears[i] is { } y && rng.Chance(0.3) ? new System.DateOnly(y, 3, 1) : null);
        }

        if (rng.Chance(0.5))
        {
            b.AddOrganiser("O1", "Organiser", s.Regions[0].Id, [s.InnovatorIds[0], s.InnovatorIds[1]]);
        }

        return b.Build();
    }
}
