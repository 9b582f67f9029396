using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using GlocalNetworks.Model;
using Xunit;

namespace GlocalNetworks.Tests.IO.GraphFormats;

/// <summary>The small hand-made network the graph-format tests write and read, and access to the shared data.</summary>
internal static class GraphFormatsFixtures
{
    /// <summary>
    /// Six innovators on the default ladder: two in Zürich (Local), one in Winterthur (Regional with Zürich), one in
    /// Stuttgart (Supranational with Switzerland), one in Beijing (Global), one located only by country (National,
    /// resolution-limited). Accents, CJK, XML metacharacters and a newline in names and attributes; mixed directions.
    /// </summary>
    public static GlocalNetwork Sample() => GlocalNetwork.CreateBuilder()
        .AddRegion("EUR", "Europe", "world-region")
        .AddRegion("ASI", "Asia", "world-region")
        .AddRegion("CH", "Schweiz", "country", "EUR")
        .AddRegion("DE", "Deutschland", "country", "EUR")
        .AddRegion("CN", "中国", "country", "ASI")
        .AddRegion("ZH", "Kanton Zürich", "province", "CH")
        .AddRegion("BW", "Baden-Württemberg", "province", "DE")
        .AddRegion("BJ", "北京市", "province", "CN")
        .AddRegion("zurich", "Zürich", "city", "ZH", new GeoPoint(47.3769, 8.5417))
        .AddRegion("winterthur", "Winterthur", "city", "ZH")
        .AddRegion("stuttgart", "Stuttgart", "city", "BW")
        .AddRegion("beijing", "北京", "city", "BJ")
        .AddInnovator("uzh", "Universität Zürich", InnovatorKind.University, "zurich", new GeoPoint(47.3744, 8.5486),
            new Dictionary<string, string> { ["field"] = "life sciences", ["size"] = "large" })
        .AddInnovator("eth", "ETH Zürich", InnovatorKind.University, "zurich", new GeoPoint(47.376313, 8.547669),
            new Dictionary<string, string> { ["field"] = "engineering", ["blank"] = " ", ["empty"] = "" })
        .AddInnovator("zhaw", "ZHAW – Zürcher Hochschule für Angewandte Wissenschaften", InnovatorKind.University, "winterthur")
        .AddInnovator("bosch", "Robert Bosch GmbH", InnovatorKind.Firm, "stuttgart", null,
            new Dictionary<string, string> { ["industry"] = "automotive", ["note"] = "R&D <lab> \"quoted\" 'x'\r\nline 2\ttab  ", ["label"] = "not the name" })
        .AddInnovator("tsinghua", "清华大学", InnovatorKind.University, "beijing", new GeoPoint(40.0, 116.3264))
        .AddInnovator("swiss-gov", "Schweizerische Eidgenossenschaft", InnovatorKind.Government, "CH")
        .AddLink("uzh", "eth", LinkKind.CoPublication, 3.0, 2015)
        .AddLink("uzh", "zhaw", LinkKind.JointProject, 1.5, 2016, endYear: 2018)
        .AddLink("eth", "bosch", LinkKind.Alliance, 2.25, 2017, directed: true)
        .AddLink("eth", "tsinghua", LinkKind.CoPublication, 0.1)
        .AddLink("tsinghua", "uzh", LinkKind.Citation, 1.0, 2019, directed: true, date: new DateOnly(2019, 5, 4))
        .AddLink("swiss-gov", "uzh", LinkKind.Other, 1.0 / 3.0, 2015)
        .Build();

    /// <summary>The <c>shared/data</c> folder beside the repository root (or <c>GLOCAL_SHARED_DATA</c>); fails when missing.</summary>
    public static string SharedData(params string[] parts)
    {
        var root = Environment.GetEnvironmentVariable("GLOCAL_SHARED_DATA");
        if (string.IsNullOrEmpty(root))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GlocalNetworks.sln")))
            {
                dir = dir.Parent;
            }

            Assert.True(dir?.Parent is not null, "The repository root (GlocalNetworks.sln) was not found above " + AppContext.BaseDirectory);
            root = Path.Combine(dir!.Parent!.FullName, "shared", "data");
        }

        Assert.True(Directory.Exists(root), $"The shared data folder '{root}' is missing; set GLOCAL_SHARED_DATA.");
        var all = new string[parts.Length + 1];
        all[0] = root;
        parts.CopyTo(all, 1);
        var path = Path.Combine(all);
        Assert.True(File.Exists(path), $"The shared data file '{path}' is missing.");
        return path;
    }

    /// <summary>UTF-8 bytes of <paramref name="text"/> as a stream.</summary>
    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
