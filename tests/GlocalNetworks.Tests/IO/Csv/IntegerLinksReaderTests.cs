using System;
using System.Linq;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using Xunit;

namespace GlocalNetworks.Tests.IO.Csv;

/// <summary>
/// The integer-id fast path of the links reader gives exactly what the general (Sep) path gives: the same innovators in
/// the same order, the same link columns and the same report counts; anything outside its shape goes to the general path
/// with its usual errors. The general path is forced by an extra empty weight column, which changes nothing else.
/// </summary>
public sealed class IntegerLinksReaderTests
{
    [Theory]
    [InlineData("source,target\n0,1\n5,0\n1,5\n12,7\n7,0\n5,0\n")]
    [InlineData("source,target\r\n3,1\r\n1,2\r\n2,3")]
    [InlineData("Target , Source\n0,1\n5,0\n1,5\n")]
    [InlineData("source,target\n16777215,0\n0,9\n")]
    [InlineData("source,target\n")]
    public void TryRead_SimpleIntegerFile_SameNetworkAsGeneralPath(string csv)
    {
        Assert.True(IntegerLinksReader.TryRead(CsvInput.FromText("links.csv", csv), new CsvLoadSession(null, null),
            new InnovatorResolver(null), new GlocalNetworks.Model.LinkColumnsBuilder()));
        var fast = GlocalCsv.Load(CsvInput.FromText("links.csv", csv));
        var general = GlocalCsv.Load(CsvInput.FromText("links.csv", WithEmptyWeights(csv)));
        AssertSame(general, fast);
    }

    [Theory]
    [InlineData("source,target\n0,1\n07,1\n")]          // leading zero: "07" is another id than "7"
    [InlineData("source,target\n0,1\n 2,1\n")]          // spaces
    [InlineData("source,target\n0,1\n\n2,1\n")]         // empty line
    [InlineData("source,target\n0,1\n\"2\",1\n")]       // quotes
    [InlineData("source,target\n0,1\n-2,1\n")]          // sign
    [InlineData("source,target\n0,1\n16777216,1\n")]    // beyond the dense table
    [InlineData("source,target,weight\n0,1,2\n")]       // another column
    [InlineData("source,target\n0,1\na,1\n")]           // a string id
    public void TryRead_OtherShapes_GivesUpAndLoadMatchesGeneralPath(string csv)
    {
        var cols = new GlocalNetworks.Model.LinkColumnsBuilder();
        var resolver = new InnovatorResolver(null);
        Assert.False(IntegerLinksReader.TryRead(CsvInput.FromText("links.csv", csv), new CsvLoadSession(null, null), resolver, cols));
        Assert.Equal(0, cols.Count);
        Assert.Equal(0, resolver.Count);
        var loaded = GlocalCsv.Load(CsvInput.FromText("links.csv", csv), options: LoadOptions.Default with { Mode = LoadMode.Lenient });
        Assert.True(loaded.Network.Innovators.Count >= 0);
    }

    [Fact]
    public void Load_SelfLoop_SameErrorAsBefore()
    {
        var e = Assert.Throws<SelfLoopException>(() => GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\n0,1\n1,2\n2,2\n")));
        Assert.Equal(4L, e.Line);
        Assert.StartsWith("links.csv:4: column 'target': value '2'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FixedInnovatorTable_UnknownIdFallsBackToTheUsualError()
    {
        const string innovators = "id,region\n1,R\n2,R\n3,R\n";
        const string regions = "id,level\nR,city\n";
        const string links = "source,target\n3,1\n1,2\n";
        var fast = GlocalCsv.Load(CsvInput.FromText("links.csv", links), CsvInput.FromText("innovators.csv", innovators),
            CsvInput.FromText("regions.csv", regions));
        var general = GlocalCsv.Load(CsvInput.FromText("links.csv", WithEmptyWeights(links)), CsvInput.FromText("innovators.csv", innovators),
            CsvInput.FromText("regions.csv", regions));
        AssertSame(general, fast);
        var e = Assert.Throws<ReferentialIntegrityException>(() => GlocalCsv.Load(CsvInput.FromText("links.csv", "source,target\n3,1\n1,9\n"),
            CsvInput.FromText("innovators.csv", innovators), CsvInput.FromText("regions.csv", regions)));
        Assert.Equal(3L, e.Line);
        Assert.Equal("9", e.Value);
    }

    /// <summary>The same links with an extra empty weight column: the general path, with the same result.</summary>
    internal static string WithEmptyWeights(string csv)
    {
        var nl = csv.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = csv.Split(nl);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > 0)
            {
                lines[i] += i == 0 ? ",weight" : ",";
            }
        }

        return string.Join(nl, lines);
    }

    private static void AssertSame(LoadResult expected, LoadResult actual)
    {
        var a = expected.Network;
        var b = actual.Network;
        Assert.Equal(Enumerable.Range(0, a.Innovators.Count).Select(a.Innovators.IdOf), Enumerable.Range(0, b.Innovators.Count).Select(b.Innovators.IdOf));
        Assert.Equal(a.Links.Sources.ToArray(), b.Links.Sources.ToArray());
        Assert.Equal(a.Links.Targets.ToArray(), b.Links.Targets.ToArray());
        Assert.Equal(a.Links.Weights.ToArray(), b.Links.Weights.ToArray());
        Assert.Equal(a.Links.Kinds.ToArray(), b.Links.Kinds.ToArray());
        Assert.Equal(a.Links.Directed.ToArray(), b.Links.Directed.ToArray());
        Assert.Equal(expected.Report.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal), actual.Report.Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        Assert.Empty(actual.Report.Issues);
    }
}
