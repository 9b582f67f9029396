using System;
using System.Globalization;
using System.Linq;
using System.Text;
using FsCheck.Xunit;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Kernels;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.IO;

public sealed class GlocalNetworkStreamBuilderTests
{
    /// <summary>Streams the spec in random chunks, by index or by id.</summary>
    private static GlocalNetwork Streamed(FullRandomNetworks.FullSpec f, int chunkSeed, bool byId)
    {
        var s = f.Spec;
        var rng = new TestRandom((ulong)chunkSeed);
        var sb = new GlocalNetworkStreamBuilder(RegionTree.Build(s.Regions, RegionLadder.Default));
        var n = s.InnovatorIds.Count;
        for (var at = 0; at < n;)
        {
            var len = Math.Min(n - at, rng.Next(1, 5));
            var ids = new string[len];
            var homes = new string[len];
            var kinds = new InnovatorKind[len];
            for (var j = 0; j < len; j++)
            {
                ids[j] = s.InnovatorIds[at + j];
                homes[j] = s.InnovatorRegions[at + j];
                kinds[j] = f.InnovatorKinds[at + j];
            }

            sb.AppendInnovators(ids, homes, kinds);
            at += len;
        }

        var m = s.Links.Count;
        for (var at = 0; at < m;)
        {
            var len = Math.Min(m - at, rng.Next(1, 9));
            var src = new int[len];
            var dst = new int[len];
            var srcIds = new string[len];
            var dstIds = new string[len];
            var w = new double[len];
            var y = new int[len];
            var k = new LinkKind[len];
            var d = new bool[len];
            var e = new int[len];
            for (var j = 0; j < len; j++)
            {
                var i = at + j;
                (src[j], dst[j]) = s.Links[i];
                srcIds[j] = s.InnovatorIds[src[j]];
                dstIds[j] = s.InnovatorIds[dst[j]];
                w[j] = f.Weights[i];
                y[j] = s.LinkYears[i] ?? GlocalNetworkStreamBuilder.NoYear;
                k[j] = f.Kinds[i];
                d[j] = f.Directed[i];
                e[j] = f.EndYears[i] ?? GlocalNetworkStreamBuilder.NoYear;
            }

            if (byId)
            {
                sb.AppendLinks(srcIds, dstIds, w, y, k, d, e);
            }
            else
            {
                sb.AppendLinks(src, dst, w, y, k, d, e);
            }

            at += len;
        }

        return sb.Build().Network;
    }

    [Property(MaxTest = 150)]
    public void Build_RandomNetworksInRandomChunksByIndex_EqualsGlocalNetworkBuilder(int seed, int chunkSeed)
    {
        var f = FullRandomNetworks.Spec(seed);

        NetworkAssert.Equal(FullRandomNetworks.Reference(f), Streamed(f, chunkSeed, byId: false));
    }

    [Property(MaxTest = 150)]
    public void Build_RandomNetworksInRandomChunksById_EqualsGlocalNetworkBuilder(int seed, int chunkSeed)
    {
        var f = FullRandomNetworks.Spec(seed);

        NetworkAssert.Equal(FullRandomNetworks.Reference(f), Streamed(f, chunkSeed, byId: true));
    }

    [Property(MaxTest = 60)]
    public void Build_RandomNetworks_EqualsCsvLoadOfTheSameRows(int seed)
    {
        var f = FullRandomNetworks.Spec(seed);
        var s = f.Spec;
        var regions = new StringBuilder("id,level,parent\n");
        foreach (var r in s.Regions)
        {
            regions.Append(r.Id).Append(',').Append(r.Level.Name).Append(',').Append(r.ParentId).Append('\n');
        }

        var innovators = new StringBuilder("id,name,kind,region\n");
        for (var i = 0; i < s.InnovatorIds.Count; i++)
        {
            innovators.Append(s.InnovatorIds[i]).Append(',').Append(s.InnovatorIds[i]).Append(',').Append(f.InnovatorKinds[i]).Append(',').Append(s.InnovatorRegions[i]).Append('\n');
        }

        var links = new StringBuilder("source,target,weight,kind,year,end_year,directed\n");
        for (var i = 0; i < s.Links.Count; i++)
        {
            var (a, t) = s.Links[i];
            links.Append(CultureInfo.InvariantCulture, $"{s.InnovatorIds[a]},{s.InnovatorIds[t]},{f.Weights[i].ToString("R", CultureInfo.InvariantCulture)},{f.Kinds[i]},{s.LinkYears[i]},{f.EndYears[i]},{(f.Directed[i] ? "true" : "false")}\n");
        }

        var csv = GlocalCsv.Load(CsvInput.FromText("links.csv", links.ToString()), CsvInput.FromText("innovators.csv", innovators.ToString()),
            CsvInput.FromText("regions.csv", regions.ToString())).Network;

        NetworkAssert.Equal(csv, Streamed(f, seed, byId: true));
    }

    internal static GlocalNetworkStreamBuilder ThreeFirms(LoadOptions? options = null)
    {
        var tree = RegionTree.Build(
        [
            new Region("DE", "Germany", RegionLadder.Default.GetLevel("country"), null),
            new Region("Munich", "München", RegionLadder.Default.GetLevel("city"), "DE"),
            new Region("Berlin", "Berlin", RegionLadder.Default.GetLevel("city"), "DE"),
        ], RegionLadder.Default);
        var b = new GlocalNetworkStreamBuilder(tree, options);
        b.AppendInnovators(["bosch", "siemens", "zeiss"], ["Munich", "Munich", "Berlin"], [InnovatorKind.Firm, InnovatorKind.Firm, InnovatorKind.Firm]);
        return b;
    }

    [Fact]
    public void AppendLinks_UnknownId_ThrowsWithSourceRowAndSuggestion()
    {
        var b = ThreeFirms();

        var ex = Assert.Throws<ReferentialIntegrityException>(() =>
            b.AppendLinks(["bosch", "bosch"], ["zeiss", "simens"], sourceName: "links.parquet", firstRow: 100));

        Assert.Equal("links.parquet:101: column 'target': value 'simens' is not a known innovator id; did you mean 'siemens'?", ex.Message);
        Assert.Equal(["siemens"], ex.Suggestions);
    }

    [Fact]
    public void AppendLinks_RowsContinueAcrossChunks_WhenNoFirstRowIsGiven()
    {
        var b = ThreeFirms();
        b.AppendLinks([0, 0], [1, 2]);

        var ex = Assert.Throws<InvalidWeightException>(() => b.AppendLinks([1], [2], weights: [-3.0]));

        Assert.Equal("links:3: column 'weight': value '-3' is negative; weights must be > 0.", ex.Message);
    }

    [Fact]
    public void AppendLinks_IndexOutOfRange_ThrowsNamingTheRange()
    {
        var b = ThreeFirms();

        var ex = Assert.Throws<ReferentialIntegrityException>(() => b.AppendLinks([0], [3], sourceName: "chunk"));

        Assert.Equal("chunk:1: column 'target': value '3' is not a known innovator index; indices run from 0 to 2 in the order the innovators were appended.", ex.Message);
    }

    [Theory]
    [InlineData(double.NaN, "is not a number; weights must be > 0.")]
    [InlineData(0.0, "is zero; weights must be > 0.")]
    [InlineData(double.PositiveInfinity, "is infinite; weights must be finite and > 0.")]
    public void AppendLinks_BadWeight_ThrowsInvalidWeight(double weight, string reason)
    {
        var ex = Assert.Throws<InvalidWeightException>(() => ThreeFirms().AppendLinks([0], [1], weights: [weight]));

        Assert.Equal(reason, ex.Reason);
        Assert.Equal(1, ex.Line);
    }

    [Fact]
    public void AppendLinks_SelfLoop_ThrowsInStrictMode()
    {
        var ex = Assert.Throws<SelfLoopException>(() => ThreeFirms().AppendLinks(["zeiss"], ["zeiss"]));

        Assert.Equal("links:1: column 'target': value 'zeiss' equals the source; self-loops are not knowledge links.", ex.Message);
    }

    [Fact]
    public void AppendLinks_YearOutOfRangeAndEndBeforeStart_AreErrors()
    {
        var year = Assert.Throws<GlocalDataException>(() => ThreeFirms().AppendLinks([0], [1], years: [12000]));
        var end = Assert.Throws<GlocalDataException>(() => ThreeFirms().AppendLinks([0], [1], years: [2010], endYears: [2009]));
        var noStart = Assert.Throws<GlocalDataException>(() => ThreeFirms().AppendLinks([0], [1], endYears: [2009]));

        Assert.Equal("links:1: column 'year': value '12000' is out of range; years must lie in -9999..9999 (use GlocalNetworkStreamBuilder.NoYear for none).", year.Message);
        Assert.Equal("links:1: column 'end_year': value '2009' is before the start year.", end.Message);
        Assert.Equal("is given without a start year.", noStart.Reason);
    }

    [Fact]
    public void Build_Lenient_SkipsEveryBadRowWithAnIssue_AndKeepsTheRest()
    {
        var b = ThreeFirms(LoadOptions.Default with { Mode = LoadMode.Lenient });
        b.AppendLinks(["bosch", "bosch", "siemens", "zeiss", "nobody", "siemens"], ["siemens", "bosch", "zeiss", "bosch", "bosch", "bosch"],
            weights: [1, 1, -2, 2, 1, double.NaN], years: [2001, 2002, 2003, 20000, 2005, 2006], sourceName: "l.parquet");

        var result = b.Build();

        Assert.Equal(1, result.Network.Links.Count);
        Assert.Equal(5, result.Report.Issues.Count);
        Assert.Equal(6, result.Report.Counts["l.parquet rows"]);
        Assert.All(result.Report.Issues, i => Assert.Equal(LoadAction.Skipped, i.Action));
        Assert.Equal([2L, 3L, 4L, 5L, 6L], result.Report.Issues.Select(i => i.Line!.Value).ToArray());
    }

    [Fact]
    public void Build_SelfLoopsIgnored_ReportsThemAsLeftOut()
    {
        var b = ThreeFirms(LoadOptions.Default with { SelfLoops = SelfLoopPolicy.Ignore });
        b.AppendLinks([0, 1], [0, 2]);

        var result = b.Build();

        Assert.Equal(1, result.Network.Links.Count);
        Assert.Equal(LinkFieldRules.SelfLoopLeftOut, Assert.Single(result.Report.Issues).Reason);
    }

    [Fact]
    public void AppendInnovators_DuplicateAndUnknownRegion_AreReportedWithRows()
    {
        var dup = Assert.Throws<DuplicateIdException>(() => ThreeFirms().AppendInnovators(["x", "bosch"], ["DE", "DE"], sourceName: "inn.parquet"));
        var region = Assert.Throws<ReferentialIntegrityException>(() => ThreeFirms().AppendInnovators(["x"], ["Munch"]));

        Assert.Equal(5, dup.Line);
        Assert.Equal(1, dup.FirstLine);
        Assert.Equal("innovators:4: column 'region': value 'Munch' is not a known region id (home of innovator 'x'); did you mean 'Munich'?", region.Message);
    }

    [Fact]
    public void AppendLinks_ToASkippedInnovatorRow_IsReported_AndLaterRowsKeepTheirIndices()
    {
        var tree = RegionTree.Build([new Region("DE", "Germany", RegionLadder.Default.GetLevel("country"), null)], RegionLadder.Default);
        var b = new GlocalNetworkStreamBuilder(tree, LoadOptions.Default with { Mode = LoadMode.Lenient });
        b.AppendInnovators(["a", "b", "c"], ["DE", "XX", "DE"]);
        b.AppendLinks([0, 0], [1, 2]);

        var result = b.Build();

        var link = Assert.Single(result.Network.Links);
        Assert.Equal("c", result.Network.Innovators.IdOf(link.Target));
        Assert.Equal(2, result.Report.Issues.Count);
        Assert.Contains("was skipped", result.Report.Issues[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendInnovators_AfterLinks_Throws()
    {
        var b = ThreeFirms();
        b.AppendLinks([0], [1]);

        Assert.Throws<InvalidOperationException>(() => b.AppendInnovators(["late"], ["DE"]));
    }

    [Fact]
    public void AppendLinks_SpansOfDifferentLengths_Throw()
    {
        var ex = Assert.Throws<ArgumentException>(() => ThreeFirms().AppendLinks([0, 1], [1, 2], weights: [1.0]));

        Assert.Equal("weights", ex.ParamName);
    }

    [Fact]
    public void AppendLinks_ByIdWithoutInnovators_InfersThem_AsTheCsvReaderDoes()
    {
        var b = new GlocalNetworkStreamBuilder(RegionTree.Empty(RegionLadder.Default));
        b.AppendLinks(["x", "y"], ["y", "z"], years: [2001, GlocalNetworkStreamBuilder.NoYear]);
        var csv = GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target,year\nx,y,2001\ny,z,\n")).Network;

        NetworkAssert.Equal(csv, b.Build().Network);
    }

    [Fact]
    public void Build_Organisers_AreChecked()
    {
        var b = ThreeFirms();
        b.AddOrganiser(new Organiser("cluster", "Cluster", "DE", ["bosch", "zeis"]));

        var ex = Assert.Throws<ReferentialIntegrityException>(b.Build);

        Assert.Equal("zeis", ex.Value);
        Assert.Equal(["zeiss"], ex.Suggestions);
    }

    [Fact]
    public void Build_Twice_Throws()
    {
        var b = ThreeFirms();
        b.Build();

        Assert.Throws<InvalidOperationException>(() => b.Build());
    }

    [Fact]
    public void BufferedLinkBytes_AtMostOneBlockAboveTwentyOneBytesPerLink_AndNoEndYearColumnUntilOneIsGiven()
    {
        var b = ThreeFirms();
        const int m = 300_000;
        var src = new int[m];
        var dst = new int[m];
        var w = new double[m];
        var y = new int[m];
        for (var i = 0; i < m; i++)
        {
            src[i] = i % 3;
            dst[i] = (i + 1) % 3;
            w[i] = 1 + (i % 5);
            y[i] = 2000 + (i % 20);
        }

        b.AppendLinks(src, dst, w, y, kinds: [], directed: []);

        // source 4 + target 4 + weight 8 + year 4 + kind 1 (kinds given as the default take no memory) = 20 bytes/link,
        // plus at most one partly filled block per column.
        Assert.InRange(b.BufferedLinkBytes, 20L * m, (20L * m) + (21L * ChunkedColumn<int>.BlockRows));
        var net = b.Build().Network;
        Assert.Equal(m, net.Links.Count);
        Assert.Equal(2000, net.Links.YearRange!.Value.First);
    }
}

/// <summary>The streaming build's memory bound. It reads the process-wide GC heap, so it runs alone: in the serial
/// collection, after the parallel tests, never next to another test's allocations.</summary>
[Collection(SerialCollection.Name)]
public sealed class GlocalNetworkStreamBuilderMemoryTests
{
    [Fact]
    public void Build_LiveHeapAtEveryPhase_StaysBelowOneAndAHalfTimesTheFinalArrays()
    {
        var b = GlocalNetworkStreamBuilderTests.ThreeFirms();
        const int m = 2_000_000;
        const int chunk = 100_000;
        var src = new int[chunk];
        var dst = new int[chunk];
        var w = new double[chunk];
        var y = new int[chunk];
        for (var at = 0; at < m; at += chunk)
        {
            for (var i = 0; i < chunk; i++)
            {
                var k = at + i;
                src[i] = k % 3;
                dst[i] = (k + 1 + (k / 3 % 2)) % 3;
                w[i] = 1 + (k % 5);
                y[i] = 2000 + (k % 20);
            }

            b.AppendLinks(src, dst, w, y);
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var others = before - b.BufferedLinkBytes;
        var peak = 0L;
        var phases = new System.Collections.Generic.List<string>();
        b.Probe = phase =>
        {
            phases.Add(phase);
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - others);
        };

        var net = b.Build().Network;

        const long final = 32L * m;
        Assert.Equal(["sort passes", "sorted", "source", "target", "weight", "kind", "year", "end_year", "directed", "assembled"], phases);
        Assert.True(peak <= 1.5 * final, $"peak {peak:N0} bytes for final arrays of {final:N0} bytes ({peak / (double)final:F2}x)");
        Assert.Equal(m, net.Links.Count);
        GC.KeepAlive(src);
    }
}
