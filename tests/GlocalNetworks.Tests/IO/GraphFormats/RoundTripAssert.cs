using System.Collections.Generic;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.IO.GraphFormats;

/// <summary>Asserts that a network read back from a file equals the one written.</summary>
internal static class RoundTripAssert
{
    public static void SameNetwork(GlocalNetwork expected, GlocalNetwork actual)
    {
        Assert.Equal(expected.Innovators.Count, actual.Innovators.Count);
        for (var i = 0; i < expected.Innovators.Count; i++)
        {
            var e = expected.Innovators[i];
            var a = actual.Innovators[i];
            Assert.Equal(e.Id, a.Id);
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Kind, a.Kind);
            Assert.Equal(e.RegionId, a.RegionId);
            Assert.Equal(e.Location, a.Location);
            Assert.Equal(Sorted(e.Attributes), Sorted(a.Attributes));
        }

        Assert.Equal(expected.Links.Count, actual.Links.Count);
        for (var i = 0; i < expected.Links.Count; i++)
        {
            var e = expected.Links[i];
            var a = actual.Links[i];
            Assert.Equal(expected.Innovators.IdOf(e.Source), actual.Innovators.IdOf(a.Source));
            Assert.Equal(expected.Innovators.IdOf(e.Target), actual.Innovators.IdOf(a.Target));
            Assert.Equal(e, a);
        }

        Assert.Equal(expected.LinkScales.ToArray(), actual.LinkScales.ToArray());
        Assert.Equal(expected.LinkResolutionLimited.ToArray(), actual.LinkResolutionLimited.ToArray());
    }

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> d) => new(new Dictionary<string, string>(d), System.StringComparer.Ordinal);
}
