using System;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck.Xunit;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.IO.Csv;

/// <summary>
/// The integer fast path reads bytes in line-aligned chunks parsed in parallel and blocks of whole lines: any chunk size,
/// block size and thread count gives the network the general path gives; a bad row anywhere makes it give up without a
/// trace, and the general path then names the row's physical line; a BOM is honoured as the text reader honours it.
/// </summary>
public sealed class IntegerLinksReaderChunkTests
{
    /// <summary>A random integer links file: small and large ids, LF or CRLF, either column order, with or without a last line end.</summary>
    private static string RandomCsv(int seed)
    {
        var r = new SplitMix((ulong)(uint)seed);
        var nl = r.Next(2) == 0 ? "\n" : "\r\n";
        var sb = new StringBuilder(r.Next(2) == 0 ? "source,target" : "target,source").Append(nl);
        var n = 1 + r.Next(50);
        var rows = r.Next(200);
        for (var i = 0; i < rows; i++)
        {
            var a = r.Next(8) == 0 ? r.Next(InnovatorResolver.NumericLimit) : r.Next(n);
            var b = r.Next(8) == 0 ? r.Next(InnovatorResolver.NumericLimit) : r.Next(n);
            if (a == b)
            {
                b = a == 0 ? 1 : a - 1;
            }

            sb.Append(a).Append(',').Append(b);
            if (i < rows - 1 || r.Next(2) == 0)
            {
                sb.Append(nl);
            }
        }

        return sb.ToString();
    }

    private static (LoadResult Result, bool Fast) ReadWith(CsvInput input, int chunk, int block, int threads)
    {
        var s = new CsvLoadSession(null, null);
        var (tree, table) = s.ReadNodes(null, null);
        var cols = new LinkColumnsBuilder();
        var resolver = new InnovatorResolver(table);
        var fast = IntegerLinksReader.TryRead(input, s, resolver, cols, chunk, block, threads);
        if (!fast)
        {
            Assert.Equal(0, cols.Count);
            Assert.Equal(0, resolver.Count);
            return (default!, false);
        }

        return (s.Finish(tree, resolver.BuildInferred(tree), cols), true);
    }

    private static void AssertSameLoad(LoadResult expected, LoadResult actual)
    {
        NetworkAssert.Equal(expected.Network, actual.Network);
        Assert.Equal(expected.Report.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.Report.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Empty(actual.Report.Issues);
    }

    [Property(MaxTest = 150)]
    public void TryRead_AnyChunkBlockAndThreadCount_SameNetworkAsGeneralPath(int seed, byte chunk, byte block)
    {
        var csv = RandomCsv(seed);
        var general = GlocalCsv.Load(CsvInput.FromText("links.csv", IntegerLinksReaderTests.WithEmptyWeights(csv)));
        var input = CsvInput.FromBytes("links.csv", Encoding.UTF8.GetBytes(csv));
        var blockSize = 32 + block;
        foreach (var threads in new[] { 1, 2, -1 })
        {
            var (fast, ok) = ReadWith(input, 1 + (chunk % 64), blockSize, threads);
            Assert.True(ok);
            AssertSameLoad(general, fast);
        }

        AssertSameLoad(general, GlocalCsv.Load(input));
    }

    [Property(MaxTest = 300)]
    public void TryRead_MutatedFile_AcceptsOnlyWhatTheGeneralPathReadsAlikeForAnyThreadCount(int seed, byte chunk)
    {
        // LF line ends only, so that the general-path copy (an extra empty weight column per line) stays well-formed.
        var csv = RandomCsv(seed).Replace("\r\n", "\n", StringComparison.Ordinal);
        var r = new SplitMix((ulong)(uint)seed ^ 0x9E3779B97F4A7C15UL);
        var bytes = Encoding.UTF8.GetBytes(csv);
        byte[] alphabet = [(byte)'0', (byte)'5', (byte)',', (byte)'\n', (byte)' ', (byte)'"', (byte)'-', 0xC3, 0];
        var flips = 1 + r.Next(3);
        for (var i = 0; i < flips && bytes.Length > 14; i++)
        {
            bytes[14 + r.Next(bytes.Length - 14)] = alphabet[r.Next(alphabet.Length)];
        }

        var input = CsvInput.FromBytes("links.csv", bytes);
        var (one, fastOne) = ReadWith(input, 1 + (chunk % 32), 96, 1);
        var (two, fastTwo) = ReadWith(input, 1 + (chunk % 32), 96, 2);
        Assert.Equal(fastOne, fastTwo);
        if (fastOne)
        {
            AssertSameLoad(one, two);
            var text = Encoding.UTF8.GetString(bytes);
            AssertSameLoad(GlocalCsv.Load(CsvInput.FromText("links.csv", IntegerLinksReaderTests.WithEmptyWeights(text))), one);
        }
    }

    [Fact]
    public void TryRead_FileReadInManySmallBlocks_SameNetworkAsGeneralPath()
    {
        var csv = RandomCsv(11);
        var path = Path.Combine(Path.GetTempPath(), $"glocal-blocks-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, csv);
            var (fast, ok) = ReadWith(CsvInput.FromFile(path), 5, 48, 2);
            Assert.True(ok);
            var general = GlocalCsv.Load(CsvInput.FromText("links.csv", IntegerLinksReaderTests.WithEmptyWeights(csv)));
            NetworkAssert.Equal(general.Network, fast.Network);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("7,07")]    // a leading zero
    [InlineData("7,7")]     // a self-loop
    [InlineData("7, 8")]    // a space
    [InlineData("")]        // an empty line
    [InlineData("7,8,9")]   // a third field
    [InlineData("7\r8")]    // a lone carriage return
    [InlineData("7,é")]     // a non-ASCII byte
    public void TryRead_BadRowInALaterChunkOrBlock_GivesUpWithoutATrace(string bad)
    {
        var sb = new StringBuilder("source,target\n");
        for (var i = 0; i < 300; i++)
        {
            sb.Append(i == 250 ? bad : $"{i},{i + 1}").Append('\n');
        }

        var input = CsvInput.FromBytes("links.csv", Encoding.UTF8.GetBytes(sb.ToString()));
        foreach (var threads in new[] { 1, 2 })
        {
            Assert.False(ReadWith(input, 64, 512, threads).Fast);
        }
    }

    [Fact]
    public void Load_SelfLoopsBeyondTheFirstChunks_IssuesNameTheirPhysicalLines()
    {
        // About 2.6 MB: the default chunking cuts it into two or three chunks; the bad rows sit after the first one.
        var sb = new StringBuilder("source,target\n");
        const int rows = 200_000;
        for (var i = 0; i < rows; i++)
        {
            sb.Append(i is 150_000 or 199_998 ? $"{i},{i}" : $"{i},{i + 1}").Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        Assert.True(bytes.Length > 2 * IntegerLinksReader.ChunkSize);
        Assert.True(bytes.AsSpan(0, IntegerLinksReader.ChunkSize).Count((byte)'\n') < 150_000);
        var e = Assert.Throws<SelfLoopException>(() => GlocalCsv.Load(CsvInput.FromBytes("links.csv", bytes)));
        Assert.Equal(150_002L, e.Line);
        Assert.StartsWith("links.csv:150002: column 'target': value '150000'", e.Message, StringComparison.Ordinal);
        var lenient = GlocalCsv.Load(CsvInput.FromBytes("links.csv", bytes), options: LoadOptions.Default with { Mode = LoadMode.Lenient });
        Assert.Equal(new long?[] { 150_002, 200_000 }, lenient.Report.Issues.Select(i => i.Line).ToArray());
        Assert.Equal(rows - 2, lenient.Network.Links.Count);
    }

    [Fact]
    public void Load_ManyChunks_SameNetworkForOneAndTwoThreads()
    {
        var csv = "target,source\n" + string.Join("\n", Enumerable.Range(0, 200_000).Select(i => $"{(i * 7919) % 100_003},{((i * 7919) % 100_003) + 1 + (i % 5)}"));
        var input = CsvInput.FromBytes("links.csv", Encoding.UTF8.GetBytes(csv));
        var (one, ok1) = ReadWith(input, IntegerLinksReader.ChunkSize / 16, IntegerLinksReader.BlockSize, 1);
        var (two, ok2) = ReadWith(input, IntegerLinksReader.ChunkSize / 16, IntegerLinksReader.BlockSize, 2);
        Assert.True(ok1 && ok2);
        AssertSameLoad(one, two);
        AssertSameLoad(GlocalCsv.Load(CsvInput.FromText("links.csv", IntegerLinksReaderTests.WithEmptyWeights(csv))), two);
    }

    [Fact]
    public void Load_MaxDegreeOfParallelismOption_SameNetworkForOneTwoAndAllThreads()
    {
        // 3.3 MB: four chunks of the default 1 MiB, so the public option really switches between one and several threads.
        var csv = "source,target\n" + string.Join("\n", Enumerable.Range(0, 400_000).Select(i => $"{(i * 7919) % 100_003},{((i * 7919) % 100_003) + 1 + (i % 5)}"));
        var input = CsvInput.FromBytes("links.csv", Encoding.UTF8.GetBytes(csv));
        Assert.True(csv.Length > 3 * IntegerLinksReader.ChunkSize);
        var all = GlocalCsv.Load(input);
        AssertSameLoad(all, GlocalCsv.Load(input, options: LoadOptions.Default with { MaxDegreeOfParallelism = 1 }));
        AssertSameLoad(all, GlocalCsv.Load(input, options: LoadOptions.Default with { MaxDegreeOfParallelism = 2 }));
        AssertSameLoad(all, GlocalCsv.Load(CsvInput.FromText("links.csv", IntegerLinksReaderTests.WithEmptyWeights(csv))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void LoadOptions_MaxDegreeOfParallelismOutOfRange_ThrowsNamingIt(int value)
    {
        var e = Assert.Throws<ArgumentException>(() => GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\na,b\n"),
            options: LoadOptions.Default with { MaxDegreeOfParallelism = value }));
        Assert.Contains($"LoadOptions.MaxDegreeOfParallelism is {value}; it must be -1 (no limit) or at least 1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Utf8BomInAFileOrBytes_SameNetworkAsWithout()
    {
        const string csv = "source,target\n3,1\n1,2\n2,3\n";
        var expected = GlocalCsv.Load(CsvInput.FromText("links.csv", csv));
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
        Assert.True(ReadWith(CsvInput.FromBytes("links.csv", withBom), 4, 64, 2).Fast);
        AssertSameLoad(expected, GlocalCsv.Load(CsvInput.FromBytes("links.csv", withBom)));
        var path = Path.Combine(Path.GetTempPath(), $"glocal-bom-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllBytes(path, withBom);
            NetworkAssert.Equal(expected.Network, GlocalCsv.Load(path).Network);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TryRead_Utf16FileOrBomInText_GivesUpAndLoadIsUnchanged()
    {
        const string csv = "source,target\n3,1\n1,2\n";
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(csv)).ToArray();
        Assert.False(ReadWith(CsvInput.FromBytes("links.csv", utf16), 4, 64, 2).Fast);
        AssertSameLoad(GlocalCsv.Load(CsvInput.FromText("links.csv", csv)), GlocalCsv.Load(CsvInput.FromBytes("links.csv", utf16)));
        Assert.False(ReadWith(CsvInput.FromText("links.csv", "\uFEFF" + csv), 4, 64, 2).Fast);
    }

    [Fact]
    public void Load_InputCopiedWithAnotherReader_ReadsTheNewReader()
    {
        var original = CsvInput.FromBytes("links.csv", Encoding.UTF8.GetBytes("source,target\n3,1\n"));
        var copy = original with { Open = () => new StringReader("source,target\n5,6\n6,7\n") };
        Assert.Null(copy.OpenBytes);
        var net = GlocalCsv.Load(copy).Network;
        Assert.Equal(["5", "6", "7"], net.Innovators.Select(i => i.Id).ToArray());
    }
}
