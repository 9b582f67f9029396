using System;
using System.IO;
using System.Text.Json;

namespace GlocalNetworks.Tests.Data;

/// <summary>The independent recount of the real data sets, written by tests/oracles/cordis_counts.py.</summary>
internal static class CordisCounts
{
    private static readonly Lazy<JsonDocument> Doc = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hand", "cordis-counts.json");
        return JsonDocument.Parse(File.ReadAllText(path));
    });

    public static JsonElement Root => Doc.Value.RootElement;

    /// <summary>The element at a dotted path, e.g. <c>fp7.city.links</c>.</summary>
    public static JsonElement At(string path)
    {
        var e = Root;
        foreach (var part in path.Split('.'))
        {
            e = e.GetProperty(part);
        }

        return e;
    }

    public static long Long(string path) => At(path).GetInt64();

    public static string Text(string path) => At(path).GetString()!;
}
