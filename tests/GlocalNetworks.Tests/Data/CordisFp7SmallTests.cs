using System;
using GlocalNetworks.Data;
using GlocalNetworks.IO;
using GlocalNetworks.Model;
using GlocalNetworks.Tests.TestUtils;
using Xunit;

namespace GlocalNetworks.Tests.Data;

/// <summary>FP7 loading rules on small hand-made organisation and participation files (real reference tables).</summary>
public class CordisFp7SmallTests
{
    private const string OrgHeader = "org_id,name,short_name,url,nuts3,country,street,city,post_code,provincia\n";

    private const string Orgs = OrgHeader
        + "a,POLITECNICO DI TORINO,POLITO,,ITC11,IT,,TORINO,,TO\n"
        + "b,FIAT SPA,,,,IT,,TORINO,,\n"
        + "c,UNIVERSITA DEL PIEMONTE ORIENTALE,,,,IT,,NOVARA,,\n"
        + "d,POLITECNICO DI MILANO,,,ITC4C,IT,,MILANO,,\n"
        + "e,IMPERIAL COLLEGE,,,UKI11,UK,,LONDON,,\n"
        + "f,NEW YORK UNIVERSITY,,,,US,,NEW YORK,,\n"
        + "g,NOWHERE SRL,,,,IT,,ATLANTIS,,\n"
        + "h,NO COUNTRY FOUNDATION,,,,,,SKOPJE,,\n"
        + "i,ATHENS UNIVERSITY,,,EL303,EL,,ATHINA,,\n"
        + "j,NTUA,,,EL303,GR,,ATHENS,,\n";

    private const string Parts = "project_rcn,org_id\n"
        + "1,a\n1,b\n1,c\n1,d\n1,e\n1,f\n1,g\n1,h\n"
        + "2,i\n2,j\n2,j\n"
        + "3,a\n";

    [Fact]
    public void Load_SmallSet_LocatesByCityAndClassifiesEveryScale()
    {
        using var dir = new TempDir();
        var r = CordisFp7.Load(Files(dir, Orgs, Parts));
        var net = r.Network;

        Assert.Equal("geonames:3165524", Home(net, "a"));
        Assert.Equal("geonames:3165524", Home(net, "b"));
        Assert.Equal("geonames:3172189", Home(net, "c"));
        Assert.Equal("geonames:3173435", Home(net, "d"));
        Assert.Equal("IT", Home(net, "g"));
        Assert.Equal("world", Home(net, "h"));
        Assert.Equal("geonames:264371", Home(net, "i"));
        Assert.Equal("geonames:264371", Home(net, "j"));
        Assert.Equal(Scale.Local, ScaleOf(net, "a", "b"));
        Assert.Equal(Scale.Regional, ScaleOf(net, "a", "c"));
        Assert.Equal(Scale.National, ScaleOf(net, "a", "d"));
        Assert.Equal(Scale.Supranational, ScaleOf(net, "a", "e"));
        Assert.Equal(Scale.Global, ScaleOf(net, "a", "f"));
        Assert.Equal(Scale.National, ScaleOf(net, "a", "g"));
        Assert.Equal(Scale.Global, ScaleOf(net, "a", "h"));
        Assert.Equal(Scale.Local, ScaleOf(net, "i", "j"));
        Assert.Equal(28 + 1, net.Links.Count);
        // g (Italy only) with its 4 Italian partners and h; h (world root) with all 7 partners; g-h counted once.
        Assert.Equal(5 + 7 - 1, net.ResolutionLimitedCount);
        Assert.Equal(1, r.Report.Counts["duplicate participations removed"]);
        Assert.Equal(1, r.Report.Counts["events with one participant (no link)"]);
        Assert.Equal(8, r.Report.Counts["innovators at city"]);
        Assert.Equal(1, r.Report.Counts["innovators at country"]);
        Assert.Equal(1, r.Report.Counts["innovators at world"]);
        Assert.Equal(1, r.Report.Counts["organisations whose (country, city) is not in the match table (located by country)"]);
        Assert.Contains(r.Report.Issues, i => i.Line == 8 && i.Column == "city" && i.Value == "ATLANTIS" && i.Action == LoadAction.Kept);
        Assert.Contains(r.Report.Issues, i => i.Line == 9 && i.Column == "country" && i.Action == LoadAction.Kept);
    }

    [Fact]
    public void LoadNuts_SmallSet_FallsBackToPrefixesAndMapsEl()
    {
        using var dir = new TempDir();
        var r = CordisFp7.LoadNuts(Files(dir, Orgs, Parts));
        var net = r.Network;

        Assert.Equal("ITC11", Home(net, "a"));
        Assert.Equal("IT", Home(net, "b"));
        Assert.Equal("ITC4C", Home(net, "d"));
        Assert.Equal("UKI", Home(net, "e"));             // UKI11 (NUTS 2013) is gone in 2021; UKI1 too; UKI stays
        Assert.Equal("GB", net.Regions["UKI"].ParentId);
        Assert.Equal("US", Home(net, "f"));
        Assert.Equal("world", Home(net, "h"));
        Assert.Equal("EL303", Home(net, "i"));
        Assert.Equal("EL303", Home(net, "j"));           // EL code with GR country: no conflict
        Assert.Equal(0, r.Report.Counts["NUTS code country conflicts (code wins)"]);
        Assert.Equal(1, r.Report.Counts["NUTS codes not in NUTS 2021, located in their nuts1 prefix"]);
        Assert.Contains(r.Report.Issues, i => i.Line == 6 && i.Column == "nuts3" && i.Value == "UKI11" && i.Action == LoadAction.Kept);
        Assert.True(IsLimited(net, "a", "e") == false && IsLimited(net, "e", "b") == false);
        Assert.Equal(Scale.Local, ScaleOf(net, "i", "j"));
        Assert.Equal(Scale.Regional, ScaleOf(net, "a", "d"));      // ITC11 and ITC4C meet in nuts1 ITC
        Assert.Equal(Scale.National, ScaleOf(net, "a", "b"));      // b is known only by its country
        Assert.True(IsLimited(net, "a", "b"));
    }

    [Fact]
    public void Load_MalformedOrganisationRow_StrictThrowsWithFileAndLine()
    {
        using var dir = new TempDir();
        var orgs = OrgHeader + "a,\"A NAME\nON TWO LINES\",,,,IT,,TORINO,,\n" + "b,BROKEN,IT\n";

        var e = Assert.Throws<CsvFormatException>(() => CordisFp7.Load(Files(dir, orgs, "project_rcn,org_id\n1,a\n")));

        Assert.Equal(4, e.Line);
        Assert.StartsWith("organisations.csv:4: value 'b,BROKEN,IT' has 3 field(s) but the header has 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedOrganisationRow_LenientSkipsAndReports()
    {
        using var dir = new TempDir();
        var orgs = OrgHeader + "a,\"A NAME\nON TWO LINES\",,,,IT,,TORINO,,\n" + "b,BROKEN,IT\n" + "c,FINE,,,,IT,,MILANO,,\n";

        var r = CordisFp7.Load(Files(dir, orgs, "project_rcn,org_id\n1,a\n1,c\n"), new LoadOptions { Mode = LoadMode.Lenient });

        Assert.Equal(2, r.Network.Innovators.Count);
        Assert.Equal("A NAME\nON TWO LINES", r.Network.Innovators["a"].Name);
        Assert.Equal(1, r.Report.SkippedRows);
        Assert.Contains(r.Report.Issues, i => i.Line == 4 && i.Action == LoadAction.Skipped && i.File == "organisations.csv");
        Assert.Equal(Scale.National, r.Network.LinkScales[0]);
    }

    [Fact]
    public void Load_UnknownOrganisationInParticipations_NamesFileLineAndSuggests()
    {
        using var dir = new TempDir();

        var e = Assert.Throws<ReferentialIntegrityException>(() => CordisFp7.Load(Files(dir, Orgs, "project_rcn,org_id\n1,a\n1,bb\n")));

        Assert.Equal(3, e.Line);
        Assert.Equal("participations.csv:3: column 'org_id': value 'bb' is not a known organisation id; did you mean 'b', 'a' or 'c'?", e.Message);
    }

    [Fact]
    public void Load_DuplicateOrganisationId_NamesFirstLine()
    {
        using var dir = new TempDir();
        var orgs = OrgHeader + "a,ONE,,,,IT,,TORINO,,\n" + "a,TWO,,,,IT,,TORINO,,\n";

        var e = Assert.Throws<DuplicateIdException>(() => CordisFp7.Load(Files(dir, orgs, "project_rcn,org_id\n1,a\n")));

        Assert.Equal("organisations.csv:3: column 'org_id': value 'a' is a duplicate id; it first occurs on line 2.", e.Message);
    }

    [Fact]
    public void Load_UnknownCountry_StrictThrowsLenientPutsAtWorldRoot()
    {
        using var dir = new TempDir();
        var orgs = OrgHeader + "a,ONE,,,,IT,,TORINO,,\n" + "b,TWO,,,,QQ,,SOMEWHERE,,\n";
        var files = Files(dir, orgs, "project_rcn,org_id\n1,a\n1,b\n");

        var e = Assert.Throws<ReferentialIntegrityException>(() => CordisFp7.Load(files));
        var r = CordisFp7.Load(files, new LoadOptions { Mode = LoadMode.Lenient });

        Assert.StartsWith("organisations.csv:3: column 'country': value 'QQ' is not a country of the country table (as 'QQ')", e.Message, StringComparison.Ordinal);
        Assert.Equal("world", Home(r.Network, "b"));
        Assert.Contains(r.Report.Issues, i => i.Line == 3 && i.Column == "country" && i.Action == LoadAction.Repaired);
        Assert.Equal(Scale.Global, r.Network.LinkScales[0]);
        Assert.True(r.Network.LinkResolutionLimited[0]);
    }

    [Fact]
    public void ReadCityTree_SharedGazetteer_CitiesUnderProvincesUnderCountries()
    {
        var t = CordisFp7.ReadCityTree(SharedData.Files);

        Assert.Equal(CordisCounts.Long("fp7.city.regions"), t.Count);
        Assert.Same(RegionLadder.Default, t.Ladder);
        Assert.Equal("city", t["geonames:3165524"].Level.Name);
        Assert.Equal("admin1:IT.12", t["geonames:3165524"].ParentId);
        Assert.Equal("province", t["admin1:IT.12"].Level.Name);
        Assert.Equal("admin1:GR.ESYE31", t["geonames:264371"].ParentId);
        Assert.Equal("NO", t["geonames:3162797"].ParentId);           // Ås: admin-1 code NO.30 (Akershus) retired, so under Norway
        Assert.Equal("admin1:NO.12", t["geonames:3143244"].ParentId);  // Oslo
        Assert.Equal(37.98376, t["geonames:264371"].Centroid!.Value.Latitude, 5);
    }

    [Fact]
    public void Load_MalformedCityMatch_NamesFileAndLine()
    {
        using var dir = new TempDir();
        var files = Files(dir, Orgs, Parts) with
        {
            Fp7CityMatches = dir.Write("fp7-city-matches.csv",
                "country,city,n_orgs,n_participations,match,n_candidates,geonameid,gazetteer_name,admin1_code,population,lat,lon\n"
                + "IT,TORINO,1,1,exact-name,1,3165524,Turin,12,870456,45.07049,7.68682\n"
                + "IT,MILANO,1,1,exact-name,1,3173435,Milan,09,1236837,145.46,9.18951\n"),
        };

        var e = Assert.Throws<CsvFormatException>(() => CordisFp7.Load(files));

        Assert.Equal("fp7-city-matches.csv:3: column 'lat': value '145.46' is not a latitude; expected a number of degrees in [-90, 90] (or both coordinates empty).", e.Message);
    }

    private static DataFiles Files(TempDir dir, string orgs, string parts) => SharedData.Files with
    {
        Fp7Organisations = dir.Write("organisations.csv", orgs),
        Fp7Participations = dir.Write("participations.csv", parts),
    };

    private static string Home(GlocalNetwork net, string id) => net.Regions[net.Innovators.RegionIndices[net.Innovators.IndexOf(id)]].Id;

    private static bool IsLimited(GlocalNetwork net, string a, string b) => net.LinkResolutionLimited[LinkIndex(net, a, b)];

    private static Scale ScaleOf(GlocalNetwork net, string a, string b) => net.LinkScales[LinkIndex(net, a, b)];

    private static int LinkIndex(GlocalNetwork net, string a, string b)
    {
        int ia = net.Innovators.IndexOf(a), ib = net.Innovators.IndexOf(b);
        var links = net.Links;
        for (var i = 0; i < links.Count; i++)
        {
            if ((links.Sources[i] == ia && links.Targets[i] == ib) || (links.Sources[i] == ib && links.Targets[i] == ia))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No link between '{a}' and '{b}'.");
    }
}
