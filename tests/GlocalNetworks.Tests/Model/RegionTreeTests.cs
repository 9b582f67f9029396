using GlocalNetworks.Model;

namespace GlocalNetworks.Tests.Model;

/// <summary>Tests of <see cref="RegionTree"/>; facets in partial files (Validation, Root, Lca).</summary>
public sealed partial class RegionTreeTests
{
    private const string RegionsFile = "/data/input/regions.csv";

    private static Region R(string id, string level, string? parent) =>
        new(id, id, RegionLadder.Default.GetLevel(level), parent);
}
