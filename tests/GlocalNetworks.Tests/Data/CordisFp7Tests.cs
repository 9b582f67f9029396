using System;
using System.Diagnostics;
using System.Globalization;
using GlocalNetworks.Data;
using GlocalNetworks.IO;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;
using Xunit.Abstractions;

namespace GlocalNetworks.Tests.Data;

/// <summary>Loads FP7 once per test class (each load takes one to two seconds).</summary>
public sealed class Fp7Fixture
{
    private readonly Lazy<(LoadResult Result, TimeSpan Time)> _city = new(() => Timed(() => CordisFp7.Load(SharedData.Files)));
    private readonly Lazy<(LoadResult Result, TimeSpan Time)> _nuts = new(() => Timed(() => CordisFp7.LoadNuts(SharedData.Files)));

    public LoadResult City => _city.Value.Result;

    public TimeSpan CityTime => _city.Value.Time;

    public LoadResult Nuts => _nuts.Value.Result;

    public TimeSpan NutsTime => _nuts.Value.Time;

    private static (LoadResult, TimeSpan) Timed(Func<LoadResult> load)
    {
        var sw = Stopwatch.StartNew();
        var r = load();
        return (r, sw.Elapsed);
    }
}

public class CordisFp7Tests(Fp7Fixture fp7, ITestOutputHelper output) : IClassFixture<Fp7Fixture>
{
    private static readonly string[] CityLevels = ["city", "province", "country", "world-region", "world"];
    private static readonly string[] NutsLevels = ["nuts3", "nuts2", "nuts1", "country", "world-region", "world"];

    [Fact]
    public void Load_Cities_CountsMatchIndependentRecount()
    {
        var r = fp7.City;
        var c = r.Report.Counts;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FP7 by city: {fp7.CityTime.TotalSeconds:F2} s"));
        output.WriteLine(r.Report.Summary());

        Assert.Equal(CordisCounts.Long("fp7.organisations"), r.Network.Innovators.Count);
        Assert.Equal(30973, r.Network.Innovators.Count);
        Assert.Equal(CordisCounts.Long("fp7.organisations"), c["organisations.csv rows"]);
        Assert.Equal(CordisCounts.Long("fp7.participations"), c["participations.csv rows"]);
        Assert.Equal(CordisCounts.Long("fp7.events"), c["events"]);
        Assert.Equal(CordisCounts.Long("fp7.city.events_projected"), c["events projected"]);
        Assert.Equal(CordisCounts.Long("fp7.city.events_single"), c["events with one participant (no link)"]);
        Assert.Equal(3, c["duplicate participations removed"]);
        Assert.Equal(CordisCounts.Long("fp7.city.links"), r.Network.Links.Count);
        Assert.Equal(888405, r.Network.Links.Count);
        Assert.Equal(CordisCounts.Long("fp7.city.regions"), r.Network.Regions.Count);
        Assert.Equal(CordisCounts.Long("fp7.city.province_regions"), c["province regions"]);
        Assert.Equal(CordisCounts.Long("fp7.city.city_regions"), c["city regions"]);
        Assert.Equal(CordisCounts.Long("fp7.city.cities_under_country"), c["cities under their country (admin-1 division unknown)"]);
        Assert.Equal(CordisCounts.Long("fp7.city.located_by_city"), c["organisations located by city"]);
        Assert.Equal(CordisCounts.Long("fp7.city.unmatched_city"), c["organisations with an unmatched city (located by country)"]);
        Assert.Equal(CordisCounts.Long("fp7.city.unmatched_pairs"), c["unmatched (country, city) pairs"]);
        Assert.Equal(CordisCounts.Long("fp7.city.no_city"), c["organisations without a city (located by country)"]);
        Assert.Equal(CordisCounts.Long("fp7.city.country_from_nuts"), c["organisations whose country comes from their NUTS code"]);
        Assert.Equal(CordisCounts.Long("fp7.city.world_root"), c["organisations without a country (located at the world root)"]);
        foreach (var level in CityLevels)
        {
            Assert.Equal(CordisCounts.Long("fp7.city.innovators_by_level." + level), c["innovators at " + level]);
        }

        Assert.Equal(CordisCounts.Long("fp7.city.links_resolution_limited"), r.Network.ResolutionLimitedCount);
        Assert.Equal(r.Network.ResolutionLimitedCount, c["links resolution-limited"]);
    }

    [Fact]
    public void Load_Cities_LinkScalesMatchIndependentRecount() =>
        AssertScales(fp7.City.Network, "fp7.city.links_by_scale");

    [Fact]
    public void Load_Cities_LinksAreUndatedUnitJointProjects()
    {
        var links = fp7.City.Network.Links;

        Assert.Equal(links.Count, links.UndatedCount);
        Assert.Null(links.YearRange);
        Assert.Null(links[0].Year);
        foreach (var w in links.Weights)
        {
            Assert.Equal(1.0, w);
        }

        foreach (var k in links.Kinds)
        {
            Assert.Equal(LinkKind.JointProject, k);
        }
    }

    [Fact]
    public void Load_Cities_KnownOrganisationsSitWhereTheRecountPutsThem()
    {
        var net = fp7.City.Network;
        foreach (var k in CordisCounts.At("fp7.known").EnumerateArray())
        {
            var inn = net.Innovators[k.GetProperty("id").GetString()!];
            Assert.Equal(k.GetProperty("name").GetString(), inn.Name);
            Assert.Equal(k.GetProperty("city_region").GetString(), inn.RegionId);
        }

        var poli = net.Innovators["999977754"];
        Assert.Equal("POLITECNICO DI TORINO", poli.Name);
        Assert.Equal(InnovatorKind.Other, poli.Kind);
        Assert.Equal("geonames:3165524", poli.RegionId);
        Assert.Equal("Turin", net.Regions[poli.RegionId].Name);
        Assert.Equal("admin1:IT.12", net.Regions[poli.RegionId].ParentId);
        Assert.Equal("Piedmont", net.Regions["admin1:IT.12"].Name);
        Assert.Equal("IT", net.Regions["admin1:IT.12"].ParentId);
        Assert.Equal(45.07049, poli.Location!.Value.Latitude, 5);
        Assert.Equal("TORINO", poli.Attributes["city"]);
        Assert.Equal("exact-altname", poli.Attributes["geocoding"]);
        Assert.Equal("ITC11", poli.Attributes["nuts3"]);

        // Greece as EL and as GR lands in the same city region (Athens).
        Assert.Equal("geonames:264371", net.Innovators["ff7c749fdee2f8b5b1b0f8cc9a223aa5"].RegionId);
        Assert.Equal("EL", net.Innovators["ff7c749fdee2f8b5b1b0f8cc9a223aa5"].Attributes["country"]);
        Assert.Equal("m49:150", net.Regions["GR"].ParentId);
    }

    [Fact]
    public void Load_Cities_ReportsEveryCoarseLocationAsIssue()
    {
        var r = fp7.City.Report;
        int unmatched = 0, world = 0, duplicates = 0;
        foreach (var i in r.Issues)
        {
            Assert.NotEqual(LoadAction.Skipped, i.Action);
            unmatched += i.Column == "city" ? 1 : 0;
            world += i.Column == "country" ? 1 : 0;
            duplicates += i.Column == "innovator" ? 1 : 0;
        }

        Assert.Equal(CordisCounts.Long("fp7.city.unmatched_city"), unmatched);
        Assert.Equal(CordisCounts.Long("fp7.city.world_root"), world);
        Assert.Equal(3, duplicates);
        Assert.Equal(0, r.SkippedRows);
    }

    [Fact]
    public void LoadNuts_CountsMatchIndependentRecount()
    {
        var r = fp7.Nuts;
        var c = r.Report.Counts;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FP7 by NUTS: {fp7.NutsTime.TotalSeconds:F2} s"));
        output.WriteLine(r.Report.Summary());

        Assert.Same(RegionLadder.Eu, r.Network.Ladder);
        Assert.Equal(CordisCounts.Long("fp7.nuts.regions"), r.Network.Regions.Count);
        Assert.Equal(CordisCounts.Long("fp7.nuts.nuts_regions"), c["NUTS regions"]);
        Assert.Equal(CordisCounts.Long("fp7.nuts.links"), r.Network.Links.Count);
        Assert.Equal(CordisCounts.Long("fp7.nuts.exact_nuts3"), c["organisations located by an exact NUTS-3 code"]);
        Assert.Equal(CordisCounts.Long("fp7.nuts.coarse_code"), c["organisations located by a NUTS-1 or NUTS-2 code"]);
        Assert.Equal(CordisCounts.Long("fp7.nuts.to_nuts2"), c["NUTS codes not in NUTS 2021, located in their nuts2 prefix"]);
        Assert.Equal(CordisCounts.Long("fp7.nuts.to_nuts1"), c["NUTS codes not in NUTS 2021, located in their nuts1 prefix"]);
        Assert.Equal(CordisCounts.Long("fp7.nuts.to_country"), c["NUTS codes not in NUTS 2021, located in their country"]);
        Assert.Equal(CordisCounts.Long("fp7.nuts.country_only_code"), c["organisations with a country-only NUTS code"]);
        Assert.Equal(CordisCounts.Long("fp7.nuts.no_code"), c["organisations without a NUTS code (located by country)"]);
        Assert.Equal(CordisCounts.Long("fp7.nuts.conflicts"), c["NUTS code country conflicts (code wins)"]);
        Assert.Equal(0, c["NUTS code country conflicts (code wins)"]);
        foreach (var level in NutsLevels)
        {
            Assert.Equal(CordisCounts.Long("fp7.nuts.innovators_by_level." + level), c["innovators at " + level]);
        }

        Assert.Equal(CordisCounts.Long("fp7.nuts.links_resolution_limited"), r.Network.ResolutionLimitedCount);
        AssertScales(r.Network, "fp7.nuts.links_by_scale");
    }

    [Fact]
    public void LoadNuts_KnownOrganisationsSitWhereTheRecountPutsThem()
    {
        var net = fp7.Nuts.Network;
        foreach (var k in CordisCounts.At("fp7.known").EnumerateArray())
        {
            Assert.Equal(k.GetProperty("nuts_region").GetString(), net.Innovators[k.GetProperty("id").GetString()!].RegionId);
        }

        // University of Manchester: UKD31 (NUTS 2013) is not in NUTS 2021; located in UKD3, and its point is still Manchester's.
        var man = net.Innovators["999903840"];
        Assert.Equal("UKD3", man.RegionId);
        Assert.Equal("GB", net.Regions[net.Regions["UKD"].ParentId!].Id);
        Assert.NotNull(man.Location);
    }

    [Fact]
    public void Load_InferKinds_CountsMatchPythonMirrorOfTheRule()
    {
        var r = CordisFp7.Load(SharedData.Files, cordis: CordisOptions.Default with { InferKinds = true });
        var c = r.Report.Counts;
        var k = CordisCounts.At("fp7.kinds_by_python_rule");

        Assert.Equal(k.GetProperty("firm").GetInt64(), c["innovators of kind Firm"]);
        Assert.Equal(k.GetProperty("university").GetInt64(), c["innovators of kind University"]);
        Assert.Equal(k.GetProperty("research-institute").GetInt64(), c["innovators of kind ResearchInstitute"]);
        Assert.Equal(k.GetProperty("government").GetInt64(), c["innovators of kind Government"]);
        Assert.Equal(k.GetProperty("intermediary").GetInt64(), c["innovators of kind Intermediary"]);
        Assert.Equal(k.GetProperty("other").GetInt64(), c["innovators left Other by the keyword rule"]);
        Assert.Equal(InnovatorKind.University, r.Network.Innovators["999977754"].Kind);
        Assert.Equal(InnovatorKind.ResearchInstitute, r.Network.Innovators["3dd8adf7378218b42943d9cf442a40be"].Kind);
    }

    private static void AssertScales(GlocalNetwork net, string path)
    {
        var counts = new long[5];
        foreach (var s in net.LinkScales)
        {
            counts[(int)s]++;
        }

        var expected = CordisCounts.At(path);
        foreach (var s in Enum.GetValues<Scale>())
        {
            Assert.Equal(expected.GetProperty(s.ToString()).GetInt64(), counts[(int)s]);
        }
    }
}
