using System.Collections.Generic;
using GlocalNetworks.Model;

namespace GlocalNetworks.Tests.Model;

/// <summary>Tests of <see cref="GlocalNetwork"/> snapshots on <see cref="TestUtils.TinyNetworks.Mixed"/>; facets in partial files.</summary>
public sealed partial class GlocalNetworkTests
{
    private static List<(int Source, int Target, int? Year)> Rows(GlocalNetwork net)
    {
        var rows = new List<(int, int, int?)>();
        foreach (var l in net.Links)
        {
            rows.Add((l.Source, l.Target, l.Year));
        }

        return rows;
    }
}
