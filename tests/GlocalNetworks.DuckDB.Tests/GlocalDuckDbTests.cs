using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using GlocalNetworks.Data;
using GlocalNetworks.IO;
using GlocalNetworks.IO.Csv;
using GlocalNetworks.IO.Events;
using GlocalNetworks.Model;
using GlocalNetworks.Parquet;
using GlocalNetworks.Parquet.Tests;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.DuckDB.Tests;

public sealed class GlocalDuckDbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "glocal-duckdb-" + Guid.NewGuid().ToString("N"));

    public GlocalDuckDbTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OpenInMemory_BundledNativeLibrary_LoadsAndRunsSql()
    {
        using var c = GlocalDuckDb.OpenInMemory();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT 40 + 2";
        Assert.Equal(42, Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    public void Load_QueriesOverTheCsvFiles_EqualTheCsvLoad(int seed)
    {
        var net = NetworkAssert.Random(seed);
        GlocalCsvWriter.Write(net, _dir);
        var csv = GlocalCsv.Load(F("links.csv"), F("innovators.csv"), F("regions.csv"));
        var duck = GlocalDuckDb.Load($"SELECT * FROM read_csv('{F("links.csv")}')", $"SELECT * FROM read_csv('{F("innovators.csv")}')",
            $"SELECT * FROM read_csv('{F("regions.csv")}')");
        NetworkAssert.Equal(csv.Network, duck.Network);
        Assert.Equal(csv.Report.Counts["links loaded"], duck.Report.Counts["links loaded"]);
        Assert.Equal(net.Links.Count, duck.Report.Counts["links query rows"]);
    }

    [Fact]
    public void Load_QueriesOverParquetFiles_ReproduceTheNetwork()
    {
        var net = NetworkAssert.Random(21);
        GlocalParquet.Write(net, _dir);
        var duck = GlocalDuckDb.Load($"SELECT * FROM '{F("links.parquet")}'", $"FROM '{F("innovators.parquet")}'", $"FROM '{F("regions.parquet")}'");
        var withoutOrganisers = GlocalParquet.Load(F("links.parquet"), F("innovators.parquet"), F("regions.parquet")).Network;
        NetworkAssert.Equal(withoutOrganisers, duck.Network);
    }

    [Fact]
    public void Load_OnlyALinksQuery_InfersInnovatorsFromTheLinkEnds()
    {
        var (net, report) = GlocalDuckDb.Load("SELECT * FROM (VALUES ('a', 'b', 2.0), ('b', 'c', 1.5), ('c', 'a', 1.0)) t(source, target, weight)");
        Assert.Equal(["a", "b", "c"], Ids(net));
        Assert.Equal(3, net.Links.Count);
        Assert.Equal(3, report.Counts["links loaded"]);
    }

    [Fact]
    public void Load_NegativeWeight_ThrowsNamingQueryRowColumnAndValue()
    {
        var e = Assert.Throws<InvalidWeightException>(() =>
            GlocalDuckDb.Load("SELECT * FROM (VALUES ('a', 'b', 2.0), ('b', 'c', -3.0)) t(source, target, weight)"));
        Assert.Equal("links query:2: column 'weight': value '-3' is negative; weights must be > 0.", e.Message);
    }

    [Fact]
    public void Load_WeightAsBoolean_ThrowsDuckDbQueryExceptionNamingTheType()
    {
        var e = Assert.Throws<DuckDbQueryException>(() => GlocalDuckDb.Load("SELECT 'a' AS source, 'b' AS target, true AS weight"));
        Assert.Equal("links query: column 'weight': value 'BOOLEAN' is the column's type; expected a number (DOUBLE, FLOAT, an integer type, or text holding numbers).", e.Message);
    }

    [Fact]
    public void Load_EmptyColumnsThatReadCsvTypesAsVarchar_LoadAsMissingValues()
    {
        var (net, _) = GlocalDuckDb.Load("SELECT 'a' AS source, 'b' AS target, CAST(NULL AS VARCHAR) AS weight, CAST(NULL AS VARCHAR) AS year, '' AS end_year");
        Assert.Equal(1.0, net.Links[0].Weight);
        Assert.Null(net.Links[0].Year);
    }

    [Fact]
    public void Load_MissingTargetColumn_ThrowsListingTheColumns()
    {
        var e = Assert.Throws<DuckDbQueryException>(() => GlocalDuckDb.Load("SELECT 'a' AS source, 1.0 AS weight"));
        Assert.Equal("links query: column 'target': is missing; the columns are source, weight.", e.Message);
    }

    [Fact]
    public void Load_BadSql_ThrowsDuckDbQueryExceptionWithDuckDbsMessage()
    {
        var e = Assert.Throws<DuckDbQueryException>(() => GlocalDuckDb.Load("SELEC nothing"));
        Assert.StartsWith("links query: cannot be run: Parser Error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownLinkEndWithInnovators_ReportsTheQueryRowInLenientMode()
    {
        var (net, report) = GlocalDuckDb.Load(
            "SELECT * FROM (VALUES ('a', 'b'), ('a', 'zz'), ('b', 'c')) t(source, target)",
            "SELECT * FROM (VALUES ('a', 'A'), ('b', 'B'), ('c', 'C')) t(id, name)",
            options: LoadOptions.Default with { Mode = LoadMode.Lenient });
        Assert.Equal(2, net.Links.Count);
        var issue = Assert.Single(report.Issues);
        Assert.Equal(("links query", 2L, "target", "zz"), (issue.File, issue.Line!.Value, issue.Column, issue.Value));
    }

    [Theory]
    [InlineData(ParticipationCounting.Full, 3)]
    [InlineData(ParticipationCounting.Fractional, 3)]
    [InlineData(ParticipationCounting.Fractional, 11)]
    [InlineData(ParticipationCounting.Full, 29)]
    public void LoadEvents_ProjectionInSql_EqualsTheEventsProjectionOfTheCsvLoader(ParticipationCounting counting, int seed)
    {
        var net = NetworkAssert.Random(seed);
        GlocalCsvWriter.Write(net, _dir);
        File.WriteAllText(F("events.csv"), Events(net, seed), new UTF8Encoding(false));
        var projection = EventProjectionOptions.Default with { Counting = counting, MaxParticipants = 6 };
        var options = LoadOptions.Default with { Mode = LoadMode.Lenient };
        var csv = GlocalCsv.LoadEvents(CsvInput.FromFile(F("events.csv")), CsvInput.FromFile(F("innovators.csv")), CsvInput.FromFile(F("regions.csv")), projection, options);
        var duck = GlocalDuckDb.LoadEvents($"SELECT * FROM read_csv('{F("events.csv")}', all_varchar = true);",
            $"SELECT * FROM read_csv('{F("innovators.csv")}')", $"SELECT * FROM read_csv('{F("regions.csv")}')", projection, options);
        NetworkAssert.Equal(csv.Network, duck.Network);
        foreach (var count in new[] { "events", "events projected", "events with one participant (no link)", "duplicate participations removed", "links from events" })
        {
            Assert.Equal(csv.Report.Counts[count], duck.Report.Counts[count]);
        }

        Assert.True(csv.Report.Counts["duplicate participations removed"] > 0);
        Assert.True(csv.Report.Counts["events with one participant (no link)"] > 0);
        Assert.Equal(Reasons(csv.Report), Reasons(duck.Report));
    }

    [Fact]
    public void LoadEvents_NoInnovatorsQuery_ParticipantsBecomeInnovatorsInOrderOfFirstAppearance()
    {
        var (net, report) = GlocalDuckDb.LoadEvents(
            "SELECT * FROM (VALUES ('p1', 'x', 2015), ('p1', 'y', 2015), ('p2', 'z', 2016), ('p2', 'x', 2016), ('p2', 'y', 2016), ('p3', 'z', NULL)) t(event_id, innovator_id, year)",
            projection: EventProjectionOptions.Default with { Counting = ParticipationCounting.Fractional });
        Assert.Equal(["x", "y", "z"], Ids(net));
        Assert.Equal(4, net.Links.Count);
        Assert.Equal(1, report.Counts["events with one participant (no link)"]);
        Assert.Equal([1.0, 0.5, 0.5, 0.5], net.Links.Weights.ToArray());
    }

    [Fact]
    public void LoadEvents_TextYearThatIsNotAYear_IsReportedWithItsRow()
    {
        var e = Assert.Throws<DuckDbQueryException>(() => GlocalDuckDb.LoadEvents(
            "SELECT * FROM (VALUES ('p1', 'x', '2015'), ('p1', 'y', 'soon')) t(event, innovator, year)"));
        Assert.Equal("events query:2: column 'year': value 'soon' is not a year; use a whole number such as 2015.", e.Message);
    }

    [Fact]
    public void CountryIsoSql_EveryCountryCodeOfTheCordisData_MapsAsCountryCodes()
    {
        using var c = GlocalDuckDb.OpenInMemory();
        using var cmd = c.CreateCommand();
        var path = SharedData.Path("cordis-h2020-sod16/organisations.csv");
        cmd.CommandText = $"SELECT DISTINCT country, {GlocalDuckDb.CountryIsoSql("country")} FROM read_csv('{path}', all_varchar = true)";
        using var r = cmd.ExecuteReader();
        var n = 0;
        while (r.Read())
        {
            var code = r.IsDBNull(0) ? string.Empty : r.GetString(0);
            var iso = CountryCodes.ToIso(code);
            Assert.Equal(iso.Length == 0 ? WorldRegions.RootId : iso, r.GetString(1));
            n++;
        }

        Assert.True(n > 100);
    }

    [Theory]
    [InlineData(ParticipationCounting.Fractional)]
    [InlineData(ParticipationCounting.Full)]
    public void LoadEvents_CordisH2020InSql_EqualsTheCordisH2020Loader(ParticipationCounting counting)
    {
        var data = SharedData.Directory;
        var projection = EventProjectionOptions.Default with { Counting = counting };
        var expected = CordisH2020.Load(data, cordis: CordisOptions.Default with { Projection = projection });
        var actual = GlocalDuckDb.LoadEvents(CordisSql.Events(data), CordisSql.Innovators(data), CordisSql.Regions(data), projection);
        NetworkAssert.Equal(expected.Network, actual.Network);
        Assert.Equal(expected.Report.Counts["links from events"], actual.Report.Counts["links from events"]);
        Assert.Equal(expected.Report.Counts["events with one participant (no link)"], actual.Report.Counts["events with one participant (no link)"]);
        Assert.Equal(31_868, actual.Report.Counts["events query rows"]);
    }

    private string F(string name) => Path.Combine(_dir, name);

    // Events with duplicates (a participant listed twice), single-participant events, large events (above 6), undated events and lifetimes.
    private static string Events(GlocalNetwork net, int seed)
    {
        var rng = new TestRandom((ulong)seed + 99);
        var sb = new StringBuilder("event,innovator,year,end_year\n");
        var n = net.Innovators.Count;
        for (var e = 0; e < 25; e++)
        {
            var p = rng.Chance(0.2) ? 1 : rng.Next(2, Math.Min(n, 9));
            int? year = rng.Chance(0.2) ? null : rng.Next(2000, 2010);
            int? end = year is { } y && rng.Chance(0.5) ? y + rng.Next(0, 4) : null;
            for (var k = 0; k < p; k++)
            {
                var who = net.Innovators.IdOf(rng.Next(0, n - 1));
                var line = $"E{e},{Quote(who)},{year?.ToString(CultureInfo.InvariantCulture)},{end?.ToString(CultureInfo.InvariantCulture)}\n";
                sb.Append(line);
                if (rng.Chance(0.1))
                {
                    sb.Append(line);
                }
            }
        }

        return sb.ToString();
    }

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    private static List<string> Ids(GlocalNetwork net)
    {
        var ids = new List<string>();
        foreach (var i in net.Innovators)
        {
            ids.Add(i.Id);
        }

        return ids;
    }

    private static List<string> Reasons(LoadReport report)
    {
        var list = new List<string>();
        foreach (var i in report.Issues)
        {
            list.Add(i.Column + ": " + i.Value + ": " + i.Reason + " " + i.Action);
        }

        // The CSV projection reports event by event; the SQL one reports duplicates, then large events.
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
